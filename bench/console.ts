// Console figures: password hashing (scrypt, the login's fixed cost), assist over HTTP for a pasted e-mail,
// and the insights page over a month of synthetic traffic. Runs the real service (SQLite in a temp folder).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword, verifyPassword } from "../src/console/password.js";
import { startService } from "../src/web/start.js";
import { adversarialInputs } from "../tests/security/adversarial.js";

const EMAIL = `Beste meneer/mevrouw,

Mijn zoon zit in groep 6 en heeft dyslexie. De school heeft een OPP gemaakt maar ik ben het niet eens met het handelingsdeel.
Moet ik dit tekenen? En kan de school hem zomaar naar het speciaal onderwijs sturen?

Met vriendelijke groet,
Een ouder`;

export async function main(): Promise<void> {
  console.log("console");
  const hashes: number[] = [];
  let hash = "";
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    hash = await hashPassword("een-lang-wachtwoord-voor-de-bench");
    hashes.push(performance.now() - s);
  }
  const v = performance.now();
  await verifyPassword("een-lang-wachtwoord-voor-de-bench", hash);
  console.log(
    `  password hash (scrypt 2^17)  median ${median(hashes).toFixed(0)} ms, verify ${(performance.now() - v).toFixed(0)} ms (libuv thread pool, not the event loop)`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), "ow-bench-console-"));
  const service = await startService({ PORT: 0, HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  try {
    await service.stores.staff.add({ email: "bench@steunpunt.example", passwordHash: hash, role: "admin" });
    const cookie = await login(service.url);
    const csrf =
      /<meta name="csrf-token" content="([^"]+)">/.exec(
        await (await fetch(`${service.url}/console/verzoeken`, { headers: { cookie } })).text(),
      )?.[1] ?? "";

    const assist = async () => {
      const res = await fetch(`${service.url}/console/api/hulp`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
        body: JSON.stringify({ text: EMAIL }),
      });
      if (res.status !== 200) throw new Error(`assist answered ${res.status}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 20; i++) await assist();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await assist();
      times.push(performance.now() - s);
    }
    console.log(
      `  assist (e-mail, HTTP)        p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms over ${times.length} requests`,
    );

    // The worst pastes up to the limit (10,000 characters; issue 14): median and slowest of 9 requests each, over
    // HTTP (the median is the work; aim: at most 5 ms).
    console.log("  assist worst case (9 requests each, paste of 10,000 characters, HTTP; aim: median at most 5 ms):");
    for (const [label, text] of Object.entries(adversarialInputs(10_000))) {
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const s = performance.now();
        const res = await fetch(`${service.url}/console/api/hulp`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf },
          body: JSON.stringify({ text }),
        });
        await res.arrayBuffer();
        times.push(performance.now() - s);
      }
      const sorted = times.sort((a, b) => a - b);
      const mid = sorted[Math.floor(sorted.length / 2)] ?? 0;
      console.log(`    ${label.padEnd(28)} median ${mid.toFixed(1)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
    }

    // A month of traffic: 3,000 conversations of 3 questions each, through the store.
    const questions = [
      "wat is een opp",
      "moet ik tekenen",
      "hoe laat is de schoolreis",
      "wat is een tlv",
      "ik wil bezwaar maken",
    ];
    const start = performance.now();
    for (let c = 0; c < 3000; c++) {
      const id = `bench-${c}`;
      const turns = [0, 1, 2].flatMap((k) => {
        const q = questions[(c + k) % questions.length] as string;
        const fallback = q.includes("schoolreis");
        return [
          { role: "parent" as const, text: q, channel: c % 3 === 0 ? ("telegram" as const) : ("web" as const) },
          {
            role: "assistant" as const,
            text: "antwoord",
            kind: fallback ? "fallback" : "answer",
            answerId: fallback ? null : "opp-wat-is-het",
            channel: c % 3 === 0 ? ("telegram" as const) : ("web" as const),
          },
        ];
      });
      await service.stores.conversations.appendTurns(id, turns);
    }
    const writeMs = performance.now() - start;
    const pages: number[] = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      const res = await fetch(`${service.url}/console/inzichten?dagen=30`, { headers: { cookie } });
      size = (await res.arrayBuffer()).byteLength;
      pages.push(performance.now() - s);
    }
    console.log(
      `  insights page (18,000 turns) median ${median(pages).toFixed(0)} ms, ${Math.round(size / 1024)} KB HTML (writing the turns took ${(writeMs / 1000).toFixed(1)} s)`,
    );
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function login(base: string): Promise<string> {
  const page = await fetch(`${base}/console/inloggen`);
  const cookie = page.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text())?.[1] ?? "";
  const res = await fetch(`${base}/console/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({
      email: "bench@steunpunt.example",
      password: "een-lang-wachtwoord-voor-de-bench",
      _csrf: csrf,
    }),
  });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  return res.headers.getSetCookie()[0]?.split(";")[0] ?? "";
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

function median(values: number[]): number {
  return pct(values, 50);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
