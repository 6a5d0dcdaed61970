// HTTP figures on loopback: POST /api/chat of the complete service (SQLite, request logging, rate limiter lifted)
// next to a bare express endpoint returning fixed JSON in the same process, and a run at four times the saturating
// load with a low MAX_IN_FLIGHT, showing that every request gets an answer (2xx or a fast 503) and none times out.
//
// npx tsx bench/http.ts        (BENCH_HTTP_SECONDS=10 by default; about 35 s in all)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import express from "express";
import pino from "pino";
import { createLogger } from "../src/logger.js";
import { startService } from "../src/web/start.js";

const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const connections = 50;

// Questions parents ask, cycled by every connection; each request starts a new conversation (two turns written).
const questions = [
  "Wat is een TLV?",
  "Mijn kind krijgt geen hulp op school, wat kan ik doen?",
  "Wat is een ontwikkelingsperspectief?",
  "Hoe maak ik bezwaar tegen een besluit van het samenwerkingsverband?",
  "Wat is zorgplicht?",
  "Wie betaalt het leerlingenvervoer?",
];

async function cannon(url: string, opts: { connections: number; duration: number; paths?: string[]; timeout?: number }) {
  return autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: opts.timeout ?? 10,
    // The load generator runs in a worker thread, so it does not share the service's event loop.
    workers: 1,
    requests: questions.map((text) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    })),
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(label: string, r: autocannon.Result) {
  return `  ${label.padEnd(30)} ${fmt(r.requests.average).padStart(7)} req/s   p50 ${fmt(r.latency.p50, 1).padStart(6)} ms   p99 ${fmt(
    r.latency.p99,
    1,
  ).padStart(7)} ms   (${fmt(r.requests.total)} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`;
}

export async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "ow-bench-"));
  // Log as in production (one JSON line per request), but into /dev/null.
  const logger = createLogger({ LOG_LEVEL: "info" }, pino.destination({ dest: "/dev/null", sync: false }));
  const service = await startService(
    { PORT: 0, HOST: "127.0.0.1", DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: 1_000_000_000, MAX_IN_FLIGHT: 10_000 },
    { logger },
  );

  // The bare endpoint: express, JSON body parsing, fixed JSON reply. Nothing else.
  const bare = express();
  bare.post("/bare", express.json(), (_req, res) => {
    res.json({ conversationId: "00000000-0000-4000-8000-000000000000", reply: { kind: "answer", text: "Vast antwoord." } });
  });
  const bareServer = await new Promise<import("node:http").Server>((resolve) => {
    const s = bare.listen(0, "127.0.0.1", () => resolve(s));
  });
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as import("node:net").AddressInfo).port}/bare`;

  // Overload: a second app on the same stores and assistant, with few requests allowed in flight.
  const maxInFlight = 16;
  const shedding = await startService(
    { PORT: 0, HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: 1_000_000_000, MAX_IN_FLIGHT: maxInFlight },
    { logger, stores: service.stores, assistant: service.assistant },
  );

  // The service with the answering core replaced by a fixed reply (state still read and written): what the
  // HTTP layer and the store cost on their own.
  const fixed = await service.assistant.reply("bench-fixed", "Wat is een TLV?");
  const stubbed = await startService(
    { PORT: 0, HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: 1_000_000_000, MAX_IN_FLIGHT: 10_000 },
    {
      logger,
      stores: service.stores,
      assistant: {
        ...service.assistant,
        async reply(id) {
          const state = await service.stores.conversations.get(id);
          await service.stores.conversations.set(id, { lastEntryId: fixed.answerId, turns: (state?.turns ?? 0) + 1 });
          return fixed;
        },
      },
    },
  );

  try {
    // Warm up both (JIT, SQLite page cache).
    await cannon(bareUrl, { connections: 10, duration: 1 });
    await cannon(`${service.url}/api/chat`, { connections: 10, duration: 1 });

    const bareResult = await cannon(bareUrl, { connections, duration: seconds });
    const chatResult = await cannon(`${service.url}/api/chat`, { connections, duration: seconds });
    const ratio = chatResult.requests.average / bareResult.requests.average;
    const stubResult = await cannon(`${stubbed.url}/api/chat`, { connections, duration: Math.max(2, seconds / 2) });

    const overloadConnections = connections * 4;
    const overload = await cannon(`${shedding.url}/api/chat`, { connections: overloadConnections, duration: Math.max(3, seconds * 0.6), timeout: 10 });
    const stats = overload.statusCodeStats ?? {};
    const count = (code: string) => stats[code as `${number}`]?.count ?? 0;
    const ok = overload["2xx"];
    const shed = count("503");
    const other = overload.requests.total - ok - shed;

    console.log(`http (loopback, ${connections} connections, ${seconds} s each; autocannon in a worker thread)`);
    console.log(line("bare express, fixed JSON", bareResult));
    console.log(line("POST /api/chat (SQLite)", chatResult));
    console.log(`  ratio chat / bare              ${fmt(ratio, 3)}  (aim: at least 0.5)`);
    console.log(line("POST /api/chat, core stubbed", stubResult));
    console.log(
      `  ratio stubbed / bare           ${fmt(stubResult.requests.average / bareResult.requests.average, 3)}  ` +
        `(HTTP layer + SQLite alone; per request: chat ${fmt(1000 / chatResult.requests.average, 2)} ms, ` +
        `stubbed ${fmt(1000 / stubResult.requests.average, 2)} ms, bare ${fmt(1000 / bareResult.requests.average, 2)} ms of one core)`,
    );
    console.log(
      `  overload: ${overloadConnections} connections (4x), MAX_IN_FLIGHT ${maxInFlight}: ${fmt(overload.requests.total)} requests, ` +
        `${fmt(ok)} answered 2xx, ${fmt(shed)} shed with 503, ${other} other; ${overload.timeouts} timeouts, ${overload.errors} errors; ` +
        `p50 ${fmt(overload.latency.p50, 1)} ms, p99 ${fmt(overload.latency.p99, 1)} ms, max ${fmt(overload.latency.max, 1)} ms`,
    );
    console.log(`  every request answered, none timed out: ${overload.timeouts === 0 && overload.errors === 0 && other === 0 ? "yes" : "NO"}`);
  } finally {
    await shedding.close();
    await stubbed.close();
    await service.close();
    await new Promise((r) => bareServer.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
