import { randomUUID } from "node:crypto";
import type { ConversationState } from "../core/index.js";
import type { BackendOptions } from "./options.js";
import {
  clampLimit,
  defaultAuditLimit,
  defaultHandoffLimit,
  normalizeEmail,
  patchChanges,
  priorSendClaim,
} from "./rules.js";
import { defaultStoreOptions } from "./options.js";
import type * as port from "./types.js";

interface MemoryConversation {
  state: ConversationState | undefined;
  turns: port.TurnRecord[];
  updatedAt: Date;
}

interface MemorySend {
  requestHash: string;
  conversationId: string | null;
  response: string | null;
  at: Date;
}

/** Everything a memory backend holds; the parts below share it (erasure and retention reach across). */
interface MemoryData {
  now: () => Date;
  conversations: Map<string, MemoryConversation>;
  feedback: port.FeedbackRecord[];
  sends: Map<string, MemorySend>;
  handoffs: Map<string, port.HandoffRecord>;
}

/**
 * The memory backend, for tests and the command line. Like grammY's MemorySessionStorage: everything is lost on
 * restart, and it only works for a single process. Behaves like the SQLite and PostgreSQL backends otherwise
 * (retention, erasure); it writes what it is given (masking is `maskingStores`' part, see `createMemoryStores`).
 */
export function createMemoryBackend(options: Partial<BackendOptions> = {}): port.Stores {
  const data: MemoryData = {
    now: options.now ?? defaultStoreOptions.now,
    conversations: new Map(),
    feedback: [],
    sends: new Map(),
    handoffs: new Map(),
  };
  let closed = false;
  const open = () => (closed ? Promise.reject(new Error("stores: the memory store is closed")) : Promise.resolve());
  return {
    kind: "memory",
    conversations: memoryConversations(data),
    feedback: memoryFeedback(data),
    updates: memoryUpdates(data.now),
    sends: memorySends(data),
    staff: memoryStaff(data.now),
    sessions: memorySessions(data.now),
    audit: memoryAudit(data.now),
    handoffs: memoryHandoffs(data),
    ping: open,
    checkWritable: open,
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

function memoryConversations({ now, conversations, feedback, sends, handoffs }: MemoryData): port.ConversationStore {
  const touch = (id: string): MemoryConversation => {
    let c = conversations.get(id);
    if (!c) {
      c = { state: undefined, turns: [], updatedAt: now() };
      conversations.set(id, c);
    }
    c.updatedAt = now();
    return c;
  };
  const appendTurns = (conversationId: string, turns: readonly port.TurnInput[]) => {
    const c = touch(conversationId);
    for (const t of turns) {
      c.turns.push({
        conversationId,
        seq: c.turns.length + 1,
        role: t.role,
        text: t.text,
        kind: t.kind ?? null,
        answerId: t.answerId ?? null,
        channel: t.channel,
        createdAt: c.updatedAt,
      });
    }
    return Promise.resolve();
  };
  return {
    get(id) {
      const s = conversations.get(id)?.state;
      return Promise.resolve(s ? { ...s } : undefined);
    },
    set(id, state) {
      touch(id).state = {
        lastEntryId: state.lastEntryId,
        turns: state.turns,
        ...(state.crisis ? { crisis: [...state.crisis] } : {}),
        ...(state.cues ? { cues: [...state.cues] } : {}),
        ...(state.earlierCues ? { earlierCues: [...state.earlierCues] } : {}),
        ...(state.recent ? { recent: true } : {}),
      };
      return Promise.resolve();
    },
    delete(id) {
      const c = conversations.get(id);
      if (c) c.state = undefined;
      return Promise.resolve();
    },
    appendTurn: (id, turn) => appendTurns(id, [turn]),
    appendTurns,
    turns(id) {
      return Promise.resolve((conversations.get(id)?.turns ?? []).map((t) => ({ ...t })));
    },
    exists(id) {
      const c = conversations.get(id);
      return Promise.resolve(c !== undefined && (c.state !== undefined || c.turns.length > 0));
    },
    erase(id) {
      for (const [key, s] of sends) if (s.conversationId === id) sends.delete(key);
      const f = removeWhere(feedback, (r) => r.conversationId === id);
      const h = deleteWhere(handoffs, (r) => r.conversationId === id);
      return Promise.resolve(conversations.delete(id) || f + h > 0);
    },
    purgeOlderThan(cutoff) {
      const purged = new Set<string>();
      for (const [id, c] of conversations) if (c.updatedAt < cutoff && conversations.delete(id)) purged.add(id);
      removeWhere(feedback, (f) => f.createdAt < cutoff || purged.has(f.conversationId));
      // Handoff requests go with their conversation; one whose conversation does not exist (any more) goes once
      // it is itself older than the cutoff (a fresh one may precede its conversation's first row).
      deleteWhere(
        handoffs,
        (r) => purged.has(r.conversationId) || (r.updatedAt < cutoff && !conversations.has(r.conversationId)),
      );
      return Promise.resolve(purged.size);
    },
    turnsSince(since, limit) {
      const all: port.TurnRecord[] = [];
      for (const c of conversations.values()) for (const t of c.turns) if (t.createdAt >= since) all.push(t);
      all.sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          compareStrings(a.conversationId, b.conversationId) ||
          a.seq - b.seq,
      );
      return Promise.resolve(all.slice(0, clampLimit(limit)).map((t) => ({ ...t })));
    },
  };
}

function memoryFeedback({ now, feedback }: MemoryData): port.FeedbackStore {
  return {
    add(f) {
      const { conversationId, answerId, helpful } = f;
      feedback.push({ conversationId, answerId, helpful, comment: f.comment ?? null, createdAt: now() });
      return Promise.resolve();
    },
    list(since) {
      return Promise.resolve(feedback.filter((f) => !since || f.createdAt >= since).map((f) => ({ ...f })));
    },
  };
}

function memorySends({ now, sends }: MemoryData): port.SendLedger {
  return {
    begin(clientId, requestHash) {
      const s = sends.get(clientId);
      if (s) return Promise.resolve(priorSendClaim(s, requestHash));
      sends.set(clientId, { requestHash, conversationId: null, response: null, at: now() });
      return Promise.resolve({ state: "new" });
    },
    complete(clientId, conversationId, response) {
      const s = sends.get(clientId);
      if (s) Object.assign(s, { conversationId, response });
      return Promise.resolve();
    },
    abandon(clientId) {
      if (sends.get(clientId)?.response === null) sends.delete(clientId);
      return Promise.resolve();
    },
    purgeOlderThan(cutoff) {
      return Promise.resolve(deleteWhere(sends, (s) => s.at < cutoff));
    },
  };
}

function memoryUpdates(now: () => Date): port.UpdateLedger {
  const updates = new Map<number, Date>();
  return {
    claim(updateId) {
      if (updates.has(updateId)) return Promise.resolve(false);
      updates.set(updateId, now());
      return Promise.resolve(true);
    },
    purgeOlderThan(cutoff) {
      return Promise.resolve(deleteWhere(updates, (at) => at < cutoff));
    },
  };
}

function memoryStaff(now: () => Date): port.StaffStore {
  const staff = new Map<number, port.StaffRecord>();
  let seq = 0;
  const byEmail = (email: string) => [...staff.values()].find((s) => s.email === normalizeEmail(email));
  const copy = (s: port.StaffRecord | undefined) => Promise.resolve(s && { ...s });
  const change = (id: number, fields: Partial<port.StaffRecord>) => {
    const s = staff.get(id);
    if (s) Object.assign(s, fields);
    return Promise.resolve(s !== undefined);
  };
  return {
    add(input) {
      if (byEmail(input.email)) return Promise.resolve(undefined);
      const { passwordHash, role } = input;
      const record = { id: ++seq, email: normalizeEmail(input.email), passwordHash, role, disabled: false };
      staff.set(record.id, { ...record, createdAt: now() });
      return copy(staff.get(record.id));
    },
    byEmail: (email) => copy(byEmail(email)),
    byId: (id) => copy(staff.get(id)),
    list() {
      return Promise.resolve([...staff.values()].sort((a, b) => a.id - b.id).map((s) => ({ ...s })));
    },
    setPassword: (id, passwordHash) => change(id, { passwordHash }),
    setDisabled: (id, disabled) => change(id, { disabled }),
    remove: (id) => Promise.resolve(staff.delete(id)),
  };
}

function memorySessions(now: () => Date): port.SessionStore {
  const sessions = new Map<string, { data: string; expiresAt: Date }>();
  const live = (sid: string) => {
    const s = sessions.get(sid);
    return s && s.expiresAt > now() ? s : undefined;
  };
  return {
    get(sid) {
      return Promise.resolve(live(sid)?.data);
    },
    set(sid, data, expiresAt) {
      sessions.set(sid, { data, expiresAt: new Date(expiresAt) });
      return Promise.resolve();
    },
    touch(sid, expiresAt) {
      const s = live(sid);
      if (s) s.expiresAt = new Date(expiresAt);
      return Promise.resolve();
    },
    destroy(sid) {
      sessions.delete(sid);
      return Promise.resolve();
    },
    purgeExpired() {
      const at = now();
      return Promise.resolve(deleteWhere(sessions, (s) => s.expiresAt <= at));
    },
  };
}

function memoryAudit(now: () => Date): port.AuditLog {
  const audit: port.AuditRecord[] = [];
  let seq = 0;
  return {
    append(e) {
      const { staffId, action, targetType, targetId } = e;
      audit.push({ id: ++seq, at: now(), staffId, action, targetType, targetId });
      return Promise.resolve();
    },
    list(filter = {}) {
      const rows = audit
        .filter(
          (r) =>
            (filter.targetId === undefined || r.targetId === filter.targetId) &&
            (filter.staffId === undefined || r.staffId === filter.staffId),
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
        .slice(0, clampLimit(filter.limit ?? defaultAuditLimit));
      return Promise.resolve(rows.map((r) => ({ ...r })));
    },
  };
}

function memoryHandoffs({ now, handoffs }: MemoryData): port.HandoffStore {
  const copy = (r: port.HandoffRecord | undefined) => Promise.resolve(r && { ...r });
  // The newest request of a conversation (ties broken by id, as the databases order them).
  const newest = (conversationId: string, open: boolean) => {
    let best: port.HandoffRecord | undefined;
    for (const r of handoffs.values()) {
      if (r.conversationId !== conversationId || (open && r.status === "closed")) continue;
      if (!best || (r.createdAt.getTime() - best.createdAt.getTime() || compareStrings(r.id, best.id)) > 0) best = r;
    }
    return best;
  };
  return {
    start(input) {
      const { conversationId, channel, chatRef } = input;
      deleteWhere(handoffs, (r) => r.conversationId === conversationId && ["consent", "contact"].includes(r.status));
      const at = now();
      const record: port.HandoffRecord = {
        id: randomUUID(),
        conversationId,
        channel,
        status: "consent",
        contactKind: null,
        contactValue: null,
        chatRef,
        createdAt: at,
        requestedAt: null,
        claimedBy: null,
        claimedAt: null,
        closedAt: null,
        updatedAt: at,
        returnCodeHash: null,
      };
      handoffs.set(record.id, record);
      return Promise.resolve({ ...record });
    },
    get: (id) => copy(handoffs.get(id)),
    active: (conversationId) => copy(newest(conversationId, true)),
    latest: (conversationId) => copy(newest(conversationId, false)),
    byReturnCode(hash) {
      let best: port.HandoffRecord | undefined;
      for (const r of handoffs.values()) {
        if (r.returnCodeHash !== hash || (r.status !== "open" && r.status !== "claimed")) continue;
        if (!best || (r.createdAt.getTime() - best.createdAt.getTime() || compareStrings(r.id, best.id)) > 0) best = r;
      }
      return copy(best);
    },
    transition(id, from, patch, where = {}) {
      const r = handoffs.get(id);
      if (!r || !from.includes(r.status)) return copy(undefined);
      if (where.claimedBy !== undefined && r.claimedBy !== where.claimedBy) return copy(undefined);
      for (const { field, value } of patchChanges(patch)) Object.assign(r, { [field]: value });
      r.updatedAt = now();
      return copy(r);
    },
    list(statuses, limit = defaultHandoffLimit) {
      const key = (r: port.HandoffRecord) => (r.requestedAt ?? r.createdAt).getTime();
      const rows = [...handoffs.values()]
        .filter((r) => statuses.includes(r.status))
        .sort((a, b) => key(a) - key(b) || compareStrings(a.id, b.id))
        .slice(0, clampLimit(limit));
      return Promise.resolve(rows.map((r) => ({ ...r })));
    },
  };
}

/** Byte order, as the databases compare ids (COLLATE "C"). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Removes the items matching `predicate` in place; returns how many. */
function removeWhere<T>(items: T[], predicate: (item: T) => boolean): number {
  const before = items.length;
  let w = 0;
  for (const item of items) if (!predicate(item)) items[w++] = item;
  items.length = w;
  return before - w;
}

/** Deletes the entries whose value matches `predicate`; returns how many. */
function deleteWhere<K, V>(map: Map<K, V>, predicate: (value: V) => boolean): number {
  let n = 0;
  for (const [key, value] of map) if (predicate(value) && map.delete(key)) n++;
  return n;
}
