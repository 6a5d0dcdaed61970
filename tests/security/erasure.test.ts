import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStores, createSqliteStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { postJson, startTestService, tempDir } from "../web/harness.js";
import { pgAvailable, pgUrl, dropSchemas } from "./pg.js";

// Finding 3 of issue 14: after an erasure and a checkpoint the SQLite file still held the feedback comment and the
// handoff phone number in free pages, and the WAL held the turns until it was checkpointed. An erased conversation
// must leave nothing readable in the data folder (SQLite), and no row (PostgreSQL).

const TEXT = "ZEBRAMARKER42 wat is een tlv";
const COMMENT = "OKAPIMARKER77 niet nuttig";
const PHONE = "0687654329";

/** A conversation with a turn, feedback with a comment and a handoff request with a phone number; then erased. */
async function converseAndErase(stores: Stores): Promise<string> {
  const s = await startTestService({ OPENING_HOURS: "altijd" }, { stores });
  try {
    const first = (await (await postJson(`${s.url}/api/chat`, { text: TEXT })).json()) as {
      conversationId: string;
      reply: { answerId: string | null };
    };
    const id = first.conversationId;
    const answerId = first.reply.answerId ?? (s.assistant.topics()[0]?.entries[0]?.id as string);
    expect(
      (await postJson(`${s.url}/api/feedback`, { conversationId: id, answerId, helpful: false, comment: COMMENT }))
        .status,
    ).toBe(201);
    await postJson(`${s.url}/api/chat`, { conversationId: id, text: "ik wil een mens spreken" });
    await postJson(`${s.url}/api/chat`, { conversationId: id, text: "ja" });
    const contact = (await (await postJson(`${s.url}/api/chat`, { conversationId: id, text: PHONE })).json()) as {
      handoff?: { status: string };
    };
    expect(contact.handoff?.status).toBe("open");
    expect((await s.stores.handoffs.list(["open"])).map((h) => h.contactValue)).toContain(PHONE);
    expect((await fetch(`${s.url}/api/conversations/${id}`, { method: "DELETE" })).status).toBe(204);
    return id;
  } finally {
    await s.close();
  }
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await dropSchemas();
});

describe("erasure leaves nothing readable", () => {
  it("SQLite: no byte of the erased turn, comment or phone number in any file of the data folder", async () => {
    const dir = tempDir("ow-erase-");
    dirs.push(dir);
    const stores = createSqliteStores({ dataDir: dir });
    try {
      await converseAndErase(stores);
      // Read while the store is still open (a copy of the folder taken now), and again after it closed.
      const scan = () => {
        const found: string[] = [];
        for (const f of readdirSync(dir)) {
          const bytes = readFileSync(join(dir, f));
          for (const marker of ["ZEBRAMARKER42", "OKAPIMARKER77", PHONE])
            if (bytes.includes(marker)) found.push(`${marker} in ${f}`);
        }
        return found;
      };
      expect(scan()).toEqual([]);
      await stores.close();
      expect(scan()).toEqual([]);
    } finally {
      await stores.close();
    }
  }, 60_000);

  it.skipIf(!pgAvailable)(
    "PostgreSQL: no row of any table holds the erased turn, comment or phone number",
    async () => {
      const schema = `erase_${process.pid}_${Date.now().toString(36)}`;
      const stores = await createPostgresStores({ connectionString: pgUrl, schema });
      try {
        await converseAndErase(stores);
      } finally {
        await stores.close();
      }
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const { rows: tables } = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
          [schema],
        );
        expect(tables.length).toBeGreaterThan(5);
        for (const { table_name } of tables) {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${schema}"."${table_name}" t WHERE t::text LIKE ANY($1)`,
            [["%ZEBRAMARKER42%", "%OKAPIMARKER77%", `%${PHONE}%`]],
          );
          expect(rows[0]?.n, table_name).toBe(0);
        }
      } finally {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
    60_000,
  );
});
