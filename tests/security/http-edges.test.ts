import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postJson, startTestService, type TestService } from "../web/harness.js";
import { rawRequest } from "./raw-http.js";

// Smaller findings of the attack run (issue 14, finding 7), each reproduced over a real socket.

describe("HTTP edges found by the attack run", () => {
  let s: TestService;
  beforeAll(async () => {
    s = await startTestService({ TRUST_PROXY: "1", REQUEST_TIMEOUT_SECONDS: 2 });
  });
  afterAll(() => s.close());

  it("sends HSTS only over https (here: an https proxy), never over plain http", async () => {
    const plain = await fetch(`${s.url}/api/topics`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const viaHttps = await fetch(`${s.url}/api/topics`, { headers: { "x-forwarded-proto": "https" } });
    expect(viaHttps.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("answers a malformed URL escape with a message about the address, not about JSON", async () => {
    for (const path of ["/api/conversations/%E0%A4%A", "/api/conversations/%"]) {
      const r = await rawRequest(s.port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(r.status, path).toBe(400);
      const body = JSON.parse(r.response.slice(r.response.indexOf("\r\n\r\n") + 4)) as { error: string };
      expect(body.error, path).toMatch(/adres/i);
      expect(body.error, path).not.toMatch(/JSON/);
    }
  });

  it("turns a chunked body with a broken chunk size away without an error in the log, and keeps serving", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = s.logs.lines.length;
      const r = await rawRequest(
        s.port,
        'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{"text":"hoi"}\r\n0\r\n\r\n',
      );
      expect(r.status).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const logged = s.logs.lines.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(
        logged.filter((l) => l.level >= 50),
        JSON.stringify(logged),
      ).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      expect((await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).status).toBe(200);
    } finally {
      consoleError.mockRestore();
    }
  });

  it("ends a body that stops short after the configured request timeout (2 s here), not ~30 s later", async () => {
    const r = await rawRequest(
      s.port,
      'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":"ho',
      15_000,
    );
    expect(r.closed).toBe(true);
    expect(r.ms).toBeGreaterThan(1500);
    expect(r.ms).toBeLessThan(4000);
    expect([0, 408]).toContain(r.status);
  }, 20_000);

  it("accepts feedback only for an answer id of the knowledge base, and never logs an unknown one", async () => {
    const chat = (await (await postJson(`${s.url}/api/chat`, { text: "Wat is een TLV?" })).json()) as {
      conversationId: string;
      reply: { answerId: string };
    };
    const forged = "x<script>" + "A".repeat(150);
    const bad = await postJson(`${s.url}/api/feedback`, {
      conversationId: chat.conversationId,
      answerId: forged,
      helpful: true,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Record<string, string> }).fields).toHaveProperty("answerId");
    expect(s.logs.lines.join("\n")).not.toContain("x<script>");
    const good = await postJson(`${s.url}/api/feedback`, {
      conversationId: chat.conversationId,
      answerId: chat.reply.answerId,
      helpful: true,
    });
    expect(good.status).toBe(201);
  });
});
