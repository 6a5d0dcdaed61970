// Asking the service for a staff member's replies while a handoff is open. Pure logic with an injected clock,
// so the timing (clamp, back-off, pause while hidden, one request at a time) is tested in Node.

import type { WidgetTurn } from "./reply.js";

export const MIN_POLL_SECONDS = 2;
export const MAX_POLL_SECONDS = 60;

/** The interval the service (or data-poll-seconds) asks for, kept within 2..60 s; 60 for anything not finite. */
export function clampPollSeconds(seconds: number): number {
  return Number.isFinite(seconds) ? Math.min(MAX_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, seconds)) : MAX_POLL_SECONDS;
}

/** Milliseconds between polls after `failures` failed polls in a row: doubled per failure, at most 60 s. */
export function pollDelayMs(seconds: number, failures: number): number {
  return Math.min(MAX_POLL_SECONDS, clampPollSeconds(seconds) * 2 ** Math.max(0, failures)) * 1000;
}

export interface PollClock {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface Poller {
  /** Poll every `seconds` (clamped), or stop with null. Setting the same interval again changes nothing. */
  set(seconds: number | null): void;
  /** Pauses while the page is hidden; on showing it again, polls at once when a poll is overdue. */
  setVisible(visible: boolean): void;
}

/**
 * Runs `poll` every interval while started and visible; a rejected poll doubles the interval until one
 * succeeds. The interval counts from the end of the previous poll (or from starting), and a poll never starts
 * while another is running, also not after a stop and a new start.
 */
export function createPoller(clock: PollClock, poll: () => Promise<void>, visible: boolean): Poller {
  let seconds: number | null = null;
  let failures = 0;
  let timer: number | null = null;
  let last = 0;
  let running = false;
  /** Bumped on every start and stop, so that the outcome of an earlier round's poll does not count. */
  let round = 0;

  function cancel(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(): void {
    cancel();
    if (seconds === null || !visible || running) return;
    timer = clock.setTimeout(() => void run(), Math.max(0, last + pollDelayMs(seconds, failures) - clock.now()));
  }

  async function run(): Promise<void> {
    timer = null;
    if (seconds === null || !visible || running) return;
    running = true;
    const started = round;
    let ok = true;
    try {
      await poll();
    } catch {
      ok = false;
    }
    running = false;
    if (started === round) {
      failures = ok ? 0 : failures + 1;
      last = clock.now();
    }
    schedule();
  }

  return {
    set(next) {
      if (next === null) {
        if (seconds === null) return;
        seconds = null;
        round++;
        cancel();
        return;
      }
      const clamped = clampPollSeconds(next);
      if (clamped === seconds) return;
      if (seconds === null) {
        round++;
        failures = 0;
        last = clock.now();
      }
      seconds = clamped;
      schedule();
    },
    setVisible(next) {
      visible = next;
      if (next) schedule();
      else cancel();
    },
  };
}

/**
 * The staff turns not shown yet: those with a seq above `shownSeq` (the highest seq already on screen), in seq
 * order, each seq once. `lastSeq` is the highest seq seen in `turns` (or `shownSeq`), to pass next time.
 */
export function newStaffTurns(turns: WidgetTurn[], shownSeq: number): { fresh: WidgetTurn[]; lastSeq: number } {
  let lastSeq = shownSeq;
  const fresh: WidgetTurn[] = [];
  const numbered = turns
    .filter((turn): turn is WidgetTurn & { seq: number } => turn.seq !== null)
    .sort((a, b) => a.seq - b.seq);
  for (const turn of numbered) {
    if (turn.seq <= lastSeq) continue;
    lastSeq = turn.seq;
    if (turn.role === "staff") fresh.push(turn);
  }
  return { fresh, lastSeq };
}
