import type { IntentFile, SmalltalkRule } from "./knowledge/schema.js";

export interface IntentMatcher {
  handoff(normalized: string): boolean;
  smalltalk(normalized: string): SmalltalkRule | undefined;
  /**
   * The smalltalk a short message is about by its cue words (`cues` in intents.yaml), for a message the knowledge
   * does not answer; `question`: whether the message asks something.
   */
  smalltalkCue(normalized: string, question: boolean): SmalltalkRule | undefined;
  isFollowUp(normalized: string): boolean;
  isEnglish(normalized: string): boolean;
  /** The kind of question ("definition", "time", ...) from its first words, or null. */
  questionType(normalized: string): string | null;
}

/** Longest message read as a row of smalltalk phrases ("oke dankjewel doei"): a bound on the work. */
const MAX_SMALLTALK_WORDS = 12;
/** Longest message read as smalltalk by its cue words ("goedemorgen, mag ik vragen of ik met een mens spreek?"). */
const MAX_CUE_WORDS = 16;
/** Longest single smalltalk phrase in such a row, in words ("hoe werkt deze chat eigenlijk"). */
const MAX_PHRASE_WORDS = 6;

/** Letters stretched for emphasis made single: "hoiii" → "hoi", "doeii" → "doei", "heeey" → "hey". */
function squeeze(s: string): string {
  return s.replace(/(\p{L})\1{2,}/gu, "$1").replace(/(\p{L})\1\b/gu, "$1");
}

/** Compiles the intent rules of `knowledge/intents.yaml` once. Patterns run on normalized text. */
export function createIntentMatcher(intents: IntentFile): IntentMatcher {
  const compile = (patterns: string[]) => patterns.map((p) => new RegExp(p, "u"));
  const handoff = compile(intents.handoff.patterns);
  const smalltalk = intents.smalltalk.map((rule) => ({ rule, res: compile(rule.patterns) }));
  const cues = intents.smalltalk.flatMap((rule) =>
    rule.cues ? [{ rule, res: compile(rule.cues.patterns), inQuestion: rule.cues.inQuestion }] : [],
  );
  const fillersOnly = intents.smalltalk.find((r) => r.id === intents.fillersOnly);
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
  /** One smalltalk phrase, as typed or with its fillers, stretched letters ("hoiii") or both taken off. */
  const phrase = (s: string) => {
    const squeezed = squeeze(s);
    const only = (t: string) => (fillers.has(t) ? fillersOnly : undefined);
    return (
      findSmalltalk(s) ??
      findSmalltalk(unfill(s)) ??
      findSmalltalk(squeezed) ??
      findSmalltalk(unfill(squeezed)) ??
      only(s) ??
      only(squeezed)
    );
  };
  /**
   * A short message made only of smalltalk phrases and fillers ("oke dankjewel doei", "hoi wie ben jij"): the
   * phrase that says most ("wat kun je" before the others, else the last one). Undefined when any word is left over.
   */
  const phrases = (s: string): SmalltalkRule | undefined => {
    const words = s.split(" ").filter(Boolean);
    if (words.length < 2 || words.length > MAX_SMALLTALK_WORDS) return undefined;
    // best[i]: the phrases covering words[i..], or null when they cannot be covered.
    const best: Array<SmalltalkRule[] | null> = new Array<SmalltalkRule[] | null>(words.length + 1).fill(null);
    best[words.length] = [];
    for (let i = words.length - 1; i >= 0; i--) {
      // Nothing before a stretch of MAX_PHRASE_WORDS uncovered positions can be covered: not smalltalk.
      if (i + MAX_PHRASE_WORDS < words.length && best.slice(i + 1, i + 1 + MAX_PHRASE_WORDS).every((b) => b === null))
        return undefined;
      for (let j = Math.min(words.length, i + MAX_PHRASE_WORDS); j > i && best[i] === null; j--) {
        const rest = best[j];
        if (!rest) continue;
        const part = words.slice(i, j).join(" ");
        if (j === i + 1 && fillers.has(part)) best[i] = rest;
        else {
          const rule = findSmalltalk(part) ?? findSmalltalk(squeeze(part));
          if (rule) best[i] = [rule, ...rest];
        }
      }
    }
    const found = best[0];
    if (!found) return undefined;
    if (found.length === 0) return fillersOnly;
    return found.find((r) => r.id === "wat-kun-je") ?? found[found.length - 1];
  };

  return {
    handoff: (s) => any(handoff, s),
    smalltalk: (s) => phrase(s) ?? phrases(s),
    smalltalkCue: (s, question) => {
      if (s.split(" ").length > MAX_CUE_WORDS) return undefined;
      const squeezed = squeeze(s);
      return cues.find((c) => (question ? c.inQuestion : true) && (any(c.res, s) || any(c.res, squeezed)))?.rule;
    },
    isFollowUp: (s) => any(followUp, s),
    questionType: (s) => questionTypes.find((q) => q.re.test(s))?.id ?? null,
    isEnglish: (s) => {
      const words = s.split(" ").filter(Boolean);
      const hits = words.filter((w) => english.has(w)).length;
      return words.length >= 3 && hits >= 2 && hits / words.length >= 0.4;
    },
  };
}
