import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import session from "express-session";
import type { Request, RequestHandler, Response } from "express";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../config.js";
import { createMemorySharedState, type SharedState } from "../shared-state.js";
import type { SessionStore, StaffRecord, StaffRole, Stores } from "../stores/types.js";

// Console access: express-session with a server-side store in the service's own database (sessions survive a
// restart and can be destroyed at logout), csrf-sync tokens on every change, and rate-limiter-flexible for
// failed logins (consecutive failures per e-mail + IP, and a daily cap per IP).

declare module "express-session" {
  interface SessionData {
    staffId?: number;
    /** When the staff member logged in (ms); the session ends CONSOLE_MAX_HOURS later whatever happens. */
    loginAt?: number;
  }
}

export const SESSION_COOKIE = "ow_console";

/** express-session's Store on top of the service's SessionStore port. */
export class StoresSessionStore extends session.Store {
  constructor(
    private readonly sessions: SessionStore,
    private readonly idleMs: number,
  ) {
    super();
  }

  private expiry(sess: session.SessionData): Date {
    // The time left on the cookie (express-session derives it from the cookie's expiry), else the idle time.
    const left = sess.cookie.maxAge;
    return new Date(Date.now() + (typeof left === "number" ? left : this.idleMs));
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.sessions.get(sid).then(
      (data) => callback(null, data === undefined ? null : (JSON.parse(data) as session.SessionData)),
      (err: unknown) => callback(err),
    );
  }

  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    this.sessions.set(sid, JSON.stringify(sess), this.expiry(sess)).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }

  override touch(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    this.sessions.touch(sid, this.expiry(sess)).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.sessions.destroy(sid).then(
      () => callback?.(),
      (err: unknown) => callback?.(err),
    );
  }
}

/** The signing secret: CONSOLE_SESSION_SECRET, or one generated once and kept (mode 600) in DATA_DIR. */
export function sessionSecret(config: Pick<Config, "CONSOLE_SESSION_SECRET" | "DATA_DIR">): string {
  if (config.CONSOLE_SESSION_SECRET) return config.CONSOLE_SESSION_SECRET;
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, "console-session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

export function consoleSession(
  config: Pick<Config, "CONSOLE_SESSION_SECRET" | "DATA_DIR" | "CONSOLE_IDLE_MINUTES">,
  stores: Pick<Stores, "sessions">,
): RequestHandler {
  const idleMs = config.CONSOLE_IDLE_MINUTES * 60_000;
  return session({
    name: SESSION_COOKIE,
    secret: sessionSecret(config),
    store: new StoresSessionStore(stores.sessions, idleMs),
    resave: false,
    saveUninitialized: false,
    // Every request moves the idle expiry; the absolute limit is checked by `loadStaff`.
    rolling: true,
    unset: "destroy",
    cookie: {
      httpOnly: true,
      sameSite: "strict",
      // Secure whenever the request came over https (directly or, with TRUST_PROXY, through a proxy).
      secure: "auto",
      path: "/console",
      maxAge: idleMs,
    },
  });
}

export interface StaffLocals {
  staff: StaffRecord;
}

export function staffOf(res: Response): StaffRecord | undefined {
  return (res.locals as Partial<StaffLocals>).staff;
}

/**
 * Puts the logged-in staff member in res.locals.staff when the session is valid (account exists, not
 * disabled, within CONSOLE_MAX_HOURS of login); otherwise ends the session.
 */
export function loadStaff(
  stores: Pick<Stores, "staff">,
  maxHours: number,
  now: () => Date = () => new Date(),
): RequestHandler {
  return (req, res, next) => {
    const id = req.session.staffId;
    if (id === undefined) {
      next();
      return;
    }
    const expired = (req.session.loginAt ?? 0) + maxHours * 3_600_000 < now().getTime();
    stores.staff.byId(id).then((staff) => {
      if (!staff || staff.disabled || expired) {
        req.session.destroy(() => {
          next();
        });
        return;
      }
      (res.locals as StaffLocals).staff = staff;
      next();
    }, next);
  };
}

/** Pages redirect to the login page; the JSON API answers 401. */
export function requireStaff(kind: "page" | "api"): RequestHandler {
  return (req, res, next) => {
    if (staffOf(res)) {
      next();
      return;
    }
    if (kind === "api") {
      res.status(401).json({ error: "Log eerst in." });
      return;
    }
    const back = req.method === "GET" ? `?terug=${encodeURIComponent(req.originalUrl)}` : "";
    res.redirect(303, `/console/inloggen${back}`);
  };
}

export function requireRole(role: StaffRole): RequestHandler {
  return (_req, res, next) => {
    if (staffOf(res)?.role === role) {
      next();
      return;
    }
    res.status(403);
    next(Object.assign(new Error("forbidden"), { status: 403, expose: true }));
  };
}

export interface LoginGuardOptions {
  /** Consecutive failures per e-mail + IP before the pair is locked. */
  maxConsecutive: number;
  /** How long a locked pair stays locked, seconds. */
  lockSeconds: number;
  /** Failures per IP per day before the IP is locked for a day. */
  maxPerIpPerDay: number;
  /** Wait before answering a failed login: 0 for the first failures, then doubling, at most this many ms. */
  maxDelayMs: number;
  /** Injected for tests, which check the delays asked for instead of timing them. */
  sleep: (ms: number) => Promise<void>;
}

export const defaultLoginGuardOptions: LoginGuardOptions = {
  maxConsecutive: 5,
  lockSeconds: 15 * 60,
  maxPerIpPerDay: 100,
  maxDelayMs: 4000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface LoginGuard {
  /** Seconds until the pair or the IP may try again; 0 when a try is allowed. */
  blockedFor(email: string, ip: string): Promise<number>;
  /** Records a failure and waits the slow-down delay; returns seconds locked from now on (0 if not locked). */
  failed(email: string, ip: string): Promise<number>;
  succeeded(email: string, ip: string): Promise<void>;
}

/**
 * Slows down and then locks failed logins, like rate-limiter-flexible's "login endpoint protection" recipe:
 * per e-mail + IP (so one attacker cannot lock a staff member out from everywhere) and per IP per day (so one
 * IP cannot try every account). The counters live in `shared`: Redis with REDIS_URL (every instance counts
 * together, and a restart keeps a lock), else this process's memory (a restart clears them).
 */
export function createLoginGuard(
  options: Partial<LoginGuardOptions> = {},
  shared: SharedState = createMemorySharedState(),
): LoginGuard {
  const o = { ...defaultLoginGuardOptions, ...options };
  const byPair = shared.limiter({
    name: "login_pair",
    points: o.maxConsecutive,
    durationSeconds: o.lockSeconds,
    blockSeconds: o.lockSeconds,
  });
  const byIp = shared.limiter({
    name: "login_ip",
    points: o.maxPerIpPerDay,
    durationSeconds: 86_400,
    blockSeconds: 86_400,
  });
  const pairKey = (email: string, ip: string) => `${email.trim().toLowerCase()}_${ip}`;
  const blocked = (r: RateLimiterRes | null, max: number) =>
    r && r.consumedPoints >= max ? Math.ceil(r.msBeforeNext / 1000) : 0;

  return {
    async blockedFor(email, ip) {
      const [pair, perIp] = await Promise.all([byPair.get(pairKey(email, ip)), byIp.get(ip)]);
      return Math.max(blocked(pair, o.maxConsecutive), blocked(perIp, o.maxPerIpPerDay));
    },
    async failed(email, ip) {
      const results = await Promise.all(
        [byPair.consume(pairKey(email, ip)), byIp.consume(ip)].map((p) =>
          p.catch((r: unknown) =>
            r instanceof RateLimiterRes ? r : Promise.reject(r instanceof Error ? r : new Error(String(r))),
          ),
        ),
      );
      const fails = (results[0] as RateLimiterRes).consumedPoints;
      if (fails >= 2) await o.sleep(Math.min(o.maxDelayMs, 250 * 2 ** (fails - 2)));
      return Math.max(
        blocked(results[0] as RateLimiterRes, o.maxConsecutive),
        blocked(results[1] as RateLimiterRes, o.maxPerIpPerDay),
      );
    },
    async succeeded(email, ip) {
      await byPair.delete(pairKey(email, ip));
    },
  };
}

/**
 * The login form's CSRF protection without a session: a session row for every view of the login page let one
 * address write thousands of rows a second (issue 14). The token is the time plus an HMAC of it under the session
 * secret, valid for `maxAgeMs`; the form post must also come from the console's own origin (browsers send Origin
 * with every cross-site form post), which is what stops a login CSRF. After login the session's own token applies.
 */
export interface LoginTokens {
  issue(): string;
  /** Whether the token is one we issued within its lifetime. */
  verify(token: unknown): boolean;
}

export function loginTokens(secret: string, maxAgeMs = 2 * 3_600_000, now: () => number = Date.now): LoginTokens {
  const mac = (t: string) => createHmac("sha256", secret).update(`console-login:${t}`).digest("base64url");
  return {
    issue() {
      const t = now().toString(36);
      return `${t}.${mac(t)}`;
    },
    verify(token) {
      if (typeof token !== "string" || token.length > 100) return false;
      const [t, given] = token.split(".");
      if (!t || !given || !/^[0-9a-z]{1,12}$/.test(t)) return false;
      const expected = Buffer.from(mac(t));
      const actual = Buffer.from(given);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return false;
      const age = now() - parseInt(t, 36);
      return age >= -60_000 && age <= maxAgeMs;
    },
  };
}

/** Whether a request comes from a page of this site: no Origin (same-origin navigations may omit it) or the same
 * host, and not marked cross-site by the browser. */
export function isSameOrigin(req: Request): boolean {
  if (req.get("sec-fetch-site") === "cross-site") return false;
  const origin = req.get("origin");
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

/** Express's error for a request the CSRF check refused, recognised by the console's error handler. */
export function isCsrfError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "EBADCSRFTOKEN";
}
