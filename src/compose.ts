// The composition root: the one place that builds the service's parts from the configuration and wires them
// together. main.ts, web/start.ts and the tests that start the service all come through here; every adapter
// receives its dependencies (the seam, the handoff flow, the login guard) instead of creating defaults.
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { createLoginGuard, type LoginGuard } from "./console/auth.js";
import { createConversations, createRelay, type Conversations, type HandoffDelivery } from "./conversation/index.js";
import { createAssistant, type Assistant, type Knowledge } from "./core/index.js";
import { handoffFlowFor, type HandoffFlow } from "./handoff/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "./knowledge/index.js";
import { createLogger } from "./logger.js";
import { createSharedState, type SharedState } from "./shared-state.js";
import { createStores } from "./stores/index.js";
import { createMasker, findPersonalData, maskPersonalData, type Masker } from "./stores/mask.js";
import type { Stores } from "./stores/types.js";
import type { TelegramChannel, TelegramChannelOptions } from "./telegram/index.js";

/** The parts of the service, each built once. */
export interface Parts {
  config: Config;
  logger: Logger;
  assistant: Assistant;
  stores: Stores;
  /** The stores' masker, also applied to staff replies. */
  mask: Masker;
  /** Rate limits, the login guard and the order of Telegram updates (Redis with REDIS_URL, else memory). */
  shared: SharedState;
  handoff: HandoffFlow;
  loginGuard: LoginGuard;
  /** How staff replies reach parents outside the widget; filled in for the Telegram channel built here. */
  delivery: HandoffDelivery;
  /** The seam every channel calls. */
  conversations: Conversations;
  /** Present when asked for and TELEGRAM_BOT_TOKEN is set; not started. */
  telegram?: TelegramChannel;
}

/** Parts made elsewhere (tests, tools); whoever made stores or shared state closes them. */
export interface Given extends Partial<Omit<Parts, "config" | "conversations" | "telegram">> {
  /** Build the Telegram channel when TELEGRAM_BOT_TOKEN is set (options for it, or true for the defaults). */
  telegram?: boolean | Partial<TelegramChannelOptions>;
}

export interface Composition extends Parts {
  /** Closes the stores and shared state built here (not the ones given). The Telegram channel stops itself. */
  close(): Promise<void>;
}

/**
 * A masker that leaves the knowledge base's own contact details alone (the phone numbers of helplines in the
 * answers), so stored answers stay correct while anything a parent typed is masked.
 */
export function knowledgeMasker(knowledge: Knowledge): Masker {
  return createMasker({ keep: findPersonalData(JSON.stringify(knowledge)).map((m) => m.match) });
}

/**
 * Builds what is not given: logger, knowledge and assistant, stores (SQLite in DATA_DIR, or PostgreSQL with
 * DATABASE_URL), shared state, handoff flow, login guard, the seam and (when asked) the Telegram channel.
 *
 * ```ts
 * const parts = await compose(config, { telegram: true });
 * const app = createApp({ ...parts });
 * ```
 */
export async function compose(config: Config, given: Given = {}): Promise<Composition> {
  const logger = given.logger ?? createLogger(config);
  const knowledge = given.assistant ? undefined : loadKnowledge(defaultKnowledgeDir).knowledge;
  const mask = given.mask ?? (knowledge ? knowledgeMasker(knowledge) : maskPersonalData);
  const stores = given.stores ?? (await createStores(config, { mask }));
  const closers: Array<() => Promise<void>> = given.stores ? [] : [() => stores.close()];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const shared = given.shared ?? (await ownSharedState(config, logger));
    if (!given.shared) closers.push(() => shared.close());
    const assistant =
      given.assistant ??
      createAssistant(knowledge as Knowledge, {
        store: stores.conversations,
        maxMessageLength: config.MAX_MESSAGE_CHARS,
      });
    const handoff = given.handoff ?? handoffFlowFor(config, stores);
    const loginGuard =
      given.loginGuard ?? createLoginGuard({ maxConsecutive: config.CONSOLE_MAX_FAILED_LOGINS }, shared);
    const delivery: HandoffDelivery = given.delivery ?? {};
    // The live line to staff, shared by all instances when there are several (REDIS_URL).
    const bus = shared.messageBus("relay");
    const relay = createRelay(bus ? { bus } : {});
    closers.push(() => {
      relay.close();
      return Promise.resolve();
    });
    const conversations = createConversations({
      relay,
      assistant,
      transcript: stores.conversations,
      handoff,
      mask,
      delivery,
      requests: stores.handoffs,
      audit: stores.audit,
    });
    const parts: Parts = {
      config,
      logger,
      assistant,
      stores,
      mask,
      shared,
      handoff,
      loginGuard,
      delivery,
      conversations,
    };
    // Nothing about Telegram loads without a token.
    if (given.telegram && config.TELEGRAM_BOT_TOKEN) {
      const { createTelegramChannel } = await import("./telegram/index.js");
      const telegram = createTelegramChannel(parts, given.telegram === true ? {} : given.telegram);
      delivery.telegram ??= (chatRef, text) => telegram.sendStaffMessage(chatRef, text);
      parts.telegram = telegram;
    }
    return { ...parts, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Shared state from the configuration. With REDIS_URL, waits (briefly) for Redis, so the first requests already
 * count together with the other instances; when it is not reachable the service starts anyway, counting in memory.
 */
async function ownSharedState(config: Config, logger: Logger): Promise<SharedState> {
  const shared = await createSharedState(config, logger);
  if (!(await shared.ready(2000)))
    logger.warn({ event: "redis" }, "redis: not reachable at start-up; limits count in memory until it is");
  return shared;
}
