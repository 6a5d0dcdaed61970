import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const origins = z
  .string()
  .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

/**
 * All configuration, from environment variables, with safe defaults: `npm start` works with none set.
 * A wrong value stops start-up with a message naming the variable.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Where the embedded SQLite database lives. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** When set, PostgreSQL is used instead of SQLite (for several instances behind a load balancer). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Conversations older than this many days are deleted. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Origins allowed to call the API from a browser (comma-separated), besides the service's own. */
  WIDGET_ORIGINS: origins.default([]),
  /** Express "trust proxy": false, true, a hop count or a list of addresses. */
  TRUST_PROXY: z.string().default("false"),
  /** Chat messages per minute per IP address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Requests in flight beyond which the service answers 503 at once. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  /** Longest chat message, in characters. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(10).max(10_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Log message text (never on by default; for local debugging only). */
  LOG_MESSAGE_TEXT: bool.default(false),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, "expected a token from BotFather like 123456:ABC...").optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16-256 characters A-Z, a-z, 0-9, _ or -").optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses configuration from an environment; throws ConfigError naming each wrong variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === "" ? [] : [[k, env[k]]])),
  );
  const result = ConfigSchema.safeParse(relevant);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
    throw new ConfigError(`config: invalid environment variable(s)\n${lines.join("\n")}`);
  }
  const config = result.data;
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError("config: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set");
  }
  return config;
}
