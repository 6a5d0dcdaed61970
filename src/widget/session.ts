/// <reference lib="dom" />
// What the widget keeps between page loads, in sessionStorage (gone when the tab closes; localStorage holds only
// the conversation id while a request for a person is open, see createWidgetSession): the conversation id the
// service issued and the replies shown, so citations and suggestions can be drawn again after a reload; whether a
// staff member may reply (so the widget keeps asking after a reload); and the return code of an open request. The
// parent's own messages and staff replies are not kept here; they come back from the service.
// "Gesprek wissen" removes everything.

import { parseReply, RETURN_CODE, type WidgetReply } from "./reply.js";

export interface ShownReply {
  reply: WidgetReply;
  /** The feedback the parent gave on this reply, if any. */
  helpful?: boolean;
}

export interface WidgetSession {
  conversationId(): string | null;
  setConversationId(id: string): void;
  /** Replies in the order the chatbot gave them. */
  replies(): ShownReply[];
  setReplies(replies: ShownReply[]): void;
  /** Whether a staff member may reply (handoff open or claimed): then the transcript is loaded at page load. */
  handoffActive(): boolean;
  setHandoffActive(active: boolean): void;
  /** The return code of the open request (shown to the parent once and again after a reload), or null. */
  returnCode(): string | null;
  setReturnCode(code: string | null): void;
  /** Removes everything the widget stored. */
  clear(): void;
}

/** Keep the storage small; older replies are drawn from the service's transcript text alone. */
const MAX_REPLIES = 40;
const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,200}$/;

/** Browser session storage, or null where it is blocked (sandboxed frames, strict privacy settings). */
export function browserSessionStorage(): Storage | null {
  return probe(() => window.sessionStorage);
}

/**
 * Browser local storage, or null where it is blocked. Used for one thing only: the conversation id while a request
 * for a person is open or claimed, so that closing the tab does not lose the staff member's answer (issue 16).
 */
export function browserLocalStorage(): Storage | null {
  return probe(() => window.localStorage);
}

function probe(open: () => Storage): Storage | null {
  try {
    const storage = open();
    const probe = "__ouderwijzer_probe__";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * Session state under `namespace`; without storage it lives in memory for this page only. `keep` (local storage)
 * holds the conversation id while a request for a person is open, and nothing else: a new tab on the same device
 * finds the request again; the id is removed as soon as the request is closed or the conversation reset.
 */
export function createWidgetSession(
  storage: Storage | null,
  namespace: string,
  keep: Storage | null = null,
): WidgetSession {
  const memory = new Map<string, string>();
  const keys = {
    id: `${namespace}:conversation`,
    replies: `${namespace}:replies`,
    handoff: `${namespace}:handoff`,
    code: `${namespace}:code`,
  };
  const returnKey = `${namespace}:request`;
  const kept = (): string | null => {
    try {
      const id = keep?.getItem(returnKey) ?? null;
      return id !== null && CONVERSATION_ID.test(id) ? id : null;
    } catch {
      return null;
    }
  };
  const setKept = (id: string | null): void => {
    try {
      if (id === null) keep?.removeItem(returnKey);
      else keep?.setItem(returnKey, id);
    } catch {
      // Blocked: the request is then found again only in this tab.
    }
  };
  const get = (key: string): string | null => {
    try {
      return storage ? storage.getItem(key) : (memory.get(key) ?? null);
    } catch {
      return null;
    }
  };
  const set = (key: string, value: string): void => {
    try {
      if (storage) storage.setItem(key, value);
      else memory.set(key, value);
    } catch {
      // Storage full or blocked: the conversation still works, it just does not survive a reload.
    }
  };
  const remove = (key: string): void => {
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing more to do.
    }
    memory.delete(key);
  };

  // A tab without a conversation of its own takes up the open request of an earlier tab on this device.
  const returning = kept();
  if (returning !== null && get(keys.id) === null) {
    set(keys.id, returning);
    set(keys.handoff, "1");
  }

  return {
    conversationId() {
      const id = get(keys.id);
      return id !== null && CONVERSATION_ID.test(id) ? id : null;
    },
    setConversationId(id) {
      set(keys.id, id);
    },
    replies() {
      const raw = get(keys.replies);
      if (raw === null) return [];
      try {
        const value: unknown = JSON.parse(raw);
        if (!Array.isArray(value)) return [];
        const shown: ShownReply[] = [];
        for (const item of value) {
          const reply = parseReply((item as { reply?: unknown } | null)?.reply);
          if (!reply) continue;
          const helpful = (item as { helpful?: unknown }).helpful;
          shown.push(typeof helpful === "boolean" ? { reply, helpful } : { reply });
        }
        return shown;
      } catch {
        return [];
      }
    },
    setReplies(replies) {
      set(keys.replies, JSON.stringify(replies.slice(-MAX_REPLIES)));
    },
    handoffActive() {
      return get(keys.handoff) === "1";
    },
    setHandoffActive(active) {
      if (active) set(keys.handoff, "1");
      else remove(keys.handoff);
      const id = get(keys.id);
      if (active && id !== null && CONVERSATION_ID.test(id)) setKept(id);
      else if (!active && (id === null || kept() === id)) setKept(null);
    },
    returnCode() {
      const code = get(keys.code);
      return code !== null && RETURN_CODE.test(code) ? code : null;
    },
    setReturnCode(code) {
      if (code === null) remove(keys.code);
      else set(keys.code, code);
    },
    clear() {
      const id = get(keys.id);
      if (id !== null && kept() === id) setKept(null);
      remove(keys.id);
      remove(keys.replies);
      remove(keys.handoff);
      remove(keys.code);
    },
  };
}
