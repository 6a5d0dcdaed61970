import type { RequestHandler } from "express";
import type { Stores } from "../stores/types.js";

export interface HealthOptions {
  /** How long one probe of the database may take before it counts as failed (default 2000 ms). */
  timeoutMs: number;
  /** A successful write probe is trusted this long, so that many probes cost one database write (default 1000 ms).
   * The read probe runs every time, and a failure is never reused. */
  writeCacheMs: number;
}

export const defaultHealthOptions: HealthOptions = { timeoutMs: 2000, writeCacheMs: 1000 };

export interface HealthDeps {
  stores: Pick<Stores, "ping" | "checkWritable">;
  /** Whether the assistant can answer (the knowledge base is loaded). */
  canAnswer: () => boolean;
  /** True while the service shuts down: load balancers should stop sending traffic. */
  isDraining?: () => boolean;
}

/**
 * Readiness: the service can answer questions and store them. A probe reads the database and writes a heartbeat
 * row, so a full disk or a read-only database is noticed, not only an unreachable one. Concurrent probes share
 * one round trip; a successful write is trusted for `writeCacheMs`.
 */
export function createHealthCheck(deps: HealthDeps, options: Partial<HealthOptions> = {}): () => Promise<boolean> {
  const o = { ...defaultHealthOptions, ...options };
  let wroteAt = Number.NEGATIVE_INFINITY;
  let running: Promise<boolean> | undefined;

  const probe = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (async () => {
          await deps.stores.ping();
          if (Date.now() - wroteAt >= o.writeCacheMs) {
            await deps.stores.checkWritable();
            wroteAt = Date.now();
          }
        })(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("health probe timed out")), o.timeoutMs);
        }),
      ]);
      return true;
    } catch {
      wroteAt = Number.NEGATIVE_INFINITY;
      return false;
    } finally {
      clearTimeout(timer);
    }
  };

  return async () => {
    if (deps.isDraining?.() || !deps.canAnswer()) return false;
    running ??= probe().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/**
 * GET /livez and GET /healthz, mounted before load shedding, rate limits and request logging: a probe is never
 * turned away, and probes every few seconds do not fill the log. /livez says only that the process runs.
 */
export function healthRoutes(isReady: () => Promise<boolean>): RequestHandler {
  const live = Buffer.from(JSON.stringify({ status: "ok" }));
  const unavailable = Buffer.from(JSON.stringify({ status: "unavailable" }));
  const send = (res: Parameters<RequestHandler>[1], status: number, body: Buffer) => {
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(body);
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      next();
      return;
    }
    if (req.path === "/livez") {
      send(res, 200, live);
      return;
    }
    if (req.path !== "/healthz") {
      next();
      return;
    }
    isReady().then(
      (ok) => send(res, ok ? 200 : 503, ok ? live : unavailable),
      () => send(res, 503, unavailable),
    );
  };
}
