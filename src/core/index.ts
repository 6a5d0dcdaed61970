// The core's public entry point. Channels (CLI, web, Telegram, console) import only from here.

// Answering
export {
  createAssistant,
  createKnowledgeAnalyzer,
  defaultAnswerQuestionsOptions,
  defaultThresholds,
} from "./assistant.js";
export type {
  AnsweredQuestion,
  AnswerQuestionsOptions,
  Assistant,
  AssistantOptions,
  Explanation,
  ExplainedCandidate,
  Thresholds,
  TopicSummary,
} from "./assistant.js";
export { Reply, ReplyAction, ReplyChoice, ReplyKind, ReplyCitation } from "./reply.js";
export { MemoryConversationStore } from "./conversation.js";
export { QUESTION_MAX_CHARS, isQuestion, readMessage, splitQuestions } from "./text/message.js";
export type { ReadMessage, Sentence } from "./text/message.js";
export type { ConversationState, ConversationStateStore } from "./conversation.js";

// Knowledge model
export {
  ANSWER_MAX_CHARS,
  Citation,
  CrisisFile,
  Danger,
  DeadlineFile,
  EntryFile,
  EntryInput,
  IntentFile,
  Source,
  SourceFile,
  SynonymFile,
  Topic,
  TopicFile,
} from "./knowledge/schema.js";
export type { DeadlineRule, Entry, Knowledge, Letter, LetterField } from "./knowledge/schema.js";
export { LetterFile } from "./knowledge/schema.js";
export {
  LETTER_LONG_MAX,
  LETTER_TEXT_MAX,
  fillLetter,
  isLetterProblems,
  parseLetterDate,
  summarizeLetter,
} from "./letters.js";
export type { FilledLetter, LetterProblems, LetterSummary } from "./letters.js";

// Errors
export { KnowledgeError } from "./errors.js";
export type { KnowledgeIssue } from "./errors.js";

// For tests and tooling
export { normalize, tokenize } from "./text/normalize.js";
export { createAnalyzer } from "./text/analyzer.js";
export type { Analyzer, AnalyzedUnit, AnalyzerOptions } from "./text/analyzer.js";
export { createSearchEngine, defaultSearchOptions } from "./search/engine.js";
export type { Candidate, SearchEngine, SearchOptions } from "./search/engine.js";
export { compileCrisis } from "./crisis.js";
export type { CrisisDetector, CrisisFinding, CrisisIssue } from "./crisis.js";
export {
  addDays,
  addMonths,
  bindDate,
  compileDeadlineRule,
  computeDeadlines,
  findDate,
  findDates,
  formatDutchDate,
} from "./deadlines.js";
export type { CompiledDeadlineRule, FoundDate } from "./deadlines.js";
