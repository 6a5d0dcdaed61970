import { maskPersonalData, type Masker } from "./mask.js";

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

export function storeOptions(options: Partial<StoreOptions> = {}): StoreOptions {
  return { ...defaultStoreOptions, ...options };
}
