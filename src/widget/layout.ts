/// <reference lib="dom" />
// The widget's fixed structure: the launcher, and the panel with its header, log, status row, composer and
// footer. Built once; the functions below change only what they name (status, error, counter).

import { chatIcon, type Dom } from "./dom.js";
import { text as t } from "./strings.js";

export interface LayoutOptions {
  title: string;
  color: string;
  position: "left" | "right";
  maxChars: number;
  privacyUrl: string | null;
}

export interface WidgetLayout {
  root: HTMLDivElement;
  launcher: HTMLButtonElement;
  /** Counts staff replies that arrived while the panel was closed. */
  badge: HTMLSpanElement;
  panel: HTMLDivElement;
  closeButton: HTMLButtonElement;
  newButton: HTMLButtonElement;
  eraseButton: HTMLButtonElement;
  /** "Terug naar de chatbot": shown while a request for a person is open or claimed. */
  backButton: HTMLButtonElement;
  /** Says who is talking: the chatbot, or a staff member who picked up the request. */
  subtitle: HTMLParagraphElement;
  log: HTMLDivElement;
  status: HTMLParagraphElement;
  statusText: HTMLSpanElement;
  dots: HTMLSpanElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  sendButton: HTMLButtonElement;
  error: HTMLParagraphElement;
  counter: HTMLParagraphElement;
  /** The print view of a kept answer: shown on paper only (see keep.ts). */
  printArea: HTMLDivElement;
}

export function buildLayout(dom: Dom, options: LayoutOptions): WidgetLayout {
  const { h } = dom;
  const root = h("div", { class: "root", lang: "nl", "data-position": options.position });
  root.style.setProperty("--ow-color", options.color);

  // The badge counts staff replies that arrived while the panel was closed; the launcher's name says it too.
  const badge = h("span", { class: "badge", "aria-hidden": "true", hidden: "" });
  const launcher = h(
    "button",
    { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": "ow-panel" },
    chatIcon(dom.doc),
    h("span", {}, t.launcher),
    badge,
  );

  const closeButton = h("button", { type: "button", class: "close", "aria-label": t.close }, "×");
  const newButton = h("button", { type: "button" }, t.newConversation);
  const eraseButton = h("button", { type: "button" }, t.erase);
  const backButton = h("button", { type: "button", class: "back", hidden: "" }, t.backToBot);
  const subtitle = h("p", { class: "subtitle", "aria-live": "polite" }, t.subtitle);
  // One compact row: on a phone the messages get the height, the conversation actions sit under the input.
  const header = h(
    "div",
    { class: "header" },
    h("div", { class: "heading" }, h("h2", { class: "title", id: "ow-title" }, options.title), subtitle),
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
  const footer = h("div", { class: "footer" }, backButton, newButton, eraseButton);
  if (options.privacyUrl) footer.append(h("p", { class: "privacy" }, dom.externalLink(options.privacyUrl, t.privacy)));

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
  const printArea = h("div", { class: "print" });
  root.append(launcher, panel, printArea);
  return {
    root,
    launcher,
    badge,
    panel,
    closeButton,
    newButton,
    eraseButton,
    backButton,
    subtitle,
    log,
    status,
    statusText,
    dots,
    form,
    input,
    sendButton,
    error,
    counter,
    printArea,
  };
}

export function setStatus(layout: WidgetLayout, message: string, typing = false): void {
  // The status row takes no height while it is empty; the messages get that room.
  layout.status.classList.toggle("on", message !== "");
  layout.statusText.textContent = message;
  layout.dots.hidden = !typing;
}

export function showError(layout: WidgetLayout, message: string, invalidInput: boolean): void {
  layout.error.textContent = message;
  if (invalidInput) layout.input.setAttribute("aria-invalid", "true");
  else layout.input.removeAttribute("aria-invalid");
}

export function clearError(layout: WidgetLayout): void {
  layout.error.textContent = "";
  layout.input.removeAttribute("aria-invalid");
}

/** The input grows with its text, up to the maximum height in the stylesheet (then it scrolls). */
export function fitInput(layout: WidgetLayout): void {
  const { input } = layout;
  input.style.height = "auto";
  input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
}

/** Shows the count of characters typed; the input fits its text while the panel is open. */
export function updateCounter(layout: WidgetLayout, maxChars: number, opened: boolean): void {
  layout.counter.textContent = t.counter(layout.input.value.length, maxChars);
  if (opened) fitInput(layout);
}

/** A paste longer than the room left is cut here, where the parent is told, not silently by maxlength. */
export function cutLongPaste(layout: WidgetLayout, maxChars: number, event: ClipboardEvent): boolean {
  const { input } = layout;
  const pasted = event.clipboardData?.getData("text/plain");
  if (!pasted) return false;
  const incoming = pasted.replace(/\r\n?/g, "\n");
  const start = input.selectionStart;
  const end = input.selectionEnd;
  const room = maxChars - (input.value.length - (end - start));
  if (incoming.length <= room) return false;
  event.preventDefault();
  let kept = incoming.slice(0, Math.max(0, room));
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // do not split an emoji
  input.setRangeText(kept, start, end, "end");
  showError(layout, t.pasteCut(maxChars), false);
  return true;
}
