import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Assistant } from "../core/index.js";
import { createConsoleRouter } from "../console/routes.js";
import type { LoginGuard } from "../console/auth.js";
import type { Conversations } from "../conversation/index.js";
import type { Stores } from "../stores/types.js";
import type { SharedState } from "../shared-state.js";
import { createApiRouter } from "./api.js";
import { createHealthCheck, healthRoutes } from "./health.js";
import {
  errorHandler,
  loadShedding,
  locals,
  notFound,
  requestContext,
  securityHeaders,
  sendError,
} from "./middleware.js";
import { messages } from "./messages.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface AppPaths {
  /** The demo page and other static files (default: `public/`). */
  publicDir: string;
  /** The built widget (default: `dist/widget/widget.js`, built by `node scripts/build-widget.mjs`). */
  widgetFile: string;
}

export const defaultAppPaths: AppPaths = {
  publicDir: join(repoRoot, "public"),
  widgetFile: join(repoRoot, "dist", "widget", "widget.js"),
};

export interface AppDeps {
  config: Config;
  logger: Logger;
  assistant: Assistant;
  stores: Stores;
  /** grammY's webhook handler, hosted on this app (the Telegram channel provides it). */
  telegramWebhook?: { path: string; handler: RequestHandler };
  /** While true (during shutdown), /healthz answers 503 so load balancers stop sending traffic. */
  isDraining?: () => boolean;
  paths?: Partial<AppPaths>;
  /** The seam: answers (with the handoff dialogue), staff replies, erasure. */
  conversations: Conversations;
  /** Failed-login protection of the console. */
  loginGuard: LoginGuard;
  /** Where rate limits count (memory, or Redis for all instances). */
  shared: SharedState;
}

/** Express "trust proxy" from the TRUST_PROXY setting: false, true, a hop count, or addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  const v = value.trim();
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/**
 * The HTTP service: JSON API, health check, widget script and demo page, behind helmet, request logging and
 * load shedding. A thin adapter: every answer comes from the seam (`conversations`, src/conversation/).
 */
export function createApp(deps: AppDeps): Express {
  const { config, logger, assistant, stores, conversations, shared } = deps;
  const paths = { ...defaultAppPaths, ...deps.paths };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(config.TRUST_PROXY));
  app.set("query parser", "simple");

  // Health probes come first: never shed, never rate limited, not logged (docs/CONTRACT.md).
  app.use(
    healthRoutes(
      createHealthCheck({
        stores,
        canAnswer: () => assistant.entryCount > 0,
        ...(deps.isDraining ? { isDraining: deps.isDraining } : {}),
      }),
    ),
  );
  // Then shedding: a refused request costs as little as possible.
  app.use(
    loadShedding(config.MAX_IN_FLIGHT, (count) =>
      logger.warn(
        { event: "load-shed", count, maxInFlight: config.MAX_IN_FLIGHT },
        "overloaded: requests refused with 503",
      ),
    ),
  );
  app.use(requestContext(logger));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "script-src-attr": ["'none'"],
          // The widget styles its Shadow DOM with a <style> element; scripts stay strictly 'self'.
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'none'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        },
      },
      frameguard: { action: "deny" },
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
  );

  if (deps.telegramWebhook) {
    const { path, handler } = deps.telegramWebhook;
    app.post(path, express.json({ limit: "1mb" }), (req, res, next) => {
      locals(res).route = "POST (telegram webhook)";
      return handler(req, res, next);
    });
  }

  app.use("/api", createApiRouter({ config, assistant, stores, conversations, shared }));
  app.use(
    "/console",
    createConsoleRouter({
      config,
      assistant,
      stores,
      logger,
      conversations,
      publicDir: paths.publicDir,
      loginGuard: deps.loginGuard,
    }),
  );

  app.get("/widget.js", (_req, res, next) => {
    locals(res).route = "GET /widget.js";
    if (!existsSync(paths.widgetFile)) {
      sendError(res, 503, { error: messages.widgetMissing });
      return;
    }
    res.sendFile(
      paths.widgetFile,
      {
        headers: {
          "Content-Type": "text/javascript; charset=utf-8",
          "Cache-Control": "public, max-age=300",
          // Other sites embed this script.
          "Cross-Origin-Resource-Policy": "cross-origin",
        },
      },
      (err) => err && next(err),
    );
  });

  app.use(
    express.static(paths.publicDir, {
      index: "index.html",
      dotfiles: "ignore",
      maxAge: "5m",
      setHeaders: (res) => {
        locals(res).route = "GET (static)";
      },
    }),
  );

  app.use(notFound());
  app.use(errorHandler());
  return app;
}
