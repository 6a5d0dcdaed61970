import { normalize, splitQuestions, tokenize, type Assistant } from "../core/index.js";

// What the assist searches for a pasted question or e-mail, bounded so that no paste costs more than a chat
// message (issue 14: 10,000 characters made 769 searches, 285 ms of event loop). The search's cost grows with the
// words the knowledge base does not know (each is looked up fuzzily); words it knows are cheap. So:
//  - the text as a whole is searched up to `contextChars`, and at most `maxQuestions` questions on their own;
//  - of the words the knowledge base does not know, only the first `maxUnknownWords` of the request are searched.
// Unknown words add little to a match (names, rare words, typing errors); the known ones carry it.

export interface AssistInputOptions {
  contextChars: number;
  maxQuestions: number;
  maxUnknownWords: number;
  /** Only this much of the paste is split into questions. */
  splitChars: number;
}

export const defaultAssistInputOptions: AssistInputOptions = {
  contextChars: 1000,
  maxQuestions: 4,
  maxUnknownWords: 12,
  splitChars: 4000,
};

// A word counts as known when the knowledge base has it, or a word with the same first five letters (inflections,
// compounds, typing errors after the fifth letter).
const PREFIX = 5;

/** Builds the vocabulary once from the knowledge base (questions, alternates, answers, next steps, tags). */
export function createAssistInput(
  assistant: Pick<Assistant, "topics" | "entry">,
  options: Partial<AssistInputOptions> = {},
) {
  const o = { ...defaultAssistInputOptions, ...options };
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const topic of assistant.topics()) {
    for (const { id } of topic.entries) {
      const e = assistant.entry(id);
      if (!e) continue;
      for (const text of [e.question, ...e.alternates, e.answer, ...e.nextSteps, ...e.tags]) {
        for (const w of tokenize(normalize(text))) {
          words.add(w);
          if (w.length >= PREFIX) prefixes.add(w.slice(0, PREFIX));
        }
      }
    }
  }
  const known = (w: string) => w.length < 3 || words.has(w) || (w.length >= PREFIX && prefixes.has(w.slice(0, PREFIX)));

  /** The texts to search for `text`: the context first, then the questions; unknown words past the budget dropped. */
  return (text: string): string[] => {
    let unknownLeft = o.maxUnknownWords;
    const keep = (part: string) =>
      part.replace(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu, (w) => {
        const token = tokenize(normalize(w))[0];
        if (token === undefined || known(token)) return w;
        if (unknownLeft > 0) {
          unknownLeft--;
          return w;
        }
        return "";
      });
    const parts = [clip(text, o.contextChars), ...splitQuestions(text.slice(0, o.splitChars)).slice(0, o.maxQuestions)];
    return parts.map(keep).filter((p) => p.trim().length > 0);
  };
}

/** The text up to `max` characters, cut at a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return space > max / 2 ? cut.slice(0, space) : cut;
}
