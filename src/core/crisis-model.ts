import { dictionary } from "@zxcvbn-ts/language-nl-be";
import type { Danger } from "./knowledge/schema.js";
import { normalize } from "./text/normalize.js";

/**
 * A statistical second opinion for crisis recognition, next to the rules of `knowledge/crisis.yaml`: a logistic
 * model over the words and word pairs of a message, fitted by `npm run fit-crisis` on crisis messages of every kind
 * and on ordinary parent messages. The rules name the danger precisely; the model catches wordings no rule foresaw.
 */
export interface CrisisModelFile {
  /** Weight of each feature (a word, or two words joined by "_") for "this message is about a child in danger". */
  weights: Record<string, number>;
  bias: number;
  /** Probability from which the model reports danger (chosen for at most a small share of false crisis replies). */
  threshold: number;
  /** Probability from which the model reports danger where no rule saw a cue at all (stricter; absent: never). */
  alone?: number;
  /**
   * Thresholds of their own for short messages where a rule saw a cue, by number of words (the first band the message
   * fits; longer ones use `threshold`). A message of ten words gives the model few features, so its probability stays
   * lower than a long story's; one threshold for all would hold short messages to far fewer false alarms than long
   * ones. Without a cue, `alone` holds for every length.
   */
  short?: Array<{ upTo: number; threshold: number }>;
  /** Per danger, a one-against-the-rest model over the same features, to choose the help lines. */
  dangers: Partial<Record<Danger, { weights: Record<string, number>; bias: number }>>;
  fitted?: { on: string[]; positives: number; negatives: number; date: string };
}

export interface CrisisModel {
  /** The probability that the message is about a child in danger. */
  probability(text: string): number;
  /**
   * The most likely danger, when the probability reaches the threshold (`cue`: a rule saw a cue of danger) or the
   * stricter `alone` threshold (no cue); undefined otherwise.
   */
  detect(text: string, cue: boolean): { danger: Danger; probability: number } | undefined;
}

/**
 * The features of a text, each once: pairs of neighbouring words and of words one apart ("hij_niet", "hij__meer"); and,
 * for every word but the most common ones of Dutch ("zegt", "niet", "meer"), the word itself, its first and last five
 * letters ("p:gesne", "s:neden") and every four letters with its edges ("c:<ges", "c:sned"), so that other forms and
 * spellings of a word a writer used ("gesneden", "snijden", "sneed"; "opengehaald", "openschuurt") share weight.
 * Chosen on held-out writers (five folds of whole writers' sets, 2026-12-06). At 0.5 % false alarms on the other
 * messages, the model alone caught 86 % of an unseen writer's crisis messages with these, 75 % with words, pairs and
 * affixes only. Common words alone made a long story of a child at home ("zit sinds ... thuis", "zegt dat ... niet
 * meer") read like danger: with them, 11 ordinary questions were above that threshold, without them 1.
 */
export function crisisFeatures(text: string): string[] {
  return featuresOf(crisisWords(text));
}

/** The words of a text as the model reads them (the first 4,000 characters, normalized). */
export const crisisWords = (text: string): string[] => normalize(text.slice(0, 4000)).split(" ").filter(Boolean);

function featuresOf(words: string[]): string[] {
  const features = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    features.add(`${words[i] as string}_${words[i + 1] as string}`);
    if (i + 2 < words.length) features.add(`${words[i] as string}__${words[i + 2] as string}`);
  }
  for (const w of words) {
    if (COMMON.has(w)) continue;
    features.add(w);
    if (w.length > AFFIX) {
      features.add(`p:${w.slice(0, AFFIX)}`);
      features.add(`s:${w.slice(-AFFIX)}`);
    }
    const edged = `<${w}>`;
    for (let i = 0; i + GRAM <= edged.length; i++) features.add(`c:${edged.slice(i, i + GRAM)}`);
  }
  return [...features];
}

/** The most common words of Dutch (the ranked list of `@zxcvbn-ts/language-nl-be`): in pairs only. */
const COMMON = new Set(dictionary.commonWords.slice(0, 300).map((w) => normalize(w)));

/** Letters of a word's pieces used as features. */
const GRAM = 4;

/** Letters of a word's beginning and end used as features. */
const AFFIX = 5;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function createCrisisModel(file: CrisisModelFile): CrisisModel {
  // Maps: faster than looking up thousands of keys on a plain object.
  const main = new Map(Object.entries(file.weights));
  const dangers = (
    Object.entries(file.dangers) as Array<[Danger, { weights: Record<string, number>; bias: number }]>
  ).map(([danger, m]) => ({ danger, weights: new Map(Object.entries(m.weights)), bias: m.bias }));
  const score = (features: string[], weights: Map<string, number>, bias: number) => {
    let z = bias;
    for (const f of features) z += weights.get(f) ?? 0;
    return sigmoid(z);
  };
  // The assistant asks twice about one message (with a cue, then without): its features and score once.
  let last: { text: string; features: string[]; p: number; words: number } | undefined;
  const read = (text: string) => {
    if (last?.text !== text) {
      const words = crisisWords(text);
      const features = featuresOf(words);
      last = { text, features, p: score(features, main, file.bias), words: words.length };
    }
    return last;
  };
  return {
    probability: (text) => read(text).p,
    detect(text, cue) {
      const { features, p, words } = read(text);
      const band = file.short?.find((b) => words <= b.upTo);
      const threshold = cue ? (band?.threshold ?? file.threshold) : (file.alone ?? Infinity);
      if (p < threshold) return undefined;
      let best: { danger: Danger; p: number } | undefined;
      for (const m of dangers) {
        const pd = score(features, m.weights, m.bias);
        if (!best || pd > best.p) best = { danger: m.danger, p: pd };
      }
      return { danger: best?.danger ?? "abuse", probability: p };
    },
  };
}
