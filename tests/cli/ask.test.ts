import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Reply } from "../../src/core/index.js";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const ask = (args: string[], input?: string) =>
  spawnSync(tsx, ["src/cli/ask.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("the command line of docs/CONTRACT.md", () => {
  it("prints a reply for people to read", () => {
    const run = ask(["Wat is een TLV?"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/toelaatbaarheidsverklaring/i);
    expect(run.stdout).toMatch(/Bronnen:/);
  });

  it("prints one Reply as JSON with --json", () => {
    const run = ask(["--json", "Wat is een TLV?"]);
    expect(run.status).toBe(0);
    const reply = Reply.parse(JSON.parse(run.stdout));
    expect(reply.kind).toBe("answer");
    expect(reply.citations[0]?.sourceId).toBeTruthy();
  });

  it("answers many conversations in order with --jsonl, and nothing else on stdout", () => {
    const input = [
      JSON.stringify({ conversation: "c1", text: "Wat is een TLV?" }),
      "Hoe maak ik pannenkoeken?",
      JSON.stringify({ conversation: "c1", text: "en hoe maak ik daar bezwaar tegen?" }),
      JSON.stringify({ conversation: "c2", text: "hoi" }),
      "",
    ].join("\n");
    const run = ask(["--jsonl"], input);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => Reply.parse(JSON.parse(l)));
    expect(lines.map((r) => r.kind)).toEqual(["answer", "fallback", "answer", "smalltalk"]);
    expect(lines[2]?.answerId).toBe("tlv-bezwaar");
  });

  it("shows candidates and matched terms with --explain", () => {
    const run = ask(["--explain", "wat is een opp"]);
    expect(run.stdout).toMatch(/top candidates:/);
    expect(run.stdout).toMatch(/1\. opp-wat-is/);
    expect(run.stdout).toMatch(/question: /);
  });

  it("rejects an unknown option with a usage message", () => {
    const run = ask(["--bogus", "x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage/);
  });
});
