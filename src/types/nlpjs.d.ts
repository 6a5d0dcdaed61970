// @nlpjs/lang-nl ships no type declarations; these cover the two classes we use.
declare module "@nlpjs/lang-nl" {
  export class StemmerNl {
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    dictionary: Record<string, boolean>;
  }
}
