// HTTP figures on loopback. Each variant of the service runs in a process of its own (bench/serve.ts) and the
// load comes from this one (autocannon), so CPU time and memory are the service's alone. The services run from
// dist/ with the node flags of `npm start` (run `npm run build` first; `npm run bench` does):
//   - POST /api/chat of the complete service (SQLite, request logging, rate limiter lifted);
//   - the same with the answering core replaced by a fixed reply (what the HTTP layer and the store cost), and
//     with memory stores too (the HTTP layer alone);
//   - a bare express endpoint returning fixed JSON, to compare with;
//   - a run at four times the saturating load with MAX_IN_FLIGHT 16: every request gets an answer (2xx or a fast
//     503) and none times out;
//   - the resident memory (RSS) of the complete service when idle and after the load.
//
// The ratios compare the CPU time one request costs the service process (from /proc, user + system), the median
// of rounds that take turns: requests per second alone would say as much about the machine's other work (and
// the load generator on the same cores) as about the service.
//
// npm run build && npx tsx bench/http.ts        (BENCH_HTTP_SECONDS=4 per round by default; about a minute)
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";

const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 4);
const connections = 50;
const rounds = 3;
const ticksPerSecond = 100; // CLK_TCK on Linux

// Questions parents ask, cycled by every connection; each request starts a new conversation (two turns written).
const questions = [
  "Wat is een TLV?",
  "Mijn kind krijgt geen hulp op school, wat kan ik doen?",
  "Wat is een ontwikkelingsperspectief?",
  "Hoe maak ik bezwaar tegen een besluit van het samenwerkingsverband?",
  "Wat is zorgplicht?",
  "Wie betaalt het leerlingenvervoer?",
];

async function cannon(url: string, opts: { connections: number; duration: number; timeout?: number }) {
  return autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: opts.timeout ?? 10,
    requests: questions.map((text) => ({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    })),
  });
}

interface Variant {
  name: string;
  child: ChildProcess;
  url: string;
}

/** The node flags of `npm start` (package.json), so the service runs as in production. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return /node ((?:--\S+ )*)dist\/main\.js/.exec(pkg.scripts.start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

async function startVariant(name: string): Promise<Variant> {
  // The built service (npm run bench builds first), without a TypeScript loader in the process.
  const child = spawn(process.execPath, [...startFlags(), join(import.meta.dirname, "serve.mjs"), name], {
    cwd: join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`bench/serve.ts ${name} exited with ${code}`)));
  });
  return { name, child, url: `http://127.0.0.1:${port}/api/chat` };
}

/** CPU time (user + system, all threads) of a process so far, in ms; undefined where /proc is missing. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process, in MB. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface Measure {
  rps: number;
  msPerRequest: number;
  p50: number;
  p99: number;
  bad: number;
}

async function measure(v: Variant): Promise<Measure> {
  const pid = v.child.pid as number;
  const before = cpuMs(pid) ?? 0;
  const r = await cannon(v.url, { connections, duration: seconds });
  const used = (cpuMs(pid) ?? 0) - before;
  return {
    rps: r.requests.average,
    msPerRequest: used / Math.max(1, r.requests.total),
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.non2xx + r.errors,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function line(label: string, runs: Measure[]) {
  const last = runs[runs.length - 1] as Measure;
  return `  ${label.padEnd(34)} ${fmt(median(runs.map((r) => r.rps))).padStart(6)} req/s  ${fmt(median(runs.map((r) => r.msPerRequest)), 3).padStart(6)} ms CPU/request  p50 ${fmt(last.p50, 1).padStart(5)} ms  p99 ${fmt(last.p99, 1).padStart(6)} ms  (${runs.reduce((n, r) => n + r.bad, 0)} non-2xx or errors)`;
}

export async function main(): Promise<void> {
  const names = ["bare", "chat", "stubbed", "layer"] as const;
  const variants = new Map<string, Variant>();
  try {
    for (const name of [...names, "shedding"]) variants.set(name, await startVariant(name));
    const chat = variants.get("chat") as Variant;
    const rssIdle = rssMb(chat.child.pid as number);
    // Warm up (JIT, SQLite page cache).
    for (const name of names) await cannon((variants.get(name) as Variant).url, { connections: 10, duration: 1 });

    const runs = Object.fromEntries(names.map((n) => [n, [] as Measure[]])) as Record<
      (typeof names)[number],
      Measure[]
    >;
    for (let r = 0; r < rounds; r++)
      for (const name of names) runs[name].push(await measure(variants.get(name) as Variant));
    const rssAfter = rssMb(chat.child.pid as number);
    const cost = (name: (typeof names)[number]) => median(runs[name].map((m) => m.msPerRequest));
    const ratio = (name: (typeof names)[number]) => cost("bare") / cost(name);

    const shedding = variants.get("shedding") as Variant;
    const overloadConnections = connections * 4;
    const overload = await cannon(shedding.url, {
      connections: overloadConnections,
      duration: Math.max(3, seconds),
      timeout: 10,
    });
    const stats = overload.statusCodeStats ?? {};
    const ok = overload["2xx"];
    const shed = stats["503" as `${number}`]?.count ?? 0;
    const other = overload.requests.total - ok - shed;

    console.log(
      `http (loopback, ${connections} connections, ${rounds} rounds of ${seconds} s taking turns; each service in its own process)`,
    );
    console.log(line("bare express, fixed JSON", runs.bare));
    console.log(line("POST /api/chat (SQLite)", runs.chat));
    console.log(line("POST /api/chat, core stubbed", runs.stubbed));
    console.log(line("… core stubbed, memory stores", runs.layer));
    console.log(`  ratio chat / bare              ${fmt(ratio("chat"), 3)}  (CPU time per request; aim: at least 0.3)`);
    console.log(
      `  ratio stubbed / bare           ${fmt(ratio("stubbed"), 3)}  (HTTP layer + SQLite; aim: at least 0.5)`,
    );
    console.log(`  ratio HTTP layer alone / bare  ${fmt(ratio("layer"), 3)}  (memory stores)`);
    console.log(
      `  overload: ${overloadConnections} connections (4x), MAX_IN_FLIGHT 16: ${fmt(overload.requests.total)} requests, ` +
        `${fmt(ok)} answered 2xx, ${fmt(shed)} shed with 503, ${other} other; ${overload.timeouts} timeouts, ${overload.errors} errors; ` +
        `p50 ${fmt(overload.latency.p50, 1)} ms, p99 ${fmt(overload.latency.p99, 1)} ms, max ${fmt(overload.latency.max, 1)} ms`,
    );
    console.log(
      `  every request answered, none timed out: ${overload.timeouts === 0 && overload.errors === 0 && other === 0 ? "yes" : "NO"}`,
    );
    if (rssIdle !== undefined && rssAfter !== undefined) {
      console.log(
        `  memory of the complete service (RSS): idle ${fmt(rssIdle)} MB, after the load ${fmt(rssAfter)} MB (aim: at most 150 MB)`,
      );
    }
  } finally {
    await Promise.all(
      [...variants.values()].map(
        (v) =>
          new Promise<void>((resolve) => {
            if (v.child.exitCode !== null) {
              resolve();
              return;
            }
            const hard = setTimeout(() => v.child.kill("SIGKILL"), 15_000);
            v.child.once("exit", () => {
              clearTimeout(hard);
              resolve();
            });
            v.child.kill("SIGTERM");
          }),
      ),
    );
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
