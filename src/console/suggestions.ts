import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, isScalar, parse } from "yaml";
import { z } from "zod";
import { maskPersonalData } from "../stores/mask.js";

// Staff turn a parent's question that got no answer (or a "niet nuttig") into a proposal for the knowledge
// base: a new alternate phrasing of an existing entry, or a new entry. Each proposal is one YAML file in the
// suggestions folder (default knowledge/suggestions/, see SUGGESTIONS_DIR). The knowledge loader does not
// read that folder (it reads topics.yaml, sources/, synonyms.yaml, intents.yaml, deadlines.yaml and entries/
// only), so a proposal never reaches parents until an editor moves it into knowledge/entries/ by hand.

export const SUGGESTION_TEXT_MAX = 500;
const SLUG_MAX = 40;

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'verwacht een id zoals "tlv-bezwaar"');
const text = z.string().trim().min(1).max(SUGGESTION_TEXT_MAX);
const meta = {
  proposedAt: z.iso.datetime(),
  proposedBy: z.number().int().nonnegative(),
};

export const AlternateSuggestion = z.strictObject({
  suggestion: z.literal("alternate"),
  entryId: kebabId,
  alternates: z.array(text).min(1),
  ...meta,
});

/** The skeleton entry, in the shape of an entry in knowledge/entries/*.yaml (answer still to be written). */
export const SkeletonEntry = z.strictObject({
  id: kebabId,
  question: text,
  alternates: z.array(text),
  answer: z.string(),
  nextSteps: z.array(z.string()),
  related: z.array(kebabId),
  tags: z.array(z.string()),
  citations: z.array(z.strictObject({ source: kebabId, section: z.string() })),
  legalBasis: z.array(z.string()),
  topic: kebabId.optional(),
});

export const EntrySuggestion = z.strictObject({
  suggestion: z.literal("entry"),
  entry: SkeletonEntry,
  ...meta,
});

export const SuggestionFile = z.discriminatedUnion("suggestion", [AlternateSuggestion, EntrySuggestion]);
export type SuggestionFile = z.infer<typeof SuggestionFile>;

export type SuggestionInput =
  { kind: "alternate"; entryId: string; text: string } | { kind: "entry"; text: string; topic?: string };

/** ASCII kebab-case from free text, at most 40 characters ("Mag de school … weigeren?" → "mag-de-school-weigeren"). */
export function slugify(input: string, max = SLUG_MAX): string {
  const slug = input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "vraag";
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/g, "") || "vraag";
}

/** The calendar date in Amsterdam, for the file name. */
function localDate(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Amsterdam",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Joins lines, trims, masks personal data again (staff may paste text from an e-mail that was never stored)
 * and checks the length; throws an Error with a Dutch message staff can show.
 */
export function cleanSuggestionText(raw: string): string {
  const cleaned = maskPersonalData(raw.replace(/\s+/g, " ").trim()).trim();
  if (cleaned.length === 0) throw new Error("De tekst van het voorstel is leeg.");
  if (cleaned.length > SUGGESTION_TEXT_MAX) {
    throw new Error(
      `De tekst van het voorstel is te lang (${cleaned.length} tekens, hoogstens ${SUGGESTION_TEXT_MAX}).`,
    );
  }
  return cleaned;
}

const COMMON_HEADER = [
  " Voorstel voor de kennisbank, gemaakt in de helpdeskconsole.",
  "",
  " Let op: de tekst komt van een ouder. Persoonsgegevens zijn gemaskeerd (vervangen door [e-mail],",
  " [telefoon] enzovoort), maar lees de tekst toch goed na. Herschrijf de tekst in gewone, eenvoudige",
  " woorden voordat je hem overneemt. Laat nooit namen of andere gegevens van een kind of ouder staan.",
  "",
];

function header(s: SuggestionFile): string {
  const lines = [...COMMON_HEADER];
  if (s.suggestion === "alternate") {
    lines.push(
      ` Soort: andere manier van vragen voor het bestaande item "${s.entryId}".`,
      "",
      " Zo verwerk je dit voorstel:",
      ` 1. Zoek het item: grep -rn "id: ${s.entryId}$" knowledge/entries/`,
      " 2. Zet de (herschreven) vraag onder 'alternates' van dat item.",
      "    Past de vraag beter bij een ander item? Zet hem dan daar.",
      " 3. Controleer de kennisbank: npm run knowledge:check",
      " 4. Verwijder dit bestand.",
    );
  } else {
    lines.push(
      " Soort: nieuw item voor de kennisbank.",
      "",
      " Zo verwerk je dit voorstel:",
      " 1. Kies het bestand in knowledge/entries/ dat bij het onderwerp past (bijvoorbeeld opp.yaml),",
      "    en kopieer het blok onder 'entry' naar de lijst 'entries' van dat bestand.",
      " 2. Kies een goede id (kebab-case) en schrijf de vraag en het antwoord (B1, 'je', hoogstens",
      "    900 tekens). Vul aan: minstens 6 alternates, 1 tot 4 nextSteps, tags, citations",
      "    (bron en hoofdstuk uit knowledge/sources/) en 'reviewed' (datum van vandaag).",
      " 3. Controleer de kennisbank: npm run knowledge:check",
      " 4. Verwijder dit bestand.",
    );
  }
  return lines.join("\n");
}

/** The YAML text of a suggestion file: header comment, data, and a TODO at the empty answer. */
export function suggestionYaml(s: SuggestionFile): string {
  const doc = new Document(s);
  doc.commentBefore = header(s);
  if (s.suggestion === "entry") {
    const answer = doc.getIn(["entry", "answer"], true);
    if (isScalar(answer)) answer.comment = " TODO: schrijf het antwoord (B1, 'je', hoogstens 900 tekens)";
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes one suggestion as a new YAML file in `dir` (created with mode 0750 when missing) and returns its
 * path. The name is `YYYY-MM-DD-<kind>-<slug>-<6 hex>.yaml`; an existing file is never overwritten.
 * Throws an Error (Dutch message) when the text is empty or longer than 500 characters, or an id is invalid.
 * `metaIn.suffix` gives the six hex characters (random by default; tests fix them).
 */
export function writeSuggestion(
  dir: string,
  s: SuggestionInput,
  metaIn: { staffId: number; now: Date; suffix?: () => string },
): { file: string } {
  const cleaned = cleanSuggestionText(s.text);
  const slug = slugify(cleaned);
  const base = { proposedAt: metaIn.now.toISOString(), proposedBy: metaIn.staffId };
  let data: SuggestionFile;
  if (s.kind === "alternate") {
    if (!kebabId.safeParse(s.entryId).success) throw new Error(`Onbekende id voor een item: "${s.entryId}".`);
    data = { suggestion: "alternate", entryId: s.entryId, alternates: [cleaned], ...base };
  } else {
    const topic = s.topic?.trim() || undefined;
    if (topic !== undefined && !kebabId.safeParse(topic).success) throw new Error(`Onbekend onderwerp: "${topic}".`);
    data = {
      suggestion: "entry",
      entry: {
        id: `voorstel-${slug}`,
        question: cleaned,
        alternates: [cleaned],
        answer: "",
        nextSteps: [],
        related: [],
        tags: [],
        citations: [],
        legalBasis: [],
        ...(topic !== undefined ? { topic } : {}),
      },
      ...base,
    };
  }
  const checked = SuggestionFile.safeParse(data);
  if (!checked.success) throw new Error(`Ongeldig voorstel: ${checked.error.issues.map((i) => i.message).join("; ")}`);

  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const name = `${localDate(metaIn.now)}-${s.kind}-${slug}-${(metaIn.suffix ?? randomSuffix)()}.yaml`;
  const file = join(dir, name);
  writeFileSync(file, suggestionYaml(checked.data), { encoding: "utf8", flag: "wx", mode: 0o640 });
  return { file };
}

const randomSuffix = (): string => randomBytes(3).toString("hex");

/** Reads and validates one suggestion file; throws an Error naming the file when it is not valid. */
export function readSuggestion(file: string): SuggestionFile {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Kan voorstel ${file} niet lezen: ${(error as Error).message}`, { cause: error });
  }
  const result = SuggestionFile.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(bestand)"}: ${i.message}`).join("; ");
    throw new Error(`Ongeldig voorstel ${file}: ${issues}`);
  }
  return result.data;
}
