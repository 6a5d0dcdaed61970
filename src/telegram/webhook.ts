import { createHash, timingSafeEqual } from "node:crypto";
import express, { type RequestHandler } from "express";
import type pino from "pino";
import { z } from "zod";
import type { Update } from "grammy/types";
import type { UpdateLedger } from "../stores/types.js";
import { describeError } from "./errors.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** The one field the webhook relies on; the rest of the update is grammY's business. */
const IncomingUpdate = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookHandlerOptions {
  secret: string;
  ledger: UpdateLedger;
  /** Queues the update for the worker (in Redis, with several instances); false when the queue is full. */
  enqueue: (update: Update) => boolean | Promise<boolean>;
  /** Whether the queue can take another update (checked before claiming, so a full queue claims nothing). */
  hasRoom: () => boolean;
  /** False once the channel is stopping: Telegram will deliver again later. */
  isOpen: () => boolean;
  logger: pino.Logger;
  /** Largest accepted body. Default "1mb". */
  bodyLimit?: string;
}

/** Compares two secrets in constant time (hashing first, so the lengths are equal too). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * The webhook endpoint. Order matters:
 *   1. a missing or wrong secret token → 401, before anything is read or stored;
 *   2. the update id is claimed in the ledger (a set of ids of the last 48 hours, never "ids above the last one");
 *      if storing fails → 503, the only non-2xx for a valid request, so Telegram retries an update nothing saw;
 *   3. a redelivered id → 200 and nothing else;
 *   4. a new update is queued for the per-chat worker and answered 200 at once. A bug in handling can never
 *      block the chat, and a long retry_after wait never sits inside this request.
 * grammY's webhookCallback awaits the middleware inside the request, which is what this avoids.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): RequestHandler {
  const { secret, ledger, enqueue, hasRoom, isOpen, logger } = options;
  const parseJson = express.json({ limit: options.bodyLimit ?? "1mb", type: () => true });

  const handle = async (body: unknown, res: express.Response) => {
    const parsed = IncomingUpdate.safeParse(body);
    if (!parsed.success) {
      res.status(400).json({ error: "expected a Telegram update with a numeric update_id" });
      return;
    }
    const updateId = parsed.data.update_id;
    if (!isOpen() || !hasRoom()) {
      logger.warn({ updateId, open: isOpen() }, "telegram: webhook busy or stopping, asking Telegram to retry");
      res.status(503).json({ error: "busy, retry later" });
      return;
    }
    let fresh: boolean;
    try {
      fresh = await ledger.claim(updateId);
    } catch (err) {
      logger.error(
        { updateId, error: describeError(err, [secret]) },
        "telegram: update not stored, Telegram will retry",
      );
      res.status(503).json({ error: "could not store the update" });
      return;
    }
    if (!fresh) {
      logger.info({ updateId, duplicate: true }, "telegram: redelivered update ignored");
      res.status(200).json({});
      return;
    }
    if (!(await enqueue(parsed.data))) {
      // Claimed but not queued: only when the queue filled up between the check and here.
      logger.error({ updateId }, "telegram: update claimed but the queue is full; it is dropped");
    }
    res.status(200).json({});
  };

  return (req, res, next) => {
    const given = req.get(SECRET_HEADER);
    if (!secretMatches(given, secret)) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    const onParsed = (err?: unknown) => {
      if (err) {
        res.status(400).json({ error: "body is not valid JSON" });
        return;
      }
      handle(req.body, res).catch(next);
    };
    if (req.body !== undefined && typeof req.body === "object" && !Buffer.isBuffer(req.body)) onParsed();
    // express's Request is the IncomingMessage node created; its type is an interface over that instance.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    else parseJson(req, res, onParsed);
  };
}
