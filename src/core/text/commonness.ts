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
  const rank = new Map<string, number>();
  dictionary.commonWords.forEach((w, i) => {
    const n = normalize(w);
    if (n && !rank.has(n)) rank.set(n, i + 1);
  });
  const max = Math.log(rank.size);
  const min = Math.log(COMMON_RANK);
  return (word) => {
    const r = rank.get(word);
    if (r === undefined) return 1;
    return Math.min(1, Math.max(0, (Math.log(r) - min) / (max - min)));
  };
}
