import type { Config } from "../config.js";
import type { Stores } from "../stores/types.js";
import { createHandoffFlow, type HandoffFlow } from "./flow.js";
import { parseOpeningHours } from "../hours.js";

export { createHandoffFlow, choices, BACK_TO_BOT, PASSED_ON, UNKNOWN_CODE, WELCOME_BACK } from "./flow.js";
export type { HandoffContext, HandoffFlow, HandoffTurn, HandoffView, Relayed, Resumed } from "./flow.js";
export { newReturnCode, readReturnCode } from "./return-code.js";
export { describeOpeningHours, isOpen, nextOpening, parseOpeningHours, OpeningHoursError } from "../hours.js";
export type { OpeningHours } from "../hours.js";

/** The handoff dialogue with the configured opening hours and poll interval. */
export function handoffFlowFor(
  config: Pick<Config, "OPENING_HOURS" | "OPENING_TIMEZONE" | "HANDOFF_POLL_SECONDS">,
  stores: Pick<Stores, "handoffs">,
  now?: () => Date,
): HandoffFlow {
  return createHandoffFlow({
    handoffs: stores.handoffs,
    hours: parseOpeningHours(config.OPENING_HOURS, config.OPENING_TIMEZONE),
    pollSeconds: config.HANDOFF_POLL_SECONDS,
    ...(now ? { now } : {}),
  });
}
