/// <reference lib="dom" />
// A letter the parent makes in the chat: a short form with the letter's blanks, then the letter to edit, copy,
// print or download as a Word file. What the parent fills in lives only in this form and in the one request that
// fills the letter: it is not kept in the session, not sent as a chat message, and gone when the page closes.

import type { ApiClient, WidgetFilledLetter, WidgetLetter } from "./api.js";
import type { Dom } from "./dom.js";
import { copyText } from "./keep.js";
import { WidgetApiError } from "./api.js";
import { dutchDate } from "../render/reply.js";
import { failureText, text as t } from "./strings.js";

export interface LetterDeps extends Pick<Dom, "doc" | "h" | "nextId"> {
  api: ApiClient;
  /** Prints an element through the host page (see keep.ts). */
  print: (view: HTMLElement) => void;
  /** Called when the part changes size, so the log can scroll to it. */
  onChange: (el: HTMLElement) => void;
}

let cachedLetters: Promise<WidgetLetter[]> | null = null;

/** The part that makes one letter; it loads the letter's blanks first. */
export function letterPart(deps: LetterDeps, letterId: string): HTMLElement {
  const { h, api } = deps;
  const container = h("div", { class: "part letter", "data-letter": letterId });
  const status = h("p", { class: "letter-status", role: "status" }, t.letterLoading);
  container.append(status);
  cachedLetters ??= api.letters().catch((e: unknown) => {
    cachedLetters = null;
    throw e;
  });
  cachedLetters
    .then((letters) => {
      const letter = letters.find((l) => l.id === letterId);
      if (!letter) {
        status.textContent = t.letterMissing;
        return;
      }
      container.replaceChildren(form(deps, letter, container));
      deps.onChange(container);
    })
    .catch((e: unknown) => {
      status.textContent = e instanceof WidgetApiError ? failureText(e.failure, 1000) : t.letterFailed;
    });
  return container;
}

function form(deps: LetterDeps, letter: WidgetLetter, container: HTMLElement): HTMLElement {
  const { h, api, nextId } = deps;
  const titleId = nextId("letter");
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();
  const rows = letter.fields.map((f) => {
    const id = nextId("lf");
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const described = [f.hint ? hintId : "", errorId].filter(Boolean).join(" ");
    const attrs: Record<string, string> = { id, name: f.name, "aria-describedby": described, autocomplete: "off" };
    if (f.required) attrs["aria-required"] = "true";
    const input =
      f.kind === "long"
        ? h("textarea", { ...attrs, rows: "4" })
        : h("input", { ...attrs, type: f.kind === "date" ? "date" : "text" });
    inputs.set(f.name, input);
    const error = h("p", { class: "field-error", id: errorId });
    errors.set(f.name, error);
    return h(
      "div",
      { class: "field" },
      h("label", { for: id }, f.label, f.required ? "" : ` ${t.letterOptional}`),
      ...(f.hint ? [h("p", { class: "hint", id: hintId }, f.hint)] : []),
      input,
      error,
    );
  });
  const submit = h("button", { type: "submit" }, t.letterMake);
  const cancel = h("button", { type: "button" }, t.letterCancel);
  const note = h("p", { class: "letter-status", role: "status" });
  const el = h(
    "form",
    { class: "letter-form", "aria-labelledby": titleId, novalidate: "" },
    h("h3", { id: titleId }, letter.title),
    h("p", {}, letter.purpose),
    h("p", {}, `${t.letterTo} ${letter.recipient}`),
    h("p", { class: "hint" }, t.letterPrivacy),
    ...rows,
    h("div", { class: "letter-actions" }, submit, cancel),
    note,
  );
  const values = () => Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));
  const showErrors = (problems: Record<string, string>) => {
    let first: HTMLElement | null = null;
    for (const [name, input] of inputs) {
      const problem = problems[name];
      (errors.get(name) as HTMLElement).textContent = problem ?? "";
      if (problem) {
        input.setAttribute("aria-invalid", "true");
        first ??= input;
      } else input.removeAttribute("aria-invalid");
    }
    first?.focus();
  };
  cancel.addEventListener("click", () => {
    container.replaceChildren(h("p", { class: "letter-status" }, t.letterCancelled));
  });
  el.addEventListener("submit", (event) => {
    event.preventDefault();
    const given = values();
    const missing: Record<string, string> = {};
    for (const f of letter.fields)
      if (f.required && (given[f.name] ?? "").trim() === "") missing[f.name] = t.letterRequired(f.label);
    if (Object.keys(missing).length > 0) {
      showErrors(missing);
      note.textContent = t.letterFix;
      return;
    }
    submit.disabled = true;
    note.textContent = t.letterMaking;
    api
      .fillLetter(letter.id, given)
      .then((outcome) => {
        if (!outcome.ok) {
          showErrors(outcome.fields);
          note.textContent = t.letterFix;
          return;
        }
        container.replaceChildren(result(deps, letter, given, outcome.letter));
        deps.onChange(container);
        container.querySelector<HTMLTextAreaElement>("textarea.letter-text")?.focus();
      })
      .catch((e: unknown) => {
        note.textContent = e instanceof WidgetApiError ? failureText(e.failure, 1000) : t.letterFailed;
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return el;
}

function result(
  deps: LetterDeps,
  letter: WidgetLetter,
  given: Record<string, string>,
  filled: WidgetFilledLetter,
): HTMLElement {
  const { h, api, nextId, doc } = deps;
  const areaId = nextId("letter-text");
  const area = h("textarea", { id: areaId, class: "letter-text", rows: "14", spellcheck: "true" });
  area.value = filled.text;
  const note = h("p", { class: "letter-status", role: "status" });
  const copy = h("button", { type: "button" }, t.letterCopy);
  const download = h("button", { type: "button" }, t.letterDownload);
  const print = h("button", { type: "button" }, t.print);
  copy.addEventListener("click", () => {
    note.textContent = "";
    void copyText(area.value, note).then((ok) => (note.textContent = ok ? t.letterCopied : t.copyFailed));
  });
  download.addEventListener("click", () => void downloadDocx());
  async function downloadDocx(): Promise<void> {
    note.textContent = "";
    download.disabled = true;
    try {
      const blob = await api.letterDocx(letter.id, given, area.value);
      const href = URL.createObjectURL(blob);
      const a = h("a", { href, download: `${letter.id}.docx`, hidden: "" });
      note.after(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      note.textContent = t.letterDownloaded;
    } catch (e) {
      note.textContent = e instanceof WidgetApiError ? failureText(e.failure, 1000) : t.letterFailed;
    } finally {
      download.disabled = false;
    }
  }
  print.addEventListener("click", () => {
    const article = doc.createElement("article");
    article.className = "print-view letter-print";
    for (const para of area.value.split(/\n\s*\n/u)) {
      const p = doc.createElement("p");
      p.style.whiteSpace = "pre-wrap";
      p.textContent = para;
      article.appendChild(p);
    }
    deps.print(article);
  });
  const parts: HTMLElement[] = [
    h("h3", {}, filled.title),
    h("label", { for: areaId }, t.letterEdit),
    area,
    h("div", { class: "letter-actions" }, copy, download, print),
    note,
  ];
  if (filled.deadline) {
    parts.push(h("p", { class: "letter-deadline" }, h("strong", {}, t.letterDeadline(dutchDate(filled.deadline)))));
    if (filled.deadlineText) parts.push(h("p", { class: "hint letter-deadline-text" }, filled.deadlineText));
  }
  if (filled.tips.length > 0)
    parts.push(h("p", { class: "label" }, t.letterTips), h("ul", {}, ...filled.tips.map((tip) => h("li", {}, tip))));
  return h("div", { class: "letter-result" }, ...parts);
}
