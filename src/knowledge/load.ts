import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  CrisisFile,
  DeadlineFile,
  compileCrisis,
  EntryFile,
  IntentFile,
  KnowledgeError,
  LetterFile,
  SourceFile,
  SynonymFile,
  TopicFile,
  normalize,
  type Entry,
  type Knowledge,
  type KnowledgeIssue,
  type Letter,
} from "../core/index.js";

export interface LoadedKnowledge {
  knowledge: Knowledge;
  /** The file each entry came from (relative path), for reports. */
  fileOf: Map<string, string>;
}

/**
 * Reads and validates every file under `dir` (the `knowledge/` folder).
 * Throws a KnowledgeError naming each file and field that is wrong; nothing partial is returned.
 */
export function loadKnowledge(dir: string): LoadedKnowledge {
  const issues: KnowledgeIssue[] = [];
  const rel = (path: string) => relative(process.cwd(), path) || path;

  function read<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
    let raw: unknown;
    try {
      const doc = parseDocument(readFileSync(path, "utf8"), { prettyErrors: true });
      if (doc.errors.length > 0) {
        for (const e of doc.errors) issues.push({ file: rel(path), field: "(yaml)", message: e.message });
        return undefined;
      }
      raw = doc.toJS();
    } catch (error) {
      issues.push({ file: rel(path), field: "(file)", message: (error as Error).message });
      return undefined;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ file: rel(path), field: describePath(raw, issue.path), message: issue.message });
      }
      return undefined;
    }
    return result.data;
  }

  const yamlFiles = (sub: string) =>
    listYaml(join(dir, sub)).map((name) => join(dir, sub, name));

  const topics = read(join(dir, "topics.yaml"), TopicFile) ?? [];
  const sources = yamlFiles("sources").flatMap((f) => read(f, SourceFile) ?? []);
  const synonyms = read(join(dir, "synonyms.yaml"), SynonymFile);
  const intents = read(join(dir, "intents.yaml"), IntentFile);
  const deadlines = read(join(dir, "deadlines.yaml"), DeadlineFile) ?? [];
  const crisis = read(join(dir, "crisis.yaml"), CrisisFile);

  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();
  const topicIds = new Set(topics.map((t) => t.id));
  const sourceIds = new Set<string>();
  for (const s of sources) {
    if (sourceIds.has(s.id)) issues.push({ file: "knowledge/sources", field: s.id, message: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
  }
  if (intents?.fillersOnly !== undefined && !intents.smalltalk.some((r) => r.id === intents.fillersOnly))
    issues.push({ file: rel(join(dir, "intents.yaml")), field: "fillersOnly", message: `unknown smalltalk rule "${intents.fillersOnly}"` });
  if (crisis) {
    for (const i of compileCrisis(crisis).issues) issues.push({ file: rel(join(dir, "crisis.yaml")), field: i.field, message: i.message });
    for (const [k, list] of Object.entries(crisis.reply.citations)) {
      list.forEach((c, n) => {
        if (!sourceIds.has(c.source)) issues.push({ file: rel(join(dir, "crisis.yaml")), field: `reply.citations.${k}[${n}].source`, message: `unknown source "${c.source}" (register it in knowledge/sources/)` });
      });
    }
  }

  for (const file of yamlFiles("entries")) {
    const data = read(file, EntryFile);
    if (!data) continue;
    data.entries.forEach((input, i) => {
      const topic = input.topic ?? data.topic;
      const at = (field: string) => `entries[${i}] (${input.id}).${field}`;
      if (!topicIds.has(topic)) issues.push({ file: rel(file), field: at("topic"), message: `unknown topic "${topic}" (see knowledge/topics.yaml)` });
      if (fileOf.has(input.id)) {
        issues.push({ file: rel(file), field: at("id"), message: `duplicate entry id "${input.id}", also in ${fileOf.get(input.id)}` });
        return;
      }
      input.citations.forEach((c, k) => {
        if (!sourceIds.has(c.source)) issues.push({ file: rel(file), field: at(`citations[${k}].source`), message: `unknown source "${c.source}" (register it in knowledge/sources/)` });
      });
      fileOf.set(input.id, rel(file));
      entries.push({ ...input, topic });
    });
  }

  // Cross-entry checks: related ids exist, no phrasing belongs to two entries.
  const ids = new Set(entries.map((e) => e.id));
  const phrasingOwner = new Map<string, string>();
  for (const entry of entries) {
    const file = fileOf.get(entry.id) ?? "?";
    entry.related.forEach((r, k) => {
      if (!ids.has(r)) issues.push({ file, field: `${entry.id}.related[${k}]`, message: `related entry "${r}" does not exist` });
      if (r === entry.id) issues.push({ file, field: `${entry.id}.related[${k}]`, message: "an entry cannot be related to itself" });
    });
    const own = new Set<string>();
    [entry.question, ...entry.alternates].forEach((p, k) => {
      const key = normalize(p);
      const field = k === 0 ? `${entry.id}.question` : `${entry.id}.alternates[${k - 1}]`;
      if (own.has(key)) {
        issues.push({ file, field, message: `phrasing "${p}" appears twice in this entry` });
        return;
      }
      own.add(key);
      const other = phrasingOwner.get(key);
      if (other !== undefined) issues.push({ file, field, message: `phrasing "${p}" is also used by entry "${other}"` });
      else phrasingOwner.set(key, entry.id);
    });
  }
  for (const rule of deadlines) {
    for (const id of rule.entries) {
      if (!ids.has(id)) issues.push({ file: "knowledge/deadlines.yaml", field: `${rule.id}.entries`, message: `entry "${id}" does not exist` });
    }
  }
  // Letters: each file one letter; its entries, sources and deadline rule must exist.
  const letters: Letter[] = [];
  const letterFileOf = new Map<string, string>();
  for (const file of yamlFiles("letters")) {
    const letter = read(file, LetterFile);
    if (!letter) continue;
    const where = rel(file);
    if (letterFileOf.has(letter.id)) {
      issues.push({ file: where, field: "id", message: `duplicate letter id "${letter.id}", also in ${letterFileOf.get(letter.id)}` });
      continue;
    }
    letterFileOf.set(letter.id, where);
    letter.entries.forEach((id, k) => {
      if (!ids.has(id)) issues.push({ file: where, field: `entries[${k}]`, message: `entry "${id}" does not exist` });
    });
    letter.citations.forEach((c, k) => {
      if (!sourceIds.has(c.source)) issues.push({ file: where, field: `citations[${k}].source`, message: `unknown source "${c.source}" (register it in knowledge/sources/)` });
    });
    if (letter.deadline && !deadlines.some((d) => d.id === letter.deadline?.rule)) {
      issues.push({ file: where, field: "deadline.rule", message: `deadline rule "${letter.deadline.rule}" does not exist (see knowledge/deadlines.yaml)` });
    }
    letters.push(letter);
  }

  if (!synonyms) issues.push({ file: "knowledge/synonyms.yaml", field: "(file)", message: "missing or invalid" });
  if (!intents) issues.push({ file: "knowledge/intents.yaml", field: "(file)", message: "missing or invalid" });
  if (!crisis) issues.push({ file: "knowledge/crisis.yaml", field: "(file)", message: "missing or invalid" });
  if (entries.length === 0) issues.push({ file: "knowledge/entries", field: "(folder)", message: "no entries found" });

  if (issues.length > 0 || !synonyms || !intents || !crisis) throw new KnowledgeError(dedupe(issues));
  return { knowledge: { entries, sources, topics, synonyms, intents, crisis, deadlines, letters }, fileOf };
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
  } catch {
    return [];
  }
}

/** Turns a zod issue path into a readable field, naming the entry id where there is one. */
function describePath(raw: unknown, path: ReadonlyArray<PropertyKey>): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === "number") {
      const item: unknown = Array.isArray(node) ? (node as unknown[])[key] : undefined;
      const id = item && typeof item === "object" && "id" in item ? ` (${String(item.id)})` : "";
      parts.push(`[${key}]${id}`);
    } else {
      parts.push(parts.length ? `.${String(key)}` : String(key));
    }
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return parts.join("") || "(root)";
}

function dedupe(issues: KnowledgeIssue[]): KnowledgeIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}|${i.field}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
