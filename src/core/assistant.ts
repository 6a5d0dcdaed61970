import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import isoStopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { MemoryConversationStore, type ConversationState, type ConversationStateStore } from "./conversation.js";
import { compileCrisis, type CrisisFinding } from "./crisis.js";
import { createCrisisModel } from "./crisis-model.js";
import crisisModelFile from "./crisis-model.json" with { type: "json" };
import { bindDate, compileDeadlineRule, computeDeadlines, findDates } from "./deadlines.js";
import { createIntentMatcher } from "./intents.js";
import type { Citation, Danger, Entry, Knowledge } from "./knowledge/schema.js";
import { fillLetter, summarizeLetter, type FilledLetter, type LetterProblems, type LetterSummary } from "./letters.js";
import type { Reply, ReplyChoice, ReplyCitation } from "./reply.js";
import { createSearchEngine, type Candidate, type SearchOptions, type SearchOutcome } from "./search/engine.js";
import {
  candidateFeatures,
  JUDGED_CANDIDATES,
  probability,
  type GateModel,
  type MatchFeatures,
} from "./search/gate.js";
import defaultGateModel from "./search/gate-model.json" with { type: "json" };
import { createAnalyzer, type Analyzer } from "./text/analyzer.js";
import { createRarity } from "./text/commonness.js";
import { readMessage, type ReadMessage, type Sentence } from "./text/message.js";
import { normalize, tokenize } from "./text/normalize.js";

/** Whether to answer, clarify or fall back is the gate's (`AssistantOptions.gate`); this is what is left besides. */
export interface Thresholds {
  /** Coverage at which a message that stands on its own keeps its own answer, even when it looks like a follow-up. */
  strong: number;
}

export interface AssistantOptions {
  /** Where follow-up state lives. Default: in memory. */
  store: ConversationStateStore;
  /** The clock, for deadlines given without a year. Default: `() => new Date()`. */
  now: () => Date;
  /** Decision thresholds. */
  thresholds: Thresholds;
  /** Longest message the core analyzes, in characters. Default 1000. */
  maxMessageLength: number;
  search: Partial<SearchOptions>;
  /** The gate that judges a match (answer, clarify or fallback) and gives the confidence. Default: the fitted model. */
  gate: GateModel;
}

export const defaultThresholds: Thresholds = { strong: 0.75 };

export interface ExplainedCandidate {
  id: string;
  question: string;
  score: number;
  coverage: number;
  /** Index term → fields it matched in. */
  match: Record<string, string[]>;
}

/** One way the message was searched: as a whole, or one question sentence with the rest as context. */
export interface SearchVariant {
  /** "message": the whole message (without greeting and sign-off); "question": one question sentence. */
  source: "message" | "question";
  text: string;
  /** Whether context (the story around a question, or the previous answer) took part in the ranking. */
  usedContext: boolean;
  /** The candidate the gate judges best, if any. */
  topId: string | null;
  /** The gate's probability that that candidate is right. */
  p: number;
  /** The first candidates of the search with the gate's judgement, best first. */
  ranked: Array<{ id: string; p: number; features: MatchFeatures }>;
}

export interface Explanation {
  /** The analyzed query: each unit with its index terms. */
  units: Array<{ surface: string; terms: string[] }>;
  /** Whether the conversation context was used (a follow-up). */
  usedContext: boolean;
  candidates: ExplainedCandidate[];
  /** Every way the message was searched, with the gate's judgement (for tuning and `--explain`). */
  variants: SearchVariant[];
  reply: Reply;
}

/** One question of a message with the entries that answer it best. */
export interface AnsweredQuestion {
  /** The question as the parent wrote it; for a message without a question sentence, the message (clipped). */
  question: string;
  /** Whether `question` is a question sentence of the message (false: the message as a whole). */
  asked: boolean;
  /** What the chatbot does with the question: answer it, ask which entry is meant, or fall back. */
  kind: "answer" | "clarify" | "fallback";
  /**
   * The best entries, best first, each with the gate's probability that it is right. The entry the chatbot puts
   * first for this question, asked on its own or within the message, is always among them.
   */
  matches: Array<{ entry: Entry; confidence: number }>;
}

export interface AnswerQuestionsOptions {
  /** Most questions read from one message. Default 4. */
  maxQuestions: number;
  /** Entries per question. Default 3. */
  limit: number;
  /** Characters of the message read. Default 4000. */
  maxChars: number;
  /** Characters of the story used as context for a question (and of a message read as a whole). Default 1000. */
  contextChars: number;
}

export const defaultAnswerQuestionsOptions: AnswerQuestionsOptions = {
  maxQuestions: 4,
  limit: 3,
  maxChars: 4000,
  contextChars: 1000,
};

export interface TopicSummary {
  id: string;
  label: string;
  entries: Array<{ id: string; question: string }>;
}

/** The one seam every channel calls. */
export interface Assistant {
  /** Answers one message of a conversation. Never throws for bad input: it replies. */
  reply(conversationId: string, text: string): Promise<Reply>;
  /** Replies with a given entry (a tapped suggestion or topic question); null for an unknown id. */
  replyWithEntry(conversationId: string, entryId: string): Promise<Reply | null>;
  /** Like `reply`, plus the top five candidates with their scores and matched terms. */
  explain(conversationId: string, text: string): Promise<Explanation>;
  /**
   * Each question of a pasted message (an e-mail to the helpdesk) with its best entries, in the order asked, by
   * the chatbot's own search and gate; without conversation state, nothing kept. A message without a question
   * sentence is read as one question. See `AnsweredQuestion`.
   *
   * ```ts
   * assistant.answerQuestions("Wat is een OPP? En moet ik het tekenen?").map((q) => q.matches[0]?.entry.id);
   * ```
   */
  answerQuestions(text: string, options?: Partial<AnswerQuestionsOptions>): AnsweredQuestion[];
  /** The best entries for a text, without conversation state (for the helpdesk console). */
  suggest(text: string, limit?: number): Array<{ entry: Entry; confidence: number }>;
  /** Forgets the conversation's state. */
  forget(conversationId: string): Promise<void>;
  topics(): TopicSummary[];
  entry(id: string): Entry | undefined;
  /** The citations of an entry, resolved against the source registry (empty for an unknown id). */
  citationsOf(id: string): ReplyCitation[];
  /** The letters a parent can send, in knowledge order. */
  letters(): LetterSummary[];
  /**
   * Fills a letter's blanks (see `fillLetter`): the letter, the problems per field, or null for an unknown id.
   * Nothing is kept: the values live only in the result.
   */
  fillLetter(id: string, values: Readonly<Record<string, string>>): FilledLetter | LetterProblems | null;
  readonly entryCount: number;
}

/**
 * The conversation state after one more turn: the kinds of danger of its crisis replies so far, with `found`; and, for
 * the next turn only, the dangers this message showed one cue of (`cues`) that no crisis reply has covered.
 */
function nextState(
  state: ConversationState | undefined,
  lastEntryId: string | null,
  found: Danger[] = [],
  cues: Danger[] = [],
  recent = false,
): ConversationState {
  const crisis = [...new Set([...(state?.crisis ?? []), ...found])];
  // Cues of a danger already answered with the help lines are covered by `crisis`.
  const open = cues.filter((d) => !crisis.includes(d));
  // The last message's cues stay one more turn; older ones are dropped.
  const earlier = (state?.cues ?? []).filter((d) => !crisis.includes(d));
  return {
    lastEntryId,
    turns: (state?.turns ?? 0) + 1,
    ...(crisis.length > 0 ? { crisis } : {}),
    ...(open.length > 0 ? { cues: open } : {}),
    ...(earlier.length > 0 ? { earlierCues: earlier } : {}),
    ...(recent && crisis.length > 0 ? { recent: true } : {}),
  };
}

/** The state without the dangers a message explained away (and without `recent` when no danger is left). */
function withoutDangers(state: ConversationState, explained: readonly Danger[]): ConversationState {
  const crisis = (state.crisis ?? []).filter((d) => !explained.includes(d));
  const cues = (state.cues ?? []).filter((d) => !explained.includes(d));
  const earlierCues = (state.earlierCues ?? []).filter((d) => !explained.includes(d));
  return {
    lastEntryId: state.lastEntryId,
    turns: state.turns,
    ...(crisis.length > 0 ? { crisis } : {}),
    ...(cues.length > 0 ? { cues } : {}),
    ...(earlierCues.length > 0 ? { earlierCues } : {}),
    ...(crisis.length > 0 && state.recent ? { recent: true } : {}),
  };
}

/**
 * Builds the assistant from validated knowledge.
 *
 * ```ts
 * const assistant = createAssistant(knowledge);
 * const reply = await assistant.reply("c1", "Wat is een TLV?");
 * ```
 */
/* eslint-disable-next-line max-lines-per-function -- the closure compiles the knowledge once (index, crisis rules
   and model, deadline rules, letters) and its steps are small inner functions over that compiled state; splitting it
   would pass the same dozen values between modules. Each step is tested through `reply` and `answerQuestions`. */
export function createAssistant(knowledge: Knowledge, options: Partial<AssistantOptions> = {}): Assistant {
  const opts: AssistantOptions = {
    store: options.store ?? new MemoryConversationStore(),
    now: options.now ?? (() => new Date()),
    thresholds: { ...defaultThresholds, ...options.thresholds },
    maxMessageLength: options.maxMessageLength ?? 1000,
    search: options.search ?? {},
    gate: options.gate ?? (defaultGateModel as GateModel),
  };
  const analyzer = createKnowledgeAnalyzer(knowledge);
  const engine = createSearchEngine(knowledge.entries, analyzer, opts.search, createRarity());
  const gate = opts.gate;
  const intents = createIntentMatcher(knowledge.intents);
  const { detector: compiledCrisis, issues: crisisIssues } = compileCrisis(knowledge.crisis);
  if (!compiledCrisis)
    throw new Error(`crisis rules do not compile: ${crisisIssues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  const crisisDetector = compiledCrisis;
  // The statistical second opinion: wordings no rule foresaw (src/core/crisis-model.ts).
  const crisisModel = createCrisisModel(crisisModelFile);
  /**
   * The crisis finding of a message, and its cues: the dangers at least one sign points to (none where benign words
   * explain the danger away). One reading of the rules serves the finding, the model and the reply's safety offer.
   */
  const detectCrisis = (
    text: string,
    remembered: readonly Danger[] = [],
  ): { finding?: CrisisFinding; cues: Danger[]; explained: Danger[] } => {
    // `remembered`: the dangers of an earlier crisis reply, and those the previous message showed one cue of. A
    // message that explains a danger away ("met papier bij handvaardigheid" after "ik heb mezelf gesneden") carries
    // none of those it explains; the others stay.
    const { finding: byRules, weights, benign, settled, explains } = crisisDetector.examine(text);
    const explained = remembered.length > 0 ? explains(remembered) : [];
    // Harm the message tells as over ("hij is veroordeeld, er is geen contact") is no cue for the model either.
    const cues = benign ? [] : [...weights].filter(([d, w]) => w >= 1 && !settled.includes(d)).map(([d]) => d);
    if (byRules) {
      // The rules name what they saw; where the model is sure of another kind of danger (a farewell story of a child
      // who is also gone), its help lines come too.
      const also = crisisModel.detect(text, false);
      if (!also || byRules.dangers.includes(also.danger)) return { finding: byRules, cues, explained };
      return { finding: { ...byRules, dangers: [...byRules.dangers, also.danger] }, cues, explained };
    }
    // A danger this conversation already showed (a crisis reply earlier on) is completed by one cue of it now, as two
    // cues complete it within one message. Only the labels were kept, never the earlier text.
    const carried = remembered.filter((d) => cues.includes(d) && !explained.includes(d));
    if (carried.length > 0)
      return { finding: { dangers: carried, signals: ["conversation"], rest: text }, cues, explained };
    // The model widens the rules: where a rule saw at least one cue of the danger the model names, at its threshold;
    // elsewhere only at the stricter one, chosen for at most 0.1 % false crisis replies (scripts/fit-crisis.ts). A
    // cue counts only for the danger the model names ("ik ben op" is a cue of a parent at the end of their rope, not
    // of a child's suicide). Where benign words explain the danger away, no cue counts: the stricter threshold.
    const named = benign ? undefined : crisisModel.detect(text, true);
    const byModel = named && cues.includes(named.danger) ? named : crisisModel.detect(text, false);
    if (!byModel) return { cues, explained };
    // Sure enough without a cue, the model may still name a danger other than one the rules nearly found (weight 1.5:
    // a strong signal halved by benign words, or a cue and a half): the help lines of both. One stray cue adds nothing.
    const cued = benign
      ? []
      : [...weights]
          .filter(([d, w]) => w >= 1.5 && d !== byModel.danger)
          .sort((a, b) => b[1] - a[1])
          .map(([d]) => d);
    // The model does not say which sentence carries the danger: the whole message is offered to the school answer,
    // which is given only when it matches an entry clearly (a tired parent's question still gets its answer).
    return { finding: { dangers: [...cued, byModel.danger], signals: ["model"], rest: text }, cues, explained };
  };
  const entries = new Map(knowledge.entries.map((e) => [e.id, e]));
  const letters = knowledge.letters ?? [];
  const lettersByEntry = new Map<string, typeof letters>();
  for (const l of letters) for (const id of l.entries) lettersByEntry.set(id, [...(lettersByEntry.get(id) ?? []), l]);
  const letterSummaries = letters.map(summarizeLetter);
  const sources = new Map(knowledge.sources.map((s) => [s.id, s]));
  const T = opts.thresholds;
  // Compiled once: trigger patterns are checked on every message that contains a date.
  const deadlineRules = knowledge.deadlines.map(compileDeadlineRule);
  /** The term of an entry's subject computed from the date the parent ties to its event, if both exist. */
  const deadlinesFor = (entryId: string, text: string) => {
    const compiled = deadlineRules.find((d) => d.rule.entries.includes(entryId));
    const start = compiled ? bindDate(compiled, text, opts.now()) : null;
    return compiled && start ? computeDeadlines(compiled.rule, start, opts.now()) : undefined;
  };
  const questionTypeOf = new Map(knowledge.entries.map((e) => [e.id, intents.questionType(normalize(e.question))]));
  /** Favours entries whose main question is of the same kind as the parent's question. */
  const sameTypeBoost = (normalized: string) => {
    const type = intents.questionType(normalized);
    return (id: string) => (type !== null && questionTypeOf.get(id) === type ? 1.25 : 1);
  };

  const cite = (citations: Citation[]): ReplyCitation[] =>
    citations.flatMap((c) => {
      const s = sources.get(c.source);
      if (!s) return [];
      return [
        {
          sourceId: s.id,
          title: s.title,
          section: c.section,
          publisher: s.publisher,
          ...(s.url ? { url: s.url } : {}),
        },
      ];
    });

  /** Entries offered by their question; tapping one answers that entry. */
  const entryChoices = (ids: string[]): ReplyChoice[] =>
    ids.flatMap((id) => {
      const e = entries.get(id);
      return e ? [{ label: e.question, action: { type: "entry" as const, answerId: e.id } }] : [];
    });
  /** A fixed suggestion of the knowledge base: the handoff when it asks for a person, else a text to send. */
  const textChoice = (label: string): ReplyChoice =>
    intents.handoff(normalize(label))
      ? { label, action: { type: "intent", intent: "handoff" } }
      : { label, action: { type: "text", text: label } };
  /** Sets a reply's choices and, from their labels, its suggestions (docs/CONTRACT.md keeps the bare strings). */
  const offer = (reply: Reply, choices: ReplyChoice[]): void => {
    reply.choices = choices;
    reply.suggestions = choices.map((c) => c.label);
  };
  /** Puts an entry first among the choices (at most three). */
  const offerFirst = (reply: Reply, entry: Entry): void =>
    offer(
      reply,
      [...entryChoices([entry.id]), ...(reply.choices ?? []).filter((c) => c.label !== entry.question)].slice(0, 3),
    );

  function answerReply(
    entry: Entry,
    confidence: number,
    extra?: { prefix?: string; deadlines?: ReturnType<typeof computeDeadlines> },
  ): Reply {
    // With computed dates in front, the answer keeps as many whole paragraphs as fit the reply's length.
    const head = [extra?.prefix, extra?.deadlines?.text].filter(Boolean).join("\n\n");
    const answer = head ? wholeParagraphs(entry.answer.trim(), MAX_REPLY_TEXT - head.length - 2) : entry.answer.trim();
    const parts = [head, answer].filter(Boolean);
    const citations = cite(entry.citations);
    if (extra?.deadlines) {
      for (const c of cite(extra.deadlines.rule.citations)) {
        if (!citations.some((x) => x.sourceId === c.sourceId)) citations.push(c);
      }
    }
    // A letter that belongs to this answer is offered first ("Wil je hulp bij een bezwaarbrief?").
    const offered: ReplyChoice[] = [
      ...(lettersByEntry.get(entry.id) ?? []).map((l) => ({
        label: l.suggestion,
        action: { type: "letter" as const, letterId: l.id },
      })),
      ...entryChoices(entry.related),
    ].slice(0, 3);
    return {
      kind: "answer",
      text: parts.join("\n\n"),
      answerId: entry.id,
      confidence: round(confidence),
      citations,
      nextSteps: [...entry.nextSteps],
      suggestions: offered.map((c) => c.label),
      choices: offered,
      ...(lettersByEntry.has(entry.id)
        ? {
            letters: (lettersByEntry.get(entry.id) ?? []).map((l) => ({
              id: l.id,
              title: l.title,
              suggestion: l.suggestion,
            })),
          }
        : {}),
      topic: entry.topic,
      question: entry.question,
      legalBasis: [...entry.legalBasis],
      reviewed: entry.reviewed,
      ...(extra?.deadlines ? { deadlines: extra.deadlines.dates } : {}),
    };
  }

  function fixedReply(
    kind: Reply["kind"],
    r: { text: string; nextSteps?: string[]; suggestions?: string[]; citations?: Citation[] },
    confidence = 1,
  ): Reply {
    const offered = (r.suggestions ?? []).map(textChoice);
    return {
      kind,
      text: r.text.trim(),
      answerId: null,
      confidence,
      citations: cite(r.citations ?? []),
      nextSteps: [...(r.nextSteps ?? [])],
      suggestions: offered.map((c) => c.label),
      choices: offered,
      topic: null,
    };
  }

  type Kind = "answer" | "clarify" | "fallback";
  interface Judged {
    outcome: SearchOutcome;
    kind: Kind;
    /** The first candidates, each with the gate's probability that it is a right answer, best first. */
    ranked: Array<{ candidate: Candidate; p: number; features: MatchFeatures }>;
    /** The probability of the best: the reply's confidence. */
    p: number;
    usedContext: boolean;
    /** Whether the gate read the context as the story around a question (see `candidateFeatures`). */
    story: boolean;
  }
  /** The gate: how likely each of the first candidates is a right answer, and what to do with the best. */
  function judge(outcome: SearchOutcome, usedContext: boolean, story = usedContext): Judged {
    const ranked = outcome.candidates.slice(0, JUDGED_CANDIDATES).flatMap((candidate, i) => {
      const features = candidateFeatures(outcome, i, story);
      return features ? [{ candidate, features, p: probability(gate, features) }] : [];
    });
    ranked.sort((a, b) => b.p - a.p);
    const p = ranked[0]?.p ?? 0;
    const kind: Kind = p >= gate.answer ? "answer" : p >= gate.clarify ? "clarify" : "fallback";
    return { outcome, kind, ranked, p, usedContext, story };
  }
  const rank = (j: Judged) => (j.kind === "answer" ? 2 : j.kind === "clarify" ? 1 : 0) + j.p;

  /** Searches the message on its own, and with the previous answer as context when it looks like a follow-up. */
  function resolve(
    text: string,
    normalized: string,
    state: ConversationState | undefined,
    asked: string = normalized,
  ): Judged {
    const ignoreUnknown = intents.isEnglish(normalized);
    const typeBoost = sameTypeBoost(asked);
    const alone = judge(engine.search({ text, ignoreUnknown, boostEntry: typeBoost }), false);
    const prev = state?.lastEntryId ? entries.get(state.lastEntryId) : undefined;
    if (!prev) return alone;
    const looksFollowUp = intents.isFollowUp(normalized) || alone.outcome.units.length <= 2;
    if (alone.kind === "answer" && !looksFollowUp) return alone;
    const related = new Set(prev.related);
    const withContext = judge(
      engine.search({
        text,
        ignoreUnknown,
        context: `${prev.question} ${prev.tags.join(" ")}`,
        boostEntry: (id) =>
          typeBoost(id) *
          (id === prev.id ? 0.6 : related.has(id) ? 1.3 : entries.get(id)?.topic === prev.topic ? 1.1 : 1),
      }),
      true,
      false,
    );
    const aloneTop = alone.ranked[0]?.candidate;
    const ctxTop = withContext.ranked[0]?.candidate;
    // A message that stands on its own strongly keeps its own answer, even if it starts with "en".
    if (
      alone.kind === "answer" &&
      aloneTop &&
      aloneTop.coverage >= T.strong &&
      ctxTop?.id !== aloneTop.id &&
      !intents.isFollowUp(normalized)
    )
      return alone;
    if (withContext.kind === "answer" || (withContext.kind === "clarify" && alone.kind === "fallback"))
      return withContext;
    return alone;
  }

  /** One question sentence of a longer message, searched with the rest of the message as context. */
  function resolveQuestion(question: Sentence, read: ReadMessage): Judged {
    return searchQuestion(question.text, storyAround(question, read));
  }

  /** A question searched with the story around it as low-weight context. */
  function searchQuestion(question: string, story: string, maxContextTerms?: number): Judged {
    const normalized = normalize(question);
    return judge(
      engine.search({
        text: question,
        context: story,
        ignoreUnknown: intents.isEnglish(normalized),
        ...(maxContextTerms === undefined ? {} : { maxContextTerms }),
        boostEntry: sameTypeBoost(normalized),
      }),
      story.length > 0,
    );
  }

  /**
   * Every way to read the message: as a whole, and (in a message of several sentences) its first two question
   * sentences with the story as context (a third changed no evaluation figure and cost a quarter of the work of a
   * long message); without a question sentence, the last sentence, where parents put their question.
   */
  function searchVariants(
    read: ReadMessage,
    body: string,
    state: ConversationState | undefined,
  ): Array<{ source: SearchVariant["source"]; text: string; judged: Judged }> {
    // The kind of question (what is, may, when) is read from the first question sentence: a story starts with its
    // facts and asks later ("... de school wil hem laten testen. Mag dat zonder mijn toestemming?").
    const firstQuestion = read.sentences.length > 1 ? read.sentences.find((s) => s.question) : undefined;
    const asked = normalize(firstQuestion ? firstQuestion.text : body);
    const variants: Array<{ source: SearchVariant["source"]; text: string; judged: Judged }> = [
      { source: "message", text: body, judged: resolve(body, normalize(body), state, asked) },
    ];
    if (read.sentences.length > 1) {
      const questions = read.sentences.filter((s) => s.question);
      const last = read.sentences[read.sentences.length - 1];
      const targets = questions.length > 0 ? questions.slice(0, 2) : last ? [last] : [];
      for (const q of targets) variants.push({ source: "question", text: q.text, judged: resolveQuestion(q, read) });
    }
    return variants;
  }

  /**
   * How the chatbot searches a message once it is known to be a question about school: every way of reading it
   * (without its dates: those are read by the deadline rules), and the best.
   */
  function searchMessage(read: ReadMessage, body: string, state: ConversationState | undefined) {
    const searchRead = withoutDates(read, opts.now());
    const variants = searchVariants(searchRead, searchRead.body.length > 0 ? searchRead.body : body, state);
    const best = variants.reduce((a, b) => (rank(b.judged) > rank(a.judged) ? b : a));
    return { variants, best };
  }

  /** Each question of a message with its best entries: see `Assistant.answerQuestions`. */
  function answerQuestions(rawText: string, options: Partial<AnswerQuestionsOptions>): AnsweredQuestion[] {
    const o = { ...defaultAnswerQuestionsOptions, ...options };
    const read = readMessage(sanitize(rawText).slice(0, o.maxChars));
    const asked = read.sentences.filter((s) => s.question).slice(0, o.maxQuestions);
    const whole = clip(read.body, o.contextChars);
    const targets = asked.length > 0 ? asked : whole.length > 0 ? [{ text: whole, question: false }] : [];
    return targets.map((q) => {
      // The chatbot's reading of the question typed on its own (a new conversation) …
      const aloneRead = readMessage(q.text);
      const alone = searchMessage(aloneRead, aloneRead.body.length > 0 ? aloneRead.body : q.text, undefined).best
        .judged;
      // … and of the question within the message, with the story around it as context; not needed when the question
      // alone is answered with confidence (this bounds the work of a long paste of plain questions).
      const sure = alone.kind === "answer" && alone.p >= SURE_ALONE;
      const story = q.question && !sure ? clip(blankDates(storyAround(q, read), opts.now()), o.contextChars) : "";
      const within = story ? searchQuestion(blankDates(q.text, opts.now()), story, ASSIST_CONTEXT_TERMS) : undefined;
      const readings = within ? [alone, within] : [alone];
      const best = readings.reduce((a, b) => (rank(b) > rank(a) ? b : a));
      return {
        question: q.text,
        asked: q.question,
        kind: best.kind,
        matches: bestMatches(readings, o.limit).flatMap(({ id, p }) => {
          const entry = entries.get(id);
          return entry ? [{ entry, confidence: round(p) }] : [];
        }),
      };
    });
  }

  /**
   * The best entries of several readings of one question, each with the gate's probability, best first. The
   * entry each reading puts first (what the chatbot gives, or offers first when in doubt) is always kept.
   */
  function bestMatches(readings: Judged[], limit: number): Array<{ id: string; p: number }> {
    const best = new Map<string, number>();
    for (const j of readings) {
      j.outcome.candidates.slice(0, limit + 2).forEach((c, i) => {
        const features = candidateFeatures(j.outcome, i, j.story);
        const p = features ? probability(gate, features) : 0;
        if (p > (best.get(c.id) ?? -1)) best.set(c.id, p);
      });
    }
    const ordered = [...best].sort((a, b) => b[1] - a[1]);
    const keep = new Set(readings.flatMap((j) => j.ranked[0]?.candidate.id ?? []).slice(0, limit));
    for (const [id] of ordered) if (keep.size < limit) keep.add(id);
    return ordered.filter(([id]) => keep.has(id)).map(([id, p]) => ({ id, p }));
  }

  /**
   * In a conversation that showed danger, what the knowledge does not answer ("ze is 12", "wat moet ik doen?") gets the
   * help lines of that danger again, never "geen antwoord"; a question in doubt between entries keeps its choices below.
   */
  function crisisAgain(dangers: Danger[], candidates: Candidate[]): Reply {
    const reply = fixedReply("crisis", crisisDetector.compose(dangers));
    reply.dangers = [...dangers];
    if (candidates.length > 0) offer(reply, entryChoices(clarifyPicks(candidates)));
    return reply;
  }

  /** Puts the answer to the school question under a crisis reply's help lines. */
  function withSchoolAnswer(reply: Reply, school: Entry): Reply {
    reply.text = `${reply.text}\n\n${knowledge.crisis.reply.schoolHeading}\n\n**${school.question}**\n\n${school.answer.trim()}`;
    reply.nextSteps.push(...school.nextSteps);
    for (const c of cite(school.citations))
      if (!reply.citations.some((x) => x.sourceId === c.sourceId && x.section === c.section)) reply.citations.push(c);
    reply.question = school.question;
    reply.topic = school.topic;
    return reply;
  }

  /**
   * A message with one sign of danger, too little for a crisis reply, that the knowledge does not answer: a line and a
   * button to the help lines ("Ik maak me zorgen over de veiligheid van een kind", itself a crisis message), so that a
   * parent who wrote of danger in few words is not left with "geen antwoord" alone.
   */
  function offerSafety(reply: Reply, cues: readonly Danger[]): void {
    if (cues.length === 0) return;
    const { text: line, choice } = knowledge.crisis.reply.oneSign;
    reply.text = `${reply.text}\n\n${line}`;
    offer(reply, [textChoice(choice), ...(reply.choices ?? [])].slice(0, 4));
  }

  /** The entries a reply in doubt offers: up to three, each scoring at least a third of the best. */
  const clarifyPicks = (candidates: Candidate[]): string[] => {
    const top = candidates[0];
    return candidates
      .filter((c) => top && c.score >= top.score * 0.35)
      .slice(0, 3)
      .map((c) => c.id);
  };

  function clarifyReply(candidates: Candidate[], confidence: number): Reply {
    const reply = fixedReply("clarify", { text: knowledge.intents.clarify.text }, round(confidence));
    offer(reply, entryChoices(clarifyPicks(candidates)));
    return reply;
  }

  async function respond(
    conversationId: string,
    rawText: string,
    explain: boolean,
  ): Promise<{ reply: Reply; explanation?: Omit<Explanation, "reply"> }> {
    const text = sanitize(rawText);
    const state = await opts.store.get(conversationId);
    const normalized = normalize(text);

    // Crisis wins over everything, also in an over-long message: the help lines first, then the answer to a school
    // question the message also asks (a frightened parent still needs to know what to do at school tomorrow).
    const { finding, cues, explained } = detectCrisis(text.slice(0, Math.max(opts.maxMessageLength * 2, 2000)), [
      ...(state?.crisis ?? []),
      ...(state?.cues ?? []),
      ...(state?.earlierCues ?? []),
    ]);
    // A message that explains an earlier danger away ends it: no help lines again for what the knowledge does not
    // answer, nothing carried to a next cue. Dangers it does not explain stay.
    const kept = explained.length > 0 && state ? withoutDangers(state, explained) : state;
    const save = (lastEntryId: string | null, found?: Danger[], recent = false) =>
      opts.store.set(conversationId, nextState(kept, lastEntryId, found, cues, recent));
    if (finding) {
      // The dangers this conversation's earlier crisis replies named stay open until a message explains them away: a
      // parent who adds a new danger ("hij staat nu bij het spoor") still needs the lines of the first one.
      const dangers = [...new Set([...finding.dangers, ...(kept?.crisis ?? [])])];
      const reply = crisisAgain(dangers, []);
      const school =
        finding.rest.length >= 8 && finding.rest.length <= opts.maxMessageLength
          ? schoolAnswer(finding.rest)
          : undefined;
      if (school) withSchoolAnswer(reply, school);
      await save(school?.id ?? state?.lastEntryId ?? null, finding.dangers, true);
      return { reply };
    }
    if (normalized.length === 0) {
      const empty =
        text.length === 0
          ? 'Ik heb geen vraag ontvangen. Typ je vraag in gewone woorden, bijvoorbeeld: "Wat is een OPP?"'
          : 'Ik kan alleen tekst lezen, geen plaatjes of emoji. Typ je vraag in gewone woorden, bijvoorbeeld: "Wat is een OPP?"';
      return {
        reply: fixedReply(
          "clarify",
          { text: empty, suggestions: ["Wat is passend onderwijs?", "Wat kun jij allemaal?"] },
          0,
        ),
      };
    }
    if (text.length > opts.maxMessageLength) {
      return {
        reply: fixedReply(
          "clarify",
          {
            text: `Je bericht is te lang (${text.length} tekens). Ik kan berichten tot ${opts.maxMessageLength} tekens lezen. Stel je vraag korter, het liefst in een of twee zinnen.`,
          },
          0,
        ),
      };
    }
    // Greeting, sign-off and thanks carry no question; a greeting alone, or "goedemorgen, wat kun je?", is smalltalk.
    const read = readMessage(text);
    const body = read.body.length > 0 ? read.body : text;
    // A wish to talk to a person counts in a short message or in a question sentence, not in the story around it
    // ("iedereen praat over mijn kind, niemand met mij").
    const asked =
      read.sentences.length <= 2
        ? normalized
        : normalize(
            read.sentences
              .filter((s) => s.question)
              .map((s) => s.text)
              .join(" "),
          );
    if (asked && intents.handoff(asked)) {
      await save(state?.lastEntryId ?? null);
      return { reply: fixedReply("handoff", knowledge.intents.handoff) };
    }
    const small =
      intents.smalltalk(normalized) ?? (read.sentences.length === 1 ? intents.smalltalk(normalize(body)) : undefined);
    if (small) {
      await save(state?.lastEntryId ?? null);
      return { reply: fixedReply("smalltalk", small) };
    }

    // Dates are read by the deadline rules; as words they would only dilute the search ("12 01 2026").
    const { variants, best } = searchMessage(read, body, state);
    const { outcome, kind, p, usedContext } = best.judged;
    // A short message the knowledge does not answer, with the words of smalltalk ("je snapt me niet", "wie heeft
    // jou gemaakt?"): that smalltalk, not "geen antwoord". In doubt between entries (clarify), only the cues of
    // smalltalk that asks something count: "hallo, ik heb een vraag over de TLV" offers the TLV entries.
    const cued =
      kind === "answer"
        ? undefined
        : intents.smalltalkCue(normalized, read.sentences.some((s) => s.question) || kind === "clarify");
    if (cued) {
      await save(state?.lastEntryId ?? null);
      return { reply: fixedReply("smalltalk", cued) };
    }
    const confidence = p;
    const judgedCandidates = best.judged.ranked.map((r) => r.candidate);
    const english = intents.isEnglish(normalized);
    let reply: Reply;
    const top = judgedCandidates[0];
    // Right after a crisis reply, a danger no message explained away stays on top: the help lines again, the school
    // answer below them (a child who told of danger and now asks about school still sees where to get help). Only
    // once: later school questions get their answer alone, the help lines stay for what it cannot answer.
    const linesAbove = kind === "answer" && top && kept?.recent ? kept.crisis : undefined;
    // A term is computed only for the subject answered (or, for a message that adds a date to the previous
    // answer, that answer's subject) and only from a date the parent ties to the event the term counts from.
    const previous = state?.lastEntryId ? entries.get(state.lastEntryId) : undefined;
    const followUpDeadlines = kind !== "answer" && previous ? deadlinesFor(previous.id, text) : undefined;
    // In doubt between a few entries, a date tied to the event of one of them settles which is meant.
    const dated =
      kind === "clarify" && !followUpDeadlines
        ? judgedCandidates
            .concat(outcome.candidates)
            .slice(0, 3)
            .map((c) => ({ c, d: deadlinesFor(c.id, text) }))
            .find((x) => x.d)
        : undefined;
    if (followUpDeadlines && previous) {
      reply = answerReply(previous, Math.max(confidence, 0.7), { deadlines: followUpDeadlines });
    } else if (dated?.d) {
      reply = answerReply(entries.get(dated.c.id) as Entry, confidence, { deadlines: dated.d });
    } else if (linesAbove && top) {
      reply = withSchoolAnswer(crisisAgain(linesAbove, []), entries.get(top.id) as Entry);
    } else if (kind === "answer" && top) {
      const deadlines = deadlinesFor(top.id, text);
      reply = answerReply(entries.get(top.id) as Entry, confidence, {
        ...(english ? { prefix: `_${knowledge.intents.english.note}_` } : {}),
        ...(deadlines ? { deadlines } : {}),
      });
      const second = secondAnswer(variants, top.id);
      if (second) addSecondAnswer(reply, second);
    } else if (kept?.crisis?.length) {
      reply = crisisAgain(kept.crisis, kind === "clarify" ? judgedCandidates : []);
    } else if (kind === "clarify") {
      reply = clarifyReply(judgedCandidates, confidence);
    } else {
      reply = fixedReply("fallback", knowledge.intents.fallback, round(confidence));
      if (english) reply.text = `_${knowledge.intents.english.note}_\n\n${reply.text}`;
    }
    if (reply.kind === "fallback" || reply.kind === "clarify") offerSafety(reply, cues);
    // The entry in doubt (also under the help lines of a crisis conversation) is the context of the next message.
    await save(
      reply.kind === "answer"
        ? reply.answerId
        : linesAbove && top
          ? top.id
          : kind === "clarify"
            ? (judgedCandidates[0]?.id ?? state?.lastEntryId ?? null)
            : reply.kind === "crisis"
              ? (state?.lastEntryId ?? null)
              : null,
      undefined,
      // The help lines shown again for what the knowledge cannot answer; not those above a school answer.
      reply.kind === "crisis" && !linesAbove,
    );
    return explain ? { reply, explanation: explanationOf(outcome, usedContext, variants) } : { reply };
  }

  /** What `--explain` shows: the units read, the candidates and each reading of the message. */
  function explanationOf(
    outcome: SearchOutcome,
    usedContext: boolean,
    variants: ReturnType<typeof searchMessage>["variants"],
  ): Omit<Explanation, "reply"> {
    return {
      units: outcome.units,
      usedContext,
      candidates: outcome.candidates.slice(0, 5).map((c) => ({
        id: c.id,
        question: entries.get(c.id)?.question ?? "",
        score: round(c.score, 3),
        coverage: round(c.coverage, 3),
        match: c.match,
      })),
      variants: variants.map((v) => ({
        source: v.source,
        text: v.text,
        usedContext: v.judged.usedContext,
        topId: v.judged.ranked[0]?.candidate.id ?? null,
        p: round(v.judged.p, 4),
        ranked: v.judged.ranked.map((r) => ({ id: r.candidate.id, p: round(r.p, 4), features: r.features })),
      })),
    };
  }

  /** A second question of the same message that the gate answers with another entry. */
  function secondAnswer(
    variants: Array<{ source: SearchVariant["source"]; judged: Judged }>,
    firstId: string,
  ): Entry | undefined {
    // The second question of a message is answered when the gate is fairly sure (halfway between clarify and
    // answer): it stands under its own question heading, so a parent sees at once what was understood.
    const bar = (gate.answer + gate.clarify) / 2;
    const questions = variants.filter((v) => v.source === "question" && v.judged.p >= bar);
    if (questions.length < 2) return undefined;
    const other = questions
      .map((v) => v.judged.ranked[0]?.candidate.id)
      .find((id) => id !== undefined && id !== firstId);
    return other ? entries.get(other) : undefined;
  }

  /**
   * Two questions in one message: both answers, each under its own question (the first as `question`). The second answer is shortened to
   * whole paragraphs when the reply would grow too long, and its question is offered to tap for the full answer.
   */
  function addSecondAnswer(reply: Reply, second: Entry): void {
    // Channels show the first question above the text (Reply.question); the second stands above its answer.
    const head = reply.text;
    const room = MAX_TWO_ANSWERS - head.length - second.question.length - 10;
    const paragraphs = second.answer.trim().split(/\n\s*\n/);
    let body = "";
    for (const para of paragraphs) {
      const next = body ? `${body}\n\n${para}` : para;
      if (next.length > room) break;
      body = next;
    }
    if (!body) {
      offerFirst(reply, second);
      return;
    }
    reply.text = `${head}\n\n**${second.question}**\n\n${body}`;
    if (body.length < second.answer.trim().length) offerFirst(reply, second);
    for (const step of second.nextSteps)
      if (!reply.nextSteps.includes(step) && reply.nextSteps.length < 6) reply.nextSteps.push(step);
    for (const c of cite(second.citations))
      if (!reply.citations.some((x) => x.sourceId === c.sourceId && x.section === c.section)) reply.citations.push(c);
    for (const l of second.legalBasis) if (!reply.legalBasis?.includes(l)) reply.legalBasis?.push(l);
    reply.also = [{ answerId: second.id, question: second.question }];
  }

  /** The entry that answers the school question in a crisis message, only when the match is a clear answer. */
  function schoolAnswer(rest: string): Entry | undefined {
    const read = readMessage(rest);
    const body = read.body.length > 0 ? read.body : rest;
    const best = searchVariants(read, body, undefined).reduce((a, b) => (rank(b.judged) > rank(a.judged) ? b : a));
    const top = best.judged.ranked[0]?.candidate;
    return best.judged.kind === "answer" && top ? entries.get(top.id) : undefined;
  }

  const topicSummaries: TopicSummary[] = knowledge.topics.map((t) => ({
    id: t.id,
    label: t.label,
    entries: knowledge.entries.filter((e) => e.topic === t.id).map((e) => ({ id: e.id, question: e.question })),
  }));

  return {
    reply: async (conversationId, text) => (await respond(conversationId, text, false)).reply,
    async explain(conversationId, text) {
      const { reply, explanation } = await respond(conversationId, text, true);
      return { units: [], usedContext: false, candidates: [], variants: [], ...explanation, reply };
    },
    async replyWithEntry(conversationId, entryId) {
      const entry = entries.get(entryId);
      if (!entry) return null;
      const state = await opts.store.get(conversationId);
      await opts.store.set(conversationId, nextState(state, entry.id));
      return answerReply(entry, 1);
    },
    answerQuestions: (text, options = {}) => answerQuestions(text, options),
    suggest(text, limit = 3) {
      const outcome = engine.search({ text: sanitize(text).slice(0, 5000) });
      return outcome.candidates.slice(0, limit).flatMap((c, i) => {
        const entry = entries.get(c.id);
        if (!entry) return [];
        return [{ entry, confidence: round(i === 0 ? judge(outcome, false).p : Math.min(1, c.coverage * 0.8)) }];
      });
    },
    forget: (conversationId) => opts.store.delete(conversationId),
    topics: () => topicSummaries,
    entry: (id) => entries.get(id),
    citationsOf: (id) => {
      const e = entries.get(id);
      return e ? cite(e.citations) : [];
    },
    letters: () => letterSummaries,
    fillLetter(id, values) {
      const letter = letters.find((l) => l.id === id);
      return letter ? fillLetter(letter, knowledge.deadlines, values, opts.now()) : null;
    },
    entryCount: knowledge.entries.length,
  };
}

/** The Dutch analyzer configured with the knowledge base's stopwords, synonyms and vocabulary. */
export function createKnowledgeAnalyzer(knowledge: Pick<Knowledge, "synonyms" | "entries">): Analyzer {
  const { synonyms } = knowledge;
  // Snowball's short Dutch list plus the broader stopwords-iso list (filler like "eigenlijk", "steeds", "gewoon").
  const stopwords = new Set(
    [...Object.keys(new StopwordsNl().dictionary), ...isoStopwords.nl].map(normalize).filter(Boolean),
  );
  for (const w of synonyms.stopwords.add) stopwords.add(normalize(w));
  for (const w of synonyms.stopwords.keep) stopwords.delete(normalize(w));
  const parts = new Set(synonyms.compoundParts.map(normalize));
  for (const e of knowledge.entries) {
    for (const w of tokenize(normalize(`${e.question} ${e.answer} ${e.tags.join(" ")}`))) {
      if (w.length >= 4 && !stopwords.has(w)) parts.add(w);
    }
  }
  const stemmer = new StemmerNl();
  const lemmas = new Map(Object.entries(synonyms.lemmas).map(([w, l]) => [normalize(w), normalize(l)]));
  return createAnalyzer({
    stopwords,
    compoundParts: parts,
    // A listed lemma wins; a stem that is a stopword ("allen", "men") is never a word's meaning: keep the word.
    stem: (w) => {
      const lemma = lemmas.get(w);
      if (lemma !== undefined) return lemma;
      const stem = stemmer.stemWord(w);
      return stopwords.has(stem) && !stopwords.has(w) ? w : stem;
    },
    synonyms: synonyms.groups.flatMap((g) => {
      const canonical = tokenize(normalize(g.canonical));
      return g.variants.map((v) => ({ variant: tokenize(normalize(v)), canonical }));
    }),
  });
}

/** The text with every date blanked out. */
function blankDates(text: string, today: Date): string {
  let out = text;
  for (const d of findDates(text, today).reverse()) out = `${out.slice(0, d.index)} ${out.slice(d.index + d.length)}`;
  return out.replace(/\s+/gu, " ").trim();
}

/** The message with every date blanked out, sentence by sentence. */
function withoutDates(read: ReadMessage, today: Date): ReadMessage {
  const sentences = read.sentences
    .map((s) => ({ ...s, text: blankDates(s.text, today) }))
    .filter((s) => s.text.length > 0);
  return { sentences, body: sentences.map((s) => s.text).join(" ") };
}

/** The sentences of a message around one of them: the story a question is asked in. */
function storyAround(question: Sentence, read: ReadMessage): string {
  return read.sentences
    .filter((s) => s !== question)
    .map((s) => s.text)
    .join(" ");
}

/** The text up to `max` characters, cut at a word boundary. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** Context words of a question's reading within its e-mail (assist), rarest first: the story's gist, not all of it. */
const ASSIST_CONTEXT_TERMS = 8;

/** The confidence from which a question read on its own needs no second reading within its e-mail (assist). */
const SURE_ALONE = 0.9;

/** Longest text of a reply with computed dates in front of the answer, in characters. */
const MAX_REPLY_TEXT = 1450;

/** The first paragraphs of a text that fit in `max` characters (at least the first). */
function wholeParagraphs(text: string, max: number): string {
  const paragraphs = text.split(/\n\s*\n/u);
  let out = paragraphs[0] ?? "";
  for (const p of paragraphs.slice(1)) {
    if (out.length + 2 + p.length > max) break;
    out = `${out}\n\n${p}`;
  }
  return out;
}

/** Longest text of a reply that answers two questions, in characters. */
const MAX_TWO_ANSWERS = 1450;

/** Removes control characters and collapses runs of white space; keeps line breaks, which separate a mail's parts. */
function sanitize(text: string): string {
  return (
    text
      .replace(/\r\n?/gu, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/gu, "")
      .replace(/[^\S\n]+/gu, " ")
      .replace(/ ?\n[\s]*/gu, (m) => (m.split("\n").length > 2 ? "\n\n" : "\n"))
      .trim()
  );
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
