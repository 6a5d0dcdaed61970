import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createMasker,
  findPersonalData,
  isValidBsn,
  isValidIban,
  maskPersonalData as mask,
} from "../../src/stores/mask.js";
import { realKnowledge } from "../helpers.js";
import { knowledgeMasker } from "../../src/web/start.js";

// 1000 runs per property; a failure prints its seed and the shrunk counterexample (add it to the fixtures below).
const runs = { numRuns: 1000 };

// ---- Generators for personal data in the formats Dutch parents write -------------------------------------------

const digit = fc.integer({ min: 0, max: 9 });
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));

/** A 9-digit number that passes the elfproef. */
const bsnDigits = fc
  .array(digit, { minLength: 8, maxLength: 8 })
  .map((d) => {
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    return { d, check: sum % 11 };
  })
  .filter(({ d, check }) => check < 10 && d.some((x) => x > 0))
  .map(({ d, check }) => `${d.join("")}${check}`);

const bsn = fc.tuple(bsnDigits, fc.constantFrom("plain", "3-3-3 spaces", "3-3-3 dots", "4-2-3 dots")).map(([b, f]) => {
  switch (f) {
    case "plain":
      return b;
    case "3-3-3 spaces":
      return `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6)}`;
    case "3-3-3 dots":
      return `${b.slice(0, 3)}.${b.slice(3, 6)}.${b.slice(6)}`;
    default:
      return `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`;
  }
});

const mobile = fc
  .tuple(digits(8), fc.integer({ min: 0, max: 6 }))
  .map(
    ([n, f]) =>
      [
        `06${n}`,
        `06-${n}`,
        `06 ${n}`,
        `06 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
        `+31 6 ${n}`,
        `+316${n}`,
        `0031 6 ${n.slice(0, 4)} ${n.slice(4)}`,
      ][f] as string,
  );

const landline = fc
  .tuple(
    fc.constantFrom("10", "20", "30", "40", "50", "70", "71", "512", "475", "118"),
    digits(8),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([area, rest, f]) => {
    const n = rest.slice(0, 9 - area.length);
    return [`0${area}-${n}`, `0${area} ${n}`, `0${area}${n}`, `(0${area}) ${n}`, `+31 ${area} ${n}`][f] as string;
  });

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._-]{0,14}[a-z0-9]$/),
    label,
    fc.option(label, { nil: undefined }),
    fc.constantFrom("nl", "com", "org", "be", "info"),
  )
  .map(([local, domain, sub, tld]) => `${local}@${sub ? `${sub}.` : ""}${domain}.${tld}`);

/** A valid Dutch IBAN, compact or in groups of four. */
const iban = fc.tuple(fc.stringMatching(/^[A-Z]{4}$/), digits(10), fc.boolean()).map(([bank, account, grouped]) => {
  const bban = bank + account;
  const numeric = (bban + "NL00").replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(numeric) % 97n);
  const value = `NL${String(check).padStart(2, "0")}${bban}`;
  return grouped ? value.replace(/(.{4})(?=.)/g, "$1 ") : value;
});

const postcodeAddress = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.stringMatching(/^[A-Z]{2}$/),
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom(" ", "", ", "),
    fc.constantFrom("", "a", "B"),
  )
  .map(
    ([pc, letters, nr, sep, suffix]) =>
      `${pc}${sep === ", " ? " " : sep}${letters}${sep === ", " ? ", " : " "}${nr}${suffix}`,
  );

const kinds = {
  bsn: { arb: bsn, token: "[bsn]" },
  phone: { arb: fc.oneof(mobile, landline), token: "[telefoon]" },
  email: { arb: email, token: "[e-mail]" },
  iban: { arb: iban, token: "[iban]" },
  address: { arb: postcodeAddress, token: "[adres]" },
} as const;

/** Surrounding text without digits or "@": letters, spaces and punctuation. */
const noise = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCÉëï,.!?:;()'\"\n"), maxLength: 30 });

// ---- Properties -------------------------------------------------------------------------------------------------

describe("maskPersonalData, properties", () => {
  for (const [kind, { arb, token }] of Object.entries(kinds)) {
    it(`masks every generated ${kind} inside ordinary text`, () => {
      fc.assert(
        fc.property(noise, arb, noise, (before, value, after) => {
          const out = mask(`${before} ${value} ${after}`);
          expect(out).toContain(token);
          expect(out).not.toContain(value);
          // Not even the digits survive, in any spacing.
          const valueDigits = value.replace(/\D/g, "");
          if (valueDigits.length >= 6) expect(out.replace(/\D/g, "")).not.toContain(valueDigits.slice(-6));
        }),
        runs,
      );
    });
  }

  it("leaves text without digits or @ unchanged", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => s.replace(/[\p{N}@]/gu, "")),
        (s) => mask(s) === s,
      ),
      runs,
    );
  });

  it("is idempotent on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (s) => mask(mask(s)) === mask(s)),
      runs,
    );
  });

  it("is idempotent on dense mixtures of personal data, digits and punctuation", () => {
    const piece = fc.oneof(
      bsn,
      mobile,
      landline,
      email,
      iban,
      postcodeAddress,
      fc.stringMatching(/^[0-9 .\-+()@]{1,12}$/),
      fc.constantFrom("[bsn]", "[telefoon]", "[adres]", "AB", "ab", "straat", "Kerkstraat"),
      noise,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom("", " ", "-", ".", ", "), (parts, sep) => {
        const s = parts.join(sep);
        return mask(mask(s)) === mask(s);
      }),
      runs,
    );
  });

  it("leaves 9-digit numbers that fail the elfproef alone", () => {
    const notBsn = digits(9).filter((d) => !isValidBsn(d) && d[0] !== "0");
    fc.assert(
      fc.property(noise, notBsn, (before, n) => mask(`${before} ${n} `) === `${before} ${n} `),
      runs,
    );
  });

  it("takes linear time on adversarial input", () => {
    const inputs = [
      "1 ".repeat(5000),
      "a.".repeat(5000) + "@",
      "a".repeat(5000) + "@" + "b.".repeat(5000),
      "0".repeat(10_000),
      "NL12 ".repeat(2000),
      "1234 AB ".repeat(1000),
      "Kerkstraat ".repeat(1000),
      "+31 ".repeat(2000),
      "1-".repeat(5000),
    ];
    for (const input of inputs) {
      const start = performance.now();
      mask(input);
      expect(performance.now() - start, input.slice(0, 12)).toBeLessThan(250);
    }
  });
});

// ---- Fixtures ---------------------------------------------------------------------------------------------------

// Labelled examples: what a parent might type and what must be stored.
const fixtures: Array<[input: string, expected: string]> = [
  ["Mijn mail is jan.de-vries@school.nl", "Mijn mail is [e-mail]"],
  ["mail: ouder+school@gmail.com.", "mail: [e-mail]."],
  ["Bel me op 06-12345678 of 0612345678", "Bel me op [telefoon] of [telefoon]"],
  ["mijn nummer 06 12 34 56 78", "mijn nummer [telefoon]"],
  ["+31 6 12345678 (whatsapp)", "[telefoon] (whatsapp)"],
  ["bel +31 (0)20 123 4567", "bel [telefoon]"],
  ["0031 20 1234567", "[telefoon]"],
  ["school: 020-1234567", "school: [telefoon]"],
  ["de school (020) 123 45 67", "de school [telefoon]"],
  ["0512 123456 is het nummer", "[telefoon] is het nummer"],
  ["010 - 123 45 67", "[telefoon]"],
  ["BSN van mijn zoon: 123456782", "BSN van mijn zoon: [bsn]"], // the Calaris elfproef example
  ["bsn 1234.56.782", "bsn [bsn]"],
  ["burgerservicenummer 123 456 782!", "burgerservicenummer [bsn]!"],
  ["IBAN NL91ABNA0417164300", "IBAN [iban]"],
  ["rekening nl91 abna 0417 1643 00", "rekening [iban]"],
  ["Duitse rekening DE89 3704 0044 0532 0130 00", "Duitse rekening [iban]"],
  ["BE68539007547034 is Belgisch", "[iban] is Belgisch"],
  ["We wonen op 1234 AB 12", "We wonen op [adres]"],
  ["postcode 1234AB 12a", "postcode [adres]"],
  ["adres: 3511 LX, 7", "adres: [adres]"],
  ["Dorpsstraat 12, 1234 AB Utrecht", "[adres], [adres] Utrecht"],
  ["Van Goghlaan 120b", "Van [adres]"],
  ["postcode 1234 ab 5", "postcode [adres]"],
  // Not personal data: must stay as written.
  ["Wat is een TLV?", "Wat is een TLV?"],
  ["Mijn kind zit in groep 7 en is 11 jaar.", "Mijn kind zit in groep 7 en is 11 jaar."],
  ["Het OPP is op 01-02-2026 10:00 besproken", "Het OPP is op 01-02-2026 10:00 besproken"],
  ["In 2025 is er 3 keer overleg geweest", "In 2025 is er 3 keer overleg geweest"],
  ["2026 en 3 keer", "2026 en 3 keer"],
  ["Het kost 1.250,00 euro per jaar", "Het kost 1.250,00 euro per jaar"],
  ["nummer 123456789 klopt niet", "nummer 123456789 klopt niet"], // fails the elfproef
  ["Bel gratis 0800-5010", "Bel gratis 0800-5010"], // 8 digits: a service number, not personal
  ["Kindertelefoon 0800-0432 of 113", "Kindertelefoon 0800-0432 of 113"],
  ["schooljaar 2021-2022", "schooljaar 2021-2022"],
  ["al [bsn] en [telefoon] gemaskeerd", "al [bsn] en [telefoon] gemaskeerd"],
  ["email zonder domein: jan@", "email zonder domein: jan@"],
];

describe("maskPersonalData, fixtures", () => {
  it.each(fixtures)("%j", (input, expected) => {
    expect(mask(input)).toBe(expected);
  });

  it("finds each kind in a message with all of them", () => {
    const found = findPersonalData("a@b.nl 0612345678 123456782 NL91ABNA0417164300 1234 AB 5").map((m) => m.kind);
    expect(new Set(found)).toEqual(new Set(["email", "phone", "bsn", "iban", "address"]));
  });

  it("checks BSN and IBAN checksums", () => {
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("123456789")).toBe(false);
    expect(isValidBsn("000000000")).toBe(false);
    expect(isValidIban("NL91 ABNA 0417 1643 00")).toBe(true);
    expect(isValidIban("NL91 ABNA 0417 1643 01")).toBe(false);
  });

  it("keeps strings it is told to keep", () => {
    const keep = createMasker({ keep: ["070 312 28 87"] });
    expect(keep("Bel 070 312 28 87 of 06-12345678")).toBe("Bel 070 312 28 87 of [telefoon]");
  });

  it("with the knowledge base's contact details kept, leaves every answer of the knowledge base unchanged", () => {
    const knowledge = realKnowledge();
    const m = knowledgeMasker(knowledge);
    const texts = [
      ...knowledge.entries.flatMap((e) => [e.answer, ...e.nextSteps]),
      ...Object.values(knowledge.intents).flatMap((v) => (typeof v === "object" && "text" in v ? [v.text] : [])),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) expect(m(t)).toBe(t);
    // ...while the same number typed in another form by a parent is still masked.
    expect(m("mijn nummer is 06-87654321")).toBe("mijn nummer is [telefoon]");
  });
});
