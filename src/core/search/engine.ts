import MiniSearch, { type SearchResult } from "minisearch";
import type { Analyzer, AnalyzedUnit } from "../text/analyzer.js";
import type { Entry } from "../knowledge/schema.js";

export interface SearchOptions {
  /** Field boosts. Default: question 3, alternates 2, tags 1.5, answer 0.6, parts (of compounds) 0.5. */
  boost: Record<"question" | "alternates" | "tags" | "answer" | "parts", number>;
  /** Share of edit distance allowed for fuzzy matching of longer terms. Default 0.15. */
  fuzzy: number;
  /** Minimum term length for fuzzy matching (prefix matching needs one more). Default 6. */
  minFuzzyLength: number;
  /** Weight of fuzzy-only matches in the coverage measure. Default 0.7. */
  fuzzyCredit: number;
  /** Weight of a match found only in the answer text (not in question, alternates or tags). Default 0.6. */
  answerOnlyCredit: number;
  /**
   * Weight of the phrasing match in the rank: how much of the entry's closest phrasing (its question or an
   * alternate) the message covers. Rank × ((1 - w) + w × phrasingCoverage). Default 0.5.
   */
  phrasingWeight: number;
  /** How strongly coverage weighs in the rank score: score = bm25 × (0.1 + coverage)^k. Default 3. */
  coverageExponent: number;
  /** A unit is specific ("an anchor") when at most this share of entries contains it. Default 0.2. */
  anchorShare: number;
  /** Coverage weight of a word the knowledge base does not contain, as the idf of a term in this many entries. Default 2. */
  unknownDocFreq: number;
  /** Longest term matched fuzzily or by prefix; longer terms match exactly only (bounds the work per word). Default 24. */
  maxFuzzyLength: number;
}

/** How many words the index does not know are matched fuzzily (as typos) in one search. */
const MAX_FUZZY_TERMS = 8;

/**
 * The most edits a typo may have. The work of a fuzzy lookup grows steeply with the distance (a 24-letter word at
 * 0.15 would allow 4 edits and cost milliseconds); two edits cover the typos of parents' long compounds.
 */
export const MAX_EDITS = 2;

/** How many words of the context (the story around a question, a previous answer) are looked up, rarest first. */
const MAX_CONTEXT_TERMS = 24;

/** How many results (by BM25 score) get coverage and phrasing weighed. */
const MAX_WEIGHED = 30;

/** Weight of a context word against a word of the message itself. */
export const CONTEXT_BOOST = 0.35;

/** How many typos' fuzzy results are kept (the words the index knows are kept all: a fixed vocabulary). */
const MAX_CACHED_TYPOS = 512;

/** What the engine reads of a MiniSearch result. */
type Hit = Pick<SearchResult, "id" | "score" | "match" | "queryTerms">;

export const defaultSearchOptions: SearchOptions = {
  boost: { question: 3, alternates: 2, tags: 1.5, answer: 0.6, parts: 0.5 },
  fuzzy: 0.15,
  minFuzzyLength: 6,
  fuzzyCredit: 0.7,
  answerOnlyCredit: 0.6,
  unknownDocFreq: 2,
  anchorShare: 0.2,
  coverageExponent: 3,
  phrasingWeight: 0.5,
  maxFuzzyLength: 24,
};

/** A candidate entry for a query, with why it matched. */
export interface Candidate {
  id: string;
  /** Rank score: the MiniSearch score weighted by coverage (see `coverageExponent`). */
  score: number;
  /** The raw MiniSearch (BM25) score. */
  rawScore: number;
  /** Share (0..1) of the query's meaning, weighted by rarity (idf), that this entry matched. */
  coverage: number;
  /** Whether a specific (rare) word of the query matched exactly: without one, a match is only on common words. */
  anchored: boolean;
  /** Index term → the fields it matched in. */
  match: Record<string, string[]>;
  /** How much of the entry's closest phrasing (its question or an alternate) the message covers (0..1). */
  phrasing: number;
  /**
   * Share (0..1) of the matched meaning carried by words that are rare in everyday Dutch: a match on "school",
   * "weer" or "lunch" alone is weak evidence, one on "ontwikkelingsperspectief" strong. 1 without a word list.
   */
  specificity: number;
  /** Share (0..1) of the context's meaning (the story around a question) that this entry matched; 0 without context. */
  contextCoverage: number;
}

export interface SearchRequest {
  text: string;
  /** Extra words that describe the conversation so far; they help ranking but do not count for coverage. */
  context?: string;
  /** Leave words the knowledge base does not know out of the coverage (for a question in another language). */
  ignoreUnknown?: boolean;
  /** Multiplies the score of an entry (e.g. to favour entries related to the previous answer). */
  boostEntry?: (id: string) => number;
  /** How many context words are looked up, rarest first (default MAX_CONTEXT_TERMS). */
  maxContextTerms?: number;
}

export interface SearchOutcome {
  units: AnalyzedUnit[];
  candidates: Candidate[];
  /** Idf-weighted share (0..1) of the query's words that the knowledge base does not contain at all. */
  unknownShare: number;
  /** The summed idf weight of the query's own words: how much the message itself says (a vague "wat nu?" says little). */
  ownWeight: number;
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
  /** The compound parts of all other fields ("toelaatbaarheidsverklaring" → toelaatbaarheid, verklaring). */
  parts: string;
}

/**
 * Builds the full-text index over the entries: one MiniSearch document per entry, with fields question,
 * alternates, tags and answer, all analyzed by the Dutch analyzer.
 */
export function createSearchEngine(
  entries: readonly Entry[],
  analyzer: Analyzer,
  options: Partial<SearchOptions> = {},
  /** How rare a normalized word is in everyday Dutch, 0 (very common) .. 1 (rare or unknown); see `commonness`. */
  rarity: (word: string) => number = () => 1,
): SearchEngine {
  const opts = { ...defaultSearchOptions, ...options, boost: { ...defaultSearchOptions.boost, ...options.boost } };
  // Documents are indexed by their main terms; compound parts go to the low-weight "parts" field, so that
  // "leerplicht" prefers the entry about leerplicht over one about the leerplichtambtenaar.
  const mainTerms = (text: string) => analyzer.analyze(text).flatMap((u) => u.main);
  const mini = new MiniSearch<IndexedDoc>({
    fields: ["question", "alternates", "tags", "answer", "parts"],
    tokenize: (text, field) => (field === "parts" ? text.split(" ").filter(Boolean) : mainTerms(text)),
    processTerm: (term) => term,
    // Queries arrive already analyzed (see search()): split, do not analyze twice.
    searchOptions: {
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
    },
  });
  const docs: IndexedDoc[] = entries.map((e) => ({
    id: e.id,
    question: e.question,
    alternates: e.alternates.join(" \n "),
    tags: e.tags.join(" \n "),
    answer: e.answer,
    parts: analyzer
      .analyze([e.question, ...e.alternates, ...e.tags, e.answer].join(" \n "))
      .flatMap((u) => u.parts)
      .join(" "),
  }));
  mini.addAll(docs);
  const searchOr = termSearch(mini, opts);

  // Each entry's phrasings (question and alternates) as term sets, for the phrasing match.
  const phrasings = new Map(
    entries.map((e) => [
      e.id,
      [e.question, ...e.alternates].map((p) => [...new Set(mainTerms(p))]).filter((t) => t.length > 0),
    ]),
  );
  const phrasingCoverage = (id: string, query: ReadonlySet<string>): number => {
    let best = 0;
    for (const terms of phrasings.get(id) ?? []) {
      let hit = 0;
      for (const t of terms) if (query.has(t)) hit += 1;
      best = Math.max(best, hit / terms.length);
    }
    return best;
  };

  // Document frequency of every term over all fields, for the idf weights of the coverage measure.
  const docFreq = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set([
      ...analyzer.terms(`${doc.question}\n${doc.alternates}\n${doc.tags}\n${doc.answer}`),
      ...doc.parts.split(" "),
    ]);
    for (const t of terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  }
  const n = docs.length;
  const idf = (term: string) => Math.log(1 + n / (docFreq.get(term) ?? opts.unknownDocFreq));
  const anchorIdf = Math.log(1 + 1 / opts.anchorShare);
  const unitWeight = (unit: AnalyzedUnit) => Math.max(...unit.main.map(idf));
  const unitRarity = (unit: AnalyzedUnit) => Math.max(...unit.surface.split(" ").map(rarity));

  /** A known word is searched as itself; an unknown compound backs off to its known parts. */
  const isKnown = (unit: AnalyzedUnit) => unit.main.some((t) => docFreq.has(t));
  const searchTerms = (unit: AnalyzedUnit) => (isKnown(unit) ? unit.main : unit.terms);
  const rules: CoverageRules = { opts, isKnown, anchorIdf };

  function search(request: SearchRequest): SearchOutcome {
    const analyzed = analyzer.analyze(request.text);
    const units = request.ignoreUnknown
      ? analyzed.filter((u) => isKnown(u) || u.parts.some((t) => docFreq.has(t)))
      : analyzed;
    const ownTerms = new Set(units.flatMap(searchTerms));
    const contextUnits = request.context ? analyzer.analyze(request.context) : [];
    const contextTerms = contextUnits.flatMap(searchTerms).filter((t) => !ownTerms.has(t));
    const weights = units.map(unitWeight);
    const rarities = units.map(unitRarity);
    const totalWeight = weights.reduce((s, w) => s + w, 0);
    const unknownUnits = units.map((u) => !isKnown(u) && !u.parts.some((t) => docFreq.has(t)));
    if (ownTerms.size === 0 && contextUnits.length === 0)
      return { units, candidates: [], unknownShare: unknownUnits.some(Boolean) ? 1 : 0, ownWeight: totalWeight };
    const fuzzyTerms = new Set(
      [...ownTerms]
        .filter((t) => !docFreq.has(t) && t.length >= opts.minFuzzyLength && t.length <= opts.maxFuzzyLength)
        .slice(0, MAX_FUZZY_TERMS),
    );
    // Only terms that can match are looked up: a word the index lacks matches nothing exactly, so it is searched
    // only as a typo (own words, within MAX_FUZZY_TERMS); context words are never fuzzy. A story of unknown words
    // then costs no lookups at all.
    const ownQuery = [...ownTerms].filter((t) => docFreq.has(t) || fuzzyTerms.has(t));
    // The context weighs little (boostTerm 0.35): its most specific terms carry it, so a long story around a
    // question adds at most MAX_CONTEXT_TERMS lookups.
    const contextQuery = [...new Set(contextTerms.filter((t) => docFreq.has(t)))]
      .sort((a, b) => idf(b) - idf(a))
      .slice(0, request.maxContextTerms ?? MAX_CONTEXT_TERMS);
    // At most MAX_FUZZY_TERMS unknown words per search are matched fuzzily: a message of random words costs no more
    // than one with a few typos.
    const results = searchOr(ownQuery, contextQuery, fuzzyTerms);
    // A word the index does not know counts as unknown only when it did not even match fuzzily (a typo does).
    const fuzzyMatched = new Set(results.slice(0, MAX_WEIGHED).flatMap((r) => r.queryTerms));
    const unknownWeight = units.reduce(
      (s, u, i) => s + (unknownUnits[i] && !u.terms.some((t) => fuzzyMatched.has(t)) ? (weights[i] as number) : 0),
      0,
    );
    const unknownShare = totalWeight > 0 ? unknownWeight / totalWeight : 0;
    const contextWeights = contextUnits.map(unitWeight);
    const contextTotal = contextWeights.reduce((s, w) => s + w, 0);
    // Only the best results by BM25 are weighed further: the rest cannot win, and a long message matches most entries.
    const candidates = results.slice(0, MAX_WEIGHED).map((r) => {
      const { sum, specificSum, anchored: ownAnchor } = coverageOf(rules, r, units, weights, rarities);
      // The context's coverage is read by the gate for the first candidates only: weighed when asked, once.
      let context: ReturnType<typeof coverageOf> | undefined;
      const contextOf = () =>
        contextUnits.length > 0 ? (context ??= coverageOf(rules, r, contextUnits, contextWeights)) : undefined;
      const coverage = totalWeight > 0 ? sum / totalWeight : 0;
      const boost = request.boostEntry?.(String(r.id)) ?? 1;
      const phrasing = phrasingCoverage(String(r.id), ownTerms);
      return {
        id: String(r.id),
        rawScore: r.score,
        score:
          r.score *
          (0.1 + coverage) ** opts.coverageExponent *
          (1 - opts.phrasingWeight + opts.phrasingWeight * phrasing) *
          boost,
        coverage,
        // In a follow-up the previous answer supplies the topic: a specific context word may anchor the match.
        get anchored() {
          return ownAnchor || (contextOf()?.anchored ?? false);
        },
        match: r.match,
        phrasing,
        specificity: sum > 0 ? specificSum / sum : 0,
        get contextCoverage() {
          const c = contextOf();
          return c && contextTotal > 0 ? c.sum / contextTotal : 0;
        },
      } satisfies Candidate;
    });
    candidates.sort((a, b) => b.score - a.score);
    return { units, candidates, unknownShare, ownWeight: totalWeight };
  }

  return { search, size: n };
}

/**
 * MiniSearch's OR query of a message, combined from each term's results as MiniSearch scores it alone. The score of an
 * OR query is the sum of its terms' scores (each times its term boost) times the number of terms matched. A word the
 * index knows gives the same results for the life of the index: kept, so that the readings of one message (the whole,
 * each question with the story around it) and later messages look it up once; typos, matched fuzzily, in a bounded
 * cache of their own.
 */
export function termSearch<T>(
  mini: MiniSearch<T>,
  opts: SearchOptions,
): (own: readonly string[], context: readonly string[], typos: ReadonlySet<string>) => Hit[] {
  const exactHits = new Map<string, SearchResult[]>();
  const typoHits = new Map<string, SearchResult[]>();
  const hitsOf = (term: string, typo: boolean): SearchResult[] => {
    const cache = typo ? typoHits : exactHits;
    let hits = cache.get(term);
    if (!hits) {
      hits = mini.search(term, {
        boost: opts.boost,
        // Fuzzy matching is for typos: a word the index knows exactly needs none, and neither do context words.
        fuzzy: typo ? opts.fuzzy : false,
        prefix: typo && term.length >= opts.minFuzzyLength + 1,
        maxFuzzy: MAX_EDITS,
      });
      if (typo && typoHits.size >= MAX_CACHED_TYPOS) typoHits.delete(typoHits.keys().next().value as string);
      cache.set(term, hits);
    }
    return hits;
  };
  // Own terms (typos fuzzily), then context terms (weighing less).
  return (own, context, typos) => {
    const byId = new Map<unknown, Hit>();
    const add = (term: string, boost: number, typo: boolean) => {
      for (const r of hitsOf(term, typo)) {
        const id: unknown = r.id;
        const hit = byId.get(id);
        if (hit) {
          hit.score += r.score * boost;
          Object.assign(hit.match, r.match);
          hit.queryTerms.push(term);
        } else byId.set(id, { id, score: r.score * boost, match: { ...r.match }, queryTerms: [term] });
      }
    };
    for (const t of own) add(t, 1, typos.has(t));
    for (const t of context) add(t, CONTEXT_BOOST, false);
    const hits = [...byId.values()];
    for (const h of hits) h.score *= h.queryTerms.length;
    return hits.sort((a, b) => b.score - a.score);
  };
}

/** What coverageOf needs of the engine. */
interface CoverageRules {
  opts: SearchOptions;
  /** Whether the index knows the unit's word (else its compound parts count). */
  isKnown: (unit: AnalyzedUnit) => boolean;
  /** The idf from which a matched unit anchors the match. */
  anchorIdf: number;
}

/**
 * The idf-weighted share of query units this result matched. A unit counts fully when its word (or canonical
 * synonym) matched in the question, alternates or tags; less when it matched only in the answer text, only
 * fuzzily, or only through some parts of a compound.
 */
function coverageOf(
  how: CoverageRules,
  result: Hit,
  units: AnalyzedUnit[],
  weights: number[],
  rarities: number[] = [],
): { sum: number; specificSum: number; anchored: boolean } {
  const { opts, isKnown, anchorIdf } = how;
  const match = result.match;
  const credit = (term: string): number => {
    const fields = match[term];
    if (!fields) return 0;
    return fields.some((f) => f !== "answer" && f !== "parts") ? 1 : opts.answerOnlyCredit;
  };
  // The mean credit of some terms, without allocating (this runs for every unit of every weighed result).
  const meanCredit = (terms: readonly string[]): number => {
    if (terms.length === 0) return 0;
    let total = 0;
    for (const t of terms) total += credit(t);
    return total / terms.length;
  };
  let matchedQuery: Set<string> | undefined;
  let sum = 0;
  let specificSum = 0;
  let anchored = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as AnalyzedUnit;
    const weight = weights[i] as number;
    let c = meanCredit(unit.main);
    if (c < 1 && unit.parts.length > 0 && !isKnown(unit)) c = Math.max(c, meanCredit(unit.parts) * 0.8);
    // A typo of a specific word ("samewerkingsverbant") matches only fuzzily, and still anchors.
    if (c === 0) {
      matchedQuery ??= new Set(result.queryTerms);
      const seen = matchedQuery;
      if (unit.terms.some((t) => seen.has(t))) c = opts.fuzzyCredit;
    }
    if (c >= opts.answerOnlyCredit && weight >= anchorIdf) anchored = true;
    sum += weight * c;
    specificSum += weight * c * (rarities[i] ?? 1);
  }
  return { sum, specificSum, anchored };
}
