import { FORMAL_RULES, isVerbStem, nounClass, type InformalWord, type Rewrite, type Site } from "./formal-rules.js";
import { AFTER_U_FIX, IRREGULAR_FORMAL } from "./lexicon.js";
import { Words } from "./words.js";

const INFORMAL = new Set<string>(["je", "jij", "jou", "jouw", "jezelf"] satisfies InformalWord[]);

/** One informal word rewritten, and the rule that decided it. */
export interface FormalStep {
  /** The word as written. */
  word: string;
  /** Its index among the words of the text. */
  at: number;
  rule: string;
  write: Rewrite;
}

/** The formal form of a second-person stem: "kun" → "kunt", "ga" → "gaat", "meld" → "meldt", "moet" → "moet". */
export function formalVerb(stem: string): string {
  return IRREGULAR_FORMAL[stem] ?? (stem.endsWith("t") ? stem : `${stem}t`);
}

/**
 * Converts informal address ("je", "jij", "jou", "jouw", "jezelf", "je eigen") to formal address ("u", "uw",
 * "uzelf", "uw eigen"), with the verb forms that go with it: "kun je" → "kunt u", "heb je" → "hebt u",
 * "je kind" → "uw kind", "helpt je" → "helpt u", "als je" → "als u", "maak je je zorgen" → "maakt u zich zorgen".
 * Imperatives stay ("Vraag de school…"; "Meld je aan" → "Meld u aan"). Words that contain "je" (jeugdhulp),
 * URLs and e-mail addresses are left alone. Capitals are kept ("Je" → "U", "Jouw" → "Uw").
 *
 * Rule-based (the table in formal-rules.ts over the lexicon in lexicon.ts): it covers the style of the knowledge
 * base well but does not parse Dutch, so its result is a draft for staff to review. Known limits:
 * - "jullie" (the parent together with the school) is left as it is.
 * - "je" before a noun the lexicon does not know is read as "u" ("je ABC-traject" → "u ABC-traject").
 * - A verb far from its subject is not changed ("je kunt en wil" → "u kunt en wil").
 * - Sentences outside the style of the knowledge base (dialect, long inversions) may come out wrong.
 *
 * ```ts
 * toFormal("Kun je het niet vinden? Vraag het je school."); // "Kunt u het niet vinden? Vraag het uw school."
 * ```
 */
export function toFormal(text: string): string {
  return traceFormal(text).text;
}

/** Like `toFormal`, and which rule of `FORMAL_RULES` decided each informal word (for tests and tooling). */
export function traceFormal(text: string): { text: string; steps: FormalStep[] } {
  const words = new Words(text);
  /** Words that became the subject "u". */
  const subjects = new Set<number>();
  const steps: FormalStep[] = [];

  for (let w = 0; w < words.count; w++) {
    const lw = words.lower(w) ?? "";
    if (!INFORMAL.has(lw)) continue;
    const site = siteAt(words, w, subjects);
    // The table ends with a rule that always applies for every informal word.
    const rule = FORMAL_RULES.find((r) => r.word === lw && r.when(site));
    if (!rule) continue;
    if (rule.write === "subject" || rule.write === "subject+verb") {
      words.set(w, "u");
      subjects.add(w);
      if (rule.write === "subject+verb") words.set(w - 1, formalVerb(words.lower(w - 1) ?? ""));
    } else {
      words.set(w, rule.write);
    }
    steps.push({ word: words.word(w) ?? lw, at: w, rule: rule.name, write: rule.write });
  }

  // "u wil", "u kun": verb forms that go with "je" but not with "u".
  for (const w of subjects) {
    if (!words.adjacent(w + 1)) continue;
    const fix = AFTER_U_FIX[words.lower(w + 1) ?? ""];
    if (fix !== undefined) words.set(w + 1, fix);
  }
  return { text: words.toString(), steps };
}

function siteAt(words: Words, at: number, subjects: ReadonlySet<number>): Site {
  const hasPrev = words.adjacent(at);
  const next = words.adjacent(at + 1) ? words.lower(at + 1) : undefined;
  return {
    words,
    at,
    prev: hasPrev ? words.lower(at - 1) : undefined,
    next,
    nextClass: nounClass(next),
    afterVerb: hasPrev && isVerbStem(words, at - 1),
    afterSubjectU: hasPrev && subjects.has(at - 1),
  };
}
