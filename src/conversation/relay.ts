// The live line between a parent and the staff member of an open handoff request.
//
// What a parent types while a request is open or claimed is meant for the staff member: a phone number given
// there must be readable for them. The transcript stores it masked like every turn; the text as typed lives
// only here, in the memory of this process, keyed by the request, and only while the request is open or claimed:
// it is dropped when the parent goes back to the bot, when the conversation is erased, and whenever a reader
// finds the request closed. Nothing here is written to disk or logged.
//
// Limits: kept per process (with several instances, staff see the unmasked text only on the instance that took
// the message; elsewhere they see the masked transcript) and lost on a restart. At most MAX_MESSAGES per request.

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

export function createRelay(): Relay {
  const messages = new Map<string, RelayMessage[]>();
  const active = new Map<string, Date>();
  const listeners = new Map<string, Set<(event: RelayEvent) => void>>();

  return {
    publish(requestId, event) {
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
