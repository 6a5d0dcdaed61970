/// <reference lib="dom" />
// The chat widget: a launcher button and a chat panel inside a shadow root. All text reaches the DOM through
// text nodes (textContent, createTextNode, append(string)); nothing is ever parsed as HTML.

import { WidgetApiError, type ApiClient, type ApiFailure } from "./api.js";
import { createPoller, newStaffTurns, type PollClock } from "./poll.js";
import { legalLine, questionHeading } from "../render/reply.js";
import { groupCitations, renderLightMarkdown } from "./render.js";
import type { HandoffStatus, WidgetHandoff, WidgetReply, WidgetTurn } from "./reply.js";
import type { ShownReply, WidgetSession } from "./session.js";
import { failureText, text as t } from "./strings.js";
import { css } from "./styles.js";

export interface WidgetOptions {
  title: string;
  greeting: string;
  /** A theme colour already checked for contrast (see contrast.ts). */
  color: string;
  position: "left" | "right";
  /** The service's message limit, in characters. */
  maxChars: number;
  /** Link to the privacy statement, or null for none. */
  privacyUrl: string | null;
  /** Seconds between asking for staff replies, instead of what the service says (data-poll-seconds). */
  pollSeconds?: number | null;
}

export interface WidgetDeps {
  api: ApiClient;
  session: WidgetSession;
  /** Timers for asking for staff replies; the window's by default. */
  clock?: PollClock;
}

export interface Widget {
  open(): void;
  close(): void;
}

type Child = Node | string;

/** Builds the widget inside `shadow` and wires its behaviour. */
export function createWidget(shadow: ShadowRoot, options: WidgetOptions, deps: WidgetDeps): Widget {
  const doc = shadow.ownerDocument;
  const { api, session } = deps;
  let idCounter = 0;
  const nextId = (prefix: string) => `ow-${prefix}-${++idCounter}`;

  function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.append(...children); // strings become text nodes
    return el;
  }
  const srOnly = (s: string) => h("span", { class: "sr-only" }, s);

  function icon(): SVGSVGElement {
    const ns = "http://www.w3.org/2000/svg";
    const svg = doc.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = doc.createElementNS(ns, "path");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z");
    svg.appendChild(path);
    return svg;
  }

  // ---- structure -------------------------------------------------------------------------------------------

  adoptStyles(shadow, css);

  const root = h("div", { class: "root", lang: "nl", "data-position": options.position });
  root.style.setProperty("--ow-color", options.color);

  // The badge counts staff replies that arrived while the panel was closed; the launcher's name says it too.
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: "" });
  const launcher = h("button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "ow-panel" }, icon(), h("span", {}, t.launcher), badge);

  const closeButton = h("button", { type: "button", class: "close", "aria-label": t.close }, "×");
  const newButton = h("button", { type: "button" }, t.newConversation);
  const eraseButton = h("button", { type: "button" }, t.erase);
  const header = h(
    "div",
    { class: "header" },
    h("div", { class: "heading" }, h("h2", { class: "title", id: "ow-title" }, options.title), h("p", { class: "subtitle" }, t.subtitle)),
    closeButton,
    h("div", { class: "actions" }, newButton, eraseButton),
  );

  // The log exists (empty of replies) before any message arrives, so screen readers pick up additions.
  const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": t.logLabel, tabindex: "0" });

  const dots = h("span", { class: "dots", "aria-hidden": "true", hidden: "" }, h("span"), h("span"), h("span"));
  const statusText = h("span");
  const status = h("p", { class: "status", role: "status" }, dots, statusText);

  const input = h("textarea", {
    id: "ow-input",
    name: "vraag",
    rows: "2",
    maxlength: String(options.maxChars),
    autocomplete: "off",
    "aria-describedby": "ow-error ow-counter",
  });
  const sendButton = h("button", { type: "submit", class: "send" }, t.send);
  const error = h("p", { class: "error", id: "ow-error", role: "alert" });
  const counter = h("p", { class: "counter", id: "ow-counter" }, t.counter(0, options.maxChars));
  const form = h(
    "form",
    { class: "composer", novalidate: "" },
    h("label", { for: "ow-input" }, t.inputLabel),
    h("div", { class: "row" }, input, sendButton),
    h("div", { class: "meta" }, error, counter),
  );
  if (options.privacyUrl) {
    form.append(h("p", { class: "privacy" }, externalLink(options.privacyUrl, t.privacy)));
  }

  const panel = h("div", { class: "panel", id: "ow-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "ow-title", hidden: "" }, header, log, status, form);
  root.append(launcher, panel);
  shadow.appendChild(root);

  function externalLink(href: string, label: string): HTMLAnchorElement {
    return h("a", { href, target: "_blank", rel: "noopener noreferrer" }, label, srOnly(t.newTab));
  }

  // ---- state -----------------------------------------------------------------------------------------------

  let opened = false;
  let busy = false;
  /** Whether the transcript of the stored conversation is on screen (or there is none to load). */
  let loaded = session.conversationId() === null;
  /** Bumped when the transcript is reset, so answers to requests from before the reset are dropped. */
  let generation = 0;
  let shown: ShownReply[] = session.replies();
  /** Conversations the parent erased in this page; a late answer must not bring one back. */
  const erased = new Set<string>();
  /** The highest turn seq on screen; staff turns above it are new. */
  let shownSeq = -1;
  /** The latest known handoff status; "open" after a reload while one was open, so its closing is told. */
  let handoffStatus: HandoffStatus | null = session.handoffActive() ? "open" : null;
  /** The closing note was shown; only a new request for a person (or a new staff reply) can bring it again. */
  let closedTold = false;
  let unread = 0;
  /** The last message that got no answer, with its id: sending the same text again reuses the id, so that a
   * request the service did handle before the connection failed is answered once (RELIABILITY W-08). */
  let unanswered: { text: string; id: string } | null = null;
  const newMessageId = (): string | undefined => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : undefined);
  const clock: PollClock = deps.clock ?? {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
  const visible = () => doc.visibilityState === "visible";
  const poller = createPoller(clock, pollStaff, visible());

  // ---- rendering -------------------------------------------------------------------------------------------

  function scrollTo(message: HTMLElement, toTop: boolean): void {
    // Set directly, without smooth scrolling, which also respects prefers-reduced-motion.
    log.scrollTop = toTop ? Math.max(0, message.offsetTop - 12) : log.scrollHeight;
  }

  function appendParent(textValue: string): HTMLElement {
    const message = h("div", { class: "msg msg-parent", "data-role": "parent" }, srOnly(`${t.you} `), textValue);
    log.appendChild(message);
    scrollTo(message, false);
    return message;
  }

  function part(className: string, label: string, content: HTMLElement): HTMLElement {
    const labelId = nextId("label");
    content.setAttribute("aria-labelledby", labelId);
    return h("div", { class: `part ${className}` }, h("p", { class: "label", id: labelId }, label), content);
  }

  function feedbackPart(entry: ShownReply, conversationId: string, answerId: string): HTMLElement {
    const labelId = nextId("fb");
    const yes = h("button", { type: "button", "aria-pressed": String(entry.helpful === true), "aria-label": t.helpfulYesName }, t.helpfulYes);
    const no = h("button", { type: "button", "aria-pressed": String(entry.helpful === false), "aria-label": t.helpfulNoName }, t.helpfulNo);
    const note = h("p", { role: "status" });
    const show = (helpful: boolean | undefined) => {
      yes.setAttribute("aria-pressed", String(helpful === true));
      no.setAttribute("aria-pressed", String(helpful === false));
    };
    let sending = false;
    const give = async (helpful: boolean) => {
      if (sending || entry.helpful === helpful) return;
      sending = true;
      const before = entry.helpful;
      show(helpful);
      note.textContent = "";
      try {
        await api.feedback({ conversationId, answerId, helpful });
        entry.helpful = helpful;
        session.setReplies(shown);
        note.textContent = t.helpfulThanks;
      } catch {
        show(before);
        note.textContent = t.feedbackFailed;
      } finally {
        sending = false;
      }
    };
    yes.addEventListener("click", () => void give(true));
    no.addEventListener("click", () => void give(false));
    return h("div", { class: "part feedback", role: "group", "aria-labelledby": labelId }, h("span", { id: labelId }, t.helpfulQuestion), yes, no, note);
  }

  /** Draws one chatbot message; `entry` enables feedback when the reply answers from a knowledge entry. */
  function appendBot(reply: WidgetReply, entry: ShownReply | null, conversationId: string | null): HTMLElement {
    const message = h("div", { class: "msg msg-bot", "data-role": "assistant", "data-kind": reply.kind }, srOnly(`${t.bot} `));
    // The question the answer is for, above it: a parent sees at once when something else was understood.
    const heading = questionHeading(reply.kind, reply);
    if (heading) message.appendChild(h("p", { class: "question" }, srOnly(`${t.answerFor} `), heading));
    message.appendChild(h("div", { class: "text" }, renderLightMarkdown(doc, reply.text)));

    if (reply.nextSteps.length > 0) {
      message.appendChild(part("steps", t.nextSteps, h("ol", {}, ...reply.nextSteps.map((s) => h("li", {}, s)))));
    }
    const sources = groupCitations(reply.citations);
    if (sources.length > 0) {
      const items = sources.map((source) =>
        h(
          "li",
          {},
          source.url ? externalLink(source.url, source.title) : h("span", {}, source.title),
          ...source.sections.map((section) => h("span", { class: "section" }, section)),
        ),
      );
      message.appendChild(part("sources", t.sources, h("ul", {}, ...items)));
    }
    const legal = reply.kind === "answer" ? legalLine(reply) : null;
    if (legal) message.appendChild(h("p", { class: "legal" }, legal));
    if (reply.suggestions.length > 0) {
      const buttons = reply.suggestions.map((question) => {
        const button = h("button", { type: "button", class: "suggestion" }, question);
        button.addEventListener("click", () => {
          input.focus();
          void send(question, false);
        });
        return h("li", {}, button);
      });
      message.appendChild(part("suggestions", t.suggestions, h("ul", {}, ...buttons)));
    }
    if (entry && conversationId && reply.answerId) {
      message.appendChild(feedbackPart(entry, conversationId, reply.answerId));
    }
    log.appendChild(message);
    return message;
  }

  /** A reply written by a staff member: plain text (newlines kept by CSS), never Markdown or HTML. */
  function appendStaff(textValue: string): HTMLElement {
    const message = h(
      "div",
      { class: "msg msg-staff", "data-role": "staff" },
      h("p", { class: "label" }, t.staff),
      h("div", { class: "text" }, textValue.replace(/\r\n?/g, "\n")),
    );
    log.appendChild(message);
    return message;
  }

  function setUnread(count: number): void {
    unread = count;
    badge.hidden = count === 0;
    badge.textContent = String(count);
    // The visible text comes first in the name (WCAG 2.5.3 label in name).
    if (count > 0) launcher.setAttribute("aria-label", `${t.launcher}, ${t.unread(count)}`);
    else launcher.removeAttribute("aria-label");
  }

  function appendWelcome(): void {
    const intro = [options.greeting, ...t.introLines].join("\n\n");
    const welcome = appendBot({ kind: "smalltalk", text: intro, answerId: null, citations: [], nextSteps: [], suggestions: [...t.introSuggestions] }, null, null);
    welcome.setAttribute("data-welcome", "");
  }

  function setStatus(message: string, typing = false): void {
    statusText.textContent = message;
    dots.hidden = !typing;
  }

  function showError(message: string, invalidInput: boolean): void {
    error.textContent = message;
    if (invalidInput) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function clearError(): void {
    error.textContent = "";
    input.removeAttribute("aria-invalid");
  }

  function updateCounter(): void {
    counter.textContent = t.counter(input.value.length, options.maxChars);
  }

  function setBusy(value: boolean): void {
    busy = value;
    sendButton.setAttribute("aria-disabled", String(value));
  }

  /** Follows the handoff: asks for staff replies while it is open or claimed, says once when it closed. */
  function applyHandoff(handoff: WidgetHandoff | null): void {
    const before = handoffStatus;
    handoffStatus = handoff?.status ?? null;
    if (handoffStatus === "consent" || handoffStatus === "contact") closedTold = false;
    // A late chat answer from before the closing can say "claimed" again; the note still comes once.
    if (handoffStatus === "closed" && (before === "open" || before === "claimed") && !closedTold) {
      closedTold = true;
      scrollTo(log.appendChild(h("p", { class: "note", "data-role": "system" }, t.handoffClosed)), false);
    }
    const active = handoff !== null && (handoff.status === "open" || handoff.status === "claimed") && session.conversationId() !== null;
    session.setHandoffActive(active);
    poller.set(active ? (options.pollSeconds ?? handoff.pollSeconds) : null);
  }

  /** One poll: draws staff replies not shown yet. Rejects on failure (the poller backs off); 404 stops. */
  async function pollStaff(): Promise<void> {
    const conversationId = session.conversationId();
    if (conversationId === null) return applyHandoff(null);
    const startedIn = generation;
    let conversation: Awaited<ReturnType<ApiClient["conversation"]>>;
    try {
      conversation = await api.conversation(conversationId);
    } catch (e) {
      if (startedIn !== generation) return;
      if (e instanceof WidgetApiError && e.failure.kind === "not-found") return applyHandoff(null);
      throw e;
    }
    if (startedIn !== generation || session.conversationId() !== conversationId) return;
    const { fresh, lastSeq } = newStaffTurns(conversation.turns, shownSeq);
    shownSeq = lastSeq;
    for (const turn of fresh) scrollTo(appendStaff(turn.text), true);
    if (fresh.length > 0) closedTold = false;
    if (!opened && fresh.length > 0) setUnread(unread + fresh.length);
    applyHandoff(conversation.handoff);
  }

  function resetTranscript(): void {
    generation++;
    session.clear();
    applyHandoff(null);
    shownSeq = -1;
    closedTold = false;
    setUnread(0);
    shown = [];
    loaded = true;
    while (log.lastChild) log.lastChild.remove();
    appendWelcome();
  }

  // ---- behaviour -------------------------------------------------------------------------------------------

  async function send(raw: string, fromInput: boolean): Promise<void> {
    const question = raw.trim();
    if (busy) return;
    if (question === "") {
      showError(t.empty, true);
      return;
    }
    if (question.length > options.maxChars) {
      showError(t.tooLong(options.maxChars), true);
      return;
    }
    clearError();
    setBusy(true);
    const draft = input.value;
    if (fromInput) {
      input.value = "";
      updateCounter();
    }
    const bubble = appendParent(question);
    setStatus(t.typing, true);
    const startedIn = generation;
    try {
      let conversationId = session.conversationId();
      let result: Awaited<ReturnType<ApiClient["chat"]>>;
      const messageId = unanswered?.text === question ? unanswered.id : newMessageId();
      unanswered = messageId ? { text: question, id: messageId } : null;
      try {
        result = await api.chat(conversationId, question, messageId);
      } catch (e) {
        // The service no longer knows this conversation (erased elsewhere, or past retention): start a new one.
        if (!(e instanceof WidgetApiError && e.failure.kind === "not-found" && conversationId)) throw e;
        conversationId = null;
        result = await api.chat(null, question, newMessageId());
      }
      unanswered = null;
      if (startedIn !== generation) {
        // The parent reset the conversation while this was on its way: drop the answer, and erase what the
        // request created or wrote again after an erase.
        if (result.conversationId !== conversationId || erased.has(result.conversationId)) {
          void api.erase(result.conversationId).catch(() => undefined);
        }
        return;
      }
      if (result.conversationId !== conversationId) {
        shown = [];
        shownSeq = -1;
        handoffStatus = null;
        closedTold = false;
        session.setConversationId(result.conversationId);
      }
      const entry: ShownReply = { reply: result.reply };
      shown.push(entry);
      session.setReplies(shown);
      setStatus("");
      scrollTo(appendBot(result.reply, entry, result.conversationId), true);
      applyHandoff(result.handoff);
    } catch (e) {
      if (startedIn !== generation) return;
      bubble.remove();
      setStatus("");
      const failure: ApiFailure = e instanceof WidgetApiError ? e.failure : { kind: "server" };
      // Keep the draft: put it back unless the parent already typed something new.
      if (fromInput && input.value === "") {
        input.value = draft;
        updateCounter();
      } else if (!fromInput && input.value === "") {
        input.value = question;
        updateCounter();
      }
      showError(failureText(failure, options.maxChars), failure.kind === "too-long");
    } finally {
      setBusy(false);
    }
  }

  /** Draws the stored conversation after a reload: parent text from the service, replies from the session. */
  async function restore(): Promise<void> {
    const conversationId = session.conversationId();
    if (loaded || conversationId === null || busy) return;
    setBusy(true);
    setStatus(t.loading, true);
    const startedIn = generation;
    try {
      const { turns, handoff } = await api.conversation(conversationId);
      if (startedIn !== generation) return;
      loaded = true;
      setStatus("");
      drawTurns(turns, conversationId);
      applyHandoff(handoff);
    } catch (e) {
      if (startedIn !== generation) return;
      if (e instanceof WidgetApiError && e.failure.kind === "not-found") {
        resetTranscript();
        setStatus(t.previousGone);
      } else {
        setStatus(t.restoreFailed);
      }
    } finally {
      setBusy(false);
    }
  }

  function drawTurns(turns: WidgetTurn[], conversationId: string): void {
    // Start from the welcome message: the service's transcript is the whole conversation.
    while (log.lastChild && log.lastChild !== log.firstChild) log.lastChild.remove();
    shownSeq = -1;
    const assistantTurns = turns.filter((turn) => turn.role === "assistant").length;
    // The session keeps the latest replies; line them up with the service's transcript from the end.
    const offset = assistantTurns - shown.length;
    const aligned: ShownReply[] = [];
    let k = 0;
    let last: HTMLElement | null = null;
    for (const turn of turns) {
      if (turn.seq !== null) shownSeq = Math.max(shownSeq, turn.seq);
      if (turn.role === "parent") {
        last = appendParent(turn.text);
        continue;
      }
      if (turn.role === "staff") {
        last = appendStaff(turn.text);
        continue;
      }
      const cached = shown[k - offset];
      k++;
      const matches = cached && cached.reply.kind === turn.kind && cached.reply.answerId === turn.answerId;
      const entry: ShownReply = matches
        ? cached
        : { reply: { kind: turn.kind ?? "answer", text: turn.text, answerId: null, citations: [], nextSteps: [], suggestions: [] } };
      aligned.push(entry);
      last = appendBot(entry.reply, entry, conversationId);
    }
    shown = aligned;
    session.setReplies(shown);
    if (last) scrollTo(last, false);
  }

  function open(): void {
    if (opened) return;
    opened = true;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    setUnread(0);
    input.focus();
    void restore();
  }

  function close(): void {
    if (!opened) return;
    opened = false;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send(input.value, true);
    }
  });
  input.addEventListener("input", () => {
    updateCounter();
    if (error.textContent) clearError();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send(input.value, true);
  });
  newButton.addEventListener("click", () => {
    resetTranscript();
    clearError();
    setStatus(t.newStarted);
    input.focus();
  });
  let erasing = false;
  eraseButton.addEventListener("click", async () => {
    if (erasing) return;
    const conversationId = session.conversationId();
    if (conversationId) {
      erasing = true;
      try {
        await api.erase(conversationId);
        erased.add(conversationId);
      } catch {
        showError(t.eraseFailed, false);
        return;
      } finally {
        erasing = false;
      }
    }
    resetTranscript();
    clearError();
    setStatus(t.erased);
    input.focus();
  });

  doc.addEventListener("visibilitychange", () => poller.setVisible(visible()));

  appendWelcome();
  // A staff member may have replied while the parent was on another page: load the transcript now.
  if (session.handoffActive()) void restore();
  return { open, close };
}

/**
 * Constructed stylesheets are not blocked by a host page's Content-Security-Policy style-src the way a <style>
 * element can be; the <style> element is the fallback for browsers without them.
 */
function adoptStyles(shadow: ShadowRoot, styles: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Fall through to a <style> element.
  }
  const style = shadow.ownerDocument.createElement("style");
  style.textContent = styles;
  shadow.appendChild(style);
}
