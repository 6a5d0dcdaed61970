import MiniSearch, { type SearchResult } from "minisearch";
import type { Analyzer, AnalyzedUnit } from "../text/analyzer.js";
import type { Entry } from "../knowledge/schema.js";

export interface SearchOptions {
  /** Field boosts. Default: question 3, alternates 2, tags 1.5, answer 0.6. */
  boost: Record<"question" | "alternates" | "tags" | "answer", number>;
  /** Share of edit distance allowed for fuzzy matching of longer terms. Default 0.2. */
  fuzzy: number;
  /** Minimum term length for fuzzy and prefix matching. Default 5. */
  minFuzzyLength: number;
  /** Weight of fuzzy-only matches in the coverage measure. Default 0.75. */
  fuzzyCredit: number;
}

export const defaultSearchOptions: SearchOptions = {
  boost: { question: 3, alternates: 2, tags: 1.5, answer: 0.6 },
  fuzzy: 0.2,
  minFuzzyLength: 5,
  fuzzyCredit: 0.75,
};

/** A candidate entry for a query, with why it matched. */
export interface Candidate {
  id: string;
  /** Rank score: the MiniSearch score weighted by coverage. */
  score: number;
  /** The raw MiniSearch (BM25) score. */
  rawScore: number;
  /** Share (0..1) of the query's meaning, weighted by rarity (idf), that this entry matched. */
  coverage: number;
  /** Index term → the fields it matched in. */
  match: Record<string, string[]>;
}

export interface SearchRequest {
  text: string;
  /** Extra words that describe the conversation so far; they help ranking but do not count for coverage. */
  context?: string;
  /** Multiplies the score of an entry (e.g. to favour entries related to the previous answer). */
  boostEntry?: (id: string) => number;
}

export interface SearchOutcome {
  units: AnalyzedUnit[];
  candidates: Candidate[];
}

export interface SearchEngine {
  search(request: SearchRequest): SearchOutcome;
  /** Number of entries indexed. */
  size: number;
}

interface IndexedDoc {
  id: string;
  question: string;
  alternates: string;
  tags: string;
  answer: string;
}

/**
 * Builds the full-text index over the entries: one MiniSearch document per entry, with fields question,
 * alternates, tags and answer, all analyzed by the Dutch analyzer.
 */
export function createSearchEngine(
  entries: readonly Entry[],
  analyzer: Analyzer,
  options: Partial<SearchOptions> = {},
): SearchEngine {
  const opts = { ...defaultSearchOptions, ...options, boost: { ...defaultSearchOptions.boost, ...options.boost } };
  const mini = new MiniSearch<IndexedDoc>({
    fields: ["question", "alternates", "tags", "answer"],
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (text) => analyzer.terms(text),
      processTerm: (term) => term,
    },
  });
  const docs: IndexedDoc[] = entries.map((e) => ({
    id: e.id,
    question: e.question,
    alternates: e.alternates.join(" \n "),
    tags: e.tags.join(" \n "),
    answer: e.answer,
  }));
  mini.addAll(docs);

  // Document frequency of every term over all fields, for the idf weights of the coverage measure.
  const docFreq = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set(analyzer.terms(`${doc.question}\n${doc.alternates}\n${doc.tags}\n${doc.answer}`));
    for (const t of terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  }
  const n = docs.length;
  const idf = (term: string) => Math.log(1 + n / Math.max(docFreq.get(term) ?? 0, 0.5));
  const unitWeight = (unit: AnalyzedUnit) => Math.max(...unit.terms.map(idf));

  function search(request: SearchRequest): SearchOutcome {
    const units = analyzer.analyze(request.text);
    const ownTerms = new Set(units.flatMap((u) => u.terms));
    const contextTerms = request.context
      ? analyzer.terms(request.context).filter((t) => !ownTerms.has(t))
      : [];
    if (ownTerms.size === 0) return { units, candidates: [] };
    const queryTerms = [...ownTerms, ...new Set(contextTerms)];
    const ownCount = ownTerms.size;
    const results = mini.search(queryTerms.join(" "), {
      boost: opts.boost,
      combineWith: "OR",
      fuzzy: (term) => (term.length >= opts.minFuzzyLength ? opts.fuzzy : false),
      prefix: (term) => term.length >= opts.minFuzzyLength + 1,
      boostTerm: (_term, i) => (i < ownCount ? 1 : 0.35),
    });
    const totalWeight = units.reduce((s, u) => s + unitWeight(u), 0);
    const candidates = results.map((r) => {
      const coverage = totalWeight > 0 ? coverageOf(r, units) / totalWeight : 0;
      const boost = request.boostEntry?.(r.id) ?? 1;
      return {
        id: String(r.id),
        rawScore: r.score,
        score: r.score * (0.25 + coverage) * boost,
        coverage,
        match: r.match,
      } satisfies Candidate;
    });
    candidates.sort((a, b) => b.score - a.score);
    return { units, candidates };
  }

  function coverageOf(result: SearchResult, units: AnalyzedUnit[]): number {
    const exact = new Set(Object.keys(result.match));
    const matchedQuery = new Set(result.queryTerms);
    let sum = 0;
    for (const unit of units) {
      const w = unitWeight(unit);
      if (unit.terms.some((t) => exact.has(t))) sum += w;
      else if (unit.terms.some((t) => matchedQuery.has(t))) sum += w * opts.fuzzyCredit;
    }
    return sum;
  }

  return { search, size: n };
}
