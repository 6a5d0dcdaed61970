import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "./config.js";

export type { Logger } from "pino";

/**
 * Creates the service's logger (pino, JSON lines). Log ids, kinds, answer ids and timings, never what parents
 * wrote; the redaction below is a second line of defence for fields that must never reach a log.
 */
export function createLogger(config: Pick<Config, "LOG_LEVEL">, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: undefined,
      redact: {
        paths: [
          "text",
          "*.text",
          "comment",
          "*.comment",
          "body",
          "*.body",
          "headers.authorization",
          "*.headers.authorization",
          'headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-telegram-bot-api-secret-token"]',
          "token",
          "*.token",
        ],
        censor: "[weggelaten]",
      },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** Errors without their message text (which can quote input or SQL values): name, code and stack frames. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; status?: unknown; type?: unknown };
  const frames = (e.stack ?? "").split("\n").filter((l) => l.trimStart().startsWith("at "));
  return {
    name: e.name,
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: String(e.code) } : {}),
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(typeof e.type === "string" ? { kind: e.type } : {}),
    stack: frames.slice(0, 8).map((l) => l.trim()),
  };
}
