// A text as a list of words with the stretches between them, for rewriting whole words in place: what is not a
// word (spaces, punctuation, Markdown, URLs, e-mail addresses) comes back unchanged.

export interface Token {
  text: string;
  kind: "word" | "url" | "other";
}

const TOKEN_RE =
  /(?:https?:\/\/|www\.)[^\s<>()"'“”]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Splits text into words, URLs and e-mail addresses (kind "url"), and everything between (kind "other"). */
export function tokenize(text: string): Token[] {
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

/** "Je" → "U", "JE" → "U" (all caps only for words of two letters or more), "je" → "u". */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  const first = original[0];
  if (first !== undefined && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** How many tokens ahead to look for the end of a sentence (keeps long texts without full stops linear). */
const SENTENCE_SCAN = 400;

/**
 * The words of a text by index (0 … count-1), with what stands between them, and a copy to rewrite. Indexes out
 * of range read as `undefined` or as a boundary, so rules can look around a word without checks of their own.
 */
export class Words {
  private readonly tokens: Token[];
  /** Token index of each word. */
  private readonly at: number[] = [];
  private readonly out: string[];

  constructor(text: string) {
    this.tokens = tokenize(text);
    this.tokens.forEach((t, i) => {
      if (t.kind === "word") this.at.push(i);
    });
    this.out = this.tokens.map((t) => t.text);
  }

  get count(): number {
    return this.at.length;
  }

  /** The word as written. */
  word(w: number): string | undefined {
    const ti = this.at[w];
    return ti === undefined ? undefined : this.tokens[ti]?.text;
  }

  /** The word in lower case. */
  lower(w: number): string | undefined {
    return this.word(w)?.toLowerCase();
  }

  /** Text between word w-1 and word w (or from the start of the text). */
  gapBefore(w: number): string {
    const end = this.at[w] ?? this.tokens.length;
    const start = w <= 0 ? 0 : (this.at[w - 1] ?? -1) + 1;
    return this.tokens
      .slice(start, end)
      .map((t) => t.text)
      .join("");
  }

  /** Whether word w directly follows a word: only spaces or Markdown emphasis between (no URL, no punctuation). */
  adjacent(w: number): boolean {
    return w > 0 && w < this.count && /^[\s*_]*$/.test(this.gapBefore(w));
  }

  /** Whether word w starts a sentence, list item, quotation or line (where an imperative can stand). */
  startsSentence(w: number): boolean {
    if (w === 0) return true;
    return /[.!?:;\n"“(]/.test(this.gapBefore(w).replace(/\*/g, ""));
  }

  /** Whether the sentence holding word w ends with a question mark. */
  sentenceIsQuestion(w: number): boolean {
    for (const t of this.tokensAfter(w)) {
      if (t.kind !== "other") continue;
      const m = /[.!?\n]/.exec(t.text);
      if (m) return m[0] === "?";
    }
    return false;
  }

  /** The rest of the sentence after word w, as written. */
  sentenceAfter(w: number): string {
    let s = "";
    for (const t of this.tokensAfter(w)) {
      if (t.kind === "other" && /[.!?\n]/.test(t.text)) break;
      s += t.text;
    }
    return s;
  }

  /**
   * Lower-cased words after w up to the end of the clause: punctuation, a word in `stops` (not as the first word)
   * or `max` words.
   */
  clauseAfter(w: number, stops: ReadonlySet<string>, max = 8): string[] {
    const words: string[] = [];
    for (let k = w + 1; k < this.count && words.length < max; k++) {
      if (/[.,;:!?()\n]/.test(this.gapBefore(k))) break;
      const lw = this.lower(k) ?? "";
      if (stops.has(lw) && words.length > 0) break;
      words.push(lw);
    }
    return words;
  }

  /** Replaces word w, keeping its capitals. */
  set(w: number, replacement: string): void {
    const ti = this.at[w];
    const original = this.word(w);
    if (ti !== undefined && original !== undefined) this.out[ti] = matchCase(original, replacement);
  }

  /** The text with every replacement. */
  toString(): string {
    return this.out.join("");
  }

  private *tokensAfter(w: number): Generator<Token> {
    const from = this.at[w];
    if (from === undefined) return;
    const end = Math.min(this.tokens.length, from + SENTENCE_SCAN);
    for (let ti = from + 1; ti < end; ti++) {
      const t = this.tokens[ti];
      if (t) yield t;
    }
  }
}
