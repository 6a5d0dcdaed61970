import type { ConversationStateStore } from "../core/index.js";

// The storage ports of the service. Implementations: memory (tests), SQLite (embedded default), PostgreSQL.
// Every text is masked for personal data (e-mail, phone, BSN, IBAN, postcode + house number) before it is written.

export type Channel = "web" | "telegram" | "cli" | "console";

export interface TurnInput {
  role: "parent" | "assistant";
  /** Text as typed or answered; the store masks personal data before writing. */
  text: string;
  kind?: string | null;
  answerId?: string | null;
  channel: Channel;
}

export interface TurnRecord {
  conversationId: string;
  seq: number;
  role: "parent" | "assistant";
  /** Masked text. */
  text: string;
  kind: string | null;
  answerId: string | null;
  channel: Channel;
  createdAt: Date;
}

/** Conversation state for follow-ups plus the masked transcript. */
export interface ConversationStore extends ConversationStateStore {
  appendTurn(conversationId: string, turn: TurnInput): Promise<void>;
  /** Appends several turns at once, in order and without other turns in between (one short transaction). */
  appendTurns(conversationId: string, turns: readonly TurnInput[]): Promise<void>;
  turns(conversationId: string): Promise<TurnRecord[]>;
  /** Whether the conversation has any state or turns. */
  exists(conversationId: string): Promise<boolean>;
  /** Erases state, turns and feedback of a conversation; true when something was erased. */
  erase(conversationId: string): Promise<boolean>;
  /** Deletes conversations whose last activity is before `cutoff`; returns how many. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export interface FeedbackInput {
  conversationId: string;
  answerId: string;
  helpful: boolean;
  /** Optional; masked before writing. */
  comment?: string;
}

export interface FeedbackRecord extends Required<Omit<FeedbackInput, "comment">> {
  comment: string | null;
  createdAt: Date;
}

export interface FeedbackStore {
  add(feedback: FeedbackInput): Promise<void>;
  list(since?: Date): Promise<FeedbackRecord[]>;
}

/** Telegram update ids seen recently, so a redelivered update is handled once. */
export interface UpdateLedger {
  /** Records the id; true when it was new, false when it was seen before. */
  claim(updateId: number): Promise<boolean>;
  /** Forgets ids recorded before `cutoff`. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export interface Stores {
  readonly kind: "memory" | "sqlite" | "postgres";
  conversations: ConversationStore;
  feedback: FeedbackStore;
  updates: UpdateLedger;
  /** Throws when the backing database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
