import type { Danger } from "./knowledge/schema.js";

/** What the core remembers of a conversation between turns: just enough to resolve follow-up questions. */
export interface ConversationState {
  /** The entry of the last answer, if the last reply was an answer. */
  lastEntryId: string | null;
  /** Number of turns so far. */
  turns: number;
  /**
   * The kinds of danger of a crisis reply earlier in this conversation (labels only, never text). A later message
   * that shows one cue of such a danger gets the crisis reply again: across turns, the way two cues count in one
   * message ("de kleine durft niks te zeggen want dan wordt het erger" after a turn about a brother who hurts him).
   */
  crisis?: Danger[];
  /**
   * The kinds of danger of which the last message showed a cue, too little for a crisis reply (labels only). A cue of
   * the same danger in the next message completes it, as two cues do in one message: a child who writes "zonder jas
   * en zonder telefoon" after "is de deur uit gerend" has told one message in two.
   */
  cues?: Danger[];
  /**
   * The cues of the message before the last, kept one turn longer (labels only): a child who asks where the highest
   * flat is, then writes something else, then "en dan springen" has told one danger over three messages.
   */
  earlierCues?: Danger[];
  /**
   * Whether the last reply was a crisis reply. The next school question the knowledge answers gets its answer below
   * the help lines once more; later ones get the answer alone (the help lines stay for what it cannot answer).
   */
  recent?: boolean;
}

/**
 * Where conversation state lives. The web service provides persistent stores (SQLite, PostgreSQL);
 * the memory store is the default for the command line and for tests.
 */
export interface ConversationStateStore {
  get(conversationId: string): Promise<ConversationState | undefined>;
  set(conversationId: string, state: ConversationState): Promise<void>;
  delete(conversationId: string): Promise<void>;
}

/**
 * Keeps state in a Map, bounded to `maxConversations` (oldest dropped first).
 * Like grammY's MemorySessionStorage: all state is lost on restart.
 */
export class MemoryConversationStore implements ConversationStateStore {
  private readonly map = new Map<string, ConversationState>();
  constructor(private readonly maxConversations = 10_000) {}

  get(id: string) {
    return Promise.resolve(this.map.get(id));
  }
  set(id: string, state: ConversationState) {
    this.map.delete(id);
    this.map.set(id, state);
    if (this.map.size > this.maxConversations) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return Promise.resolve();
  }
  delete(id: string) {
    this.map.delete(id);
    return Promise.resolve();
  }
}
