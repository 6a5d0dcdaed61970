import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKnowledgeAnalyzer, normalize } from "../../src/core/index.js";
import { realKnowledge } from "../helpers.js";

describe("normalize", () => {
  it("folds case, diacritics and apostrophes", () => {
    expect(normalize("IB'er")).toBe("iber");
    expect(normalize("ib’er")).toBe("iber");
    expect(normalize("IB-er")).toBe("iber");
    expect(normalize("ib-ers")).toBe("ibers");
    expect(normalize("Één CRÈCHE, naïef!")).toBe("een creche naief");
  });

  it("splits a hyphen between long parts and joins it next to a short part", () => {
    expect(normalize("TLV-aanvraag")).toBe("tlv aanvraag");
    expect(normalize("e-mail")).toBe("email");
    expect(normalize("ouder- en jeugdsteunpunt")).toBe("ouder en jeugdsteunpunt");
  });

  it("drops markup characters and emoji but keeps letters of other scripts", () => {
    expect(normalize("<img src=x onerror=alert(1)>")).toBe("img src x onerror alert 1");
    expect(normalize("😀😀")).toBe("");
    expect(normalize("مدرسة")).toBe("مدرسة");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => normalize(normalize(s)) === normalize(s)),
      { numRuns: 2000 },
    );
  });

  it("is insensitive to case", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme-ascii", maxLength: 60 }),
        (s) => normalize(s.toUpperCase()) === normalize(s.toLowerCase()),
      ),
      { numRuns: 2000 },
    );
  });

  it("is insensitive to accents on Latin letters", () => {
    const accents: Record<string, string> = { a: "áàäâ", e: "éèëê", i: "íìïî", o: "óòöô", u: "úùüû", c: "ç", n: "ñ" };
    const word = fc.array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz "), { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(word, fc.nat(), (plain, seed) => {
        const accented = [...plain]
          .map((ch, i) => {
            const options = accents[ch];
            return options ? (options[(seed + i) % options.length] as string) : ch;
          })
          .join("");
        return normalize(accented) === normalize(plain);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the Dutch analyzer", () => {
  const analyzer = createKnowledgeAnalyzer(realKnowledge());
  const terms = (s: string) => analyzer.terms(s);

  it("maps every spelling of IB'er to the same terms", () => {
    const expected = terms("intern begeleider");
    for (const v of ["IB'er", "IB-er", "ib er", "iber", "de IB", "interne begeleider"])
      expect(terms(v)).toEqual(expected);
  });

  it("maps abbreviations to the full term", () => {
    expect(terms("tlv")).toEqual(terms("toelaatbaarheidsverklaring"));
    expect(terms("OPP")).toEqual(terms("ontwikkelingsperspectief"));
    expect(terms("swv")).toEqual(terms("samenwerkingsverband"));
  });

  it("drops stopwords but keeps negations that carry meaning", () => {
    expect(terms("de het een van")).toEqual([]);
    expect(terms("niet eens")).toHaveLength(2);
  });

  it("stems Dutch inflections to one term", () => {
    expect(terms("scholen")).toEqual(terms("school"));
    expect(terms("aanvragen")).toEqual(terms("aanvraag"));
  });

  it("splits long compounds into known parts", () => {
    expect(analyzer.splitCompound("toelaatbaarheidsverklaring")).toEqual(["toelaatbaarheid", "verklaring"]);
    expect(analyzer.splitCompound("schoolondersteuningsprofiel")).toEqual(["school", "ondersteuning", "profiel"]);
    expect(analyzer.splitCompound("ontwikkelingsperspectiefplan")).toEqual(["ontwikkelingsperspectief", "plan"]);
    expect(analyzer.splitCompound("kinderen")).toBeNull();
  });

  it("gives the same terms whatever the case or accents", () => {
    const phrase = fc.constantFrom(
      "Wat is een TLV?",
      "Mijn zoon heeft een OPP",
      "IB'er belt niet terug",
      "schoolondersteuningsprofiel",
    );
    fc.assert(
      fc.property(phrase, (p) => JSON.stringify(terms(p.toUpperCase())) === JSON.stringify(terms(p.toLowerCase()))),
    );
  });
});
