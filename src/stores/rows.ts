// Rows as SQLite and PostgreSQL return them, and the one mapper per record that turns a row into what the store
// ports promise. SQLite keeps times as epoch milliseconds and booleans as 0/1; PostgreSQL returns Date objects,
// booleans and bigint ids as strings. The mappers accept both, so the rules of a record live in one place.
import type {
  AuditRecord,
  Channel,
  ContactKind,
  FeedbackRecord,
  HandoffChannel,
  HandoffRecord,
  HandoffStatus,
  StaffRecord,
  StaffRole,
  TurnRecord,
  TurnRole,
} from "./types.js";
import type { ConversationState } from "../core/index.js";
import { Danger } from "../core/knowledge/schema.js";

/** A point in time as a driver returns it: epoch milliseconds (SQLite) or a Date (PostgreSQL). */
export type RowTime = number | Date;
/** A flag as a driver returns it: 0/1 (SQLite) or a boolean (PostgreSQL). */
export type RowFlag = number | boolean;

export interface TurnRow {
  seq: number;
  role: string;
  text: string;
  kind: string | null;
  answer_id: string | null;
  channel: string;
  created_at: RowTime;
}

export interface FeedbackRow {
  conversation_id: string;
  answer_id: string;
  helpful: RowFlag;
  comment: string | null;
  created_at: RowTime;
}

export interface StaffRow {
  id: number;
  email: string;
  password_hash: string;
  role: string;
  disabled: RowFlag;
  created_at: RowTime;
}

export interface AuditRow {
  /** A string from PostgreSQL (bigint). */
  id: number | string;
  at: RowTime;
  staff_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
}

export interface HandoffRow {
  id: string;
  conversation_id: string;
  channel: string;
  status: string;
  contact_kind: string | null;
  contact_value: string | null;
  chat_ref: string | null;
  created_at: RowTime;
  requested_at: RowTime | null;
  claimed_by: number | null;
  claimed_at: RowTime | null;
  closed_at: RowTime | null;
  updated_at: RowTime;
  return_code_hash: string | null;
}

// The columns each read selects, in the order of the row types above.
export const turnColumns = "seq, role, text, kind, answer_id, channel, created_at";
export const feedbackColumns = "conversation_id, answer_id, helpful, comment, created_at";
export const staffColumns = "id, email, password_hash, role, disabled, created_at";
export const auditColumns = "id, at, staff_id, action, target_type, target_id";

const toDate = (t: RowTime): Date => (typeof t === "number" ? new Date(t) : t);
const toDateOrNull = (t: RowTime | null): Date | null => (t === null ? null : toDate(t));
const toFlag = (v: RowFlag): boolean => v === true || v === 1;

// The database's CHECK constraints admit only the values of these unions, hence the casts.
export function toTurn(conversationId: string, r: TurnRow): TurnRecord {
  return {
    conversationId,
    seq: r.seq,
    role: r.role as TurnRole,
    text: r.text,
    kind: r.kind,
    answerId: r.answer_id,
    channel: r.channel as Channel,
    createdAt: toDate(r.created_at),
  };
}

export function toFeedback(r: FeedbackRow): FeedbackRecord {
  return {
    conversationId: r.conversation_id,
    answerId: r.answer_id,
    helpful: toFlag(r.helpful),
    comment: r.comment,
    createdAt: toDate(r.created_at),
  };
}

export function toStaff(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    email: r.email,
    passwordHash: r.password_hash,
    role: r.role as StaffRole,
    disabled: toFlag(r.disabled),
    createdAt: toDate(r.created_at),
  };
}

export function toAudit(r: AuditRow): AuditRecord {
  return {
    id: Number(r.id),
    at: toDate(r.at),
    staffId: r.staff_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
  };
}

export function toHandoff(r: HandoffRow): HandoffRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    channel: r.channel as HandoffChannel,
    status: r.status as HandoffStatus,
    contactKind: r.contact_kind as ContactKind | null,
    contactValue: r.contact_value,
    chatRef: r.chat_ref,
    createdAt: toDate(r.created_at),
    requestedAt: toDateOrNull(r.requested_at),
    claimedBy: r.claimed_by,
    claimedAt: toDateOrNull(r.claimed_at),
    closedAt: toDateOrNull(r.closed_at),
    updatedAt: toDate(r.updated_at),
    returnCodeHash: r.return_code_hash ?? null,
  };
}

/** The conversation state columns of `conversations`. */
export interface StateRow {
  last_entry_id: string | null;
  state_turns: number | null;
  state_crisis: string | null;
}

const DANGERS: ReadonlySet<string> = new Set(Danger.options);

/** A state row as the core's conversation state; no row, or a cleared one, is no state. Unknown labels are dropped. */
export function toState(row: StateRow | undefined): ConversationState | undefined {
  if (!row || row.state_turns === null) return undefined;
  const labels = (row.state_crisis ?? "").split(",");
  /** The dangers of the labels with this prefix ("" for those of a crisis reply). */
  const dangersOf = (prefix: string) =>
    labels
      .filter((l) => l.startsWith(prefix))
      .map((l) => l.slice(prefix.length))
      .filter((d): d is Danger => DANGERS.has(d));
  const crisis = dangersOf("");
  const cues = dangersOf(CUE);
  const earlierCues = dangersOf(EARLIER_CUE);
  return {
    lastEntryId: row.last_entry_id,
    turns: row.state_turns,
    ...(crisis.length > 0 ? { crisis } : {}),
    ...(cues.length > 0 ? { cues } : {}),
    ...(earlierCues.length > 0 ? { earlierCues } : {}),
    ...(labels.includes(RECENT) ? { recent: true } : {}),
  };
}

/** The label that marks a last reply of kind crisis (see `ConversationState.recent`). */
const RECENT = "recent";

/** How a cue label is stored in the crisis column, next to the dangers of a crisis reply. */
const CUE = "cue:";
/** How a cue of the message before the last is stored (see `ConversationState.earlierCues`). */
const EARLIER_CUE = "cue2:";

/** The crisis labels of a state as stored: "suicide,abuse,cue:missing", or null. */
export const crisisColumn = (state: ConversationState): string | null => {
  const labels = [
    ...(state.crisis ?? []),
    ...(state.cues ?? []).map((d) => `${CUE}${d}`),
    ...(state.earlierCues ?? []).map((d) => `${EARLIER_CUE}${d}`),
    ...(state.recent ? [RECENT] : []),
  ];
  return labels.length > 0 ? labels.join(",") : null;
};
