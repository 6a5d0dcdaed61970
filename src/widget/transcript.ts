/// <reference lib="dom" />
// Draws the messages of the transcript: the parent's, the chatbot's (with its question, next steps, sources,
// "Bewaar dit antwoord", suggestions and "Was dit nuttig?") and the staff's.
//
// What screen readers hear: the transcript is a polite live region (role="log"), but only the chatbot's answer
// text is announced. Everything around it sits in aria-live="off" parts that appear two frames after the answer
// text; the parent's own messages, the welcome and a restored transcript are not announced at all.

import { legalLine, questionHeading } from "../render/reply.js";
import type { ApiClient } from "./api.js";
import type { Child, Dom } from "./dom.js";
import { answerAsText, buildPrintView, canShare, copyText, shareText, type KeptAnswer, type Printer } from "./keep.js";
import type { WidgetLayout } from "./layout.js";
import { letterPart } from "./letter.js";
import { groupCitations, renderLightMarkdown, renderPlainText, sectionLabel } from "./render.js";
import { suggestionChoices, type WidgetReply } from "./reply.js";
import type { ShownReply, WidgetSession } from "./session.js";
import { text as t } from "./strings.js";
import { messageTime } from "./time.js";

/** A reply's buttons that answer a question of the chatbot (a handoff step): usable once. */
export interface ChoiceGroup {
  buttons: HTMLButtonElement[];
  closed: boolean;
}

export interface Transcript {
  dom: Dom;
  win: Window;
  layout: WidgetLayout;
  options: { title: string; greeting: string };
  api: ApiClient;
  session: WidgetSession;
  printer: Printer;
  /** Choice groups that can still be used; a new message from the parent closes them. */
  choices: { open: ChoiceGroup[] };
  isBusy(): boolean;
  /** Sends a tapped suggestion's text as the parent's message. */
  send(text: string): void;
  /** Stores the replies on screen in the session (after feedback changed one). */
  saveReplies(): void;
}

export function scrollTo(tr: Transcript, message: HTMLElement, toTop: boolean): void {
  const { log } = tr.layout;
  // Set directly, without smooth scrolling, which also respects prefers-reduced-motion.
  log.scrollTop = toTop ? Math.max(0, message.offsetTop - 12) : log.scrollHeight;
}

/** A part that screen readers do not announce when it appears (it stays readable in the transcript). */
const quiet = (dom: Dom, className: string, ...children: Child[]) =>
  dom.h("div", { class: className, "aria-live": "off" }, ...children);

/** The time a message was sent or given, as "14:05" (with the day when it was not today). */
function timeOf(dom: Dom, at: Date): HTMLElement {
  return dom.h("p", { class: "time" }, dom.h("time", { datetime: at.toISOString() }, messageTime(at, new Date())));
}

/**
 * Shows `parts` after two frames: the answer text is in the accessibility tree (and announced) before they
 * appear, and what appears then is inside aria-live="off" parts, so it is not announced.
 */
function revealLater(win: Window, parts: HTMLElement[]): void {
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

export function appendParent(tr: Transcript, textValue: string, at: Date): HTMLElement {
  // Not announced: the parent just typed it (docs/RELIABILITY.md A-03).
  const message = tr.dom.h(
    "div",
    { class: "msg msg-parent", "data-role": "parent", "aria-live": "off" },
    tr.dom.srOnly(`${t.you} `),
    textValue,
    timeOf(tr.dom, at),
  );
  tr.layout.log.appendChild(message);
  scrollTo(tr, message, false);
  return message;
}

/** Closes every choice group still open; returns them, so a failed send can open them again. */
export function closeChoices(tr: Transcript): ChoiceGroup[] {
  const closing = tr.choices.open;
  tr.choices.open = [];
  for (const group of closing) {
    group.closed = true;
    for (const button of group.buttons) button.disabled = true;
  }
  return closing;
}

export function reopenChoices(tr: Transcript, groups: ChoiceGroup[]): void {
  for (const group of groups) {
    group.closed = false;
    for (const button of group.buttons) {
      button.disabled = false;
      button.removeAttribute("data-chosen");
      button.querySelector(".chosen")?.remove();
    }
  }
  tr.choices.open = [...groups, ...tr.choices.open];
}

function part(dom: Dom, className: string, label: string, content: HTMLElement): HTMLElement {
  const labelId = dom.nextId("label");
  content.setAttribute("aria-labelledby", labelId);
  return dom.h("div", { class: `part ${className}` }, dom.h("p", { class: "label", id: labelId }, label), content);
}

function feedbackPart(tr: Transcript, entry: ShownReply, conversationId: string, answerId: string): HTMLElement {
  const { h } = tr.dom;
  const labelId = tr.dom.nextId("fb");
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
      await tr.api.feedback({ conversationId, answerId, helpful });
      entry.helpful = helpful;
      tr.saveReplies();
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
function sourcesPart(dom: Dom, reply: WidgetReply): HTMLElement | null {
  const { h } = dom;
  const sources = groupCitations(reply.citations);
  if (sources.length === 0) return null;
  const items = sources.map((source) =>
    h(
      "li",
      {},
      source.url ? dom.externalLink(source.url, source.title) : h("span", {}, source.title),
      ...source.sections.map((section) => h("span", { class: "section" }, sectionLabel(section))),
    ),
  );
  const sourcesPart = part(dom, "sources", t.sources, h("ul", {}, ...items));
  const folded = items.slice(2);
  if (folded.length > 0) {
    for (const item of folded) item.hidden = true;
    const more = h("button", { type: "button", class: "more", "aria-expanded": "false" }, t.moreSources(folded.length));
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
function keepPart(tr: Transcript, kept: KeptAnswer, asked: string | null): HTMLElement {
  const { h } = tr.dom;
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
  copy.addEventListener("click", () => {
    note.textContent = "";
    void copyText(answerAsText(kept, asked), actions).then((ok) => {
      note.textContent = ok ? t.copied : t.copyFailed;
    });
  });
  print.addEventListener("click", () => {
    note.textContent = "";
    tr.printer.print(buildPrintView(tr.dom.doc, kept, asked));
  });
  if (canShare()) {
    const share = h("button", { type: "button" }, t.share);
    share.addEventListener("click", () => {
      note.textContent = "";
      void shareText(kept.reply.question ?? tr.options.title, answerAsText(kept, asked)).then((outcome) => {
        if (outcome === "failed") note.textContent = t.shareFailed;
      });
    });
    actions.appendChild(share);
  }
  return h("div", { class: "part keep" }, toggle, actions, note);
}

/** Opens a letter's form in the chat, under the answer that offered it. */
function openLetter(tr: Transcript, letterId: string): void {
  const { dom } = tr;
  const message = dom.h("div", { class: "msg msg-bot msg-letter", "data-role": "letter", "aria-live": "off" });
  message.appendChild(
    letterPart(
      {
        doc: dom.doc,
        api: tr.api,
        h: dom.h,
        nextId: dom.nextId,
        print: (view) => tr.printer.print(view),
        onChange: () => scrollTo(tr, message, true),
      },
      letterId,
    ),
  );
  tr.layout.log.appendChild(message);
  scrollTo(tr, message, true);
}

/**
 * Buttons for the reply's suggestions; for a handoff step they are choices, usable once. What a tap does comes
 * from the reply's typed choices: a letter opens its form in the chat; the handoff intent, an entry and a text
 * send the label as the parent's message (the service's handoff flow and search read it as they always did).
 */
function suggestionsPart(tr: Transcript, reply: WidgetReply): HTMLElement | null {
  if (reply.suggestions.length === 0) return null;
  const { h } = tr.dom;
  const isChoice = reply.kind === "handoff";
  const group: ChoiceGroup = { buttons: [], closed: false };
  const buttons = suggestionChoices(reply).map(({ label, action }) => {
    const button = h("button", { type: "button", class: "suggestion" }, label);
    if (action.type === "letter") {
      // A letter offer opens the letter's form in the chat; its text is not sent as a question.
      button.setAttribute("data-letter", action.letterId);
      button.addEventListener("click", () => openLetter(tr, action.letterId));
      return h("li", {}, button);
    }
    button.addEventListener("click", () => {
      if (isChoice) {
        if (group.closed || tr.isBusy()) return;
        button.setAttribute("data-chosen", "");
        button.append(h("span", { class: "chosen" }, t.chosen));
      }
      tr.layout.input.focus();
      tr.send(label);
    });
    group.buttons.push(button);
    return h("li", {}, button);
  });
  if (isChoice) tr.choices.open.push(group);
  const label = isChoice
    ? t.choices
    : reply.kind === "clarify"
      ? t.clarify
      : reply.kind === "answer"
        ? t.suggestions
        : t.examples;
  const suggestions = part(tr.dom, "suggestions", label, h("ul", {}, ...buttons));
  if (isChoice) suggestions.setAttribute("data-choice", "");
  return suggestions;
}

export interface BotOptions {
  /** When the reply was given (now for a new one). */
  at: Date;
  /** Not announced at all: the welcome, a transcript drawn again. */
  quiet?: boolean;
  /** The parent's message this answers, for a kept answer without an entry question. */
  asked?: string | null;
}

/** What goes under the answer text: next steps, sources, legal line, keep, suggestions, feedback, time. */
function afterPart(
  tr: Transcript,
  reply: WidgetReply,
  how: BotOptions,
  feedback: (() => HTMLElement) | null,
): HTMLElement {
  const { dom } = tr;
  const after = quiet(dom, "after");
  if (reply.nextSteps.length > 0) {
    const steps = reply.nextSteps.map((s) => dom.h("li", {}, renderPlainText(dom.doc, s)));
    after.appendChild(part(dom, "steps", t.nextSteps, dom.h("ol", {}, ...steps)));
  }
  const sources = sourcesPart(dom, reply);
  if (sources) after.appendChild(sources);
  const legal = reply.kind === "answer" ? legalLine(reply) : null;
  if (legal) after.appendChild(dom.h("p", { class: "legal" }, legal));
  if (reply.kind === "answer") {
    const kept = { reply, at: how.at, title: tr.options.title, host: tr.win.location.host };
    after.appendChild(keepPart(tr, kept, how.asked ?? null));
  }
  const suggestions = suggestionsPart(tr, reply);
  if (suggestions) after.appendChild(suggestions);
  if (feedback) after.appendChild(feedback());
  after.appendChild(timeOf(dom, how.at));
  return after;
}

/** Draws one chatbot message; `entry` enables feedback when the reply answers from a knowledge entry. */
export function appendBot(
  tr: Transcript,
  reply: WidgetReply,
  entry: ShownReply | null,
  conversationId: string | null,
  how: BotOptions,
): HTMLElement {
  const { dom } = tr;
  const message = dom.h(
    "div",
    { class: "msg msg-bot", "data-role": "assistant", "data-kind": reply.kind },
    dom.srOnly(`${t.bot} `),
  );
  if (how.quiet) message.setAttribute("aria-live", "off");
  const later: HTMLElement[] = [];
  // The question the answer is for, above it: a parent sees at once when something else was understood.
  const heading = questionHeading(reply.kind, reply);
  if (heading) {
    const before = quiet(dom, "before", dom.h("p", { class: "question" }, dom.srOnly(`${t.answerFor} `), heading));
    message.appendChild(before);
    later.push(before);
  }
  message.appendChild(dom.h("div", { class: "text" }, renderLightMarkdown(dom.doc, reply.text)));
  const answerId = reply.answerId;
  const feedback = entry && conversationId && answerId ? () => feedbackPart(tr, entry, conversationId, answerId) : null;
  const after = afterPart(tr, reply, how, feedback);
  message.appendChild(after);
  later.push(after);
  tr.layout.log.appendChild(message);
  if (!how.quiet) revealLater(tr.win, later);
  return message;
}

/** A reply written by a staff member: plain text (newlines kept by CSS), never Markdown or HTML. */
export function appendStaff(tr: Transcript, textValue: string, at: Date, quietly = false): HTMLElement {
  const { dom } = tr;
  const message = dom.h(
    "div",
    { class: "msg msg-staff", "data-role": "staff" },
    dom.h("p", { class: "label" }, t.staff),
    dom.h("div", { class: "text" }, renderPlainText(dom.doc, textValue.replace(/\r\n?/g, "\n"))),
    quiet(dom, "after", timeOf(dom, at)),
  );
  if (quietly) message.setAttribute("aria-live", "off");
  tr.layout.log.appendChild(message);
  return message;
}

export function appendWelcome(tr: Transcript): void {
  const intro = [tr.options.greeting, ...t.introLines].join("\n\n");
  const welcome = appendBot(
    tr,
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
    { at: new Date(), quiet: true },
  );
  welcome.setAttribute("data-welcome", "");
}
