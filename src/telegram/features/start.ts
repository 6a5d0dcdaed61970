import { Composer } from "grammy";
import type { ReplyChoice } from "../../core/index.js";
import type { BotContext } from "../context.js";
import { choicesKeyboard, markupOf } from "../keyboards.js";
import { sendHtml } from "../send.js";
import { texts } from "../texts.js";

/** The buttons under /start; each does what its label says (the person button opens the handoff dialogue). */
const startChoices: ReplyChoice[] = [
  ...texts.startQuestions.map((q): ReplyChoice => ({ label: q, action: { type: "text", text: q } })),
  { label: texts.startPerson, action: { type: "intent", intent: "handoff" } },
];

/** /start: welcome, what the bot can and cannot do, the three-line privacy note, and buttons to begin with. */
export const startFeature = new Composer<BotContext>();

startFeature.command("start", async (ctx) => {
  const reply_markup = markupOf(choicesKeyboard(startChoices));
  await sendHtml(ctx, texts.start(ctx.deps.config.RETENTION_DAYS), reply_markup ? { reply_markup } : {});
});
