// Fits the statistical crisis model (src/core/crisis-model.ts) and writes src/core/crisis-model.json.
//   npm run fit-crisis [-- --max-false 0.003] [-- --max-false-alone 0.001] [-- --repeats 5] [-- --short 12,25]
//   [-- --dry-run]
//
// Positives: every crisis message of the crisis sets (tests/eval/frozen/crisis-*.jsonl, and the tuning set's crisis
// items). Negatives: every other message of the tuning and frozen sets (questions, out of scope, smalltalk, near
// misses that use danger words without danger). These sets are therefore training data for this model: its honest
// figures come only from sets written after it (see tests/eval/frozen/README.md).
// The threshold is chosen on out-of-fold predictions (5-fold cross-validation over whole writers' sets, median over 5
// random splits): the lowest probability at which at most --max-false of the negatives would get a crisis reply. The
// model speaks there only where a rule saw a cue; where no rule saw anything it needs the stricter `alone` threshold (at
// most --max-false-alone of the negatives). Short messages (bands of --short words) get thresholds of their own, each
// chosen on the negatives of its band with the same shares, where that is lower than the overall one.
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileCrisis } from "../src/core/crisis.js";
import { crisisFeatures, crisisWords, type CrisisModelFile } from "../src/core/crisis-model.js";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/index.js";
import type { Danger } from "../src/core/index.js";
import { answerLike, numberArg, readItems, reportedApart, type Item } from "./eval-lib.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => numberArg(args, name, fallback);
const maxFalse = opt("--max-false", 0.003);
// 0.001 since the tuning sets' long stories and formal mails joined the negatives (2026-12-05): at 0.0005 the model
// alone needed 0.93 and stayed silent on wordings no rule knows; the false-crisis budget is 1 % of ordinary messages.
const maxFalseAlone = opt("--max-false-alone", 0.001);
// 0.005 since 2026-12-06: on held-out writers the model alone caught more at the same share of false alarms than at
// 0.02 (with the same 300 steps, a weaker penalty lets rarer words and letter groups carry weight).
const l2 = opt("--l2", 0.005);
// Two bands since 2026-12-06 (up to 12 words, 13 to 25). On folds of whole writers, the model with one threshold for
// all caught 17 of the 33 crisis messages of at most 25 words that the rules did not find, with the bands 22, at the
// same number of false alarms: a short message has few features, and its probability stays lower than a long one's.
const shortArg = args.includes("--short") ? args[args.indexOf("--short") + 1] : undefined;
const shortBands = (shortArg ?? "12,25")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const frozen = join(root, "tests/eval/frozen");
const files = [
  join(root, "tests/eval/questions.jsonl"),
  join(root, "tests/eval/tuning-b.jsonl"),
  join(root, "tests/eval/tuning-c.jsonl"),
  join(root, "tests/eval/tuning-d.jsonl"),
  join(root, "tests/eval/tuning-u.jsonl"),
  join(root, "tests/eval/tuning-smalltalk.jsonl"),
  ...readdirSync(frozen)
    // The sets reported apart (scripts/eval-lib.ts) are never training data.
    .filter((f) => f.endsWith(".jsonl") && !reportedApart(f))
    .sort()
    .map((f) => join(frozen, f)),
];
const dangerOf: Record<string, Danger> = {
  suicide: "suicide",
  selfharm: "selfharm",
  "abuse-home": "abuse",
  "abuse-school": "abuse",
  violence: "violence",
  missing: "missing",
  "parent-fear": "parentFear",
  sexual: "abuse",
  neglect: "abuse",
};

interface Doc {
  features: string[];
  y: number;
  danger?: Danger;
  /** What the rules make of the message: a finding, a cue only (the model decides at `threshold`), or nothing. */
  rules: "finding" | "cue" | "none";
  /** An ordinary question about school (no danger words by design): the model alone must never answer it with a
   * crisis reply, whatever the share. */
  question: boolean;
  /** The writer: out-of-fold predictions come from models that saw none of this writer's messages. */
  writer: string;
  words: number;
}
/** One writer's sets share a tag (crisis-bp and distress-neg-bp); every other file is a writer of its own. */
const writerOf = (file: string) => /(?:crisis|distress-neg)-([a-z]+)\.jsonl$/u.exec(file)?.[1] ?? file;
const { detector } = compileCrisis(loadKnowledge(defaultKnowledgeDir).knowledge.crisis);
if (!detector) throw new Error("the crisis rules do not compile (npm run knowledge:check)");
const rulesOf = (text: string): Doc["rules"] => {
  const { finding, weights, benign } = detector.examine(text);
  if (finding) return "finding";
  if (benign) return "none"; // benign words: no cue counts, the model needs its stricter threshold
  return [...weights.values()].some((w) => w >= 1) ? "cue" : "none";
};
const docs: Doc[] = files.flatMap((f) =>
  readItems(f).map((item: Item) => {
    const text = item.turns.at(-1) ?? "";
    const danger = item.danger ? dangerOf[item.danger] : undefined;
    return {
      features: crisisFeatures(text),
      y: item.group === "crisis" ? 1 : 0,
      rules: rulesOf(text),
      question: answerLike.has(item.group),
      writer: writerOf(f),
      words: crisisWords(text).length,
      ...(danger ? { danger } : {}),
    };
  }),
);

// Features seen in at least two messages.
const df = new Map<string, number>();
for (const d of docs) for (const f of d.features) df.set(f, (df.get(f) ?? 0) + 1);
const vocabulary = new Set([...df].filter(([, n]) => n >= 2).map(([f]) => f));
for (const d of docs) d.features = d.features.filter((f) => vocabulary.has(f));

/** L2-regularized logistic regression on binary sparse features, batch gradient descent (deterministic). Features are
 * numbered once, so that a step is a pass over typed arrays (ten times faster than string-keyed maps). */
const featureIds = new Map([...vocabulary].map((f, i) => [f, i]));
const featureNames = [...vocabulary];
const encoded = new Map(docs.map((d) => [d, Int32Array.from(d.features, (f) => featureIds.get(f) ?? -1)]));
const withIds = (d: Doc) => ({ ids: encoded.get(d) as Int32Array, y: d.y });
interface Fitted {
  weights: Map<string, number>;
  bias: number;
}
function fit(train: Array<{ ids: Int32Array; y: number }>): Fitted {
  const size = featureNames.length;
  const w = new Float64Array(size);
  const grad = new Float64Array(size);
  const used = new Uint8Array(size);
  const rows = train.map((d) => d.ids);
  for (const r of rows) for (const f of r) if (f >= 0) used[f] = 1;
  let b = 0;
  const rate = 0.5;
  const pos = train.filter((d) => d.y === 1).length;
  // Balance the classes: each positive weighs as much as (negatives / positives) negatives, capped.
  const posWeight = Math.min(3, (train.length - pos) / Math.max(1, pos));
  const n = train.length;
  for (let step = 0; step < 300; step++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i] as Int32Array;
      const y = (train[i] as { y: number }).y;
      let z = b;
      for (const f of r) if (f >= 0) z += w[f] as number;
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - y) * (y === 1 ? posWeight : 1);
      gb += e;
      for (const f of r) if (f >= 0) grad[f] = (grad[f] as number) + e;
    }
    for (let f = 0; f < size; f++) {
      if (!used[f]) continue;
      const cur = w[f] as number;
      w[f] = cur - rate * ((grad[f] as number) / n + l2 * cur);
    }
    b -= (rate * gb) / n;
  }
  const weights = new Map<string, number>();
  for (let f = 0; f < size; f++) if (used[f]) weights.set(featureNames[f] as string, w[f] as number);
  return { weights, bias: b };
}
const predict = (m: Fitted, features: string[]) => {
  let z = m.bias;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
};

// Out-of-fold probabilities for the thresholds, over several random splits of the writers into folds. One split's
// threshold rests on the handful of negatives at the edge, and moved by 0.03 between fits that changed little; the
// median over the splits is steadier. Whole writers per fold: a writer's style in both halves made the held-out
// probabilities of that writer's messages more certain than a new writer's would be.
const folds = 5;
const repeats = Math.max(1, Math.round(opt("--repeats", 5)));
/** A seeded generator (mulberry32), so that a refit on the same data gives the same model. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const writers = [...new Set(docs.map((d) => d.writer))];
const outOfFold = (repeat: number): number[] => {
  const next = random(repeat + 1);
  const foldOf = new Map(writers.map((w, i) => [w, repeat === 0 ? i % folds : Math.floor(next() * folds)]));
  const fold = docs.map((d) => foldOf.get(d.writer) as number);
  const oof = new Array<number>(docs.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = fit(docs.filter((_d, i) => fold[i] !== k).map(withIds));
    docs.forEach((d, i) => {
      if (fold[i] === k) oof[i] = predict(model, d.features);
    });
  }
  return oof;
};
// The thresholds as the model is used: a negative the rules already give a crisis reply costs nothing more, one with a
// cue is a false reply from `threshold` on, one without a cue from `alone` on. Each threshold is the lowest at which
// the model's own false crisis replies stay within its share of all negatives.
/** The messages of a band of lengths (all messages: no band). */
type Band = (d: Doc) => boolean;
const all: Band = () => true;
const thresholdFor = (oof: number[], rules: Doc["rules"], share: number, band: Band = all) => {
  const negativeCount = docs.filter((d) => d.y === 0 && band(d)).length;
  const ps = docs
    .map((d, i) => ({ d, p: oof[i] as number }))
    .filter((x) => x.d.y === 0 && x.d.rules === rules && band(x.d))
    .map((x) => x.p)
    .sort((a, b) => b - a);
  return Math.max(0.5, (ps[Math.floor(negativeCount * share)] ?? 0.5) + 1e-6);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2;
};
const splits = Array.from({ length: repeats }, (_x, r) => outOfFold(r));
const cueThresholds = splits.map((oof) => thresholdFor(oof, "cue", maxFalse));
// Alone, the model speaks above the highest out-of-fold probability of any ordinary question too: an ordinary question,
// however long or tired its story, is the commonest message and must not get a crisis reply from word counts alone.
const aboveQuestions = (oof: number[]) =>
  Math.max(...docs.map((d, i) => (d.y === 0 && d.question && d.rules === "none" ? (oof[i] as number) : 0))) + 1e-6;
const aloneThresholds = splits.map((oof) => Math.max(thresholdFor(oof, "none", maxFalseAlone), aboveQuestions(oof)));
const threshold = median(cueThresholds);
const alone = Math.max(threshold, median(aloneThresholds));
// The bands of short messages: where a rule saw a cue, each band's threshold has the same share of its own negatives,
// never stricter than the overall one (the long messages keep theirs). Without a cue the overall `alone` holds: a band
// of 700 short negatives left no false alarm to spare at 0.1 %, so its threshold sat just above the highest of them,
// and a new writer's "ik ben heel bang en ik kan niet slapen" passed it.
const short = shortBands.map((upTo, i) => {
  const band: Band = (d) => d.words <= upTo && d.words > (shortBands[i - 1] ?? 0);
  return {
    upTo,
    threshold: Math.min(threshold, median(splits.map((oof) => thresholdFor(oof, "cue", maxFalse, band)))),
  };
});
const cueThresholdOf = (d: Doc) => short.find((b) => d.words <= b.upTo)?.threshold ?? threshold;
const caughtBy = (d: Doc, p: number) =>
  d.rules === "finding" || (d.rules === "cue" ? p >= cueThresholdOf(d) : p >= alone);
const positives = docs.filter((d) => d.y === 1);
const negatives = docs.filter((d) => d.y === 0);
const index = new Map(docs.map((d, i) => [d, i]));
const count = (ds: Doc[], oof: number[]) => ds.filter((d) => caughtBy(d, oof[index.get(d) as number] as number)).length;
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(" ");
console.log(
  `features ${vocabulary.size}, messages ${docs.length} (${positives.length} crisis, ${negatives.length} other)`,
);
console.log(`per split: with a cue ${fmt(cueThresholds)}; alone ${fmt(aloneThresholds)}`);
console.log(
  `short messages, with a cue: ${short.map((b) => `up to ${b.upTo} words ${b.threshold.toFixed(3)}`).join("; ")}`,
);
console.log(
  `threshold ${threshold.toFixed(3)} (with a cue), alone ${alone.toFixed(3)} (medians over ${repeats} splits): ` +
    `out-of-fold, rules and model together catch ${splits.map((oof) => count(positives, oof)).join("/")} of ` +
    `${positives.length} crisis messages (rules alone ${positives.filter((d) => d.rules === "finding").length}), ` +
    `false crisis ${splits.map((oof) => count(negatives, oof)).join("/")} of ${negatives.length} ` +
    `(rules alone ${negatives.filter((d) => d.rules === "finding").length})`,
);

// The final models on everything: crisis or not, and each danger against the other crisis messages.
const round = (v: number) => Math.round(v * 1000) / 1000;
// The main model keeps every weight its thresholds were chosen with (|w| ≥ 0.005); the danger models, which only choose
// among the help lines, keep |w| ≥ 0.01 (a third of their size; the file would be 3.3 MB otherwise).
const compact = (m: { weights: Map<string, number> }, least: number) =>
  Object.fromEntries([...m.weights].filter(([, v]) => Math.abs(v) >= least).map(([f, v]) => [f, round(v)]));
const main = fit(docs.map(withIds));
const crisisDocs = docs.filter((d) => d.y === 1 && d.danger);
const dangers: CrisisModelFile["dangers"] = {};
for (const danger of new Set(crisisDocs.map((d) => d.danger as Danger))) {
  const m = fit(crisisDocs.map((d) => ({ ids: withIds(d).ids, y: d.danger === danger ? 1 : 0 })));
  dangers[danger] = { weights: compact(m, 0.01), bias: round(m.bias) };
}
const out: CrisisModelFile = {
  weights: compact(main, 0.005),
  bias: round(main.bias),
  threshold: round(threshold),
  alone: round(alone),
  short: short.map((b) => ({ upTo: b.upTo, threshold: round(b.threshold) })),
  dangers,
  fitted: {
    on: files.map((f) => f.slice(root.length + 1)),
    positives: positives.length,
    negatives: negatives.length,
    date: new Date().toISOString().slice(0, 10),
  },
};
if (!args.includes("--dry-run")) {
  writeFileSync(join(root, "src/core/crisis-model.json"), `${JSON.stringify(out)}\n`);
  console.log(`wrote src/core/crisis-model.json (${Object.keys(out.weights).length} weights)`);
}
