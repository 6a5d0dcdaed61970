import { randomUUID } from "node:crypto";
import pg from "pg";
import { StoreUnavailableError } from "./errors.js";
import type { BackendOptions } from "./options.js";
import { defaultStoreOptions } from "./options.js";
import * as rows from "./rows.js";
import * as rules from "./rules.js";
import { migrations as schemaMigrations, postgresDialect } from "./schema.js";
import { storableText } from "./text.js";
import type * as port from "./types.js";

export interface PostgresStoreOptions extends BackendOptions {
  connectionString: string;
  /** Schema for the tables, created when missing (default "public"); tests use one schema per run. */
  schema: string;
  /** Most connections in the pool (default 10). */
  max: number;
  /** How long to wait for a connection (from the pool, or a new one) before failing, in ms (default 2500; pg's
   * default 0 waits forever). */
  connectionTimeoutMillis: number;
  /** Idle connections are closed after this many ms (default 30000). */
  idleTimeoutMillis: number;
  /** Server-side limit per statement, in ms (default 2500). */
  statementTimeoutMillis: number;
  /** Client-side limit per query, in ms (default 3000): a query whose answer does not arrive in time (a stalled
   * network or server, which a server-side limit cannot catch) fails, and its connection is discarded. */
  queryTimeoutMillis: number;
  /** Limits for retention deletes, which may touch many rows (default 60000). */
  maintenanceTimeoutMillis: number;
  /** Called for errors on idle connections (e.g. the server restarted); the pool replaces the connection. */
  onError: (err: Error) => void;
}

/**
 * The defaults bound every request: with a stalled or unreachable database, each query fails within about 3 s
 * (a connection within 2.5 s), so a chat request answers 503 within 5 s instead of hanging.
 */
export const defaultPostgresStoreOptions: Omit<PostgresStoreOptions, keyof BackendOptions | "connectionString"> = {
  schema: "public",
  max: 10,
  connectionTimeoutMillis: 2500,
  idleTimeoutMillis: 30_000,
  statementTimeoutMillis: 2500,
  queryTimeoutMillis: 3000,
  maintenanceTimeoutMillis: 60_000,
  onError: () => {},
};

// Each migration runs once, in order, in one transaction, under an advisory lock so that several instances
// starting together do not race; see schema.ts.
const migrations = schemaMigrations(postgresDialect);

const unavailableCodes = /^(08|53|57|58)|^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH)$/;
const unavailableMessages =
  /timeout|Connection terminated|pool after calling end|Client has encountered a connection error|Connection closed|not queryable/i;

/** Whether an error means the database cannot be used right now (as opposed to a bug or a constraint). */
function isUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : "";
  return (typeof code === "string" && unavailableCodes.test(code)) || unavailableMessages.test(message);
}

/** Query parameters as PostgreSQL takes them: text without NUL, other control characters or lone surrogates
 * (it refuses a NUL with error 22021; see text.ts). `maskingStores` has already cleaned what parents wrote; this
 * covers every other parameter (ids, kinds), so that no request fails on such a character. */
const storableValue = (v: unknown): unknown =>
  typeof v === "string" ? storableText(v) : Array.isArray(v) ? v.map(storableValue) : v;

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    const code = (err as { code?: unknown }).code;
    if (isUnavailable(err)) {
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

async function migrate(pool: pg.Pool, schema: string, timeoutMillis: number) {
  const client = await pool.connect();
  // A checked-out connection has no listener of the pool: an error between two statements (the server stopped) would
  // be an uncaught exception. The statement under way fails with it anyway.
  const onError = () => undefined;
  client.on("error", onError);
  // Instances starting together wait for each other's migrations: the longer maintenance limits apply.
  const run = (text: string, values: unknown[] = []) =>
    client.query({ text, values, query_timeout: timeoutMillis + 5000 } as pg.QueryConfig);
  try {
    await client.query("BEGIN");
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMillis)}`);
    await run("SELECT pg_advisory_xact_lock(hashtext($1))", [`ouderwijzer-migrations:${schema}`]);
    await run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await run(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const { rows } = await run("SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations");
    for (let v = (rows[0] as { v?: number } | undefined)?.v ?? 0; v < migrations.length; v++) {
      await run(migrations[v] as string);
      await run("INSERT INTO schema_migrations (version) VALUES ($1)", [v + 1]);
    }
    await client.query("COMMIT");
  } catch (err) {
    const broken = isUnavailable(err);
    if (!broken) await client.query("ROLLBACK").catch(() => {});
    client.off("error", onError);
    client.release(broken ? (err as Error) : undefined);
    throw err;
  }
  client.off("error", onError);
  client.release();
}

type Query = <R extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[],
) => Promise<pg.QueryResult<R>>;

/** What every part of the PostgreSQL backend is built from. */
interface PostgresContext {
  /** One statement on a connection of the pool. */
  query: Query;
  /** Runs `fn` in a transaction on one connection of the pool. */
  transaction: <T>(fn: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  /** A retention delete: one statement with the longer maintenance limits. */
  maintenance: Query;
  now: () => Date;
  schema: string;
}

/** The pool as configured by the options: explicit limits and timeouts, the schema on the search path. */
function createPool(o: Omit<PostgresStoreOptions, keyof BackendOptions>): pg.Pool {
  const pool = new pg.Pool({
    connectionString: o.connectionString,
    max: o.max,
    connectionTimeoutMillis: o.connectionTimeoutMillis,
    idleTimeoutMillis: o.idleTimeoutMillis,
    statement_timeout: o.statementTimeoutMillis,
    query_timeout: o.queryTimeoutMillis,
    // A transaction left open by a client that stalled holds no locks for long.
    idle_in_transaction_session_timeout: Math.max(10_000, o.maintenanceTimeoutMillis),
    // Dead peers are noticed by the operating system too, not only by the timeouts above.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    options: `-c search_path="${o.schema}"`,
    application_name: "ouderwijzer",
  });
  // Without a listener, an error on an idle connection (server restart, network) would crash the process.
  pool.on("error", (err) => {
    o.onError(err);
  });
  return pool;
}

/** Runs `fn` in a transaction on one connection of the pool; a connection that failed is not reused. */
function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  statementTimeoutMillis?: number,
): Promise<T> {
  return guard(async () => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A checked-out connection has no listener of the pool: an error between two statements of the transaction (the
    // server stopped) would be an uncaught exception that ends the process. It marks the connection broken instead.
    const onError = (err: Error) => {
      broken = err;
    };
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      if (statementTimeoutMillis !== undefined)
        await client.query(`SET LOCAL statement_timeout = ${Math.floor(statementTimeoutMillis)}`);
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      if (isUnavailable(err)) {
        // The connection stalled or broke: a ROLLBACK would wait behind the stalled query. Discard it; the server
        // rolls the transaction back when the connection goes.
        broken = err instanceof Error ? err : new Error(String(err));
      } else {
        await client.query("ROLLBACK").catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
      }
      throw err;
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  });
}

/**
 * PostgreSQL stores, for several instances behind a load balancer. A pool with explicit limits and timeouts
 * (no request waits forever for a connection), parameterised statements only, each write one atomic statement,
 * migrations at start. Writes what it is given: `createPostgresStores` (in index.ts) wraps it with the masking.
 */
export async function createPostgresBackend(
  options: Partial<PostgresStoreOptions> & Pick<PostgresStoreOptions, "connectionString">,
): Promise<port.Stores> {
  const o = { ...defaultPostgresStoreOptions, now: defaultStoreOptions.now, ...options };
  if (!isIdentifier(o.schema))
    throw new Error(`stores: invalid PostgreSQL schema name "${o.schema}"; use a-z, 0-9 and _`);
  const pool = createPool(o);
  try {
    await guard(() => migrate(pool, o.schema, o.maintenanceTimeoutMillis));
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  const context: PostgresContext = {
    // pool.query discards a connection whose query failed (a timed-out one included), so a stalled connection is
    // never handed out again.
    query: (text, values) => guard(() => pool.query({ text, values: values.map(storableValue) })),
    transaction: (fn) => inTransaction(pool, fn),
    maintenance: (text, values) =>
      inTransaction(
        pool,
        (client) =>
          client.query({
            text,
            values: values.map(storableValue),
            query_timeout: o.maintenanceTimeoutMillis + 5000,
          } as pg.QueryConfig),
        o.maintenanceTimeoutMillis,
      ),
    now: o.now,
    schema: o.schema,
  };
  let ended = false;
  return {
    kind: "postgres",
    conversations: postgresConversations(context),
    feedback: postgresFeedback(context),
    updates: postgresUpdates(context),
    sends: postgresSends(context),
    staff: postgresStaff(context),
    sessions: postgresSessions(context),
    audit: postgresAudit(context),
    handoffs: postgresHandoffs(context),
    async ping() {
      await context.query("SELECT 1", []);
    },
    async checkWritable() {
      await context.query(
        "INSERT INTO telegram_updates (update_id, created_at) VALUES (-1, $1) ON CONFLICT (update_id) DO UPDATE SET created_at = EXCLUDED.created_at",
        [o.now()],
      );
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}

const countOf = ({ rowCount }: pg.QueryResult) => rowCount ?? 0;

function postgresConversations({ query, maintenance, now }: PostgresContext): port.ConversationStore {
  const appendTurns = async (id: string, turns: readonly port.TurnInput[]) => {
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
        turns.map((t) => t.text),
        turns.map((t) => t.kind ?? null),
        turns.map((t) => t.answerId ?? null),
        turns.map((t) => t.channel),
      ],
    );
  };
  return {
    async get(id) {
      const { rows: found } = await query<rows.StateRow>(
        "SELECT last_entry_id, state_turns, state_crisis FROM conversations WHERE id = $1",
        [id],
      );
      return rows.toState(found[0]);
    },
    async set(id, state) {
      await query(
        `INSERT INTO conversations (id, last_entry_id, state_turns, state_crisis, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (id) DO UPDATE SET last_entry_id = $2, state_turns = $3, state_crisis = $4, updated_at = $5`,
        [id, state.lastEntryId, state.turns, rows.crisisColumn(state), now()],
      );
    },
    async delete(id) {
      await query(
        "UPDATE conversations SET last_entry_id = NULL, state_turns = NULL, state_crisis = NULL WHERE id = $1",
        [id],
      );
    },
    appendTurn: (id, turn) => appendTurns(id, [turn]),
    appendTurns,
    async turns(id) {
      const { rows: found } = await query<rows.TurnRow>(
        `SELECT ${rows.turnColumns} FROM turns WHERE conversation_id = $1 ORDER BY seq`,
        [id],
      );
      return found.map((r) => rows.toTurn(id, r));
    },
    async exists(id) {
      const found = await query(
        "SELECT 1 FROM conversations WHERE id = $1 AND (state_turns IS NOT NULL OR last_seq > 0)",
        [id],
      );
      return countOf(found) > 0;
    },
    async erase(id) {
      const { rows: counted } = await query<{ n: number }>(
        `WITH f AS (DELETE FROM feedback WHERE conversation_id = $1 RETURNING 1),
              h AS (DELETE FROM handoffs WHERE conversation_id = $1 RETURNING 1),
              s AS (DELETE FROM sends WHERE conversation_id = $1 RETURNING 1),
              c AS (DELETE FROM conversations WHERE id = $1 RETURNING 1)
         SELECT ((SELECT count(*) FROM f) + (SELECT count(*) FROM h) + (SELECT count(*) FROM s) + (SELECT count(*) FROM c))::int AS n`,
        [id],
      );
      return (counted[0]?.n ?? 0) > 0;
    },
    async purgeOlderThan(cutoff) {
      // Handoff requests go with their conversation; one whose conversation does not exist (any more) goes once
      // it is itself older than the cutoff (a fresh one may precede its conversation's first row). All parts of
      // the statement see the same snapshot, hence the purged ids are named explicitly.
      const { rows: counted } = await maintenance<{ n: number }>(
        `WITH old AS (DELETE FROM conversations WHERE updated_at < $1 RETURNING id),
              f AS (DELETE FROM feedback WHERE created_at < $1 OR conversation_id IN (SELECT id FROM old) RETURNING 1),
              h AS (DELETE FROM handoffs WHERE conversation_id IN (SELECT id FROM old)
                      OR (updated_at < $1 AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = handoffs.conversation_id))
                    RETURNING 1)
         SELECT (SELECT count(*) FROM old)::int AS n`,
        [cutoff],
      );
      return counted[0]?.n ?? 0;
    },
    async turnsSince(since, limit) {
      const { rows: found } = await query<rows.TurnRow & { conversation_id: string }>(
        `SELECT conversation_id, ${rows.turnColumns} FROM turns
         WHERE created_at >= $1 ORDER BY created_at, conversation_id COLLATE "C", seq LIMIT $2`,
        [since, rules.clampLimit(limit)],
      );
      return found.map((r) => rows.toTurn(r.conversation_id, r));
    },
  };
}

function postgresFeedback({ query, now }: PostgresContext): port.FeedbackStore {
  return {
    async add(f) {
      await query(
        "INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES ($1, $2, $3, $4, $5)",
        [f.conversationId, f.answerId, f.helpful, f.comment ?? null, now()],
      );
    },
    async list(since) {
      const { rows: found } = await query<rows.FeedbackRow>(
        `SELECT ${rows.feedbackColumns} FROM feedback WHERE created_at >= $1 ORDER BY id`,
        [since ?? new Date(0)],
      );
      return found.map(rows.toFeedback);
    },
  };
}

function postgresSends({ query, maintenance, now }: PostgresContext): port.SendLedger {
  return {
    async begin(clientId, requestHash) {
      const inserted = await query(
        "INSERT INTO sends (client_id, request_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [clientId, requestHash, now()],
      );
      if (inserted.rowCount === 1) return { state: "new" };
      const { rows: found } = await query<{ requestHash: string; response: string | null }>(
        `SELECT request_hash AS "requestHash", response FROM sends WHERE client_id = $1`,
        [clientId],
      );
      return rules.priorSendClaim(found[0], requestHash);
    },
    async complete(clientId, conversationId, response) {
      await query("UPDATE sends SET conversation_id = $1, response = $2 WHERE client_id = $3", [
        conversationId,
        response,
        clientId,
      ]);
    },
    async abandon(clientId) {
      await query("DELETE FROM sends WHERE client_id = $1 AND response IS NULL", [clientId]);
    },
    async purgeOlderThan(cutoff) {
      return countOf(await maintenance("DELETE FROM sends WHERE created_at < $1", [cutoff]));
    },
  };
}

function postgresUpdates({ query, maintenance, now }: PostgresContext): port.UpdateLedger {
  return {
    async claim(updateId) {
      const { rowCount } = await query(
        "INSERT INTO telegram_updates (update_id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        [updateId, now()],
      );
      return rowCount === 1;
    },
    async purgeOlderThan(cutoff) {
      return countOf(await maintenance("DELETE FROM telegram_updates WHERE created_at < $1", [cutoff]));
    },
  };
}

function postgresStaff({ query, now }: PostgresContext): port.StaffStore {
  const one = async (text: string, values: unknown[]) => {
    const { rows: found } = await query<rows.StaffRow>(text, values);
    return found[0] && rows.toStaff(found[0]);
  };
  const changed = async (text: string, values: unknown[]) => countOf(await query(text, values)) > 0;
  return {
    async add(input) {
      try {
        return await one(
          `INSERT INTO staff (email, password_hash, role, created_at) VALUES ($1, $2, $3, $4) RETURNING ${rows.staffColumns}`,
          [rules.normalizeEmail(input.email), input.passwordHash, input.role, now()],
        );
      } catch (err) {
        // The UNIQUE constraint decides, atomically: no racy check before the insert.
        if ((err as { code?: unknown }).code === "23505") return undefined;
        throw err;
      }
    },
    byEmail: (email) => one(`SELECT ${rows.staffColumns} FROM staff WHERE email = $1`, [rules.normalizeEmail(email)]),
    byId: (id) => one(`SELECT ${rows.staffColumns} FROM staff WHERE id = $1`, [id]),
    async list() {
      const { rows: found } = await query<rows.StaffRow>(`SELECT ${rows.staffColumns} FROM staff ORDER BY id`, []);
      return found.map(rows.toStaff);
    },
    setPassword: (id, passwordHash) => changed("UPDATE staff SET password_hash = $2 WHERE id = $1", [id, passwordHash]),
    setDisabled: (id, disabled) => changed("UPDATE staff SET disabled = $2 WHERE id = $1", [id, disabled]),
    remove: (id) => changed("DELETE FROM staff WHERE id = $1", [id]),
  };
}

function postgresSessions({ query, maintenance, now }: PostgresContext): port.SessionStore {
  return {
    async get(sid) {
      const { rows: found } = await query<{ data: string }>(
        "SELECT data FROM sessions WHERE sid = $1 AND expires_at > $2",
        [sid, now()],
      );
      return found[0]?.data;
    },
    async set(sid, data, expiresAt) {
      await query(
        `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sid, data, expiresAt],
      );
    },
    async touch(sid, expiresAt) {
      await query("UPDATE sessions SET expires_at = $2 WHERE sid = $1 AND expires_at > $3", [sid, expiresAt, now()]);
    },
    async destroy(sid) {
      await query("DELETE FROM sessions WHERE sid = $1", [sid]);
    },
    async purgeExpired() {
      return countOf(await maintenance("DELETE FROM sessions WHERE expires_at <= $1", [now()]));
    },
  };
}

function postgresAudit({ query, now }: PostgresContext): port.AuditLog {
  return {
    async append(e) {
      await query("INSERT INTO audit (at, staff_id, action, target_type, target_id) VALUES ($1, $2, $3, $4, $5)", [
        now(),
        e.staffId,
        e.action,
        e.targetType,
        e.targetId,
      ]);
    },
    async list(filter = {}) {
      const { rows: found } = await query<rows.AuditRow>(
        `SELECT ${rows.auditColumns} FROM audit
         WHERE ($1::text IS NULL OR target_id = $1) AND ($2::integer IS NULL OR staff_id = $2)
         ORDER BY at DESC, id DESC LIMIT $3`,
        [filter.targetId ?? null, filter.staffId ?? null, rules.clampLimit(filter.limit ?? rules.defaultAuditLimit)],
      );
      return found.map(rows.toAudit);
    },
  };
}

function postgresHandoffs({ query, transaction, now, schema }: PostgresContext): port.HandoffStore {
  const one = async (text: string, values: unknown[]) => {
    const { rows: found } = await query<rows.HandoffRow>(text, values);
    return found[0] && rows.toHandoff(found[0]);
  };
  return {
    start: (input) =>
      transaction(async (client) => {
        // Serialises starts of one conversation (no row to lock yet): the second replaces the first.
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
          `ouderwijzer-handoff:${schema}`,
          input.conversationId,
        ]);
        await client.query("DELETE FROM handoffs WHERE conversation_id = $1 AND status IN ('consent', 'contact')", [
          input.conversationId,
        ]);
        const { rows: inserted } = await client.query<rows.HandoffRow>(
          `INSERT INTO handoffs (id, conversation_id, channel, status, chat_ref, created_at, updated_at)
           VALUES ($1, $2, $3, 'consent', $4, $5, $5) RETURNING *`,
          [randomUUID(), input.conversationId, input.channel, input.chatRef, now()],
        );
        // INSERT … RETURNING always returns the row.
        return rows.toHandoff(inserted[0] as rows.HandoffRow);
      }),
    get: (id) => one("SELECT * FROM handoffs WHERE id = $1", [id]),
    active: (conversationId) =>
      one(
        `SELECT * FROM handoffs WHERE conversation_id = $1 AND status <> 'closed'
         ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 1`,
        [conversationId],
      ),
    latest: (conversationId) =>
      one(`SELECT * FROM handoffs WHERE conversation_id = $1 ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 1`, [
        conversationId,
      ]),
    byReturnCode: (hash) =>
      one(
        `SELECT * FROM handoffs WHERE return_code_hash = $1 AND status IN ('open', 'claimed')
         ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 1`,
        [hash],
      ),
    async transition(id, from, patch, where = {}) {
      if (from.length === 0) return undefined;
      const changes = rules.patchChanges(patch);
      const n = changes.length;
      // One statement: the status is checked and changed atomically (a concurrent update re-checks the WHERE
      // against the committed row), so of two concurrent claims one wins.
      return one(
        `UPDATE handoffs SET ${rules.patchAssignments(changes, (i) => `$${i + 1}`)}
         WHERE id = $${n + 2} AND status = ANY($${n + 3}::text[])
           AND (NOT $${n + 4}::boolean OR claimed_by IS NOT DISTINCT FROM $${n + 5}::integer)
         RETURNING *`,
        [...changes.map((c) => c.value), now(), id, [...from], where.claimedBy !== undefined, where.claimedBy ?? null],
      );
    },
    async list(statuses, limit = rules.defaultHandoffLimit) {
      if (statuses.length === 0) return [];
      const { rows: found } = await query<rows.HandoffRow>(
        `SELECT * FROM handoffs WHERE status = ANY($1::text[])
         ORDER BY COALESCE(requested_at, created_at), id COLLATE "C" LIMIT $2`,
        [[...statuses], rules.clampLimit(limit)],
      );
      return found.map(rows.toHandoff);
    },
  };
}
