import { Composer } from "grammy";
import { HANDOFF_REQUEST } from "../../conversation/index.js";
import type { BotContext } from "../context.js";
import { decodeCallback } from "../keyboards.js";
import { texts } from "../texts.js";
import { deliver, turnOf } from "../turn.js";

/**
 * A tapped choice that is not an entry or a letter: "i:handoff" ("Ik wil met een mens praten") opens the dialogue
 * with a person, "x:<text>" ("Wat kun jij allemaal?") is answered as if the parent typed the text.
 */
export const choiceFeature = new Composer<BotContext>();

choiceFeature.callbackQuery(/^[ix]:/, async (ctx) => {
  const startedAt = Date.now();
  const action = decodeCallback(ctx.callbackQuery.data);
  const at = turnOf(ctx);
  if (!at || (action?.kind !== "intent" && action?.kind !== "text"))
    return ctx.answerCallbackQuery({ text: texts.unknownButton });
  await ctx.answerCallbackQuery();
  const { conversations } = ctx.deps;
  const answered =
    action.kind === "intent"
      ? await conversations.answerIntent(at, action.intent, HANDOFF_REQUEST)
      : await conversations.answer(at, action.text);
  await deliver(ctx, answered, startedAt);
});
