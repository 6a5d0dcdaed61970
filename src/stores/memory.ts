import { randomUUID } from "node:crypto";
import type { ConversationState } from "../core/index.js";
import { storeOptions, turnMasker, type StoreOptions } from "./options.js";
import { storableOrNull } from "./text.js";
import type {
  SendLedger,
  AuditLog,
  AuditRecord,
  ConversationStore,
  FeedbackRecord,
  FeedbackStore,
  HandoffRecord,
  HandoffStore,
  SessionStore,
  StaffRecord,
  StaffStore,
  Stores,
  TurnInput,
  TurnRecord,
  UpdateLedger,
} from "./types.js";

interface MemoryConversation {
  state: ConversationState | undefined;
  turns: TurnRecord[];
  updatedAt: Date;
}

/**
 * Stores in memory, for tests and the command line. Like grammY's MemorySessionStorage: everything is lost on
 * restart, and it only works for a single process. Behaves like the SQLite and PostgreSQL stores otherwise
 * (masking, retention, erasure).
 */
export function createMemoryStores(options: Partial<StoreOptions> = {}): Stores {
  const { mask, now } = storeOptions(options);
  const maskTurn = turnMasker(mask);
  const conversations = new Map<string, MemoryConversation>();
  const feedback: FeedbackRecord[] = [];
  const updates = new Map<number, Date>();
  const sends = new Map<
    string,
    { requestHash: string; conversationId: string | null; response: string | null; at: Date }
  >();
  const staff = new Map<number, StaffRecord>();
  let staffSeq = 0;
  const sessions = new Map<string, { data: string; expiresAt: Date }>();
  const audit: AuditRecord[] = [];
  const handoffs = new Map<string, HandoffRecord>();
  let closed = false;

  const touch = (id: string): MemoryConversation => {
    let c = conversations.get(id);
    if (!c) {
      c = { state: undefined, turns: [], updatedAt: now() };
      conversations.set(id, c);
    }
    c.updatedAt = now();
    return c;
  };

  const appendTurns = async (conversationId: string, turns: readonly TurnInput[]) => {
    const c = touch(conversationId);
    for (const t of turns) {
      c.turns.push({
        conversationId,
        seq: c.turns.length + 1,
        role: t.role,
        text: maskTurn(t),
        kind: t.kind ?? null,
        answerId: t.answerId ?? null,
        channel: t.channel,
        createdAt: c.updatedAt,
      });
    }
  };

  const conversationStore: ConversationStore = {
    async get(id) {
      const s = conversations.get(id)?.state;
      return s ? { ...s } : undefined;
    },
    async set(id, state) {
      touch(id).state = { lastEntryId: state.lastEntryId, turns: state.turns };
    },
    async delete(id) {
      const c = conversations.get(id);
      if (c) c.state = undefined;
    },
    appendTurn: (id, turn) => appendTurns(id, [turn]),
    appendTurns,
    async turns(id) {
      return (conversations.get(id)?.turns ?? []).map((t) => ({ ...t }));
    },
    async exists(id) {
      const c = conversations.get(id);
      return c !== undefined && (c.state !== undefined || c.turns.length > 0);
    },
    async erase(id) {
      for (const [key, s] of sends) if (s.conversationId === id) sends.delete(key);
      const before = feedback.length;
      removeWhere(feedback, (f) => f.conversationId === id);
      let h = 0;
      for (const [hid, r] of handoffs) if (r.conversationId === id && handoffs.delete(hid)) h++;
      return conversations.delete(id) || feedback.length < before || h > 0;
    },
    async purgeOlderThan(cutoff) {
      const purged = new Set<string>();
      for (const [id, c] of conversations) {
        if (c.updatedAt < cutoff) {
          conversations.delete(id);
          purged.add(id);
        }
      }
      removeWhere(feedback, (f) => f.createdAt < cutoff || purged.has(f.conversationId));
      // Handoff requests go with their conversation; one whose conversation does not exist (any more) goes once
      // it is itself older than the cutoff (a fresh one may precede its conversation's first row).
      for (const [hid, r] of handoffs) {
        if (purged.has(r.conversationId) || (r.updatedAt < cutoff && !conversations.has(r.conversationId)))
          handoffs.delete(hid);
      }
      return purged.size;
    },
    async turnsSince(since, limit) {
      const all: TurnRecord[] = [];
      for (const c of conversations.values()) for (const t of c.turns) if (t.createdAt >= since) all.push(t);
      all.sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0) ||
          a.seq - b.seq,
      );
      return all.slice(0, clampLimit(limit)).map((t) => ({ ...t }));
    },
  };

  const feedbackStore: FeedbackStore = {
    async add(f) {
      feedback.push({
        conversationId: f.conversationId,
        answerId: f.answerId,
        helpful: f.helpful,
        comment: f.comment === undefined ? null : mask(f.comment),
        createdAt: now(),
      });
    },
    async list(since) {
      return feedback.filter((f) => !since || f.createdAt >= since).map((f) => ({ ...f }));
    },
  };

  const sendLedger: SendLedger = {
    async begin(clientId, requestHash) {
      const s = sends.get(clientId);
      if (!s) {
        sends.set(clientId, { requestHash, conversationId: null, response: null, at: now() });
        return { state: "new" };
      }
      if (s.requestHash !== requestHash) return { state: "conflict" };
      return s.response === null ? { state: "pending" } : { state: "done", response: s.response };
    },
    async complete(clientId, conversationId, response) {
      const s = sends.get(clientId);
      if (s) Object.assign(s, { conversationId, response });
    },
    async abandon(clientId) {
      const s = sends.get(clientId);
      if (s && s.response === null) sends.delete(clientId);
    },
    async purgeOlderThan(cutoff) {
      let n = 0;
      for (const [key, s] of sends) if (s.at < cutoff && sends.delete(key)) n++;
      return n;
    },
  };

  const ledger: UpdateLedger = {
    async claim(updateId) {
      if (updates.has(updateId)) return false;
      updates.set(updateId, now());
      return true;
    },
    async purgeOlderThan(cutoff) {
      let n = 0;
      for (const [id, at] of updates) {
        if (at < cutoff) {
          updates.delete(id);
          n++;
        }
      }
      return n;
    },
  };

  const staffStore: StaffStore = {
    async add(input) {
      const email = normalizeEmail(input.email);
      for (const s of staff.values()) if (s.email === email) return undefined;
      const record: StaffRecord = {
        id: ++staffSeq,
        email,
        passwordHash: input.passwordHash,
        role: input.role,
        disabled: false,
        createdAt: now(),
      };
      staff.set(record.id, record);
      return { ...record };
    },
    async byEmail(email) {
      const e = normalizeEmail(email);
      for (const s of staff.values()) if (s.email === e) return { ...s };
      return undefined;
    },
    async byId(id) {
      const s = staff.get(id);
      return s ? { ...s } : undefined;
    },
    async list() {
      return [...staff.values()].sort((a, b) => a.id - b.id).map((s) => ({ ...s }));
    },
    async setPassword(id, passwordHash) {
      const s = staff.get(id);
      if (s) s.passwordHash = passwordHash;
      return s !== undefined;
    },
    async setDisabled(id, disabled) {
      const s = staff.get(id);
      if (s) s.disabled = disabled;
      return s !== undefined;
    },
    async remove(id) {
      return staff.delete(id);
    },
  };

  const sessionStore: SessionStore = {
    async get(sid) {
      const s = sessions.get(sid);
      return s && s.expiresAt > now() ? s.data : undefined;
    },
    async set(sid, data, expiresAt) {
      sessions.set(sid, { data, expiresAt: new Date(expiresAt) });
    },
    async touch(sid, expiresAt) {
      const s = sessions.get(sid);
      if (s && s.expiresAt > now()) s.expiresAt = new Date(expiresAt);
    },
    async destroy(sid) {
      sessions.delete(sid);
    },
    async purgeExpired() {
      const at = now();
      let n = 0;
      for (const [sid, s] of sessions) {
        if (s.expiresAt <= at) {
          sessions.delete(sid);
          n++;
        }
      }
      return n;
    },
  };

  let auditSeq = 0;
  const auditLog: AuditLog = {
    async append(e) {
      audit.push({
        id: ++auditSeq,
        at: now(),
        staffId: e.staffId,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
      });
    },
    async list(filter = {}) {
      return audit
        .filter(
          (r) =>
            (filter.targetId === undefined || r.targetId === filter.targetId) &&
            (filter.staffId === undefined || r.staffId === filter.staffId),
        )
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
        .slice(0, clampLimit(filter.limit ?? 100))
        .map((r) => ({ ...r }));
    },
  };

  const copyHandoff = (r: HandoffRecord): HandoffRecord => ({ ...r });
  const handoffStore: HandoffStore = {
    async start(input) {
      for (const [hid, r] of handoffs) {
        if (r.conversationId === input.conversationId && (r.status === "consent" || r.status === "contact"))
          handoffs.delete(hid);
      }
      const at = now();
      const record: HandoffRecord = {
        id: randomUUID(),
        conversationId: input.conversationId,
        channel: input.channel,
        status: "consent",
        contactKind: null,
        contactValue: null,
        chatRef: input.chatRef,
        createdAt: at,
        requestedAt: null,
        claimedBy: null,
        claimedAt: null,
        closedAt: null,
        updatedAt: at,
      };
      handoffs.set(record.id, record);
      return copyHandoff(record);
    },
    async get(id) {
      const r = handoffs.get(id);
      return r ? copyHandoff(r) : undefined;
    },
    async active(conversationId) {
      let best: HandoffRecord | undefined;
      for (const r of handoffs.values()) {
        if (r.conversationId !== conversationId || r.status === "closed") continue;
        if (
          !best ||
          r.createdAt.getTime() > best.createdAt.getTime() ||
          (r.createdAt.getTime() === best.createdAt.getTime() && r.id > best.id)
        )
          best = r;
      }
      return best ? copyHandoff(best) : undefined;
    },
    async latest(conversationId) {
      let best: HandoffRecord | undefined;
      for (const r of handoffs.values()) {
        if (r.conversationId !== conversationId) continue;
        if (
          !best ||
          r.createdAt.getTime() > best.createdAt.getTime() ||
          (r.createdAt.getTime() === best.createdAt.getTime() && r.id > best.id)
        )
          best = r;
      }
      return best ? copyHandoff(best) : undefined;
    },
    async transition(id, from, patch, where = {}) {
      const r = handoffs.get(id);
      if (!r || !from.includes(r.status)) return undefined;
      if (where.claimedBy !== undefined && r.claimedBy !== where.claimedBy) return undefined;
      for (const key of [
        "status",
        "contactKind",
        "contactValue",
        "requestedAt",
        "claimedBy",
        "claimedAt",
        "closedAt",
      ] as const) {
        if (patch[key] !== undefined)
          (r as Record<typeof key, unknown>)[key] =
            key === "contactValue" ? storableOrNull(patch.contactValue) : patch[key];
      }
      r.updatedAt = now();
      return copyHandoff(r);
    },
    async list(statuses, limit = 200) {
      const key = (r: HandoffRecord) => (r.requestedAt ?? r.createdAt).getTime();
      return [...handoffs.values()]
        .filter((r) => statuses.includes(r.status))
        .sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, clampLimit(limit))
        .map(copyHandoff);
    },
  };

  return {
    kind: "memory",
    conversations: conversationStore,
    feedback: feedbackStore,
    updates: ledger,
    sends: sendLedger,
    staff: staffStore,
    sessions: sessionStore,
    audit: auditLog,
    handoffs: handoffStore,
    async ping() {
      if (closed) throw new Error("stores: the memory store is closed");
    },
    async checkWritable() {
      if (closed) throw new Error("stores: the memory store is closed");
    },
    async close() {
      closed = true;
    },
  };
}

// Shared by the three backends, so that they behave alike.

/** E-mail addresses of staff are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A row limit as a whole number >= 0 (NaN: 0; Infinity: no practical limit). */
export function clampLimit(limit: number): number {
  if (Number.isNaN(limit)) return 0;
  return Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(limit)));
}

function removeWhere<T>(items: T[], predicate: (item: T) => boolean) {
  let w = 0;
  for (const item of items) if (!predicate(item)) items[w++] = item;
  items.length = w;
}
