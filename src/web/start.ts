import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express, RequestHandler } from "express";
import type { Logger } from "pino";
import { ConfigSchema, type Config } from "../config.js";
import { createAssistant, type Assistant, type Knowledge } from "../core/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../knowledge/index.js";
import { createLogger } from "../logger.js";
import { createStores } from "../stores/index.js";
import { createMasker, findPersonalData, type Masker } from "../stores/mask.js";
import { startRetention } from "../stores/retention.js";
import type { Stores } from "../stores/types.js";
import type { LoginGuard } from "../console/auth.js";
import type { HandoffDelivery } from "../console/routes.js";
import type { HandoffFlow } from "../handoff/flow.js";
import { createSharedState, type SharedState } from "../shared-state.js";
import { createApp, trustProxySetting, type AppPaths } from "./app.js";

export interface StartOptions {
  /** Default: the repository's knowledge base, with the stores as its conversation state. */
  assistant?: Assistant;
  /** Default: `createStores(config)` (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL), closed by `close()`.
   * Stores passed in are not closed: whoever creates them closes them. */
  stores?: Stores;
  /** Default: `createLogger(config)` (JSON lines on stdout). */
  logger?: Logger;
  telegramWebhook?: { path: string; handler: RequestHandler };
  paths?: Partial<AppPaths>;
  /** The handoff dialogue shared with the Telegram channel (default: one on the stores). */
  handoff?: HandoffFlow;
  /** How staff replies reach Telegram chats. */
  delivery?: HandoffDelivery;
  /** The masker of the stores (default: the knowledge masker when the knowledge is loaded here). */
  mask?: Masker;
  loginGuard?: LoginGuard;
  /** Rate limits and the login guard: default `createSharedState(config)` (Redis with REDIS_URL, else memory),
   * closed by `close()`. Shared state passed in is not closed. */
  shared?: SharedState;
  /** How long `close()` waits for requests in flight before cutting connections (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningService {
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  /** Rate limits and login guard (memory, or Redis with REDIS_URL). */
  shared: SharedState;
  port: number;
  app: Express;
  config: Config;
  stores: Stores;
  assistant: Assistant;
  logger: Logger;
  /** Stops accepting connections, lets requests in flight finish, stops the retention job, closes own stores. */
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
 * Starts the complete web service: stores, assistant, app and listener on `config.PORT` (0 picks a free port).
 * The configuration is the schema's defaults plus `overrides`; environment variables are read only by main.ts.
 *
 * ```ts
 * const service = await startService({ PORT: 0, DATA_DIR: tmpDir, LOG_LEVEL: "silent" });
 * await fetch(`${service.url}/api/chat`, { method: "POST", ... });
 * await service.close();
 * ```
 */
export async function startService(overrides: Partial<Config> = {}, opts: StartOptions = {}): Promise<RunningService> {
  const config: Config = { ...ConfigSchema.parse({}), ...overrides };
  const logger = opts.logger ?? createLogger(config);
  const knowledge = opts.assistant ? undefined : loadKnowledge(defaultKnowledgeDir).knowledge;
  const ownsStores = !opts.stores;
  const mask = opts.mask ?? (knowledge ? knowledgeMasker(knowledge) : undefined);
  const stores = opts.stores ?? (await createStores(config, mask ? { mask } : {}));
  const ownsShared = !opts.shared;
  let shared: SharedState;
  try {
    shared = opts.shared ?? (await createSharedState(config, logger));
  } catch (err) {
    if (ownsStores) await stores.close();
    throw err;
  }
  try {
    // With REDIS_URL, wait (briefly) for Redis, so the first requests already count together with the other
    // instances; when it is not reachable the service starts anyway, counting in memory.
    if (ownsShared && !(await shared.ready(2000)))
      logger.warn({ event: "redis" }, "redis: not reachable at start-up; limits count in memory until it is");
    const assistant =
      opts.assistant ??
      createAssistant(knowledge as Knowledge, {
        store: stores.conversations,
        maxMessageLength: config.MAX_MESSAGE_CHARS,
      });
    let draining = false;
    const app = createApp({
      config,
      logger,
      assistant,
      stores,
      isDraining: () => draining,
      ...(opts.telegramWebhook ? { telegramWebhook: opts.telegramWebhook } : {}),
      ...(opts.paths ? { paths: opts.paths } : {}),
      ...(opts.handoff ? { handoff: opts.handoff } : {}),
      ...(opts.delivery ? { delivery: opts.delivery } : {}),
      ...(mask ? { mask } : {}),
      ...(opts.loginGuard ? { loginGuard: opts.loginGuard } : {}),
      shared,
    });
    // Slow or idle clients cannot hold connections for long. Node checks these limits every
    // `connectionsCheckingInterval` ms (default 30 s, which let a body that stopped short live ~47 s), so the check
    // runs every second and a request ends within about a second of REQUEST_TIMEOUT_SECONDS.
    const requestTimeout = config.REQUEST_TIMEOUT_SECONDS * 1000;
    const server = createServer(
      {
        requestTimeout,
        headersTimeout: Math.min(20_000, requestTimeout),
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: Math.min(1000, requestTimeout),
      },
      app,
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, config.HOST, () => {
        server.off("error", reject);
        resolve();
      });
    });
    if (trustProxySetting(config.TRUST_PROXY) === true) {
      logger.warn(
        { event: "config" },
        "TRUST_PROXY=true trusts any X-Forwarded-For: clients can pick their IP and evade the rate limit; set the hop count instead",
      );
    }
    const retention = startRetention(stores, logger, { retentionDays: config.RETENTION_DAYS });
    const port = (server.address() as AddressInfo).port;
    const host = ["0.0.0.0", "::", ""].includes(config.HOST)
      ? "127.0.0.1"
      : config.HOST.includes(":")
        ? `[${config.HOST}]`
        : config.HOST;
    let closing: Promise<void> | undefined;

    const close = () =>
      (closing ??= (async () => {
        draining = true;
        retention.stop();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), opts.drainTimeoutMs ?? 10_000);
          // Keep-alive connections hold close() open once their request is done: close them as they become idle.
          const idle = setInterval(() => server.closeIdleConnections(), 50);
          force.unref();
          idle.unref();
          server.close(() => {
            clearTimeout(force);
            clearInterval(idle);
            resolve();
          });
          server.closeIdleConnections();
        });
        if (ownsStores) await stores.close();
        if (ownsShared) await shared.close();
      })());

    return { url: `http://${host}:${port}`, port, app, config, stores, assistant, logger, shared, close };
  } catch (err) {
    if (ownsStores) await stores.close();
    if (ownsShared) await shared.close();
    throw err;
  }
}
