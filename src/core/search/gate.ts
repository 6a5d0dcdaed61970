import type { SearchOutcome } from "./engine.js";

/**
 * The features of a match that the gate judges: how well the best entry covers the message, how far it is ahead
 * of the next, whether a specific word anchors it, how close the message is to one of the entry's phrasings, how
 * much of the matched meaning is domain vocabulary rather than everyday Dutch, and how much of the message the
 * knowledge base does not know at all.
 */
export const FEATURES = [
  "coverage",
  "margin",
  "anchored",
  "phrasing",
  "logScore",
  "specificity",
  "specificCoverage",
  "unknownShare",
  "logUnits",
  "storyContext",
  "contextCoverage",
  "logOwnWeight",
  "scoreRatio",
  "invRank",
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type MatchFeatures = Record<FeatureName, number>;

/** A logistic model over standardized features, fitted by `npm run fit-gate` on the tuning sets. */
export interface GateModel {
  features: FeatureName[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Probability from which the best entry is given as the answer. */
  answer: number;
  /** Probability from which a clarifying question (the best candidates) is asked instead of a fallback. */
  clarify: number;
  /** How the model was fitted, for people. */
  fitted?: { on: string[]; samples: number; date: string };
}

/** How many candidates of each search the gate judges (it may prefer the second or third to the first). */
export const JUDGED_CANDIDATES = 1;

/** The features of the candidate at `index` of a search's ranked candidates. */
export function candidateFeatures(
  outcome: SearchOutcome,
  index: number,
  storyContext: boolean,
): MatchFeatures | undefined {
  const c = outcome.candidates[index];
  const top = outcome.candidates[0];
  if (!c || !top) return undefined;
  const next = outcome.candidates[index + 1];
  const margin = next && c.score > 0 ? (c.score - next.score) / c.score : 1;
  return {
    coverage: c.coverage,
    margin: Math.min(1, Math.max(0, margin)),
    anchored: c.anchored ? 1 : 0,
    phrasing: c.phrasing,
    logScore: Math.log1p(Math.max(0, c.rawScore)),
    specificity: c.specificity,
    specificCoverage: c.coverage * c.specificity,
    unknownShare: outcome.unknownShare,
    logUnits: Math.log1p(outcome.units.length),
    storyContext: storyContext ? 1 : 0,
    contextCoverage: c.contextCoverage,
    logOwnWeight: Math.log1p(outcome.ownWeight),
    scoreRatio: top.score > 0 ? c.score / top.score : 0,
    invRank: 1 / (index + 1),
  };
}

/** The probability that the best candidate is a right answer. */
export function probability(model: GateModel, features: MatchFeatures): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    const std = model.std[i] || 1;
    z += (model.weights[i] ?? 0) * ((features[name] - (model.mean[i] ?? 0)) / std);
  });
  return 1 / (1 + Math.exp(-z));
}
