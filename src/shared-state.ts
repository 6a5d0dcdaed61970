import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "./config.js";

// State that several instances behind a load balancer must share: rate limits, the console's login guard and the
// order of Telegram webhook updates per chat. With REDIS_URL it lives in Redis; without, in this process's memory
// (one instance, as before). Redis failing is no outage: limits fall back to memory (rate-limiter-flexible's
// insurance limiter) until it answers again.

export interface LimiterOptions {
  /** Distinguishes the limits ("chat", "login_pair"). */
  name: string;
  /** Points (requests) per window. */
  points: number;
  durationSeconds: number;
  /** Once the points are used, the key stays blocked this long (default: until the window ends). */
  blockSeconds?: number;
}

export interface SharedState {
  readonly kind: "memory" | "redis";
  /** A limiter over all instances (Redis) or this process (memory). */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** The Redis connection with REDIS_URL, for other shared coordination (the Telegram order lock). */
  readonly redis: Redis | undefined;
  /** Prefix of every key this deployment writes to Redis. */
  readonly prefix: string;
  /**
   * A channel that carries short-lived messages to the other instances (Redis publish/subscribe: nothing is
   * stored); undefined in memory, where there are no other instances.
   */
  messageBus(name: string): MessageBus | undefined;
  /** Resolves when Redis is connected (at once in memory), or after `timeoutMs` when it is not reachable. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** See SharedState.messageBus. */
export interface MessageBus {
  /** Sends to the other instances; best effort (a message sent while Redis is away is lost). */
  send(message: string): void;
  /** Calls `receive` for every message sent on this bus (this instance's own too); returns the function that stops it. */
  listen(receive: (message: string) => void): () => void;
}

export interface SharedStateOptions {
  /** Key prefix in Redis (default: REDIS_PREFIX, else "ow:" + a hash of the database: instances that share a
   * database share limits, other deployments on the same Redis do not). */
  prefix: string;
  /** How long one Redis command may take before the memory fallback answers (default 500 ms). */
  commandTimeoutMs: number;
}

/** The default key prefix: instances on one database are one deployment. */
export function defaultRedisPrefix(config: Pick<Config, "DATABASE_URL" | "DATA_DIR" | "REDIS_PREFIX">): string {
  if (config.REDIS_PREFIX) return config.REDIS_PREFIX;
  const database = config.DATABASE_URL ?? `sqlite:${resolve(config.DATA_DIR)}`;
  return `ow:${createHash("sha256").update(database).digest("hex").slice(0, 12)}:`;
}

/** Shared state in memory: for one instance, and for tests. */
export function createMemorySharedState(): SharedState {
  return {
    kind: "memory",
    redis: undefined,
    prefix: "",
    limiter: (o) =>
      new RateLimiterMemory({
        keyPrefix: o.name,
        points: o.points,
        duration: o.durationSeconds,
        ...(o.blockSeconds ? { blockDuration: o.blockSeconds } : {}),
      }),
    messageBus: () => undefined,
    ready: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

/**
 * Shared state from the configuration: Redis when REDIS_URL is set, memory otherwise (the Redis client is then not
 * even loaded). The Redis client does not queue commands while disconnected (a limiter then answers from memory at
 * once instead of waiting) and reconnects in the background.
 */
export async function createSharedState(
  config: Pick<Config, "REDIS_URL" | "DATABASE_URL" | "DATA_DIR" | "REDIS_PREFIX">,
  logger?: Pick<Logger, "warn" | "info">,
  options: Partial<SharedStateOptions> = {},
): Promise<SharedState> {
  if (!config.REDIS_URL) return createMemorySharedState();
  const { Redis } = await import("ioredis");
  const prefix = options.prefix ?? defaultRedisPrefix(config);
  const commandTimeout = options.commandTimeoutMs ?? 500;
  const redis = new Redis(config.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout,
    retryStrategy: (times) => Math.min(100 * times, 2000),
    lazyConnect: false,
  });
  let connected = false;
  let warned = false;
  redis.on("ready", () => {
    connected = true;
    if (warned) logger?.info({ event: "redis" }, "redis: connected again; limits are shared");
    warned = false;
  });
  // Without a listener an error would crash the process; the message can hold the URL, so only its code is logged.
  redis.on("error", (err: Error & { code?: string }) => {
    if (!warned)
      logger?.warn(
        { event: "redis", code: err.code ?? err.name },
        "redis: not reachable; limits fall back to this instance's memory",
      );
    warned = true;
    connected = false;
  });

  // Subscribing takes a connection of its own; one per bus, closed with the shared state.
  const subscribers = new Set<Redis>();
  const messageBus = (name: string): MessageBus => {
    const channel = `${prefix}bus:${name}`;
    const receivers = new Set<(message: string) => void>();
    let subscriber: Redis | undefined;
    return {
      send(message) {
        redis.publish(channel, message).catch(() => undefined);
      },
      listen(receive) {
        receivers.add(receive);
        if (!subscriber) {
          // Subscribes once connected, and again after every reconnect (ioredis autoResubscribe).
          const sub = redis.duplicate({ enableOfflineQueue: true });
          sub.on("error", () => undefined); // reported by the main connection's listener
          sub.on("message", (from: string, message: string) => {
            if (from === channel) for (const r of receivers) r(message);
          });
          sub.subscribe(channel).catch(() => undefined);
          subscribers.add(sub);
          subscriber = sub;
        }
        return () => {
          receivers.delete(receive);
          if (receivers.size === 0 && subscriber) {
            subscribers.delete(subscriber);
            subscriber.disconnect();
            subscriber = undefined;
          }
        };
      },
    };
  };

  return {
    kind: "redis",
    redis,
    prefix,
    messageBus,
    limiter(o) {
      const memory = new RateLimiterMemory({
        keyPrefix: o.name,
        points: o.points,
        duration: o.durationSeconds,
        ...(o.blockSeconds ? { blockDuration: o.blockSeconds } : {}),
      });
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}${o.name}`,
        points: o.points,
        duration: o.durationSeconds,
        ...(o.blockSeconds ? { blockDuration: o.blockSeconds } : {}),
        insuranceLimiter: memory,
        rejectIfRedisNotReady: true,
      });
    },
    ready(timeoutMs = 2000) {
      if (connected || redis.status === "ready") return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          redis.off("ready", onReady);
          resolve(ok);
        };
        const onReady = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        redis.once("ready", onReady);
      });
    },
    async close() {
      for (const sub of subscribers) sub.disconnect();
      subscribers.clear();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
