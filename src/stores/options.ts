import { maskPersonalData, type Masker } from "./mask.js";

/** Options every store implementation takes. */
export interface StoreOptions {
  /** Masks personal data in every text before it is written (default: `maskPersonalData`); applied by
   * `maskingStores`, after the text is made storable. */
  mask: Masker;
  /** The clock; tests pass a fixed or moving one to check retention (default: the system clock). */
  now: () => Date;
}

export const defaultStoreOptions: StoreOptions = {
  mask: maskPersonalData,
  now: () => new Date(),
};

/** What a backend itself takes: it writes what it is given (masking is `maskingStores`' part). */
export type BackendOptions = Pick<StoreOptions, "now">;

/** The options merged with the defaults. */
export function storeOptions(options: Partial<StoreOptions> = {}): StoreOptions {
  return { ...defaultStoreOptions, ...options };
}
