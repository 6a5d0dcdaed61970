import { z } from "zod";
import { OpeningHoursError, parseOpeningHours } from "./hours.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const origins = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
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
  /** When set, rate limits, the console's login guard and the order of Telegram webhook updates per chat are
   * shared by all instances through this Redis server; otherwise each process keeps them in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of the keys in Redis (default: one derived from the database, so instances on one database share). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, "1-64 characters A-Z, a-z, 0-9, :, _ or -")
    .optional(),
  /** Conversations older than this many days are deleted. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Origins allowed to call the API from a browser (comma-separated), besides the service's own. */
  WIDGET_ORIGINS: origins.default([]),
  /** Express "trust proxy": false, true, a hop count or a list of addresses. */
  TRUST_PROXY: z.string().default("false"),
  /** Chat messages per minute per IP address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** A request whose headers and body have not arrived within this many seconds is ended with 408. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** Requests in flight beyond which the service answers 503 at once. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  /** Longest chat message, in characters. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(10).max(10_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Log message text (never on by default; for local debugging only). */
  LOG_MESSAGE_TEXT: bool.default(false),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, "expected a token from BotFather like 123456:ABC...")
    .optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "16-256 characters A-Z, a-z, 0-9, _ or -")
    .optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  /** When staff of the steunpunt answer handoff requests, e.g. "ma-do 09:00-17:00; vr 09:00-12:30", or "altijd". */
  OPENING_HOURS: z
    .string()
    .default("ma-vr 09:00-17:00")
    .superRefine((value, ctx) => {
      try {
        parseOpeningHours(value);
      } catch (err) {
        if (!(err instanceof OpeningHoursError)) throw err;
        ctx.addIssue({ code: "custom", message: err.message });
      }
    }),
  OPENING_TIMEZONE: z.string().default("Europe/Amsterdam"),
  /** How often the widget checks for a staff reply while a handoff request is open, in seconds. */
  HANDOFF_POLL_SECONDS: z.coerce.number().int().min(2).max(60).default(5),
  /** Secret that signs console session cookies; when empty, one is generated and kept in DATA_DIR. */
  CONSOLE_SESSION_SECRET: z.string().min(32, "at least 32 characters").optional(),
  /** A console session ends after this many idle minutes… */
  CONSOLE_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and after this many hours in any case. */
  CONSOLE_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** Failed logins in a row (per e-mail address and IP) before the login is locked for 15 minutes. */
  CONSOLE_MAX_FAILED_LOGINS: z.coerce.number().int().min(2).max(100).default(5),
  /** Where staff proposals for the knowledge base are written (reviewable YAML files). */
  SUGGESTIONS_DIR: z.string().min(1).default("./knowledge/suggestions"),
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
  try {
    parseOpeningHours(config.OPENING_HOURS, config.OPENING_TIMEZONE);
  } catch (err) {
    if (err instanceof OpeningHoursError)
      throw new ConfigError(`config: invalid environment variable(s)\n  OPENING_TIMEZONE: ${err.message}`);
    throw err;
  }
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError("config: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set");
  }
  return config;
}

/** The configuration of a command's environment; a wrong value prints which variable and ends the process. */
export function configFromEnvironment(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
