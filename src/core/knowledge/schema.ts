import { z } from "zod";

// The knowledge model: zod schemas are the single source of truth, types are inferred from them.

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id such as \"tlv-bezwaar\"");
const isoDate = z.iso.date();
const regexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s, "u");
      return true;
    } catch {
      return false;
    }
  },
  { error: "expected a valid regular expression" },
);

export const ANSWER_MAX_CHARS = 900;

export const Source = z.strictObject({
  id: kebabId,
  title: z.string().min(3),
  publisher: z.string().min(2),
  url: z.url({ protocol: /^https$/ }).optional(),
  checked: isoDate,
});
export type Source = z.infer<typeof Source>;
export const SourceFile = z.array(Source);

export const Topic = z.strictObject({ id: kebabId, label: z.string().min(3) });
export type Topic = z.infer<typeof Topic>;
export const TopicFile = z.array(Topic).min(1);

export const Citation = z.strictObject({ source: kebabId, section: z.string().min(1) });
export type Citation = z.infer<typeof Citation>;

export const EntryInput = z.strictObject({
  id: kebabId,
  question: z.string().min(5),
  alternates: z.array(z.string().min(2)).min(6, "expected at least 6 alternate phrasings"),
  answer: z.string().min(40).max(ANSWER_MAX_CHARS, `answer is longer than ${ANSWER_MAX_CHARS} characters`),
  nextSteps: z.array(z.string().min(5)).min(1).max(4),
  related: z.array(kebabId).default([]),
  tags: z.array(z.string().min(2)).min(1),
  citations: z.array(Citation).min(1, "expected at least one citation"),
  reviewed: isoDate,
  /** The articles of law the answer's rule rests on, e.g. "Wet op het primair onderwijs, art. 40a". */
  legalBasis: z.array(z.string().min(5)).default([]),
  topic: kebabId.optional(),
});
export const EntryFile = z.strictObject({
  topic: kebabId,
  entries: z.array(EntryInput).min(1),
});

/** A knowledge entry, validated, with its topic resolved. */
export type Entry = Omit<z.infer<typeof EntryInput>, "topic"> & { topic: string };

export const SynonymFile = z.strictObject({
  stopwords: z.strictObject({
    add: z.array(z.string().min(1)).default([]),
    keep: z.array(z.string().min(1)).default([]),
  }),
  compoundParts: z.array(z.string().min(3)).default([]),
  /** Words the stemmer gets wrong, each with the stem it must have ("mens" → "mens", not "men"). */
  lemmas: z.record(z.string().min(2), z.string().min(2)).default({}),
  groups: z
    .array(
      z.strictObject({
        canonical: z.string().min(2),
        variants: z.array(z.string().min(1)).min(1),
      }),
    )
    .default([]),
});
export type SynonymFile = z.infer<typeof SynonymFile>;

const IntentReply = {
  text: z.string().min(5),
  nextSteps: z.array(z.string().min(3)).default([]),
  suggestions: z.array(z.string().min(3)).default([]),
  citations: z.array(Citation).default([]),
};

export const IntentFile = z.strictObject({
  handoff: z.strictObject({ patterns: z.array(regexSource).min(1), ...IntentReply }),
  smalltalk: z
    .array(
      z.strictObject({
        id: kebabId,
        patterns: z.array(regexSource).min(1),
        /**
         * Words that make a short message this smalltalk when the knowledge does not answer it ("je snapt me niet",
         * "wie heeft jou gemaakt?"); `inQuestion: false` leaves out messages that ask something ("hallo, welke
         * rugzak is het beste?" stays a fallback).
         */
        cues: z.strictObject({ patterns: z.array(regexSource).min(1), inQuestion: z.boolean() }).optional(),
        ...IntentReply,
      }),
    )
    .min(1),
  fallback: z.strictObject(IntentReply),
  clarify: z.strictObject({ text: z.string().min(5) }),
  followUpMarkers: z.array(regexSource).default([]),
  /** Words around smalltalk that change nothing ("oké", "nou", "hoor"): stripped before the smalltalk rules. */
  fillers: z.array(z.string().min(1)).default([]),
  /** The smalltalk rule that answers a message made only of fillers ("ja", "hmm", "haha oké"). */
  fillersOnly: kebabId.optional(),
  english: z.strictObject({ markers: z.array(z.string()).min(1), note: z.string().min(5) }),
  questionTypes: z.array(z.strictObject({ id: kebabId, pattern: regexSource })).default([]),
});
export type IntentFile = z.infer<typeof IntentFile>;
export type SmalltalkRule = IntentFile["smalltalk"][number];

export const Danger = z.enum(["suicide", "selfharm", "missing", "violence", "abuse", "parentFear"]);
export type Danger = z.infer<typeof Danger>;
const perDanger = <T extends z.ZodType>(value: T) => z.record(Danger, value);

/** Crisis recognition (`knowledge/crisis.yaml`): concepts, harmless phrases, signals and the help lines per danger. */
export const CrisisFile = z.strictObject({
  concepts: z.record(z.string().regex(/^[a-zA-Z]+$/), z.string().min(1)),
  harmless: z.array(z.string().min(1)).default([]),
  /**
   * Words that tell the danger is over, explained or someone else's: every signal then weighs half. An entry with
   * `calms` halves only the signals it names ("een prikkelbui" explains screams heard through the wall, not a father's
   * blow told beside it).
   */
  benign: z
    .array(z.union([z.string().min(1), z.strictObject({ pattern: z.string().min(1), calms: z.array(kebabId).min(1) })]))
    .default([]),
  /**
   * Words that explain an earlier message's danger of the kinds named, in a later message of the conversation that
   * does not show them itself (one cue at most) ("hij is er nu" after "niet thuisgekomen"; "met mijn voetbalclub bedoel ik" after "er een
   * eind aan maken"). Unlike `benign` they never calm a danger told in the same message.
   */
  explanations: z
    .array(
      z.strictObject({
        dangers: z.array(Danger).min(1),
        pattern: z.string().min(1),
        /** Read over the whole message: words that make it no explanation anywhere in it (a retraction reported). */
        unless: z.array(z.string().min(1)).default([]),
        /**
         * An opening that names what the alarming words were about ("De hond uit het leesboek", "Voor de kookles"): it
         * counts only in the first two sentences of a message that shows no sign of danger at all.
         */
        opening: z.boolean().default(false),
      }),
    )
    .default([]),
  /**
   * Words that set one sentence in the past with nothing of now ("twee jaar geleden", "op zijn vorige school"), or in a
   * story the sentence tells ("de aflevering waarin hij van het dak springt"): the signals of such sentences together
   * count at most as one cue per danger, so history alone is no crisis but adds to one.
   */
  past: z.array(z.string().min(1)).default([]),
  /**
   * Words that tell, anywhere in a message, that a danger of these kinds is over and dealt with ("hij is veroordeeld
   * en er is geen contact", "ze is al drie jaar gestopt"). In such a message the sentences that show the danger and say
   * nothing of now (none of `now`) together weigh at most one cue of it: a long story that tells old harm to explain a
   * school question is no crisis, while a sentence of now ("en nu doet ze het weer") counts in full.
   */
  over: z.array(z.strictObject({ dangers: z.array(Danger).min(1), pattern: z.string().min(1) })).default([]),
  /** Words that tie a sentence to now, or say that a danger goes on or came back (see `over`). */
  now: z.array(z.string().min(1)).default([]),
  signals: z
    .array(
      z.strictObject({
        id: kebabId,
        danger: Danger,
        /** 2: enough on its own; 1: a cue that needs a second cue of the same danger in the message. */
        weight: z.union([z.literal(1), z.literal(2)]).default(2),
        patterns: z.array(z.string().min(1)).min(1),
        unless: z.array(z.string().min(1)).default([]),
        /**
         * Read over the whole message, not the sentence: words elsewhere in it that tell what the signal's words were
         * about ("afscheidsbrieven voor de klas. Ze gaat na de kerst naar het vso").
         */
        unlessMessage: z.array(z.string().min(1)).default([]),
        /**
         * Read over the whole message: the signal counts only where the message also holds one of these ("doet
         * buurman ook" with dolls or a secret in the sentence before). Unlike `unlessMessage` it explains nothing.
         */
        onlyWithMessage: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1)
    // A signal counts once per message by its id: two signals with one id would silence each other's cues.
    .superRefine((signals, ctx) => {
      const seen = new Set<string>();
      signals.forEach((signal, i) => {
        if (seen.has(signal.id))
          ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate signal id "${signal.id}"` });
        seen.add(signal.id);
      });
    }),
  reply: z.strictObject({
    first: z.string().min(5),
    order: z.array(Danger).length(Danger.options.length),
    intros: perDanger(z.string().min(5)),
    lines: z.array(z.strictObject({ dangers: z.array(Danger).min(1), text: z.string().min(5) })).min(1),
    closing: perDanger(z.string().min(5)),
    nextSteps: perDanger(z.array(z.string().min(5)).min(1)),
    child: z.string().min(5),
    schoolHeading: z.string().min(3),
    /** Added to a reply that does not answer a message showing one sign of danger (too few for a crisis reply). */
    oneSign: z.strictObject({ text: z.string().min(10), choice: z.string().min(5) }),
    citations: z.strictObject({
      ...Object.fromEntries(Danger.options.map((d) => [d, z.array(Citation).min(1)])),
      child: z.array(Citation).min(1),
    } as Record<Danger | "child", z.ZodArray<typeof Citation>>),
  }),
});
export type CrisisFile = z.infer<typeof CrisisFile>;

/**
 * Terms a parent can miss (`knowledge/deadlines.yaml`). A rule applies only when the answered entry is one of its
 * `entries`, and only to a date the parent ties to the rule's event: a `triggers` word in the same clause as the
 * date, and no `traps` word (a date of another event, such as the day a TLV was applied for).
 */
export const DeadlineFile = z
  .array(
    z.strictObject({
      id: kebabId,
      /** Words that tie a date to the event the term counts from ("besluit", "aangemeld"). */
      triggers: z.array(regexSource).min(1),
      /** Words that tie a date to another event ("aangevraagd", "jarig"): such a date never starts this term. */
      traps: z.array(regexSource).optional(),
      entries: z.array(kebabId).min(1),
      intro: z.string().includes("{date}"),
      lines: z
        .array(
          z
            .strictObject({
              days: z.number().int().positive().optional(),
              months: z.number().int().positive().optional(),
              text: z.string().includes("{date}"),
            })
            .refine((l) => (l.days === undefined) !== (l.months === undefined), { error: "give either days or months" }),
        )
        .min(1),
      /** How to count and whom to ask: every computed date is an indication. */
      note: z.string().min(10).optional(),
      citations: z.array(Citation).min(1),
    }),
  )
  .min(1);
export type DeadlineRule = z.infer<typeof DeadlineFile>[number];

/** A blank of a letter: what the parent fills in. */
export const LetterField = z.strictObject({
  /** camelCase; a date field's name contains "Datum" (e.g. `besluitDatum`). */
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "expected a camelCase field name such as \"kindNaam\""),
  /** The question shown to the parent, Dutch. */
  label: z.string().min(3),
  /** text: one line; long: a paragraph or more; date: a day (given as 2026-03-02, 2-3-2026 or 2 maart 2026). */
  kind: z.enum(["text", "long", "date"]).default("text"),
  required: z.boolean().default(true),
  /** A date field left empty gets today (the date of the letter). */
  defaultToday: z.boolean().default(false),
  /** A short example or explanation shown under the question. */
  hint: z.string().min(3).optional(),
});
export type LetterField = z.infer<typeof LetterField>;

/**
 * A letter a parent can send (`knowledge/letters/<id>.yaml`). The body is plain text with `{field}` blanks;
 * a paragraph with an optional blank left empty is left out. Built-in blanks: `{vandaag}` (today) and, with a
 * `deadline`, `{termijn}` (the first date the deadline rule computes from the `from` field).
 */
export const LetterFile = z
  .strictObject({
    id: kebabId,
    title: z.string().min(5),
    /** When to use it, B1, one or two sentences. */
    purpose: z.string().min(20),
    /** To whom it goes, B1. */
    recipient: z.string().min(5),
    /** The offer under the answers it belongs to ("Wil je hulp bij een bezwaarbrief?"). */
    suggestion: z.string().min(10).endsWith("?"),
    /** The knowledge entries whose answers offer this letter. */
    entries: z.array(kebabId).min(1),
    legalBasis: z.array(z.string().min(5)).min(1),
    citations: z.array(Citation).min(1, "expected at least one citation"),
    deadline: z.strictObject({ rule: kebabId, from: z.string().min(1) }).optional(),
    fields: z.array(LetterField).min(1),
    body: z.string().min(100),
    /** What to do with the letter: how to send it, what to keep. */
    tips: z.array(z.string().min(10)).min(1).max(5),
    reviewed: isoDate,
  })
  .superRefine((letter, ctx) => {
    const names = new Set<string>();
    letter.fields.forEach((f, i) => {
      if (names.has(f.name)) ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `duplicate field "${f.name}"` });
      names.add(f.name);
      const looksDate = /datum/i.test(f.name);
      if (f.defaultToday && f.kind !== "date") ctx.addIssue({ code: "custom", path: ["fields", i, "defaultToday"], message: "only a date field can default to today" });
      if ((f.kind === "date") !== looksDate) {
        ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: 'a date field\'s name contains "Datum", and only a date field\'s' });
      }
    });
    const builtIn = new Set(["vandaag", ...(letter.deadline ? ["termijn"] : [])]);
    const used = new Set<string>();
    for (const m of letter.body.matchAll(/\{([^{}]*)\}/gu)) {
      const name = m[1] as string;
      used.add(name);
      if (!names.has(name) && !builtIn.has(name)) ctx.addIssue({ code: "custom", path: ["body"], message: `unknown blank "{${name}}" (declare it in fields)` });
    }
    letter.fields.forEach((f, i) => {
      if (!used.has(f.name)) ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `field "${f.name}" is not used in the body` });
    });
    if (letter.deadline) {
      const from = letter.fields.find((f) => f.name === letter.deadline?.from);
      if (!from || from.kind !== "date" || !(from.required || from.defaultToday)) {
        ctx.addIssue({ code: "custom", path: ["deadline", "from"], message: `expected the name of a required date field (or one with defaultToday), not "${letter.deadline.from}"` });
      }
    }
  });
export type Letter = z.infer<typeof LetterFile>;

/** Everything the core needs to answer, as plain values (loaded and validated by the caller). */
export interface Knowledge {
  entries: Entry[];
  sources: Source[];
  topics: Topic[];
  synonyms: SynonymFile;
  intents: IntentFile;
  crisis: CrisisFile;
  deadlines: DeadlineRule[];
  /** Letters a parent can send (`knowledge/letters/`); none when absent. */
  letters?: Letter[];
}
