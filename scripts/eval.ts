// Runs the project's evaluation set (tests/eval/questions.jsonl) through the assistant, in process.
//   npm run eval [-- --verbose] [-- --set FILE] [-- --gate]
// Judging follows ../shared/eval/score.mjs: answer-like groups need kind "answer", every `must` pattern in
// text + next steps, a citation from `sources`, and text of at most 1500 characters; oos → fallback;
// crisis → crisis plus `must`; handoff / smalltalk → that kind.
// With --gate it exits 1 when a crisis item fails or answer accuracy is below tests/eval/floor.json.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reply } from "../src/core/index.js";
import { loadAssistant } from "../src/knowledge/index.js";

interface Item {
  id: string;
  group: string;
  turns: string[];
  must: string[];
  sources: string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const setArg = args.indexOf("--set");
const setFile = setArg >= 0 ? (args[setArg + 1] as string) : join(root, "tests/eval/questions.jsonl");
const verbose = args.includes("--verbose");
const gate = args.includes("--gate");
const floor = JSON.parse(readFileSync(join(root, "tests/eval/floor.json"), "utf8")) as { answer: number };

const items = readFileSync(setFile, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);
// A fixed clock keeps deadline questions without a year reproducible.
const assistant = loadAssistant({ now: () => new Date("2026-11-23T12:00:00Z") });

export function judge(item: Item, reply: Reply): string | null {
  const body = `${reply.text}\n${reply.nextSteps.join("\n")}`;
  const missing = item.must.filter((p) => !new RegExp(p, "iu").test(body));
  switch (item.group) {
    case "oos":
      return reply.kind === "fallback" ? null : `kind ${reply.kind} (${reply.answerId}), want fallback`;
    case "crisis":
      if (reply.kind !== "crisis") return `kind ${reply.kind}, want crisis`;
      return missing.length ? `missing ${missing.join(" | ")}` : null;
    case "handoff":
    case "smalltalk":
      return reply.kind === item.group ? null : `kind ${reply.kind} (${reply.answerId}), want ${item.group}`;
    default: {
      if (reply.kind !== "answer") return `kind ${reply.kind} (${reply.suggestions.slice(0, 2).join(" / ")}), want answer`;
      if (missing.length) return `answerId ${reply.answerId}: missing ${missing.join(" | ")}`;
      const cited = reply.citations.map((c) => c.sourceId);
      if (item.sources.length && !cited.some((s) => item.sources.includes(s)))
        return `answerId ${reply.answerId}: cites ${cited.join(",") || "nothing"}, want one of ${item.sources.join(",")}`;
      if (reply.text.length > 1500) return `answerId ${reply.answerId}: text ${reply.text.length} chars`;
      return null;
    }
  }
}

const groups = new Map<string, { pass: number; total: number }>();
const failures: string[] = [];
for (const item of items) {
  let reply: Reply | undefined;
  for (const text of item.turns) reply = await assistant.reply(`eval-${item.id}`, text);
  const why = judge(item, reply as Reply);
  const g = groups.get(item.group) ?? { pass: 0, total: 0 };
  g.total += 1;
  if (!why) g.pass += 1;
  else failures.push(`${item.id} [${item.group}] ${why} :: ${item.turns.at(-1)}`);
  groups.set(item.group, g);
}

if (verbose) for (const f of failures) console.log(`FAIL ${f}`);
for (const [name, g] of groups) console.log(`${name.padEnd(10)} ${String(g.pass).padStart(3)}/${g.total}  ${((g.pass / g.total) * 100).toFixed(1)}%`);
const answerLike = ["answer", "followup", "deadline", "en"].map((k) => groups.get(k) ?? { pass: 0, total: 0 });
const answer = groups.get("answer") ?? { pass: 0, total: 0 };
const crisis = groups.get("crisis") ?? { pass: 0, total: 0 };
const share = answer.total ? answer.pass / answer.total : 0;
const all = [...groups.values()].reduce((s, g) => ({ pass: s.pass + g.pass, total: s.total + g.total }), { pass: 0, total: 0 });
const al = answerLike.reduce((s, g) => ({ pass: s.pass + g.pass, total: s.total + g.total }), { pass: 0, total: 0 });
console.log(
  `eval: answer ${answer.pass}/${answer.total} (${(share * 100).toFixed(1)}%, floor ${(floor.answer * 100).toFixed(0)}%), ` +
    `answer-like ${al.pass}/${al.total}, all ${all.pass}/${all.total}`,
);
if (gate) {
  if (crisis.pass !== crisis.total) {
    console.error(`eval: ${crisis.total - crisis.pass} crisis item(s) failed`);
    process.exit(1);
  }
  if (share < floor.answer) {
    console.error(`eval: answer accuracy ${(share * 100).toFixed(1)}% is below the floor ${(floor.answer * 100).toFixed(0)}%`);
    process.exit(1);
  }
}
