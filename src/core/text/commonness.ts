import { dictionary } from "@zxcvbn-ts/language-nl-be";
import { normalize } from "./normalize.js";

/** Words up to this rank count as everyday Dutch outright (rarity 0). */
const COMMON_RANK = 300;

/**
 * How rare a normalized word is in everyday Dutch, from 0 (among the 300 most frequent words) to 1 (not among
 * the 16,000 most frequent), on a log scale of its rank. The ranks come from the ranked list of frequent Dutch
 * words in `@zxcvbn-ts/language-nl-be` (MIT, from film subtitles): everyday speech, which is what parents write.
 * The search uses it so that words such as "school", "weer" or "lunch" cannot anchor a match on their own.
 */
export function createRarity(): (word: string) => number {
  const rankOf = createRank();
  const max = Math.log(rankSize());
  const min = Math.log(COMMON_RANK);
  return (word) => {
    const r = rankOf(word);
    if (r === undefined) return 1;
    return Math.min(1, Math.max(0, (Math.log(r) - min) / (max - min)));
  };
}

let ranks: Map<string, number> | undefined;
const rankSize = () => createRankMap().size;
function createRankMap(): Map<string, number> {
  if (ranks) return ranks;
  const map = new Map<string, number>();
  dictionary.commonWords.forEach((w, i) => {
    const n = normalize(w);
    if (n && !map.has(n)) map.set(n, i + 1);
  });
  ranks = map;
  return map;
}

/** The rank of a normalized word among the frequent words of everyday Dutch (1: the most frequent), if listed. */
export function createRank(): (word: string) => number | undefined {
  const map = createRankMap();
  return (word) => map.get(word);
}
