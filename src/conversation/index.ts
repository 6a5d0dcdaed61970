// The application seam: what every channel (web API, Telegram, console, command line) asks of the service. It
// chains the handoff dialogue, the core and the transcript once, with one failure policy, so no channel does.
//
// Failure policy: a reply counts once it is stored. Both turns are recorded before the reply goes back to the
// channel, so what a parent saw is in the transcript staff read. When a store fails at any step the whole turn
// fails with the store's error (StoreUnavailableError for an unreachable database) and nothing is shown; each
// channel's error boundary then says the chat does not work right now (web: 503 with Retry-After; Telegram: a
// short message).
import type { Assistant, Reply, ReplyAction } from "../core/index.js";
import type { HandoffContext, HandoffFlow, HandoffView, Relayed } from "../handoff/index.js";
import type { Masker } from "../stores/mask.js";
import type { AuditLog, Channel, ConversationStore, HandoffRecord, HandoffStore, TurnInput } from "../stores/types.js";
import { createRelay, type Relay } from "./relay.js";

export { createRelay } from "./relay.js";
export type { Relay, RelayEvent, RelayMessage } from "./relay.js";

/** Where a message comes from. */
export interface TurnContext extends Omit<HandoffContext, "channel"> {
  channel: Channel;
  /** Whether the handoff dialogue may run (web and Telegram; Telegram: private chats only). Default true. */
  dialogue?: boolean;
}

/** A reply and the state of the conversation's handoff request (the widget polls while it is open). */
export interface Answered {
  reply: Reply;
  handoff: HandoffView | null;
  /**
   * Set when the message went to a person instead of the bot: "waiting" (passed on, nobody picked up yet),
   * "staff" (the staff member reads it; the reply's text is empty and nothing is shown from the bot) or "back"
   * (the parent went back to the chatbot; the request is closed).
   */
  relayed?: Relayed["to"];
}

/** What a tapped suggestion asks; a letter is filled in by the channel itself. */
export type ChosenAction = Exclude<ReplyAction, { type: "letter" }>;

/** Sends a staff reply to the parent in the channel of the request (Telegram; the widget polls instead). */
export interface HandoffDelivery {
  telegram?: (chatRef: string, text: string) => Promise<void>;
}

export interface ConversationDeps {
  assistant: Assistant;
  /** Where turns are recorded; without it (the command line) nothing is. */
  transcript?: Pick<ConversationStore, "appendTurns" | "erase">;
  /** The handoff dialogue; without it a wish for a person gets the core's reply (how to reach one). */
  handoff?: HandoffFlow;
  /** The stores' masker, applied to staff replies before they are sent and stored. */
  mask?: Masker;
  /** How staff replies reach parents outside the widget. Read at each reply, so it can be filled in later. */
  delivery?: HandoffDelivery;
  /** The live line to staff (the parent's text as typed, while a request is open); a new one by default. */
  relay?: Relay;
  /**
   * The requests and the audit log: a parent who erases a conversation with an open request leaves a note for
   * staff (an audit row on the request's id, no content), so the console says what happened instead of "not found".
   */
  requests?: Pick<HandoffStore, "active">;
  audit?: Pick<AuditLog, "append">;
}

export interface Conversations {
  /** Whether a wish for a person starts the handoff dialogue (a handoff flow is configured). */
  readonly dialogue: boolean;
  /** Answers a parent's message: the handoff dialogue while one is going on, else the core; both turns stored. */
  answer(at: TurnContext, text: string): Promise<Answered>;
  /** Answers a chosen entry (a tapped suggestion or topic question); null for an unknown entry. */
  answerEntry(at: TurnContext, answerId: string): Promise<Answered | null>;
  /** The wish for a person ("Ik wil met een mens praten", /mens); `said` is what the transcript shows. */
  answerIntent(at: TurnContext, intent: "handoff", said: string): Promise<Answered>;
  /** Carries out a tapped suggestion: `label` is what the parent tapped; null for an unknown entry. */
  act(at: TurnContext, action: ChosenAction, label: string): Promise<Answered | null>;
  /**
   * The parent goes back to the chatbot ("Terug naar de chatbot", /terug): closes an open or claimed request and
   * tells staff; null when there was none. `said` is what the transcript shows as the parent's turn.
   */
  handBack(at: TurnContext, said: string): Promise<Answered | null>;
  /**
   * A web message that is only a return code: continues the open request it belongs to (issue 16), whose
   * conversation id comes back; the code itself is not stored. An unknown code gets a reply saying so. Null for
   * any other message: answer it as usual.
   */
  resume(at: TurnContext, text: string): Promise<(Answered & { conversationId: string }) | null>;
  /** The state of the conversation's handoff request (or null). */
  view(conversationId: string): Promise<HandoffView | null>;
  /** The live line between parents and staff of open requests (read by the console). */
  readonly relay: Relay;
  /** Erases a conversation everywhere (transcript, state, feedback, requests); true when something was erased. */
  erase(conversationId: string): Promise<boolean>;
  /**
   * A staff member's reply to a request: masked, sent first (Telegram) and only then stored as a `staff` turn. A
   * reply that cannot be sent is not stored: `sent` is false, with the error.
   */
  staffReply(request: HandoffRecord, text: string): Promise<StaffReplyOutcome>;
  /** Tells a Telegram parent that a staff member picked up (best effort; the widget sees it when it polls). */
  notifyClaimed(request: HandoffRecord): Promise<void>;
  /** Tells a Telegram parent that staff closed the request (best effort; the widget sees it when it polls). */
  notifyClosed(request: HandoffRecord): Promise<void>;
  /**
   * A staff member hands the conversation back to the chatbot (the request is already closed): the parent is told
   * in the transcript (and at once in Telegram, best effort), and the live line ends.
   */
  handedBack(request: HandoffRecord): Promise<void>;
}

export type StaffReplyOutcome = { sent: true; text: string } | { sent: false; text: string; error: unknown };

/** The request the core recognises as the wish for a person; its reply comes from the knowledge base. */
export const HANDOFF_REQUEST = "Ik wil met een mens praten";

const CLOSED_NOTICE = "De medewerker heeft je vraag afgesloten. Je kunt hier altijd weer een vraag stellen.";
/** Told to a Telegram parent when a staff member picked up the request. */
export const CLAIMED_NOTICE =
  "Een medewerker praat nu met je. Wat je hier typt, gaat naar de medewerker. Wil je terug naar de chatbot? Stuur /terug.";

/** The audit action left on a request whose conversation the parent erased while it was open. */
export const ERASED_BY_PARENT = "handoff.erased-by-parent";

/** Told to the parent when a staff member hands the conversation back to the chatbot. */
export const HANDED_BACK = "De medewerker heeft je teruggegeven aan de chatbot. Je kunt hier weer vragen stellen.";

/**
 * Creates the seam.
 *
 * ```ts
 * const conversations = createConversations({ assistant, transcript: stores.conversations, handoff });
 * const { reply } = await conversations.answer({ conversationId, channel: "web", chatRef: null }, "Wat is een TLV?");
 * ```
 */
export function createConversations(deps: ConversationDeps): Conversations {
  const { assistant, transcript, handoff } = deps;
  const mask = deps.mask ?? ((text: string) => text);
  const relay = deps.relay ?? createRelay();

  const record = async (at: TurnContext, turns: TurnInput[]) => {
    if (transcript) await transcript.appendTurns(at.conversationId, turns);
  };

  /** Runs one turn: the dialogue (when allowed) around the core's reply, then records both turns. */
  async function turn(
    at: TurnContext,
    said: string,
    dialogueText: string | null,
    core: () => Promise<Reply>,
  ): Promise<Answered> {
    const { dialogue = true, channel, ...context } = at;
    const turned =
      handoff && dialogue && (channel === "web" || channel === "telegram")
        ? await handoff.respond({ ...context, channel }, dialogueText, core)
        : { reply: await core(), handoff: null };
    return finish(at, said, turned);
  }

  /** Records a turn (the bot's part only when it said something) and tells staff what went to them. */
  async function finish(
    at: TurnContext,
    said: string,
    turned: { reply: Reply; handoff: HandoffView | null; relayed?: Relayed },
  ): Promise<Answered> {
    const { reply, relayed } = turned;
    const turns: TurnInput[] = [{ role: "parent", text: said, channel: at.channel }];
    if (reply.text !== "")
      turns.push({
        role: "assistant",
        text: reply.text,
        kind: reply.kind,
        answerId: reply.answerId,
        channel: at.channel,
      });
    await record(at, turns);
    if (relayed) {
      const event =
        relayed.to === "back"
          ? ({ type: "back", at: new Date() } as const)
          : ({ type: "parent", text: said, at: new Date() } as const);
      relay.publish(relayed.request.id, event);
    }
    return { reply, handoff: turned.handoff, ...(relayed ? { relayed: relayed.to } : {}) };
  }

  const answer = (at: TurnContext, text: string) =>
    turn(at, text, text, () => assistant.reply(at.conversationId, text));

  async function answerEntry(at: TurnContext, answerId: string): Promise<Answered | null> {
    const entry = assistant.entry(answerId);
    if (!entry) return null;
    return turn(
      at,
      entry.question,
      null,
      async () =>
        (await assistant.replyWithEntry(at.conversationId, answerId)) ??
        assistant.reply(at.conversationId, entry.question),
    );
  }

  const answerIntent = (at: TurnContext, _intent: "handoff", said: string) =>
    turn(at, said, HANDOFF_REQUEST, () => assistant.reply(at.conversationId, HANDOFF_REQUEST));

  async function handBack(at: TurnContext, said: string): Promise<Answered | null> {
    const { channel } = at;
    if (!handoff || (channel !== "web" && channel !== "telegram")) return null;
    const context = { conversationId: at.conversationId, chatRef: at.chatRef, channel };
    const turned = await handoff.handBack(at.fresh ? { ...context, fresh: true } : context);
    return turned ? finish(at, said, turned) : null;
  }

  async function resume(at: TurnContext, text: string): Promise<(Answered & { conversationId: string }) | null> {
    const { dialogue = true, channel, ...context } = at;
    if (!handoff || !dialogue || channel !== "web") return null;
    const resumed = await handoff.resume({ ...context, channel }, text);
    if (!resumed) return null;
    const { conversationId, request, reply } = resumed;
    if (!request) return { conversationId, ...(await finish(at, text, resumed)) };
    // Back in the request's own conversation: staff read the welcome and see that the parent is back.
    await record({ conversationId, channel, chatRef: null }, [
      { role: "assistant", text: reply.text, kind: reply.kind, answerId: null, channel },
    ]);
    relay.publish(request.id, { type: "returned", at: new Date() });
    return { conversationId, reply, handoff: resumed.handoff };
  }

  return {
    dialogue: handoff !== undefined,
    resume,
    relay,
    answer,
    answerEntry,
    answerIntent,
    handBack,
    act(at, action, label) {
      if (action.type === "entry") return answerEntry(at, action.answerId);
      if (action.type === "intent") return answerIntent(at, action.intent, label);
      return answer(at, action.text);
    },
    view: (conversationId) => (handoff ? handoff.view(conversationId) : Promise.resolve(null)),
    async erase(conversationId) {
      const open = await deps.requests?.active(conversationId);
      if (open && open.requestedAt !== null && (open.status === "open" || open.status === "claimed")) {
        await deps.audit?.append({
          staffId: null,
          action: ERASED_BY_PARENT,
          targetType: "handoff",
          targetId: open.id,
        });
        relay.publish(open.id, { type: "erased", at: new Date() });
        relay.drop(open.id);
      }
      const erased = transcript ? await transcript.erase(conversationId) : false;
      await assistant.forget(conversationId);
      return erased;
    },
    async staffReply(request, raw) {
      const text = mask(raw);
      if (request.channel === "telegram") {
        const send = deps.delivery?.telegram;
        try {
          if (!send || !request.chatRef) throw new Error("telegram delivery is not configured");
          await send(request.chatRef, text);
        } catch (error) {
          return { sent: false, text, error };
        }
      }
      // In the transcript; the widget picks it up on its next poll.
      await record({ conversationId: request.conversationId, channel: request.channel, chatRef: request.chatRef }, [
        { role: "staff", text, channel: request.channel },
      ]);
      relay.publish(request.id, { type: "staff", text, at: new Date() });
      return { sent: true, text };
    },
    async handedBack(request) {
      await record({ conversationId: request.conversationId, channel: request.channel, chatRef: request.chatRef }, [
        { role: "assistant", text: HANDED_BACK, kind: "handoff", channel: request.channel },
      ]);
      relay.publish(request.id, { type: "back", at: new Date() });
      const send = deps.delivery?.telegram;
      if (request.channel === "telegram" && request.chatRef && send)
        await send(request.chatRef, HANDED_BACK).catch(() => undefined);
    },
    async notifyClaimed(request) {
      const send = deps.delivery?.telegram;
      if (request.channel === "telegram" && request.chatRef && send)
        await send(request.chatRef, CLAIMED_NOTICE).catch(() => undefined);
    },
    async notifyClosed(request) {
      const send = deps.delivery?.telegram;
      if (request.channel === "telegram" && request.chatRef && send)
        await send(request.chatRef, CLOSED_NOTICE).catch(() => undefined);
    },
  };
}
