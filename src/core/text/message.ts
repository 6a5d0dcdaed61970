// Reading a parent's message before searching: what is greeting, sign-off, thanks or quoted mail, which sentences
// carry the story and which ask the question. Used by the assistant (to search the question with the story as
// context, and to answer two questions) and by the helpdesk console (to split a pasted e-mail).

import { normalize } from "./normalize.js";

export interface Sentence {
  text: string;
  /** Whether the sentence asks something: a question mark, a question word or verb first, "ik wil weten …". */
  question: boolean;
}

export interface ReadMessage {
  /** The sentences that carry content, in order. */
  sentences: Sentence[];
  /** The content sentences joined: the message without greeting, sign-off, thanks and quoted text. */
  body: string;
}

/** Longest part a sentence is cut into, in characters. */
export const QUESTION_MAX_CHARS = 300;

/** Lines from which the rest of the mail is a signature or an earlier message. */
const CUT_FROM = [
  /^(met\s+)?(vriendelijke|hartelijke|beste|warme|lieve)\s+groet(en)?\b/i,
  /^(m\.?v\.?g\.?|groetjes|groeten|groet|gr\.?)\s*[,.!]?\s*$/i,
  /^(groetjes|groeten)\b/i,
  /^--\s*$/,
  /^_{5,}\s*$/,
  /^-{3,}\s*(oorspronkelijk bericht|original message|doorgestuurd bericht|forwarded message)/i,
  /^(verzonden|verstuurd|sent)\s+(vanaf|van|met|from|with)\s+(mijn|my)?\s*/i,
  /^(op|on)\s.{4,120}\s(schreef|wrote|heeft .* geschreven)\b.*:?\s*$/i,
  /^(van|from)\s*:\s*\S/i,
];

/** A sign-off inside the last line ("… toch? Met vriendelijke groet, Jan"): cut from there. */
const SIGN_OFF_INLINE =
  /(?:^|[\s.,!?])((met\s+)?(vriendelijke|hartelijke|warme|lieve)\s+groet(en)?|m\.?v\.?g\.?|groetjes|groeten|groet|gr\.)\s*[,.!]?(\s+[\p{Lu}][\p{L}.'-]*){0,4}[\s.!]*$/iu;

/** Thanks, in mail and chat spellings (a sentence of its own, or behind the question). */
const THANKS = String.raw`(alvast\s+|bij voorbaat\s+)?(heel\s+)?(erg\s+|hartelijk\s+)?(bedankt|dank\s*(u|je)\s*wel|dankjewel|dankuwel|dankje|danku|thanks|thanx|thnx|thx|tnx|merci|dank)`;

/** Sentences that carry no question: greetings, thanks, announcements of a question, hoping for an answer. */
const NOISE = [
  /^(beste|hallo|hoi|hey|hee|hai|hi|dag|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goedendag|geachte|lieve|l\.?s\.?)\b[^.?!]{0,60}[,!.:]?$/i,
  new RegExp(`^${THANKS}\\b[^?]{0,80}$`, "i"),
  /^ik\s+(heb|had)\s+(een|twee|drie|een paar|enkele|wat|meerdere)\s+(korte\s+|kleine\s+)?(vraag|vragen|vraagje)\b[^?]{0,40}$/i,
  /^(ik\s+)?hoop\s+(dat\s+)?(u|jullie|je)\b[^?]{0,60}(helpen|horen|antwoord|reactie|tegemoet)[^?]{0,20}$/i,
  /^(ik\s+)?(hoor|horen|zie|zien)\s+(graag|het graag|uw reactie|je reactie|jullie reactie)\b[^?]{0,60}$/i,
  /^(graag|svp|a\.u\.b\.?|aub)\s*[.!]?$/i,
  /^(fijne|prettige|goede|fijn|mooie)\s+(dag|avond|middag|ochtend|weekend|week|dag nog|avond nog)\b[^?]{0,30}$/i,
  /^(groetjes|groeten|groet|gr|mvg|xx+|x)\b[^?]{0,40}$/i,
  /^(sorry|excuus|excuses)\s+(voor\s+)?(het|mijn)?\s*(lange|lang)\s+(bericht|verhaal|mail)\b[^?]{0,40}$/i,
  /^(fijn|leuk|top|handig|goed)\s+dat\s+(ik\s+)?(hier|dit|jullie|je|u|er)\b[^?]{0,60}$/i,
  /^ik\s+zit\s+met\s+(iets|een\s+vraag|een\s+vraagje)\s*[.!]?$/i,
];

/** A greeting in front of the first sentence: "Hoi! Ik wil weten…", "Goedemorgen, wat is…". */
const LEADING_GREETING =
  /^((beste|hallo|hoi|hey|hee|hai|hi|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goedendag|geachte|lieve)\b[^,!.?:\n]{0,40}|dag(?=\s*[,!]))[,!:]\s*/i;

/** An announcement in front of the question: "Korte vraag: …", "even een vraagje tussendoor: …". */
const LEADING_ANNOUNCEMENT =
  /^(even\s+)?(een\s+)?(korte|kleine|snelle|simpele|praktische)?\s*(vraag|vraagje)(\s+tussendoor|\s+over\s+\S+)?\s*[:\u2013-]\s*/i;

/** Thanks at the end of the last sentence: "…tekenen? Alvast bedankt!". */
const TRAILING_THANKS = new RegExp(`(?<=[,;:-])\\s*${THANKS}\\b[^?]{0,40}$`, "i");

const ABBREVIATIONS =
  /(?:\b(?:bijv|bv|o\.a|i\.v\.m|d\.w\.z|m\.b\.t|t\.a\.v|z\.s\.m|n\.a\.v|ca|evt|incl|excl|nr|tel|mevr|dhr|mr|dr|ir|ing|drs|jl|a\.s|o\.m|e\.d|etc|enz|resp|t\.o\.v|m\.i|i\.p\.v|vs|vgl|zgn|zg)\.|\b\p{L}\.|^\s*\d{1,2}\.)$/iu;

/** A sentence that asks, from its first words (Dutch puts the verb or a question word first). */
const ASKS_FIRST =
  /^(en |maar |dus |of |want |ook )?(wat|wie|waar|wanneer|waarom|hoe|hoelang|hoeveel|welke|welk|waarvoor|waarmee|waarop|waarheen|wiens|mag|mogen|moet|moeten|kan|kun|kunt|kunnen|is|zijn|ben|bent|heb|heeft|hebben|hebt|klopt|bestaat|bestaan|wordt|worden|word|krijgt|krijg|krijgen|gaat|gaan|zal|zullen|zou|zouden|geldt|gelden|valt|vallen|telt|doet|doe|doen|weet|weten|hoort|horen|bij wie|naar wie|met wie|tot wanneer|vanaf wanneer|sinds wanneer)\b/;

/** A question asked inside a sentence: "ik wil graag weten …", "mijn vraag is …". */
const ASKS_INSIDE =
  /\b(ik wil (graag |nou |nu )?(weten|vragen)|ik (vraag|vroeg) me af|vraag (ik )?me af|mijn vraag is|de vraag is|graag (zou ik|wil ik) (weten|horen)|(kunt|kan|kun) (u|je|jij) (mij |me )?(uitleggen|vertellen|laten weten|helpen)|hoe zit (het|dat)|wat (zijn|is) (mijn|onze|ons) recht|wat (moet|kan|kunnen|mag) (ik|wij|we)|wie (kan|moet|mag)|bij wie kan|graag (verneem|ontvang|hoor|weet|wil) ik|ik (verneem|ontvang|hoor) (\w+ )?graag|ik (zou|wil) (\w+ )?graag (\w+ ){0,2}(weten|vernemen|horen|ontvangen|informatie|uitleg)|ik verzoek (u|jullie|de school)|(is het|zou het|is dat) mogelijk (om|dat)|ik ben benieuwd|ik zoek (informatie|advies|hulp))\b/;

/** Whether a sentence asks something. */
export function isQuestion(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return true;
  const n = normalize(sentence);
  return ASKS_FIRST.test(n) || ASKS_INSIDE.test(n);
}

/**
 * "Wat is een OPP en moet ik dat tekenen?": two questions joined by "en" / "of" / "maar" in one sentence, the
 * second asking again (a question word or verb first). Returns the parts, or the sentence itself.
 */
function splitTwoQuestions(sentence: string): string[] {
  if (!/\?\s*$/u.test(sentence) && !ASKS_FIRST.test(normalize(sentence))) return [sentence];
  const m = /^(.{8,}?)[,]?\s+(?:en|maar|of|en ook)\s+(.{8,})$/iu.exec(sentence);
  if (!m) return [sentence];
  const [, first, second] = m as unknown as [string, string, string];
  const secondAsks =
    /^(wat|wie|waar|wanneer|waarom|hoe|hoelang|hoeveel|welke|welk|waarvoor|waarmee)\s/iu.test(second) ||
    /^(mag|mogen|moet|moeten|kan|kun|kunt|kunnen|heb|heeft|hebben|krijg|krijgt|wordt|is|zijn|klopt|bestaat|geldt)\s+(ik|je|jij|u|we|wij|de|het|een|mijn|ons|onze|dat|dit|die|er|zij|ze|hij|school)\b/iu.test(
      second,
    );
  if (!secondAsks || !ASKS_FIRST.test(normalize(first))) return [sentence];
  return [`${first.trim()}?`, second.trim()];
}

/** Splits text into sentences at . ! ? and line breaks, but not after common abbreviations or "1.". */
function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let start = 0;
    const re = /[.!?]+(?=\s|$)/g;
    for (const m of line.matchAll(re)) {
      const end = m.index + m[0].length;
      const candidate = line.slice(start, end);
      if (m[0] === "." && ABBREVIATIONS.test(candidate)) continue;
      out.push(candidate);
      start = end;
    }
    out.push(line.slice(start));
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Cuts a long sentence at a comma or space so that every part is at most `max` characters. */
function limitLength(sentence: string, max: number): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "));
    if (cut < max / 3) cut = window.lastIndexOf(" ");
    if (cut < max / 3) cut = max - 1;
    parts.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/**
 * Reads a message: drops quoted replies ("> …"), the signature ("Met vriendelijke groet" and everything after it),
 * "Verzonden vanaf mijn iPhone", earlier messages ("Op … schreef …:"), greetings, thanks and lines such as
 * "Ik heb een vraag."; keeps the other sentences in order, each at most 300 characters, and marks the questions.
 */
export function readMessage(text: string): ReadMessage {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (CUT_FROM.some((re) => re.test(line))) break;
    if (line.startsWith(">")) continue;
    kept.push(line);
  }
  // A sign-off on the same line as the question (chat messages have no line breaks).
  const lastIndex = kept.findLastIndex((l) => l.length > 0);
  if (lastIndex >= 0) kept[lastIndex] = (kept[lastIndex] as string).replace(SIGN_OFF_INLINE, "").trim();
  // Join wrapped lines of one paragraph, keep list items and blank lines as boundaries.
  const blocks: string[] = [];
  let current = "";
  for (const line of kept) {
    const item = /^(?:[-*•]|\d{1,2}[.)])\s+/.test(line);
    if (line === "" || item) {
      if (current) blocks.push(current);
      current = line.replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, "");
      continue;
    }
    current = current ? `${current} ${line}` : line;
  }
  if (current) blocks.push(current);

  const seen = new Set<string>();
  const result: Sentence[] = [];
  for (const block of blocks) {
    for (let sentence of sentences(block)) {
      if (NOISE.some((re) => re.test(sentence))) continue;
      sentence = sentence
        .replace(LEADING_GREETING, "")
        .replace(LEADING_ANNOUNCEMENT, "")
        .replace(TRAILING_THANKS, "")
        .replace(/[,;:\s]+$/u, (m) => (/[.!?]/.test(m) ? m : ""));
      sentence = sentence.replace(/\s+/g, " ").trim();
      if (sentence.length < 2 || !/\p{L}/u.test(sentence)) continue;
      if (NOISE.some((re) => re.test(sentence))) continue;
      for (const part of limitLength(sentence, QUESTION_MAX_CHARS)) {
        const key = part.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        for (const piece of splitTwoQuestions(part)) result.push({ text: piece, question: isQuestion(piece) });
      }
    }
  }
  return { sentences: result, body: result.map((s) => s.text).join(" ") };
}

/**
 * The useful sentences and questions of a parent's pasted e-mail, in order, each at most 300 characters, for
 * searching the knowledge base one by one (the helpdesk console). Very short fragments are left out.
 */
export function splitQuestions(text: string): string[] {
  return readMessage(text)
    .sentences.map((s) => s.text)
    .filter((s) => s.length >= 8 && /\p{L}{2}/u.test(s));
}
