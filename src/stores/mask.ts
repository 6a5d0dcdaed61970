// Masks personal data in free text before it is stored: e-mail addresses, Dutch phone numbers in any common
// notation (dots, dashes, slashes, spaces between every digit, full-width digits, +31 with or without the plus),
// BSNs (9 digits passing the elfproef), IBANs (with spaces or dashes), postcode + house number, street + house
// number (also in lower case), and where the words around them say so: a child's first name ("mijn zoon Daan"),
// a date of birth ("geboren op 12-03-2015") and a school's name ("basisschool De Regenboog").
// Best effort, as defence in depth: parents are also asked not to share such details. Measured on
// tests/security/fixtures/personal-data.nl.jsonl (recall) and the evaluation sets (false alarms).
// Every pattern is linear (no nested quantifiers over overlapping classes), so no input can make it slow.

export type PersonalDataKind = "email" | "phone" | "bsn" | "iban" | "address" | "name" | "birthdate" | "school";

/** The placeholder written instead of each kind of personal data. */
export const maskTokens: Readonly<Record<PersonalDataKind, string>> = {
  email: "[e-mail]",
  phone: "[telefoon]",
  bsn: "[bsn]",
  iban: "[iban]",
  address: "[adres]",
  name: "[naam]",
  birthdate: "[geboortedatum]",
  school: "[school]",
};

interface Detector {
  kind: PersonalDataKind;
  /** With a group named `pii` only that part is masked (the words around it give the context); else the match. */
  pattern: RegExp;
  /** Extra check on the personal data (checksums, dates); a match failing it is left alone. */
  accept?: (value: string) => boolean;
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

/** The IBAN mod-97 check (ISO 13616); spaces and dashes between the groups are allowed. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/[\s-]+/g, "").toUpperCase();
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

// A date such as 01-02-2026 10:00 has ten digits too; it is not a phone number. 06.12.34.56.78 is not a date:
// after day, month and a two-digit year another group follows.
const looksLikeDate = (s: string) => /^\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2}(?!\1\d))(?!\d)/.test(s.trim());

// Separator between digit groups of a phone number: a space, or a dot, dash or slash with spaces around it or not.
const SEP = String.raw`(?: ?[-./] ?| )?`;

// A house number after a postcode: "1234 AB 12", "1234AB, 12a".
const HOUSE = String.raw`(?: ?,? ?\d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}]))`;
// Two-letter Dutch words: "in 2025 is 12" is a year, not a postcode in lower case.
const SHORT_WORDS = String.raw`(?:en|is|op|in|om|of|te|na|al|nu|zo|ik|je|we|ze|ja|de|er|me|ge|hè|ie|aan|uw)(?![\p{L}\p{N}])`;
const STREET_SUFFIX =
  "straat|laan|weg|plein|gracht|kade|dijk|singel|hof|pad|dreef|steeg|markt|park|baan|ring|erf|wal|plantsoen|hage|burg";
// In lower case only the suffixes no everyday word ends in with a number after it ("ervaring 3", "loopbaan 2").
const STREET_SUFFIX_LOWER = "straat|laan|weg|plein|gracht|kade|dijk|singel|dreef|steeg|plantsoen";

// A first name: capitalised (Daan, Zoë, Lotte-Marie, El-Amrani), or a common one in lower case ("mijn zoon daan").
// Capitalised words that follow "mijn zoon" but are no name (verbs and abbreviations typed with a capital).
const NOT_NAMES = new Set(
  (
    "de het een en of maar want dus die dat deze dit hij zij ze hem haar is was zit zat heeft had wordt werd krijgt kreeg gaat ging " +
    "kan kon moet moest mag mocht wil wilde zal zou doet deed komt kwam staat stond ligt lag loopt leest speelt gaat heet is " +
    "van voor met op in uit aan bij naar over om tot sinds als toen nu nog al ook niet geen wel erg heel " +
    "adhd add ass pdd dyslexie autisme opp tlv swv ib ibér ib'er iber so vso sbo pro vmbo havo vwo mbo ggz jgz cjg groep " +
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus " +
    "september oktober november december nederland nederlands engels"
  ).split(" "),
);
const COMMON_NAMES =
  "daan|sem|noah|lucas|finn|levi|luuk|mees|milan|bram|emma|julia|mila|tess|sophie|sara|nora|yara|eva|mohammed|mohamed|ayoub|" +
  "fatima|aya|noor|liam|jesse|thijs|ruben|lotte|fleur|isa|roos|sanne|anouk|dylan|ilias|adam|jayden|sven|lars|max|olivia|lieke|" +
  "femke|amira|youssef|mats|stijn|jens|nina|tim|tom|bas|jan|piet|kees|anna|lisa|iris|sofie|zoe|zoë|lynn|fenna|saar|jill|sophia|" +
  "hamza|omar|yusuf|ibrahim|rayan|amir|ali|aisha|maryam|sofia|lina|ella|evi|vera|jasmijn|elin|puck|floor|lieve|hugo|gijs|jurre|" +
  "teun|siem|otis|boaz|jurre|stan|niels|joep|koen|wout|guus|ties|vince|dex|cas|jip|kiki|demi|romy|senna|luna|lara|hanna|hannah";
const NAME = String.raw`(?:\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?|(?:${COMMON_NAMES})(?![\p{L}\p{N}]))`;
// "mijn zoon", "onze jongste dochter", "ons kind", "mijn zoontje", "m'n pleegdochter", "mijn zoons".
// (Written out in both cases: the name pattern cannot use the i flag, which would make \p{Lu} match any letter.)
const KIN = String.raw`(?:[Mm]ijn|[Mm]'n|[Oo]nze|[Oo]ns)\s+(?:(?:oudste|jongste|middelste|kleine|lieve|eigen|tweede|derde)\s+)?(?:pleeg|stief)?(?:zoon(?:tje|s)?|dochter(?:tje|s)?|kind(?:je|eren)?|jongen|meisje)`;
const MONTHS =
  "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const DATE = String.raw`(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}(?:e|ste|de)? (?:${MONTHS})\.? (?:19|20)\d{2})(?!\d)`;
const SCHOOL_WORD = String.raw`(?:basisschool|school|kindcentrum|[Oo][Bb][Ss]|[Cc][Bb][Ss]|PCBS|RKBS|KBS|SBO|SBAO|VSO|SO|IKC)`;

const detectors: Detector[] = [
  {
    kind: "email",
    // The lookbehind makes a match start only where a run of address characters starts (no quadratic rescans).
    pattern: /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  },
  {
    // Dutch IBANs in any case and spacing, with dashes too; the bank code makes them unmistakable, so no checksum.
    kind: "iban",
    pattern: /(?<![\p{L}\p{N}])NL[ -]?\d{2}[ -]?[A-Z]{4}(?:[ -]?\d){10}(?!\p{N})/giu,
  },
  {
    // Other IBANs (upper case, optionally in groups of four), only when the checksum holds.
    kind: "iban",
    pattern: /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
    accept: isValidIban,
  },
  {
    // +31 / 0031 followed by nine digits, optionally "(0)": +31 6 12345678, +31-6-12345678, +31 (0)20 123 4567.
    kind: "phone",
    pattern: new RegExp(String.raw`(?<![\p{N}+])(?:\+|00) ?31${SEP}(?:\(0\) ?)?[1-9](?:${SEP}\d){8}(?!\p{N})`, "gu"),
  },
  {
    // A mobile number with the country code but without + or 00: 31612345678, 31 6 12345678.
    kind: "phone",
    pattern: new RegExp(String.raw`(?<![\p{N}+])31${SEP}6(?:${SEP}\d){8}(?!\p{N})`, "gu"),
  },
  {
    // National numbers: ten digits starting with 0 (mobile 06, landline area codes), as 06-12345678,
    // 06 12 34 56 78, 06.12.34.56.78, 06/12345678, 0 6 1 2 3 4 5 6 7 8, 020-1234567, (020) 123 45 67.
    kind: "phone",
    pattern: new RegExp(String.raw`(?<![\p{N}+])(?:\(0 ?[1-9]\d{0,2}\) ?\d|0 ?[1-9])(?:${SEP}\d){5,8}(?!\p{N})`, "gu"),
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
    // A date of birth where the words say so: "geboren op 12-03-2015", "geboortedatum: 3 mei 2016",
    // "geb. 14/07/2014", "op 5 juni 2013 geboren". Other dates (a meeting, a deadline) stay.
    kind: "birthdate",
    pattern: new RegExp(
      String.raw`(?<![\p{L}])(?:(?:geboren|geboortedatum|geboortedag|geb\.)[^.!?\n\d]{0,40}?\(?(?<pii>${DATE})|(?<pii2>${DATE})\)? (?:geboren|is geboren))`,
      "giu",
    ),
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
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}])\p{Lu}[\p{L}'-]*(?:${STREET_SUFFIX}) \d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}])`,
      "gu",
    ),
  },
  {
    // Two-word streets: Nieuwe Gracht 12, Oude gracht 3, lange dijk 7.
    kind: "address",
    pattern:
      /(?<![\p{L}\p{N}])(?:[Nn]ieuwe|[Oo]ude|[Kk]orte|[Ll]ange|[Hh]oge|[Ll]age|[Gg]rote|[Kk]leine|[Bb]innen|[Bb]uiten) (?:[Gg]racht|[Ss]traat|[Ww]eg|[Dd]ijk|[Ll]aan|[Kk]ade|[Ss]ingel|[Mm]arkt|[Pp]lein|[Hh]aven) \d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}])/gu,
  },
  {
    // The same in lower case, as typed on a phone: dorpsstraat 12, molenweg 7b.
    kind: "address",
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}])\p{Ll}[\p{L}'-]+(?:${STREET_SUFFIX_LOWER}) \d{1,5}(?: ?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}])`,
      "gu",
    ),
  },
  {
    // A child's first name where the words say so: "mijn zoon Daan", "onze dochter, Sara,", "mijn zoons Sem en
    // Luuk", "mijn dochter heet Noor", "mijn zoontje (Finn)".
    kind: "name",
    pattern: new RegExp(
      String.raw`(?<![\p{L}])(?:${KIN}(?: heet| heten)?|(?:zoon|dochter|kind|[Hh]ij|[Zz]ij|[Zz]e) heet) ?,? ?\(?(?<pii>${NAME}(?:(?: ?,| en| &) ${NAME})*)`,
      "gu",
    ),
    accept: (value) => value.split(/ ?, | en | & |,/).every((w) => !NOT_NAMES.has(w.toLowerCase())),
  },
  {
    // A school's name after the word school: "basisschool De Regenboog", "obs De Piramide", "school De Klimop".
    kind: "school",
    // The name's words start with a capital and a small letter: "school het OKR" is an abbreviation, not a name.
    pattern: new RegExp(
      String.raw`(?<![\p{L}])${SCHOOL_WORD} (?<pii>(?:(?:De|de|Het|het|'t) )?\p{Lu}\p{Ll}[\p{L}'-]*(?: \p{Lu}\p{Ll}[\p{L}'-]*){0,2})`,
      "gu",
    ),
    accept: (value) => !NOT_NAMES.has((value.split(" ").pop() ?? "").toLowerCase()),
  },
];

/** The personal data of a match: the `pii` group when the pattern has one (the rest is context), else the match. */
function partOf(m: RegExpMatchArray): { value: string; index: number } {
  const groups = m.groups;
  const part = groups?.pii ?? groups?.pii2;
  if (part === undefined) return { value: m[0], index: m.index ?? 0 };
  return { value: part, index: (m.index ?? 0) + m[0].lastIndexOf(part) };
}

// Digits in other scripts and full-width forms are read as the digits they are (０６ → 06), and the separators
// people put between digit groups (no-break spaces, the non-breaking hyphen, dashes) as a space or a dash, so the
// detectors see one form. Only characters next to digits change.
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const DIGIT_SEPARATOR = /(?<=[\d(+)] ?)[\p{Zs}\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\uFF0F](?= ?[\d(])/gu;
const FULL_WIDTH_PLUS = /\uFF0B(?=\p{Nd})/gu;

function digitValue(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  // Unicode encodes every decimal digit set as ten consecutive code points, 0 to 9: find the set's zero.
  let zero = cp;
  while (zero > cp - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** The text with digits and digit separators in one form (see above); unchanged when there is nothing to do. */
export function normalizeDigits(text: string): string {
  let out = text.replace(OTHER_DIGIT, digitValue);
  out = out.replace(FULL_WIDTH_PLUS, "+");
  return out.replace(DIGIT_SEPARATOR, (c) => (/\p{Zs}/u.test(c) ? " " : c === "\uFF0F" ? "/" : "-"));
}

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The personal data itself (for a name: the name, not "mijn zoon"). */
  value: string;
  index: number;
  /** The whole match, context words included (what `MaskOptions.keep` compares). */
  match: string;
}

/** Finds the personal data in a text (one pass, in the order the masker applies; digits read as in `normalizeDigits`). */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const normalized = normalizeDigits(text);
  for (const d of detectors) {
    for (const m of normalized.matchAll(d.pattern)) {
      const { value, index } = partOf(m);
      if (!d.accept || d.accept(value)) found.push({ kind: d.kind, value, index, match: m[0] });
    }
  }
  return found;
}

// Nothing to mask without a digit, an "@" or one of the words that introduce a name, a birth date or a school.
const MAYBE_PERSONAL = /[\p{Nd}@]|zoon|dochter|kind|jongen|meisje|heet|geb|school|obs|cbs|sbo|so\b|ikc/iu;

export interface MaskOptions {
  /**
   * Exact strings that are never masked, e.g. the public phone numbers of helplines that appear in the
   * knowledge base's answers (default: none).
   */
  keep?: Iterable<string>;
}

export type Masker = (text: string) => string;

/**
 * Builds a masker: replaces e-mail addresses, phone numbers, BSNs, IBANs, addresses, children's names, dates of
 * birth and school names with `[e-mail]`, `[telefoon]`, `[bsn]`, `[iban]`, `[adres]`, `[naam]`, `[geboortedatum]`
 * and `[school]`. Digits in other scripts are written as 0-9 (see `normalizeDigits`).
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
      out = out.replace(d.pattern, (...args: unknown[]) => {
        const whole = args[0] as string;
        const groups = args[args.length - 1] as Record<string, string | undefined> | string;
        const part = typeof groups === "object" ? (groups.pii ?? groups.pii2) : undefined;
        if (keep.has(whole)) return whole;
        const value = part ?? whole;
        if (d.accept && !d.accept(value)) return whole;
        if (part === undefined) return maskTokens[d.kind];
        const at = whole.lastIndexOf(part);
        return whole.slice(0, at) + maskTokens[d.kind] + whole.slice(at + part.length);
      });
    }
    return out;
  };
  return (text) => {
    // Quick exit for the common case: nothing that could be personal data.
    if (!MAYBE_PERSONAL.test(text)) return text;
    // Repeat until nothing changes: a replacement can change what its neighbours look like. Each change removes
    // digits, an "@" or a capitalised word, so this ends.
    let current = normalizeDigits(text);
    for (;;) {
      const next = onePass(current);
      if (next === current) return current;
      current = next;
    }
  };
}

/** Masks personal data with the default options; see `createMasker`. */
export const maskPersonalData: Masker = createMasker();
