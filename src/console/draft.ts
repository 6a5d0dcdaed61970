// Drafting help for helpdesk staff: turn knowledge answers into a reply a staff member can edit and send,
// optionally in the formal form ("u" instead of "je"), and split a pasted e-mail into separate questions.
//
// toFormal is rule-based: a curated lexicon of verb stems, nouns and conjunctions taken from the answers and
// next steps in knowledge/entries/*.yaml, plus word-order rules. It covers the style of the knowledge base well
// but it does not parse Dutch. Its result is always a DRAFT that a staff member reads and corrects before
// sending. Known limits are listed at toFormal.

import { linesToPlainText, parseLines } from "../render/markdown.js";

// ---------------------------------------------------------------------------------------------------------
// Lexicon

/** Second-person stems whose formal form is irregular. Stems not listed get "t" (unless they end in t). */
const IRREGULAR_FORMAL: Record<string, string> = {
  kun: "kunt",
  ben: "bent",
  heb: "hebt",
  wil: "wilt",
  zul: "zult",
  zal: "zult",
  ga: "gaat",
  doe: "doet",
  sta: "staat",
  zie: "ziet",
  sla: "slaat",
  hou: "houdt",
  kan: "kan",
  mag: "mag",
};

/**
 * Stems that, directly before "je"/"jij", are the inverted second-person verb ("kun je", "meld je").
 * Taken from the knowledge answers, plus common verbs of the same kind.
 */
const VERB_STEMS = new Set([
  "kun",
  "kan",
  "mag",
  "moet",
  "wil",
  "zul",
  "zal",
  "weet",
  "heb",
  "ben",
  "ga",
  "doe",
  "sta",
  "zie",
  "sla",
  "hoef",
  "word",
  "zit",
  "krijg",
  "kom",
  "vraag",
  "vind",
  "meld",
  "stuur",
  "hoor",
  "maak",
  "zet",
  "schrijf",
  "twijfel",
  "dien",
  "neem",
  "bespreek",
  "lees",
  "pak",
  "vertel",
  "kijk",
  "denk",
  "schakel",
  "vul",
  "stel",
  "zorg",
  "blijf",
  "let",
  "start",
  "merk",
  "teken",
  "werk",
  "deel",
  "kies",
  "beslis",
  "geef",
  "bewaar",
  "noteer",
  "gebruik",
  "besluit",
  "bel",
  "mail",
  "zoek",
  "leg",
  "houd",
  "hou",
  "laat",
  "praat",
  "spreek",
  "regel",
  "lever",
  "wacht",
  "woon",
  "betaal",
  "breng",
  "begin",
  "loop",
  "lig",
  "leer",
  "help",
  "geloof",
  "hoop",
  "voel",
  "probeer",
  "ontvang",
  "verstuur",
  "onderteken",
  "verzamel",
  "bekijk",
  "controleer",
  "overleg",
  "informeer",
  "benader",
  "vergeet",
  "verwacht",
  "vertrouw",
  "weiger",
  "herken",
  "ken",
  "snap",
  "begrijp",
  "bedoel",
  "reageer",
  "zeg",
  "ervaar",
  "sluit",
  "volg",
  "stop",
  "verhuis",
  "bereid",
  "toon",
  "wijs",
  "rijd",
  "haal",
  "vertrek",
  "onderzoek",
  "verdiep",
  "verplaats",
  "schrik",
  "antwoord",
  "onderschrijf",
  "stem",
  "schat",
  "hang",
  "open",
  "dring",
]);

/** Stems that are also the third-person form: "kan je kind…" is then "can your child…", not "can you…". */
const SAME_AS_THIRD_PERSON = new Set([
  "kan",
  "mag",
  "moet",
  "wil",
  "zal",
  "weet",
  "zit",
  "laat",
  "wacht",
  "let",
  "praat",
  "start",
  "besluit",
  "zet",
]);

/** Stems that never start an imperative in these texts ("Heb je…", "Ben je…" are inversions). */
const NOT_IMPERATIVE = new Set([
  "heb",
  "ben",
  "kun",
  "kan",
  "zul",
  "zal",
  "mag",
  "moet",
  "wil",
  "hoef",
  "word",
  "weet",
  "zit",
]);

/** Reflexive imperatives ("Meld je aan" → "Meld u aan") with the particle that marks them in the sentence. */
const REFLEXIVE_IMPERATIVE: Record<string, RegExp | null> = {
  meld: /\b(aan|af)\b/i,
  schrijf: /\b(in|uit)\b/i,
  bereid: /\bvoor\b/i,
  verdiep: /\bin\b/i,
  verplaats: /\bin\b/i,
  houd: /\baan\b/i,
  hou: /\baan\b/i,
  laat: null,
};

/** Words after which "je" starts a subordinate clause or coordinated phrase. */
const CONJUNCTIONS = new Set([
  "als",
  "dat",
  "of",
  "wat",
  "die",
  "hoe",
  "waar",
  "wanneer",
  "voordat",
  "zodat",
  "omdat",
  "nadat",
  "totdat",
  "tot",
  "zodra",
  "terwijl",
  "waarin",
  "waarover",
  "waarmee",
  "waarop",
  "waardoor",
  "waarvoor",
  "waarom",
  "welke",
  "wie",
  "want",
  "maar",
  "en",
  "dan",
  "zoals",
  "hoewel",
  "mits",
  "tenzij",
  "doordat",
  "sinds",
  "indien",
  "wat",
  "ofwel",
]);

const PREPOSITIONS = new Set([
  "van",
  "over",
  "met",
  "voor",
  "in",
  "bij",
  "aan",
  "naar",
  "op",
  "om",
  "zonder",
  "volgens",
  "tussen",
  "na",
  "vanaf",
  "tegen",
  "door",
  "uit",
  "onder",
  "tijdens",
  "namens",
  "per",
  "binnen",
  "buiten",
  "rond",
  "vanuit",
  "via",
  "sinds",
]);

/** Determiners: a stem after one of these is a noun ("welke zorg je kind nodig heeft"). */
const DETERMINERS = new Set([
  "de",
  "het",
  "een",
  "welke",
  "elke",
  "ieder",
  "iedere",
  "geen",
  "mijn",
  "zijn",
  "haar",
  "hun",
  "onze",
  "uw",
]);

/** Verbs that take a person and a bare noun ("de school geeft je advies" → "geeft u advies"). */
const DATIVE_VERBS = new Set([
  "geeft",
  "biedt",
  "stuurt",
  "geven",
  "bieden",
  "sturen",
  "gunt",
  "levert",
  "brengt",
  "kost",
  "kosten",
]);

/** Always possessive after "je": family members. */
const KIN = new Set([
  "kind",
  "kinderen",
  "kindje",
  "zoon",
  "zonen",
  "dochter",
  "dochters",
  "puber",
  "partner",
  "ex",
  "gezin",
  "familie",
  "ouders",
]);

/** Nouns that can stand without an article ("als je bezwaar maakt", "heb je recht op"). */
const MASS = new Set([
  "bezwaar",
  "hulp",
  "advies",
  "steun",
  "toestemming",
  "contact",
  "jeugdhulp",
  "recht",
  "rechten",
  "zorgen",
  "vragen",
  "bericht",
  "antwoord",
  "informatie",
  "uitleg",
  "geld",
  "tijd",
  "instemmingsrecht",
  "gezag",
  "bewijs",
  "problemen",
  "zorg",
  "begeleiding",
  "ondersteuning",
  "ruimte",
  "inzage",
  "vervoer",
  "les",
  "onderwijs",
  "uitstel",
  "beroep",
  "hulpvragen",
  "twijfels",
  "moeite",
  "last",
  "verlof",
  "vrij",
]);

/** Nouns and adjectives that take a possessive ("je aanvraag", "je eerste keus"). */
const NOUNS = new Set([
  "samenwerkingsverband",
  "swv",
  "gemeente",
  "aanmelding",
  "regio",
  "eigen",
  "eerste",
  "tweede",
  "laatste",
  "nieuwe",
  "oude",
  "huidige",
  "volgende",
  "hele",
  "favoriete",
  "schriftelijke",
  "beste",
  "verzoek",
  "handtekening",
  "vraag",
  "zaak",
  "klacht",
  "aanvraag",
  "bezwaarbrief",
  "ervaringen",
  "ervaring",
  "verhaal",
  "voorbeelden",
  "situatie",
  "voorkeur",
  "agenda",
  "kant",
  "stukken",
  "mail",
  "mails",
  "kopie",
  "reactie",
  "aantekeningen",
  "woorden",
  "gesprekken",
  "gesprek",
  "huisarts",
  "school",
  "brief",
  "gegevens",
  "dossier",
  "mening",
  "ideeën",
  "opmerkingen",
  "belang",
  "probleem",
  "akkoord",
  "instemming",
  "onderwerp",
  "keuze",
  "keus",
  "plan",
  "afspraak",
  "afspraken",
  "adres",
  "telefoonnummer",
  "naam",
  "wensen",
  "wens",
  "boodschap",
  "punt",
  "punten",
  "verslag",
  "notities",
  "bezwaarschrift",
  "stem",
  "contactpersoon",
  "leerkracht",
  "mentor",
  "schoolgids",
  "rol",
  "huis",
  "thuissituatie",
  "opp",
  "tlv",
  "uitnodiging",
  "beslissing",
  "e-mail",
  "e-mailadres",
  "brieven",
  "vragenlijst",
  "dossiers",
  "verslagen",
  "papieren",
  "documenten",
  "bewijsstukken",
  "steunpunt",
  "werk",
  "baan",
  "leven",
  "woonplaats",
  "buurt",
  "rechter",
  "advocaat",
  "verzekering",
  "zorgverzekering",
  "budget",
  "pgb",
  "kosten",
  "vervoerder",
  "taxi",
  "auto",
  "fiets",
  "reiskosten",
  "klachten",
  "bezwaren",
  "aanvragen",
  "beschikking",
  "besluit",
  "inbreng",
  "zienswijze",
  "standpunt",
  "antwoorden",
  "handtekeningen",
  "verwachtingen",
  "zorgplicht",
  "positie",
  "mobiel",
  "telefoon",
  "computer",
  "inbox",
  "map",
]);

const NOUN_SUFFIX =
  /(?:ing|ingen|heid|heden|schap|verband|brief|plan|dossier|gids|plicht|commissie|school|verslag|formulier|verklaring|gesprek|gesprekken|adres|nummer|afspraak|afspraken|aanvraag|begeleider|consulent|arts|situatie|kind|kinderen|ouders|profiel|perspectief|verzoek)$/;

/** 3rd-person and plural verbs: in "wat je zorgen zijn", "je zorgen" is the subject, so "je" is possessive. */
const NON_SECOND_PERSON = new Set([
  "is",
  "zijn",
  "was",
  "waren",
  "wordt",
  "worden",
  "werd",
  "heeft",
  "hebben",
  "gaat",
  "gaan",
  "komt",
  "komen",
  "staat",
  "staan",
  "loopt",
  "lopen",
  "blijft",
  "blijven",
  "duurt",
  "ligt",
  "klopt",
  "past",
  "lukt",
  "stopt",
  "verandert",
  "kunnen",
  "moeten",
  "mogen",
  "willen",
  "zullen",
]);
/** Verbs that only "je"/"u" takes: "als je bezwaar kunt maken" → "je" is the subject. */
const SECOND_PERSON_ONLY = new Set(["hebt", "bent", "kunt", "wilt", "zult"]);

/** Forms that, right after subject "u", must change: "u kun" is wrong. */
const AFTER_U_FIX: Record<string, string> = {
  kun: "kunt",
  wil: "wilt",
  zul: "zult",
  zal: "zult",
  heb: "hebt",
  ben: "bent",
};

/** Informal-only forms that must never follow "u" (used by tests and by staff tooling to flag drafts). */
export const INFORMAL_AFTER_U = ["kun", "heb", "wil", "zul", "ben", "ga", "doe", "vind", "krijg", "kom"] as const;

// ---------------------------------------------------------------------------------------------------------
// Tokens

interface Token {
  text: string;
  kind: "word" | "url" | "other";
}

const TOKEN_RE =
  /(?:https?:\/\/|www\.)[^\s<>()"'“”]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const at = m.index;
    if (at > last) tokens.push({ text: text.slice(last, at), kind: "other" });
    const isUrl = /^(?:https?:\/\/|www\.)/i.test(m[0]) || m[0].includes("@");
    tokens.push({ text: m[0], kind: isUrl ? "url" : "word" });
    last = at + m[0].length;
  }
  if (last < text.length) tokens.push({ text: text.slice(last), kind: "other" });
  return tokens;
}

const INFORMAL = /^(je|jij|jou|jouw|jezelf)$/i;
/** How many tokens ahead to look for the end of a sentence (keeps long texts without full stops linear). */
const SENTENCE_SCAN = 400;

function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] !== undefined && original[0] !== original[0].toLowerCase()) {
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

function formalVerb(stem: string): string {
  const lower = stem.toLowerCase();
  const formal = IRREGULAR_FORMAL[lower] ?? (lower.endsWith("t") ? lower : `${lower}t`);
  return matchCase(stem, formal);
}

type NounClass = "kin" | "noun" | "mass" | null;

function nounClass(word: string | undefined): NounClass {
  if (word === undefined) return null;
  const w = word.toLowerCase();
  if (KIN.has(w)) return "kin";
  if (MASS.has(w)) return "mass";
  if (NOUNS.has(w)) return "noun";
  if (w.length > 4 && NOUN_SUFFIX.test(w)) return "noun";
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// toFormal

/**
 * Converts informal address ("je", "jij", "jou", "jouw", "jezelf", "je eigen") to formal address ("u", "uw",
 * "uzelf", "uw eigen"), with the verb forms that go with it: "kun je" → "kunt u", "heb je" → "hebt u",
 * "je kind" → "uw kind", "helpt je" → "helpt u", "als je" → "als u", "maak je je zorgen" → "maakt u zich zorgen".
 * Imperatives stay ("Vraag de school…"; "Meld je aan" → "Meld u aan"). Words that contain "je" (jeugdhulp),
 * URLs and e-mail addresses are left alone. Capitals are kept ("Je" → "U", "Jouw" → "Uw").
 *
 * The result is a draft for staff to review. Known limits:
 * - "jullie" (the parent together with the school) is left as it is.
 * - "je" before a noun the lexicon does not know is read as "u" ("je ABC-traject" → "u ABC-traject").
 * - A verb far from its subject is not changed ("je kunt en wil" → "u kunt en wil").
 * - Sentences outside the style of the knowledge base (dialect, long inversions) may come out wrong.
 */
export function toFormal(text: string): string {
  const tokens = tokenize(text);
  const wordAt: number[] = []; // token indexes of words
  tokens.forEach((t, i) => {
    if (t.kind === "word") wordAt.push(i);
  });
  const out = tokens.map((t) => t.text);
  /** Word indexes (into wordAt) that became a subject "u". */
  const subjectU = new Set<number>();

  const word = (w: number): string | undefined => {
    const ti = wordAt[w];
    return ti === undefined ? undefined : tokens[ti]!.text;
  };
  /** Text between word w-1 and word w (or from the start of the text). */
  const gapBefore = (w: number): string => {
    const end = wordAt[w]!;
    const start = w === 0 ? 0 : wordAt[w - 1]! + 1;
    return tokens
      .slice(start, end)
      .map((t) => t.text)
      .join("");
  };
  const adjacent = (w: number) => w > 0 && /^[\s*_]*$/.test(gapBefore(w)) && tokens[wordAt[w - 1]!]!.kind === "word";
  /** Whether word w starts a sentence, list item, quotation or line (where an imperative can stand). */
  const startsSentence = (w: number): boolean => {
    if (w === 0) return true;
    if (tokens[wordAt[w - 1]!]!.kind === "url") return false;
    return /[.!?:;\n"“(]/.test(gapBefore(w).replace(/\*/g, ""));
  };
  /** Whether the sentence holding word w ends with a question mark. */
  const sentenceIsQuestion = (w: number): boolean => {
    const end = Math.min(tokens.length, wordAt[w]! + SENTENCE_SCAN);
    for (let ti = wordAt[w]! + 1; ti < end; ti++) {
      const t = tokens[ti]!;
      if (t.kind !== "other") continue;
      const m = /[.!?\n]/.exec(t.text);
      if (m) return m[0] === "?";
    }
    return false;
  };
  /** Lower-cased words after w up to the end of the clause (punctuation, a conjunction or 8 words). */
  const clauseAfter = (w: number): string[] => {
    const words: string[] = [];
    for (let k = w + 1; k < wordAt.length && words.length < 8; k++) {
      if (/[.,;:!?()\n]/.test(gapBefore(k))) break;
      const lw = word(k)!.toLowerCase();
      if (CONJUNCTIONS.has(lw) && words.length > 0) break;
      words.push(lw);
    }
    return words;
  };
  /** The full sentence text around word w (for particles of reflexive imperatives). */
  const sentenceAfter = (w: number): string => {
    let s = "";
    const end = Math.min(tokens.length, wordAt[w]! + SENTENCE_SCAN);
    for (let ti = wordAt[w]! + 1; ti < end; ti++) {
      const t = tokens[ti]!;
      if (t.kind === "other" && /[.!?\n]/.test(t.text)) break;
      s += t.text;
    }
    return s;
  };
  const isStem = (w: number): boolean => {
    const lw = word(w)?.toLowerCase();
    if (lw === undefined || !VERB_STEMS.has(lw)) return false;
    // "welke zorg je kind…", "de vraag je…", "per mail je…": a noun after a determiner or preposition.
    if (w > 0 && adjacent(w)) {
      const before = word(w - 1)!.toLowerCase();
      if (DETERMINERS.has(before) || PREPOSITIONS.has(before)) return false;
    }
    return true;
  };
  /** Whether the verb at w can be an imperative: sentence start, or after "en"/"of" ("…en schrijf je vragen op"). */
  const imperativePosition = (w: number): boolean => {
    if (startsSentence(w)) return true;
    const prev = w > 0 && adjacent(w) ? word(w - 1)!.toLowerCase() : "";
    return prev === "en" || prev === "of";
  };

  const setWord = (w: number, replacement: string) => {
    out[wordAt[w]!] = matchCase(word(w)!, replacement);
  };
  const makeSubject = (w: number, verbAt: number | null) => {
    setWord(w, "u");
    subjectU.add(w);
    if (verbAt !== null) out[wordAt[verbAt]!] = formalVerb(word(verbAt)!);
  };

  for (let w = 0; w < wordAt.length; w++) {
    const original = word(w)!;
    if (!INFORMAL.test(original)) continue;
    const lw = original.toLowerCase();
    const prevAdj = adjacent(w) ? w - 1 : null;
    const prevWord = prevAdj === null ? undefined : word(prevAdj)!.toLowerCase();
    const nextAdj = w + 1 < wordAt.length && adjacent(w + 1) ? w + 1 : null;
    const next = nextAdj === null ? undefined : word(nextAdj)!;
    const cls = nounClass(next);

    if (lw === "jezelf") {
      setWord(w, "uzelf");
      continue;
    }
    if (lw === "jouw") {
      setWord(w, "uw");
      continue;
    }
    if (lw === "jou") {
      setWord(w, "u");
      continue;
    }
    if (lw === "jij") {
      makeSubject(w, prevAdj !== null && isStem(prevAdj) ? prevAdj : null); // "kies jij" → "kiest u"
      continue;
    }

    // "je"
    if (next?.toLowerCase() === "eigen") {
      setWord(w, "uw");
      continue;
    }
    // Right after a subject "u": reflexive or possessive ("als je je zorgen maakt", "meld je je kind aan").
    if (prevAdj !== null && subjectU.has(prevAdj)) {
      const nearby = [...(prevAdj > 0 ? [word(prevAdj - 1)!.toLowerCase()] : []), ...clauseAfter(w)];
      if (next?.toLowerCase() === "zorgen" && nearby.some((x) => /^maak|^maken$/.test(x))) setWord(w, "zich");
      else if (cls !== null) setWord(w, "uw");
      else setWord(w, "zich");
      continue;
    }
    if (prevAdj !== null && isStem(prevAdj)) {
      const stem = prevWord!;
      const question = sentenceIsQuestion(w);
      if (imperativePosition(prevAdj) && !question && !NOT_IMPERATIVE.has(stem)) {
        // "Meld je kind aan", "Stuur je bezwaar", "…en schrijf je vragen op": imperative with a possessive.
        if (cls !== null) {
          setWord(w, "uw");
          continue;
        }
        const particle = REFLEXIVE_IMPERATIVE[stem];
        if (
          startsSentence(prevAdj) &&
          particle !== undefined &&
          (particle === null || particle.test(sentenceAfter(w)))
        ) {
          setWord(w, "u"); // "Meld je aan" → "Meld u aan"
          continue;
        }
        makeSubject(w, prevAdj); // "Twijfel je, …" → "Twijfelt u, …"
        continue;
      }
      if (
        imperativePosition(prevAdj) &&
        !question &&
        NOT_IMPERATIVE.has(stem) &&
        SAME_AS_THIRD_PERSON.has(stem) &&
        (cls === "kin" || cls === "noun")
      ) {
        setWord(w, "uw"); // "Zit je kind langer thuis" (statement in a list)
        continue;
      }
      if (SAME_AS_THIRD_PERSON.has(stem) && (cls === "kin" || cls === "noun")) {
        setWord(w, "uw"); // "Kan je kind meepraten?", "ze kan je kind niet helpen"
        continue;
      }
      if (SAME_AS_THIRD_PERSON.has(stem) && objectOfThirdPerson(prevAdj)) {
        setWord(w, "u"); // "de school wil je helpen": "je" is the object, the verb belongs to the school
        continue;
      }
      makeSubject(w, prevAdj); // "kun je", "Dan heb je recht op…", "Hoor je woorden…?"
      continue;
    }
    if (prevWord !== undefined && CONJUNCTIONS.has(prevWord)) {
      const clause = clauseAfter(nextAdj ?? w);
      if (cls === "kin") setWord(w, "uw");
      else if (cls === "noun") {
        if (clause.some((x) => SECOND_PERSON_ONLY.has(x))) makeSubject(w, null);
        else setWord(w, "uw");
      } else if (cls === "mass") {
        if (clause.some((x) => NON_SECOND_PERSON.has(x)))
          setWord(w, "uw"); // "wat je zorgen zijn"
        else makeSubject(w, null); // "als je bezwaar maakt", "voordat je toestemming geeft"
      } else makeSubject(w, null);
      continue;
    }
    if (prevWord !== undefined && PREPOSITIONS.has(prevWord)) {
      setWord(w, cls !== null ? "uw" : "u");
      continue;
    }
    if (cls === "mass" && prevWord !== undefined && DATIVE_VERBS.has(prevWord)) {
      setWord(w, "u"); // "de school geeft je advies"
      continue;
    }
    if (cls !== null) {
      setWord(w, "uw");
      continue;
    }
    // Subject at the start of a clause ("Je kunt…", ", je hebt…") or object ("helpt je").
    if (prevAdj === null || startsSentence(w)) makeSubject(w, null);
    else setWord(w, "u");
  }

  // "u wil", "u kun": verb forms that go with "je" but not with "u".
  for (const w of subjectU) {
    const k = w + 1;
    if (k >= wordAt.length || !adjacent(k)) continue;
    const fix = AFTER_U_FIX[word(k)!.toLowerCase()];
    if (fix !== undefined) out[wordAt[k]!] = matchCase(word(k)!, fix);
  }
  return out.join("");

  /** In "de school wil je helpen" the word before the verb is a noun or pronoun that is the subject. */
  function objectOfThirdPerson(verbAt: number): boolean {
    if (verbAt === 0 || !adjacent(verbAt)) return false;
    const before = word(verbAt - 1)!.toLowerCase();
    return [
      "ze",
      "zij",
      "hij",
      "die",
      "school",
      "leerkracht",
      "gemeente",
      "samenwerkingsverband",
      "iemand",
      "men",
      "mens",
      "steunpunt",
      "consulent",
    ].includes(before);
  }
}

// ---------------------------------------------------------------------------------------------------------
// composeDraft

export interface DraftEntry {
  question: string;
  answer: string;
  nextSteps: string[];
  citations: { title: string; section: string; url?: string }[];
}

export type DraftForm = "je" | "u";

export const DRAFT_SIGNATURE = "[naam], ouder- en jeugdsteunpunt";

const DRAFT_TEXTS = {
  je: {
    greeting: "Hallo,",
    opening: "Dank je wel voor je vraag. Hieronder lees je wat we erover weten.",
    steps: "Wat je kunt doen:",
    sources: "Bronnen:",
    more: "Heb je nog vragen? Neem dan gerust contact met ons op.",
    empty: "Dank je wel voor je vraag. We zoeken dit voor je uit. Je hoort zo snel mogelijk van ons.",
  },
  u: {
    greeting: "Beste ouder,",
    opening: "Dank u wel voor uw vraag. Hieronder leest u wat we erover weten.",
    steps: "Wat u kunt doen:",
    sources: "Bronnen:",
    more: "Hebt u nog vragen? Neem dan gerust contact met ons op.",
    empty: "Dank u wel voor uw vraag. We zoeken dit voor u uit. U hoort zo snel mogelijk van ons.",
  },
} as const;

/** Removes the light Markdown of knowledge answers (shared parser) and tidies white space; "- " lists stay. */
export function plainText(markdown: string): string {
  return linesToPlainText(parseLines(markdown.replace(/\r\n?/g, "\n")))
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A plain-text reply for e-mail or chat, built from knowledge entries: greeting, opening line, per entry the
 * question, the answer, numbered next steps and the sources, then a closing with a placeholder name.
 * With form "u" all entry text goes through toFormal (a draft: staff read it before sending).
 */
export function composeDraft(input: { entries: DraftEntry[]; form: DraftForm }): string {
  const t = DRAFT_TEXTS[input.form];
  const convert = (s: string) => (input.form === "u" ? toFormal(s) : s);
  const closing = `Met vriendelijke groet,\n${DRAFT_SIGNATURE}`;
  if (input.entries.length === 0) return [t.greeting, t.empty, closing].join("\n\n") + "\n";

  const parts: string[] = [t.greeting, t.opening];
  for (const entry of input.entries) {
    const block: string[] = [];
    const question = plainText(entry.question);
    if (question) block.push(convert(question));
    const answer = plainText(entry.answer);
    if (answer) block.push(convert(answer));
    parts.push(block.join("\n\n"));
    const steps = entry.nextSteps.map(plainText).filter((s) => s.length > 0);
    if (steps.length > 0) {
      parts.push([t.steps, ...steps.map((s, i) => `${i + 1}. ${convert(s)}`)].join("\n"));
    }
    if (entry.citations.length > 0) {
      const lines = entry.citations.map((c) => {
        const label = [c.title.trim(), c.section.trim()].filter(Boolean).join(", ");
        return c.url ? `- ${label}\n  ${c.url}` : `- ${label}`;
      });
      parts.push([t.sources, ...lines].join("\n"));
    }
  }
  parts.push(t.more, closing);
  return parts.filter((p) => p.length > 0).join("\n\n") + "\n";
}

// splitQuestions lives in the core (src/core/text/message.ts): the assistant reads messages the same way.
export { QUESTION_MAX_CHARS, splitQuestions } from "../core/index.js";
