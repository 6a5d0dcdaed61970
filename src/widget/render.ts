/// <reference lib="dom" />
// Turns reply text into DOM nodes without ever parsing HTML. The text is first described as blocks of text runs
// (pure, tested in Node), then built with createElement and textContent only. The only formatting is the
// "light Markdown" the knowledge base uses: **bold**, "- " list items, blank lines between paragraphs.

// The light-Markdown reader is shared by every channel (src/render/markdown.ts); the widget only builds DOM from it.
import type { Block, TextRun } from "../render/markdown.js";
import { parseLightMarkdown } from "../render/markdown.js";
export { blocksToPlainText, parseInline, parseLightMarkdown } from "../render/markdown.js";
export type { Block, TextRun } from "../render/markdown.js";

/**
 * Dutch phone numbers as the knowledge base writes them: the short emergency and help lines (112, 113) and numbers
 * with an area or service code (0800-0113, 0900-8844, 070-1234567, 06-12345678). Not a web address ("113.nl").
 */
const PHONE = /(?<![\d-])(112|113|0[1-9]\d{0,3}-\d{4,8})(?![\d-])(?!\.\p{L})/gu;

/** Splits text into plain parts and phone numbers, each with its `tel:` address (digits only). Pure. */
export function splitPhoneNumbers(text: string): Array<{ text: string; tel?: string }> {
  const parts: Array<{ text: string; tel?: string }> = [];
  let last = 0;
  for (const m of text.matchAll(PHONE)) {
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: m[0], tel: `tel:${m[0].replace(/\D/gu, "")}` });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Appends text with every phone number as a tap-to-call link. */
function appendText(doc: Document, parent: Node, text: string): void {
  for (const part of splitPhoneNumbers(text)) {
    if (part.tel) {
      const a = doc.createElement("a");
      a.setAttribute("href", part.tel);
      a.textContent = part.text;
      parent.appendChild(a);
    } else {
      parent.appendChild(doc.createTextNode(part.text));
    }
  }
}

function appendRuns(doc: Document, parent: Node, runs: TextRun[]): void {
  for (const run of runs) {
    if (run.bold || run.italic) {
      const el = doc.createElement(run.bold ? "strong" : "em");
      appendText(doc, el, run.text);
      parent.appendChild(el);
    } else {
      appendText(doc, parent, run.text);
    }
  }
}

/** Builds DOM nodes for the blocks: <p> with <br> between lines, <ul><li>, <strong>. Text only via text nodes. */
export function renderBlocks(doc: Document, blocks: Block[]): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of blocks) {
    if (block.type === "paragraph") {
      const p = doc.createElement("p");
      block.lines.forEach((line, i) => {
        if (i > 0) p.appendChild(doc.createElement("br"));
        appendRuns(doc, p, line);
      });
      fragment.appendChild(p);
    } else {
      const ul = doc.createElement("ul");
      for (const item of block.items) {
        const li = doc.createElement("li");
        appendRuns(doc, li, item);
        ul.appendChild(li);
      }
      fragment.appendChild(ul);
    }
  }
  return fragment;
}

/** Plain text (a staff member's reply) with its phone numbers as tap-to-call links; nothing else is read into it. */
export function renderPlainText(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  appendText(doc, fragment, text);
  return fragment;
}

/** Renders light Markdown text into a fragment. */
export function renderLightMarkdown(doc: Document, text: string): DocumentFragment {
  return renderBlocks(doc, parseLightMarkdown(text));
}

/** The URL when it is an absolute https URL without credentials; null for anything else (javascript:, http:, …). */
export function safeHttpsUrl(url: unknown): string | null {
  if (typeof url !== "string" || url.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  return parsed.href;
}

export interface CitationLike {
  title: string;
  section?: string;
  url?: string;
}

export interface SourceGroup {
  title: string;
  /** Only https URLs; null means the title is shown as plain text. */
  url: string | null;
  sections: string[];
}

/**
 * A section name for people: the knowledge base writes chapter paths ("1. Wat is passend onderwijs? > Wanneer
 * heeft een school zorgplicht?"); the widget shows the last step, the full path goes into a kept answer.
 */
export function sectionLabel(section: string, full = false): string {
  const steps = section
    .split(/\s+>\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (steps.length === 0) return section.trim();
  return full ? steps.join(" › ") : (steps[steps.length - 1] as string);
}

/** Groups citations of the same source (title + URL) so each source is one link with its sections (not repeating the title). */
export function groupCitations(citations: CitationLike[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const c of citations) {
    const url = safeHttpsUrl(c.url);
    const key = `${c.title}\u0000${url ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { title: c.title, url, sections: [] };
      groups.set(key, group);
    }
    const section = c.section?.trim();
    // A section named like its source ("GPO, procedure" under "GPO, procedure") says nothing new.
    if (section && section.toLowerCase() !== c.title.trim().toLowerCase() && !group.sections.includes(section))
      group.sections.push(section);
  }
  return [...groups.values()];
}
