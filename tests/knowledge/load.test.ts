import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeError } from "../../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "knowledge-"));
  cpSync(defaultKnowledgeDir, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entryFile = () => join(dir, "entries", "opp.yaml");
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, "utf8")));

function issuesOf(): Array<{ file: string; field: string; message: string }> {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).issues;
  }
  throw new Error("expected the knowledge to be rejected");
}

describe("loading the knowledge base", () => {
  it("loads the real knowledge base", () => {
    const { knowledge } = loadKnowledge(defaultKnowledgeDir);
    expect(knowledge.entries.length).toBeGreaterThan(100);
  });

  it("names the file and field of an answer over the limit", () => {
    edit(entryFile(), (t) => t.replace(/(  - id: opp-wat-is\n[\s\S]*?    answer: \|\n)/, `$1      ${"Heel lang. ".repeat(100)}\n`));
    const issue = issuesOf().find((i) => i.message.includes("longer than 900"));
    expect(issue?.file).toMatch(/entries[/\\]opp\.yaml$/);
    expect(issue?.field).toMatch(/^entries\[\d+\] \(opp-wat-is\)\.answer$/);
  });

  it("reports a duplicate id with both files", () => {
    edit(join(dir, "entries", "leerplicht.yaml"), (t) => t.replace("- id: schorsing\n", "- id: opp-wat-is\n"));
    const issue = issuesOf().find((i) => i.message.includes('duplicate entry id "opp-wat-is"'));
    expect(issue?.message).toMatch(/opp\.yaml|leerplicht\.yaml/);
  });

  it("reports a related id that does not exist", () => {
    edit(entryFile(), (t) => t.replace(/related: \[/, "related: [bestaat-niet, "));
    expect(issuesOf().some((i) => i.message === 'related entry "bestaat-niet" does not exist')).toBe(true);
  });

  it("reports an entry without citations and a citation of an unknown source", () => {
    edit(entryFile(), (t) => t.replace(/- source: informatieset-po/, "- source: onbekende-bron"));
    expect(issuesOf().some((i) => i.field.includes(".source") && i.message.includes('unknown source "onbekende-bron"'))).toBe(true);
  });

  it("reports the same phrasing in two entries", () => {
    edit(join(dir, "entries", "leerplicht.yaml"), (t) => t.replace(/(    alternates:\n)/, "$1      - wat is een opp\n"));
    expect(issuesOf().some((i) => i.message.includes('phrasing "wat is een opp"'))).toBe(true);
  });

  it("reports broken YAML with the file name", () => {
    writeFileSync(join(dir, "entries", "kapot.yaml"), "topic: opp\nentries:\n  - id: [unclosed\n");
    const issue = issuesOf().find((i) => i.file.endsWith("kapot.yaml"));
    expect(issue?.field).toBe("(yaml)");
  });

  it("reports a missing field", () => {
    edit(entryFile(), (t) => t.replace(/(  - id: opp-wat-is\n[\s\S]*?)    reviewed: [\d-]+\n/, "$1"));
    expect(issuesOf().some((i) => i.field === "entries[0] (opp-wat-is).reviewed" || i.field.endsWith("(opp-wat-is).reviewed"))).toBe(true);
  });

  it("reports an intent pattern that is not a valid regular expression", () => {
    edit(join(dir, "intents.yaml"), (t) => t.replace('"\\\\bgeen (robot', '"(geen (robot'));
    expect(issuesOf().some((i) => i.file.endsWith("intents.yaml") && i.message.includes("regular expression"))).toBe(true);
  });

  it("reports a fillersOnly that names no smalltalk rule", () => {
    edit(join(dir, "intents.yaml"), (t) => t.replace("fillersOnly: oke", "fillersOnly: bestaat-niet"));
    const issue = issuesOf().find((i) => i.field === "fillersOnly");
    expect(issue?.file).toMatch(/intents\.yaml$/);
    expect(issue?.message).toContain('"bestaat-niet"');
  });

  it("reports a crisis pattern that does not compile and an unknown concept, naming the signal", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("'\\b(zelfmoord|", "'(\\b(zelfmoord|").replace("{want}", "{wens}"));
    const issues = issuesOf().filter((i) => i.file.endsWith("crisis.yaml"));
    expect(issues.some((i) => i.field.startsWith("signals[0] (suicide-named).patterns[0]") && i.message.includes("regular expression"))).toBe(true);
    expect(issues.some((i) => i.message.includes("unknown concept {wens}"))).toBe(true);
  });

  it("reports a crisis pattern that could match a line break (signals are tested on all sentences at once)", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("'\\b(zelfmoord|", "'\\s\\b(zelfmoord|"));
    const issue = issuesOf().find((i) => i.field.startsWith("signals[0] (suicide-named).patterns[0]"));
    expect(issue?.message).toContain("line break");
  });

  it("reports a crisis pattern that starts with a look back to the start of the sentence (tried at every position)", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("'\\b(zelfmoord|", "'(?<=^(?!.*\\bgrap\\b).*)\\b(zelfmoord|"));
    const issue = issuesOf().find((i) => i.field.startsWith("signals[0] (suicide-named).patterns[0]"));
    expect(issue?.message).toContain("after the words it guards");
  });

  it("reports a past-frame pattern that does not compile, naming it", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("past:\n  - '^(?=", "past:\n  - '^((?="));
    const issue = issuesOf().find((i) => i.field === "past[0]");
    expect(issue?.file).toMatch(/crisis\.yaml$/);
    expect(issue?.message).toContain("regular expression");
  });

  it("reports an explanation that does not compile, naming it", () => {
    edit(join(dir, "crisis.yaml"), (t) =>
      t.replace("explanations:\n", "explanations:\n  - dangers: [missing]\n    pattern: '(hij is er'\n"),
    );
    const issue = issuesOf().find((i) => i.field === "explanations[0]");
    expect(issue?.file).toMatch(/crisis\.yaml$/);
    expect(issue?.message).toContain("regular expression");
  });

  it("reports an explanation's exception that does not compile, naming it", () => {
    edit(join(dir, "crisis.yaml"), (t) =>
      t.replace(
        "explanations:\n",
        "explanations:\n  - dangers: [missing]\n    pattern: 'hij is er'\n    unless:\n      - '(zegt'\n",
      ),
    );
    const issue = issuesOf().find((i) => i.field === "explanations[0].unless[0]");
    expect(issue?.file).toMatch(/crisis\.yaml$/);
    expect(issue?.message).toContain("regular expression");
  });

  it("reports an explanation for a kind of danger that does not exist, naming it", () => {
    edit(join(dir, "crisis.yaml"), (t) =>
      t.replace("explanations:\n", "explanations:\n  - dangers: [dood]\n    pattern: 'hij is er'\n"),
    );
    const issue = issuesOf().find((i) => i.file.endsWith("crisis.yaml") && i.field.includes("explanations"));
    expect(issue?.field).toBe("explanations[0].dangers[0]");
    expect(issue?.message).toContain("suicide");
  });

  it("reports two crisis signals with one id, naming the second", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("  - id: suicide-wish\n", "  - id: suicide-named\n"));
    const issue = issuesOf().find((i) => i.message.includes('duplicate signal id "suicide-named"'));
    expect(issue?.file).toMatch(/crisis\.yaml$/);
    expect(issue?.field).toMatch(/^signals\.1\.id$|^signals\[1\]/);
  });

  it("reports a crisis help line citing an unknown source", () => {
    edit(join(dir, "crisis.yaml"), (t) => t.replace("source: politie-contact", "source: politie-onbekend"));
    expect(issuesOf().some((i) => i.field.startsWith("reply.citations.missing") && i.message.includes("politie-onbekend"))).toBe(true);
  });
});
