import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createMemoryStores } from "../../src/stores/memory.js";
import { createPostgresStores } from "../../src/stores/postgres.js";
import { createSqliteStores, openSqlite } from "../../src/stores/sqlite.js";
import { StoreUnavailableError } from "../../src/stores/errors.js";
import { startRetention } from "../../src/stores/retention.js";
import type { Stores, TurnInput } from "../../src/stores/types.js";

// One suite, run against every backend: memory, SQLite (temp dir) and PostgreSQL (its own schema per run).

const DAY = 86_400_000;
const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
const pgAvailable = await postgresReachable();
if (!pgAvailable) {
  console.warn(`[stores] PostgreSQL not reachable at ${pgUrl.replace(/\/\/[^@]*@/, "//***@")}: PostgreSQL store tests are SKIPPED`);
}

/** A clock the tests move by hand. */
function manualClock(start = Date.parse("2026-11-23T12:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

interface Backend {
  name: string;
  skip?: boolean;
  create(now: () => Date): Promise<Stores>;
  /** Everything the backend has written, as text, to search for personal data. */
  rawDump(stores: Stores): Promise<string>;
}

const tempDirs: string[] = [];
const pgSchemas: string[] = [];
let current: { stores: Stores; dir?: string } | undefined;

const backends: Backend[] = [
  {
    name: "memory",
    async create(now) {
      return createMemoryStores({ now });
    },
    async rawDump(stores) {
      // The memory store's only storage is what it returns.
      const all = await stores.feedback.list();
      return JSON.stringify(all) + JSON.stringify(await Promise.all(knownIds.map((id) => stores.conversations.turns(id))));
    },
  },
  {
    name: "sqlite",
    async create(now) {
      const dir = mkdtempSync(join(tmpdir(), "ow-stores-"));
      tempDirs.push(dir);
      const stores = createSqliteStores({ dataDir: dir, now });
      current = { stores, dir };
      return stores;
    },
    async rawDump() {
      // The bytes on disk: database file and write-ahead log.
      const dir = current?.dir as string;
      return ["ouderwijzer.db", "ouderwijzer.db-wal"]
        .map((f) => join(dir, f))
        .filter(existsSync)
        .map((f) => readFileSync(f).toString("latin1"))
        .join("\n");
    },
  },
  {
    name: "postgres",
    skip: !pgAvailable,
    async create(now) {
      const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      pgSchemas.push(schema);
      return createPostgresStores({ connectionString: pgUrl, schema, now, max: 20 });
    },
    async rawDump() {
      const schema = pgSchemas[pgSchemas.length - 1] as string;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const turns = await client.query(`SELECT string_agg(text, E'\\n') AS t FROM "${schema}".turns`);
        const feedback = await client.query(`SELECT string_agg(coalesce(comment, ''), E'\\n') AS t FROM "${schema}".feedback`);
        return `${turns.rows[0]?.t ?? ""}\n${feedback.rows[0]?.t ?? ""}`;
      } finally {
        await client.end();
      }
    },
  },
];

const knownIds: string[] = [];
const idFor = (name: string) => {
  knownIds.push(name);
  return name;
};

const parent = (text: string): TurnInput => ({ role: "parent", text, channel: "web" });
const bot = (text: string, answerId: string | null = null): TurnInput => ({ role: "assistant", text, kind: answerId ? "answer" : "fallback", answerId, channel: "web" });

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  if (pgAvailable && pgSchemas.length > 0) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    for (const schema of pgSchemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name} stores`, () => {
    let stores: Stores;
    let clock: ReturnType<typeof manualClock>;
    const open = async () => {
      clock = manualClock();
      stores = await backend.create(clock.now);
      return stores;
    };
    afterEach(async () => {
      await stores?.close();
    });

    it("round-trips turns and follow-up state", async () => {
      await open();
      const id = idFor("c-roundtrip");
      expect(await stores.conversations.exists(id)).toBe(false);
      expect(await stores.conversations.get(id)).toBeUndefined();

      await stores.conversations.set(id, { lastEntryId: "tlv-wat", turns: 1 });
      await stores.conversations.appendTurns(id, [parent("Wat is een TLV?"), bot("Een TLV is ...", "tlv-wat")]);
      clock.advance(1000);
      await stores.conversations.appendTurn(id, parent("En hoe lang duurt dat?"));

      expect(await stores.conversations.exists(id)).toBe(true);
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: "tlv-wat", turns: 1 });
      const turns = await stores.conversations.turns(id);
      expect(turns.map((t) => [t.seq, t.role, t.text, t.kind, t.answerId, t.channel])).toEqual([
        [1, "parent", "Wat is een TLV?", null, null, "web"],
        [2, "assistant", "Een TLV is ...", "answer", "tlv-wat", "web"],
        [3, "parent", "En hoe lang duurt dat?", null, null, "web"],
      ]);
      expect(turns[0]?.createdAt.getTime()).toBe(Date.parse("2026-11-23T12:00:00Z"));
      expect(turns[2]?.createdAt.getTime()).toBe(Date.parse("2026-11-23T12:00:01Z"));

      // Updating state replaces it; delete() forgets the state but keeps the transcript.
      await stores.conversations.set(id, { lastEntryId: null, turns: 2 });
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: null, turns: 2 });
      await stores.conversations.delete(id);
      expect(await stores.conversations.get(id)).toBeUndefined();
      expect(await stores.conversations.turns(id)).toHaveLength(3);
      expect(await stores.conversations.exists(id)).toBe(true);
    });

    it("keeps conversations apart and knows conversations that only have state", async () => {
      await open();
      await stores.conversations.set(idFor("c-a"), { lastEntryId: "x", turns: 1 });
      await stores.conversations.appendTurn(idFor("c-b"), parent("b"));
      expect(await stores.conversations.exists("c-a")).toBe(true);
      expect(await stores.conversations.turns("c-a")).toEqual([]);
      expect(await stores.conversations.get("c-b")).toBeUndefined();
      expect((await stores.conversations.turns("c-b")).map((t) => t.text)).toEqual(["b"]);
    });

    it("masks every kind of personal data before writing, in turns and feedback", async () => {
      await open();
      const id = idFor("c-pii");
      const samples = {
        "[e-mail]": "jan.jansen@voorbeeld.nl",
        "[telefoon]": "06-12345678",
        "[bsn]": "123456782",
        "[iban]": "NL91ABNA0417164300",
        "[adres]": "1234 AB 12",
      };
      for (const [token, value] of Object.entries(samples)) {
        await stores.conversations.appendTurn(id, parent(`Mijn gegevens: ${value}, graag terugbellen`));
        const last = (await stores.conversations.turns(id)).at(-1);
        expect(last?.text).toBe(`Mijn gegevens: ${token}, graag terugbellen`);
      }
      await stores.feedback.add({ conversationId: id, answerId: "tlv-wat", helpful: false, comment: "mail 06 87654321 of p.de.vries@mail.com" });
      const [fb] = await stores.feedback.list();
      expect(fb).toMatchObject({ conversationId: id, answerId: "tlv-wat", helpful: false, comment: "mail [telefoon] of [e-mail]" });

      // Nothing of the original values is anywhere in what the backend wrote.
      const raw = await backend.rawDump(stores);
      expect(raw).toContain("graag terugbellen");
      for (const value of [...Object.values(samples), "87654321", "p.de.vries"]) expect(raw).not.toContain(value);
    });

    it("stores feedback without a comment and lists it since a date", async () => {
      await open();
      await stores.feedback.add({ conversationId: idFor("c-fb"), answerId: "a", helpful: true });
      clock.advance(DAY);
      await stores.feedback.add({ conversationId: "c-fb", answerId: "b", helpful: false, comment: "Te lang" });
      expect((await stores.feedback.list()).map((f) => [f.answerId, f.helpful, f.comment])).toEqual([
        ["a", true, null],
        ["b", false, "Te lang"],
      ]);
      expect((await stores.feedback.list(new Date(clock.now().getTime() - 1000))).map((f) => f.answerId)).toEqual(["b"]);
    });

    it("erases a conversation with its turns, state and feedback, and nothing else", async () => {
      await open();
      for (const id of [idFor("c-erase"), idFor("c-keep")]) {
        await stores.conversations.set(id, { lastEntryId: "x", turns: 1 });
        await stores.conversations.appendTurns(id, [parent("vraag"), bot("antwoord", "x")]);
        await stores.feedback.add({ conversationId: id, answerId: "x", helpful: true, comment: "top" });
      }
      expect(await stores.conversations.erase("c-erase")).toBe(true);
      expect(await stores.conversations.exists("c-erase")).toBe(false);
      expect(await stores.conversations.get("c-erase")).toBeUndefined();
      expect(await stores.conversations.turns("c-erase")).toEqual([]);
      expect((await stores.feedback.list()).map((f) => f.conversationId)).toEqual(["c-keep"]);
      expect(await stores.conversations.turns("c-keep")).toHaveLength(2);
      // Erasing again, or an unknown id, erases nothing.
      expect(await stores.conversations.erase("c-erase")).toBe(false);
      expect(await stores.conversations.erase("c-never")).toBe(false);
    });

    it("deletes conversations after the retention period and update ids after 48 hours", async () => {
      await open();
      const start = clock.now().getTime();
      await stores.conversations.appendTurns(idFor("c-old"), [parent("oud"), bot("oud")]);
      await stores.feedback.add({ conversationId: "c-old", answerId: "x", helpful: true });
      await stores.updates.claim(1001);
      clock.advance(20 * DAY);
      await stores.conversations.appendTurns(idFor("c-recent"), [parent("recent"), bot("recent")]);
      await stores.conversations.set(idFor("c-state-only"), { lastEntryId: null, turns: 1 });
      clock.advance(DAY);
      await stores.updates.claim(1002);
      // Activity moves a conversation's clock: c-active started long ago but was used yesterday.
      await stores.conversations.appendTurn(idFor("c-active"), parent("begin"));
      clock.advance(9 * DAY + 1);
      await stores.conversations.appendTurn("c-active", parent("nog een vraag"));

      // Now 30 days + 1 ms after c-old's last activity; 10 days after the others.
      expect(clock.now().getTime() - start).toBe(30 * DAY + 1);
      const job = startRetention(stores, { info() {}, error() {} }, { retentionDays: 30, now: clock.now, intervalMs: 3_600_000 });
      job.stop();
      expect(await job.runOnce()).toEqual({ conversations: 1, updateIds: 2 });
      expect(await stores.conversations.exists("c-old")).toBe(false);
      expect(await stores.conversations.turns("c-old")).toEqual([]);
      expect(await stores.feedback.list()).toEqual([]);
      for (const id of ["c-recent", "c-state-only", "c-active"]) expect(await stores.conversations.exists(id)).toBe(true);
      expect(await stores.conversations.turns("c-active")).toHaveLength(2);
      // The update ids are gone, so the same ids count as new again.
      expect(await stores.updates.claim(1002)).toBe(true);

      // Idempotent: a second run deletes nothing more.
      expect(await job.runOnce()).toEqual({ conversations: 0, updateIds: 0 });

      // Exactly at the boundary: kept; one millisecond later: deleted.
      const cutoff = new Date(start + 20 * DAY); // when c-recent and c-state-only were last active
      expect(await stores.conversations.purgeOlderThan(cutoff)).toBe(0);
      expect(await stores.conversations.purgeOlderThan(new Date(cutoff.getTime() + 1))).toBe(2);
    });

    it("claims each Telegram update id once, also under concurrency", async () => {
      await open();
      expect(await stores.updates.claim(42)).toBe(true);
      expect(await stores.updates.claim(42)).toBe(false);
      // A lower id than one seen before is still new (ids are not monotonic after a quiet week).
      expect(await stores.updates.claim(7)).toBe(true);
      const results = await Promise.all(Array.from({ length: 20 }, () => stores.updates.claim(99)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("loses nothing under 200 concurrent appends", async () => {
      await open();
      const id = idFor("c-busy");
      // 200 concurrent single appends to one conversation, plus 100 question/answer pairs spread over 10 others.
      await Promise.all([
        ...Array.from({ length: 200 }, (_, i) => stores.conversations.appendTurn(id, parent(`bericht ${i}`))),
        ...Array.from({ length: 100 }, (_, i) => stores.conversations.appendTurns(`c-pair-${i % 10}`, [parent(`v${i}`), bot(`a${i}`)])),
      ]);
      const turns = await stores.conversations.turns(id);
      expect(turns).toHaveLength(200);
      expect(turns.map((t) => t.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect(new Set(turns.map((t) => t.text)).size).toBe(200);
      for (let c = 0; c < 10; c++) {
        const pairs = await stores.conversations.turns(`c-pair-${c}`);
        expect(pairs).toHaveLength(20);
        // Each question is directly followed by its own answer.
        for (let i = 0; i < pairs.length; i += 2) expect(pairs[i + 1]?.text).toBe(pairs[i]?.text.replace("v", "a"));
      }
    });

    it("answers ping while open and fails after close", async () => {
      await open();
      await expect(stores.ping()).resolves.toBeUndefined();
      await stores.close();
      await expect(stores.ping()).rejects.toThrow();
    });
  });
}

describe("sqlite specifics", () => {
  it("runs with WAL, busy_timeout 5000 and foreign keys on, in a file only its owner can read", () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const stores = createSqliteStores({ dataDir: join(dir, "nested") });
    const file = join(dir, "nested", "ouderwijzer.db");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "nested")).mode & 0o777).toBe(0o700);
    // Read the settings back from a connection opened the way the store opens its own.
    const db = openSqlite(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    db.close();
    // And the file on disk is in WAL mode for any other reader too.
    const other = new Database(file, { readonly: true });
    expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    other.close();
    return stores.close();
  });

  it("keeps data across restarts and migrates only once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const a = createSqliteStores({ dataDir: dir });
    await a.conversations.appendTurns("c1", [parent("vraag"), bot("antwoord")]);
    await a.conversations.set("c1", { lastEntryId: "x", turns: 1 });
    await a.close();
    const b = createSqliteStores({ dataDir: dir });
    expect(await b.conversations.get("c1")).toEqual({ lastEntryId: "x", turns: 1 });
    expect(await b.conversations.turns("c1")).toHaveLength(2);
    await b.close();
  });

  it("lets two processes' connections write to one file at once without SQLITE_BUSY or lost turns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const a = createSqliteStores({ dataDir: dir });
    const b = createSqliteStores({ dataDir: dir });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).conversations.appendTurns("shared", [parent(`v${i}`), bot(`a${i}`)])),
    );
    const turns = await a.conversations.turns("shared");
    expect(turns).toHaveLength(400);
    expect(turns.map((t) => t.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    await a.close();
    await b.close();
  });

  it("reports a database it cannot open as unavailable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const stores = createSqliteStores({ dataDir: dir });
    await stores.close();
    await expect(stores.conversations.get("x")).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe("postgres specifics", () => {
  it("fails fast with StoreUnavailableError when the server cannot be reached", async () => {
    const start = performance.now();
    await expect(
      createPostgresStores({ connectionString: "postgres://postgres@127.0.0.1:1/test", connectionTimeoutMillis: 1000 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("rejects a schema name that is not a plain identifier", async () => {
    await expect(createPostgresStores({ connectionString: pgUrl, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/schema name/);
  });

  it.skipIf(!pgAvailable)("fails fast instead of hanging when the pool is exhausted", async () => {
    const schema = `test_${process.pid}_pool`;
    pgSchemas.push(schema);
    const stores = await createPostgresStores({ connectionString: pgUrl, schema, max: 1, connectionTimeoutMillis: 300 });
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      // Another session locks the table; the pool's only connection then waits on the lock inside an append.
      await client.query("BEGIN");
      await client.query(`LOCK TABLE "${schema}".conversations IN ACCESS EXCLUSIVE MODE`);
      const slow = stores.conversations.appendTurn("slow", parent("x"));
      await new Promise((r) => setTimeout(r, 100));
      const start = performance.now();
      await expect(stores.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - start).toBeLessThan(2000);
      await client.query("ROLLBACK");
      // Once the lock is gone the waiting append completes and the pool serves again.
      await slow;
      await expect(stores.ping()).resolves.toBeUndefined();
      expect(await stores.conversations.turns("slow")).toHaveLength(1);
    } finally {
      await client.end();
      await stores.close();
    }
  });

  it.skipIf(!pgAvailable)("runs migrations once when several instances start together", async () => {
    const schema = `test_${process.pid}_mig`;
    pgSchemas.push(schema);
    const instances = await Promise.all(Array.from({ length: 4 }, () => createPostgresStores({ connectionString: pgUrl, schema })));
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
    await Promise.all(instances.map((s) => s.close()));
  });
});
