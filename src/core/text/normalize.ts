/**
 * Folds text to the form every comparison uses: lower case, no diacritics, no apostrophes, hyphens resolved.
 *
 * `normalize("IB'er")`, `normalize("IB-er")` and `normalize("ib’er")` all give `"iber"`; `"Één"` gives `"een"`.
 * A hyphen between two long parts becomes a space (`"tlv-aanvraag"` → `"tlv aanvraag"`); next to a short part
 * (at most three letters) it joins them (`"e-mail"` → `"email"`).
 */
export function normalize(text: string): string {
  // Lower case before and after decomposition: some letters only decompose to, or from, capitals.
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u0060\u00b4']/gu, "")
    .replace(/(\p{L}+)[-\u2010\u2011](?=(\p{L}+))/gu, (_m, left: string, right: string) =>
      left.length <= 3 || right.length <= 3 ? left : `${left} `,
    )
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Splits normalized text into word tokens. */
export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(" ");
}
