import { rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Reply } from "../../src/core/index.js";
import { StoreUnavailableError } from "../../src/stores/errors.js";
import { createMemoryStores } from "../../src/stores/index.js";
import { createLogger } from "../../src/logger.js";
import { startService, type RunningService } from "../../src/web/start.js";
import { captureLogs, gate, postJson, startTestService, tempDir, type TestService } from "./harness.js";

// The HTTP contract over a real socket: the complete service as `npm start` builds it (SQLite in a temp dir,
// the real knowledge base), plus smaller services with fakes around the assistant for overload and failures.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let service: RunningService;
let url: string;
const logs = captureLogs();
const dataDir = tempDir();

beforeAll(async () => {
  service = await startService(
    { PORT: 0, HOST: "127.0.0.1", DATA_DIR: dataDir, MAX_MESSAGE_CHARS: 1000, RATE_LIMIT_PER_MINUTE: 1000 },
    { logger: createLogger({ LOG_LEVEL: "info" }, logs.destination) },
  );
  url = service.url;
});
afterAll(async () => {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const chat = (body: unknown, headers?: Record<string, string>) => postJson(`${url}/api/chat`, body, headers);

/** After a bad request, the service still answers a good one. */
async function expectStillServing() {
  const res = await chat({ text: "Wat is een OPP?" });
  expect(res.status).toBe(200);
  expect(Reply.safeParse(((await res.json()) as { reply: unknown }).reply).success).toBe(true);
}

describe("POST /api/chat", () => {
  it("answers a TLV question with a new random conversation id and a contract-shaped reply", async () => {
    const res = await chat({ text: "Wat is een TLV?" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { conversationId: string; reply: Reply };
    expect(body.conversationId).toMatch(UUID);
    const reply = Reply.parse(body.reply);
    expect(reply.kind).toBe("answer");
    expect(reply.answerId).toBeTruthy();
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.text).toMatch(/TLV|toelaatbaarheidsverklaring/i);
  });

  it("continues a conversation with its id, and starts a new one for an unknown or malformed id", async () => {
    const first = (await (await chat({ text: "Wat is een TLV?" })).json()) as { conversationId: string; reply: Reply };
    const followUp = (await (
      await chat({ conversationId: first.conversationId, text: "En hoe vraag ik die aan?" })
    ).json()) as {
      conversationId: string;
      reply: Reply;
    };
    expect(followUp.conversationId).toBe(first.conversationId);
    // The follow-up is resolved with the stored state of the first turn.
    expect(followUp.reply.kind).toBe("answer");
    expect(followUp.reply.answerId).not.toBe(first.reply.answerId);

    for (const conversationId of ["4a8f1f0e-8f1e-4c2a-9d1e-2b7c1d9e0f3a", "tg-123", "../../etc/passwd", "", null]) {
      const res = await chat({ conversationId, text: "Hallo" });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { conversationId: string };
      expect(body.conversationId).toMatch(UUID);
      expect(body.conversationId).not.toBe(conversationId);
    }
  });

  it("ids are unguessable: many new conversations never repeat an id", async () => {
    const ids = await Promise.all(
      Array.from(
        { length: 30 },
        async () => ((await (await chat({ text: "hoi" })).json()) as { conversationId: string }).conversationId,
      ),
    );
    expect(new Set(ids).size).toBe(30);
  });

  const badInputs: Array<
    [name: string, body: string, headers: Record<string, string>, status: number, message: RegExp]
  > = [
    ["bad JSON", '{"text": "Wat is', {}, 400, /JSON/],
    ["JSON that is not an object", '["Wat is een TLV?"]', {}, 400, /JSON-object/],
    ["a JSON string", '"Wat is een TLV?"', {}, 400, /JSON/],
    ["JSON null", "null", {}, 400, /JSON/],
    ["no body", "", {}, 400, /Typ eerst een vraag/],
    ["plain text instead of JSON", "Wat is een TLV?", { "Content-Type": "text/plain" }, 400, /JSON/],
    ["missing text", '{"conversationId": null}', {}, 400, /Typ eerst een vraag/],
    ["empty text", '{"text": ""}', {}, 400, /Typ eerst een vraag/],
    ["only spaces", '{"text": "   \\n\\t "}', {}, 400, /Typ eerst een vraag/],
    ["text as a number", '{"text": 42}', {}, 400, /tekst/],
    ["text as an array", '{"text": ["a"]}', {}, 400, /tekst/],
    ["conversationId as a number", '{"conversationId": 5, "text": "hoi"}', {}, 400, /verzoek klopt niet/],
    ["text one character over the limit", JSON.stringify({ text: "a".repeat(1001) }), {}, 413, /maximaal 1000 tekens/],
    ["a body over 16 kB", JSON.stringify({ text: "a".repeat(17 * 1024) }), {}, 413, /te groot/],
    ["a body of 2x the limit", JSON.stringify({ text: "b", pad: "x".repeat(32 * 1024) }), {}, 413, /te groot/],
  ];

  it.each(badInputs)(
    "rejects %s with a JSON error and keeps serving",
    async (_name, body, headers, status, message) => {
      const res = await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body,
      });
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const json = (await res.json()) as { error: string };
      expect(json.error).toMatch(message);
      const raw = JSON.stringify(json);
      expect(raw).not.toMatch(/\bat \w|node_modules|\.ts:|SyntaxError|Unexpected token/);
      await expectStillServing();
    },
  );

  it("answers a send retried with the same client message id once, sequentially and concurrently (W-08)", async () => {
    const id = "3f0c4a52-9d1e-4b7a-8c55-0a1b2c3d4e5f";
    const first = await chat({ text: "Wat is een TLV?", clientMessageId: id });
    expect(first.status).toBe(200);
    const body = await first.json();
    const again = await Promise.all([1, 2, 3].map(() => chat({ text: "Wat is een TLV?", clientMessageId: id })));
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(body);
    }
    const turns = (await (await fetch(`${url}/api/conversations/${body.conversationId}`)).json()).turns;
    expect(turns.map((t: { role: string }) => t.role)).toEqual(["parent", "assistant"]);

    // Concurrent first sends of a new message: one answer, stored once.
    const id2 = "7b9e2c10-1f2a-4c3b-9d4e-5f6a7b8c9d0e";
    const burst = await Promise.all(
      [1, 2, 3].map(() =>
        chat({ conversationId: body.conversationId, text: "En wie vraagt die aan?", clientMessageId: id2 }),
      ),
    );
    const answers = await Promise.all(burst.map((r) => r.json()));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const after = (await (await fetch(`${url}/api/conversations/${body.conversationId}`)).json()).turns;
    expect(after).toHaveLength(4);

    // The same id with another message is refused and stores nothing.
    const other = await chat({ conversationId: body.conversationId, text: "Iets anders", clientMessageId: id2 });
    expect(other.status).toBe(422);
    expect((await other.json()).error).toMatch(/al gebruikt/);
    expect((await (await fetch(`${url}/api/conversations/${body.conversationId}`)).json()).turns).toHaveLength(4);
    // Not a UUID: a clear 400.
    expect((await chat({ text: "Wat is een TLV?", clientMessageId: "1" })).status).toBe(400);
  });

  it("accepts text exactly at the limit", async () => {
    const res = await chat({ text: `Wat is een TLV? ${"a".repeat(1000 - 16)}` });
    expect(res.status).toBe(200);
  });

  it("names each wrong field", async () => {
    const res = await chat({ conversationId: 5, text: 7 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Record<string, string> };
    expect(Object.keys(body.fields).sort()).toEqual(["conversationId", "text"]);
  });
});

describe("transcript, erasure and feedback", () => {
  it("stores both sides of the conversation masked, and only the holder of the id reads it", async () => {
    const first = (await (
      await chat({ text: "Wat is een TLV? Mail me op ouder@voorbeeld.nl of bel 06-12345678" })
    ).json()) as {
      conversationId: string;
      reply: Reply;
    };
    await chat({ conversationId: first.conversationId, text: "Mijn BSN is 123456782, wie mag dat zien?" });

    const res = await fetch(`${url}/api/conversations/${first.conversationId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as {
      conversationId: string;
      turns: Array<{
        seq: number;
        role: string;
        text: string;
        kind: string | null;
        answerId: string | null;
        createdAt: string;
      }>;
    };
    expect(body.conversationId).toBe(first.conversationId);
    expect(body.turns.map((t) => [t.seq, t.role])).toEqual([
      [1, "parent"],
      [2, "assistant"],
      [3, "parent"],
      [4, "assistant"],
    ]);
    expect(body.turns[0]?.text).toBe("Wat is een TLV? Mail me op [e-mail] of bel [telefoon]");
    expect(body.turns[2]?.text).toBe("Mijn BSN is [bsn], wie mag dat zien?");
    // The answer is stored as given, helpline numbers included.
    expect(body.turns[1]).toMatchObject({
      text: first.reply.text,
      kind: first.reply.kind,
      answerId: first.reply.answerId,
    });
    expect(Date.parse(body.turns[0]?.createdAt ?? "")).not.toBeNaN();

    // Someone without the id: random ids, other formats, a Telegram-style id.
    for (const id of ["4a8f1f0e-8f1e-4c2a-9d1e-2b7c1d9e0f3a", "tg-abc", "1", first.conversationId.toUpperCase()]) {
      const other = await fetch(`${url}/api/conversations/${encodeURIComponent(id)}`);
      expect(other.status).toBe(404);
      expect(((await other.json()) as { error: string }).error).toMatch(/bestaat niet/);
    }
  });

  it("erases a conversation: 204, then gone, and its id starts a new conversation", async () => {
    const { conversationId } = (await (await chat({ text: "Wat is een OPP?" })).json()) as { conversationId: string };
    await postJson(`${url}/api/feedback`, { conversationId, answerId: "opp-wat", helpful: true });
    const del = await fetch(`${url}/api/conversations/${conversationId}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    expect((await fetch(`${url}/api/conversations/${conversationId}`)).status).toBe(404);
    expect(await service.stores.conversations.exists(conversationId)).toBe(false);
    expect((await service.stores.feedback.list()).some((f) => f.conversationId === conversationId)).toBe(false);
    const again = (await (await chat({ conversationId, text: "hoi" })).json()) as { conversationId: string };
    expect(again.conversationId).not.toBe(conversationId);
    // Erasing again, or an id that never existed, is fine too.
    expect((await fetch(`${url}/api/conversations/${conversationId}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${url}/api/conversations/nonsense`, { method: "DELETE" })).status).toBe(204);
  });

  it("records feedback on an answer, with the comment masked", async () => {
    const { conversationId, reply } = (await (await chat({ text: "Wat is een TLV?" })).json()) as {
      conversationId: string;
      reply: Reply;
    };
    const res = await postJson(`${url}/api/feedback`, {
      conversationId,
      answerId: reply.answerId,
      helpful: false,
      comment: "Bel me even: 0612345678",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    const stored = (await service.stores.feedback.list()).filter((f) => f.conversationId === conversationId);
    expect(stored).toEqual([
      expect.objectContaining({ answerId: reply.answerId, helpful: false, comment: "Bel me even: [telefoon]" }),
    ]);
  });

  it("rejects feedback for an unknown conversation or with wrong types", async () => {
    const unknown = await postJson(`${url}/api/feedback`, {
      conversationId: "4a8f1f0e-8f1e-4c2a-9d1e-2b7c1d9e0f3a",
      answerId: "x",
      helpful: true,
    });
    expect(unknown.status).toBe(404);
    const { conversationId } = (await (await chat({ text: "hoi" })).json()) as { conversationId: string };
    for (const body of [
      { conversationId, answerId: "x", helpful: "ja" },
      { conversationId, helpful: true },
      { conversationId, answerId: "x", helpful: true, comment: "x".repeat(1001) },
      [],
    ]) {
      const res = await postJson(`${url}/api/feedback`, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    await expectStillServing();
  });

  it("lists the topics with their questions", async () => {
    const res = await fetch(`${url}/api/topics`);
    expect(res.status).toBe(200);
    const { topics } = (await res.json()) as {
      topics: Array<{ id: string; label: string; entries: Array<{ id: string; question: string }> }>;
    };
    expect(topics.length).toBeGreaterThan(2);
    expect(topics.every((t) => t.label && t.entries.every((e) => e.id && e.question))).toBe(true);
  });
});

describe("health, errors and headers", () => {
  it("reports healthy when the knowledge is loaded and the database answers", async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers unknown routes with a JSON 404", async () => {
    for (const [method, path] of [
      ["GET", "/api/nope"],
      ["POST", "/api/chat/extra"],
      ["PUT", "/api/chat"],
      ["GET", "/nope.html"],
      ["GET", "/ouderwijzer.db"],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
  });

  it("sends security headers and no fingerprint", async () => {
    const res = await fetch(`${url}/api/topics`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBeTruthy();
    expect(res.headers.get("x-powered-by")).toBeNull();
    expect(res.headers.get("x-request-id")).toMatch(UUID);
  });

  it("logs one line per request with ids, kinds and timings, and never what parents typed", async () => {
    const secret = "Geheimwoordje";
    const res = await chat({ text: `${secret} Wat is een TLV? bel 0687654321 of mail geheim@voorbeeld.nl` });
    const requestId = res.headers.get("x-request-id");
    const answer = (await res.json()) as { reply: Reply };
    await new Promise((r) => setTimeout(r, 20));
    const all = logs.lines.join("\n");
    for (const s of [secret, "0687654321", "geheim@voorbeeld.nl", answer.reply.text.slice(0, 40)])
      expect(all).not.toContain(s);
    const line = logs.parsed().find((l) => l.reqId === requestId && l.msg === "request");
    expect(line).toMatchObject({ method: "POST", route: "POST /api/chat", status: 200, kind: answer.reply.kind });
    expect(typeof line?.ms).toBe("number");

    // An answer is logged with its entry id.
    const tlv = await chat({ text: "Wat is een TLV?" });
    const tlvReply = ((await tlv.json()) as { reply: Reply }).reply;
    await new Promise((r) => setTimeout(r, 20));
    const tlvLine = logs.parsed().find((l) => l.reqId === tlv.headers.get("x-request-id") && l.msg === "request");
    expect(tlvLine).toMatchObject({ kind: "answer", answerId: tlvReply.answerId });
  });
});

describe("static files", () => {
  let s: TestService;
  const dir = tempDir();
  beforeAll(async () => {
    mkdirSync(join(dir, "public"));
    writeFileSync(join(dir, "public", "index.html"), "<!doctype html><title>Steunpunt</title>");
    writeFileSync(join(dir, "widget.js"), "console.log('widget')");
    s = await startTestService({}, { paths: { publicDir: join(dir, "public"), widgetFile: join(dir, "widget.js") } });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves widget.js so that any site can embed it", async () => {
    const res = await fetch(`${s.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(await res.text()).toBe("console.log('widget')");
  });

  it("serves the demo page at / under the CSP", async () => {
    const res = await fetch(`${s.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Steunpunt");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("answers 503 with a clear JSON error when widget.js is not built", async () => {
    const t = await startTestService({}, { paths: { widgetFile: join(dir, "missing.js") } });
    const res = await fetch(`${t.url}/widget.js`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/build-widget/);
    await t.close();
  });
});

describe("CORS", () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startTestService({ WIDGET_ORIGINS: ["https://school.example", "https://steunpunt.example/"] });
  });
  afterAll(() => s.close());

  it("allows the configured origins with an exact echo", async () => {
    for (const origin of ["https://school.example", "https://steunpunt.example"]) {
      const res = await postJson(`${s.url}/api/chat`, { text: "hoi" }, { Origin: origin });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("vary")).toMatch(/Origin/i);
    }
    const preflight = await fetch(`${s.url}/api/chat`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://school.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://school.example");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("gives a disallowed origin no CORS headers at all", async () => {
    for (const origin of [
      "https://evil.example",
      "http://school.example",
      "https://school.example.evil.example",
      "null",
    ]) {
      const res = await postJson(`${s.url}/api/chat`, { text: "hoi" }, { Origin: origin });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
      const preflight = await fetch(`${s.url}/api/chat`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After and a Dutch message after the limit, per client IP", async () => {
    const s = await startTestService({ RATE_LIMIT_PER_MINUTE: 3, TRUST_PROXY: "1" });
    try {
      const from = (ip: string) => ({ "X-Forwarded-For": ip });
      for (let i = 0; i < 3; i++)
        expect((await postJson(`${s.url}/api/chat`, { text: "hoi" }, from("203.0.113.1"))).status).toBe(200);
      const limited = await postJson(`${s.url}/api/chat`, { text: "hoi" }, from("203.0.113.1"));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(((await limited.json()) as { error: string }).error).toMatch(/Wacht een minuut/);
      // Another client (behind the one trusted proxy) is not affected.
      expect((await postJson(`${s.url}/api/chat`, { text: "hoi" }, from("203.0.113.2"))).status).toBe(200);
      // Reading still works for the limited client: the chat limit is for sending.
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("ignores a forged X-Forwarded-For when no proxy is trusted", async () => {
    const s = await startTestService({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: "false" });
    try {
      expect((await postJson(`${s.url}/api/chat`, { text: "hoi" }, { "X-Forwarded-For": "198.51.100.1" })).status).toBe(
        200,
      );
      expect((await postJson(`${s.url}/api/chat`, { text: "hoi" }, { "X-Forwarded-For": "198.51.100.2" })).status).toBe(
        200,
      );
      expect((await postJson(`${s.url}/api/chat`, { text: "hoi" }, { "X-Forwarded-For": "198.51.100.3" })).status).toBe(
        429,
      );
    } finally {
      await s.close();
    }
  });
});

describe("overload and failures", () => {
  it("sheds load: beyond MAX_IN_FLIGHT it answers 503 with Retry-After at once, and recovers", async () => {
    const held = gate();
    let waiting = 0;
    const s = await startTestService(
      { MAX_IN_FLIGHT: 2 },
      {
        wrap: (a) => ({
          ...a,
          reply: async (id, text) => {
            if (text === "wacht") {
              waiting++;
              await held.opened;
            }
            return a.reply(id, text);
          },
        }),
      },
    );
    try {
      const slow = [postJson(`${s.url}/api/chat`, { text: "wacht" }), postJson(`${s.url}/api/chat`, { text: "wacht" })];
      while (waiting < 2) await new Promise((r) => setTimeout(r, 5));
      const start = performance.now();
      const shed = await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" });
      const ms = performance.now() - start;
      expect(shed.status).toBe(503);
      expect(shed.headers.get("retry-after")).toBe("1");
      expect(((await shed.json()) as { error: string }).error).toMatch(/druk/);
      expect(ms).toBeLessThan(500);
      held.open();
      for (const res of await Promise.all(slow)) expect(res.status).toBe(200);
      expect((await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).status).toBe(200);
    } finally {
      held.open();
      await s.close();
    }
  });

  it("turns an unexpected error into a 500 with a request id and no details, and keeps serving", async () => {
    const s = await startTestService(
      {},
      {
        wrap: (a) => ({
          ...a,
          reply: async (id, text) => {
            if (text === "boem") throw new Error("secret internal detail at /srv/app.ts:12");
            if (text === "database weg")
              throw new StoreUnavailableError("stores: PostgreSQL is not available (57P01)", "57P01");
            return a.reply(id, text);
          },
        }),
      },
    );
    try {
      const res = await postJson(`${s.url}/api/chat`, { text: "boem" });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: string; requestId: string };
      expect(body.requestId).toBe(res.headers.get("x-request-id"));
      expect(JSON.stringify(body)).not.toMatch(/secret|srv|app\.ts|Error/);
      // The log has the error (without its message) for the same request id.
      const line = s.logs.parsed().find((l) => l.reqId === body.requestId && l.msg === "unhandled error");
      expect(line).toBeTruthy();
      expect(JSON.stringify(line)).not.toContain("secret internal detail");

      const down = await postJson(`${s.url}/api/chat`, { text: "database weg" });
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("30");
      expect(((await down.json()) as { error: string }).error).toMatch(/werkt even niet/);

      expect((await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("reports 503 on /healthz when the database is gone, while /livez stays 200", async () => {
    const stores = createMemoryStores();
    const s = await startTestService({}, { stores });
    try {
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      await stores.close();
      const res = await fetch(`${s.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable" });
      expect((await fetch(`${s.url}/livez`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("shuts down gracefully: finishes requests in flight and refuses new connections", async () => {
    const held = gate();
    let waiting = 0;
    const s = await startTestService(
      {},
      {
        drainTimeoutMs: 5000,
        wrap: (a) => ({
          ...a,
          reply: async (id, text) => {
            waiting++;
            await held.opened;
            return a.reply(id, text);
          },
        }),
      },
    );
    const inFlight = postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" });
    while (waiting < 1) await new Promise((r) => setTimeout(r, 5));
    const start = performance.now();
    const closed = s.close();
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    held.open();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reply: Reply }).reply.kind).toBe("answer");
    await closed;
    // Closed as soon as the last request finished, not after waiting out the 5 s drain timeout.
    expect(performance.now() - start).toBeLessThan(4500);
  });
});
