/// <reference lib="dom" />
// "Bewaar dit antwoord": an answer as plain text (to copy or share) and as a clean print view (to print or save
// as pdf and show the school), with the question, the answer, the next steps, the sources with their full
// addresses, the legal basis and the date. Text reaches the DOM through text nodes only, as everywhere else.

import { markdownToPlain } from "../render/markdown.js";
import { legalLine, questionHeading } from "../render/reply.js";
import { groupCitations, renderLightMarkdown, sectionLabel } from "./render.js";
import type { WidgetReply } from "./reply.js";
import { text as t } from "./strings.js";
import { longDateTime } from "./time.js";

/** What a kept answer says besides the reply: when it was given, by which chatbot, on which site. */
export interface KeptAnswer {
  reply: WidgetReply;
  /** When the chatbot gave the answer. */
  at: Date;
  /** The widget's title (data-title). */
  title: string;
  /** The site the chatbot runs on (location.host), or "" to leave it out. */
  host: string;
}

/** The heading of a kept answer: the entry's question, else the parent's own words as sent. */
function keptQuestion(kept: KeptAnswer, asked: string | null): string | null {
  return questionHeading(kept.reply.kind, kept.reply) ?? asked;
}

/** The answer as plain text with "- " lists, for the clipboard and the share sheet. Pure. */
export function answerAsText(kept: KeptAnswer, asked: string | null = null): string {
  const { reply } = kept;
  const question = keptQuestion(kept, asked);
  const blocks: string[] = [
    [t.keptFrom(kept.title), question ? `${t.keptQuestion} ${question}` : "", t.keptAnswerAt(longDateTime(kept.at))]
      .filter(Boolean)
      .join("\n"),
  ];
  blocks.push(markdownToPlain(reply.text));
  if (reply.nextSteps.length > 0)
    blocks.push([t.nextSteps, ...reply.nextSteps.map((step, i) => `${i + 1}. ${step}`)].join("\n"));
  const sources = groupCitations(reply.citations);
  if (sources.length > 0) {
    const lines = sources.map((s) => {
      const sections = s.sections.map((section) => sectionLabel(section, true)).join("; ");
      return `- ${s.title}${sections ? ` (${sections})` : ""}${s.url ? `: ${s.url}` : ""}`;
    });
    blocks.push([`${t.sources}:`, ...lines].join("\n"));
  }
  const legal = reply.kind === "answer" ? legalLine(reply) : null;
  const footer = [legal, kept.host ? t.keptSite(kept.host) : null].filter(Boolean).join("\n");
  if (footer) blocks.push(footer);
  return blocks.join("\n\n");
}

/** Builds the print view of an answer (an <article>); links are written out, since paper cannot be clicked. */
export function buildPrintView(doc: Document, kept: KeptAnswer, asked: string | null = null): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };
  const { reply } = kept;
  const question = keptQuestion(kept, asked);
  const article = el("article", "print-view");
  article.append(el("p", "print-from", t.keptFrom(kept.title)));
  if (question) article.append(el("h1", "", `${t.keptQuestion} ${question}`));
  article.append(el("p", "print-date", t.keptAnswerAt(longDateTime(kept.at))));
  article.append(el("div", "print-text", renderLightMarkdown(doc, reply.text)));
  if (reply.nextSteps.length > 0) {
    article.append(el("h2", "", t.nextSteps), el("ol", "", ...reply.nextSteps.map((step) => el("li", "", step))));
  }
  const sources = groupCitations(reply.citations);
  if (sources.length > 0) {
    const items = sources.map((s) => {
      const li = el("li", "", el("strong", "", s.title));
      for (const section of s.sections) li.append(el("span", "print-section", sectionLabel(section, true)));
      if (s.url) li.append(el("span", "print-url", s.url));
      return li;
    });
    article.append(el("h2", "", t.sources), el("ul", "", ...items));
  }
  const legal = reply.kind === "answer" ? legalLine(reply) : null;
  if (legal) article.append(el("p", "print-legal", legal));
  if (kept.host) article.append(el("p", "print-site", t.keptSite(kept.host)));
  return article;
}

/** While printing, the host page shows nothing but the widget (whose own print styles show only the view). */
const HOST_PRINT_CSS = (tag: string) => `@media print {
  body > :not(${tag}) { display: none !important; }
  html, body { background: #fff !important; }
  ${tag} { display: block !important; }
}`;

export interface Printer {
  /** Shows `view` as the only thing on paper and opens the browser's print dialog. */
  print(view: HTMLElement): void;
}

/**
 * Prints through the host page: a print-only stylesheet on the page hides everything but the widget's host
 * element while the dialog is open, and is removed after printing (afterprint, or the parent's next action in
 * browsers that print asynchronously), so the site's own printing is not changed afterwards.
 */
export function createPrinter(win: Window, hostTag: string, container: HTMLElement): Printer {
  const doc = win.document;
  let cleanup: (() => void) | null = null;

  function addHostSheet(): () => void {
    const css = HOST_PRINT_CSS(hostTag);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // Older browsers: a <style> element (a strict style-src on the page may block it; then the page prints too).
      const style = doc.createElement("style");
      style.textContent = css;
      doc.head.appendChild(style);
      return () => style.remove();
    }
  }

  function done(): void {
    cleanup?.();
    cleanup = null;
  }

  return {
    print(view) {
      done();
      container.replaceChildren(view);
      const removeSheet = addHostSheet();
      const later = () => done();
      const events = ["afterprint", "pointerdown", "keydown"] as const;
      cleanup = () => {
        removeSheet();
        container.replaceChildren();
        for (const e of events) win.removeEventListener(e, later, true);
      };
      // Listen only after print() returns: in browsers where it blocks, the dialog is already closed then.
      win.print();
      for (const e of events) win.addEventListener(e, later, { capture: true, once: true });
    },
  };
}

/** Copies text to the clipboard; falls back to a selected textarea in `scratch` where the API is missing. */
export async function copyText(text: string, scratch: HTMLElement): Promise<boolean> {
  try {
    // Missing outside secure contexts and in older browsers, whatever the types say.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or not a secure context: try the old way.
  }
  const doc = scratch.ownerDocument;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.className = "scratch";
  scratch.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    // The fallback for browsers without the asynchronous clipboard (or without permission for it): nothing
    // replaces execCommand there, which is why it is still used although deprecated.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    ok = doc.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Whether the browser has a share sheet (phones, some desktops). */
export const canShare = (): boolean => typeof navigator !== "undefined" && typeof navigator.share === "function";

/** Opens the share sheet; "cancelled" when the parent closed it, "failed" when sharing is not possible. */
export async function shareText(title: string, text: string): Promise<"shared" | "cancelled" | "failed"> {
  try {
    await navigator.share({ title, text });
    return "shared";
  } catch (error) {
    return error instanceof DOMException && error.name === "AbortError" ? "cancelled" : "failed";
  }
}
