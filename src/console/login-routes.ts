import express, { type RequestHandler, type Router } from "express";
import type { Logger } from "pino";
import { z } from "zod";
import type { Stores } from "../stores/types.js";
import { isSameOrigin, staffOf, type LoginGuard, type LoginTokens } from "./auth.js";
import type { ConsoleKit } from "./kit.js";
import { dummyHash, verifyPassword } from "./password.js";
import { loginPage } from "./views.js";

// Login and logout. The login form carries its own session-less token (see loginTokens); logout needs the
// session's CSRF token like every other change.

export interface LoginDeps extends ConsoleKit {
  stores: Stores;
  logger: Logger;
  guard: LoginGuard;
  login: LoginTokens;
  /** The session's CSRF check, for logout. */
  csrf: RequestHandler;
}

const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  terug: z.string().max(500).optional(),
});

/** Only paths inside the console, never another site ("//evil.example"). */
function safeBack(back: string | undefined): string {
  return back && /^\/console(\/[A-Za-z0-9/_.\-?=&%]*)?$/.test(back) && !back.startsWith("//")
    ? back
    : "/console/verzoeken";
}

const lockedMessage = (seconds: number) =>
  `Te vaak een verkeerd wachtwoord. Probeer het over ${Math.ceil(seconds / 60)} minuten opnieuw.`;

export function loginRoutes(deps: LoginDeps): Router {
  const { stores, logger, guard, login, ctxFor, send, audit, route, now } = deps;
  const router = express.Router();

  router.get("/inloggen", async (req, res) => {
    route(res, "GET /console/inloggen");
    if (staffOf(res)) {
      res.redirect(303, "/console/verzoeken");
      return;
    }
    const back = typeof req.query.terug === "string" ? req.query.terug : undefined;
    const notice =
      req.query.uitgelogd === "1"
        ? "Je bent uitgelogd."
        : req.query.verlopen === "1"
          ? "Je sessie is verlopen. Log opnieuw in."
          : undefined;
    send(res, loginPage(await ctxFor(req, res, undefined, notice ? { notice } : {}), back ? { back } : {}));
  });

  // The login form: its own session-less token, from this site only (see loginTokens).
  const loginCsrf: RequestHandler = (req, _res, next) => {
    const token = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get("x-csrf-token");
    if (login.verify(token) && isSameOrigin(req)) {
      next();
      return;
    }
    next(Object.assign(new Error("invalid csrf token"), { code: "EBADCSRFTOKEN", status: 403 }));
  };

  router.post("/inloggen", loginCsrf, async (req, res) => {
    route(res, "POST /console/inloggen");
    const parsed = loginBody.safeParse(req.body);
    const fail = async (status: number, error: string, email?: string) => {
      send(
        res,
        loginPage(await ctxFor(req, res, undefined, { error }), {
          ...(email ? { email } : {}),
          back: parsed.data?.terug ?? "",
        }),
        status,
      );
    };
    if (!parsed.success) return fail(400, "Vul je e-mailadres en wachtwoord in.");
    const { email, password } = parsed.data;
    const ip = req.ip ?? "unknown";
    const lockedFor = await guard.blockedFor(email, ip);
    if (lockedFor > 0) {
      res.setHeader("Retry-After", String(lockedFor));
      await audit(null, "login.locked");
      return fail(429, lockedMessage(lockedFor), email);
    }
    const staff = await stores.staff.byEmail(email);
    // Check a hash also for unknown addresses, so the answer time does not tell which addresses exist.
    const ok = await verifyPassword(password, staff?.passwordHash ?? (await dummyHash()));
    if (!ok || !staff || staff.disabled) {
      const locked = await guard.failed(email, ip);
      await audit(staff ?? null, "login.failed");
      if (locked > 0) res.setHeader("Retry-After", String(locked));
      return fail(
        locked > 0 ? 429 : 401,
        locked > 0 ? lockedMessage(locked) : "Dit e-mailadres of wachtwoord klopt niet.",
        email,
      );
    }
    await guard.succeeded(email, ip);
    // A new session id at login (no session fixation), with a new CSRF token.
    await new Promise<void>((resolve, reject) => {
      req.session.regenerate((err: unknown) => (err ? reject(toError(err)) : resolve()));
    });
    req.session.staffId = staff.id;
    req.session.loginAt = now().getTime();
    await new Promise<void>((resolve, reject) => {
      req.session.save((err: unknown) => (err ? reject(toError(err)) : resolve()));
    });
    await audit(staff, "login");
    logger.info({ event: "console-login", staffId: staff.id }, "console: staff logged in");
    res.redirect(303, safeBack(parsed.data.terug));
  });

  router.post("/uitloggen", deps.csrf, async (req, res) => {
    route(res, "POST /console/uitloggen");
    const staff = staffOf(res);
    if (staff) await audit(staff, "logout");
    await new Promise<void>((resolve) => {
      req.session.destroy(() => {
        resolve();
      });
    });
    res.clearCookie("ow_console", { path: "/console", httpOnly: true, sameSite: "strict" });
    res.redirect(303, "/console/inloggen?uitgelogd=1");
  });

  return router;
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
