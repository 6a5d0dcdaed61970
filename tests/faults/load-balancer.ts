import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";

// A small HTTP load balancer on loopback: each request goes to the next backend in turn (round robin), the way a
// load balancer without sticky sessions spreads requests. It adds X-Forwarded-For (the client address, or the
// test's `x-test-client` header, so a test can act as several clients) and X-Forwarded-Proto.

export interface LoadBalancer {
  url: string;
  /** How many requests went to each backend. */
  counts: number[];
  close(): Promise<void>;
}

export async function startLoadBalancer(backends: string[]): Promise<LoadBalancer> {
  let next = 0;
  const counts = backends.map(() => 0);
  const server: Server = createServer((req, res) => {
    const i = next++ % backends.length;
    counts[i] = (counts[i] ?? 0) + 1;
    const target = new URL(req.url ?? "/", backends[i]);
    const client = (req.headers["x-test-client"] as string | undefined) ?? req.socket.remoteAddress ?? "127.0.0.1";
    const headers: IncomingHttpHeaders = {
      ...req.headers,
      host: target.host,
      "x-forwarded-for": client,
      "x-forwarded-proto": "http",
    };
    delete headers["x-test-client"];
    const upstream = request(target, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "bad gateway" }));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
