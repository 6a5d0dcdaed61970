import { isIPv6 } from "node:net";
import type { Request, RequestHandler, Response } from "express";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * The key a client is counted under: its IP address (as express sees it, so TRUST_PROXY applies), with IPv6
 * addresses reduced to their /56 prefix (one household or customer gets a /56 or /48, and could otherwise rotate
 * through addresses). A request whose connection is already gone has no address: it shares one key.
 */
export function clientKey(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress;
  if (!ip) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  return `${ipv6Groups(ip).slice(0, 4).join(":").slice(0, 17)}::/56`;
}

/** The eight 16-bit groups of an IPv6 address, each as four hex digits. */
function ipv6Groups(ip: string): string[] {
  const plain = ip.split("%")[0] as string;
  const [head = "", tail] = plain.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => g.padStart(4, "0").toLowerCase());
}

export interface RateLimitOptions {
  /** Requests per window (for the RateLimit headers). */
  limit: number;
  windowSeconds: number;
  /** Answers a limited request (default: 429 with Retry-After and an empty body). */
  onLimited?: (req: Request, res: Response, retryAfterSeconds: number) => void;
}

/**
 * A rate limit per client over a rate-limiter-flexible limiter (memory, or Redis shared by all instances). Adds
 * the IETF draft RateLimit headers; a limited request gets 429 with Retry-After. A limiter failure lets the request
 * through: a broken limit store must not take the chat down.
 */
export function rateLimit(limiter: RateLimiterAbstract, options: RateLimitOptions): RequestHandler {
  const policy = `${options.limit};w=${options.windowSeconds}`;
  const headers = (res: Response, r: RateLimiterRes) => {
    res.setHeader("RateLimit-Policy", policy);
    res.setHeader(
      "RateLimit",
      `limit=${options.limit}, remaining=${Math.max(0, r.remainingPoints)}, reset=${Math.ceil(r.msBeforeNext / 1000)}`,
    );
  };
  return (req, res, next) => {
    limiter.consume(clientKey(req)).then(
      (r) => {
        headers(res, r);
        next();
      },
      (err: unknown) => {
        if (!(err instanceof RateLimiterRes)) {
          next();
          return;
        }
        headers(res, err);
        const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        res.setHeader("Retry-After", String(retryAfter));
        if (options.onLimited) options.onLimited(req, res, retryAfter);
        else res.status(429).end();
      },
    );
  };
}
