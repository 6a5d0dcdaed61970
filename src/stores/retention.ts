import type { Logger } from "pino";
import type { Stores } from "./types.js";

export interface RetentionOptions {
  /** Conversations (and their turns, feedback and handoff requests) whose last activity is older than this are
   * deleted. Expired console sessions are deleted on every run; the audit log is never purged. */
  retentionDays: number;
  /** Telegram update ids are kept this long to recognise redelivered updates (default 48 h). */
  updateIdsHours: number;
  /** Widget sends are kept this long to answer a retried send once (default 24 h). */
  sendsHours: number;
  /** How often the job runs (default hourly); it also runs once at start. */
  intervalMs: number;
  now: () => Date;
}

export const defaultRetentionOptions: Omit<RetentionOptions, "retentionDays"> = {
  updateIdsHours: 48,
  sendsHours: 24,
  intervalMs: 60 * 60 * 1000,
  now: () => new Date(),
};

export interface RetentionResult {
  conversations: number;
  updateIds: number;
  /** Expired console login sessions. */
  sessions: number;
  /** Widget sends past their idempotency window. */
  sends: number;
}

export interface RetentionJob {
  /** Runs the deletion now; idempotent. */
  runOnce(): Promise<RetentionResult>;
  stop(): void;
}

/**
 * Deletes what is kept longer than allowed, on a timer that does not keep the process alive.
 * Logs counts only.
 */
export function startRetention(
  stores: Pick<Stores, "conversations" | "updates" | "sessions" | "sends">,
  logger: Pick<Logger, "info" | "error">,
  options: Partial<RetentionOptions> & Pick<RetentionOptions, "retentionDays">,
): RetentionJob {
  const o: RetentionOptions = { ...defaultRetentionOptions, ...options };
  let running: Promise<RetentionResult> | undefined;

  const runOnce = () => {
    running ??= (async () => {
      const now = o.now().getTime();
      const conversations = await stores.conversations.purgeOlderThan(new Date(now - o.retentionDays * 86_400_000));
      const updateIds = await stores.updates.purgeOlderThan(new Date(now - o.updateIdsHours * 3_600_000));
      const sessions = await stores.sessions.purgeExpired();
      const sends = await stores.sends.purgeOlderThan(new Date(now - o.sendsHours * 3_600_000));
      return { conversations, updateIds, sessions, sends };
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = () => {
    runOnce().then(
      (r) => logger.info({ event: "retention", deleted: r }, "retention job ran"),
      (err: unknown) => logger.error({ event: "retention", err }, "retention job failed"),
    );
  };
  const timer = setInterval(tick, o.intervalMs);
  timer.unref();
  const first = setTimeout(tick, 0);
  first.unref();
  return {
    runOnce,
    stop() {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
