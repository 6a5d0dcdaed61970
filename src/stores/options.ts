import { maskPersonalData, type Masker } from "./mask.js";
import { storableText } from "./text.js";

/** Options every store implementation takes. */
export interface StoreOptions {
  /** Masks personal data in every text before it is written (default: `maskPersonalData`). */
  mask: Masker;
  /** The clock; tests pass a fixed or moving one to check retention (default: the system clock). */
  now: () => Date;
}

export const defaultStoreOptions: StoreOptions = {
  mask: maskPersonalData,
  now: () => new Date(),
};

/**
 * The options merged with the defaults. The masker every store applies also makes the text storable first
 * (`storableText`: no NUL or other control characters, no lone surrogates), so every backend stores the same.
 */
export function storeOptions(options: Partial<StoreOptions> = {}): StoreOptions {
  const merged = { ...defaultStoreOptions, ...options };
  const mask = merged.mask;
  return { ...merged, mask: (text) => mask(storableText(text)) };
}

/**
 * How a store masks a turn. The assistant's answers come back word for word, again and again: their masked form
 * is remembered (a bounded memo, emptied when full) instead of masking them anew for every conversation. What
 * parents and staff wrote is never kept in the memo.
 */
export function turnMasker(mask: (text: string) => string): (turn: { role: string; text: string }) => string {
  const memo = new Map<string, string>();
  return ({ role, text }) => {
    if (role !== "assistant") return mask(text);
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = mask(text);
    if (memo.size >= 500) memo.clear();
    memo.set(text, result);
    return result;
  };
}
