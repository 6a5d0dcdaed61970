import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

// What a fault test saw, printed and kept in tests/artifacts/faults.jsonl (not committed) for the closing note.

export interface FaultReport {
  fault: string;
  /** What clients got during the fault, e.g. { chat: "503 in 3.0 s", livez: "200" }. */
  during: Record<string, string>;
  /** Seconds from the end of the fault until the service answered normally again. */
  recoverySeconds: number;
  notes?: string;
}

export function report(r: FaultReport): void {
  const line = JSON.stringify({ ...r, at: new Date().toISOString() });
  console.info(`[fault] ${line}`);
  try {
    const dir = join(import.meta.dirname, "..", "artifacts");
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, "faults.jsonl"), `${line}\n`);
  } catch {
    // Reporting is best effort.
  }
}

/** Runs `attempt` every `intervalMs` until it returns true; the seconds it took (or throws after `timeoutMs`). */
export async function secondsUntil(
  attempt: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await attempt().catch(() => false)) return (performance.now() - start) / 1000;
    if (performance.now() - start > timeoutMs) throw new Error(`no recovery within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A request's outcome: its status (0 for a network error) and how long it took. */
export async function timed(request: () => Promise<Response>): Promise<{ status: number; ms: number; body: string }> {
  const start = performance.now();
  try {
    const res = await request();
    const body = await res.text();
    return { status: res.status, ms: performance.now() - start, body };
  } catch (err) {
    return { status: 0, ms: performance.now() - start, body: (err as Error).message };
  }
}

export const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
