import pg from "pg";
import { StoreUnavailableError } from "./errors.js";
import { storeOptions, type StoreOptions } from "./options.js";
import type { Channel, ConversationStore, FeedbackStore, Stores, TurnRecord, UpdateLedger } from "./types.js";

export interface PostgresStoreOptions extends StoreOptions {
  connectionString: string;
  /** Schema for the tables, created when missing (default "public"); tests use one schema per run. */
  schema: string;
  /** Most connections in the pool (default 10). */
  max: number;
  /** How long to wait for a connection before failing, in ms (default 5000; pg's default 0 waits forever). */
  connectionTimeoutMillis: number;
  /** Idle connections are closed after this many ms (default 30000). */
  idleTimeoutMillis: number;
  /** Server-side limit per statement, in ms (default 5000). */
  statementTimeoutMillis: number;
  /** Called for errors on idle connections (e.g. the server restarted); the pool replaces the connection. */
  onError: (err: Error) => void;
}

export const defaultPostgresStoreOptions: Omit<PostgresStoreOptions, keyof StoreOptions | "connectionString"> = {
  schema: "public",
  max: 10,
  connectionTimeoutMillis: 5000,
  idleTimeoutMillis: 30_000,
  statementTimeoutMillis: 5000,
  onError: () => {},
};

// Each migration runs once, in order, in one transaction, under an advisory lock so that several instances
// starting together do not race.
const migrations: string[] = [
  `CREATE TABLE conversations (
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
   CREATE INDEX telegram_updates_created_at ON telegram_updates (created_at);`,
];

const unavailableCodes = /^(08|53|57|58)|^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH)$/;
const unavailableMessages = /timeout|Connection terminated|pool after calling end|Client has encountered a connection error/i;

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : "";
    if ((typeof code === "string" && unavailableCodes.test(code)) || unavailableMessages.test(message)) {
      throw new StoreUnavailableError(
        `stores: PostgreSQL is not available (${typeof code === "string" ? code : "no connection"})`,
        typeof code === "string" ? code : undefined,
        { cause: err },
      );
    }
    throw err;
  }
}

const isIdentifier = (s: string) => /^[a-z_][a-z0-9_]{0,62}$/.test(s);

async function migrate(pool: pg.Pool, schema: string) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`ouderwijzer-migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ v: number }>("SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations");
    for (let v = rows[0]?.v ?? 0; v < migrations.length; v++) {
      await client.query(migrations[v] as string);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [v + 1]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * PostgreSQL stores, for several instances behind a load balancer. A pool with explicit limits and timeouts
 * (no request waits forever for a connection), parameterised statements only, each write one atomic statement,
 * migrations at start.
 */
export async function createPostgresStores(
  options: Partial<PostgresStoreOptions> & Pick<PostgresStoreOptions, "connectionString">,
): Promise<Stores> {
  const { mask, now } = storeOptions(options);
  const o = { ...defaultPostgresStoreOptions, ...options };
  if (!isIdentifier(o.schema)) throw new Error(`stores: invalid PostgreSQL schema name "${o.schema}"; use a-z, 0-9 and _`);
  const pool = new pg.Pool({
    connectionString: o.connectionString,
    max: o.max,
    connectionTimeoutMillis: o.connectionTimeoutMillis,
    idleTimeoutMillis: o.idleTimeoutMillis,
    statement_timeout: o.statementTimeoutMillis,
    options: `-c search_path="${o.schema}"`,
    application_name: "ouderwijzer",
  });
  // Without a listener, an error on an idle connection (server restart, network) would crash the process.
  pool.on("error", (err) => o.onError(err));
  try {
    await guard(() => migrate(pool, o.schema));
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  const query = <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[]) =>
    guard(() => pool.query<R>({ text, values }));

  const conversations: ConversationStore = {
    async get(id) {
      const { rows } = await query<{ last_entry_id: string | null; state_turns: number | null }>(
        "SELECT last_entry_id, state_turns FROM conversations WHERE id = $1",
        [id],
      );
      const row = rows[0];
      if (!row || row.state_turns === null) return undefined;
      return { lastEntryId: row.last_entry_id, turns: row.state_turns };
    },
    async set(id, state) {
      await query(
        `INSERT INTO conversations (id, last_entry_id, state_turns, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (id) DO UPDATE SET last_entry_id = $2, state_turns = $3, updated_at = $4`,
        [id, state.lastEntryId, state.turns, now()],
      );
    },
    async delete(id) {
      await query("UPDATE conversations SET last_entry_id = NULL, state_turns = NULL WHERE id = $1", [id]);
    },
    appendTurn: (id, turn) => conversations.appendTurns(id, [turn]),
    async appendTurns(id, turns) {
      if (turns.length === 0) return;
      // One statement: the upsert locks the conversation row and reserves a range of sequence numbers,
      // so concurrent appends to one conversation never collide.
      await query(
        `WITH reserved AS (
           INSERT INTO conversations AS c (id, last_seq, created_at, updated_at) VALUES ($1, $2, $3, $3)
           ON CONFLICT (id) DO UPDATE SET last_seq = c.last_seq + EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at
           RETURNING last_seq
         )
         INSERT INTO turns (conversation_id, seq, role, text, kind, answer_id, channel, created_at)
         SELECT $1, reserved.last_seq - $2::int + t.ord::int, t.role, t.text, t.kind, t.answer_id, t.channel, $3
         FROM reserved, unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS t (role, text, kind, answer_id, channel, ord)`,
        [
          id,
          turns.length,
          now(),
          turns.map((t) => t.role),
          turns.map((t) => mask(t.text)),
          turns.map((t) => t.kind ?? null),
          turns.map((t) => t.answerId ?? null),
          turns.map((t) => t.channel),
        ],
      );
    },
    async turns(id) {
      const { rows } = await query<{ seq: number; role: string; text: string; kind: string | null; answer_id: string | null; channel: string; created_at: Date }>(
        "SELECT seq, role, text, kind, answer_id, channel, created_at FROM turns WHERE conversation_id = $1 ORDER BY seq",
        [id],
      );
      return rows.map(
        (r): TurnRecord => ({
          conversationId: id,
          seq: r.seq,
          role: r.role as TurnRecord["role"],
          text: r.text,
          kind: r.kind,
          answerId: r.answer_id,
          channel: r.channel as Channel,
          createdAt: r.created_at,
        }),
      );
    },
    async exists(id) {
      const { rowCount } = await query(
        "SELECT 1 FROM conversations WHERE id = $1 AND (state_turns IS NOT NULL OR last_seq > 0)",
        [id],
      );
      return (rowCount ?? 0) > 0;
    },
    async erase(id) {
      const { rows } = await query<{ n: number }>(
        `WITH f AS (DELETE FROM feedback WHERE conversation_id = $1 RETURNING 1),
              c AS (DELETE FROM conversations WHERE id = $1 RETURNING 1)
         SELECT ((SELECT count(*) FROM f) + (SELECT count(*) FROM c))::int AS n`,
        [id],
      );
      return (rows[0]?.n ?? 0) > 0;
    },
    async purgeOlderThan(cutoff) {
      const { rows } = await query<{ n: number }>(
        `WITH old AS (DELETE FROM conversations WHERE updated_at < $1 RETURNING id),
              f AS (DELETE FROM feedback WHERE created_at < $1 OR conversation_id IN (SELECT id FROM old) RETURNING 1)
         SELECT (SELECT count(*) FROM old)::int AS n`,
        [cutoff],
      );
      return rows[0]?.n ?? 0;
    },
  };

  const feedback: FeedbackStore = {
    async add(f) {
      await query(
        "INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES ($1, $2, $3, $4, $5)",
        [f.conversationId, f.answerId, f.helpful, f.comment === undefined ? null : mask(f.comment), now()],
      );
    },
    async list(since) {
      const { rows } = await query<{ conversation_id: string; answer_id: string; helpful: boolean; comment: string | null; created_at: Date }>(
        "SELECT conversation_id, answer_id, helpful, comment, created_at FROM feedback WHERE created_at >= $1 ORDER BY id",
        [since ?? new Date(0)],
      );
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        answerId: r.answer_id,
        helpful: r.helpful,
        comment: r.comment,
        createdAt: r.created_at,
      }));
    },
  };

  const updates: UpdateLedger = {
    async claim(updateId) {
      const { rowCount } = await query(
        "INSERT INTO telegram_updates (update_id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [updateId, now()],
      );
      return rowCount === 1;
    },
    async purgeOlderThan(cutoff) {
      const { rowCount } = await query("DELETE FROM telegram_updates WHERE created_at < $1", [cutoff]);
      return rowCount ?? 0;
    },
  };

  let ended = false;
  return {
    kind: "postgres",
    conversations,
    feedback,
    updates,
    async ping() {
      await query("SELECT 1", []);
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}
