// Fits the statistical crisis model (src/core/crisis-model.ts) and writes src/core/crisis-model.json.
//   npm run fit-crisis [-- --max-false 0.003] [-- --max-false-alone 0.001] [-- --dry-run]
//
// Positives: every crisis message of the crisis sets (tests/eval/frozen/crisis-*.jsonl, and the tuning set's crisis
// items). Negatives: every other message of the tuning and frozen sets (questions, out of scope, smalltalk, near
// misses that use danger words without danger). These sets are therefore training data for this model: its honest
// figures come only from sets written after it (see tests/eval/frozen/README.md).
// The threshold is chosen on out-of-fold predictions (5-fold cross-validation): the lowest probability at which at
// most --max-false of the negatives would get a crisis reply. The model speaks there only where a rule saw a cue; where
// no rule saw anything it needs the stricter `alone` threshold (at most --max-false-alone of the negatives).
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileCrisis } from "../src/core/crisis.js";
import { crisisFeatures, type CrisisModelFile } from "../src/core/crisis-model.js";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/index.js";
import type { Danger } from "../src/core/index.js";
import { numberArg, readItems, reportedApart, type Item } from "./eval-lib.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => numberArg(args, name, fallback);
const maxFalse = opt("--max-false", 0.003);
// 0.001 since the tuning sets' long stories and formal mails joined the negatives (2026-12-05): at 0.0005 the model
// alone needed 0.93 and stayed silent on wordings no rule knows; the false-crisis budget is 1 % of ordinary messages.
const maxFalseAlone = opt("--max-false-alone", 0.001);
const l2 = opt("--l2", 0.02);
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
}
const { detector } = compileCrisis(loadKnowledge(defaultKnowledgeDir).knowledge.crisis);
if (!detector) throw new Error("the crisis rules do not compile (npm run knowledge:check)");
const rulesOf = (text: string): Doc["rules"] => {
  const { finding, weights, benign } = detector.examine(text);
  if (finding) return "finding";
  if (benign) return "none"; // benign words: no cue counts, the model needs its stricter threshold
  return [...weights.values()].some((w) => w >= 1) ? "cue" : "none";
};
const docs: Doc[] = files
  .flatMap((f) => readItems(f))
  .map((item: Item) => {
    const text = item.turns.at(-1) ?? "";
    const danger = item.danger ? dangerOf[item.danger] : undefined;
    return {
      features: crisisFeatures(text),
      y: item.group === "crisis" ? 1 : 0,
      rules: rulesOf(text),
      ...(danger ? { danger } : {}),
    };
  });

// Features seen in at least two messages.
const df = new Map<string, number>();
for (const d of docs) for (const f of d.features) df.set(f, (df.get(f) ?? 0) + 1);
const vocabulary = new Set([...df].filter(([, n]) => n >= 2).map(([f]) => f));
for (const d of docs) d.features = d.features.filter((f) => vocabulary.has(f));

/** L2-regularized logistic regression on binary sparse features, batch gradient descent (deterministic). */
function fit(train: Array<{ features: string[]; y: number }>): { weights: Map<string, number>; bias: number } {
  const w = new Map<string, number>();
  let b = 0;
  const rate = 0.5;
  const pos = train.filter((d) => d.y === 1).length;
  // Balance the classes: each positive weighs as much as (negatives / positives) negatives, capped.
  const posWeight = Math.min(3, (train.length - pos) / Math.max(1, pos));
  for (let step = 0; step < 300; step++) {
    const grad = new Map<string, number>();
    let gb = 0;
    for (const d of train) {
      let z = b;
      for (const f of d.features) z += w.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - d.y) * (d.y === 1 ? posWeight : 1);
      gb += e;
      for (const f of d.features) grad.set(f, (grad.get(f) ?? 0) + e);
    }
    const n = train.length;
    for (const f of new Set([...grad.keys(), ...w.keys()])) {
      const cur = w.get(f) ?? 0;
      w.set(f, cur - rate * ((grad.get(f) ?? 0) / n + l2 * cur));
    }
    b -= (rate * gb) / n;
  }
  return { weights: w, bias: b };
}
const predict = (m: { weights: Map<string, number>; bias: number }, features: string[]) => {
  let z = m.bias;
  for (const f of features) z += m.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
};

// Out-of-fold probabilities for the threshold.
const folds = 5;
const oof = new Array<number>(docs.length).fill(0);
for (let k = 0; k < folds; k++) {
  const train = docs.filter((_d, i) => i % folds !== k);
  const model = fit(train);
  docs.forEach((d, i) => {
    if (i % folds === k) oof[i] = predict(model, d.features);
  });
}
// The thresholds as the model is used: a negative the rules already give a crisis reply costs nothing more, one with a
// cue is a false reply from `threshold` on, one without a cue from `alone` on. Each threshold is the lowest at which
// the model's own false crisis replies stay within its share of all negatives.
const scored = docs.map((d, i) => ({ d, p: oof[i] as number }));
const negatives = scored.filter((x) => x.d.y === 0);
const positives = scored.filter((x) => x.d.y === 1);
const thresholdFor = (rules: Doc["rules"], share: number) => {
  const ps = negatives
    .filter((x) => x.d.rules === rules)
    .map((x) => x.p)
    .sort((a, b) => b - a);
  return Math.max(0.5, (ps[Math.floor(negatives.length * share)] ?? 0.5) + 1e-6);
};
const threshold = thresholdFor("cue", maxFalse);
const alone = Math.max(threshold, thresholdFor("none", maxFalseAlone));
const caughtBy = (x: { d: Doc; p: number }) =>
  x.d.rules === "finding" || (x.d.rules === "cue" ? x.p >= threshold : x.p >= alone);
const caught = positives.filter(caughtBy).length;
const falseReplies = negatives.filter(caughtBy).length;
console.log(
  `features ${vocabulary.size}, messages ${docs.length} (${positives.length} crisis, ${negatives.length} other)`,
);
console.log(
  `threshold ${threshold.toFixed(3)} (with a cue), alone ${alone.toFixed(3)}: out-of-fold, rules and model together ` +
    `catch ${caught}/${positives.length} crisis messages (rules alone ${positives.filter((x) => x.d.rules === "finding").length}), ` +
    `false crisis ${falseReplies}/${negatives.length} (rules alone ${negatives.filter((x) => x.d.rules === "finding").length})`,
);

// The final models on everything: crisis or not, and each danger against the other crisis messages.
const round = (v: number) => Math.round(v * 1000) / 1000;
const compact = (m: { weights: Map<string, number> }) =>
  Object.fromEntries([...m.weights].filter(([, v]) => Math.abs(v) >= 0.005).map(([f, v]) => [f, round(v)]));
const main = fit(docs);
const crisisDocs = docs.filter((d) => d.y === 1 && d.danger);
const dangers: CrisisModelFile["dangers"] = {};
for (const danger of new Set(crisisDocs.map((d) => d.danger as Danger))) {
  const m = fit(crisisDocs.map((d) => ({ features: d.features, y: d.danger === danger ? 1 : 0 })));
  dangers[danger] = { weights: compact(m), bias: round(m.bias) };
}
const out: CrisisModelFile = {
  weights: compact(main),
  bias: round(main.bias),
  threshold: round(threshold),
  alone: round(alone),
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
