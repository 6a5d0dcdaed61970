// Drafting help for helpdesk staff: turn knowledge answers into a reply a staff member can edit and send, in the
// informal ("je") or the formal form ("u"). The formal form comes from the rule-based rewriter in src/language/:
// always a DRAFT that a staff member reads and corrects before sending.

import { toFormal } from "../language/index.js";
import { linesToPlainText, parseLines } from "../render/markdown.js";

// ---------------------------------------------------------------------------------------------------------
// composeDraft

export interface DraftEntry {
  question: string;
  answer: string;
  nextSteps: string[];
  citations: { title: string; section: string; url?: string }[];
}

/** One question of the parent's message and the entries chosen to answer it (none: staff look it up). */
export interface DraftQuestion {
  /** The question as the parent wrote it. */
  question: string;
  entries: DraftEntry[];
}

export type DraftForm = "je" | "u";

export const DRAFT_SIGNATURE = "[naam], ouder- en jeugdsteunpunt";

/** The draft's own sentences, written with "je"; the formal form is made by the same rewriter as the answers. */
const DRAFT_TEXTS = {
  opening: (n: number) => `Dank je wel voor ${thanks(n)}. Hieronder lees je wat we erover weten.`,
  steps: "Wat je kunt doen:",
  sources: "Bronnen:",
  more: "Heb je nog vragen? Neem dan gerust contact met ons op.",
  empty: (n: number) => `Dank je wel voor ${thanks(n)}. We zoeken dit voor je uit. Je hoort zo snel mogelijk van ons.`,
  open: "Hier zoeken we het antwoord nog voor je op. Je hoort zo snel mogelijk van ons.",
};
const thanks = (questions: number) => (questions > 1 ? "je vragen" : "je vraag");
const GREETING: Record<DraftForm, string> = { je: "Hallo [naam],", u: "Beste [naam]," };

/** Removes the light Markdown of knowledge answers (shared parser) and tidies white space; "- " lists stay. */
export function plainText(markdown: string): string {
  return linesToPlainText(parseLines(markdown.replace(/\r\n?/g, "\n")))
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A plain-text reply for e-mail or chat that answers the parent's questions in the order asked: greeting with a
 * placeholder name, thanks for the question(s), per question the entries chosen for it (the entry's question, the
 * answer, numbered next steps), then every source once, and a closing with a placeholder name. An entry chosen for
 * an earlier question is not repeated; a question without an entry gets a line that staff look it up. With form
 * "u" all entry text goes through toFormal (a draft: staff read it before sending).
 */
export function composeDraft(input: { questions: DraftQuestion[]; form: DraftForm }): string {
  const convert = (s: string) => (input.form === "u" ? toFormal(s) : s);
  const t = {
    greeting: GREETING[input.form],
    opening: (n: number) => convert(DRAFT_TEXTS.opening(n)),
    steps: convert(DRAFT_TEXTS.steps),
    sources: DRAFT_TEXTS.sources,
    more: convert(DRAFT_TEXTS.more),
    empty: (n: number) => convert(DRAFT_TEXTS.empty(n)),
    open: convert(DRAFT_TEXTS.open),
  };
  const closing = `Met vriendelijke groet,\n${DRAFT_SIGNATURE}`;
  const count = Math.max(1, input.questions.length);
  if (input.questions.every((q) => q.entries.length === 0)) {
    return [t.greeting, t.empty(count), closing].join("\n\n") + "\n";
  }

  const parts: string[] = [t.greeting, t.opening(count)];
  const written = new Set<string>();
  const citations: DraftEntry["citations"] = [];
  for (const q of input.questions) {
    if (q.entries.length === 0) {
      parts.push([q.question.trim(), t.open].filter(Boolean).join("\n\n"));
      continue;
    }
    for (const entry of q.entries) {
      if (written.has(entry.question)) continue;
      written.add(entry.question);
      parts.push(...entryBlock(entry, t.steps, convert));
      citations.push(...entry.citations);
    }
  }
  const sources = sourceLines(citations);
  if (sources.length > 0) parts.push([t.sources, ...sources].join("\n"));
  parts.push(t.more, closing);
  return parts.filter((p) => p.length > 0).join("\n\n") + "\n";
}

/** The entry's question and answer, then its next steps numbered. */
function entryBlock(entry: DraftEntry, stepsLabel: string, convert: (s: string) => string): string[] {
  const block = [plainText(entry.question), plainText(entry.answer)].filter((s) => s.length > 0).map(convert);
  const steps = entry.nextSteps.map(plainText).filter((s) => s.length > 0);
  return [
    block.join("\n\n"),
    steps.length > 0 ? [stepsLabel, ...steps.map((s, i) => `${i + 1}. ${convert(s)}`)].join("\n") : "",
  ];
}

/** Every source once (by its address, or its title without one), with the sections cited, in order of mention. */
function sourceLines(citations: DraftEntry["citations"]): string[] {
  const sources = new Map<string, { title: string; url?: string; sections: string[] }>();
  for (const c of citations) {
    const key = c.url ?? c.title.trim();
    const source = sources.get(key) ?? { title: c.title.trim(), ...(c.url ? { url: c.url } : {}), sections: [] };
    const section = c.section.trim();
    if (section && !source.sections.includes(section)) source.sections.push(section);
    sources.set(key, source);
  }
  return [...sources.values()].map((s) => {
    const label = [s.title, s.sections.join("; ")].filter(Boolean).join(", ");
    return s.url ? `- ${label}\n  ${s.url}` : `- ${label}`;
  });
}
