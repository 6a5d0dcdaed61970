import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The layers of DESIGN.md, checked on every import in src/: a module may import its own layer and the layers it
// names here, nothing else. The core imports no adapter, stores import no channel, the widget bundle only the pure
// renderer.
const root = resolve(import.meta.dirname, "..", "..", "src");
const allowed: Record<string, string[]> = {
  core: [],
  // Dutch language tools (the u/je rewriter), pure like the core.
  language: [],
  render: ["core"],
  // The opening hours read the month names from the core's pure table (src/core/text/dates.ts).
  hours: ["core"],
  types: [],
  knowledge: ["core"],
  // Documents made in memory from core values (a letter as .docx): used by the channels.
  documents: ["core"],
  config: ["hours"],
  // Rate limits and the login guard, in memory or shared through Redis (REDIS_URL).
  "shared-state": ["config", "logger"],
  logger: ["config"],
  stores: ["core", "config", "types", "logger"],
  handoff: ["core", "stores", "config", "hours", "logger"],
  // The application seam every channel calls: the handoff dialogue, the core and the transcript, chained once.
  conversation: ["core", "handoff", "stores", "config", "hours", "logger"],
  widget: ["render"],
  // The console is part of the web service (its routes are mounted there and use its request locals).
  console: [
    "conversation",
    "core",
    "language",
    "render",
    "documents",
    "knowledge",
    "stores",
    "handoff",
    "config",
    "logger",
    "hours",
    "web",
    "shared-state",
  ],
  web: [
    // web/start.ts starts the service the composition root builds.
    "compose",
    "conversation",
    "core",
    "render",
    "documents",
    "knowledge",
    "stores",
    "handoff",
    "console",
    "config",
    "logger",
    "hours",
    "types",
    "shared-state",
  ],
  telegram: [
    "conversation",
    "core",
    "render",
    "documents",
    "knowledge",
    "stores",
    "handoff",
    "config",
    "logger",
    "hours",
    "shared-state",
  ],
  cli: [
    "conversation",
    "core",
    "render",
    "documents",
    "knowledge",
    "stores",
    "handoff",
    "console",
    "config",
    "logger",
    "hours",
    "shared-state",
  ],
  // The composition root wires everything; main.ts runs it.
  compose: [
    "shared-state",
    "core",
    "hours",
    "knowledge",
    "config",
    "logger",
    "stores",
    "handoff",
    "conversation",
    "console",
    "telegram",
  ],
  main: Object.keys({
    compose: 1,
    conversation: 1,
    "shared-state": 1,
    core: 1,
    language: 1,
    render: 1,
    documents: 1,
    hours: 1,
    types: 1,
    knowledge: 1,
    config: 1,
    logger: 1,
    stores: 1,
    handoff: 1,
    widget: 1,
    console: 1,
    web: 1,
    telegram: 1,
    cli: 1,
  }),
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The layer of a file under src/: its top folder, or its file name without extension. */
function layerOf(path: string): string {
  const first = relative(root, path).split("/")[0] as string;
  return first.replace(/\.(ts|js)$/u, "");
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gu;

describe("layers", () => {
  const all = files(root);

  it("knows the layer of every module", () => {
    const unknown = [...new Set(all.map(layerOf))].filter((l) => !(l in allowed));
    expect(unknown).toEqual([]);
  });

  it("lets every module import only its own layer and the layers below it", () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = (m[1] ?? m[2]) as string;
        if (!spec.startsWith(".")) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to !== from && !(allowed[from] ?? []).includes(to))
          violations.push(`${relative(root, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("keeps the core free of I/O and of every adapter", () => {
    const core = all.filter((f) => layerOf(f) === "core");
    const io = core.filter((f) =>
      /from\s+"node:(fs|net|http|https|child_process)|from\s+"(express|pg|better-sqlite3|grammy)"/u.test(
        readFileSync(f, "utf8"),
      ),
    );
    expect(io.map((f) => relative(root, f))).toEqual([]);
  });
});
