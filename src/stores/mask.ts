// Masks personal data in free text before it is stored: e-mail addresses, Dutch phone numbers, BSNs (9 digits
// passing the elfproef), IBANs and postcode + house number (or street + house number).
// Best effort, as defence in depth: parents are also asked not to share such details.
// Every pattern is linear (no nested quantifiers over overlapping classes), so no input can make it slow.

export type PersonalDataKind = "email" | "phone" | "bsn" | "iban" | "address";

/** The placeholder written instead of each kind of personal data. */
export const maskTokens: Readonly<Record<PersonalDataKind, string>> = {
  email: "[e-mail]",
  phone: "[telefoon]",
  bsn: "[bsn]",
  iban: "[iban]",
  address: "[adres]",
};

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** Extra check on a match (checksums, dates); a match failing it is left alone. */
  accept?: (match: string) => boolean;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

/** The elfproef for a BSN: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (8-digit numbers get a leading 0). */
export function isValidBsn(value: string): boolean {
  let digits = digitsOf(value);
  if (digits.length === 8) digits = `0${digits}`;
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** The IBAN mod-97 check (ISO 13616). */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const d of chunk) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

// A date such as 01-02-2026 10:00 has ten digits too; it is not a phone number.
const looksLikeDate = (s: string) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/.test(s.trim());

// Separator between digit groups of a phone number: one space, dot or dash, optionally with spaces around a dash.
const SEP = String.raw`(?: ?- ?|[ .])?`;

// A house number after a postcode: "1234 AB 12", "1234AB, 12a".
const HOUSE = String.raw`(?: ?,? ?\d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}]))`;
// Two-letter Dutch words: "in 2025 is 12" is a year, not a postcode in lower case.
const SHORT_WORDS = String.raw`(?:en|is|op|in|om|of|te|na|al|nu|zo|ik|je|we|ze|ja|de|er|me|ge|hè|ie|aan|uw)(?![\p{L}\p{N}])`;

const detectors: Detector[] = [
  {
    kind: "email",
    // The lookbehind makes a match start only where a run of address characters starts (no quadratic rescans).
    pattern: /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  },
  {
    // Dutch IBANs in any case and spacing; the bank code makes them unmistakable, so no checksum is required.
    kind: "iban",
    pattern: /(?<![\p{L}\p{N}])NL ?\d{2} ?[A-Z]{4}(?: ?\d){10}(?!\p{N})/giu,
  },
  {
    // Other IBANs (upper case, optionally in groups of four), only when the checksum holds.
    kind: "iban",
    pattern: /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
    accept: isValidIban,
  },
  {
    // +31 / 0031 followed by nine digits, optionally "(0)": +31 6 12345678, +31 (0)20 123 4567, 0031201234567.
    kind: "phone",
    pattern: new RegExp(String.raw`(?<![\p{N}+])(?:\+|00) ?31 ?(?:\(0\) ?)?[1-9](?:${SEP}\d){8}(?!\p{N})`, "gu"),
  },
  {
    // National numbers: ten digits starting with 0 (mobile 06, landline area codes), as 06-12345678,
    // 06 12 34 56 78, 020-1234567, (020) 123 45 67, 0512 123456.
    kind: "phone",
    pattern: new RegExp(String.raw`(?<![\p{N}+])(?:\(0[1-9]\d{0,2}\) ?\d|0[1-9])(?:${SEP}\d){5,8}(?!\p{N})`, "gu"),
    accept: (m) => digitsOf(m).length === 10 && !looksLikeDate(m),
  },
  {
    // BSN: nine digits, optionally in groups (123 456 782, 1234.56.782), or eight digits written together
    // (an old-style number with its leading zero dropped); only numbers passing the elfproef.
    kind: "bsn",
    pattern: /(?<![\p{N}.,-])(?:\d(?:[ .-]?\d){8}|\d{8})(?![\p{N}]|[.,-]\p{N})/gu,
    accept: isValidBsn,
  },
  {
    // Postcode with house number: 1234 AB 12, 1234AB, 12a, 1234 ab 5; a postcode in capitals alone too.
    kind: "address",
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}])[1-9]\d{3}(?: ?[A-Z]{2}(?![\p{L}\p{N}])(?:${HOUSE})?|(?: (?!${SHORT_WORDS}))?[a-z]{2}${HOUSE})`,
      "gu",
    ),
  },
  {
    // Street with house number: Dorpsstraat 12, Kerkweg 3a, Van Goghlaan 120.
    kind: "address",
    pattern:
      /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'-]*(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|dreef|steeg|markt|park|baan|ring|erf|wal|plantsoen|hage|burg) \d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/gu,
  },
];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  value: string;
  index: number;
}

/** Finds the personal data in a text (one pass, in the order the masker applies). */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const d of detectors) {
    for (const m of text.matchAll(d.pattern)) {
      if (!d.accept || d.accept(m[0])) found.push({ kind: d.kind, value: m[0], index: m.index ?? 0 });
    }
  }
  return found;
}

export interface MaskOptions {
  /**
   * Exact strings that are never masked, e.g. the public phone numbers of helplines that appear in the
   * knowledge base's answers (default: none).
   */
  keep?: Iterable<string>;
}

export type Masker = (text: string) => string;

/**
 * Builds a masker: replaces e-mail addresses, phone numbers, BSNs, IBANs and addresses with
 * `[e-mail]`, `[telefoon]`, `[bsn]`, `[iban]` and `[adres]`.
 *
 * ```ts
 * createMasker()("Mail me op a@b.nl of bel 06-12345678"); // "Mail me op [e-mail] of bel [telefoon]"
 * ```
 *
 * Idempotent: masking a masked text changes nothing.
 */
export function createMasker(options: MaskOptions = {}): Masker {
  const keep = new Set(options.keep ?? []);
  const onePass = (text: string) => {
    let out = text;
    for (const d of detectors) {
      out = out.replace(d.pattern, (m) => (keep.has(m) || (d.accept && !d.accept(m)) ? m : maskTokens[d.kind]));
    }
    return out;
  };
  return (text) => {
    // Quick exit for the common case: nothing that could be personal data.
    if (!/[\d@]/.test(text)) return text;
    // Repeat until nothing changes: a replacement can change what its neighbours look like. Each change removes
    // digits or an "@", so this ends.
    let current = text;
    for (;;) {
      const next = onePass(current);
      if (next === current) return current;
      current = next;
    }
  };
}

/** Masks personal data with the default options; see `createMasker`. */
export const maskPersonalData: Masker = createMasker();
