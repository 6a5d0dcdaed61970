// Runs the evaluation sets through the assistant, in process, and reports for each set: recall (answer items
// answered right), precision (right ÷ all replies of kind "answer" to answer-like and out-of-scope items), the
// out-of-scope false-answer rate, crisis recall per kind of danger, and false crisis replies.
//   npm run eval [-- --verbose] [-- --set FILE ...] [-- --gate] [-- --no-apart]
// Sets:
//   tuning   tests/eval/questions.jsonl (written for the engine's first version; thresholds and rules were chosen on it),
//            tuning-b, tuning-smalltalk, and tuning-u, -c, -d, -e, -f and -g (blind sets of smalltalk and out-of-scope
//            messages, of in-domain questions, and of follow-ups, stories and formal mails, each run once and reported,
//            then tuned on).
//   frozen   tests/eval/frozen/*.jsonl (the final set apart): written blind by helpers who saw neither the knowledge
//            base nor the engine, frozen before the engine changed. Never tuned on (see tests/eval/frozen/README.md).
//   everyday tests/eval/everyday/everyday.jsonl: 300 ordinary messages; false crisis replies gated like the frozen set.
//   final    the sets of REPORTED_APART (scripts/eval-lib.ts): the newest blind crisis writers, run once, never gated.
// Judging follows ../shared/eval/score.mjs: answer-like groups need kind "answer", every `must` pattern in
// text + next steps, no `mustNot`, a citation from `sources` (when given) and text of at most 1500 characters;
// oos → fallback; crisis → crisis with the help line for its kind of danger (and every `must`); handoff and
// smalltalk → that kind.
// With --gate it exits 1 when a crisis item of the tuning or frozen set fails (the final set is reported only), false
// crisis replies exceed 1 % of the other items, or recall, precision or out-of-scope false answers on the frozen set
// pass their floor in tests/eval/floor.json.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reply } from "../src/core/index.js";
import { answerLike, judge, readItems as read, REPORTED_APART, reportedApart, type Item } from "./eval-lib.js";
import { loadAssistant } from "../src/knowledge/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const gate = args.includes("--gate");
// answer / precision / maxFalseOos: the floors of the public dev set (score.mjs in .ci/run); frozen: regression floors
// of the frozen sets (figures reached on 2026-12-05, below the targets of the issue about answers a parent can trust).
const floor = JSON.parse(readFileSync(join(root, "tests/eval/floor.json"), "utf8")) as {
  frozen: { recall: number; precision: number; falseOos: number };
  falseCrisis: number;
};
const frozenDir = join(root, "tests/eval/frozen");

const explicit = args.flatMap((a, i) => (args[i - 1] === "--set" ? [a] : []));
const sets: Array<{ name: string; items: Item[] }> = explicit.length
  ? explicit.map((f) => ({ name: f, items: read(f) }))
  : [
      {
        name: "tuning",
        items: [
          ...read(join(root, "tests/eval/questions.jsonl")),
          ...read(join(root, "tests/eval/tuning-b.jsonl")),
          ...read(join(root, "tests/eval/tuning-smalltalk.jsonl")),
          ...read(join(root, "tests/eval/tuning-u.jsonl")),
          ...read(join(root, "tests/eval/tuning-c.jsonl")),
          ...read(join(root, "tests/eval/tuning-d.jsonl")),
          ...read(join(root, "tests/eval/tuning-e.jsonl")),
          ...read(join(root, "tests/eval/tuning-f.jsonl")),
          ...read(join(root, "tests/eval/tuning-g.jsonl")),
        ],
      },
      {
        name: "frozen",
        items: readdirSync(frozenDir)
          .filter((f) => f.endsWith(".jsonl") && !reportedApart(f))
          .sort()
          .flatMap((f) => read(join(frozenDir, f))),
      },
      // Ordinary family life, written blind (tests/eval/everyday/README.md): its false crisis replies are gated on their
      // own, not mixed into the frozen rate, so that easy messages do not dilute that figure.
      { name: "everyday", items: read(join(root, "tests/eval/everyday/everyday.jsonl")) },
      // --no-apart: leave out the sets reported apart (while rules change, the final set is not looked at).
      ...Object.entries(args.includes("--no-apart") ? {} : REPORTED_APART).map(([name, files]) => ({
        name,
        items: files.flatMap((f) => safeRead(join(frozenDir, f))),
      })),
    ].filter((s) => s.items.length > 0);

function safeRead(file: string): Item[] {
  try {
    return read(file);
  } catch {
    return [];
  }
}

// A fixed clock keeps deadline questions without a year reproducible.
const assistant = loadAssistant({ now: () => new Date("2026-11-23T12:00:00Z") });
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : "—");
const problems: string[] = [];

for (const set of sets) {
  const groups = new Map<string, { pass: number; total: number }>();
  const dangers = new Map<string, { pass: number; total: number }>();
  const styles = new Map<string, { pass: number; total: number }>();
  let answered = 0;
  let answeredRight = 0;
  let falseOos = 0;
  let falseCrisis = 0;
  let nonCrisis = 0;
  const failures: string[] = [];
  // Calibration: replies of kind "answer" by confidence, and how many of them were right.
  const bins = new Map<number, { n: number; right: number }>();
  for (const item of set.items) {
    let reply: Reply | undefined;
    for (const text of item.turns) reply = await assistant.reply(`eval-${set.name}-${item.id}`, text);
    const r = reply as Reply;
    const why = judge(item, r);
    const bump = (m: Map<string, { pass: number; total: number }>, key: string) => {
      const g = m.get(key) ?? { pass: 0, total: 0 };
      g.total += 1;
      if (!why) g.pass += 1;
      m.set(key, g);
    };
    bump(groups, item.group);
    if (item.group === "crisis") bump(dangers, item.danger ?? "(unlabelled)");
    else if (item.style && answerLike.has(item.group)) bump(styles, item.style);
    if (r.kind === "answer" && (answerLike.has(item.group) || item.group === "oos")) {
      answered += 1;
      if (!why) answeredRight += 1;
      const bin = Math.min(9, Math.floor(r.confidence * 10));
      const b = bins.get(bin) ?? { n: 0, right: 0 };
      b.n += 1;
      if (!why) b.right += 1;
      bins.set(bin, b);
    }
    if (item.group === "oos" && r.kind === "answer") falseOos += 1;
    if (item.group !== "crisis") {
      nonCrisis += 1;
      if (r.kind === "crisis") falseCrisis += 1;
    }
    if (why)
      failures.push(
        `${item.id} [${item.group}${item.style ? `/${item.style}` : ""}] ${why} :: ${item.turns.at(-1)?.slice(0, 200)}`,
      );
  }

  console.log(`\n== ${set.name} (${set.items.length} items)`);
  if (verbose) for (const f of failures) console.log(`FAIL ${f}`);
  for (const [name, g] of groups)
    console.log(`${name.padEnd(12)} ${String(g.pass).padStart(4)}/${g.total}  ${pct(g.pass, g.total)}`);
  if (dangers.size)
    console.log(`crisis by kind: ${[...dangers].map(([k, g]) => `${k} ${g.pass}/${g.total}`).join(", ")}`);
  if (bins.size)
    console.log(
      `calibration (confidence: right/answers): ${[...bins]
        .sort(([a], [b]) => a - b)
        .map(([k, b]) => `${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)} ${b.right}/${b.n} (${pct(b.right, b.n)})`)
        .join(", ")}`,
    );
  if (styles.size)
    console.log(`answers by style: ${[...styles].map(([k, g]) => `${k} ${g.pass}/${g.total}`).join(", ")}`);
  const answer = groups.get("answer") ?? { pass: 0, total: 0 };
  const crisis = groups.get("crisis") ?? { pass: 0, total: 0 };
  const oos = groups.get("oos") ?? { pass: 0, total: 0 };
  console.log(
    `eval ${set.name}: recall ${answer.pass}/${answer.total} (${pct(answer.pass, answer.total)}), precision ${answeredRight}/${answered} ` +
      `(${pct(answeredRight, answered)}), oos false answers ${falseOos}/${oos.total} (${pct(falseOos, oos.total)}), ` +
      `crisis ${crisis.pass}/${crisis.total} (${pct(crisis.pass, crisis.total)}), false crisis ${falseCrisis}/${nonCrisis} (${pct(falseCrisis, nonCrisis)})`,
  );
  // The sets reported apart are not gated: they were written after the rules and are below 100 % (see the README).
  const apart = set.name in REPORTED_APART;
  if (crisis.pass !== crisis.total && !apart)
    problems.push(`${set.name}: ${crisis.total - crisis.pass} crisis item(s) failed`);
  if (nonCrisis && falseCrisis / nonCrisis > floor.falseCrisis && !apart)
    problems.push(
      `${set.name}: false crisis replies ${pct(falseCrisis, nonCrisis)} exceed ${pct(floor.falseCrisis, 1)}`,
    );
  if (set.name === "frozen") {
    const f = floor.frozen;
    if (answer.total && answer.pass / answer.total < f.recall)
      problems.push(`frozen: recall ${pct(answer.pass, answer.total)} is below the floor ${pct(f.recall, 1)}`);
    if (answered && answeredRight / answered < f.precision)
      problems.push(`frozen: precision ${pct(answeredRight, answered)} is below the floor ${pct(f.precision, 1)}`);
    if (oos.total && falseOos / oos.total > f.falseOos)
      problems.push(`frozen: out-of-scope false answers ${pct(falseOos, oos.total)} exceed ${pct(f.falseOos, 1)}`);
  }
}

if (gate && problems.length) {
  for (const p of problems) console.error(`eval: ${p}`);
  process.exit(1);
}
