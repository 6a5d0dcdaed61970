import type { IntentFile, SmalltalkRule } from "./knowledge/schema.js";

export interface IntentMatcher {
  handoff(normalized: string): boolean;
  smalltalk(normalized: string): SmalltalkRule | undefined;
  isFollowUp(normalized: string): boolean;
  isEnglish(normalized: string): boolean;
  /** The kind of question ("definition", "time", ...) from its first words, or null. */
  questionType(normalized: string): string | null;
}

/** Compiles the intent rules of `knowledge/intents.yaml` once. Patterns run on normalized text. */
export function createIntentMatcher(intents: IntentFile): IntentMatcher {
  const compile = (patterns: string[]) => patterns.map((p) => new RegExp(p, "u"));
  const handoff = compile(intents.handoff.patterns);
  const smalltalk = intents.smalltalk.map((rule) => ({ rule, res: compile(rule.patterns) }));
  const followUp = compile(intents.followUpMarkers);
  const english = new Set(intents.english.markers);
  const questionTypes = intents.questionTypes.map((q) => ({ id: q.id, re: new RegExp(q.pattern, "u") }));
  const any = (res: RegExp[], s: string) => res.some((re) => re.test(s));
  const fillers = new Set(intents.fillers);
  /** The message without filler words at either end: "oke doei hoor" → "doei". */
  const unfill = (s: string) => {
    const words = s.split(" ").filter(Boolean);
    while (words.length > 1 && fillers.has(words[0] as string)) words.shift();
    while (words.length > 1 && fillers.has(words[words.length - 1] as string)) words.pop();
    return words.join(" ");
  };
  const findSmalltalk = (s: string) => smalltalk.find((c) => any(c.res, s))?.rule;

  return {
    handoff: (s) => any(handoff, s),
    smalltalk: (s) => findSmalltalk(s) ?? findSmalltalk(unfill(s)),
    isFollowUp: (s) => any(followUp, s),
    questionType: (s) => questionTypes.find((q) => q.re.test(s))?.id ?? null,
    isEnglish: (s) => {
      const words = s.split(" ").filter(Boolean);
      const hits = words.filter((w) => english.has(w)).length;
      return words.length >= 3 && hits >= 2 && hits / words.length >= 0.4;
    },
  };
}
