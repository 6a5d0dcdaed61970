// Masking is applied once, here, around any store: the backends write what they are given. Every text a parent
// or a staff member wrote passes through this wrapper on its way in: turns (parent, assistant and staff),
// feedback comments and the contact a parent gave for a handoff request (made storable, not masked).
import type { Masker } from "./mask.js";
import { storableText } from "./text.js";
import type { ConversationStore, FeedbackStore, HandoffStore, Stores, TurnInput } from "./types.js";

/**
 * How a store masks a turn. The assistant's answers come back word for word, again and again: their masked form
 * is remembered (a bounded memo, emptied when full) instead of masking them anew for every conversation. What
 * parents and staff wrote is never kept in the memo.
 */
export function turnMasker(mask: (text: string) => string): (turn: { role: string; text: string }) => string {
  const memo = new Map<string, string>();
  return ({ role, text }) => {
    if (role !== "assistant") return mask(text);
    const known = memo.get(text);
    if (known !== undefined) return known;
    const result = mask(text);
    if (memo.size >= 500) memo.clear();
    memo.set(text, result);
    return result;
  };
}

/**
 * The stores with every text made storable (`storableText`: no NUL or other control characters, no lone
 * surrogates, the same on every backend) and masked for personal data before it reaches the backend. The other
 * parts and methods are the backend's own. Backends are plain objects of functions (none uses `this`).
 *
 * ```ts
 * const stores = maskingStores(createMemoryBackend(), maskPersonalData);
 * ```
 */
export function maskingStores(backend: Stores, mask: Masker): Stores {
  const clean = (text: string) => mask(storableText(text));
  const maskTurn = turnMasker(clean);
  const masked = (turn: TurnInput): TurnInput => ({ ...turn, text: maskTurn(turn) });

  const { conversations, feedback, handoffs } = backend;
  const maskedConversations: ConversationStore = {
    ...conversations,
    appendTurn: (id, turn) => conversations.appendTurn(id, masked(turn)),
    appendTurns: (id, turns) => conversations.appendTurns(id, turns.map(masked)),
  };
  const maskedFeedback: FeedbackStore = {
    ...feedback,
    add: (f) => feedback.add(f.comment === undefined ? f : { ...f, comment: clean(f.comment) }),
  };
  const maskedHandoffs: HandoffStore = {
    ...handoffs,
    // The contact is needed to reach the parent: stored as given, only made storable.
    transition: (id, from, patch, where) =>
      handoffs.transition(
        id,
        from,
        typeof patch.contactValue === "string" ? { ...patch, contactValue: storableText(patch.contactValue) } : patch,
        where,
      ),
  };
  return { ...backend, conversations: maskedConversations, feedback: maskedFeedback, handoffs: maskedHandoffs };
}
