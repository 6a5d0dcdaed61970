import type { Citation, CrisisFile, Danger } from "./knowledge/schema.js";
import AhoCorasick from "modern-ahocorasick";
import { requiredLiterals } from "./text/literals.js";
import { createRank } from "./text/commonness.js";
import { normalize } from "./text/normalize.js";

/** What the crisis check found in a message. */
export interface CrisisFinding {
  /** Every danger found, most urgent first (the order of `reply.order`). */
  dangers: Danger[];
  /** The ids of the signals that fired, for `--explain` and tests. */
  signals: string[];
  /** The message with the sentences that carried a signal removed: what is left to answer as a school question. */
  rest: string;
}

export interface CrisisText {
  text: string;
  nextSteps: string[];
  citations: Citation[];
}

export interface CrisisDetector {
  /** Finds signs of danger to a child; undefined when there are none. */
  detect(text: string): CrisisFinding | undefined;
  /**
   * The finding, the weight of the signals per danger also below what it takes to report one (2), and whether the
   * message says the danger is over or explained (`benign` in crisis.yaml: every signal then weighs half; read only
   * where a signal fired, so false where none did). An entry that names the signals it calms halves only those, in
   * `weights`, and leaves this false: the other signals and their cues count as they are.
   */
  examine(text: string): {
    finding: CrisisFinding | undefined;
    weights: Map<Danger, number>;
    benign: boolean;
    /** The dangers every sign of which the message tells as harm that is over (`over` in crisis.yaml): no cue. */
    settled: Danger[];
    /**
     * Which earlier dangers of these kinds the message explains away: all, with benign words ("sliep bij zijn
     * vriendin, mama wist het"), a danger word of one of them in its everyday use (a `harmless` phrase that hid words of that
     * danger: "aan een overdosis chips" after "ik wil dood"), or, where the message does not show that danger itself
     * (a cue at most), an `explanations` entry of one of them ("hij is er nu" after "niet thuisgekomen"). Read after a
     * crisis reply, where "met papier bij handvaardigheid" tells what "ik heb mezelf gesneden" meant. An entry ends only
     * the dangers it names: a headache dose explains a question about pills, not the cutting told with it. A function:
     * the words are read only when asked.
     */
    explains: (dangers: readonly Danger[]) => Danger[];
  };
  /** The reply text for a finding: the help lines for each danger found, most urgent first. */
  compose(dangers: Danger[]): CrisisText;
}

/** A signal that fired: its key (a cue signal's pattern is a key of its own), the signal, and what it added. */
interface Fired {
  id: string;
  signal: string;
  danger: Danger;
  sentence: number;
  weight: number;
}

/** Benign words that matched: `calms` names the signals they halve, undefined for all. */
type Calmer = { calms: ReadonlySet<string> | undefined };

/**
 * Halves what benign words calm: every signal, or the signals the entries name. Whether every signal was calmed (an
 * entry that names signals leaves the others, and their cues, as they are).
 */
function calmWith(calmers: readonly Calmer[], score: Map<Danger, number>, fired: readonly Fired[]): boolean {
  if (calmers.some((b) => b.calms === undefined)) {
    for (const [danger, weight] of score) score.set(danger, weight / 2);
    return true;
  }
  for (const f of fired)
    if (calmers.some((b) => b.calms?.has(f.signal))) score.set(f.danger, (score.get(f.danger) ?? 0) - f.weight / 2);
  return false;
}

/** The dangers a message says are over: those of the `over` entries one of its sentences holds. */
function endedIn(overParts: ReadonlyArray<{ dangers: ReadonlySet<Danger>; re: RegExp }>, folded: readonly string[]) {
  return new Set(overParts.flatMap((o) => (folded.some((f) => o.re.test(f)) ? [...o.dangers] : [])));
}

/** The signals with a pattern that may match on a line, in the order of crisis.yaml; per signal, its patterns that may. */
function signalsOn(scan: Scan, line: number): Map<number, Set<number>> {
  const here = new Map<number, Set<number>>();
  for (const g of scan.on(line))
    if (g.signal !== undefined && g.k !== undefined) {
      const ks = here.get(g.signal);
      if (ks) ks.add(g.k);
      else here.set(g.signal, new Set([g.k]));
    }
  return here;
}

/** What a signal adds from a budget of one cue per danger (sentences told of the past, or of harm that is over). */
function spend(budget: Map<Danger, number>, danger: Danger, weight: number): number {
  const so = budget.get(danger) ?? 0;
  const added = Math.min(weight, 1 - so);
  budget.set(danger, so + added);
  return added;
}

/** One reading of a message by the rules (see `run` in `compileFresh`). */
interface RunResult {
  score: Map<Danger, number>;
  fired: Fired[];
  sentences: string[];
  folded: string[];
  calm: boolean;
  settled: Danger[];
  explains: (dangers: readonly Danger[]) => Danger[];
}

export interface CrisisIssue {
  field: string;
  message: string;
}

// Sentence ends, line breaks, and dashes or semicolons between clauses. A parent's story often has no full stops,
// so every signal also works inside a long sentence; the split only keeps one sentence's words from completing
// another's pattern.
const SENTENCE_END = /(?<=[.!?;])\s+|\n+|\s[-–—]\s/u;

/** Longest sentence the patterns see, in characters: a bound on the work any message can cause. */
const MAX_SENTENCE = 600;

/**
 * A "word" of 40 or more characters (no Dutch word a pattern looks for is that long) is read as one placeholder: a
 * pattern such as `(\w+ ){0,3}` would otherwise try every start inside it, which costs milliseconds on one long word.
 */
const LONG_WORD = /\S{40,}/gu;
/**
 * Laughing emoji, read as "haha" by the explanations: a writer who explains an alarming message as a joke often laughs
 * with an emoji ("alleen met mijn man bedoel ik 😅"), which normalizing would drop (crisis-da, 2026-12-07).
 */
const LAUGH = /[\u{1F602}\u{1F923}\u{1F605}\u{1F606}\u{1F604}\u{1F601}\u{1F639}\u{1F61C}\u{1F61D}]/gu;

/**
 * Whether a signal's exceptions hold: an `unless` in its sentence (as blanked or as written), an `unlessMessage`
 * anywhere in the message, or none of its `onlyWithMessage` in the message.
 */
const excepted = (
  s: { unless: RegExp[]; unlessMessage: RegExp[]; onlyWithMessage: RegExp[] },
  sentence: string,
  written: string,
  folded: string[],
): boolean =>
  s.unless.some((re) => re.test(sentence) || re.test(written)) ||
  s.unlessMessage.some((re) => re.test(folded.join(" "))) ||
  (s.onlyWithMessage.length > 0 && !s.onlyWithMessage.some((re) => re.test(folded.join(" "))));

/**
 * Of `dangers`, those whose signal words this message holds while its `unlessMessage` says what they were about
 * ("een lieve afscheidsbrief voor haar klas. We verhuizen in mei"): the message explains an earlier alarm of those
 * words, as a harmless phrase that hid them does.
 */
function toldAway(
  signals: ReadonlyArray<{ danger: Danger; patterns: RegExp[]; unlessMessage: RegExp[] }>,
  folded: string[],
  dangers: readonly Danger[],
): Danger[] {
  const whole = folded.join(" ");
  const away = (s: (typeof signals)[number]) =>
    s.unlessMessage.some((re) => re.test(whole)) && folded.some((f) => s.patterns.some((re) => re.test(f)));
  return dangers.filter((d) => signals.some((s) => s.danger === d && away(s)));
}

/** A sentence as the rules read it: normalized, spoken forms folded, over-long words cut to "x". */
const fold = (raw: string): string => foldSpoken(normalize(raw.slice(0, MAX_SENTENCE)).replace(LONG_WORD, "x"));

/**
 * Spoken and Flemish spellings of a few function words the patterns are written with ("ik mag mijn kamer ni uit", "da
 * filmke", "wa moet ik doen"): read as the written word, so every pattern need not list them.
 */
const SPOKEN: ReadonlyMap<string, string> = new Map([
  ["ni", "niet"],
  ["nie", "niet"],
  ["da", "dat"],
  ["wa", "wat"],
  ["t", "het"],
]);
/**
 * Only where the next word shows the spoken form ("ni meer", "da filmke gaat", "wa moet ik"; "t" for "het" after a
 * preposition: "bij t spoor", "op t dak"): a name such as "da Silva", "Ni" or "WA-verzekering" keeps its letters.
 */
const SPOKEN_WORD =
  /\b(?:ni|nie)\b(?= (?:meer|uit|naar|goed|weten|zeggen|doen|willen|wil|mag|mogen|kan|kunnen|thuis|op|terug|gevonden|bereikbaar|buiten|leuk|waar|zo|alleen|eten|slapen)\b|$)|\bda\b(?= (?:\w+ )?(?:is|was|heeft|had|moet|wil|kan|ik|hij|ze|zij|we|wij|het|er|gaat|ging|doet|deed)\b)|\bwa\b(?= (?:moet|kan|ik|is|doe|moeten|er|wil|zal|nu)\b)|(?<=\b(?:bij|op|in|naar|van|uit|over|onder|door|aan|voor|achter|langs|met|is|was) )t\b(?= \w)/gu;
/**
 * Limburgish and Frisian spellings of common words, none of them a Dutch word ("neet mie", "ich", "soan", "sûnder
 * klean"), and a child's spelling by sound of words the patterns are written with ("sprink", "sgool", "hooft"): read
 * as Dutch, so that the same patterns read them. Only words that are not also Dutch words are listed ("zien", "mei"
 * and "fan" stay as they are).
 */
const REGIONAL: ReadonlyMap<string, string> = new Map([
  ["dr neet mie", "er niet meer"],
  ["neet mie", "niet meer"],
  ["neet", "niet"],
  ["ich", "ik"],
  ["mien", "mijn"],
  ["myn", "mijn"],
  ["soan", "zoon"],
  ["giet", "gaat"],
  ["nei", "naar"],
  ["hus", "huis"],
  ["seit", "zegt"],
  ["sei", "zei"],
  ["neat", "niets"],
  ["sizze", "zeggen"],
  ["oer", "over"],
  ["dogge", "doen"],
  ["makket", "maakt"],
  ["sunder", "zonder"],
  ["klean", "kleren"],
  ["foar", "voor"],
  ["oare", "andere"],
  ["manlju", "mannen"],
  ["jild", "geld"],
  ["werom", "terug"],
  ["nao", "na"],
  ["sjaol", "school"],
  ["weurt", "wordt"],
  ["haor", "haar"],
  ["hobbe", "hebben"],
  ["gistere", "gisteren"],
  ["opstoond", "opstond"],
  ["dr neet", "er niet"],
  ["bin", "ben"],
  ["sprink", "spring"],
  ["sgool", "school"],
  ["hooft", "hoofd"],
  ["verdrinke", "verdrinken"],
  // Gronings and Limburgish (round of crisis-dh). Not "noe" (nu): Noë/Noé is a boy's name, and "nu" ends a story told
  // of the past ("Noë werd vroeger geslagen" read as now). "kieken", "vaan" and "motte" are also (rare) Dutch words.
  ["bie", "bij"],
  ["allenig", "alleen"],
  ["kieken", "kijken"],
  ["noar", "naar"],
  ["toun", "toen"],
  ["achteruut", "achteruit"],
  ["nait", "niet"],
  ["gistern", "gisteren"],
  ["ozze", "onze"],
  ["vaan", "van"],
  ["vertrokke", "vertrokken"],
  ["vrund", "vriend"],
  ["doa", "daar"],
  ["hae", "hij"],
  ["noets", "nooit"],
  ["aangekomme", "aangekomen"],
  ["haet", "heeft"],
  ["medicijne", "medicijnen"],
  ["ziech", "zich"],
  ["motte", "moeten"],
  // Gronings "noar hoes" (round of crisis-dp); "hoes" alone is a Dutch word (a cover).
  ["noar hoes", "naar huis"],
  // Flemish (round of crisis-ds): a neighbour, crying.
  ["gebuur", "buurman"],
  ["geburen", "buren"],
  ["weent", "huilt"],
  ["weende", "huilde"],
  ["wenen", "huilen"],
]);
const REGIONAL_WORD = new RegExp(
  `\\b(?:${[...REGIONAL.keys()].sort((a, b) => b.length - a.length).join("|")})\\b`,
  "gu",
);
const foldSpoken = (text: string): string =>
  text.replace(SPOKEN_WORD, (w) => SPOKEN.get(w) ?? w).replace(REGIONAL_WORD, (w) => REGIONAL.get(w) ?? w);

/**
 * A part of a pattern that can match a line break. Signals and harmless phrases are tested on all sentences of a
 * message at once, one per line (see `run`), so such a part would reach into the next sentence.
 */
const CROSSES_LINES = /\\[sWD]|\[\^/u;
const LINE_BREAK = "\\s, \\W, \\D and [^…] match a line break: use a space or a word class";
const BACK_REFERENCE = "back-references are not supported (write the alternatives out)";
const LEADING_LOOKBEHIND =
  "a look back to the start of the sentence before any words is tried at every position (slow): put it after the words it guards";

/** The non-empty sentences, each once, with the index of its first occurrence. */
function distinct(sentences: string[]): Array<{ sentence: string; index: number }> {
  const first = new Map<string, number>();
  sentences.forEach((sentence, index) => {
    if (sentence !== "" && !first.has(sentence)) first.set(sentence, index);
  });
  return [...first].map(([sentence, index]) => ({ sentence, index }));
}

/** A pattern behind the prefilter. */
interface Gated {
  re: RegExp;
  /** For a signal's pattern: the signal's place in crisis.yaml and the pattern's place in the signal. */
  signal?: number;
  k?: number;
}

/**
 * Patterns with the literals that every match of each contains (src/core/text/literals.ts), and one automaton that
 * finds all literals of a text in one pass: `scan` gives the patterns worth trying on that text. A pattern without such
 * literals is always tried.
 */
class PatternGate {
  private readonly byLiteral = new Map<string, Gated[]>();
  private readonly always = new Set<Gated>();

  constructor(private readonly howOften: (literal: string) => number) {}

  add(re: RegExp, signal?: number, k?: number): Gated {
    const gated: Gated = signal === undefined ? { re } : { re, signal, k };
    const literals = requiredLiterals(re.source, re.flags, this.howOften);
    if (!literals) this.always.add(gated);
    else
      for (const l of literals) {
        const list = this.byLiteral.get(l);
        if (list) list.push(gated);
        else this.byLiteral.set(l, [gated]);
      }
    return gated;
  }

  // The scanned text is normalized (no combining marks, only letters, digits, spaces and line breaks), so the
  // automaton's matching by whole characters finds every literal the patterns see.
  build(): { scan(text: string): Scan } {
    const automaton = new AhoCorasick([...this.byLiteral.keys()]);
    const { byLiteral, always } = this;
    return {
      scan(text: string): Scan {
        // The lines of the text (one sentence each) on which each pattern's literals occur: no pattern matches across
        // a line, so a pattern can match only on those.
        const starts = [0];
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
        const lineOf = (offset: number) => {
          let lo = 0;
          let hi = starts.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] as number) <= offset) lo = mid;
            else hi = mid - 1;
          }
          return lo;
        };
        const anywhere = new Set<Gated>(always);
        const byLine = new Map<number, Set<Gated>>();
        for (const m of automaton.search(text, { strategy: "all" })) {
          const line = lineOf(m.start);
          const here = byLine.get(line) ?? new Set<Gated>(always);
          byLine.set(line, here);
          for (const g of byLiteral.get(m.pattern) ?? []) {
            here.add(g);
            anywhere.add(g);
          }
        }
        const on = (line: number): ReadonlySet<Gated> => byLine.get(line) ?? always;
        return { any: (g) => anywhere.has(g), has: (g, line) => on(line).has(g), on };
      },
    };
  }
}

/** Where the patterns worth trying may match in a scanned text. */
interface Scan {
  /** Whether the pattern may match anywhere. */
  any(g: Gated): boolean;
  /** Whether the pattern may match on this line. */
  has(g: Gated, line: number): boolean;
  /** The patterns that may match on this line. */
  on(line: number): ReadonlySet<Gated>;
}

/**
 * A prefilter: each pattern is tried only on a message that holds one of the literals every match of it contains
 * (src/core/text/literals.ts). One scan of the message for all literals at once (Aho-Corasick) marks the few patterns
 * worth trying; a message meets about 40 of the 1,400. What matches is the same as trying every pattern.
 */
function gatePatterns<S extends { patterns: RegExp[] }>(
  harmlessParts: RegExp[],
  benignParts: Array<{ re: RegExp; calms: ReadonlySet<string> | undefined }>,
  pastParts: RegExp[],
  signalParts: S[],
  explanationParts: Array<{ dangers: readonly Danger[]; re: RegExp; unless: RegExp[]; opening: boolean }> = [],
) {
  // How often a literal occurs in a message, estimated from the rank of its rarest word in everyday Dutch ("met" and
  // "de" are in nearly every message; "riem" in few), or for a word not in that list from its length.
  const rankOf = createRank();
  const howOften = (literal: string): number => {
    const words = literal.split(" ").filter((w) => w !== "");
    if (words.length === 0) return 1;
    return Math.min(...words.map((w) => Math.min(1, 30 / (rankOf(w) ?? 4 ** (w.length - 2) * 30))));
  };
  const gate = new PatternGate(howOften);
  const harmless = harmlessParts.map((re) => gate.add(new RegExp(re.source, "gmu")));
  const benign = benignParts.map((b) => ({ gated: gate.add(b.re), calms: b.calms }));
  const past = pastParts.map((re) => gate.add(re));
  const signals = signalParts.map((s, i) => ({ ...s, gated: s.patterns.map((re, k) => gate.add(re, i, k)) }));
  const explanations = explanationParts.map((e) => ({ ...e, gated: gate.add(e.re) }));
  return { harmless, benign, past, signals, explanations, scanner: gate.build() };
}

/**
 * What an explanation reads of a sentence: the folded sentence itself, or of a question the clauses before its last
 * comma, folded anew ("uit de groepsapp, maar hoe lang ...?"), which only an opening reads; nothing of a question
 * without a comma ("alles goed?").
 */
function questionLead(raw: string, folded: string): { text: string; asked: boolean } | undefined {
  if (!raw.trim().endsWith("?")) return { text: folded, asked: false };
  const comma = raw.lastIndexOf(",");
  return comma < 0 ? undefined : { text: fold(raw.slice(0, comma).replace(LAUGH, " haha ")), asked: true };
}

/**
 * Compiles `knowledge/crisis.yaml`. `{name}` in a pattern stands for the concept of that name. Returns the issues
 * (a pattern that does not compile, an unknown concept) instead of throwing, so the loader can name each one.
 */
export function compileCrisis(file: CrisisFile): { detector?: CrisisDetector; issues: CrisisIssue[] } {
  // The same rules give the same detector: compiled once per loaded file (the literals take some 80 ms to derive).
  const cached = compiled.get(file);
  if (cached) return cached;
  const result = compileFresh(file);
  compiled.set(file, result);
  return result;
}

const compiled = new WeakMap<CrisisFile, { detector?: CrisisDetector; issues: CrisisIssue[] }>();

/** The patterns of crisis.yaml as regular expressions, with what is wrong in them (file and field). */
function compileParts(file: CrisisFile) {
  const issues: CrisisIssue[] = [];
  const expand = (pattern: string, field: string): string =>
    pattern.replace(/\{([a-zA-Z]+)\}/gu, (_m, name: string) => {
      const concept = file.concepts[name];
      if (concept === undefined) {
        issues.push({ field, message: `unknown concept {${name}} (define it under concepts)` });
        return "(?:)";
      }
      return `(?:${concept})`;
    });
  const compile = (pattern: string, field: string, perLine = true): RegExp | undefined => {
    const source = expand(pattern, field);
    const refused = /\\[1-9]|\\k</u.test(pattern)
      ? BACK_REFERENCE
      : /^\(\?<[=!]\^(?!\))/u.test(pattern)
        ? LEADING_LOOKBEHIND
        : perLine && CROSSES_LINES.test(source)
          ? LINE_BREAK
          : "";
    if (refused) {
      issues.push({ field, message: refused });
      return undefined;
    }
    try {
      return new RegExp(source, "u");
    } catch (error) {
      issues.push({ field, message: `not a valid regular expression: ${(error as Error).message}` });
      return undefined;
    }
  };
  const harmlessParts = file.harmless.flatMap((p, i) => compile(p, `harmless[${i}]`) ?? []);
  const ids = new Set(file.signals.map((s) => s.id));
  const benignParts = file.benign.flatMap((b, i) => {
    const entry = typeof b === "string" ? { pattern: b, calms: undefined } : b;
    const field = typeof b === "string" ? `benign[${i}]` : `benign[${i}].pattern`;
    (entry.calms ?? []).forEach((id, k) => {
      if (!ids.has(id)) issues.push({ field: `benign[${i}].calms[${k}]`, message: `unknown signal "${id}"` });
    });
    const re = compile(entry.pattern, field, false);
    return re ? [{ re, calms: entry.calms && new Set(entry.calms) }] : [];
  });
  const pastParts = file.past.flatMap((p, i) => compile(p, `past[${i}]`, false) ?? []);
  const overParts = file.over.flatMap((o, i) => {
    const re = compile(o.pattern, `over[${i}].pattern`, false);
    return re ? [{ dangers: new Set(o.dangers), re }] : [];
  });
  const nowParts = file.now.flatMap((p, i) => compile(p, `now[${i}]`, false) ?? []);
  const explanationParts = file.explanations.flatMap((e, i) => {
    const re = compile(e.pattern, `explanations[${i}]`, false);
    const unless = e.unless.flatMap((p, k) => compile(p, `explanations[${i}].unless[${k}]`, false) ?? []);
    return re ? [{ dangers: e.dangers, re, unless, opening: e.opening }] : [];
  });
  const signalParts = file.signals.map((s, i) => ({
    id: s.id,
    danger: s.danger,
    weight: s.weight,
    patterns: s.patterns.flatMap((p, k) => compile(p, `signals[${i}] (${s.id}).patterns[${k}]`) ?? []),
    unless: s.unless.flatMap((p, k) => compile(p, `signals[${i}] (${s.id}).unless[${k}]`) ?? []),
    unlessMessage: s.unlessMessage.flatMap(
      (p, k) => compile(p, `signals[${i}] (${s.id}).unlessMessage[${k}]`, false) ?? [],
    ),
    onlyWithMessage: s.onlyWithMessage.flatMap(
      (p, k) => compile(p, `signals[${i}] (${s.id}).onlyWithMessage[${k}]`, false) ?? [],
    ),
  }));
  return { issues, harmlessParts, benignParts, pastParts, overParts, nowParts, signalParts, explanationParts };
}

function compileFresh(file: CrisisFile): { detector?: CrisisDetector; issues: CrisisIssue[] } {
  const { issues, harmlessParts, benignParts, pastParts, overParts, nowParts, signalParts, explanationParts } =
    compileParts(file);
  if (issues.length > 0) return { issues };
  const { harmless, benign, past, signals, explanations, scanner } = gatePatterns(
    harmlessParts,
    benignParts,
    pastParts,
    signalParts,
    explanationParts,
  );
  const rank = new Map(file.reply.order.map((d, i) => [d, i]));
  const byUrgency = (a: Danger, b: Danger) => (rank.get(a) ?? 99) - (rank.get(b) ?? 99);

  function detect(text: string): CrisisFinding | undefined {
    return examine(text).finding;
  }

  function examine(text: string): ReturnType<CrisisDetector["examine"]> {
    const { score, fired, sentences, folded, calm, settled, explains } = run(text);
    return { finding: findingOf(score, fired, sentences, folded), weights: score, benign: calm, settled, explains };
  }

  function findingOf(
    score: Map<Danger, number>,
    fired: Fired[],
    sentences: string[],
    folded: string[],
  ): CrisisFinding | undefined {
    const dangers = [...score]
      .filter(([, w]) => w >= 2)
      .map(([d]) => d)
      .sort(byUrgency);
    if (dangers.length === 0) return undefined;
    const carrying = new Set(fired.filter((f) => dangers.includes(f.danger)).map((f) => folded[f.sentence]));
    return {
      dangers,
      signals: fired.filter((f) => dangers.includes(f.danger)).map((f) => f.id),
      rest: sentences
        .filter((_s, i) => !carrying.has(folded[i]))
        .join(" ")
        .trim(),
    };
  }

  function run(text: string, blank = true): RunResult {
    // Each signal counts once per message; a danger is found when its signals weigh 2 or more together (one strong
    // signal, or two cues such as "not home since yesterday" + "his phone is off").
    const score = new Map<Danger, number>();
    const fired: Fired[] = [];
    const sentences = text.split(SENTENCE_END);
    const folded = sentences.map(fold);
    // What explanations read: laughing emoji as "haha" (signals read the sentences without them, review t).
    const laughing = sentences.some((raw) => raw.search(LAUGH) >= 0);
    const laughed = laughing ? sentences.map((raw) => fold(raw.replace(LAUGH, " haha "))) : folded;
    // A sentence said twice says nothing new (each signal counts once per message): it is read once.
    const unique = distinct(folded);
    // All sentences at once, one per line: no pattern reaches across a line (no pattern matches a line break), so the
    // harmless phrases are blanked in one pass, and one scan for literals tells which patterns to try on which line.
    let joined = unique.map((u) => u.sentence).join("\n");
    // Past and benign words are read in the sentences as written: the literals of the message before blanking.
    const asWritten = scanner.scan(joined);
    let active = asWritten;
    let everyday = false;
    for (const h of blank ? harmless : []) {
      if (!active.any(h)) continue;
      const next = joined.replace(h.re, " ");
      if (next === joined) continue;
      // Blanking changed the text: scan again, so that each later pattern is judged on what it will see.
      joined = next;
      active = scanner.scan(joined);
      everyday = true;
    }
    const blanked = joined.split("\n");
    // What sentences told of the past, and those of a danger the message says is over (read where a signal fired), add.
    let ended: Set<Danger> | undefined;
    const spent = { over: new Map<Danger, number>(), told: new Map<Danger, number>() };
    // Per danger, whether every sign of it was told as harm that is over.
    const allOver = new Map<Danger, boolean>();
    unique.forEach(({ sentence: normalized, index }, u) => {
      const sentence = blanked[u] ?? "";
      const here = signalsOn(active, u);
      if (here.size === 0) return;
      // A sentence told of the past only: its signals together weigh at most one cue per danger. In a message that
      // says a danger is over, so do all its sentences that show that danger and say nothing of now, together.
      let told: boolean | undefined;
      for (const i of [...here.keys()].sort((a, b) => a - b)) {
        const s = signals[i] as (typeof signals)[number];
        const ks = here.get(i) as Set<number>;
        // A strong signal counts once; each pattern of a cue signal is a cue of its own.
        const keys = s.weight === 2 ? [s.id] : s.gated.map((_g, k) => `${s.id}#${k}`);
        const hits = keys.filter(
          (key, k) =>
            !fired.some((f) => f.id === key) &&
            (s.weight === 2
              ? [...ks].some((j) => s.gated[j]?.re.test(sentence))
              : ks.has(k) && s.gated[k]?.re.test(sentence)),
        );
        // An exception reads the sentence as blanked and as written: its words may be ones a harmless phrase blanked.
        if (hits.length === 0 || excepted(s, sentence, normalized, folded)) continue;
        told ??= past.some((p) => asWritten.has(p, u) && p.re.test(normalized));
        const over =
          (ended ??= endedIn(overParts, folded)).has(s.danger) && (told || !nowParts.some((re) => re.test(normalized)));
        for (const key of hits) {
          const budget = over ? spent.over : told ? spent.told : undefined;
          const weight = budget ? spend(budget, s.danger, s.weight) : s.weight;
          allOver.set(s.danger, (allOver.get(s.danger) ?? true) && over);
          fired.push({ id: key, signal: s.id, danger: s.danger, sentence: index, weight });
          score.set(s.danger, (score.get(s.danger) ?? 0) + weight);
        }
      }
    });
    // Benign words calm signals (calmWith); read only where a signal fired (most messages have none), or when asked.
    const benignWords = () => benign.filter((b) => asWritten.any(b.gated) && folded.some((f) => b.gated.re.test(f)));
    const calm = calmWith(fired.length > 0 ? benignWords() : [], score, fired);
    // An explanation of an earlier danger counts where this message does not show that danger itself (a cue at most).
    // An entry's `unless` is read over the whole message (a retraction is not undone by "alles is goed" in the next
    // sentence); an opening only in the first two sentences without any sign of danger. Questions: see questionLead.
    const explained = (dangers: readonly Danger[]): Set<Danger> => {
      const said = laughed.join(" ");
      const read = laughing ? scanner.scan(laughed.join("\n")) : asWritten;
      const openings = new Set(laughed.filter((f) => f.trim() !== "").slice(0, 2));
      const ended = new Set<Danger>();
      laughed.forEach((f, i) => {
        const lead = questionLead(sentences[i] ?? "", f);
        if (lead === undefined) return;
        for (const e of explanations) {
          const named = e.dangers.filter((d) => dangers.includes(d) && (score.get(d) ?? 0) < 2);
          const opens = e.opening ? fired.length === 0 && openings.has(f) : !lead.asked;
          const reads = opens && named.length > 0 && read.any(e.gated) && e.gated.re.test(lead.text);
          if (reads && !e.unless.some((u) => u.test(said))) for (const d of named) ended.add(d);
        }
      });
      return ended;
    };
    // A harmless phrase explains an earlier danger only where it hid words of that danger ("aan een overdosis chips"
    // after "ik wil dood"), not because the message holds one about something else ("de hond is weggelopen").
    const hidWordsOf = (dangers: readonly Danger[]): Danger[] => {
      if (!everyday) return [];
      const unblanked = run(text, false).score;
      return dangers.filter((d) => (unblanked.get(d) ?? 0) > (score.get(d) ?? 0));
    };
    const explains = (dangers: readonly Danger[]): Danger[] => {
      // Benign words explain every earlier danger; an entry that names signals explains none (it does not know which
      // signals the earlier message fired: "hij krijgt dan een prikkelbui" after a blow told is no explanation).
      if (benignWords().some((b) => b.calms === undefined)) return [...dangers];
      const ended = explained(dangers);
      for (const d of [...hidWordsOf(dangers), ...toldAway(signals, folded, dangers)]) ended.add(d);
      return dangers.filter((d) => ended.has(d));
    };
    const settled = [...allOver].flatMap(([d, all]) => (all ? [d] : []));
    return { score, fired, sentences, folded, calm, settled, explains };
  }

  function compose(dangers: Danger[]): CrisisText {
    const r = file.reply;
    const sorted = [...new Set(dangers)].sort(byUrgency);
    const main = sorted[0] ?? "abuse";
    const lines = r.lines.filter((l) => l.dangers.some((d) => sorted.includes(d))).map((l) => `- ${l.text}`);
    const text = [r.first, r.intros[main], lines.join("\n"), r.closing[main]].join("\n\n");
    const nextSteps = [...new Set([...sorted.flatMap((d) => r.nextSteps[d]), r.child])];
    const citations: Citation[] = [];
    for (const c of [...sorted.flatMap((d) => r.citations[d]), ...r.citations.child]) {
      if (!citations.some((x) => x.source === c.source && x.section === c.section)) citations.push(c);
    }
    return { text, nextSteps, citations };
  }

  return { detector: { detect, examine, compose }, issues };
}
