import type { Reply } from "../core/index.js";
import type { ContactKind, HandoffChannel, HandoffRecord, HandoffStore } from "../stores/types.js";
import { describeOpeningHours, isOpen, nextOpening, type OpeningHours } from "../hours.js";
import { looksLikeContactAttempt, readBackToBot, readConsent, readContact } from "./recognize.js";
import { hashReturnCode, newReturnCode, readReturnCode } from "./return-code.js";

// The dialogue that turns "ik wil een mens spreken" into a handoff request for the console, the same for the
// widget and Telegram:
//   core reply of kind "handoff" → ask consent to share the conversation → ask how to reach the parent →
//   request "open" in the console (staff claim, reply in the same channel, close).
// Only the parent's explicit "ja" shares anything; a message that is not an answer ends the dialogue and is
// answered as a normal question, so a parent is never stuck in it.

export interface HandoffContext {
  conversationId: string;
  channel: HandoffChannel;
  /** Telegram: the chat id to send staff replies to. */
  chatRef: string | null;
  /** True for a conversation that starts with this message (a new random id): it has no request to look up. */
  fresh?: boolean;
}

/** What a channel shows about the handoff state (the widget polls while it is open or claimed). */
export interface HandoffView {
  status: HandoffRecord["status"];
  pollSeconds: number;
  /**
   * Only in the turn that opened a web request: the code that brings the parent back to it on another device
   * (return-code.ts). Never stored as text; the widget shows it and keeps it while the request is open.
   */
  returnCode?: string;
}

/**
 * What became of a parent's message while a request was open or claimed:
 * - "waiting": passed on to staff (nobody picked up yet); the reply says so.
 * - "staff": passed on to the staff member who picked up; the bot says nothing (the reply's text is empty).
 * - "back": the parent went back to the chatbot; the request is closed and the reply tells staff why.
 */
export interface Relayed {
  request: HandoffRecord;
  to: "waiting" | "staff" | "back";
}

export interface HandoffTurn {
  reply: Reply;
  handoff: HandoffView | null;
  /** Set when the message belonged to the person, not to the bot (see Relayed). */
  relayed?: Relayed;
}

export interface HandoffFlowOptions {
  handoffs: HandoffStore;
  hours: OpeningHours;
  /** How often the widget checks for a staff reply while a request is open. */
  pollSeconds: number;
  now?: () => Date;
}

export interface HandoffFlow {
  /**
   * Answers one parent message: part of the handoff dialogue when one is going on, else `answer()` (the core);
   * a core reply of kind "handoff" starts the dialogue. `text` null is a tapped entry: never an answer to the
   * dialogue, so like any other text it ends an unfinished one.
   */
  respond(ctx: HandoffContext, text: string | null, answer: () => Promise<Reply>): Promise<HandoffTurn>;
  /**
   * The parent goes back to the chatbot (a tap on "Terug naar de chatbot", /terug): closes an open or claimed
   * request; null when there was none.
   */
  handBack(ctx: HandoffContext): Promise<HandoffTurn | null>;
  /** The state of the newest request of a conversation that is not closed (or null). */
  view(conversationId: string): Promise<HandoffView | null>;
  /**
   * A web message that is only a return code: the open request it belongs to, in its own conversation, with a
   * welcome back (`request` set), or a reply that the code is not known. Null for any other message, and for an
   * unknown code while this conversation has an open request of its own (then it is a message for staff).
   */
  resume(ctx: HandoffContext, text: string): Promise<Resumed | null>;
}

/** A return code's outcome: the conversation to continue in (another one when the code was found). */
export interface Resumed extends HandoffTurn {
  conversationId: string;
  /** The request the code belongs to; absent for an unknown code. */
  request?: HandoffRecord;
}

export const choices = {
  yes: "Ja, dat mag",
  no: "Nee, liever niet",
  chat: "Hier in de chat",
  back: "Terug naar de chatbot",
} as const;

/** Told to the parent when a message went to staff before anyone picked up. */
export const PASSED_ON =
  "Je bericht is doorgegeven aan een medewerker. Die leest het als hij of zij je vraag oppakt. Wil je toch liever de chatbot iets vragen? Kies **Terug naar de chatbot**.";
/** Told to the parent who came back to a request with its return code (and read by staff in the transcript). */
export const WELCOME_BACK = {
  open: "Welkom terug. Je vraag staat nog klaar voor een medewerker. Wat je hier typt, gaat naar de medewerker.",
  claimed: "Welkom terug. Een medewerker praat met je. Wat je hier typt, gaat naar de medewerker.",
} as const;
/** Told to a parent who typed a return code that belongs to no open request. */
export const UNKNOWN_CODE =
  "Die terugkomcode ken ik niet. Een code werkt zolang je vraag aan de medewerker openstaat. Klopt de code niet? Kijk nog eens goed. Is je vraag gesloten? Vraag dan opnieuw naar een medewerker, of stel hier je vraag.";
/** Told to the parent (and read by staff in the transcript) when the parent went back to the chatbot. */
export const BACK_TO_BOT =
  "Je praat weer met de chatbot. Je verzoek aan de medewerker is gesloten; de medewerker ziet dat je bent teruggegaan. Stel gerust je vraag.";

/** A reply of the dialogue; its choices are answers a tap sends as the parent's text. */
function flowReply(text: string, suggestions: string[] = [], nextSteps: string[] = []): Reply {
  return {
    kind: "handoff",
    text,
    answerId: null,
    confidence: 1,
    citations: [],
    nextSteps,
    suggestions,
    choices: suggestions.map((label) => ({ label, action: { type: "text", text: label } })),
  };
}

const channelName = (channel: HandoffChannel): string =>
  channel === "telegram" ? "hier in Telegram" : "hier in de chat";

const contactLine = (kind: ContactKind, channel: HandoffChannel): string => {
  if (kind === "phone") return "We bellen je op het nummer dat je gaf.";
  if (kind === "email") return "We mailen je op het adres dat je gaf.";
  return channel === "telegram"
    ? "Het antwoord komt hier in Telegram."
    : "Het antwoord verschijnt hier in de chat. Sluit je dit venster? Open de chat dan later weer op dit apparaat: je vraag staat er nog.";
};

export function createHandoffFlow(options: HandoffFlowOptions): HandoffFlow {
  const { handoffs, hours, pollSeconds } = options;
  const now = options.now ?? (() => new Date());
  const view = (r: HandoffRecord | undefined): HandoffView | null => (r ? { status: r.status, pollSeconds } : null);

  const whenText = (): string => {
    const next = nextOpening(hours, now());
    return next === undefined
      ? "Een medewerker reageert zo snel mogelijk."
      : `We zijn nu gesloten. Een medewerker reageert vanaf ${next}. Onze openingstijden: ${describeOpeningHours(hours)}.`;
  };

  const askConsent = (core: Reply): Reply =>
    flowReply(
      [
        "Je wilt graag met een mens praten. Dat kan: een medewerker van het ouder- en jeugdsteunpunt kan je helpen.",
        "Mag de medewerker dit gesprek lezen? Dan hoef je je vraag niet opnieuw te vertellen. Telefoonnummers, e-mailadressen en BSN in het gesprek maken we onleesbaar.",
        isOpen(hours, now()) ? "" : whenText(),
      ]
        .filter(Boolean)
        .join("\n\n"),
      [choices.yes, choices.no],
      core.nextSteps,
    );

  const askContact = (): Reply =>
    flowReply(
      `Dank je. Hoe wil je antwoord krijgen? Kies **${choices.chat}**, of typ je telefoonnummer of e-mailadres. Dat gebruiken we alleen om je te helpen.`,
      [choices.chat],
    );

  async function backToBot(active: HandoffRecord): Promise<HandoffTurn> {
    const closed = await handoffs.transition(active.id, ["open", "claimed"], { status: "closed", closedAt: now() });
    return {
      reply: flowReply(BACK_TO_BOT),
      handoff: view(closed),
      relayed: { request: closed ?? active, to: "back" },
    };
  }

  return {
    resume: (ctx, text) => resume(handoffs, view, ctx, text),

    async view(conversationId) {
      const latest = await handoffs.latest(conversationId);
      // A request staff closed is shown as closed (the widget says so once); a declined dialogue as nothing.
      if (!latest || (latest.status === "closed" && latest.requestedAt === null)) return null;
      return view(latest);
    },

    async handBack(ctx) {
      const active = ctx.fresh ? undefined : await handoffs.active(ctx.conversationId);
      if (!active || (active.status !== "open" && active.status !== "claimed")) return null;
      return backToBot(active);
    },

    async respond(ctx, text, answer) {
      const active = ctx.fresh ? undefined : await handoffs.active(ctx.conversationId);

      // While a request is open or claimed the conversation belongs to the person: a typed message goes to staff,
      // not to the bot; going back to the bot (or tapping an entry, text null) closes the request.
      if (active && (active.status === "open" || active.status === "claimed")) {
        if (text !== null && !readBackToBot(text)) {
          const reply =
            active.status === "open" ? flowReply(PASSED_ON, [choices.back]) : { ...flowReply(""), choices: [] };
          return {
            reply,
            handoff: view(active),
            relayed: { request: active, to: active.status === "open" ? "waiting" : "staff" },
          };
        }
        const back = await backToBot(active);
        if (text !== null) return back;
        // A tapped entry: the bot answers it, the request is closed all the same.
        return { reply: await answer(), handoff: back.handoff, ...(back.relayed ? { relayed: back.relayed } : {}) };
      }

      // A tapped entry (text null) is not an answer to the dialogue.
      if (text !== null && active?.status === "consent") {
        const consent = readConsent(text);
        if (consent === "yes") {
          const next = await handoffs.transition(active.id, ["consent"], { status: "contact" });
          return { reply: askContact(), handoff: view(next) };
        }
        if (consent === "no") {
          await handoffs.transition(active.id, ["consent", "contact"], { status: "closed", closedAt: now() });
          return {
            reply: flowReply(
              "Goed, we delen je gesprek niet. Je kunt hier verder vragen stellen. Of bel zelf het steunpunt of Ouders & Onderwijs: 0800-5010 (gratis).",
            ),
            handoff: null,
          };
        }
      } else if (text !== null && active?.status === "contact") {
        const contact = readContact(text);
        if (contact) {
          const at = now();
          // The web gets a code to come back on another device; Telegram follows the parent's account anyway.
          const ret = ctx.channel === "web" ? newReturnCode() : null;
          const opened = await handoffs.transition(active.id, ["contact"], {
            status: "open",
            contactKind: contact.kind,
            contactValue: contact.kind === "chat" ? null : contact.value,
            requestedAt: at,
            ...(ret ? { returnCodeHash: ret.hash } : {}),
          });
          const shown = view(opened);
          return {
            reply: flowReply(
              [
                "Je vraag staat nu klaar voor een medewerker van het steunpunt.",
                `${contactLine(contact.kind, ctx.channel)} ${whenText()}`,
                ret
                  ? "Verder op een ander apparaat of in een andere browser? Typ daar in de chat je terugkomcode. Die staat hieronder."
                  : "",
                `Wat je ${channelName(ctx.channel)} nu typt, gaat naar de medewerker. Wil je toch de chatbot iets vragen? Kies **${choices.back}**.`,
              ]
                .filter(Boolean)
                .join("\n\n"),
              [choices.back],
            ),
            handoff: shown && ret ? { ...shown, returnCode: ret.code } : shown,
          };
        }
        if (readConsent(text) === "no") {
          await handoffs.transition(active.id, ["contact"], { status: "closed", closedAt: now() });
          return {
            reply: flowReply("Goed, we maken geen verzoek. Je kunt hier verder vragen stellen."),
            handoff: null,
          };
        }
        if (looksLikeContactAttempt(text)) {
          return {
            reply: flowReply(
              `Dat kan ik niet lezen als telefoonnummer of e-mailadres. Typ bijvoorbeeld 06 12345678 of naam@voorbeeld.nl. Of kies **${choices.chat}**.`,
              [choices.chat],
            ),
            handoff: view(active),
          };
        }
      }

      // Not (or no longer) part of the dialogue: a normal question. An unfinished dialogue ends here.
      if (active && (active.status === "consent" || active.status === "contact")) {
        await handoffs.transition(active.id, ["consent", "contact"], { status: "closed", closedAt: now() });
      }
      const reply = await answer();
      if (reply.kind !== "handoff") {
        const open = active && (active.status === "open" || active.status === "claimed") ? active : undefined;
        return { reply, handoff: view(open) };
      }
      if (active && (active.status === "open" || active.status === "claimed")) {
        return {
          reply: flowReply(`Je vraag staat al klaar voor een medewerker. ${whenText()}`, [], reply.nextSteps),
          handoff: view(active),
        };
      }
      const started = await handoffs.start({
        conversationId: ctx.conversationId,
        channel: ctx.channel,
        chatRef: ctx.chatRef,
      });
      return { reply: askConsent(reply), handoff: view(started) };
    },
  };
}

/** See HandoffFlow.resume. */
async function resume(
  handoffs: HandoffStore,
  view: (r: HandoffRecord | undefined) => HandoffView | null,
  ctx: HandoffContext,
  text: string,
): Promise<Resumed | null> {
  if (ctx.channel !== "web") return null;
  const code = readReturnCode(text);
  if (code === null) return null;
  const found = await handoffs.byReturnCode(hashReturnCode(code));
  if (found?.channel === "web" && (found.status === "open" || found.status === "claimed")) {
    return {
      conversationId: found.conversationId,
      request: found,
      reply: flowReply(WELCOME_BACK[found.status], [choices.back]),
      handoff: view(found),
    };
  }
  const active = ctx.fresh ? undefined : await handoffs.active(ctx.conversationId);
  if (active && (active.status === "open" || active.status === "claimed")) return null;
  return { conversationId: ctx.conversationId, reply: flowReply(UNKNOWN_CODE), handoff: null };
}
