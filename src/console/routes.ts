import { join } from "node:path";
import express, { type ErrorRequestHandler, type Router } from "express";
import { csrfSync } from "csrf-sync";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Assistant } from "../core/index.js";
import type { Conversations } from "../conversation/index.js";
import type { StaffRecord, Stores } from "../stores/types.js";
import { locals } from "../web/middleware.js";
import { assistRoutes } from "./assist-routes.js";
import {
  consoleSession,
  isCsrfError,
  loadStaff,
  loginTokens,
  requireRole,
  requireStaff,
  sessionSecret,
  staffOf,
  type LoginGuard,
} from "./auth.js";
import { chartCss } from "./charts.js";
import { handoffRoutes } from "./handoff-routes.js";
import { liveRoutes } from "./live-routes.js";
import { insightsRoutes } from "./insights-routes.js";
import type { ConsoleKit } from "./kit.js";
import { knowledgeRoutes } from "./knowledge-routes.js";
import { letterRoutes } from "./letter-routes.js";
import { loginRoutes } from "./login-routes.js";
import { auditPage, errorPage } from "./views.js";

export interface ConsoleDeps {
  config: Pick<
    Config,
    | "CONSOLE_SESSION_SECRET"
    | "DATA_DIR"
    | "CONSOLE_IDLE_MINUTES"
    | "CONSOLE_MAX_HOURS"
    | "CONSOLE_MAX_FAILED_LOGINS"
    | "SUGGESTIONS_DIR"
    | "RETENTION_DAYS"
  >;
  assistant: Assistant;
  stores: Stores;
  logger: Logger;
  /** The seam: staff replies (masked, delivered, stored), the close notice and erasure. */
  conversations: Conversations;
  publicDir: string;
  /** Failed-login protection (memory, or Redis for all instances). */
  loginGuard: LoginGuard;
  now?: () => Date;
}

/**
 * The helpdesk console at /console: login, handoff requests, assist, letters, knowledge base, insights and the
 * audit log. Server-rendered HTML plus a small JSON API under /console/api. Each part is a router of its own
 * (`*-routes.ts`); this one adds what they share: assets, headers, session, body parsing, the staff member, CSRF,
 * the not-found page and the error page.
 */
export function createConsoleRouter(deps: ConsoleDeps): Router {
  const { config, assistant, stores, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const guard = deps.loginGuard;
  const router = express.Router();
  const { csrfSynchronisedProtection: csrf, generateToken } = csrfSync({
    getTokenFromRequest: (req) => {
      const body = req.body as { _csrf?: unknown } | undefined;
      const header = req.headers["x-csrf-token"];
      return typeof body?._csrf === "string" ? body._csrf : typeof header === "string" ? header : undefined;
    },
  });

  // Public: the stylesheets and script (no data in them).
  router.get("/assets/charts.css", (_req, res) => {
    res.type("css").setHeader("Cache-Control", "public, max-age=300");
    res.send(chartCss);
  });
  router.use("/assets", express.static(join(deps.publicDir, "console-assets"), { maxAge: "5m", fallthrough: false }));

  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    // Never cached by proxies, never indexed, never framed (helmet sets frame-ancestors 'none' as well).
    res.setHeader("X-Robots-Tag", "noindex, nofollow");
    next();
  });
  router.use(consoleSession(config, stores));
  router.use(express.urlencoded({ extended: false, limit: "32kb", parameterLimit: 50 }));
  router.use(express.json({ limit: "32kb" }));
  router.use(loadStaff(stores, config.CONSOLE_MAX_HOURS, now));

  const login = loginTokens(sessionSecret(config));
  const kit: ConsoleKit = {
    ctxFor: async (req, res, nav, extra = {}) => {
      const staff = staffOf(res);
      const openCount = staff ? (await stores.handoffs.list(["open", "claimed"])).length : 0;
      return {
        // Without a login the page only needs the login form's token, which needs no session (nothing is stored).
        csrf: staff ? generateToken(req) : login.issue(),
        ...(staff ? { staff, openCount } : {}),
        ...(nav ? { nav } : {}),
        ...extra,
      };
    },
    send: (res, page, status = 200) => {
      res.status(status).type("html").send(page.value);
    },
    audit: (staff, action, targetType = null, targetId = null) =>
      stores.audit.append({ staffId: staff?.id ?? null, action, targetType, targetId }),
    route: (res, name) => {
      locals(res).route = name;
    },
    now,
  };
  const { ctxFor, send, audit, route } = kit;

  router.use(loginRoutes({ ...kit, stores, logger, guard, login, csrf }));

  // Everything below needs a logged-in staff member.
  router.use("/api", requireStaff("api"));
  router.use(requireStaff("page"));
  // Every change (POST, PUT, DELETE) carries the session's CSRF token: in a form field or the X-CSRF-Token header.
  router.use(csrf);

  router.get("/", (_req, res) => {
    res.redirect(303, "/console/verzoeken");
  });
  router.use(handoffRoutes({ ...kit, assistant, stores, logger, conversations: deps.conversations }));
  router.use(liveRoutes({ ...kit, stores, conversations: deps.conversations }));
  router.use(assistRoutes({ ...kit, assistant }));
  router.use(letterRoutes({ ...kit, assistant }));
  router.use(knowledgeRoutes({ ...kit, assistant }));
  router.use(insightsRoutes({ ...kit, stores, assistant, config }));

  router.get("/audit", requireRole("admin"), async (req, res) => {
    route(res, "GET /console/audit");
    const [rows, staff] = await Promise.all([stores.audit.list({ limit: 200 }), stores.staff.list()]);
    await audit(staffOf(res) as StaffRecord, "audit.view");
    send(res, auditPage(await ctxFor(req, res, "audit"), rows, new Map(staff.map((s) => [s.id, s.email]))));
  });

  router.use(async (req, res) => {
    route(res, "(console not found)");
    send(res, errorPage(await ctxFor(req, res), 404, "Deze pagina bestaat niet."), 404);
  });

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = isCsrfError(err) ? 403 : ((err as { status?: number }).status ?? 500);
    if (status >= 500) {
      next(err);
      return;
    }
    const message =
      status === 403 && isCsrfError(err)
        ? "Dit formulier is verlopen of kwam niet van de console. Laad de pagina opnieuw en probeer het nog eens."
        : status === 403
          ? "Dit mag alleen een beheerder."
          : "Dit verzoek klopt niet.";
    if (req.originalUrl.startsWith("/console/api/") || req.is("application/json")) {
      res.status(status).json({ error: message });
      return;
    }
    ctxFor(req, res).then(
      (ctx) => {
        send(res, errorPage(ctx, status, message), status);
      },
      () => {
        res.status(status).type("text").send(message);
      },
    );
  };
  router.use(onError);
  return router;
}
