import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { clientKey } from "../../src/web/rate-limit.js";

// Who a request is counted as by the rate limits (express's req.ip, so TRUST_PROXY applies).
const req = (ip: string | undefined, remote?: string) =>
  ({ ip, socket: { remoteAddress: remote } }) as unknown as Request;

describe("clientKey", () => {
  it("counts an IPv4 address (also written IPv4-mapped) as itself", () => {
    expect(clientKey(req("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientKey(req("::ffff:203.0.113.7"))).toBe("203.0.113.7");
  });

  it("counts IPv6 addresses by their /56 prefix, so rotating addresses of one household does not help", () => {
    const a = clientKey(req("2001:db8:abcd:12ff::1"));
    expect(a).toBe(clientKey(req("2001:0db8:abcd:1200:ffff:ffff:ffff:ffff")));
    expect(a).not.toBe(clientKey(req("2001:db8:abcd:1300::1")));
    expect(clientKey(req("::1"))).toBe(clientKey(req("0:0:0:0:0:0:0:1")));
  });

  it("uses the socket's address when express has none, and one shared key when the connection is gone", () => {
    expect(clientKey(req(undefined, "198.51.100.9"))).toBe("198.51.100.9");
    expect(clientKey(req(undefined, undefined))).toBe("unknown");
  });
});
