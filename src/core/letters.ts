import { computeDeadlines, findDates, formatDutchDate } from "./deadlines.js";
import type { DeadlineRule, Letter, LetterField } from "./knowledge/schema.js";

/** Longest value of a one-line blank, in characters. */
export const LETTER_TEXT_MAX = 200;
/** Longest value of a paragraph blank ("what you disagree with"), in characters. */
export const LETTER_LONG_MAX = 4000;

/** A letter as channels list it: what it is for and the blanks it needs. */
export interface LetterSummary {
  id: string;
  title: string;
  purpose: string;
  recipient: string;
  suggestion: string;
  fields: Array<{ name: string; label: string; required: boolean; kind: LetterField["kind"]; hint?: string }>;
  /** Whether filling it in computes a deadline. */
  hasDeadline: boolean;
}

/** A filled-in letter. Built in memory for one response: never stored, never logged. */
export interface FilledLetter {
  id: string;
  title: string;
  /** The letter, plain text, paragraphs separated by a blank line. */
  text: string;
  /** The first date of the letter's deadline rule (YYYY-MM-DD), or null when the letter has no term. */
  deadline: string | null;
  /** The deadline explained (the rule's lines and note), or null. */
  deadlineText: string | null;
  recipient: string;
  tips: string[];
  legalBasis: string[];
}

/** What is wrong with the values given, per field name (Dutch, for the parent). */
export interface LetterProblems {
  problems: Record<string, string>;
}

export const summarizeLetter = (letter: Letter): LetterSummary => ({
  id: letter.id,
  title: letter.title,
  purpose: letter.purpose,
  recipient: letter.recipient,
  suggestion: letter.suggestion,
  fields: letter.fields.map((f) => ({
    name: f.name,
    label: f.label,
    required: f.required,
    kind: f.kind,
    ...(f.hint ? { hint: f.hint } : {}),
  })),
  hasDeadline: letter.deadline !== undefined,
});

/** Reads a date a parent typed: 2026-03-02, 2-3-2026, 2/3/26 or 2 maart 2026 (the whole value must be the date). */
export function parseLetterDate(value: string, today: Date): Date | null {
  const trimmed = value.trim();
  const found = findDates(trimmed, today);
  const first = found[0];
  if (
    !first ||
    found.length !== 1 ||
    trimmed.replace(trimmed.slice(first.index, first.index + first.length), "").trim() !== ""
  )
    return null;
  return first.date;
}

/**
 * Fills a letter's blanks. Returns the letter, or the problems (a missing required blank, a date that cannot be
 * read, a value too long) per field. Pure: the values live only in the returned text.
 *
 * ```ts
 * const result = fillLetter(letter, rules, { ouderNaam: "…", besluitDatum: "2026-03-02" }, new Date());
 * if ("problems" in result) … else result.text
 * ```
 */
export function fillLetter(
  letter: Letter,
  rules: readonly DeadlineRule[],
  given: Readonly<Record<string, string>>,
  today: Date,
): FilledLetter | LetterProblems {
  const problems: Record<string, string> = {};
  const values = new Map<string, string>();
  const dates = new Map<string, Date>();
  for (const field of letter.fields) {
    const raw = (Object.hasOwn(given, field.name) ? given[field.name] : undefined) ?? "";
    const value =
      field.kind === "long"
        ? raw
            .replace(/\r\n?/gu, "\n")
            .replace(/\n{3,}/gu, "\n\n")
            .trim()
        : raw.replace(/\s+/gu, " ").trim();
    if (value === "" && field.kind === "date" && field.defaultToday) {
      dates.set(field.name, today);
      values.set(field.name, formatDutchDate(today));
      continue;
    }
    if (value === "") {
      if (field.required) problems[field.name] = `Vul dit in: ${field.label}`;
      continue;
    }
    const max = field.kind === "long" ? LETTER_LONG_MAX : LETTER_TEXT_MAX;
    if (value.length > max) {
      problems[field.name] = `Dit is te lang (${field.label}). Gebruik maximaal ${max} tekens.`;
      continue;
    }
    if (field.kind === "date") {
      const date = parseLetterDate(value, today);
      if (!date) {
        problems[field.name] =
          `Deze datum kan ik niet lezen (${field.label}). Schrijf hem zo: 2 maart 2026 of 02-03-2026.`;
        continue;
      }
      dates.set(field.name, date);
      values.set(field.name, formatDutchDate(date));
    } else values.set(field.name, value);
  }
  if (Object.keys(problems).length > 0) return { problems };

  values.set("vandaag", formatDutchDate(today));
  let deadline: string | null = null;
  let deadlineText: string | null = null;
  if (letter.deadline) {
    const rule = rules.find((r) => r.id === letter.deadline?.rule);
    const start = dates.get(letter.deadline.from);
    if (rule && start) {
      const computed = computeDeadlines(rule, start, today);
      const first = computed.dates[0];
      if (first) {
        deadline = first.date;
        values.set("termijn", formatDutchDate(new Date(`${first.date}T00:00:00Z`)));
      }
      // The rule's lines and note, without its intro (which quotes a chat message).
      deadlineText = [...computed.dates.map((d) => `- ${d.label}`), ...(rule.note ? ["", rule.note] : [])].join("\n");
    }
  }

  // A paragraph with an empty optional blank is left out; the rest is filled in as given.
  const paragraphs = letter.body.trim().split(/\n\s*\n/u);
  const text = paragraphs
    .filter((p) => [...p.matchAll(/\{([^{}]*)\}/gu)].every((m) => values.has(m[1] as string)))
    .map((p) => p.replace(/\{([^{}]*)\}/gu, (_, name: string) => values.get(name) ?? ""))
    .map((p) => p.replace(/[ \t]+$/gmu, ""))
    .join("\n\n");
  return {
    id: letter.id,
    title: letter.title,
    text,
    deadline,
    deadlineText,
    recipient: letter.recipient,
    tips: [...letter.tips],
    legalBasis: [...letter.legalBasis],
  };
}

export const isLetterProblems = (r: FilledLetter | LetterProblems): r is LetterProblems => "problems" in r;
