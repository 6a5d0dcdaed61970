// Where recall is lost: for each style of the in-domain items, how many replies are right, how many times the entry
// the best reading puts first would have been right (the gate's ceiling), and how many times a right entry is among
// the first five candidates (the ranking's ceiling). Judged as `npm run eval` judges (a message of two questions: one
// of its answers). It reads the frozen sets as `npm run eval` does, to report, never to fit.
//   npm run eval:ranking [-- --set FILE ...]
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAssistant } from "../src/knowledge/index.js";
import { answerLike, answersItem, judge, readItems, type Item } from "./eval-lib.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const explicit = args.flatMap((a, i) => (args[i - 1] === "--set" ? [a] : []));
const inDir = (dir: string, prefix: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.startsWith(prefix) && f.endsWith(".jsonl"))
    .map((f) => join(root, dir, f));
const sets = explicit.length
  ? explicit.map((f) => ({ name: f, files: [f] }))
  : [
      { name: "tuning", files: [join(root, "tests/eval/questions.jsonl"), ...inDir("tests/eval", "tuning-")] },
      { name: "frozen", files: inDir("tests/eval/frozen", "indomain-") },
    ];

const assistant = loadAssistant({ now: () => new Date("2026-11-23T12:00:00Z") });

async function isRight(item: Item, entryId: string): Promise<boolean> {
  const reply = await assistant.replyWithEntry(`ranking-label-${item.id}`, entryId);
  return reply !== null && answersItem(item, reply);
}

for (const set of sets) {
  const rows = new Map<string, { items: number; right: number; first: number; five: number }>();
  for (const item of set.files.flatMap((f) => readItems(f))) {
    // Single messages only: a follow-up's reading depends on the turns before it.
    if (!answerLike.has(item.group) || item.turns.length !== 1) continue;
    const conversation = `ranking-${item.id}`;
    const explained = await assistant.explain(conversation, item.turns[0] as string);
    await assistant.forget(conversation);
    const best = explained.variants.reduce<(typeof explained.variants)[number] | undefined>(
      (a, v) => (!a || v.p > a.p ? v : a),
      undefined,
    );
    const row = rows.get(item.style ?? "-") ?? { items: 0, right: 0, first: 0, five: 0 };
    row.items += 1;
    if (judge(item, explained.reply) === null) row.right += 1;
    if (best?.topId && (await isRight(item, best.topId))) row.first += 1;
    for (const c of explained.candidates.slice(0, 5)) {
      if (await isRight(item, c.id)) {
        row.five += 1;
        break;
      }
    }
    rows.set(item.style ?? "-", row);
  }
  console.log(`\n== ${set.name}`);
  console.log("style        items  replied right  first entry right  right among five");
  const total = { items: 0, right: 0, first: 0, five: 0 };
  for (const [style, r] of [...rows].sort()) {
    console.log(
      `${style.padEnd(12)} ${String(r.items).padStart(5)}  ${String(r.right).padStart(13)}  ${String(r.first).padStart(17)}  ${String(r.five).padStart(16)}`,
    );
    for (const k of ["items", "right", "first", "five"] as const) total[k] += r[k];
  }
  const pct = (n: number) => `${((100 * n) / Math.max(1, total.items)).toFixed(1)} %`;
  console.log(
    `all ${total.items}: replied right ${pct(total.right)}, first entry right ${pct(total.first)}, right among five ${pct(total.five)}`,
  );
}
