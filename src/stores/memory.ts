import type { ConversationState } from "../core/index.js";
import { storeOptions, type StoreOptions } from "./options.js";
import type { ConversationStore, FeedbackRecord, FeedbackStore, Stores, TurnInput, TurnRecord, UpdateLedger } from "./types.js";

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
  const conversations = new Map<string, MemoryConversation>();
  const feedback: FeedbackRecord[] = [];
  const updates = new Map<number, Date>();
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
        text: mask(t.text),
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
      const before = feedback.length;
      removeWhere(feedback, (f) => f.conversationId === id);
      return conversations.delete(id) || feedback.length < before;
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
      return purged.size;
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

  return {
    kind: "memory",
    conversations: conversationStore,
    feedback: feedbackStore,
    updates: ledger,
    async ping() {
      if (closed) throw new Error("stores: the memory store is closed");
    },
    async close() {
      closed = true;
    },
  };
}

function removeWhere<T>(items: T[], predicate: (item: T) => boolean) {
  let w = 0;
  for (const item of items) if (!predicate(item)) items[w++] = item;
  items.length = w;
}
