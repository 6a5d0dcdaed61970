import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createMemoryStores, createPostgresStores, createSqliteStores } from "../../src/stores/index.js";
import { openSqlite } from "../../src/stores/sqlite.js";
import { StoreUnavailableError } from "../../src/stores/errors.js";
import { startRetention } from "../../src/stores/retention.js";
import type { HandoffRecord, Stores, TurnInput } from "../../src/stores/types.js";

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
  console.warn(
    `[stores] PostgreSQL not reachable at ${pgUrl.replace(/\/\/[^@]*@/, "//***@")}: PostgreSQL store tests are SKIPPED`,
  );
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
      return (
        JSON.stringify(all) + JSON.stringify(await Promise.all(knownIds.map((id) => stores.conversations.turns(id))))
      );
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
        const feedback = await client.query(
          `SELECT string_agg(coalesce(comment, ''), E'\\n') AS t FROM "${schema}".feedback`,
        );
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
const bot = (text: string, answerId: string | null = null): TurnInput => ({
  role: "assistant",
  text,
  kind: answerId ? "answer" : "fallback",
  answerId,
  channel: "web",
});
const staffTurn = (text: string): TurnInput => ({ role: "staff", text, kind: "staff", channel: "console" });

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
    let opened: Stores | undefined;
    let clock: ReturnType<typeof manualClock>;
    const open = async () => {
      clock = manualClock();
      stores = await backend.create(clock.now);
      opened = stores;
      return stores;
    };
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
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
      // The kinds of danger of an earlier crisis reply are kept as labels, and replaced with the rest of the state.
      await stores.conversations.set(id, { lastEntryId: null, turns: 3, crisis: ["suicide", "abuse"] });
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: null, turns: 3, crisis: ["suicide", "abuse"] });
      await stores.conversations.set(id, { lastEntryId: null, turns: 2 });
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: null, turns: 2 });
      // So are the kinds of danger the last message showed one cue of, apart from those of a crisis reply.
      await stores.conversations.set(id, { lastEntryId: "x", turns: 4, crisis: ["suicide"], cues: ["missing"] });
      expect(await stores.conversations.get(id)).toEqual({
        lastEntryId: "x",
        turns: 4,
        crisis: ["suicide"],
        cues: ["missing"],
      });
      await stores.conversations.set(id, { lastEntryId: null, turns: 5, cues: ["abuse", "selfharm"] });
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: null, turns: 5, cues: ["abuse", "selfharm"] });
      // And those of the message before, kept one turn longer.
      await stores.conversations.set(id, { lastEntryId: null, turns: 6, cues: ["abuse"], earlierCues: ["suicide"] });
      expect(await stores.conversations.get(id)).toEqual({
        lastEntryId: null,
        turns: 6,
        cues: ["abuse"],
        earlierCues: ["suicide"],
      });
      // And whether the last reply was a crisis reply.
      await stores.conversations.set(id, { lastEntryId: "y", turns: 6, crisis: ["abuse"], recent: true });
      expect(await stores.conversations.get(id)).toEqual({
        lastEntryId: "y",
        turns: 6,
        crisis: ["abuse"],
        recent: true,
      });
      await stores.conversations.set(id, { lastEntryId: "y", turns: 7, crisis: ["abuse"] });
      expect(await stores.conversations.get(id)).toEqual({ lastEntryId: "y", turns: 7, crisis: ["abuse"] });
      await stores.conversations.set(id, { lastEntryId: null, turns: 3, crisis: ["missing"] });
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
      // A staff member's answer is masked like every other text.
      await stores.conversations.appendTurns(id, [
        staffTurn("Mail mij gerust op medewerker.jansen@steunpunt.nl, groet"),
      ]);
      expect((await stores.conversations.turns(id)).at(-1)).toMatchObject({
        role: "staff",
        text: "Mail mij gerust op [e-mail], groet",
      });
      await stores.feedback.add({
        conversationId: id,
        answerId: "tlv-wat",
        helpful: false,
        comment: "mail 06 87654321 of p.de.vries@mail.com",
      });
      const [fb] = await stores.feedback.list();
      expect(fb).toMatchObject({
        conversationId: id,
        answerId: "tlv-wat",
        helpful: false,
        comment: "mail [telefoon] of [e-mail]",
      });

      // Nothing of the original values is anywhere in what the backend wrote.
      const raw = await backend.rawDump(stores);
      expect(raw).toContain("graag terugbellen");
      expect(raw).toContain("Mail mij gerust op");
      for (const value of [...Object.values(samples), "87654321", "p.de.vries", "medewerker.jansen", "steunpunt.nl"])
        expect(raw).not.toContain(value);
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
      expect((await stores.feedback.list(new Date(clock.now().getTime() - 1000))).map((f) => f.answerId)).toEqual([
        "b",
      ]);
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
      const job = startRetention(
        stores,
        { info() {}, error() {} },
        { retentionDays: 30, now: clock.now, intervalMs: 3_600_000 },
      );
      job.stop();
      expect(await job.runOnce()).toEqual({ conversations: 1, updateIds: 2, sessions: 0, sends: 0 });
      expect(await stores.conversations.exists("c-old")).toBe(false);
      expect(await stores.conversations.turns("c-old")).toEqual([]);
      expect(await stores.feedback.list()).toEqual([]);
      for (const id of ["c-recent", "c-state-only", "c-active"])
        expect(await stores.conversations.exists(id)).toBe(true);
      expect(await stores.conversations.turns("c-active")).toHaveLength(2);
      // The update ids are gone, so the same ids count as new again.
      expect(await stores.updates.claim(1002)).toBe(true);

      // Idempotent: a second run deletes nothing more.
      expect(await job.runOnce()).toEqual({ conversations: 0, updateIds: 0, sessions: 0, sends: 0 });

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
        ...Array.from({ length: 100 }, (_, i) =>
          stores.conversations.appendTurns(`c-pair-${i % 10}`, [parent(`v${i}`), bot(`a${i}`)]),
        ),
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

    it("appends staff turns after the parent's and lists all turns since a time, oldest first", async () => {
      await open();
      const t0 = clock.now().getTime();
      await stores.conversations.appendTurns(idFor("c-since-b"), [parent("vraag b"), bot("antwoord b")]);
      await stores.conversations.appendTurn(idFor("c-since-a"), parent("vraag a"));
      clock.advance(1000);
      await stores.conversations.appendTurn("c-since-a", staffTurn("Ik help je verder."));
      clock.advance(1000);
      await stores.conversations.appendTurn("c-since-b", parent("nog iets"));

      expect((await stores.conversations.turns("c-since-a")).map((t) => [t.seq, t.role, t.text, t.channel])).toEqual([
        [1, "parent", "vraag a", "web"],
        [2, "staff", "Ik help je verder.", "console"],
      ]);

      // Same moment: by conversation id, then in order.
      const all = await stores.conversations.turnsSince(new Date(t0), 100);
      expect(all.map((t) => [t.conversationId, t.seq, t.role, t.createdAt.getTime() - t0])).toEqual([
        ["c-since-a", 1, "parent", 0],
        ["c-since-b", 1, "parent", 0],
        ["c-since-b", 2, "assistant", 0],
        ["c-since-a", 2, "staff", 1000],
        ["c-since-b", 3, "parent", 2000],
      ]);
      expect(all[3]).toMatchObject({ text: "Ik help je verder.", kind: "staff", answerId: null, channel: "console" });
      // `since` is inclusive; `limit` keeps the oldest.
      expect((await stores.conversations.turnsSince(new Date(t0 + 1000), 100)).map((t) => t.text)).toEqual([
        "Ik help je verder.",
        "nog iets",
      ]);
      expect((await stores.conversations.turnsSince(new Date(t0), 2)).map((t) => t.text)).toEqual([
        "vraag a",
        "vraag b",
      ]);
      expect(await stores.conversations.turnsSince(new Date(t0 + 2001), 100)).toEqual([]);
      expect(await stores.conversations.turnsSince(new Date(t0), 0)).toEqual([]);
    });

    it("keeps staff accounts with unique, lower-cased e-mail addresses", async () => {
      await open();
      const created = clock.now().getTime();
      const a = await stores.staff.add({
        email: "  Anna.Bakker@Steunpunt.NL ",
        passwordHash: "scrypt$a",
        role: "admin",
      });
      expect(a).toMatchObject({
        email: "anna.bakker@steunpunt.nl",
        passwordHash: "scrypt$a",
        role: "admin",
        disabled: false,
      });
      expect(a?.createdAt.getTime()).toBe(created);
      expect(typeof a?.id).toBe("number");
      // Taken, whatever the case or spacing.
      expect(
        await stores.staff.add({ email: "ANNA.BAKKER@steunpunt.nl", passwordHash: "scrypt$x", role: "agent" }),
      ).toBeUndefined();
      clock.advance(1000);
      const b = await stores.staff.add({ email: "bert@steunpunt.nl", passwordHash: "scrypt$b", role: "agent" });
      expect(b?.id).not.toBe(a?.id);

      expect(await stores.staff.byEmail(" Anna.BAKKER@steunpunt.nl")).toEqual(a);
      expect(await stores.staff.byId(a?.id as number)).toEqual(a);
      expect(await stores.staff.byEmail("niemand@steunpunt.nl")).toBeUndefined();
      expect(await stores.staff.byId(999_999)).toBeUndefined();
      expect((await stores.staff.list()).map((s) => s.email)).toEqual([
        "anna.bakker@steunpunt.nl",
        "bert@steunpunt.nl",
      ]);

      expect(await stores.staff.setPassword(b?.id as number, "scrypt$b2")).toBe(true);
      expect(await stores.staff.setDisabled(b?.id as number, true)).toBe(true);
      expect(await stores.staff.byId(b?.id as number)).toMatchObject({
        passwordHash: "scrypt$b2",
        disabled: true,
        role: "agent",
      });
      expect(await stores.staff.setDisabled(b?.id as number, false)).toBe(true);
      expect((await stores.staff.byId(b?.id as number))?.disabled).toBe(false);
      expect(await stores.staff.setPassword(999_999, "x")).toBe(false);
      expect(await stores.staff.setDisabled(999_999, true)).toBe(false);

      expect(await stores.staff.remove(b?.id as number)).toBe(true);
      expect(await stores.staff.remove(b?.id as number)).toBe(false);
      expect(await stores.staff.byId(b?.id as number)).toBeUndefined();
      // The address is free again; the new account gets a new id (audit rows keep pointing at the old one).
      const c = await stores.staff.add({ email: "bert@steunpunt.nl", passwordHash: "scrypt$c", role: "agent" });
      expect(c?.id).not.toBe(b?.id);
      expect((await stores.staff.list()).map((s) => s.email)).toEqual([
        "anna.bakker@steunpunt.nl",
        "bert@steunpunt.nl",
      ]);
    });

    it("creates an account once when the same address is added concurrently", async () => {
      await open();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          stores.staff.add({ email: i % 2 ? "Race@x.nl" : "race@X.nl", passwordHash: `h${i}`, role: "agent" }),
        ),
      );
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      expect(await stores.staff.list()).toHaveLength(1);
    });

    it("keeps login sessions until they expire", async () => {
      await open();
      const in1h = () => new Date(clock.now().getTime() + 3_600_000);
      expect(await stores.sessions.get("s1")).toBeUndefined();
      await stores.sessions.set("s1", '{"staffId":1}', in1h());
      await stores.sessions.set("s2", '{"staffId":2}', new Date(clock.now().getTime() + 60_000));
      expect(await stores.sessions.get("s1")).toBe('{"staffId":1}');
      // set replaces data and expiry.
      await stores.sessions.set("s1", '{"staffId":1,"csrf":"t"}', in1h());
      expect(await stores.sessions.get("s1")).toBe('{"staffId":1,"csrf":"t"}');

      clock.advance(30 * 60_000);
      // touch moves the expiry of s1 to 1.5 h after the start; s2 expired 29 minutes ago.
      await stores.sessions.touch("s1", in1h());
      expect(await stores.sessions.get("s2")).toBeUndefined();
      // touch does not revive an expired session.
      await stores.sessions.touch("s2", in1h());
      expect(await stores.sessions.get("s2")).toBeUndefined();
      await stores.sessions.touch("unknown", in1h());
      expect(await stores.sessions.get("unknown")).toBeUndefined();

      clock.advance(59 * 60_000);
      expect(await stores.sessions.get("s1")).toBe('{"staffId":1,"csrf":"t"}');
      clock.advance(60_000); // exactly at the expiry: expired
      expect(await stores.sessions.get("s1")).toBeUndefined();

      await stores.sessions.set("s3", "{}", in1h());
      expect(await stores.sessions.purgeExpired()).toBe(2);
      expect(await stores.sessions.purgeExpired()).toBe(0);
      expect(await stores.sessions.get("s3")).toBe("{}");
      await stores.sessions.destroy("s3");
      await stores.sessions.destroy("s3");
      expect(await stores.sessions.get("s3")).toBeUndefined();
      expect(await stores.sessions.purgeExpired()).toBe(0);
    });

    it("purges expired sessions in the retention job", async () => {
      await open();
      await stores.sessions.set("old", "{}", new Date(clock.now().getTime() + 1000));
      await stores.sessions.set("new", "{}", new Date(clock.now().getTime() + DAY));
      clock.advance(2000);
      const job = startRetention(
        stores,
        { info() {}, error() {} },
        { retentionDays: 30, now: clock.now, intervalMs: 3_600_000 },
      );
      job.stop();
      expect(await job.runOnce()).toEqual({ conversations: 0, updateIds: 0, sessions: 1, sends: 0 });
      expect(await stores.sessions.get("new")).toBe("{}");
    });

    it("appends audit events and lists them newest first, filtered", async () => {
      await open();
      const t0 = clock.now().getTime();
      await stores.audit.append({ staffId: null, action: "login.failed", targetType: null, targetId: null });
      clock.advance(1000);
      await stores.audit.append({ staffId: 1, action: "handoff.view", targetType: "handoff", targetId: "h-1" });
      await stores.audit.append({ staffId: 1, action: "handoff.claim", targetType: "handoff", targetId: "h-1" });
      clock.advance(1000);
      await stores.audit.append({ staffId: 2, action: "handoff.view", targetType: "handoff", targetId: "h-1" });
      await stores.audit.append({
        staffId: 2,
        action: "conversation.erase",
        targetType: "conversation",
        targetId: "c-9",
      });

      const all = await stores.audit.list();
      expect(all.map((r) => [r.action, r.staffId, r.at.getTime() - t0])).toEqual([
        ["conversation.erase", 2, 2000],
        ["handoff.view", 2, 2000],
        ["handoff.claim", 1, 1000],
        ["handoff.view", 1, 1000],
        ["login.failed", null, 0],
      ]);
      expect(all[4]).toMatchObject({ staffId: null, targetType: null, targetId: null });
      expect(all[0]).toMatchObject({ targetType: "conversation", targetId: "c-9" });
      expect(new Set(all.map((r) => r.id)).size).toBe(5);
      expect(all.every((r) => typeof r.id === "number")).toBe(true);

      expect((await stores.audit.list({ targetId: "h-1" })).map((r) => [r.action, r.staffId])).toEqual([
        ["handoff.view", 2],
        ["handoff.claim", 1],
        ["handoff.view", 1],
      ]);
      expect((await stores.audit.list({ staffId: 1 })).map((r) => r.action)).toEqual(["handoff.claim", "handoff.view"]);
      expect((await stores.audit.list({ staffId: 2, targetId: "h-1" })).map((r) => r.action)).toEqual(["handoff.view"]);
      expect((await stores.audit.list({ limit: 2 })).map((r) => r.action)).toEqual([
        "conversation.erase",
        "handoff.view",
      ]);
      expect(await stores.audit.list({ targetId: "nothing" })).toEqual([]);
    });

    it("lists at most 100 audit events by default", async () => {
      await open();
      for (let i = 0; i < 105; i++)
        await stores.audit.append({ staffId: 1, action: `a${i}`, targetType: null, targetId: null });
      const rows = await stores.audit.list();
      expect(rows).toHaveLength(100);
      expect(rows[0]?.action).toBe("a104");
      expect(await stores.audit.list({ limit: 500 })).toHaveLength(105);
    });

    it("keeps audit rows when the conversation is purged and when the account is removed", async () => {
      await open();
      const agent = await stores.staff.add({ email: "agent@steunpunt.nl", passwordHash: "h", role: "agent" });
      const staffId = agent?.id as number;
      await stores.conversations.appendTurn(idFor("c-audited"), parent("vraag"));
      const h = await stores.handoffs.start({ conversationId: "c-audited", channel: "web", chatRef: null });
      await stores.audit.append({ staffId, action: "handoff.view", targetType: "handoff", targetId: h.id });
      await stores.audit.append({
        staffId,
        action: "conversation.erase",
        targetType: "conversation",
        targetId: "c-audited",
      });
      clock.advance(31 * DAY);
      expect(await stores.conversations.purgeOlderThan(new Date(clock.now().getTime() - 30 * DAY))).toBe(1);
      expect(await stores.handoffs.get(h.id)).toBeUndefined();
      expect(await stores.staff.remove(staffId)).toBe(true);
      const job = startRetention(
        stores,
        { info() {}, error() {} },
        { retentionDays: 1, now: clock.now, intervalMs: 3_600_000 },
      );
      job.stop();
      await job.runOnce();
      expect((await stores.audit.list({ staffId })).map((r) => [r.action, r.targetId])).toEqual([
        ["conversation.erase", "c-audited"],
        ["handoff.view", h.id],
      ]);
    });

    it("starts a handoff request, replaces an unfinished one and follows it through its statuses", async () => {
      await open();
      const t0 = clock.now().getTime();
      const first = await stores.handoffs.start({
        conversationId: idFor("c-h"),
        channel: "telegram",
        chatRef: "123456",
      });
      expect(first).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        conversationId: "c-h",
        channel: "telegram",
        status: "consent",
        contactKind: null,
        contactValue: null,
        chatRef: "123456",
        createdAt: new Date(t0),
        requestedAt: null,
        claimedBy: null,
        claimedAt: null,
        closedAt: null,
        updatedAt: new Date(t0),
        returnCodeHash: null,
      } satisfies HandoffRecord);
      expect(await stores.handoffs.get(first.id)).toEqual(first);
      expect(await stores.handoffs.active("c-h")).toEqual(first);
      expect(await stores.handoffs.active("c-other")).toBeUndefined();
      expect(await stores.handoffs.get("00000000-0000-4000-8000-000000000000")).toBeUndefined();

      // consent -> contact; a transition from a status it is not in changes nothing.
      clock.advance(1000);
      const contact = await stores.handoffs.transition(first.id, ["consent"], { status: "contact" });
      expect(contact).toMatchObject({
        status: "contact",
        chatRef: "123456",
        updatedAt: new Date(t0 + 1000),
        createdAt: new Date(t0),
      });
      expect(await stores.handoffs.transition(first.id, ["consent"], { status: "closed" })).toBeUndefined();
      expect(await stores.handoffs.transition(first.id, [], { status: "closed" })).toBeUndefined();
      expect(
        await stores.handoffs.transition("00000000-0000-4000-8000-000000000000", ["contact"], { status: "closed" }),
      ).toBeUndefined();

      // Starting again replaces the unfinished request.
      clock.advance(1000);
      const second = await stores.handoffs.start({ conversationId: "c-h", channel: "telegram", chatRef: "123456" });
      expect(second.id).not.toBe(first.id);
      expect(await stores.handoffs.get(first.id)).toBeUndefined();
      expect(await stores.handoffs.active("c-h")).toEqual(second);

      // contact -> open, with the contact stored as given (not masked) and the time of the request.
      await stores.handoffs.transition(second.id, ["consent"], { status: "contact" });
      clock.advance(1000);
      const requestedAt = clock.now();
      const opened = await stores.handoffs.transition(second.id, ["contact"], {
        status: "open",
        contactKind: "phone",
        contactValue: "06-12345678",
        requestedAt,
        returnCodeHash: "a".repeat(64),
      });
      expect(opened).toMatchObject({
        status: "open",
        contactKind: "phone",
        contactValue: "06-12345678",
        requestedAt,
        updatedAt: requestedAt,
        returnCodeHash: "a".repeat(64),
      });
      // The return code finds an open request, never one still in the dialogue.
      expect((await stores.handoffs.byReturnCode("a".repeat(64)))?.id).toBe(second.id);
      expect(await stores.handoffs.byReturnCode("b".repeat(64))).toBeUndefined();

      // A new start does not touch a finished (open) request; the newest one not closed is active.
      clock.advance(1000);
      const third = await stores.handoffs.start({ conversationId: "c-h", channel: "telegram", chatRef: "123456" });
      expect(await stores.handoffs.get(second.id)).toMatchObject({ status: "open" });
      expect((await stores.handoffs.active("c-h"))?.id).toBe(third.id);
      await stores.handoffs.transition(third.id, ["consent", "contact"], { status: "closed", closedAt: clock.now() });
      expect((await stores.handoffs.active("c-h"))?.id).toBe(second.id);

      // Claimed, then closed. Fields not in the patch keep their value; null clears one.
      clock.advance(1000);
      const claimed = await stores.handoffs.transition(second.id, ["open"], {
        status: "claimed",
        claimedBy: 7,
        claimedAt: clock.now(),
      });
      expect(claimed).toMatchObject({
        status: "claimed",
        claimedBy: 7,
        claimedAt: clock.now(),
        contactValue: "06-12345678",
        requestedAt,
      });
      const cleared = await stores.handoffs.transition(second.id, ["claimed"], {
        contactValue: null,
        contactKind: "chat",
      });
      expect(cleared).toMatchObject({ status: "claimed", contactKind: "chat", contactValue: null, claimedBy: 7 });
      clock.advance(1000);
      const closed = await stores.handoffs.transition(second.id, ["open", "claimed"], {
        status: "closed",
        closedAt: clock.now(),
      });
      expect(closed).toMatchObject({ status: "closed", closedAt: clock.now(), claimedBy: 7, updatedAt: clock.now() });
      expect(await stores.handoffs.get(second.id)).toEqual(closed);
      expect(await stores.handoffs.active("c-h")).toBeUndefined();
      // A closed request cannot be found again with its code.
      expect(await stores.handoffs.byReturnCode("a".repeat(64))).toBeUndefined();
    });

    it("lets exactly one of two concurrent claims win, and keeps one unfinished request per conversation", async () => {
      await open();
      const h = await stores.handoffs.start({ conversationId: idFor("c-race"), channel: "web", chatRef: null });
      await stores.handoffs.transition(h.id, ["consent"], { status: "contact" });
      await stores.handoffs.transition(h.id, ["contact"], {
        status: "open",
        contactKind: "chat",
        requestedAt: clock.now(),
      });
      const claims = await Promise.all(
        [1, 2, 3, 4].map((staffId) =>
          stores.handoffs.transition(h.id, ["open"], { status: "claimed", claimedBy: staffId, claimedAt: clock.now() }),
        ),
      );
      const winners = claims.filter((c) => c !== undefined);
      expect(winners).toHaveLength(1);
      expect((await stores.handoffs.get(h.id))?.claimedBy).toBe(winners[0]?.claimedBy);

      const starts = await Promise.all(
        Array.from({ length: 10 }, () =>
          stores.handoffs.start({ conversationId: "c-race2", channel: "web", chatRef: null }),
        ),
      );
      expect(new Set(starts.map((s) => s.id)).size).toBe(10);
      expect(await stores.handoffs.list(["consent", "contact"])).toHaveLength(1);
    });

    it("lists requests by status, the longest waiting first", async () => {
      await open();
      const t0 = clock.now().getTime();
      const a = await stores.handoffs.start({ conversationId: idFor("c-l-a"), channel: "web", chatRef: null });
      clock.advance(1000);
      const b = await stores.handoffs.start({ conversationId: idFor("c-l-b"), channel: "telegram", chatRef: "42" });
      clock.advance(1000);
      const c = await stores.handoffs.start({ conversationId: idFor("c-l-c"), channel: "web", chatRef: null });
      clock.advance(1000);
      const d = await stores.handoffs.start({ conversationId: idFor("c-l-d"), channel: "web", chatRef: null });
      // c asked for a person first (t0 + 2.5 s), then a (t0 + 4 s); b and d never completed the request.
      await stores.handoffs.transition(c.id, ["consent"], { status: "open", requestedAt: new Date(t0 + 2500) });
      clock.advance(1000);
      await stores.handoffs.transition(a.id, ["consent"], { status: "open", requestedAt: new Date(t0 + 4000) });
      await stores.handoffs.transition(a.id, ["open"], { status: "claimed", claimedBy: 1, claimedAt: clock.now() });

      expect((await stores.handoffs.list(["open", "claimed"])).map((h) => h.id)).toEqual([c.id, a.id]);
      expect((await stores.handoffs.list(["open"])).map((h) => h.id)).toEqual([c.id]);
      // Without requestedAt the start counts.
      expect((await stores.handoffs.list(["consent", "open", "claimed"])).map((h) => h.id)).toEqual([
        b.id,
        c.id,
        d.id,
        a.id,
      ]);
      expect((await stores.handoffs.list(["consent", "open", "claimed"], 2)).map((h) => h.id)).toEqual([b.id, c.id]);
      expect(await stores.handoffs.list(["closed"])).toEqual([]);
      expect(await stores.handoffs.list([])).toEqual([]);
    });

    it("erases handoff requests with their conversation", async () => {
      await open();
      await stores.conversations.appendTurn(idFor("c-h-erase"), parent("ik wil een mens"));
      const gone = await stores.handoffs.start({ conversationId: "c-h-erase", channel: "web", chatRef: null });
      await stores.handoffs.transition(gone.id, ["consent"], {
        status: "open",
        contactKind: "email",
        contactValue: "ouder@mail.nl",
      });
      const gone2 = await stores.handoffs.start({ conversationId: "c-h-erase", channel: "web", chatRef: null });
      const kept = await stores.handoffs.start({ conversationId: idFor("c-h-keep"), channel: "web", chatRef: null });
      expect(await stores.conversations.erase("c-h-erase")).toBe(true);
      expect(await stores.handoffs.get(gone.id)).toBeUndefined();
      expect(await stores.handoffs.get(gone2.id)).toBeUndefined();
      expect(await stores.handoffs.active("c-h-erase")).toBeUndefined();
      expect(await stores.handoffs.get(kept.id)).toEqual(kept);
      // A request alone (its conversation has no row yet) is erased too.
      expect(await stores.conversations.erase("c-h-keep")).toBe(true);
      expect(await stores.handoffs.get(kept.id)).toBeUndefined();
      expect(await stores.conversations.erase("c-h-keep")).toBe(false);
    });

    it("answers a repeated send once, refuses another body under the same id, and forgets sends", async () => {
      await open();
      expect(await stores.sends.begin("s-1", "hash-a")).toEqual({ state: "new" });
      expect(await stores.sends.begin("s-1", "hash-a")).toEqual({ state: "pending" });
      expect(await stores.sends.begin("s-1", "hash-b")).toEqual({ state: "conflict" });
      await stores.sends.complete("s-1", "c-send", '{"ok":1}');
      expect(await stores.sends.begin("s-1", "hash-a")).toEqual({ state: "done", response: '{"ok":1}' });
      // A failed request's claim is given up, so the retry runs; a completed one is never given up.
      expect(await stores.sends.begin("s-2", "hash-a")).toEqual({ state: "new" });
      await stores.sends.abandon("s-2");
      expect(await stores.sends.begin("s-2", "hash-a")).toEqual({ state: "new" });
      await stores.sends.abandon("s-1");
      expect((await stores.sends.begin("s-1", "hash-a")).state).toBe("done");
      // Concurrent first sends: exactly one is new.
      const claims = await Promise.all(Array.from({ length: 8 }, () => stores.sends.begin("s-3", "h")));
      expect(claims.filter((c) => c.state === "new")).toHaveLength(1);
      // Erasing the conversation erases its sends.
      await stores.conversations.appendTurn(idFor("c-send"), parent("vraag"));
      await stores.conversations.erase("c-send");
      expect(await stores.sends.begin("s-1", "hash-a")).toEqual({ state: "new" });
      clock.advance(25 * 3_600_000);
      expect(await stores.sends.purgeOlderThan(new Date(clock.now().getTime() - 24 * 3_600_000))).toBe(3);
    });

    it("purges handoff requests with their conversation and never keeps one past the retention period", async () => {
      await open();
      const retention = 30 * DAY;
      const cutoff = () => new Date(clock.now().getTime() - retention);
      // Conversation and request, both old.
      await stores.conversations.appendTurn(idFor("c-p-old"), parent("oud"));
      const old = await stores.handoffs.start({ conversationId: "c-p-old", channel: "web", chatRef: null });
      // A request whose conversation never got a row, old.
      const orphan = await stores.handoffs.start({
        conversationId: idFor("c-p-orphan"),
        channel: "telegram",
        chatRef: "9",
      });
      clock.advance(10 * DAY);
      // An old conversation whose request was updated recently still goes with its conversation.
      await stores.conversations.appendTurn(idFor("c-p-stale"), parent("oud"));
      const stale = await stores.handoffs.start({ conversationId: "c-p-stale", channel: "web", chatRef: null });
      clock.advance(21 * DAY);
      await stores.handoffs.transition(stale.id, ["consent"], { status: "open", requestedAt: clock.now() });
      // A live conversation keeps its (older) request.
      await stores.conversations.appendTurn(idFor("c-p-live"), parent("begin"));
      const live = await stores.handoffs.start({ conversationId: "c-p-live", channel: "web", chatRef: null });
      clock.advance(29 * DAY);
      await stores.conversations.appendTurn("c-p-live", parent("nog steeds"));
      // A fresh request whose conversation has no row yet survives.
      const fresh = await stores.handoffs.start({ conversationId: idFor("c-p-fresh"), channel: "web", chatRef: null });

      expect(await stores.conversations.purgeOlderThan(cutoff())).toBe(2); // c-p-old, c-p-stale
      expect(await stores.handoffs.get(old.id)).toBeUndefined();
      expect(await stores.handoffs.get(orphan.id)).toBeUndefined();
      expect(await stores.handoffs.get(stale.id)).toBeUndefined();
      expect(await stores.handoffs.get(live.id)).toEqual(live);
      expect(await stores.handoffs.get(fresh.id)).toEqual(fresh);

      // Once past the retention period without a conversation, the fresh one goes too; the live one stays
      // while its conversation is active.
      clock.advance(retention - 1);
      await stores.conversations.appendTurn("c-p-live", parent("hallo"));
      expect(await stores.conversations.purgeOlderThan(cutoff())).toBe(0);
      expect(await stores.handoffs.get(fresh.id)).toEqual(fresh);
      clock.advance(2);
      expect(await stores.conversations.purgeOlderThan(cutoff())).toBe(0);
      expect(await stores.handoffs.get(fresh.id)).toBeUndefined();
      expect(await stores.handoffs.get(live.id)).toEqual(live);
    });

    it("answers ping while open and fails after close", async () => {
      await open();
      await expect(stores.ping()).resolves.toBeUndefined();
      await stores.close();
      await expect(stores.ping()).rejects.toThrow();
    });
  });
}

/** Migration 1 exactly as released: databases in the field were created with it. */
const v1Schema = `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     last_entry_id TEXT,
     state_turns INTEGER,
     last_seq INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX conversations_updated_at ON conversations (updated_at);
   CREATE TABLE turns (
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('parent', 'assistant')),
     text TEXT NOT NULL,
     kind TEXT,
     answer_id TEXT,
     channel TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   );
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     answer_id TEXT NOT NULL,
     helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
     comment TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX feedback_conversation_id ON feedback (conversation_id);
   CREATE INDEX feedback_created_at ON feedback (created_at);
   CREATE TABLE telegram_updates (
     update_id INTEGER PRIMARY KEY,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX telegram_updates_created_at ON telegram_updates (created_at);`;

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
    expect(db.pragma("user_version", { simple: true })).toBe(5);
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
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).conversations.appendTurns("shared", [parent(`v${i}`), bot(`a${i}`)]),
      ),
    );
    const turns = await a.conversations.turns("shared");
    expect(turns).toHaveLength(400);
    expect(turns.map((t) => t.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    await a.close();
    await b.close();
  });

  it("migrates a database of the first version: keeps its rows and then accepts staff turns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const file = join(dir, "ouderwijzer.db");
    // The schema as released first (migration 1, with the old CHECK on turns.role), with data in it.
    const old = new Database(file);
    old.pragma("journal_mode = WAL");
    old.pragma("foreign_keys = ON");
    old.exec(v1Schema);
    old.pragma("user_version = 1");
    old
      .prepare(
        "INSERT INTO conversations (id, last_entry_id, state_turns, last_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run("c-field", "tlv-wat", 1, 2, 1000, 2000);
    old
      .prepare("INSERT INTO conversations (id, last_seq, created_at, updated_at) VALUES (?, ?, ?, ?)")
      .run("c-other", 1, 1500, 1500);
    const turn = old.prepare(
      "INSERT INTO turns (conversation_id, seq, role, text, kind, answer_id, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    turn.run("c-field", 1, "parent", "Wat is een TLV?", null, null, "web", 1000);
    turn.run("c-field", 2, "assistant", "Een TLV is ...", "answer", "tlv-wat", "web", 2000);
    turn.run("c-other", 1, "parent", "Hallo", null, null, "telegram", 1500);
    old
      .prepare("INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)")
      .run("c-field", "tlv-wat", 1, null, 2100);
    old.prepare("INSERT INTO telegram_updates (update_id, created_at) VALUES (?, ?)").run(77, 1000);
    expect(() => turn.run("c-other", 2, "staff", "x", null, null, "console", 1600)).toThrow(/CHECK/);
    old.close();

    const db = openSqlite(file);
    expect(db.pragma("user_version", { simple: true })).toBe(5);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // The rebuilt table still cascades from conversations and has the new index.
    const turnsSql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'turns'").get() as { sql: string }).sql;
    expect(turnsSql).toMatch(/REFERENCES conversations \(id\) ON DELETE CASCADE/);
    expect(turnsSql).toMatch(/'staff'/);
    expect(
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'turns' AND sql IS NOT NULL")
        .all(),
    ).toEqual([{ name: "turns_created_at" }]);
    expect(db.pragma("foreign_key_list(turns)")).toMatchObject([
      { table: "conversations", from: "conversation_id", to: "id", on_delete: "CASCADE" },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'turns_new'").get()).toBeUndefined();
    db.close();

    const stores = createSqliteStores({ dataDir: dir, now: () => new Date(3000) });
    expect(await stores.conversations.get("c-field")).toEqual({ lastEntryId: "tlv-wat", turns: 1 });
    expect(
      (await stores.conversations.turns("c-field")).map((t) => [
        t.seq,
        t.role,
        t.text,
        t.kind,
        t.answerId,
        t.channel,
        t.createdAt.getTime(),
      ]),
    ).toEqual([
      [1, "parent", "Wat is een TLV?", null, null, "web", 1000],
      [2, "assistant", "Een TLV is ...", "answer", "tlv-wat", "web", 2000],
    ]);
    expect(await stores.feedback.list()).toHaveLength(1);
    expect(await stores.updates.claim(77)).toBe(false);
    // Staff turns are accepted now and continue the sequence.
    await stores.conversations.appendTurn("c-field", staffTurn("Bel ons gerust: 030-1234567"));
    expect((await stores.conversations.turns("c-field")).at(-1)).toMatchObject({
      seq: 3,
      role: "staff",
      text: "Bel ons gerust: [telefoon]",
    });
    expect((await stores.conversations.turnsSince(new Date(1500), 10)).map((t) => [t.conversationId, t.seq])).toEqual([
      ["c-other", 1],
      ["c-field", 2],
      ["c-field", 3],
    ]);
    // Erasure still cascades through the rebuilt table.
    expect(await stores.conversations.erase("c-other")).toBe(true);
    expect(await stores.conversations.turns("c-other")).toEqual([]);
    await stores.close();

    // Opening again migrates nothing more.
    const again = createSqliteStores({ dataDir: dir });
    expect(await again.conversations.turns("c-field")).toHaveLength(3);
    await again.close();
  });

  it("migrates once when two connections open an old database together", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const old = new Database(join(dir, "ouderwijzer.db"));
    old.exec(v1Schema);
    old.pragma("user_version = 1");
    old.close();
    const [a, b] = await Promise.all([0, 1].map(async () => createSqliteStores({ dataDir: dir })));
    await a?.conversations.appendTurn("c", staffTurn("hallo"));
    expect(await b?.conversations.turns("c")).toHaveLength(1);
    await a?.close();
    await b?.close();
  });

  it("lets one of two connections win a claim, and keeps one unfinished request per conversation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ow-sqlite-"));
    tempDirs.push(dir);
    const a = createSqliteStores({ dataDir: dir });
    const b = createSqliteStores({ dataDir: dir });
    for (let round = 0; round < 20; round++) {
      const h = await a.handoffs.start({ conversationId: `c-${round}`, channel: "web", chatRef: null });
      await a.handoffs.transition(h.id, ["consent"], { status: "open" });
      const claims = await Promise.all(
        [a, b].map((s, i) => s.handoffs.transition(h.id, ["open"], { status: "claimed", claimedBy: i })),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    }
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).handoffs.start({ conversationId: "c-same", channel: "web", chatRef: null }),
      ),
    );
    expect(await a.handoffs.list(["consent"])).toHaveLength(1);
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

/** PostgreSQL migration 1 exactly as released. */
const pgV1Schema = `CREATE TABLE conversations (
     id text PRIMARY KEY,
     last_entry_id text,
     state_turns integer,
     last_seq integer NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   );
   CREATE INDEX conversations_updated_at ON conversations (updated_at);
   CREATE TABLE turns (
     conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     seq integer NOT NULL,
     role text NOT NULL CHECK (role IN ('parent', 'assistant')),
     text text NOT NULL,
     kind text,
     answer_id text,
     channel text NOT NULL,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   );
   CREATE TABLE feedback (
     id bigserial PRIMARY KEY,
     conversation_id text NOT NULL,
     answer_id text NOT NULL,
     helpful boolean NOT NULL,
     comment text,
     created_at timestamptz NOT NULL
   );
   CREATE INDEX feedback_conversation_id ON feedback (conversation_id);
   CREATE INDEX feedback_created_at ON feedback (created_at);
   CREATE TABLE telegram_updates (
     update_id bigint PRIMARY KEY,
     created_at timestamptz NOT NULL
   );
   CREATE INDEX telegram_updates_created_at ON telegram_updates (created_at);`;

describe("postgres specifics", () => {
  it("fails fast with StoreUnavailableError when the server cannot be reached", async () => {
    const start = performance.now();
    await expect(
      createPostgresStores({ connectionString: "postgres://postgres@127.0.0.1:1/test", connectionTimeoutMillis: 1000 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("rejects a schema name that is not a plain identifier", async () => {
    await expect(createPostgresStores({ connectionString: pgUrl, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(
      /schema name/,
    );
  });

  it.skipIf(!pgAvailable)("fails fast instead of hanging when the pool is exhausted", async () => {
    const schema = `test_${process.pid}_pool`;
    pgSchemas.push(schema);
    const stores = await createPostgresStores({
      connectionString: pgUrl,
      schema,
      max: 1,
      connectionTimeoutMillis: 300,
    });
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

  it.skipIf(!pgAvailable)(
    "migrates a database of the first version: keeps its rows and then accepts staff turns",
    async () => {
      const schema = `test_${process.pid}_v1`;
      pgSchemas.push(schema);
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        // The schema as released first (migration 1, with the old CHECK on turns.role), with data in it.
        await client.query(`CREATE SCHEMA "${schema}"`);
        await client.query(`SET search_path = "${schema}"`);
        await client.query(
          "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
        );
        await client.query(pgV1Schema);
        await client.query("INSERT INTO schema_migrations (version) VALUES (1)");
        await client.query(
          "INSERT INTO conversations (id, last_entry_id, state_turns, last_seq, created_at, updated_at) VALUES ('c-field', 'x', 1, 2, to_timestamp(1), to_timestamp(2))",
        );
        await client.query(
          `INSERT INTO turns (conversation_id, seq, role, text, channel, created_at) VALUES
           ('c-field', 1, 'parent', 'vraag', 'web', to_timestamp(1)), ('c-field', 2, 'assistant', 'antwoord', 'web', to_timestamp(2))`,
        );
        await expect(
          client.query(
            "INSERT INTO turns (conversation_id, seq, role, text, channel, created_at) VALUES ('c-field', 3, 'staff', 'x', 'console', now())",
          ),
        ).rejects.toThrow(/turns_role_check/);

        const stores = await createPostgresStores({ connectionString: pgUrl, schema, now: () => new Date(3000) });
        try {
          expect(await stores.conversations.get("c-field")).toEqual({ lastEntryId: "x", turns: 1 });
          await stores.conversations.appendTurn("c-field", staffTurn("Mail naar info@steunpunt.nl"));
          expect((await stores.conversations.turns("c-field")).map((t) => [t.seq, t.role, t.text])).toEqual([
            [1, "parent", "vraag"],
            [2, "assistant", "antwoord"],
            [3, "staff", "Mail naar [e-mail]"],
          ]);
          // Still only the three roles.
          await expect(
            client.query(
              "INSERT INTO turns (conversation_id, seq, role, text, channel, created_at) VALUES ('c-field', 9, 'robot', 'x', 'web', now())",
            ),
          ).rejects.toThrow(/turns_role_check/);
          const { rows } = await client.query(
            "SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'turns'::regclass AND contype = 'c'",
          );
          expect(rows).toEqual([{ n: 1 }]);
        } finally {
          await stores.close();
        }
      } finally {
        await client.end();
      }
    },
  );

  it.skipIf(!pgAvailable)("runs migrations once when several instances start together", async () => {
    const schema = `test_${process.pid}_mig`;
    pgSchemas.push(schema);
    const instances = await Promise.all(
      Array.from({ length: 4 }, () => createPostgresStores({ connectionString: pgUrl, schema })),
    );
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }]);
    await Promise.all(instances.map((s) => s.close()));
  });
});
