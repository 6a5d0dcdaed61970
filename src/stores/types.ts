import type { ConversationStateStore } from "../core/index.js";

// The storage ports of the service. Implementations: memory (tests), SQLite (embedded default), PostgreSQL.
// Every text is masked for personal data (e-mail, phone, BSN, IBAN, postcode + house number) before it is written.

export type Channel = "web" | "telegram" | "cli" | "console";

/** Who wrote a turn: the parent, the assistant, or a staff member answering a handoff request. */
export type TurnRole = "parent" | "assistant" | "staff";

export interface TurnInput {
  role: TurnRole;
  /** Text as typed or answered; the store masks personal data before writing. */
  text: string;
  kind?: string | null;
  answerId?: string | null;
  channel: Channel;
}

export interface TurnRecord {
  conversationId: string;
  seq: number;
  role: TurnRole;
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
  /** Erases state, turns, feedback, handoff requests and sends of a conversation; true when something was erased. */
  erase(conversationId: string): Promise<boolean>;
  /** Deletes conversations whose last activity is before `cutoff` (with their turns, feedback and handoff
   * requests); returns how many conversations. */
  purgeOlderThan(cutoff: Date): Promise<number>;
  /** All turns written at or after `since`, oldest first, at most `limit` (for the console's insights). */
  turnsSince(since: Date, limit: number): Promise<TurnRecord[]>;
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

export type StaffRole = "agent" | "admin";

export interface StaffRecord {
  id: number;
  /** Lower-cased. */
  email: string;
  /** Self-describing hash string (see src/console/password.ts); never the password. */
  passwordHash: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: Date;
}

/** Helpdesk staff accounts. E-mail addresses are compared lower-cased. */
export interface StaffStore {
  /** Creates an account; undefined when the e-mail address is taken. */
  add(input: { email: string; passwordHash: string; role: StaffRole }): Promise<StaffRecord | undefined>;
  byEmail(email: string): Promise<StaffRecord | undefined>;
  byId(id: number): Promise<StaffRecord | undefined>;
  list(): Promise<StaffRecord[]>;
  setPassword(id: number, passwordHash: string): Promise<boolean>;
  setDisabled(id: number, disabled: boolean): Promise<boolean>;
  /** Deletes the account (audit rows keep its id); true when it existed. */
  remove(id: number): Promise<boolean>;
}

/** Server-side login sessions (the data is express-session's JSON; no message text). */
export interface SessionStore {
  /** The session's JSON, or undefined when missing or expired. */
  get(sid: string): Promise<string | undefined>;
  set(sid: string, data: string, expiresAt: Date): Promise<void>;
  /** Moves the expiry of an existing session. */
  touch(sid: string, expiresAt: Date): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Deletes expired sessions; returns how many. */
  purgeExpired(): Promise<number>;
}

export interface AuditEvent {
  /** The staff member who acted; null for events without one (a failed login for an unknown address). */
  staffId: number | null;
  /** e.g. "login", "login.failed", "logout", "conversation.view", "conversation.erase", "handoff.claim", "handoff.reply", "handoff.close",
   * "conversation.erase", "insights.export", "suggestion.create". */
  action: string;
  /** What was acted on, by id only: never content. */
  targetType: string | null;
  targetId: string | null;
}

export interface AuditRecord extends AuditEvent {
  id: number;
  at: Date;
}

/** Append-only audit trail of staff actions. Not purged by retention. */
export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Newest first. */
  list(filter?: { targetId?: string; staffId?: number; limit?: number }): Promise<AuditRecord[]>;
}

/**
 * consent: the bot asked whether staff may read the conversation; contact: it asked how to reach the parent;
 * open: waiting for staff; claimed: a staff member took it; closed: done (or the parent declined).
 */
export type HandoffStatus = "consent" | "contact" | "open" | "claimed" | "closed";
export type HandoffChannel = "web" | "telegram";
export type ContactKind = "chat" | "phone" | "email";

export interface HandoffRecord {
  /** Random UUID. */
  id: string;
  conversationId: string;
  channel: HandoffChannel;
  status: HandoffStatus;
  contactKind: ContactKind | null;
  /** The phone number or e-mail address the parent typed to be reached; stored as given (not masked, but without
   * control characters, like all text). */
  contactValue: string | null;
  /** Telegram: the chat id, needed to send the staff reply. Null for the web. */
  chatRef: string | null;
  createdAt: Date;
  /** When the parent completed the request (status became open). */
  requestedAt: Date | null;
  claimedBy: number | null;
  claimedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  /** The SHA-256 (hex) of the code a parent uses to come back to an open web request on another device. */
  returnCodeHash: string | null;
}

export type HandoffPatch = Partial<
  Pick<
    HandoffRecord,
    | "status"
    | "contactKind"
    | "contactValue"
    | "requestedAt"
    | "claimedBy"
    | "claimedAt"
    | "closedAt"
    | "returnCodeHash"
  >
>;

/** An extra condition of `HandoffStore.transition`. */
export interface HandoffCondition {
  claimedBy?: number | null;
}

/** Requests of parents to talk to a person. Deleted together with their conversation (retention, erasure). */
export interface HandoffStore {
  /** Starts a request in status "consent"; an unfinished one (consent/contact) of the same conversation is replaced. */
  start(input: { conversationId: string; channel: HandoffChannel; chatRef: string | null }): Promise<HandoffRecord>;
  get(id: string): Promise<HandoffRecord | undefined>;
  /** The newest request of the conversation that is not closed. */
  active(conversationId: string): Promise<HandoffRecord | undefined>;
  /** The newest request of the conversation, closed or not. */
  latest(conversationId: string): Promise<HandoffRecord | undefined>;
  /**
   * Applies the patch only while the status is one of `from` and, when `where.claimedBy` is given, the request is
   * claimed by that staff member (null: by nobody), in one atomic step; the updated record, else undefined. Of two
   * staff members claiming the same open request at once, one wins: the other's condition no longer holds.
   */
  transition(
    id: string,
    from: readonly HandoffStatus[],
    patch: HandoffPatch,
    where?: HandoffCondition,
  ): Promise<HandoffRecord | undefined>;
  /** The open or claimed request with this return code hash (see HandoffRecord.returnCodeHash), if any. */
  byReturnCode(hash: string): Promise<HandoffRecord | undefined>;
  /** Requests in these statuses, oldest requestedAt (else createdAt) first. */
  list(statuses: readonly HandoffStatus[], limit?: number): Promise<HandoffRecord[]>;
}

export type SendClaim =
  { state: "new" } | { state: "pending" } | { state: "done"; response: string } | { state: "conflict" };

/**
 * The widget's sends by client message id (docs/RELIABILITY.md W-08): a retried send gets the first answer instead of a
 * second reply. Holds a hash of the request and the JSON answer (the bot's reply, no parent text); deleted with
 * the conversation and after a day.
 */
export interface SendLedger {
  /** "new" when the id is first seen (the caller answers, then calls complete); "conflict" for another body. */
  begin(clientId: string, requestHash: string): Promise<SendClaim>;
  complete(clientId: string, conversationId: string, response: string): Promise<void>;
  /** Forgets a claim whose request failed, so that a retry runs it again. */
  abandon(clientId: string): Promise<void>;
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export interface Stores {
  readonly kind: "memory" | "sqlite" | "postgres";
  sends: SendLedger;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  updates: UpdateLedger;
  staff: StaffStore;
  sessions: SessionStore;
  audit: AuditLog;
  handoffs: HandoffStore;
  /** Throws when the backing database cannot be reached. */
  ping(): Promise<void>;
  /**
   * Writes a heartbeat (the row of update id -1 in the Telegram ledger, never a real update id) to check that the
   * database accepts writes; throws StoreUnavailableError when it does not (disk full, read-only, unreachable).
   */
  checkWritable(): Promise<void>;
  close(): Promise<void>;
}
