import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPersonalData, maskPersonalData as mask } from "../../src/stores/mask.js";

// Finding 6 of issue 14: masking missed common formats (06.12.34.56.78, +31-6-12345678, 06/12345678, a
// non-breaking hyphen, 31612345678, full-width or spaced digits, an IBAN with dashes, a lower-case street with a
// number), and a child's name after "mijn zoon/dochter" and a date of birth were stored in clear.
//
// The corpus (fixtures/personal-data.nl.jsonl, 236 messages, 267 items of personal data) holds each of those
// formats in everyday sentences. Recall must be at least 0.98; the parents' real questions of the evaluation sets
// (no personal data in them) must come through almost untouched.

interface Item {
  kind: string;
  value: string;
}
const corpus = readFileSync(join(import.meta.dirname, "fixtures", "personal-data.nl.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { text: string; pii: Item[] });

/** ASCII digits of a string, with full-width and other Unicode digits read as their value. */
const digitsOf = (s: string) =>
  [...s.normalize("NFKC")]
    .map((c) => (/\p{Nd}/u.test(c) ? String(Number.parseInt(c, 10)) : ""))
    .filter((d) => d !== "NaN")
    .join("");

/** Whether the item survived masking: its text, or (for numbers) its last six digits in any spacing. */
function leaked(masked: string, item: Item): boolean {
  if (masked.includes(item.value)) return true;
  if (item.kind === "name") return new RegExp(`(?<![\\p{L}])${item.value}(?![\\p{L}])`, "iu").test(masked);
  const d = digitsOf(item.value);
  return d.length >= 6 && digitsOf(masked).includes(d.slice(-6));
}

describe("masking recall on the corpus of Dutch messages with personal data", () => {
  it("has at least 200 messages, covering every format of the finding", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const all = corpus.flatMap((c) => c.pii.map((p) => p.value)).join("\n");
    for (const format of [
      /06\.\d\d\.\d\d/,
      /\+31-6-/,
      /06\//,
      /\u2011/,
      /(?<![\d+])316\d{8}/,
      /\uff10\uff16/,
      /0 6 \d \d/,
      /[A-Z]{4}-\d{4}-/,
      /^[a-z]+straat \d/m,
    ]) {
      expect(all, String(format)).toMatch(format);
    }
    for (const kind of ["phone", "iban", "bsn", "email", "address", "name", "birthdate"]) {
      expect(
        corpus.some((c) => c.pii.some((p) => p.kind === kind)),
        kind,
      ).toBe(true);
    }
  });

  it("masks at least 98 % of the personal data (and reports recall per kind)", () => {
    const perKind = new Map<string, { total: number; masked: number; missed: string[] }>();
    for (const { text, pii } of corpus) {
      const masked = mask(text);
      for (const item of pii) {
        const k = perKind.get(item.kind) ?? { total: 0, masked: 0, missed: [] };
        k.total++;
        if (leaked(masked, item)) k.missed.push(`${item.value} in "${masked}"`);
        else k.masked++;
        perKind.set(item.kind, k);
      }
    }
    const total = [...perKind.values()].reduce((n, k) => n + k.total, 0);
    const masked = [...perKind.values()].reduce((n, k) => n + k.masked, 0);
    const lines = [...perKind].map(
      ([kind, k]) =>
        `  ${kind.padEnd(10)} ${k.masked}/${k.total}${k.missed.length ? `  missed: ${k.missed.slice(0, 3).join(" | ")}` : ""}`,
    );
    console.info(`[masking] recall ${(masked / total).toFixed(3)} (${masked}/${total})\n${lines.join("\n")}`);
    expect(masked / total).toBeGreaterThanOrEqual(0.98);
    // Numbers people call or pay with are never missed.
    for (const kind of ["phone", "iban", "bsn", "email"]) expect(perKind.get(kind)?.missed ?? [], kind).toEqual([]);
  });

  it("leaves parents' questions alone but for the children's names in them (the evaluation sets: no false alarm)", () => {
    const dir = join(import.meta.dirname, "..", "eval");
    const files = [
      join(dir, "questions.jsonl"),
      join(dir, "tuning-b.jsonl"),
      ...readdirSync(join(dir, "frozen"))
        .filter((f) => f.endsWith(".jsonl"))
        .map((f) => join(dir, "frozen", f)),
    ];
    const texts = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .trim()
        .split("\n")
        .flatMap((l) => {
          const o = JSON.parse(l) as { turns?: string[]; text?: string };
          return o.turns ?? (o.text ? [o.text] : []);
        }),
    );
    expect(texts.length).toBeGreaterThan(500);
    // The written-up stories name their children ("Mijn zoon Daan zit in ..."): those names are personal data and
    // are masked. Anything else masked in these messages is a false alarm.
    const changed = texts.filter((t) => mask(t) !== t);
    const falseAlarms = changed.flatMap((t) =>
      findPersonalData(t)
        .filter((m) => m.kind !== "name" || !/^\p{Lu}\p{Ll}+$/u.test(m.value))
        .map((m) => `${m.kind}: ${m.match}`),
    );
    console.info(
      `[masking] ${changed.length} of ${texts.length} evaluation messages changed, all by a child's name; false alarms: ${falseAlarms.length}${falseAlarms.length ? ` (${falseAlarms.slice(0, 5).join(" | ")})` : ""}`,
    );
    expect(falseAlarms.length / texts.length).toBeLessThanOrEqual(0.005);
  });

  it.each([
    ["mijn zoon heeft adhd en zit in groep 6", "mijn zoon heeft adhd en zit in groep 6"],
    ["Mijn dochter Zit al twee weken thuis", "Mijn dochter Zit al twee weken thuis"],
    ["mijn zoon van 6 zit in groep 3", "mijn zoon van 6 zit in groep 3"],
    ["Het OPP is op 01-02-2026 besproken", "Het OPP is op 01-02-2026 besproken"],
    ["mijn kind is 8 jaar en geboren in 2017", "mijn kind is 8 jaar en geboren in 2017"],
    ["Mijn zoon Heeft een TLV nodig", "Mijn zoon Heeft een TLV nodig"],
    ["mijn dochter ADHD? dat weet ik niet", "mijn dochter ADHD? dat weet ik niet"],
    ["Mijn zoon en ik", "Mijn zoon en ik"],
    ["op de weg 3 keer gevallen", "op de weg 3 keer gevallen"],
    ["met 2 jaar ervaring 3 keer geprobeerd", "met 2 jaar ervaring 3 keer geprobeerd"],
    ["de school zegt dat het niet kan", "de school zegt dat het niet kan"],
    ["heeft de school het OKR al ingevuld?", "heeft de school het OKR al ingevuld?"],
    ["op school Maandag was er een gesprek", "op school Maandag was er een gesprek"],
    ["Mijn zoon Daan zit op basisschool De Regenboog", "Mijn zoon [naam] zit op basisschool [school]"],
    ["mijn dochter is geboren op 3 mei 2016", "mijn dochter is geboren op [geboortedatum]"],
    ["bel 06.12.34.56.78", "bel [telefoon]"],
  ])("%j → %j", (input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});
