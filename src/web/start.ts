import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express, RequestHandler } from "express";
import { compose, type Given, type Parts } from "../compose.js";
import { ConfigSchema, type Config } from "../config.js";
import { startRetention } from "../stores/retention.js";
import { createApp, trustProxySetting, type AppPaths } from "./app.js";

export { knowledgeMasker } from "../compose.js";

/** What `startService` may be given; everything else comes from the composition root (src/compose.ts). */
export interface StartOptions extends Given {
  /** A webhook handler to host (default: the one of the Telegram channel built here, if any). */
  telegramWebhook?: { path: string; handler: RequestHandler };
  paths?: Partial<AppPaths>;
  /** How long `close()` waits for requests in flight before cutting connections (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningService extends Parts {
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  port: number;
  app: Express;
  /**
   * Stops accepting connections and the Telegram channel, lets requests and updates in flight finish, stops the
   * retention job, and closes the stores and shared state built here (not those passed in).
   */
  close(): Promise<void>;
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
  const { telegramWebhook, paths, drainTimeoutMs = 10_000, ...given } = opts;
  const parts = await compose(config, given);
  const { logger, stores, telegram } = parts;
  try {
    let draining = false;
    const webhook = telegramWebhook ?? telegram?.webhook;
    const app = createApp({
      ...parts,
      isDraining: () => draining,
      ...(webhook ? { telegramWebhook: webhook } : {}),
      ...(paths ? { paths } : {}),
    });
    const server = await listen(app, config);
    if (trustProxySetting(config.TRUST_PROXY) === true) {
      logger.warn(
        { event: "config" },
        "TRUST_PROXY=true trusts any X-Forwarded-For: clients can pick their IP and evade the rate limit; set the hop count instead",
      );
    }
    const retention = startRetention(stores, logger, { retentionDays: config.RETENTION_DAYS });
    const port = (server.address() as AddressInfo).port;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        draining = true;
        retention.stop();
        await Promise.all([drain(server, drainTimeoutMs), telegram?.stop()]);
        await parts.close();
      })());
    return { ...parts, url: `http://${hostOf(config.HOST)}:${port}`, port, app, close };
  } catch (err) {
    await parts.close();
    throw err;
  }
}

/** Listens on PORT and HOST with timeouts that end slow or idle clients. */
async function listen(app: Express, config: Config): Promise<Server> {
  // Node checks these limits every `connectionsCheckingInterval` ms (default 30 s, which let a body that stopped
  // short live ~47 s), so the check runs every second and a request ends within about a second of
  // REQUEST_TIMEOUT_SECONDS.
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
  return server;
}

/** Stops accepting connections and waits for requests in flight, at most `timeoutMs`, then cuts the rest. */
function drain(server: Server, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
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
}

/** The host to put in the service's URL: loopback for a wildcard address, brackets around IPv6. */
function hostOf(host: string): string {
  if (["0.0.0.0", "::", ""].includes(host)) return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
