// Dutch language tools for the channels, pure and without dependencies: the u/je rewriter for staff drafts.
// (Reading a parent's message, questions included, is the core's: src/core/text/message.ts.)

// Formal address
export { formalVerb, toFormal, traceFormal } from "./formal.js";
export type { FormalStep } from "./formal.js";
export { FORMAL_RULES } from "./formal-rules.js";
export type { FormalRule, InformalWord, NounClass, Rewrite, Site } from "./formal-rules.js";
export { INFORMAL_AFTER_U } from "./lexicon.js";
