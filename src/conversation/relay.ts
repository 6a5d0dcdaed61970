// The live line between a parent and the staff member of an open handoff request.
//
// What a parent types while a request is open or claimed is meant for the staff member: a phone number given
// there must be readable for them. The transcript stores it masked like every turn; the text as typed lives
// only here, in the memory of this process, keyed by the request, and only while the request is open or claimed:
// it is dropped when the parent goes back to the bot, when the conversation is erased, and whenever a reader
// finds the request closed. Nothing here is written to disk or logged.
//
// With several instances (REDIS_URL) every event also goes over a bus (Redis publish/subscribe, which stores
// nothing): each instance keeps the same live line, so a staff member served by another instance than the parent
// still reads the text as typed and gets the live events. Lost on a restart, and an instance started while a
// request was open has only what came after. At most MAX_MESSAGES per request.

import { randomUUID } from "node:crypto";

export type RelayEvent =
  | { type: "parent"; text: string; at: Date }
  | { type: "staff"; text: string; at: Date }
  | { type: "back"; at: Date }
  | { type: "returned"; at: Date }
  | { type: "erased"; at: Date };

export interface RelayMessage {
  /** The parent's text as typed (not masked). */
  text: string;
  at: Date;
}

export interface Relay {
  /** Records an event of a request and tells its listeners; a parent message is kept for staff. */
  publish(requestId: string, event: RelayEvent): void;
  /** The parent's messages as typed, oldest first; empty (and dropped) unless `open` is true. */
  unmasked(requestId: string, open: boolean): RelayMessage[];
  /** When the parent last wrote to staff (or came back with a return code) in this process, or null. */
  lastActive(requestId: string): Date | null;
  /** Calls `listener` for each later event of the request; returns the function that stops it. */
  subscribe(requestId: string, listener: (event: RelayEvent) => void): () => void;
  /** Forgets the unmasked text of a request. */
  drop(requestId: string): void;
}

export const MAX_MESSAGES = 200;

/** Carries relay events between instances (see redisRelayBus); a message is a string this module writes. */
export interface RelayBus {
  send(message: string): void;
  /** Calls `receive` for each message another instance sent; returns the function that stops it. */
  listen(receive: (message: string) => void): () => void;
}

const TYPES: ReadonlySet<string> = new Set(["parent", "staff", "back", "returned", "erased"]);

/** An event from the bus, or undefined for anything that is not one (another version, a stray message). */
function parseBusMessage(message: string): { origin: string; requestId: string; event: RelayEvent } | undefined {
  try {
    const m = JSON.parse(message) as { origin?: unknown; requestId?: unknown; event?: Record<string, unknown> };
    const e = m.event;
    if (typeof m.origin !== "string" || typeof m.requestId !== "string" || !e || !TYPES.has(String(e.type)))
      return undefined;
    const at = new Date(String(e.at));
    if (Number.isNaN(at.getTime())) return undefined;
    if (e.type === "parent" || e.type === "staff") {
      if (typeof e.text !== "string") return undefined;
      return { origin: m.origin, requestId: m.requestId, event: { type: e.type, text: e.text, at } };
    }
    return { origin: m.origin, requestId: m.requestId, event: { type: e.type as "back", at } };
  } catch {
    return undefined;
  }
}

export function createRelay(options: { bus?: RelayBus } = {}): Relay & { close(): void } {
  const messages = new Map<string, RelayMessage[]>();
  const active = new Map<string, Date>();
  const listeners = new Map<string, Set<(event: RelayEvent) => void>>();
  const origin = randomUUID();
  const { bus } = options;
  const stopListening = bus?.listen((message) => {
    const received = parseBusMessage(message);
    if (received && received.origin !== origin) apply(received.requestId, received.event);
  });

  /** Keeps what an event says and tells this instance's listeners. */
  function apply(requestId: string, event: RelayEvent): void {
    if (event.type === "parent") {
      const list = messages.get(requestId) ?? [];
      list.push({ text: event.text, at: event.at });
      if (list.length > MAX_MESSAGES) list.splice(0, list.length - MAX_MESSAGES);
      messages.set(requestId, list);
    }
    if (event.type === "parent" || event.type === "returned") active.set(requestId, event.at);
    if (event.type === "back" || event.type === "erased") messages.delete(requestId);
    for (const listener of listeners.get(requestId) ?? []) {
      try {
        listener(event);
      } catch {
        // A listener (a console page that went away) must not stop the parent's turn.
      }
    }
  }

  return {
    close() {
      stopListening?.();
    },
    publish(requestId, event) {
      apply(requestId, event);
      // Best effort: without the bus, the other instances show the masked transcript.
      try {
        bus?.send(JSON.stringify({ origin, requestId, event }));
      } catch {
        // Nothing more to do.
      }
    },
    unmasked(requestId, open) {
      if (!open) {
        messages.delete(requestId);
        return [];
      }
      return [...(messages.get(requestId) ?? [])];
    },
    lastActive: (requestId) => active.get(requestId) ?? null,
    subscribe(requestId, listener) {
      const set = listeners.get(requestId) ?? new Set();
      set.add(listener);
      listeners.set(requestId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(requestId);
      };
    },
    drop(requestId) {
      messages.delete(requestId);
      active.delete(requestId);
    },
  };
}
