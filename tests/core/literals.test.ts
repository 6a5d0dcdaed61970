import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/core/text/normalize.js";
import { requiredLiterals } from "../../src/core/text/literals.js";
import { realKnowledge } from "../helpers.js";

describe("requiredLiterals", () => {
  const sorted = (source: string) => requiredLiterals(source)?.sort();

  it("takes a run of letters, or the alternatives of a group every match passes through", () => {
    expect(sorted("\\bhij wil dood\\b")).toEqual(["hij wil dood"]);
    expect(sorted("\\b(slaat|sloeg) \\w+")).toEqual(["slaat", "sloeg"]);
  });

  it("keeps the most selective part: the one whose literals together occur least often", () => {
    // "ze" and "hij" are everywhere; "riem" and "stok" are what the pattern is about.
    expect(sorted("\\b(ze|hij) (\\w+ )?met (een|de) (riem|stok)\\b")).toEqual(["met "]);
    expect(sorted("\\b(ze|hij) (\\w+ )?(riem|stok)\\b")).toEqual(["riem", "stok"]);
  });

  it("requires nothing of an optional part, and a repeated part at least once", () => {
    expect(sorted("\\b(erg )?(\\w+ ){0,3}\\d+")).toBeUndefined();
    expect(sorted("(nee)+ \\w+")).toEqual(["nee"]);
    expect(sorted("ab?c")).toEqual(["a"]);
  });

  it("gives nothing for a group with an alternative that requires nothing", () => {
    expect(sorted("\\b(dood|\\w+)\\b")).toBeUndefined();
    expect(sorted("\\b(dood|\\w+isch) \\w+")).toEqual(["dood", "isch"]);
    expect(sorted("x(a|)")).toEqual(["x"]);
  });

  it("counts what a positive look-around requires, not a negative one", () => {
    expect(sorted("^(?=.*\\b(insuline|pufjes)\\b).*\\bop\\b")).toEqual(["insuline", "pufjes"]);
    expect(sorted("(?<=\\beczeem\\b.{0,100})\\bkrab\\w*")).toEqual(["eczeem"]);
    expect(sorted("^(?!.*\\bper ongeluk\\b).*\\b\\w+")).toBeUndefined();
  });

  it("gives nothing where case is ignored, and reads the v flag's classes", () => {
    expect(requiredLiterals("abc", "i")).toBeUndefined();
    expect(requiredLiterals("x(?i:slaat)", "u")).toEqual(["x"]);
    expect(requiredLiterals("\\p{L}+x", "v")).toEqual(["x"]);
    expect(requiredLiterals("[\\p{L}--[a-z]]+", "v")).toBeUndefined();
  });

  it("never claims a literal a match may lack: every match of each pattern holds one", () => {
    const cases: Array<[string, string[]]> = [
      ["\\b(kind|zoon) (slaat|sloeg) (hem|haar)\\b", ["zoon sloeg hem", "kind slaat haar"]],
      ["\\bmet (een|de) (riem|stok) (geeft|gaf)\\b", ["met de riem gaf", "met een stok geeft"]],
      ["(?<=\\b(jeuk|eczeem)\\b.{0,20})\\bkrabt\\b", ["jeuk en dan krabt", "eczeem krabt"]],
    ];
    for (const [source, texts] of cases) {
      const literals = requiredLiterals(source) ?? [];
      for (const text of texts) {
        expect(new RegExp(source, "u").test(text)).toBe(true);
        expect(literals.some((l) => text.includes(l))).toBe(true);
      }
    }
  });

  it("holds for every pattern of crisis.yaml on every crisis message it matches in the first blind sets", () => {
    const crisis = realKnowledge().crisis;
    const expand = (p: string) => p.replace(/\{([a-zA-Z]+)\}/gu, (_m, n: string) => `(?:${crisis.concepts[n]})`);
    const texts = ["crisis-a", "crisis-b", "crisis-c"].flatMap((set) =>
      readFileSync(`tests/eval/frozen/${set}.jsonl`, "utf8")
        .split("\n")
        .filter(Boolean)
        .flatMap((l) => (JSON.parse(l) as { turns: string[] }).turns.map(normalize)),
    );
    let matched = 0;
    for (const source of [...crisis.harmless, ...crisis.signals.flatMap((s) => s.patterns)].map(expand)) {
      const re = new RegExp(source, "u");
      const literals = requiredLiterals(source);
      for (const text of texts) {
        if (!re.test(text)) continue;
        matched++;
        if (literals)
          expect(
            literals.some((l) => text.includes(l)),
            `${source.slice(0, 80)} on ${text}`,
          ).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(300);
  });
});
