/// <reference lib="dom" />
// The chat widget: a launcher button and a chat panel inside a shadow root. All text reaches the DOM through
// text nodes (textContent, createTextNode, append(string)); nothing is ever parsed as HTML.
//
// What screen readers hear: the transcript is a polite live region (role="log"), but only the chatbot's answer
// text is announced. Everything around it (the question above it, next steps, sources, suggestions, "Bewaar dit
// antwoord", "Was dit nuttig?", the time) sits in aria-live="off" parts that appear two frames after the answer
// text; the parent's own messages, the welcome and a restored transcript are not announced at all.

import { WidgetApiError, type ApiClient, type ApiFailure } from "./api.js";
import { answerAsText, buildPrintView, canShare, copyText, createPrinter, shareText, type KeptAnswer } from "./keep.js";
import { letterPart } from "./letter.js";
import { keyboardViewport, makePageInert, PHONE_QUERY, trapTab } from "./modal.js";
import { createPoller, newStaffTurns, type PollClock } from "./poll.js";
import { legalLine, questionHeading } from "../render/reply.js";
import { groupCitations, renderLightMarkdown, renderPlainText, sectionLabel } from "./render.js";
import type { HandoffStatus, WidgetHandoff, WidgetReply, WidgetTurn } from "./reply.js";
import type { ShownReply, WidgetSession } from "./session.js";
import { failureText, text as t } from "./strings.js";
import { css } from "./styles.js";
import { dateOr, messageTime } from "./time.js";

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
  /** Moves keyboard focus to the widget: the launcher, or the input while the panel is open (skip link). */
  focus(): void;
}

/** A reply's buttons that answer a question of the chatbot (a handoff step): usable once. */
interface ChoiceGroup {
  buttons: HTMLButtonElement[];
  closed: boolean;
}

type Child = Node | string;

/** Builds the widget inside `shadow` and wires its behaviour. */
export function createWidget(shadow: ShadowRoot, options: WidgetOptions, deps: WidgetDeps): Widget {
  const doc = shadow.ownerDocument;
  const win = doc.defaultView ?? window;
  const { api, session } = deps;
  let idCounter = 0;
  const nextId = (prefix: string) => `ow-${prefix}-${++idCounter}`;

  function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] {
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
    path.setAttribute(
      "d",
      "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z",
    );
    svg.appendChild(path);
    return svg;
  }

  // ---- structure -------------------------------------------------------------------------------------------

  adoptStyles(shadow, css);

  const root = h("div", { class: "root", lang: "nl", "data-position": options.position });
  root.style.setProperty("--ow-color", options.color);

  // The badge counts staff replies that arrived while the panel was closed; the launcher's name says it too.
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: "" });
  const launcher = h(
    "button",
    { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "ow-panel" },
    icon(),
    h("span", {}, t.launcher),
    badge,
  );

  const closeButton = h("button", { type: "button", class: "close", "aria-label": t.close }, "×");
  const newButton = h("button", { type: "button" }, t.newConversation);
  const eraseButton = h("button", { type: "button" }, t.erase);
  // One compact row: on a phone the messages get the height, the conversation actions sit under the input.
  const header = h(
    "div",
    { class: "header" },
    h(
      "div",
      { class: "heading" },
      h("h2", { class: "title", id: "ow-title" }, options.title),
      h("p", { class: "subtitle" }, t.subtitle),
    ),
    closeButton,
  );

  // The log exists (empty of replies) before any message arrives, so screen readers pick up additions.
  const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": t.logLabel, tabindex: "0" });

  const dots = h("span", { class: "dots", "aria-hidden": "true", hidden: "" }, h("span"), h("span"), h("span"));
  const statusText = h("span");
  const status = h("p", { class: "status", role: "status" }, dots, statusText);

  const input = h("textarea", {
    id: "ow-input",
    name: "vraag",
    rows: "1",
    maxlength: String(options.maxChars),
    autocomplete: "off",
    "aria-describedby": "ow-error ow-counter",
  });
  const sendButton = h("button", { type: "submit", class: "send" }, t.send);
  const error = h("p", { class: "error", id: "ow-error", role: "alert" });
  const counter = h("p", { class: "counter", id: "ow-counter" }, t.counter(0, options.maxChars));
  // The label and the counter share a row, so the counter stays in sight with the keyboard open.
  const form = h(
    "form",
    { class: "composer", novalidate: "" },
    h("div", { class: "top" }, h("label", { for: "ow-input" }, t.inputLabel), counter),
    h("div", { class: "row" }, input, sendButton),
    error,
  );
  const footer = h("div", { class: "footer" }, newButton, eraseButton);
  if (options.privacyUrl) footer.append(h("p", { class: "privacy" }, externalLink(options.privacyUrl, t.privacy)));

  const panel = h(
    "div",
    {
      class: "panel",
      id: "ow-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "ow-title",
      hidden: "",
    },
    header,
    log,
    status,
    form,
    footer,
  );
  // The print view of a kept answer: shown on paper only (see keep.ts).
  const printArea = h("div", { class: "print" });
  root.append(launcher, panel, printArea);
  shadow.appendChild(root);
  const printer = createPrinter(win, shadow.host.localName, printArea);

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
  const newMessageId = (): string | undefined =>
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : undefined;
  const clock: PollClock = deps.clock ?? {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
  const visible = () => doc.visibilityState === "visible";
  const poller = createPoller(clock, pollStaff, visible());
  /** Choice groups that can still be used; a new message from the parent closes them. */
  let openChoices: ChoiceGroup[] = [];
  const phone = typeof win.matchMedia === "function" ? win.matchMedia(PHONE_QUERY) : null;
  let releasePage: (() => void) | null = null;

  // ---- rendering -------------------------------------------------------------------------------------------

  function scrollTo(message: HTMLElement, toTop: boolean): void {
    // Set directly, without smooth scrolling, which also respects prefers-reduced-motion.
    log.scrollTop = toTop ? Math.max(0, message.offsetTop - 12) : log.scrollHeight;
  }

  /** A part that screen readers do not announce when it appears (it stays readable in the transcript). */
  const quiet = (className: string, ...children: Child[]) =>
    h("div", { class: className, "aria-live": "off" }, ...children);

  /** The time a message was sent or given, as "14:05" (with the day when it was not today). */
  function timeOf(at: Date): HTMLElement {
    return h("p", { class: "time" }, h("time", { datetime: at.toISOString() }, messageTime(at, new Date())));
  }

  /**
   * Shows `parts` after two frames: the answer text is in the accessibility tree (and announced) before they
   * appear, and what appears then is inside aria-live="off" parts, so it is not announced.
   */
  function revealLater(parts: HTMLElement[]): void {
    for (const part of parts) part.hidden = true;
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      for (const part of parts) part.hidden = false;
    };
    win.requestAnimationFrame(() => win.requestAnimationFrame(show));
    win.setTimeout(show, 250); // frames do not run in a hidden tab
  }

  function appendParent(textValue: string, at: Date): HTMLElement {
    // Not announced: the parent just typed it (RELIABILITY A-03).
    const message = h(
      "div",
      { class: "msg msg-parent", "data-role": "parent", "aria-live": "off" },
      srOnly(`${t.you} `),
      textValue,
      timeOf(at),
    );
    log.appendChild(message);
    scrollTo(message, false);
    return message;
  }

  /** Closes every choice group still open; returns them, so a failed send can open them again. */
  function closeChoices(): ChoiceGroup[] {
    const closing = openChoices;
    openChoices = [];
    for (const group of closing) {
      group.closed = true;
      for (const button of group.buttons) button.disabled = true;
    }
    return closing;
  }

  function reopenChoices(groups: ChoiceGroup[]): void {
    for (const group of groups) {
      group.closed = false;
      for (const button of group.buttons) {
        button.disabled = false;
        button.removeAttribute("data-chosen");
        button.querySelector(".chosen")?.remove();
      }
    }
    openChoices = [...groups, ...openChoices];
  }

  function part(className: string, label: string, content: HTMLElement): HTMLElement {
    const labelId = nextId("label");
    content.setAttribute("aria-labelledby", labelId);
    return h("div", { class: `part ${className}` }, h("p", { class: "label", id: labelId }, label), content);
  }

  function feedbackPart(entry: ShownReply, conversationId: string, answerId: string): HTMLElement {
    const labelId = nextId("fb");
    const yes = h(
      "button",
      { type: "button", "aria-pressed": String(entry.helpful === true), "aria-label": t.helpfulYesName },
      t.helpfulYes,
    );
    const no = h(
      "button",
      { type: "button", "aria-pressed": String(entry.helpful === false), "aria-label": t.helpfulNoName },
      t.helpfulNo,
    );
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
    return h(
      "div",
      { class: "part feedback", role: "group", "aria-labelledby": labelId },
      h("span", { id: labelId }, t.helpfulQuestion),
      yes,
      no,
      note,
    );
  }

  /** The sources, the first two in sight and the rest folded behind "Meer bronnen". */
  function sourcesPart(reply: WidgetReply): HTMLElement | null {
    const sources = groupCitations(reply.citations);
    if (sources.length === 0) return null;
    const items = sources.map((source) =>
      h(
        "li",
        {},
        source.url ? externalLink(source.url, source.title) : h("span", {}, source.title),
        ...source.sections.map((section) => h("span", { class: "section" }, sectionLabel(section))),
      ),
    );
    const sourcesPart = part("sources", t.sources, h("ul", {}, ...items));
    const folded = items.slice(2);
    if (folded.length > 0) {
      for (const item of folded) item.hidden = true;
      const more = h(
        "button",
        { type: "button", class: "more", "aria-expanded": "false" },
        t.moreSources(folded.length),
      );
      more.addEventListener("click", () => {
        const unfold = more.getAttribute("aria-expanded") !== "true";
        for (const item of folded) item.hidden = !unfold;
        more.setAttribute("aria-expanded", String(unfold));
        more.textContent = unfold ? t.fewerSources : t.moreSources(folded.length);
      });
      sourcesPart.appendChild(more);
    }
    return sourcesPart;
  }

  /** "Bewaar dit antwoord": copy, print (or save as pdf) and, where the browser has one, the share sheet. */
  function keepPart(kept: KeptAnswer, asked: string | null): HTMLElement {
    const note = h("p", { class: "keep-note", role: "status" });
    const toggle = h("button", { type: "button", class: "keep-toggle", "aria-expanded": "false" }, t.keep);
    const copy = h("button", { type: "button" }, t.copy);
    const print = h("button", { type: "button" }, t.print);
    const actions = h("div", { class: "keep-actions", hidden: "" }, copy, print);
    toggle.addEventListener("click", () => {
      const show = actions.hidden;
      actions.hidden = !show;
      toggle.setAttribute("aria-expanded", String(show));
      if (!show) note.textContent = "";
    });
    copy.addEventListener("click", async () => {
      note.textContent = "";
      const ok = await copyText(answerAsText(kept, asked), actions);
      note.textContent = ok ? t.copied : t.copyFailed;
    });
    print.addEventListener("click", () => {
      note.textContent = "";
      printer.print(buildPrintView(doc, kept, asked));
    });
    if (canShare()) {
      const share = h("button", { type: "button" }, t.share);
      share.addEventListener("click", async () => {
        note.textContent = "";
        const outcome = await shareText(kept.reply.question ?? options.title, answerAsText(kept, asked));
        if (outcome === "failed") note.textContent = t.shareFailed;
      });
      actions.appendChild(share);
    }
    return h("div", { class: "part keep" }, toggle, actions, note);
  }

  /** Buttons that send a question; for a handoff step they are choices, usable once. */
  function suggestionsPart(reply: WidgetReply): HTMLElement | null {
    if (reply.suggestions.length === 0) return null;
    const isChoice = reply.kind === "handoff";
    const group: ChoiceGroup = { buttons: [], closed: false };
    const buttons = reply.suggestions.map((question) => {
      const button = h("button", { type: "button", class: "suggestion" }, question);
      // A letter offer opens the letter's form in the chat; its text is not sent as a question.
      const letter = reply.letters?.find((l) => l.suggestion === question);
      if (letter) {
        button.setAttribute("data-letter", letter.id);
        button.addEventListener("click", () => {
          const message = h("div", { class: "msg msg-bot msg-letter", "data-role": "letter", "aria-live": "off" });
          message.appendChild(
            letterPart(
              { doc, api, h, nextId, print: (view) => printer.print(view), onChange: () => scrollTo(message, true) },
              letter.id,
            ),
          );
          log.appendChild(message);
          scrollTo(message, true);
        });
        return h("li", {}, button);
      }
      button.addEventListener("click", () => {
        if (isChoice) {
          if (group.closed || busy) return;
          button.setAttribute("data-chosen", "");
          button.append(h("span", { class: "chosen" }, t.chosen));
        }
        input.focus();
        void send(question, false);
      });
      group.buttons.push(button);
      return h("li", {}, button);
    });
    if (isChoice) openChoices.push(group);
    const label = isChoice
      ? t.choices
      : reply.kind === "clarify"
        ? t.clarify
        : reply.kind === "answer"
          ? t.suggestions
          : t.examples;
    const suggestions = part("suggestions", label, h("ul", {}, ...buttons));
    if (isChoice) suggestions.setAttribute("data-choice", "");
    return suggestions;
  }

  interface BotOptions {
    /** When the reply was given (now for a new one). */
    at: Date;
    /** Not announced at all: the welcome, a transcript drawn again. */
    quiet?: boolean;
    /** The parent's message this answers, for a kept answer without an entry question. */
    asked?: string | null;
  }

  /** Draws one chatbot message; `entry` enables feedback when the reply answers from a knowledge entry. */
  function appendBot(
    reply: WidgetReply,
    entry: ShownReply | null,
    conversationId: string | null,
    how: BotOptions,
  ): HTMLElement {
    const message = h(
      "div",
      { class: "msg msg-bot", "data-role": "assistant", "data-kind": reply.kind },
      srOnly(`${t.bot} `),
    );
    if (how.quiet) message.setAttribute("aria-live", "off");
    const later: HTMLElement[] = [];
    // The question the answer is for, above it: a parent sees at once when something else was understood.
    const heading = questionHeading(reply.kind, reply);
    if (heading) {
      const before = quiet("before", h("p", { class: "question" }, srOnly(`${t.answerFor} `), heading));
      message.appendChild(before);
      later.push(before);
    }
    message.appendChild(h("div", { class: "text" }, renderLightMarkdown(doc, reply.text)));

    const after = quiet("after");
    if (reply.nextSteps.length > 0) {
      after.appendChild(
        part("steps", t.nextSteps, h("ol", {}, ...reply.nextSteps.map((s) => h("li", {}, renderPlainText(doc, s))))),
      );
    }
    const sources = sourcesPart(reply);
    if (sources) after.appendChild(sources);
    const legal = reply.kind === "answer" ? legalLine(reply) : null;
    if (legal) after.appendChild(h("p", { class: "legal" }, legal));
    if (reply.kind === "answer")
      after.appendChild(
        keepPart({ reply, at: how.at, title: options.title, host: win.location.host }, how.asked ?? null),
      );
    const suggestions = suggestionsPart(reply);
    if (suggestions) after.appendChild(suggestions);
    if (entry && conversationId && reply.answerId) {
      after.appendChild(feedbackPart(entry, conversationId, reply.answerId));
    }
    after.appendChild(timeOf(how.at));
    message.appendChild(after);
    later.push(after);
    log.appendChild(message);
    if (!how.quiet) revealLater(later);
    return message;
  }

  /** A reply written by a staff member: plain text (newlines kept by CSS), never Markdown or HTML. */
  function appendStaff(textValue: string, at: Date, quietly = false): HTMLElement {
    const message = h(
      "div",
      { class: "msg msg-staff", "data-role": "staff" },
      h("p", { class: "label" }, t.staff),
      h("div", { class: "text" }, renderPlainText(doc, textValue.replace(/\r\n?/g, "\n"))),
      quiet("after", timeOf(at)),
    );
    if (quietly) message.setAttribute("aria-live", "off");
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
    const welcome = appendBot(
      {
        kind: "smalltalk",
        text: intro,
        answerId: null,
        citations: [],
        nextSteps: [],
        suggestions: [...t.introSuggestions],
      },
      null,
      null,
      {
        at: new Date(),
        quiet: true,
      },
    );
    welcome.setAttribute("data-welcome", "");
  }

  function setStatus(message: string, typing = false): void {
    // The status row takes no height while it is empty; the messages get that room.
    status.classList.toggle("on", message !== "");
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
    fitInput();
  }

  /** The input grows with its text, up to the maximum height in the stylesheet (then it scrolls). */
  function fitInput(): void {
    if (!opened) return;
    input.style.height = "auto";
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
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
    const active =
      handoff !== null &&
      (handoff.status === "open" || handoff.status === "claimed") &&
      session.conversationId() !== null;
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
    for (const turn of fresh) scrollTo(appendStaff(turn.text, dateOr(turn.at, new Date())), true);
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
    openChoices = [];
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
    // Whatever the parent sends next answers (or passes over) the choices on screen: they are used up.
    const closedChoices = closeChoices();
    const bubble = appendParent(question, new Date());
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
      scrollTo(appendBot(result.reply, entry, result.conversationId, { at: new Date(), asked: question }), true);
      applyHandoff(result.handoff);
    } catch (e) {
      if (startedIn !== generation) return;
      bubble.remove();
      reopenChoices(closedChoices.filter((group) => group.buttons.every((b) => b.isConnected)));
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
    const drawnAt = new Date();
    let asked: string | null = null;
    for (const turn of turns) {
      if (turn.seq !== null) shownSeq = Math.max(shownSeq, turn.seq);
      const at = dateOr(turn.at, drawnAt);
      if (turn.role === "parent") {
        closeChoices();
        asked = turn.text;
        last = appendParent(turn.text, at);
        continue;
      }
      if (turn.role === "staff") {
        last = appendStaff(turn.text, at, true);
        continue;
      }
      const cached = shown[k - offset];
      k++;
      const matches = cached && cached.reply.kind === turn.kind && cached.reply.answerId === turn.answerId;
      const entry: ShownReply = matches
        ? cached
        : {
            reply: {
              kind: turn.kind ?? "answer",
              text: turn.text,
              answerId: null,
              citations: [],
              nextSteps: [],
              suggestions: [],
            },
          };
      aligned.push(entry);
      last = appendBot(entry.reply, entry, conversationId, { at, quiet: true, asked });
    }
    shown = aligned;
    session.setReplies(shown);
    if (last) scrollTo(last, false);
  }

  /** Whether the open panel covers the screen (a phone) and so is a modal dialog. */
  const isModal = () => opened && phone !== null && phone.matches;

  /** Modal on a phone, floating beside the page elsewhere; follows the screen as it turns or resizes. */
  function applyMode(): void {
    const modal = isModal();
    panel.setAttribute("aria-modal", String(modal));
    if (modal && !releasePage) releasePage = makePageInert(shadow.host);
    if (!modal && releasePage) {
      releasePage();
      releasePage = null;
    }
    fitViewport();
  }

  /** On a phone the panel covers what the on-screen keyboard leaves visible; the newest message stays in sight. */
  function fitViewport(): void {
    const fit = isModal() ? keyboardViewport(win.visualViewport) : null;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 8;
    if (fit) {
      root.style.setProperty("--ow-vh", `${fit.height}px`);
      root.style.setProperty("--ow-top", `${fit.top}px`);
    } else {
      root.style.removeProperty("--ow-vh");
      root.style.removeProperty("--ow-top");
    }
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function open(): void {
    if (opened) return;
    opened = true;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    setUnread(0);
    applyMode();
    fitInput();
    input.focus();
    void restore();
  }

  function close(): void {
    if (!opened) return;
    opened = false;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    applyMode();
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    // A modal dialog keeps Tab inside; the floating panel lets it move on through the page.
    if (isModal()) trapTab(event, panel, shadow.activeElement);
  });
  phone?.addEventListener("change", applyMode);
  win.visualViewport?.addEventListener("resize", fitViewport);
  win.visualViewport?.addEventListener("scroll", fitViewport);
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
  // A paste longer than the room left is cut here, where the parent is told, not silently by maxlength.
  input.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text/plain");
    if (!pasted) return;
    const incoming = pasted.replace(/\r\n?/g, "\n");
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const room = options.maxChars - (input.value.length - (end - start));
    if (incoming.length <= room) return;
    event.preventDefault();
    let kept = incoming.slice(0, Math.max(0, room));
    if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // do not split an emoji
    input.setRangeText(kept, start, end, "end");
    updateCounter();
    showError(t.pasteCut(options.maxChars), false);
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
  return {
    open,
    close,
    focus: () => (opened ? input.focus() : launcher.focus()),
  };
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
