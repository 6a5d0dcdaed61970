// Drafting help for helpdesk staff: turn knowledge answers into a reply a staff member can edit and send, in the
// informal ("je") or the formal form ("u"). The formal form comes from the rule-based rewriter in src/language/:
// always a DRAFT that a staff member reads and corrects before sending.

import { toFormal } from "../language/index.js";

// ---------------------------------------------------------------------------------------------------------
// composeDraft

export interface DraftEntry {
  question: string;
  answer: string;
  nextSteps: string[];
  citations: { title: string; section: string; url?: string }[];
}

export type DraftForm = "je" | "u";

export const DRAFT_SIGNATURE = "[naam], ouder- en jeugdsteunpunt";

const DRAFT_TEXTS = {
  je: {
    greeting: "Hallo,",
    opening: "Dank je wel voor je vraag. Hieronder lees je wat we erover weten.",
    steps: "Wat je kunt doen:",
    sources: "Bronnen:",
    more: "Heb je nog vragen? Neem dan gerust contact met ons op.",
    empty: "Dank je wel voor je vraag. We zoeken dit voor je uit. Je hoort zo snel mogelijk van ons.",
  },
  u: {
    greeting: "Beste ouder,",
    opening: "Dank u wel voor uw vraag. Hieronder leest u wat we erover weten.",
    steps: "Wat u kunt doen:",
    sources: "Bronnen:",
    more: "Hebt u nog vragen? Neem dan gerust contact met ons op.",
    empty: "Dank u wel voor uw vraag. We zoeken dit voor u uit. U hoort zo snel mogelijk van ons.",
  },
} as const;

/** Removes the light Markdown of knowledge answers (**bold**) and tidies white space; "- " lists stay. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/\*\*(.+?)\*\*/gs, "$1")
    .replace(/\*\*/g, "")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A plain-text reply for e-mail or chat, built from knowledge entries: greeting, opening line, per entry the
 * question, the answer, numbered next steps and the sources, then a closing with a placeholder name.
 * With form "u" all entry text goes through toFormal (a draft: staff read it before sending).
 */
export function composeDraft(input: { entries: DraftEntry[]; form: DraftForm }): string {
  const t = DRAFT_TEXTS[input.form];
  const convert = (s: string) => (input.form === "u" ? toFormal(s) : s);
  const closing = `Met vriendelijke groet,\n${DRAFT_SIGNATURE}`;
  if (input.entries.length === 0) return [t.greeting, t.empty, closing].join("\n\n") + "\n";

  const parts: string[] = [t.greeting, t.opening];
  for (const entry of input.entries) {
    const block: string[] = [];
    const question = plainText(entry.question);
    if (question) block.push(convert(question));
    const answer = plainText(entry.answer);
    if (answer) block.push(convert(answer));
    parts.push(block.join("\n\n"));
    const steps = entry.nextSteps.map(plainText).filter((s) => s.length > 0);
    if (steps.length > 0) {
      parts.push([t.steps, ...steps.map((s, i) => `${i + 1}. ${convert(s)}`)].join("\n"));
    }
    if (entry.citations.length > 0) {
      const lines = entry.citations.map((c) => {
        const label = [c.title.trim(), c.section.trim()].filter(Boolean).join(", ");
        return c.url ? `- ${label}\n  ${c.url}` : `- ${label}`;
      });
      parts.push([t.sources, ...lines].join("\n"));
    }
  }
  parts.push(t.more, closing);
  return parts.filter((p) => p.length > 0).join("\n\n") + "\n";
}
