/**
 * Folds text to the form every comparison uses: lower case, no diacritics, no apostrophes, hyphens resolved.
 *
 * `normalize("IB'er")`, `normalize("IB-er")` and `normalize("ib’er")` all give `"iber"`; `"Één"` gives `"een"`.
 * A hyphen before a short ending (at most three letters) or after a single letter joins the parts (`"IB-er"` →
 * `"iber"`, `"e-mail"` → `"email"`); any other hyphen becomes a space (`"tlv-aanvraag"` → `"tlv aanvraag"`).
 */
export function normalize(text: string): string {
  // Lower case before and after decomposition: some letters only decompose to, or from, capitals.
  let folded = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u0060\u00b4']/gu, "");
  // Most text has no hyphen: the look-ahead below would still try every run of letters.
  if (HYPHEN.test(folded))
    folded = folded.replace(HYPHENATED, (_m, left: string, right: string) =>
      left.length === 1 || right.length <= 3 ? left : `${left} `,
    );
  return folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const HYPHEN = /[-\u2010\u2011]/u;
const HYPHENATED = /(\p{L}+)[-\u2010\u2011](?=(\p{L}+))/gu;

/** Splits normalized text into word tokens. */
export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(" ");
}
