import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { StoreUnavailableError } from "./errors.js";
import type { BackendOptions } from "./options.js";
import { defaultStoreOptions } from "./options.js";
import * as rows from "./rows.js";
import * as rules from "./rules.js";
import { migrations as schemaMigrations, sqliteDialect } from "./schema.js";
import type * as port from "./types.js";
import type { ConversationState } from "../core/index.js";

export interface SqliteStoreOptions extends BackendOptions {
  /** The folder holding `ouderwijzer.db` (created with mode 700 when missing). */
  dataDir: string;
  /** File name inside dataDir (default "ouderwijzer.db"). */
  fileName: string;
}

// Each migration runs once, in order, in one transaction; see schema.ts.
const migrations = schemaMigrations(sqliteDialect);

// Errors that mean "the database is not usable right now", as opposed to bugs.
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|READONLY|IOERR|FULL|NOTADB|CORRUPT|PERM|AUTH)/;

/** The error as the stores report it: StoreUnavailableError when the database cannot be used right now. */
function storeError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && unavailableCodes.test(code)) {
    return new StoreUnavailableError(`stores: SQLite is not available (${code})`, code, { cause: err });
  }
  if (err instanceof TypeError && /not open/.test(err.message)) {
    return new StoreUnavailableError("stores: the SQLite database is closed", "CLOSED", { cause: err });
  }
  return err;
}

/** Runs `fn`, throwing its error as the stores report it. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err);
  }
}

/** Runs a statement now (as an async method's body would: the executor runs at once) and settles with it. */
function attempt<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(guard(fn));
  });
}

interface PendingWrite {
  /** A transaction function of its own: run inside the batch it becomes a savepoint. */
  write: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
  error?: unknown;
}

/**
 * Group commit for the writes every chat message makes (its conversation state and its two turns): writes asked
 * for in the same turn of the event loop are committed together in one transaction, each in a savepoint of its
 * own (one that fails is rolled back alone and rejects alone). A commit writes the WAL frames of every page it
 * touched; with 10 or 50 chats a batch that costs a third of committing each (bench/http.ts). Each promise
 * resolves only after the commit, so what a request has written is stored when it answers.
 */
function createWriteBatcher(db: Database.Database): (write: () => void) => Promise<void> {
  let pending: PendingWrite[] = [];
  const commit = db.transaction((writes: PendingWrite[]) => {
    for (const w of writes) {
      try {
        w.write();
      } catch (err) {
        w.error = err;
      }
    }
  });
  const flush = () => {
    const writes = pending;
    pending = [];
    try {
      commit.immediate(writes);
    } catch (err) {
      const e = storeError(err);
      for (const w of writes) w.reject(e);
      return;
    }
    for (const w of writes) {
      if (w.error === undefined) w.resolve();
      else w.reject(storeError(w.error));
    }
  };
  return (write) =>
    new Promise<void>((resolve, reject) => {
      if (pending.push({ write, resolve, reject }) === 1) setImmediate(flush);
    });
}

/** Opens (and creates or migrates) the database file and applies the PRAGMAs a web server needs. */
export function openSqlite(file: string): Database.Database {
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  // With WAL, NORMAL keeps the database consistent after a crash; only the last commits may be lost on power loss.
  db.pragma("synchronous = NORMAL");
  // NORMAL syncs only at checkpoints: checkpoint every ~40 MB of WAL instead of 4 MB (ten times fewer fsyncs, which
  // dominate the cost of a write on slow disks), and shrink the WAL file back afterwards.
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  // Deleted rows are overwritten with zeros, so erased text does not linger in free pages of the file (the WAL is
  // checkpointed and truncated after an erasure, see `forgetErased`).
  db.pragma("secure_delete = ON");
  // Migrations run with foreign keys off (the PRAGMA has no effect inside a transaction, so it is set around
  // them), as SQLite requires for rebuilding a table; each checks the foreign keys before it commits. The
  // version is read again under the write lock, so processes starting together run each migration once.
  const migrate = db.transaction((): boolean => {
    const v = db.pragma("user_version", { simple: true }) as number;
    if (v >= migrations.length) return false;
    db.exec(migrations[v] as string);
    const violations = db.pragma("foreign_key_check") as unknown[];
    if (violations.length > 0)
      throw new Error(`stores: SQLite migration ${v + 1} would break ${violations.length} foreign key(s)`);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  if ((db.pragma("user_version", { simple: true }) as number) < migrations.length) {
    db.pragma("foreign_keys = OFF");
    try {
      while (migrate.immediate());
    } catch (err) {
      db.close();
      throw err;
    }
  }
  db.pragma("foreign_keys = ON");
  // The database holds parents' messages: readable by this user only (also the -wal and -shm files).
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  return db;
}

/** What every part of the SQLite backend is built from. */
interface SqliteContext {
  db: Database.Database;
  now: () => number;
  /** Group commit for the writes of every chat message (see `createWriteBatcher`). */
  batched: (write: () => void) => Promise<void>;
  /** See `forgetErased` in `createSqliteBackend`. */
  forgetErased: () => void;
}

/**
 * The embedded default: one SQLite file in `dataDir`, WAL mode, busy_timeout 5000 ms, foreign keys on,
 * prepared statements and short write transactions (BEGIN IMMEDIATE). Several processes may share the file
 * on one machine; for several machines use PostgreSQL. Writes what it is given: `createSqliteStores` (in
 * index.ts) wraps it with the masking.
 */
export function createSqliteBackend(
  options: Partial<SqliteStoreOptions> & Pick<SqliteStoreOptions, "dataDir">,
): port.Stores {
  const now = options.now ?? defaultStoreOptions.now;
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = openSqlite(join(dir, options.fileName ?? "ouderwijzer.db"));
  const context: SqliteContext = {
    db,
    now: () => now().getTime(),
    batched: createWriteBatcher(db),
    /**
     * After an erasure or a retention delete: copies the WAL into the database file (where secure_delete has
     * zeroed the deleted rows) and truncates it, so the old page images with the erased text are gone from disk
     * too. Fails quietly when another process's reader holds the WAL: its next checkpoint does the same.
     */
    forgetErased() {
      try {
        db.pragma("wal_checkpoint(TRUNCATE)");
      } catch {
        // Busy or failing disk: the data is deleted; the next checkpoint overwrites the pages.
      }
    },
  };
  const ping = db.prepare("SELECT 1");
  const heartbeat = db.prepare<[number]>(
    "INSERT INTO telegram_updates (update_id, created_at) VALUES (-1, ?) ON CONFLICT (update_id) DO UPDATE SET created_at = excluded.created_at",
  );
  return {
    kind: "sqlite",
    conversations: sqliteConversations(context),
    feedback: sqliteFeedback(context),
    updates: sqliteUpdates(context),
    sends: sqliteSends(context),
    staff: sqliteStaff(context),
    sessions: sqliteSessions(context),
    audit: sqliteAudit(context),
    handoffs: sqliteHandoffs(context),
    ping: () => attempt(() => void ping.get()),
    checkWritable: () => attempt(() => void heartbeat.run(context.now())),
    close() {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}

function sqliteConversations({ db, now, batched, forgetErased }: SqliteContext): port.ConversationStore {
  const q = {
    getState: db.prepare<[string], rows.StateRow>(
      "SELECT last_entry_id, state_turns, state_crisis FROM conversations WHERE id = ?",
    ),
    setState: db.prepare<{ id: string; lastEntryId: string | null; turns: number; crisis: string | null; now: number }>(
      `INSERT INTO conversations (id, last_entry_id, state_turns, state_crisis, created_at, updated_at)
       VALUES (@id, @lastEntryId, @turns, @crisis, @now, @now)
       ON CONFLICT (id) DO UPDATE SET last_entry_id = @lastEntryId, state_turns = @turns, state_crisis = @crisis,
         updated_at = @now`,
    ),
    clearState: db.prepare<[string]>(
      "UPDATE conversations SET last_entry_id = NULL, state_turns = NULL, state_crisis = NULL WHERE id = ?",
    ),
    reserveSeq: db.prepare<{ id: string; n: number; now: number }, { last_seq: number }>(
      `INSERT INTO conversations (id, last_seq, created_at, updated_at) VALUES (@id, @n, @now, @now)
       ON CONFLICT (id) DO UPDATE SET last_seq = last_seq + @n, updated_at = @now
       RETURNING last_seq`,
    ),
    insertTurn: db.prepare<[string, number, string, string, string | null, string | null, string, number]>(
      `INSERT INTO turns (conversation_id, seq, role, text, kind, answer_id, channel, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    turns: db.prepare<[string], rows.TurnRow>(
      `SELECT ${rows.turnColumns} FROM turns WHERE conversation_id = ? ORDER BY seq`,
    ),
    exists: db.prepare<[string]>(
      "SELECT 1 FROM conversations WHERE id = ? AND (state_turns IS NOT NULL OR last_seq > 0)",
    ),
    eraseFeedback: db.prepare<[string]>("DELETE FROM feedback WHERE conversation_id = ?"),
    eraseHandoffs: db.prepare<[string]>("DELETE FROM handoffs WHERE conversation_id = ?"),
    eraseSends: db.prepare<[string]>("DELETE FROM sends WHERE conversation_id = ?"),
    eraseConversation: db.prepare<[string]>("DELETE FROM conversations WHERE id = ?"),
    purgeFeedback: db.prepare<{ cutoff: number }>(
      `DELETE FROM feedback WHERE created_at < @cutoff
         OR conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)`,
    ),
    // Before the conversations are deleted: the requests of the conversations about to be purged.
    purgeHandoffsOfOld: db.prepare<{ cutoff: number }>(
      "DELETE FROM handoffs WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)",
    ),
    purgeConversations: db.prepare<{ cutoff: number }>("DELETE FROM conversations WHERE updated_at < @cutoff"),
    // After: requests past the cutoff whose conversation does not exist (any more). A fresh request whose
    // conversation has no row yet is kept.
    purgeOrphanHandoffs: db.prepare<{ cutoff: number }>(
      `DELETE FROM handoffs WHERE updated_at < @cutoff
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = handoffs.conversation_id)`,
    ),
    turnsSince: db.prepare<[number, number], rows.TurnRow & { conversation_id: string }>(
      `SELECT conversation_id, ${rows.turnColumns} FROM turns
       WHERE created_at >= ? ORDER BY created_at, conversation_id, seq LIMIT ?`,
    ),
  };
  const appendTurns = db.transaction((id: string, turns: readonly port.TurnInput[], at: number) => {
    const row = q.reserveSeq.get({ id, n: turns.length, now: at }) as { last_seq: number };
    let seq = row.last_seq - turns.length;
    for (const t of turns)
      q.insertTurn.run(id, ++seq, t.role, t.text, t.kind ?? null, t.answerId ?? null, t.channel, at);
  });
  const setState = db.transaction((id: string, state: ConversationState, at: number) => {
    q.setState.run({
      id,
      lastEntryId: state.lastEntryId,
      turns: state.turns,
      crisis: rows.crisisColumn(state),
      now: at,
    });
  });
  const erase = db.transaction((id: string) => {
    const f = q.eraseFeedback.run(id).changes;
    const h = q.eraseHandoffs.run(id).changes + q.eraseSends.run(id).changes;
    return q.eraseConversation.run(id).changes + f + h > 0;
  });
  const purge = db.transaction((cutoff: number) => {
    q.purgeFeedback.run({ cutoff });
    q.purgeHandoffsOfOld.run({ cutoff });
    const n = q.purgeConversations.run({ cutoff }).changes;
    q.purgeOrphanHandoffs.run({ cutoff });
    return n;
  });
  const append = (id: string, turns: readonly port.TurnInput[]) => {
    if (turns.length === 0) return Promise.resolve();
    const at = now();
    return batched(() => appendTurns(id, turns, at));
  };
  return {
    get: (id) => attempt(() => rows.toState(q.getState.get(id))),
    set(id, state) {
      const at = now();
      return batched(() => setState(id, state, at));
    },
    delete: (id) => attempt(() => void q.clearState.run(id)),
    appendTurn: (id, turn) => append(id, [turn]),
    appendTurns: append,
    turns: (id) => attempt(() => q.turns.all(id).map((r) => rows.toTurn(id, r))),
    turnsSince: (since, limit) =>
      attempt(() =>
        q.turnsSince.all(since.getTime(), rules.clampLimit(limit)).map((r) => rows.toTurn(r.conversation_id, r)),
      ),
    exists: (id) => attempt(() => q.exists.get(id) !== undefined),
    erase: (id) =>
      attempt(() => {
        const erased = erase.immediate(id);
        if (erased) forgetErased();
        return erased;
      }),
    purgeOlderThan: (cutoff) =>
      attempt(() => {
        const n = purge.immediate(cutoff.getTime());
        forgetErased();
        return n;
      }),
  };
}

function sqliteFeedback({ db, now }: SqliteContext): port.FeedbackStore {
  const add = db.prepare<[string, string, number, string | null, number]>(
    "INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const list = db.prepare<[number], rows.FeedbackRow>(
    `SELECT ${rows.feedbackColumns} FROM feedback WHERE created_at >= ? ORDER BY id`,
  );
  return {
    add: (f) => attempt(() => void add.run(f.conversationId, f.answerId, f.helpful ? 1 : 0, f.comment ?? null, now())),
    list: (since) => attempt(() => list.all(since?.getTime() ?? 0).map(rows.toFeedback)),
  };
}

function sqliteUpdates({ db, now }: SqliteContext): port.UpdateLedger {
  const claim = db.prepare<[number, number]>(
    "INSERT INTO telegram_updates (update_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  const purge = db.prepare<[number]>("DELETE FROM telegram_updates WHERE created_at < ?");
  return {
    claim: (updateId) => attempt(() => claim.run(updateId, now()).changes === 1),
    purgeOlderThan: (cutoff) => attempt(() => purge.run(cutoff.getTime()).changes),
  };
}

function sqliteSends({ db, now }: SqliteContext): port.SendLedger {
  const q = {
    begin: db.prepare<[string, string, number]>(
      "INSERT INTO sends (client_id, request_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    get: db.prepare<[string], { requestHash: string; response: string | null }>(
      "SELECT request_hash AS requestHash, response FROM sends WHERE client_id = ?",
    ),
    complete: db.prepare<[string, string, string]>(
      "UPDATE sends SET conversation_id = ?, response = ? WHERE client_id = ?",
    ),
    abandon: db.prepare<[string]>("DELETE FROM sends WHERE client_id = ? AND response IS NULL"),
    purge: db.prepare<[number]>("DELETE FROM sends WHERE created_at < ?"),
  };
  return {
    begin: (clientId, requestHash) =>
      attempt(() =>
        q.begin.run(clientId, requestHash, now()).changes === 1
          ? { state: "new" }
          : rules.priorSendClaim(q.get.get(clientId), requestHash),
      ),
    complete: (clientId, conversationId, response) =>
      attempt(() => void q.complete.run(conversationId, response, clientId)),
    abandon: (clientId) => attempt(() => void q.abandon.run(clientId)),
    purgeOlderThan: (cutoff) => attempt(() => q.purge.run(cutoff.getTime()).changes),
  };
}

function sqliteStaff({ db, now }: SqliteContext): port.StaffStore {
  const q = {
    add: db.prepare<[string, string, string, number], rows.StaffRow>(
      `INSERT INTO staff (email, password_hash, role, disabled, created_at) VALUES (?, ?, ?, 0, ?)
       RETURNING ${rows.staffColumns}`,
    ),
    byEmail: db.prepare<[string], rows.StaffRow>(`SELECT ${rows.staffColumns} FROM staff WHERE email = ?`),
    byId: db.prepare<[number], rows.StaffRow>(`SELECT ${rows.staffColumns} FROM staff WHERE id = ?`),
    list: db.prepare<[], rows.StaffRow>(`SELECT ${rows.staffColumns} FROM staff ORDER BY id`),
    setPassword: db.prepare<[string, number]>("UPDATE staff SET password_hash = ? WHERE id = ?"),
    setDisabled: db.prepare<[number, number]>("UPDATE staff SET disabled = ? WHERE id = ?"),
    remove: db.prepare<[number]>("DELETE FROM staff WHERE id = ?"),
  };
  const staffOf = (row: rows.StaffRow | undefined) => row && rows.toStaff(row);
  return {
    add: (input) =>
      attempt(() => staffOf(q.add.get(rules.normalizeEmail(input.email), input.passwordHash, input.role, now()))).catch(
        (err: unknown) => {
          // The UNIQUE constraint decides, atomically: no racy check before the insert.
          if ((err as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") return undefined;
          throw err;
        },
      ),
    byEmail: (email) => attempt(() => staffOf(q.byEmail.get(rules.normalizeEmail(email)))),
    byId: (id) => attempt(() => staffOf(q.byId.get(id))),
    list: () => attempt(() => q.list.all().map(rows.toStaff)),
    setPassword: (id, passwordHash) => attempt(() => q.setPassword.run(passwordHash, id).changes > 0),
    setDisabled: (id, disabled) => attempt(() => q.setDisabled.run(disabled ? 1 : 0, id).changes > 0),
    remove: (id) => attempt(() => q.remove.run(id).changes > 0),
  };
}

function sqliteSessions({ db, now }: SqliteContext): port.SessionStore {
  const q = {
    get: db.prepare<[string, number], { data: string }>("SELECT data FROM sessions WHERE sid = ? AND expires_at > ?"),
    set: db.prepare<[string, string, number]>(
      "INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
    ),
    touch: db.prepare<[number, string, number]>("UPDATE sessions SET expires_at = ? WHERE sid = ? AND expires_at > ?"),
    destroy: db.prepare<[string]>("DELETE FROM sessions WHERE sid = ?"),
    purge: db.prepare<[number]>("DELETE FROM sessions WHERE expires_at <= ?"),
  };
  return {
    get: (sid) => attempt(() => q.get.get(sid, now())?.data),
    set: (sid, data, expiresAt) => attempt(() => void q.set.run(sid, data, expiresAt.getTime())),
    touch: (sid, expiresAt) => attempt(() => void q.touch.run(expiresAt.getTime(), sid, now())),
    destroy: (sid) => attempt(() => void q.destroy.run(sid)),
    purgeExpired: () => attempt(() => q.purge.run(now()).changes),
  };
}

function sqliteAudit({ db, now }: SqliteContext): port.AuditLog {
  const append = db.prepare<[number, number | null, string, string | null, string | null]>(
    "INSERT INTO audit (at, staff_id, action, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
  );
  const list = db.prepare<{ targetId: string | null; staffId: number | null; limit: number }, rows.AuditRow>(
    `SELECT ${rows.auditColumns} FROM audit
     WHERE (@targetId IS NULL OR target_id = @targetId) AND (@staffId IS NULL OR staff_id = @staffId)
     ORDER BY at DESC, id DESC LIMIT @limit`,
  );
  return {
    append: (e) => attempt(() => void append.run(now(), e.staffId, e.action, e.targetType, e.targetId)),
    list(filter = {}) {
      const params = {
        targetId: filter.targetId ?? null,
        staffId: filter.staffId ?? null,
        limit: rules.clampLimit(filter.limit ?? rules.defaultAuditLimit),
      };
      return attempt(() => list.all(params).map(rows.toAudit));
    },
  };
}

function sqliteHandoffs({ db, now }: SqliteContext): port.HandoffStore {
  const q = {
    deleteUnfinished: db.prepare<[string]>(
      "DELETE FROM handoffs WHERE conversation_id = ? AND status IN ('consent', 'contact')",
    ),
    insert: db.prepare<
      { id: string; conversationId: string; channel: string; chatRef: string | null; now: number },
      rows.HandoffRow
    >(
      `INSERT INTO handoffs (id, conversation_id, channel, status, chat_ref, created_at, updated_at)
       VALUES (@id, @conversationId, @channel, 'consent', @chatRef, @now, @now) RETURNING *`,
    ),
    get: db.prepare<[string], rows.HandoffRow>("SELECT * FROM handoffs WHERE id = ?"),
    latest: db.prepare<[string], rows.HandoffRow>(
      "SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
    ),
    active: db.prepare<[string], rows.HandoffRow>(
      "SELECT * FROM handoffs WHERE conversation_id = ? AND status <> 'closed' ORDER BY created_at DESC, id DESC LIMIT 1",
    ),
    byReturnCode: db.prepare<[string], rows.HandoffRow>(
      `SELECT * FROM handoffs WHERE return_code_hash = ? AND status IN ('open', 'claimed')
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    ),
    list: db.prepare<[string, number], rows.HandoffRow>(
      `SELECT * FROM handoffs WHERE status IN (SELECT value FROM json_each(?))
       ORDER BY COALESCE(requested_at, created_at), id LIMIT ?`,
    ),
  };
  const start = db.transaction((input: Parameters<port.HandoffStore["start"]>[0], id: string, at: number) => {
    q.deleteUnfinished.run(input.conversationId);
    return q.insert.get({
      id,
      conversationId: input.conversationId,
      channel: input.channel,
      chatRef: input.chatRef,
      now: at,
    });
  });
  // One statement per set of changed columns (at most 2^8), prepared once: the status is checked and changed
  // atomically, so of two concurrent claims one wins.
  const transitions = new Map<string, Database.Statement<unknown[], rows.HandoffRow>>();
  const transition = (changes: readonly rules.PatchChange[]) => {
    const sql = `UPDATE handoffs SET ${rules.patchAssignments(changes, () => "?")}
      WHERE id = ? AND status IN (SELECT value FROM json_each(?)) AND (NOT ? OR claimed_by IS ?) RETURNING *`;
    let statement = transitions.get(sql);
    if (!statement) transitions.set(sql, (statement = db.prepare<unknown[], rows.HandoffRow>(sql)));
    return statement;
  };
  const handoffOf = (row: rows.HandoffRow | undefined) => row && rows.toHandoff(row);
  return {
    // INSERT … RETURNING always returns the row.
    start: (input) => attempt(() => rows.toHandoff(start.immediate(input, randomUUID(), now()) as rows.HandoffRow)),
    get: (id) => attempt(() => handoffOf(q.get.get(id))),
    active: (conversationId) => attempt(() => handoffOf(q.active.get(conversationId))),
    latest: (conversationId) => attempt(() => handoffOf(q.latest.get(conversationId))),
    byReturnCode: (hash) => attempt(() => handoffOf(q.byReturnCode.get(hash))),
    transition(id, from, patch, where = {}) {
      if (from.length === 0) return Promise.resolve(undefined);
      const changes = rules.patchChanges(patch);
      const values = changes.map(({ value }) => (value instanceof Date ? value.getTime() : value));
      const checkClaimedBy = where.claimedBy === undefined ? 0 : 1;
      const params = [...values, now(), id, JSON.stringify(from), checkClaimedBy, where.claimedBy ?? null];
      return attempt(() => handoffOf(transition(changes).get(...params)));
    },
    list(statuses, limit = rules.defaultHandoffLimit) {
      if (statuses.length === 0) return Promise.resolve([]);
      return attempt(() => q.list.all(JSON.stringify(statuses), rules.clampLimit(limit)).map(rows.toHandoff));
    },
  };
}
