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
