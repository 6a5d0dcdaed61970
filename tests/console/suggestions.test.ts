import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSuggestion, slugify, SuggestionFile, writeSuggestion } from "../../src/console/suggestions.js";
import { EntryInput } from "../../src/core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "suggestions-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const meta = { staffId: 7, now: new Date("2026-10-25T23:30:00Z") }; // 26 October 00:30 in Amsterdam

describe("slugify", () => {
  it("makes short ASCII kebab-case", () => {
    expect(slugify("Mag de school mijn kind wéigeren?")).toBe("mag-de-school-mijn-kind-weigeren");
    expect(slugify("  Ëën café — 'OPP' & TLV!! ")).toBe("een-cafe-opp-tlv");
    expect(slugify("???")).toBe("vraag");
    const long = slugify("wat kan ik doen als de school weigert om een ontwikkelingsperspectief te maken");
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe("wat-kan-ik-doen-als-de-school-weigert-om");
    expect(slugify("a".repeat(60))).toBe("a".repeat(40));
  });
});

describe("writeSuggestion", () => {
  it("writes an alternate phrasing for an existing entry", () => {
    const target = join(dir, "nieuw", "voorstellen");
    const { file } = writeSuggestion(
      target,
      { kind: "alternate", entryId: "opp-wat-is", text: "  wat is nou\n een opp  " },
      meta,
    );
    expect(basename(file)).toMatch(/^2026-10-26-alternate-wat-is-nou-een-opp-[0-9a-f]{6}\.yaml$/);
    // The process's umask, read from a directory made with every permission (process.umask() is deprecated).
    const probe = join(dir, "umask-probe");
    mkdirSync(probe, { mode: 0o777 });
    const umask = 0o777 & ~statSync(probe).mode;
    expect(statSync(target).mode & 0o777).toBe(0o750 & ~umask);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("# Voorstel voor de kennisbank")).toBe(true);
    expect(text).toContain('grep -rn "id: opp-wat-is$" knowledge/entries/');
    expect(text).toContain("de tekst komt van een ouder");
    expect(text).toContain("gemaskeerd");
    expect(text).toContain("Herschrijf de tekst");
    expect(parse(text)).toEqual({
      suggestion: "alternate",
      entryId: "opp-wat-is",
      alternates: ["wat is nou een opp"],
      proposedAt: "2026-10-25T23:30:00.000Z",
      proposedBy: 7,
    });
    expect(readSuggestion(file)).toEqual(parse(text));
  });

  it("writes a skeleton entry in the shape of the knowledge entries", () => {
    const { file } = writeSuggestion(
      dir,
      { kind: "entry", text: "Mag de school mijn kind weigeren omdat het [e-mail] te laat was?", topic: "aanmelden" },
      meta,
    );
    expect(basename(file)).toMatch(/^2026-10-26-entry-mag-de-school-mijn-kind-weigeren-omdat-[0-9a-f]{6}\.yaml$/);
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/answer: "" # TODO: schrijf het antwoord/);
    expect(text).toContain("knowledge/entries/");
    const data = readSuggestion(file);
    expect(data).toEqual({
      suggestion: "entry",
      entry: {
        id: "voorstel-mag-de-school-mijn-kind-weigeren-omdat",
        question: "Mag de school mijn kind weigeren omdat het [e-mail] te laat was?",
        alternates: ["Mag de school mijn kind weigeren omdat het [e-mail] te laat was?"],
        answer: "",
        nextSteps: [],
        related: [],
        tags: [],
        citations: [],
        legalBasis: [],
        topic: "aanmelden",
      },
      proposedAt: "2026-10-25T23:30:00.000Z",
      proposedBy: 7,
    });
    // Same keys as a real entry (only "reviewed" is left for the editor), so it can be copied into entries/.
    const entryKeys = Object.keys(EntryInput.shape)
      .filter((k) => k !== "reviewed")
      .sort();
    expect(Object.keys(data.suggestion === "entry" ? data.entry : {}).sort()).toEqual(entryKeys);
  });

  it("masks personal data that staff pasted in", () => {
    const { file } = writeSuggestion(
      dir,
      { kind: "alternate", entryId: "opp-wat-is", text: "mail mij op ouder@example.nl of 06-12345678" },
      meta,
    );
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("example.nl");
    expect(text).not.toContain("12345678");
    expect(readSuggestion(file)).toMatchObject({ alternates: ["mail mij op [e-mail] of [telefoon]"] });
  });

  it("leaves out the topic when none is given", () => {
    const { file } = writeSuggestion(dir, { kind: "entry", text: "vraag zonder onderwerp" }, meta);
    const data = readSuggestion(file);
    expect(data.suggestion === "entry" && "topic" in data.entry).toBe(false);
  });

  it("keeps YAML-like and hostile text as plain data", () => {
    const hostile = 'x: 1\n# comment\n- "quoted" {a: b} &anchor *ref !!js/function';
    const { file } = writeSuggestion(dir, { kind: "alternate", entryId: "opp-wat-is", text: hostile }, meta);
    const data = readSuggestion(file);
    expect(data.suggestion === "alternate" && data.alternates[0]).toBe(hostile.replace(/\s+/g, " "));
  });

  it("rejects empty, too long and badly named input with a clear error", () => {
    expect(() => writeSuggestion(dir, { kind: "entry", text: "   \n " }, meta)).toThrow(
      "De tekst van het voorstel is leeg.",
    );
    expect(() => writeSuggestion(dir, { kind: "entry", text: "a".repeat(501) }, meta)).toThrow(
      /te lang \(501 tekens, hoogstens 500\)/,
    );
    expect(() => writeSuggestion(dir, { kind: "alternate", entryId: "../../etc/passwd", text: "vraag" }, meta)).toThrow(
      /Onbekende id/,
    );
    expect(() => writeSuggestion(dir, { kind: "entry", text: "vraag", topic: "Geen Id" }, meta)).toThrow(
      /Onbekend onderwerp/,
    );
    expect(readdirSync(dir)).toEqual([]);
    // Exactly 500 characters is fine.
    expect(() => writeSuggestion(dir, { kind: "entry", text: "a".repeat(500) }, meta)).not.toThrow();
  });

  it("never overwrites an existing file", () => {
    const fixed = { ...meta, suffix: () => "abcdef" };
    const { file } = writeSuggestion(dir, { kind: "alternate", entryId: "opp-wat-is", text: "wat is een opp" }, fixed);
    expect(basename(file)).toBe("2026-10-26-alternate-wat-is-een-opp-abcdef.yaml");
    expect(() =>
      writeSuggestion(dir, { kind: "alternate", entryId: "opp-wat-is", text: "wat is een opp" }, fixed),
    ).toThrow(/EEXIST/);
    expect(readSuggestion(file).suggestion).toBe("alternate");
  });
});

describe("readSuggestion", () => {
  it("rejects files that are not a suggestion", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      "suggestion: alternate\nentryId: Not Kebab\nalternates: []\nproposedAt: gisteren\nproposedBy: -1\n",
    );
    expect(() => readSuggestion(bad)).toThrow(/Ongeldig voorstel .*entryId/);
    const extra = join(dir, "extra.yaml");
    writeFileSync(
      extra,
      "suggestion: alternate\nentryId: opp-wat-is\nalternates: [x]\nproposedAt: 2026-10-25T23:30:00.000Z\nproposedBy: 1\nanswer: hack\n",
    );
    expect(() => readSuggestion(extra)).toThrow(/Ongeldig voorstel/);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "a: [\n");
    expect(() => readSuggestion(broken)).toThrow(/Kan voorstel .* niet lezen/);
    expect(() => readSuggestion(join(dir, "missing.yaml"))).toThrow(/Kan voorstel/);
  });

  it("exposes the schema for both kinds", () => {
    expect(SuggestionFile.safeParse({ suggestion: "other" }).success).toBe(false);
  });
});

describe("the knowledge loader", () => {
  it("does not read a suggestions folder inside knowledge/", () => {
    const knowledge = join(dir, "knowledge");
    cpSync(defaultKnowledgeDir, knowledge, { recursive: true });
    const before = loadKnowledge(knowledge).knowledge.entries.length;
    writeSuggestion(join(knowledge, "suggestions"), { kind: "entry", text: "nieuwe vraag over vervoer" }, meta);
    writeSuggestion(
      join(knowledge, "suggestions"),
      { kind: "alternate", entryId: "opp-wat-is", text: "wat is een opp" },
      meta,
    );
    writeFileSync(join(knowledge, "suggestions", "kapot.yaml"), "this: [is not valid");
    const after = loadKnowledge(knowledge).knowledge;
    expect(after.entries).toHaveLength(before);
    expect(after.entries.some((e) => e.id.startsWith("voorstel-"))).toBe(false);
  });
});
