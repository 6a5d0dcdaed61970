import { HttpError, type Transformer } from "grammy";
import type pino from "pino";
import { describeError } from "./errors.js";

export interface NetworkRetryOptions {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles after each. Default 1000 ms. */
  initialDelayMs: number;
}

export const defaultNetworkRetryOptions: NetworkRetryOptions = { maxAttempts: 5, initialDelayMs: 1000 };

/**
 * Retries a call that failed on the network (Bot API unreachable, connection reset, timeout) a bounded number of
 * times with exponential backoff. `getUpdates` is left to the runner, which retries it on its own.
 * auto-retry handles 429 and 5xx; it would retry network errors forever, so it is told to rethrow them to us.
 */
export function networkRetry(options: Partial<NetworkRetryOptions> = {}): Transformer {
  const { maxAttempts, initialDelayMs } = { ...defaultNetworkRetryOptions, ...options };
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    let delay = initialDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || attempt >= maxAttempts || signal?.aborted) throw err;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    }
  };
}

/**
 * Logs when the Bot API becomes unreachable or refuses calls, and when it is back: one line per change, so an
 * outage does not flood the log. Never logs the token (it is part of every URL) or any payload.
 */
export function apiHealthLog(logger: pino.Logger, secrets: Array<string | undefined>): Transformer {
  let healthy = true;
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!healthy && (result.ok || result.error_code < 500)) {
        healthy = true;
        logger.info({ method }, "telegram: Bot API reachable again");
      }
      if (!result.ok && result.error_code >= 500 && healthy) {
        healthy = false;
        logger.warn({ method, code: result.error_code }, "telegram: Bot API answers with server errors");
      }
      return result;
    } catch (err) {
      if (healthy && !signal?.aborted) {
        healthy = false;
        logger.warn({ method, error: describeError(err, secrets) }, "telegram: Bot API unreachable, retrying");
      }
      throw err;
    }
  };
}
