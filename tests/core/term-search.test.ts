import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { CONTEXT_BOOST, defaultSearchOptions, MAX_EDITS, termSearch } from "../../src/core/search/engine.js";
import { realKnowledge } from "../helpers.js";

// The engine combines each term's cached results into the OR query of a message; it must give what MiniSearch's own
// OR query gives: the same entries in the same order, the same scores, matched terms and fields.
describe("the term cache of the search engine", () => {
  const words = (t: string) =>
    t
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const mini = new MiniSearch<{ id: string; question: string; answer: string }>({
    fields: ["question", "answer"],
    tokenize: words,
    searchOptions: { tokenize: (t) => t.split(" "), processTerm: (t) => t },
  });
  mini.addAll(realKnowledge().entries.map((e) => ({ id: e.id, question: e.question, answer: e.answer })));
  const opts = { ...defaultSearchOptions, boost: { ...defaultSearchOptions.boost, question: 3, answer: 0.6 } };
  const search = termSearch(mini, opts);
  const cases: Array<{ own: string[]; context: string[]; typos: string[] }> = [
    { own: ["school", "opp", "instemming"], context: [], typos: [] },
    { own: ["toelaatbaarheidsverklaring", "bezwaar"], context: ["school", "kind", "zorgplicht"], typos: [] },
    { own: ["ontwikkelingsperspectif", "handtekening"], context: ["mentor"], typos: ["ontwikkelingsperspectif"] },
    {
      own: ["samenwerkingsverbant", "geschillencommisie", "wat"],
      context: [],
      typos: ["samenwerkingsverbant", "geschillencommisie"],
    },
  ];
  it.each(cases)("gives MiniSearch's own OR query: %j", ({ own, context, typos }) => {
    const typoSet = new Set(typos);
    const expected = mini.search([...own, ...context].join(" "), {
      boost: opts.boost,
      combineWith: "OR",
      fuzzy: (term, i) => (typoSet.has(term) && i < own.length ? opts.fuzzy : false),
      prefix: (term, i) => typoSet.has(term) && i < own.length && term.length >= opts.minFuzzyLength + 1,
      maxFuzzy: MAX_EDITS,
      boostTerm: (_term, i) => (i < own.length ? 1 : CONTEXT_BOOST),
    });
    // Twice: the second time from the cache.
    for (let round = 0; round < 2; round++) {
      const got = search(own, context, typoSet);
      expect(expected.length).toBeGreaterThan(0);
      expect(got.map((h) => h.id)).toEqual(expected.map((r) => r.id));
      got.forEach((h, i) => {
        const r = expected[i];
        expect(h.score).toBeCloseTo(r?.score ?? NaN, 9);
        expect(h.match).toEqual(r?.match);
        expect([...h.queryTerms].sort()).toEqual([...(r?.queryTerms ?? [])].sort());
      });
    }
  });
});
