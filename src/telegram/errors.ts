import { GrammyError, HttpError } from "grammy";

/** Thrown by `start()` when Telegram refuses the token or the set-up; says what to do. */
export class TelegramSetupError extends Error {
  override readonly name = "TelegramSetupError";
}

/**
 * A log-safe description of an error. The Bot API URL contains the token, and network errors quote the URL,
 * so the underlying error of an HttpError is never logged, and every text is scrubbed of the secrets. Log it under
 * a key other than `err` (the service's logger reduces `err` to name and stack).
 */
export function describeError(err: unknown, secrets: Array<string | undefined>): Record<string, unknown> {
  const scrub = (s: string) =>
    secrets.reduce<string>((acc, secret) => (secret ? acc.split(secret).join("[redacted]") : acc), s);
  if (err instanceof GrammyError) {
    return {
      type: "GrammyError",
      method: err.method,
      code: err.error_code,
      description: scrub(err.description),
      retryAfter: err.parameters.retry_after,
    };
  }
  if (err instanceof HttpError) {
    const inner = err.error as { code?: unknown; name?: unknown } | undefined;
    return {
      type: "HttpError",
      message: scrub(err.message),
      cause: typeof inner?.code === "string" ? inner.code : typeof inner?.name === "string" ? inner.name : undefined,
    };
  }
  if (err instanceof TelegramSetupError) return { type: err.name, message: scrub(err.message) };
  if (err instanceof Error) {
    // Other errors' messages can quote input (a store error, a parser): only the name, code and stack frames.
    const code = (err as { code?: unknown }).code;
    const frames = (err.stack ?? "")
      .split("\n")
      .filter((l) => l.trimStart().startsWith("at "))
      .slice(0, 6)
      .map((l) => scrub(l.trim()));
    const known = typeof code === "string" || typeof code === "number";
    return { type: err.name, ...(known ? { code: String(code) } : {}), stack: frames };
  }
  return { type: typeof err };
}
