import { randomUUID } from "node:crypto";
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import helmet, { type HelmetOptions } from "helmet";
import type { Logger } from "pino";
import { StoreUnavailableError } from "../stores/errors.js";
import { messages, type ErrorBody } from "./messages.js";

/** What handlers tell the request log about a request, in `res.locals`. Never the text. */
export interface RequestLocals {
  log: Logger;
  requestId: string;
  /** Route pattern, e.g. "POST /api/chat" (never the URL: it can hold a conversation id). */
  route?: string;
  kind?: string;
  answerId?: string | null;
}

export const locals = (res: Response) => res.locals as RequestLocals;

export function sendError(res: Response, status: number, body: ErrorBody, headers: Record<string, string> = {}) {
  res.status(status).set(headers).json(body);
}

/** A request id (X-Request-Id), a child logger, and one log line per request with its outcome and timing. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    const requestId = randomUUID();
    res.setHeader("X-Request-Id", requestId);
    // The child logger is made only when a handler logs something besides the request line (most do not).
    let log: Logger | undefined;
    Object.defineProperty(res.locals, "log", {
      get: () => (log ??= logger.child({ reqId: requestId })),
      enumerable: true,
      configurable: true,
    });
    res.locals.requestId = requestId;
    res.once("close", () => {
      const l = locals(res);
      logger.info(
        {
          reqId: requestId,
          method: req.method,
          route: l.route ?? "(other)",
          status: res.statusCode,
          ...(l.kind ? { kind: l.kind } : {}),
          ...(l.answerId ? { answerId: l.answerId } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
          ms: Math.round((performance.now() - start) * 10) / 10,
        },
        "request",
      );
    });
    next();
  };
}

/**
 * Helmet's headers, worked out once: with static settings they are the same for every request, so each request
 * only sets them (helmet runs thirteen middlewares per request to do the same). Strict-Transport-Security only
 * over https (directly or, with TRUST_PROXY, behind a proxy): over plain http it means nothing.
 */
export function securityHeaders(
  options: Pick<HelmetOptions, "contentSecurityPolicy" | "frameguard" | "referrerPolicy">,
): RequestHandler {
  const headers: Array<[string, string]> = [];
  const capture = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
    getHeader: () => undefined,
  };
  helmet({ ...options, strictTransportSecurity: false })(
    // A request that never arrives: helmet only needs something to pass along.
    new IncomingMessage(new Socket()),
    capture as unknown as Response,
    () => undefined,
  );
  if (headers.length === 0) throw new Error("web: helmet set no headers; check the security header options");
  return (req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/**
 * Load shedding: beyond `max` requests in flight, answer 503 with Retry-After at once instead of queueing,
 * so that under overload every client gets a quick answer and no connection waits until it times out.
 * The refusal is as cheap as possible (a fixed body, no per-request logging), so that refusing does not eat the
 * capacity needed for the requests that are served; `onShed` is told how many were refused.
 */
export function loadShedding(
  max: number,
  onShed: (count: number) => void = () => {},
): RequestHandler & { inFlight(): number } {
  let inFlight = 0;
  let shed = 0;
  let reportScheduled = false;
  const body = Buffer.from(JSON.stringify({ error: messages.overloaded } satisfies ErrorBody));
  const middleware: RequestHandler = (req, res, next) => {
    // A connection that already failed (Node's parser refused the body, e.g. a broken chunk size, and answered 400
    // itself) gets no further work: there is nobody to answer and no client address to count.
    if (req.socket.destroyed) return;
    if (inFlight >= max) {
      res.writeHead(503, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": body.length,
        "Retry-After": "1",
        "Cache-Control": "no-store",
      });
      res.end(body);
      shed++;
      if (!reportScheduled) {
        // Report at most once a second, with the count.
        reportScheduled = true;
        setTimeout(() => {
          reportScheduled = false;
          onShed(shed);
          shed = 0;
        }, 1000).unref();
      }
      return;
    }
    inFlight++;
    res.once("close", () => inFlight--);
    // Continue in the next loop turn: every request that arrived in this turn is counted before any of them does
    // its (synchronous, CPU-bound) work, so the count sees the queue instead of the queue hiding in the sockets.
    setImmediate(() => {
      if (!req.socket.destroyed) next();
    });
  };
  return Object.assign(middleware, { inFlight: () => inFlight });
}

/** JSON 404 for everything no route or static file answered. */
export function notFound(): RequestHandler {
  return (_req, res) => {
    locals(res).route ??= "(not found)";
    sendError(res, 404, { error: messages.notFound });
  };
}

const clientErrorMessages: Record<number, string> = {
  400: messages.badJson,
  413: messages.tooLarge,
  415: messages.unsupportedType,
};

/**
 * The one error boundary: known errors get their status and a Dutch message, everything else a 500 with the
 * request id. Never a stack trace, an error message or the input in the response.
 */
export function errorHandler(): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { log, requestId } = locals(res);
    if (err instanceof StoreUnavailableError) {
      log.error({ err }, "store unavailable");
      sendError(res, 503, { error: messages.storeUnavailable, requestId }, { "Retry-After": "30" });
      return;
    }
    const status =
      (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
    if (typeof status === "number" && status >= 400 && status < 500) {
      // Body-parser errors (bad JSON, too large, wrong charset) carry a `type`; a 400 without one comes from the
      // URL (a malformed %-escape in the path). The client's problem, logged without content.
      const kind = (err as { type?: unknown }).type;
      log.info({ status, ...(typeof kind === "string" ? { errorKind: kind } : { errorKind: "url" }) }, "bad request");
      const message =
        typeof kind !== "string" && status === 400
          ? messages.badUrl
          : kind === "entity.parse.failed" || status !== 400
            ? (clientErrorMessages[status] ?? messages.invalidRequest)
            : messages.invalidRequest;
      sendError(res, status, { error: message });
      return;
    }
    log.error({ err }, "unhandled error");
    sendError(res, 500, { error: messages.internal, requestId });
  };
}
