import { rmSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStores, createPostgresStores, createSqliteStores } from "../../src/stores/index.js";
import { storableText } from "../../src/stores/text.js";
import type { Stores } from "../../src/stores/types.js";
import { postJson, startTestService, tempDir } from "../web/harness.js";
import { dropSchemas, freshSchema, pgAvailable, pgUrl } from "./pg.js";

// Finding 7 of issue 14: a NUL character gave a 500 on PostgreSQL (error 22021) and was stored raw on SQLite, with
// other control bytes and lone surrogates. Every store must take such text and keep the same, cleaned, text.

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await dropSchemas();
});

const backends: Array<{ name: string; skip?: boolean; create: () => Promise<Stores> }> = [
  { name: "memory", create: async () => createMemoryStores() },
  {
    name: "sqlite",
    create: async () => {
      const dir = tempDir("ow-ctl-");
      dirs.push(dir);
      return createSqliteStores({ dataDir: dir });
    },
  },
  {
    name: "postgres",
    skip: !pgAvailable,
    create: () => createPostgresStores({ connectionString: pgUrl, schema: freshSchema("ctl") }),
  },
];

const NASTY = "hoi\u0000 wat is\u0007 een \u001bTLV\uD800? \uDC00 \u0085 emoji 😀\ttab\nnieuwe regel";

describe("storableText", () => {
  it("removes NUL and control characters, replaces lone surrogates, keeps tab, line breaks and emoji", () => {
    expect(storableText(NASTY)).toBe("hoi wat is een TLV\uFFFD? \uFFFD  emoji 😀\ttab\nnieuwe regel");
  });

  it("is idempotent and leaves well-formed text without controls unchanged", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 100 }),
        (s) => storableText(storableText(s)) === storableText(s),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 100 }).map((s) => s.replace(/[\p{Cc}]/gu, "")),
        (s) => storableText(s) === s,
      ),
      { numRuns: 300 },
    );
  });
});

const stored: Record<string, unknown> = {};

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name}: control characters and lone surrogates`, () => {
    it("answers (no 500) and stores the same cleaned text in turns, feedback and handoff contact", async () => {
      const stores = await backend.create();
      const s = await startTestService({ OPENING_HOURS: "altijd" }, { stores });
      try {
        const res = await postJson(`${s.url}/api/chat`, { text: NASTY });
        expect(res.status).toBe(200);
        const { conversationId } = (await res.json()) as { conversationId: string };
        const answerId = s.assistant.topics()[0]?.entries[0]?.id as string;
        expect(
          (
            await postJson(`${s.url}/api/feedback`, {
              conversationId,
              answerId,
              helpful: false,
              comment: "slecht\u0000\uD800",
            })
          ).status,
        ).toBe(201);
        await postJson(`${s.url}/api/chat`, { conversationId, text: "ik wil een mens spreken" });
        await postJson(`${s.url}/api/chat`, { conversationId, text: "ja" });
        expect(
          (await postJson(`${s.url}/api/chat`, { conversationId, text: "mail\u0000 mij op ouder@example.nl" })).status,
        ).toBe(200);

        const transcript = (await (await fetch(`${s.url}/api/conversations/${conversationId}`)).json()) as {
          turns: Array<{ role: string; text: string }>;
        };
        const parentTexts = transcript.turns.filter((t) => t.role === "parent").map((t) => t.text);
        expect(parentTexts[0]).toBe(storableText(NASTY));
        const comments = (await stores.feedback.list()).map((f) => f.comment);
        const contacts = (await stores.handoffs.list(["open"])).map((h) => h.contactValue);
        for (const text of [...parentTexts, ...comments, ...contacts]) {
          expect(text ?? "").not.toMatch(
            // eslint-disable-next-line no-control-regex -- finding control characters is the point
            /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          );
        }
        stored[backend.name] = { parentTexts, comments, contacts };
      } finally {
        await s.close();
        await stores.close();
      }
    }, 60_000);
  });
}

describe("every store", () => {
  it("stored exactly the same text", () => {
    const results = Object.values(stored);
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) expect(r).toEqual(results[0]);
  });
});
