import { normalize, tokenize } from "./normalize.js";

/** One word of the input after analysis: what was typed, and the index terms it stands for. */
export interface AnalyzedUnit {
  /** The word (or synonym phrase) as normalized from the input. */
  surface: string;
  /** All stemmed terms of the unit: `main` followed by `parts`. */
  terms: string[];
  /** The stem of the word, or the stems of its canonical synonym phrase. */
  main: string[];
  /** Stems of the known parts of compound words in `main`. */
  parts: string[];
}

export interface AnalyzerOptions {
  /** Words that carry no meaning for search (normalized). */
  stopwords: ReadonlySet<string>;
  /** Synonym phrases (normalized token arrays) and the canonical phrase each stands for. */
  synonyms: ReadonlyArray<{ variant: string[]; canonical: string[] }>;
  /** Known words (normalized) that long compounds may be split into. */
  compoundParts: ReadonlySet<string>;
  /** Reduces a normalized word to its stem. */
  stem: (word: string) => string;
  /** Minimum length of a word before compound splitting is tried. Default 9. */
  minCompoundLength?: number;
  /** Minimum length of a compound part. Default 4. */
  minPartLength?: number;
}

export interface Analyzer {
  /** Analyzes text into units (one per meaningful word or synonym phrase). */
  analyze(text: string): AnalyzedUnit[];
  /** All terms of a text, flattened: what MiniSearch indexes and searches. */
  terms(text: string): string[];
  /** Splits a normalized word into known parts, or returns null. Exposed for tests. */
  splitCompound(word: string): string[] | null;
}

/** Longest word that compound splitting is tried on. */
const MAX_COMPOUND = 40;

// Dutch compounds join their parts directly, or with a linking "s", "e" or "en".
const LINKS = ["", "s", "e", "en"];

/**
 * Creates the Dutch text analyzer used for indexing and for queries alike.
 *
 * Steps: normalize (case, accents, apostrophes, hyphens) → replace synonym phrases by their canonical form →
 * drop stopwords → split long compounds into known parts → stem every term.
 */
export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const minCompound = options.minCompoundLength ?? 9;
  const minPart = options.minPartLength ?? 4;
  const byFirst = new Map<string, Array<{ variant: string[]; canonical: string[] }>>();
  for (const syn of options.synonyms) {
    const first = syn.variant[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(syn);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length);

  const stemCache = new Map<string, string>();
  const stem = (word: string): string => {
    let s = stemCache.get(word);
    if (s === undefined) {
      s = /^\p{L}+$/u.test(word) ? options.stem(word) : word;
      if (stemCache.size < 50_000) stemCache.set(word, s);
    }
    return s;
  };

  const splitCache = new Map<string, string[] | null>();
  function splitCompound(word: string): string[] | null {
    // No Dutch compound is longer than 40 letters; longer input is noise, and splitting costs O(length²).
    if (word.length < minCompound || word.length > MAX_COMPOUND) return null;
    const cached = splitCache.get(word);
    if (cached !== undefined) return cached;
    // best[i]: fewest parts covering word[i..]; null when it cannot be covered.
    const best: Array<string[] | null> = new Array<string[] | null>(word.length + 1).fill(null);
    best[word.length] = [];
    for (let i = word.length - minPart; i >= 0; i--) {
      let choice: string[] | null = null;
      for (let j = i + minPart; j <= word.length; j++) {
        if (i === 0 && j === word.length) continue; // the word itself is not a part of it
        const part = word.slice(i, j);
        if (!options.compoundParts.has(part)) continue;
        for (const link of LINKS) {
          const next = j + link.length;
          if (next > word.length || word.slice(j, next) !== link) continue;
          const rest = best[next];
          if (rest === null || rest === undefined) continue;
          if (choice === null || rest.length + 1 < choice.length) choice = [part, ...rest];
        }
      }
      best[i] = choice;
    }
    const parts = best[0];
    const result = parts && parts.length >= 2 ? parts : null;
    if (splitCache.size < 50_000) splitCache.set(word, result);
    return result;
  }

  function analyze(text: string): AnalyzedUnit[] {
    const tokens = tokenize(normalize(text));
    const units: AnalyzedUnit[] = [];
    for (let i = 0; i < tokens.length;) {
      const token = tokens[i] as string;
      const candidates = byFirst.get(token);
      const syn = candidates?.find((c) => c.variant.every((v, k) => tokens[i + k] === v));
      if (syn) {
        units.push(
          unit(
            syn.variant.join(" "),
            syn.canonical.filter((w) => !options.stopwords.has(w)),
          ),
        );
        i += syn.variant.length;
        continue;
      }
      i += 1;
      if (options.stopwords.has(token)) continue;
      units.push(unit(token, [token]));
    }
    return units;
  }

  function unit(surface: string, words: string[]): AnalyzedUnit {
    const main = unique(words.map(stem));
    const parts = unique(words.flatMap((w) => splitCompound(w) ?? []).map(stem)).filter((p) => !main.includes(p));
    return { surface, main, parts, terms: [...main, ...parts] };
  }

  return {
    analyze,
    terms: (text) => analyze(text).flatMap((u) => u.terms),
    splitCompound,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
