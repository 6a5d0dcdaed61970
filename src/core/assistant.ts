import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import isoStopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { MemoryConversationStore, type ConversationState, type ConversationStateStore } from "./conversation.js";
import { compileCrisis } from "./crisis.js";
import { computeDeadlines, findDate } from "./deadlines.js";
import { createIntentMatcher } from "./intents.js";
import type { Citation, Entry, Knowledge } from "./knowledge/schema.js";
import type { Reply, ReplyCitation } from "./reply.js";
import { createSearchEngine, type Candidate, type SearchOptions, type SearchOutcome } from "./search/engine.js";
import { createAnalyzer, type Analyzer } from "./text/analyzer.js";
import { normalize, tokenize } from "./text/normalize.js";

export interface Thresholds {
  /** Minimum coverage of the best entry for an answer. */
  answer: number;
  /** Coverage at which the margin to the runner-up no longer matters. */
  strong: number;
  /** Minimum relative margin between the best and second entry when coverage is not strong. */
  margin: number;
  /** Minimum coverage for a clarifying question instead of a fallback. */
  clarify: number;
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
}

export const defaultThresholds: Thresholds = { answer: 0.3, strong: 0.75, margin: 0.02, clarify: 0.36 };

export interface ExplainedCandidate {
  id: string;
  question: string;
  score: number;
  coverage: number;
  /** Index term → fields it matched in. */
  match: Record<string, string[]>;
}

export interface Explanation {
  /** The analyzed query: each unit with its index terms. */
  units: Array<{ surface: string; terms: string[] }>;
  /** Whether the conversation context was used (a follow-up). */
  usedContext: boolean;
  candidates: ExplainedCandidate[];
  reply: Reply;
}

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
  /** The best entries for a text, without conversation state (for the helpdesk console). */
  suggest(text: string, limit?: number): Array<{ entry: Entry; confidence: number }>;
  /** Forgets the conversation's state. */
  forget(conversationId: string): Promise<void>;
  topics(): TopicSummary[];
  entry(id: string): Entry | undefined;
  /** The citations of an entry, resolved against the source registry (empty for an unknown id). */
  citationsOf(id: string): ReplyCitation[];
  readonly entryCount: number;
}

/**
 * Builds the assistant from validated knowledge.
 *
 * ```ts
 * const assistant = createAssistant(knowledge);
 * const reply = await assistant.reply("c1", "Wat is een TLV?");
 * ```
 */
export function createAssistant(knowledge: Knowledge, options: Partial<AssistantOptions> = {}): Assistant {
  const opts: AssistantOptions = {
    store: options.store ?? new MemoryConversationStore(),
    now: options.now ?? (() => new Date()),
    thresholds: { ...defaultThresholds, ...options.thresholds },
    maxMessageLength: options.maxMessageLength ?? 1000,
    search: options.search ?? {},
  };
  const analyzer = createKnowledgeAnalyzer(knowledge);
  const engine = createSearchEngine(knowledge.entries, analyzer, opts.search);
  const intents = createIntentMatcher(knowledge.intents);
  const { detector: compiledCrisis, issues: crisisIssues } = compileCrisis(knowledge.crisis);
  if (!compiledCrisis) throw new Error(`crisis rules do not compile: ${crisisIssues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  const crisisDetector = compiledCrisis;
  const entries = new Map(knowledge.entries.map((e) => [e.id, e]));
  const sources = new Map(knowledge.sources.map((s) => [s.id, s]));
  const T = opts.thresholds;
  // Compiled once: trigger patterns are checked on every message that contains a date.
  const deadlineTriggers = knowledge.deadlines.map((rule) => ({ rule, triggers: rule.triggers.map((t) => new RegExp(t, "u")) }));
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
      return [{ sourceId: s.id, title: s.title, section: c.section, publisher: s.publisher, ...(s.url ? { url: s.url } : {}) }];
    });

  const questionsOf = (ids: string[]) =>
    ids.flatMap((id) => {
      const e = entries.get(id);
      return e ? [e.question] : [];
    });

  function answerReply(entry: Entry, confidence: number, extra?: { prefix?: string; deadlines?: ReturnType<typeof computeDeadlines> }): Reply {
    const parts = [extra?.prefix, extra?.deadlines?.text, entry.answer.trim()].filter(Boolean);
    const citations = cite(entry.citations);
    if (extra?.deadlines) {
      for (const c of cite(extra.deadlines.rule.citations)) {
        if (!citations.some((x) => x.sourceId === c.sourceId)) citations.push(c);
      }
    }
    return {
      kind: "answer",
      text: parts.join("\n\n"),
      answerId: entry.id,
      confidence: round(confidence),
      citations,
      nextSteps: [...entry.nextSteps],
      suggestions: questionsOf(entry.related).slice(0, 3),
      topic: entry.topic,
      ...(extra?.deadlines ? { deadlines: extra.deadlines.dates } : {}),
    };
  }

  function fixedReply(kind: Reply["kind"], r: { text: string; nextSteps?: string[]; suggestions?: string[]; citations?: Citation[] }, confidence = 1): Reply {
    return {
      kind,
      text: r.text.trim(),
      answerId: null,
      confidence,
      citations: cite(r.citations ?? []),
      nextSteps: [...(r.nextSteps ?? [])],
      suggestions: [...(r.suggestions ?? [])],
      topic: null,
    };
  }

  function confidenceOf(candidates: Candidate[]): number {
    const [top, second] = candidates;
    if (!top) return 0;
    const margin = second ? (top.score - second.score) / top.score : 1;
    return Math.min(1, top.coverage * 0.8 + Math.min(margin, 0.5) * 0.4);
  }

  type Decision = { kind: "answer" | "clarify" | "fallback"; candidates: Candidate[] };
  function decide(outcome: SearchOutcome): Decision {
    // Only candidates that matched a specific word of the question (or nearly all of it) can answer.
    const usable = outcome.candidates.filter((c) => c.anchored || c.coverage >= T.strong);
    const [top, second] = usable;
    if (!top) return { kind: "fallback", candidates: outcome.candidates };
    const margin = second ? (top.score - second.score) / top.score : 1;
    if (top.coverage >= T.answer && (top.coverage >= T.strong || margin >= T.margin)) return { kind: "answer", candidates: usable };
    if (top.coverage >= T.clarify) return { kind: "clarify", candidates: usable };
    return { kind: "fallback", candidates: outcome.candidates };
  }

  /** Searches on its own, and with the previous answer as context when the message looks like a follow-up. */
  function resolve(text: string, normalized: string, state: ConversationState | undefined) {
    const ignoreUnknown = intents.isEnglish(normalized);
    const typeBoost = sameTypeBoost(normalized);
    const alone = engine.search({ text, ignoreUnknown, boostEntry: typeBoost });
    const aloneDecision = decide(alone);
    const prev = state?.lastEntryId ? entries.get(state.lastEntryId) : undefined;
    if (!prev) return { outcome: alone, decision: aloneDecision, usedContext: false };
    const looksFollowUp = intents.isFollowUp(normalized) || alone.units.length <= 2;
    if (aloneDecision.kind === "answer" && !looksFollowUp) return { outcome: alone, decision: aloneDecision, usedContext: false };
    const related = new Set(prev.related);
    const withContext = engine.search({
      text,
      ignoreUnknown,
      context: `${prev.question} ${prev.tags.join(" ")}`,
      boostEntry: (id) => typeBoost(id) * (id === prev.id ? 0.6 : related.has(id) ? 1.3 : entries.get(id)?.topic === prev.topic ? 1.1 : 1),
    });
    const ctxDecision = decide(withContext);
    const aloneTop = alone.candidates[0];
    const ctxTop = withContext.candidates[0];
    // A message that stands on its own strongly keeps its own answer, even if it starts with "en".
    if (aloneDecision.kind === "answer" && aloneTop && aloneTop.coverage >= T.strong && ctxTop?.id !== aloneTop.id && !intents.isFollowUp(normalized))
      return { outcome: alone, decision: aloneDecision, usedContext: false };
    if (ctxDecision.kind === "answer" || (ctxDecision.kind === "clarify" && aloneDecision.kind === "fallback"))
      return { outcome: withContext, decision: ctxDecision, usedContext: true };
    return { outcome: alone, decision: aloneDecision, usedContext: false };
  }

  function clarifyReply(candidates: Candidate[], confidence: number): Reply {
    const picks = candidates.filter((c) => c.coverage >= T.clarify * 0.8).slice(0, 3);
    return {
      ...fixedReply("clarify", { text: knowledge.intents.clarify.text }, round(confidence)),
      suggestions: questionsOf(picks.map((c) => c.id)),
    };
  }

  async function respond(conversationId: string, rawText: string, explain: boolean): Promise<{ reply: Reply; explanation?: Omit<Explanation, "reply"> }> {
    const text = sanitize(rawText);
    const state = await opts.store.get(conversationId);
    const save = (lastEntryId: string | null) => opts.store.set(conversationId, { lastEntryId, turns: (state?.turns ?? 0) + 1 });
    const normalized = normalize(text);

    // Crisis wins over everything, also in an over-long message: the help lines first, then the answer to a school
    // question the message also asks (a frightened parent still needs to know what to do at school tomorrow).
    const finding = crisisDetector.detect(text.slice(0, Math.max(opts.maxMessageLength * 2, 2000)));
    if (finding) {
      const help = crisisDetector.compose(finding.dangers);
      const reply = fixedReply("crisis", help);
      reply.dangers = finding.dangers;
      const school = finding.rest.length >= 8 && finding.rest.length <= opts.maxMessageLength ? schoolAnswer(finding.rest) : undefined;
      if (school) {
        reply.text = `${reply.text}\n\n${knowledge.crisis.reply.schoolHeading}\n\n**${school.question}**\n\n${school.answer.trim()}`;
        reply.nextSteps.push(...school.nextSteps);
        for (const c of cite(school.citations)) if (!reply.citations.some((x) => x.sourceId === c.sourceId && x.section === c.section)) reply.citations.push(c);
        reply.question = school.question;
        reply.topic = school.topic;
      }
      await save(school?.id ?? state?.lastEntryId ?? null);
      return { reply };
    }
    if (normalized.length === 0) {
      const empty = text.length === 0
        ? "Ik heb geen vraag ontvangen. Typ je vraag in gewone woorden, bijvoorbeeld: \"Wat is een OPP?\""
        : "Ik kan alleen tekst lezen, geen plaatjes of emoji. Typ je vraag in gewone woorden, bijvoorbeeld: \"Wat is een OPP?\"";
      return { reply: fixedReply("clarify", { text: empty, suggestions: ["Wat is passend onderwijs?", "Wat kun jij allemaal?"] }, 0) };
    }
    if (text.length > opts.maxMessageLength) {
      return {
        reply: fixedReply("clarify", {
          text: `Je bericht is te lang (${text.length} tekens). Ik kan berichten tot ${opts.maxMessageLength} tekens lezen. Stel je vraag korter, het liefst in een of twee zinnen.`,
        }, 0),
      };
    }
    if (intents.handoff(normalized)) {
      await save(state?.lastEntryId ?? null);
      return { reply: fixedReply("handoff", knowledge.intents.handoff) };
    }
    const small = intents.smalltalk(normalized);
    if (small) {
      await save(state?.lastEntryId ?? null);
      return { reply: fixedReply("smalltalk", small) };
    }

    const { outcome, decision, usedContext } = resolve(text, normalized, state);
    const confidence = confidenceOf(outcome.candidates);
    const english = intents.isEnglish(normalized);
    const date = findDate(text, opts.now());
    let reply: Reply;
    const top = decision.candidates[0];
    const deadlineRule = date ? pickDeadlineRule(normalized, decision.kind === "answer" ? top?.id : undefined) : undefined;
    if (date && deadlineRule) {
      const entry = (top && decision.kind === "answer" && deadlineRule.entries.includes(top.id) ? entries.get(top.id) : undefined) ??
        deadlineRule.entries.map((id) => entries.get(id)).find((e) => e !== undefined);
      reply = entry
        ? answerReply(entry, Math.max(confidence, 0.7), { deadlines: computeDeadlines(deadlineRule, date) })
        : fixedReply("fallback", knowledge.intents.fallback, 0);
    } else if (decision.kind === "answer" && top) {
      reply = answerReply(entries.get(top.id) as Entry, confidence, english ? { prefix: `_${knowledge.intents.english.note}_` } : undefined);
    } else if (decision.kind === "clarify") {
      reply = clarifyReply(decision.candidates, confidence);
    } else {
      reply = fixedReply("fallback", knowledge.intents.fallback, round(confidence));
      if (english) reply.text = `_${knowledge.intents.english.note}_\n\n${reply.text}`;
    }
    await save(reply.kind === "answer" ? reply.answerId : reply.kind === "clarify" ? state?.lastEntryId ?? null : null);
    if (!explain) return { reply };
    return {
      reply,
      explanation: {
        units: outcome.units,
        usedContext,
        candidates: outcome.candidates.slice(0, 5).map((c) => ({
          id: c.id,
          question: entries.get(c.id)?.question ?? "",
          score: round(c.score, 3),
          coverage: round(c.coverage, 3),
          match: c.match,
        })),
      },
    };
  }

  /** The entry that answers the school question in a crisis message, only when the match is a clear answer. */
  function schoolAnswer(rest: string): Entry | undefined {
    const outcome = engine.search({ text: rest, boostEntry: sameTypeBoost(normalize(rest)) });
    const decision = decide(outcome);
    const top = decision.candidates[0];
    return decision.kind === "answer" && top ? entries.get(top.id) : undefined;
  }

  function pickDeadlineRule(normalized: string, topId: string | undefined) {
    if (topId) {
      const byEntry = knowledge.deadlines.find((r) => r.entries.includes(topId));
      if (byEntry) return byEntry;
    }
    return deadlineTriggers.find((d) => d.triggers.some((re) => re.test(normalized)))?.rule;
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
      return { units: [], usedContext: false, candidates: [], ...explanation, reply };
    },
    async replyWithEntry(conversationId, entryId) {
      const entry = entries.get(entryId);
      if (!entry) return null;
      const state = await opts.store.get(conversationId);
      await opts.store.set(conversationId, { lastEntryId: entry.id, turns: (state?.turns ?? 0) + 1 });
      return answerReply(entry, 1);
    },
    suggest(text, limit = 3) {
      const outcome = engine.search({ text: sanitize(text).slice(0, 5000) });
      return outcome.candidates.slice(0, limit).flatMap((c, i) => {
        const entry = entries.get(c.id);
        if (!entry) return [];
        return [{ entry, confidence: round(i === 0 ? confidenceOf(outcome.candidates) : Math.min(1, c.coverage * 0.8)) }];
      });
    },
    forget: (conversationId) => opts.store.delete(conversationId),
    topics: () => topicSummaries,
    entry: (id) => entries.get(id),
    citationsOf: (id) => {
      const e = entries.get(id);
      return e ? cite(e.citations) : [];
    },
    entryCount: knowledge.entries.length,
  };
}

/** The Dutch analyzer configured with the knowledge base's stopwords, synonyms and vocabulary. */
export function createKnowledgeAnalyzer(knowledge: Pick<Knowledge, "synonyms" | "entries">): Analyzer {
  const { synonyms } = knowledge;
  // Snowball's short Dutch list plus the broader stopwords-iso list (filler like "eigenlijk", "steeds", "gewoon").
  const stopwords = new Set([...Object.keys(new StopwordsNl().dictionary), ...isoStopwords.nl].map(normalize).filter(Boolean));
  for (const w of synonyms.stopwords.add) stopwords.add(normalize(w));
  for (const w of synonyms.stopwords.keep) stopwords.delete(normalize(w));
  const parts = new Set(synonyms.compoundParts.map(normalize));
  for (const e of knowledge.entries) {
    for (const w of tokenize(normalize(`${e.question} ${e.answer} ${e.tags.join(" ")}`))) {
      if (w.length >= 4 && !stopwords.has(w)) parts.add(w);
    }
  }
  const stemmer = new StemmerNl();
  return createAnalyzer({
    stopwords,
    compoundParts: parts,
    stem: (w) => stemmer.stemWord(w),
    synonyms: synonyms.groups.flatMap((g) => {
      const canonical = tokenize(normalize(g.canonical));
      return g.variants.map((v) => ({ variant: tokenize(normalize(v)), canonical }));
    }),
  });
}

/** Removes control characters and collapses runs of white space. */
function sanitize(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
