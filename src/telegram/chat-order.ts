import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type pino from "pino";
import type { Update } from "grammy/types";
import type { KeyedQueue } from "./worker.js";

// One chat's webhook updates in order across instances. Behind a load balancer, Telegram's updates of one chat
// reach different instances; each instance's own queue keeps only its share in order. With Redis, an acknowledged
// update goes into the chat's list in Redis, and whichever instance holds the chat's lock handles the list from
// the front, one update at a time: a chat is handled by one instance at a time, in the order its updates were
// acknowledged. Chats go on side by side (the local queue bounds how many at once).
//
// The list holds the raw update (the parent's text) only until it is handled, at most 48 hours.

export interface ChatOrderOptions {
  redis: Redis;
  /** Key prefix of this deployment (SharedState.prefix). */
  prefix: string;
  /** Runs the chat's drains; bounds how many chats are handled at once on this instance. */
  queue: KeyedQueue;
  handle: (update: Update) => Promise<void>;
  logger: pino.Logger;
  /** How long a chat's lock lives without being renewed (default 30 s; renewed while an update is handled). */
  lockMs?: number;
  /** How often chats with waiting updates and no lock holder are picked up (after a crash; default 5 s). */
  sweepMs?: number;
}

export interface ChatOrder {
  /** Queues the update in Redis and starts handling the chat; false when Redis did not take it. */
  push(chatKey: string, update: Update): Promise<boolean>;
  stop(): void;
}

// Deletes or renews the lock only while it is still ours.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
// Removes the handled update from the front only while the lock is ours: one that lost its lock never drops
// another instance's work.
const POP = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("lpop", KEYS[2]) else return false end`;

const LIST_TTL_MS = 48 * 3_600_000;

export function createChatOrder(options: ChatOrderOptions): ChatOrder {
  const { redis, prefix, queue, handle, logger } = options;
  const lockMs = options.lockMs ?? 30_000;
  let stopped = false;
  const listKey = (chat: string) => `${prefix}tg:q:${chat}`;
  const lockKey = (chat: string) => `${prefix}tg:lock:${chat}`;
  const chatsKey = `${prefix}tg:chats`;

  /** Handles the chat's list while this instance holds its lock; returns when it is empty or another holds it. */
  const drain = async (chat: string): Promise<void> => {
    for (;;) {
      const token = randomUUID();
      if ((await redis.set(lockKey(chat), token, "PX", lockMs, "NX")) !== "OK") return;
      try {
        for (;;) {
          // Once this instance stops, it takes no new update: the lock goes, another instance goes on.
          if (stopped) break;
          const raw = await redis.lindex(listKey(chat), 0);
          if (raw === null) break;
          const renew = setInterval(() => {
            redis.eval(RENEW, 1, lockKey(chat), token, String(lockMs)).catch(() => undefined);
          }, lockMs / 3);
          try {
            await handle(JSON.parse(raw) as Update);
          } finally {
            clearInterval(renew);
          }
          if ((await redis.eval(POP, 2, lockKey(chat), listKey(chat), token)) === null) return;
        }
      } finally {
        await redis.eval(RELEASE, 1, lockKey(chat), token).catch(() => undefined);
      }
      // An update may have arrived after the list looked empty and before the lock was released; its instance
      // could not take the lock then, so go on with it here.
      if (stopped || (await redis.llen(listKey(chat))) === 0) return;
    }
  };

  const schedule = (chat: string) => {
    queue.push(chat, () =>
      drain(chat).catch((err: unknown) => {
        logger.warn(
          { code: (err as { code?: string }).code ?? (err as Error).name },
          "telegram: chat order interrupted; picked up again later",
        );
      }),
    );
  };

  // After a crash (a lock that expired with updates waiting), some instance picks the chat up again.
  const sweep = async () => {
    for (const chat of await redis.smembers(chatsKey)) {
      if ((await redis.llen(listKey(chat))) > 0) schedule(chat);
      else await redis.srem(chatsKey, chat);
    }
  };
  const sweeper = setInterval(() => {
    sweep().catch(() => undefined);
  }, options.sweepMs ?? 5_000);
  sweeper.unref();

  return {
    async push(chat, update) {
      try {
        const results = await redis
          .multi()
          .rpush(listKey(chat), JSON.stringify(update))
          .pexpire(listKey(chat), LIST_TTL_MS)
          .sadd(chatsKey, chat)
          .exec();
        if (!results || results.some(([err]) => err)) return false;
      } catch {
        return false;
      }
      schedule(chat);
      return true;
    },
    stop() {
      stopped = true;
      clearInterval(sweeper);
    },
  };
}
