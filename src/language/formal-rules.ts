// The rules that turn informal "je", "jij", "jou", "jouw" and "jezelf" into formal address, as one table read
// top to bottom: for each informal word the first rule whose `when` holds decides what is written. The order is
// the logic ("je eigen" before "je" after a verb, a family word before any other noun), so a new rule goes where
// its more specific neighbours still win. Every rule carries an example; tests/language/formal.test.ts checks
// that each example is decided by its own rule.

import {
  CONJUNCTIONS,
  DATIVE_VERBS,
  DETERMINERS,
  KIN,
  MASS,
  NON_SECOND_PERSON,
  NOT_IMPERATIVE,
  NOUN_SUFFIX,
  NOUNS,
  PREPOSITIONS,
  REFLEXIVE_IMPERATIVE,
  SAME_AS_THIRD_PERSON,
  SECOND_PERSON_ONLY,
  THIRD_PERSON_SUBJECTS,
  VERB_STEMS,
} from "./lexicon.js";
import type { Words } from "./words.js";

/** The informal words the rules rewrite. */
export type InformalWord = "je" | "jij" | "jou" | "jouw" | "jezelf";

/** What a rule writes in place of the informal word. */
export type Rewrite =
  /** Object, possessive or reflexive: "helpt u", "uw kind", "denk aan uzelf", "maakt u zich zorgen". */
  | "u"
  | "uw"
  | "uzelf"
  | "zich"
  /** "u" as the subject of its clause; a verb right after it gets the form that goes with "u" ("u kunt"). */
  | "subject"
  /** "u" as the subject, and the verb right before it in its formal form: "kun je" → "kunt u". */
  | "subject+verb";

/** A family word, a noun that takes a possessive, a noun that can stand without an article, or none of those. */
export type NounClass = "kin" | "noun" | "mass" | null;

/** Where an informal word stands: what the rules look at. */
export interface Site {
  words: Words;
  /** Index of the informal word in `words`. */
  at: number;
  /** The word right before it (only spaces or emphasis between), lower case; undefined after punctuation. */
  prev: string | undefined;
  /** The word right after it, lower case; undefined before punctuation. */
  next: string | undefined;
  nextClass: NounClass;
  /** The word before is a verb stem ("kun", "meld"), not a noun after an article or preposition ("welke zorg"). */
  afterVerb: boolean;
  /** The word before was made the subject "u" (the second "je" of "als je je zorgen maakt"). */
  afterSubjectU: boolean;
}

export interface FormalRule {
  /** What the rule recognises, in a few words. */
  name: string;
  /** The informal word it is about. */
  word: InformalWord;
  /** A sentence in the style of the knowledge base that this rule decides, and its formal form. */
  example: readonly [informal: string, formal: string];
  when: (site: Site) => boolean;
  write: Rewrite;
}

export function nounClass(word: string | undefined): NounClass {
  if (word === undefined) return null;
  if (KIN.has(word)) return "kin";
  if (MASS.has(word)) return "mass";
  if (NOUNS.has(word)) return "noun";
  if (word.length > 4 && NOUN_SUFFIX.test(word)) return "noun";
  return null;
}

/** Whether word w is a second-person verb stem, and not a noun after an article or preposition. */
export function isVerbStem(words: Words, w: number): boolean {
  const lw = words.lower(w);
  if (lw === undefined || !VERB_STEMS.has(lw)) return false;
  if (words.adjacent(w)) {
    const before = words.lower(w - 1) ?? "";
    if (DETERMINERS.has(before) || PREPOSITIONS.has(before)) return false;
  }
  return true;
}

const always = () => true;
const isKinOrNoun = (s: Site) => s.nextClass === "kin" || s.nextClass === "noun";
const hasNoun = (s: Site) => s.nextClass !== null;

/** The verb before "je" stands where an imperative can: at the start of a sentence, or after "en" / "of". */
function verbInImperativePosition(s: Site): boolean {
  const verb = s.at - 1;
  if (s.words.startsSentence(verb)) return true;
  const before = s.words.adjacent(verb) ? s.words.lower(verb - 1) : "";
  return before === "en" || before === "of";
}

/** "Meld je …", "…en schrijf je …" in a sentence that is not a question, with a verb that can be an imperative. */
function imperative(s: Site): boolean {
  return (
    s.afterVerb && verbInImperativePosition(s) && !s.words.sentenceIsQuestion(s.at) && !NOT_IMPERATIVE.has(s.prev ?? "")
  );
}

/** "Meld je aan": a reflexive imperative at the start of the sentence, with its particle later in the sentence. */
function reflexiveImperative(s: Site): boolean {
  const particle = REFLEXIVE_IMPERATIVE[s.prev ?? ""];
  return (
    s.words.startsSentence(s.at - 1) &&
    particle !== undefined &&
    (particle === null || particle.test(s.words.sentenceAfter(s.at)))
  );
}

/** "de school wil je helpen": the word before the verb is its subject, so "je" is the object. */
function objectOfThirdPerson(s: Site): boolean {
  const verb = s.at - 1;
  if (verb === 0 || !s.words.adjacent(verb)) return false;
  return THIRD_PERSON_SUBJECTS.has(s.words.lower(verb - 1) ?? "");
}

/** "maak je je zorgen", "als je je zorgen maakt": a form of "maken" around the second "je". */
function worriesAreMade(s: Site): boolean {
  const nearby = [...(s.at > 1 ? [s.words.lower(s.at - 2) ?? ""] : []), ...s.words.clauseAfter(s.at, CONJUNCTIONS)];
  return s.next === "zorgen" && nearby.some((x) => /^maak|^maken$/.test(x));
}

/** The clause after the noun that follows "je". */
const clauseAfterNoun = (s: Site) => s.words.clauseAfter(s.at + 1, CONJUNCTIONS);

const afterConjunction = (s: Site) => s.prev !== undefined && CONJUNCTIONS.has(s.prev);
const afterPreposition = (s: Site) => s.prev !== undefined && PREPOSITIONS.has(s.prev);

export const FORMAL_RULES: readonly FormalRule[] = [
  // --- jezelf, jouw, jou, jij: one form each, except for the verb before "jij".
  { name: "jezelf", word: "jezelf", example: ["Denk aan jezelf.", "Denk aan uzelf."], when: always, write: "uzelf" },
  {
    name: "jouw",
    word: "jouw",
    example: ["Welke hulp jouw school geeft.", "Welke hulp uw school geeft."],
    when: always,
    write: "uw",
  },
  {
    name: "jou",
    word: "jou",
    example: ["De school praat met jou.", "De school praat met u."],
    when: always,
    write: "u",
  },
  {
    name: "jij after its verb",
    word: "jij",
    example: ["Daarna kies jij.", "Daarna kiest u."],
    when: (s) => s.afterVerb,
    write: "subject+verb",
  },
  { name: "jij", word: "jij", example: ["Jij kent het kind.", "U kent het kind."], when: always, write: "subject" },

  // --- je: fixed phrases and what follows a subject "u".
  {
    name: "je eigen",
    word: "je",
    example: ["Schrijf je eigen reactie op.", "Schrijf uw eigen reactie op."],
    when: (s) => s.next === "eigen",
    write: "uw",
  },
  {
    name: "je zorgen maken after subject",
    word: "je",
    example: ["Begin als je je zorgen maakt.", "Begin als u zich zorgen maakt."],
    when: (s) => s.afterSubjectU && worriesAreMade(s),
    write: "zich",
  },
  {
    name: "possessive after subject",
    word: "je",
    example: ["Heb je je kind aangemeld?", "Hebt u uw kind aangemeld?"],
    when: (s) => s.afterSubjectU && hasNoun(s),
    write: "uw",
  },
  {
    name: "reflexive after subject",
    word: "je",
    example: ["Leg uit dat je je niet gehoord voelt.", "Leg uit dat u zich niet gehoord voelt."],
    when: (s) => s.afterSubjectU,
    write: "zich",
  },

  // --- je after a verb stem: an imperative, an inversion, or the object of someone else's verb.
  {
    name: "imperative with possessive",
    word: "je",
    example: ["Meld je kind schriftelijk aan.", "Meld uw kind schriftelijk aan."],
    when: (s) => imperative(s) && hasNoun(s),
    write: "uw",
  },
  {
    name: "reflexive imperative",
    word: "je",
    example: ["Meld je aan via de website.", "Meld u aan via de website."],
    when: (s) => imperative(s) && reflexiveImperative(s),
    write: "u",
  },
  {
    name: "inversion at the start of a statement",
    word: "je",
    example: ["Twijfel je, bel dan het steunpunt.", "Twijfelt u, bel dan het steunpunt."],
    when: imperative,
    write: "subject+verb",
  },
  {
    name: "possessive after a third-person verb",
    word: "je",
    example: ["Kan je kind meepraten?", "Kan uw kind meepraten?"],
    when: (s) => s.afterVerb && SAME_AS_THIRD_PERSON.has(s.prev ?? "") && isKinOrNoun(s),
    write: "uw",
  },
  {
    name: "object of a third person",
    word: "je",
    example: ["De school wil je helpen.", "De school wil u helpen."],
    when: (s) => s.afterVerb && SAME_AS_THIRD_PERSON.has(s.prev ?? "") && objectOfThirdPerson(s),
    write: "u",
  },
  {
    name: "inversion",
    word: "je",
    example: ["Dan kun je bezwaar maken.", "Dan kunt u bezwaar maken."],
    when: (s) => s.afterVerb,
    write: "subject+verb",
  },

  // --- je after a conjunction: the subject of the clause, unless the noun after it is.
  {
    name: "conjunction, family",
    word: "je",
    example: ["Dat doet de school als je kind hulp nodig heeft.", "Dat doet de school als uw kind hulp nodig heeft."],
    when: (s) => afterConjunction(s) && s.nextClass === "kin",
    write: "uw",
  },
  {
    name: "conjunction, noun, verb of u",
    word: "je",
    example: ["Bel ons als je werk hebt.", "Bel ons als u werk hebt."],
    when: (s) =>
      afterConjunction(s) && s.nextClass === "noun" && clauseAfterNoun(s).some((x) => SECOND_PERSON_ONLY.has(x)),
    write: "subject",
  },
  {
    name: "conjunction, noun",
    word: "je",
    example: ["Bel ons als je aanvraag is afgewezen.", "Bel ons als uw aanvraag is afgewezen."],
    when: (s) => afterConjunction(s) && s.nextClass === "noun",
    write: "uw",
  },
  {
    name: "conjunction, mass noun as subject",
    word: "je",
    example: ["Vertel open wat je zorgen zijn.", "Vertel open wat uw zorgen zijn."],
    when: (s) =>
      afterConjunction(s) && s.nextClass === "mass" && clauseAfterNoun(s).some((x) => NON_SECOND_PERSON.has(x)),
    write: "uw",
  },
  {
    name: "conjunction, mass noun as object",
    word: "je",
    example: ["Voordat je toestemming geeft.", "Voordat u toestemming geeft."],
    when: (s) => afterConjunction(s) && s.nextClass === "mass",
    write: "subject",
  },
  {
    name: "conjunction",
    word: "je",
    example: ["Soms weet de school al wat je wilt.", "Soms weet de school al wat u wilt."],
    when: afterConjunction,
    write: "subject",
  },

  // --- je after a preposition or a verb of giving, before a noun, and on its own.
  {
    name: "preposition",
    word: "je",
    example: ["Kies de school van je voorkeur.", "Kies de school van uw voorkeur."],
    when: (s) => afterPreposition(s) && hasNoun(s),
    write: "uw",
  },
  {
    name: "preposition, no noun",
    word: "je",
    example: ["De school belt voor je.", "De school belt voor u."],
    when: afterPreposition,
    write: "u",
  },
  {
    name: "verb of giving, mass noun",
    word: "je",
    example: ["De school geeft je advies.", "De school geeft u advies."],
    when: (s) => s.nextClass === "mass" && s.prev !== undefined && DATIVE_VERBS.has(s.prev),
    write: "u",
  },
  {
    name: "possessive",
    word: "je",
    example: ["Vraag de school je dossier te sturen.", "Vraag de school uw dossier te sturen."],
    when: hasNoun,
    write: "uw",
  },
  {
    name: "subject at the start of a clause",
    word: "je",
    example: ["Je kunt ook het samenwerkingsverband vragen.", "U kunt ook het samenwerkingsverband vragen."],
    when: (s) => s.prev === undefined || s.words.startsSentence(s.at),
    write: "subject",
  },
  {
    name: "object",
    word: "je",
    example: ["Het steunpunt helpt je gratis.", "Het steunpunt helpt u gratis."],
    when: always,
    write: "u",
  },
];
