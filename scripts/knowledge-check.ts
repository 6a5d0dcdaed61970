// Validates the knowledge base and reports per file and field. Exit 1 on any problem.
//   npm run knowledge:check [-- --quiet] [-- --dir knowledge]
import { ANSWER_MAX_CHARS, KnowledgeError } from "../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/index.js";
import { lintEntries } from "../src/knowledge/lint.js";

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const dirArg = args.indexOf("--dir");
const dir = dirArg >= 0 ? (args[dirArg + 1] as string) : defaultKnowledgeDir;

try {
  const { knowledge, fileOf } = loadKnowledge(dir);
  const { entries, sources, topics } = knowledge;
  // The legal patterns that can be checked mechanically: openers, remedies without a term, the cluster 1/2 note.
  const lint = lintEntries(entries);
  if (lint.length > 0) {
    for (const i of lint)
      console.error(`${fileOf.get(i.entry) ?? "knowledge/entries"}: ${i.entry}.${i.field}: ${i.message}`);
    console.error(`knowledge: ${lint.length} problem(s)`);
    process.exit(1);
  }
  const perTopic = new Map(topics.map((t) => [t.id, 0]));
  for (const e of entries) perTopic.set(e.topic, (perTopic.get(e.topic) ?? 0) + 1);
  const alternates = entries.reduce((s, e) => s + e.alternates.length, 0);
  const longest = entries.reduce((m, e) => (e.answer.length > m.answer.length ? e : m));
  const files = new Set(fileOf.values()).size;
  console.log(
    `knowledge: ok — ${entries.length} entries in ${files} files, ${alternates} alternate phrasings, ` +
      `${sources.length} sources, longest answer ${longest.answer.length}/${ANSWER_MAX_CHARS} (${longest.id}), ` +
      `${knowledge.letters?.length ?? 0} letters`,
  );
  if (!quiet) {
    console.log("entries per topic:");
    for (const t of topics) console.log(`  ${String(perTopic.get(t.id) ?? 0).padStart(4)}  ${t.id} (${t.label})`);
    const unused = sources.filter((s) => !entries.some((e) => e.citations.some((c) => c.source === s.id)));
    if (unused.length) console.log(`sources not cited by any entry: ${unused.map((s) => s.id).join(", ")}`);
    const empty = topics.filter((t) => !perTopic.get(t.id));
    if (empty.length) console.log(`topics without entries: ${empty.map((t) => t.id).join(", ")}`);
  }
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
