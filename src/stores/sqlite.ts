import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { StoreUnavailableError } from "./errors.js";
import { clampLimit, normalizeEmail } from "./memory.js";
import { storeOptions, turnMasker, type StoreOptions } from "./options.js";
import { storableOrNull } from "./text.js";
import type {
  SendClaim,
  SendLedger,
  AuditLog,
  AuditRecord,
  Channel,
  ContactKind,
  ConversationStore,
  FeedbackStore,
  HandoffChannel,
  HandoffRecord,
  HandoffStatus,
  HandoffStore,
  SessionStore,
  StaffRecord,
  StaffRole,
  StaffStore,
  Stores,
  TurnInput,
  TurnRecord,
  UpdateLedger,
} from "./types.js";

export interface SqliteStoreOptions extends StoreOptions {
  /** The folder holding `ouderwijzer.db` (created with mode 700 when missing). */
  dataDir: string;
  /** File name inside dataDir (default "ouderwijzer.db"). */
  fileName: string;
}

// Each migration runs once, in order, in one transaction; PRAGMA user_version records how many ran.
// Never edit a migration once released: databases in the field have run it. Append a new one instead.
const migrations: string[] = [
  `CREATE TABLE conversations (
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
   CREATE INDEX telegram_updates_created_at ON telegram_updates (created_at);`,

  // 2: the helpdesk console. Staff turns: SQLite cannot change a CHECK constraint, so turns is rebuilt the way
  // https://www.sqlite.org/lang_altertable.html#otheralter describes (create turns_new, copy, drop, rename;
  // openSqlite runs migrations with foreign keys off and checks them before committing). Nothing refers to
  // turns, so the rename rewrites no other table. Staff ids and audit ids are never reused (AUTOINCREMENT):
  // audit rows keep the id of a removed account. Audit and handoffs have no foreign keys on purpose: audit
  // rows outlive accounts, and a handoff request can start before its conversation has a row.
  `CREATE TABLE turns_new (
     conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('parent', 'assistant', 'staff')),
     text TEXT NOT NULL,
     kind TEXT,
     answer_id TEXT,
     channel TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   );
   INSERT INTO turns_new (conversation_id, seq, role, text, kind, answer_id, channel, created_at)
     SELECT conversation_id, seq, role, text, kind, answer_id, channel, created_at FROM turns ORDER BY rowid;
   DROP TABLE turns;
   ALTER TABLE turns_new RENAME TO turns;
   CREATE INDEX turns_created_at ON turns (created_at);
   CREATE TABLE staff (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     email TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
     disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     sid TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     staff_id INTEGER,
     action TEXT NOT NULL,
     target_type TEXT,
     target_id TEXT
   );
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_target_id ON audit (target_id);
   CREATE TABLE handoffs (
     id TEXT PRIMARY KEY,
     conversation_id TEXT NOT NULL,
     channel TEXT NOT NULL CHECK (channel IN ('web', 'telegram')),
     status TEXT NOT NULL CHECK (status IN ('consent', 'contact', 'open', 'claimed', 'closed')),
     contact_kind TEXT CHECK (contact_kind IN ('chat', 'phone', 'email')),
     contact_value TEXT,
     chat_ref TEXT,
     created_at INTEGER NOT NULL,
     requested_at INTEGER,
     claimed_by INTEGER,
     claimed_at INTEGER,
     closed_at INTEGER,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX handoffs_conversation_id ON handoffs (conversation_id);
   CREATE INDEX handoffs_status ON handoffs (status);`,
  `CREATE TABLE sends (
     client_id TEXT PRIMARY KEY,
     request_hash TEXT NOT NULL,
     conversation_id TEXT,
     response TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX sends_conversation_id ON sends (conversation_id);
   CREATE INDEX sends_created_at ON sends (created_at);`,
];

/** How many migrations this version knows (the user_version of an up-to-date database). */
export const sqliteSchemaVersion = migrations.length;

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

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw storeError(err);
  }
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

/**
 * The embedded default: one SQLite file in `dataDir`, WAL mode, busy_timeout 5000 ms, foreign keys on,
 * prepared statements and short write transactions (BEGIN IMMEDIATE). Several processes may share the file
 * on one machine; for several machines use PostgreSQL.
 */
export function createSqliteStores(options: Partial<SqliteStoreOptions> & Pick<SqliteStoreOptions, "dataDir">): Stores {
  const { mask, now } = storeOptions(options);
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = openSqlite(join(dir, options.fileName ?? "ouderwijzer.db"));

  const q = {
    ping: db.prepare("SELECT 1"),
    heartbeat: db.prepare<[number]>(
      "INSERT INTO telegram_updates (update_id, created_at) VALUES (-1, ?) ON CONFLICT (update_id) DO UPDATE SET created_at = excluded.created_at",
    ),
    getState: db.prepare<[string], { last_entry_id: string | null; state_turns: number | null }>(
      "SELECT last_entry_id, state_turns FROM conversations WHERE id = ?",
    ),
    setState: db.prepare<{ id: string; lastEntryId: string | null; turns: number; now: number }>(
      `INSERT INTO conversations (id, last_entry_id, state_turns, created_at, updated_at)
       VALUES (@id, @lastEntryId, @turns, @now, @now)
       ON CONFLICT (id) DO UPDATE SET last_entry_id = @lastEntryId, state_turns = @turns, updated_at = @now`,
    ),
    clearState: db.prepare<[string]>("UPDATE conversations SET last_entry_id = NULL, state_turns = NULL WHERE id = ?"),
    reserveSeq: db.prepare<{ id: string; n: number; now: number }, { last_seq: number }>(
      `INSERT INTO conversations (id, last_seq, created_at, updated_at) VALUES (@id, @n, @now, @now)
       ON CONFLICT (id) DO UPDATE SET last_seq = last_seq + @n, updated_at = @now
       RETURNING last_seq`,
    ),
    insertTurn: db.prepare<[string, number, string, string, string | null, string | null, string, number]>(
      `INSERT INTO turns (conversation_id, seq, role, text, kind, answer_id, channel, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    turns: db.prepare<[string], TurnRow>(
      "SELECT seq, role, text, kind, answer_id, channel, created_at FROM turns WHERE conversation_id = ? ORDER BY seq",
    ),
    exists: db.prepare<[string]>(
      "SELECT 1 FROM conversations WHERE id = ? AND (state_turns IS NOT NULL OR last_seq > 0)",
    ),
    eraseFeedback: db.prepare<[string]>("DELETE FROM feedback WHERE conversation_id = ?"),
    eraseConversation: db.prepare<[string]>("DELETE FROM conversations WHERE id = ?"),
    purgeFeedback: db.prepare<{ cutoff: number }>(
      `DELETE FROM feedback WHERE created_at < @cutoff
         OR conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)`,
    ),
    purgeConversations: db.prepare<{ cutoff: number }>("DELETE FROM conversations WHERE updated_at < @cutoff"),
    turnsSince: db.prepare<[number, number], TurnRow & { conversation_id: string }>(
      `SELECT conversation_id, seq, role, text, kind, answer_id, channel, created_at FROM turns
       WHERE created_at >= ? ORDER BY created_at, conversation_id, seq LIMIT ?`,
    ),
    eraseHandoffs: db.prepare<[string]>("DELETE FROM handoffs WHERE conversation_id = ?"),
    eraseSends: db.prepare<[string]>("DELETE FROM sends WHERE conversation_id = ?"),
    beginSend: db.prepare<[string, string, number]>(
      "INSERT INTO sends (client_id, request_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    getSend: db.prepare<[string], { request_hash: string; response: string | null }>(
      "SELECT request_hash, response FROM sends WHERE client_id = ?",
    ),
    completeSend: db.prepare<[string, string, string]>(
      "UPDATE sends SET conversation_id = ?, response = ? WHERE client_id = ?",
    ),
    abandonSend: db.prepare<[string]>("DELETE FROM sends WHERE client_id = ? AND response IS NULL"),
    purgeSends: db.prepare<[number]>("DELETE FROM sends WHERE created_at < ?"),
    // Before the conversations are deleted: the requests of the conversations about to be purged.
    purgeHandoffsOfOld: db.prepare<{ cutoff: number }>(
      "DELETE FROM handoffs WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)",
    ),
    // After: requests past the cutoff whose conversation does not exist (any more). A fresh request whose
    // conversation has no row yet is kept.
    purgeOrphanHandoffs: db.prepare<{ cutoff: number }>(
      `DELETE FROM handoffs WHERE updated_at < @cutoff
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = handoffs.conversation_id)`,
    ),
    addFeedback: db.prepare<[string, string, number, string | null, number]>(
      "INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    listFeedback: db.prepare<
      [number],
      { conversation_id: string; answer_id: string; helpful: number; comment: string | null; created_at: number }
    >(
      "SELECT conversation_id, answer_id, helpful, comment, created_at FROM feedback WHERE created_at >= ? ORDER BY id",
    ),
    claimUpdate: db.prepare<[number, number]>(
      "INSERT INTO telegram_updates (update_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ),
    purgeUpdates: db.prepare<[number]>("DELETE FROM telegram_updates WHERE created_at < ?"),

    addStaff: db.prepare<[string, string, string, number], StaffRow>(
      `INSERT INTO staff (email, password_hash, role, disabled, created_at) VALUES (?, ?, ?, 0, ?)
       RETURNING id, email, password_hash, role, disabled, created_at`,
    ),
    staffByEmail: db.prepare<[string], StaffRow>(
      "SELECT id, email, password_hash, role, disabled, created_at FROM staff WHERE email = ?",
    ),
    staffById: db.prepare<[number], StaffRow>(
      "SELECT id, email, password_hash, role, disabled, created_at FROM staff WHERE id = ?",
    ),
    listStaff: db.prepare<[], StaffRow>(
      "SELECT id, email, password_hash, role, disabled, created_at FROM staff ORDER BY id",
    ),
    setPassword: db.prepare<[string, number]>("UPDATE staff SET password_hash = ? WHERE id = ?"),
    setDisabled: db.prepare<[number, number]>("UPDATE staff SET disabled = ? WHERE id = ?"),
    removeStaff: db.prepare<[number]>("DELETE FROM staff WHERE id = ?"),

    getSession: db.prepare<[string, number], { data: string }>(
      "SELECT data FROM sessions WHERE sid = ? AND expires_at > ?",
    ),
    setSession: db.prepare<[string, string, number]>(
      "INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
    ),
    touchSession: db.prepare<[number, string, number]>(
      "UPDATE sessions SET expires_at = ? WHERE sid = ? AND expires_at > ?",
    ),
    destroySession: db.prepare<[string]>("DELETE FROM sessions WHERE sid = ?"),
    purgeSessions: db.prepare<[number]>("DELETE FROM sessions WHERE expires_at <= ?"),

    appendAudit: db.prepare<[number, number | null, string, string | null, string | null]>(
      "INSERT INTO audit (at, staff_id, action, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
    ),
    listAudit: db.prepare<{ targetId: string | null; staffId: number | null; limit: number }, AuditRow>(
      `SELECT id, at, staff_id, action, target_type, target_id FROM audit
       WHERE (@targetId IS NULL OR target_id = @targetId) AND (@staffId IS NULL OR staff_id = @staffId)
       ORDER BY at DESC, id DESC LIMIT @limit`,
    ),

    deleteUnfinishedHandoffs: db.prepare<[string]>(
      "DELETE FROM handoffs WHERE conversation_id = ? AND status IN ('consent', 'contact')",
    ),
    insertHandoff: db.prepare<
      { id: string; conversationId: string; channel: string; chatRef: string | null; now: number },
      HandoffRow
    >(
      `INSERT INTO handoffs (id, conversation_id, channel, status, chat_ref, created_at, updated_at)
       VALUES (@id, @conversationId, @channel, 'consent', @chatRef, @now, @now) RETURNING *`,
    ),
    getHandoff: db.prepare<[string], HandoffRow>("SELECT * FROM handoffs WHERE id = ?"),
    latestHandoff: db.prepare<[string], HandoffRow>(
      "SELECT * FROM handoffs WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
    ),
    activeHandoff: db.prepare<[string], HandoffRow>(
      "SELECT * FROM handoffs WHERE conversation_id = ? AND status <> 'closed' ORDER BY created_at DESC, id DESC LIMIT 1",
    ),
    // One statement: the status is checked and changed atomically, so of two concurrent claims one wins.
    transitionHandoff: db.prepare<Record<string, string | number | null>, HandoffRow>(
      `UPDATE handoffs SET
         status = CASE WHEN @setStatus THEN @status ELSE status END,
         contact_kind = CASE WHEN @setContactKind THEN @contactKind ELSE contact_kind END,
         contact_value = CASE WHEN @setContactValue THEN @contactValue ELSE contact_value END,
         requested_at = CASE WHEN @setRequestedAt THEN @requestedAt ELSE requested_at END,
         claimed_by = CASE WHEN @setClaimedBy THEN @claimedBy ELSE claimed_by END,
         claimed_at = CASE WHEN @setClaimedAt THEN @claimedAt ELSE claimed_at END,
         closed_at = CASE WHEN @setClosedAt THEN @closedAt ELSE closed_at END,
         updated_at = @now
       WHERE id = @id AND status IN (SELECT value FROM json_each(@from))
         AND (NOT @checkClaimedBy OR claimed_by IS @claimedByWas)
       RETURNING *`,
    ),
    listHandoffs: db.prepare<[string, number], HandoffRow>(
      `SELECT * FROM handoffs WHERE status IN (SELECT value FROM json_each(?))
       ORDER BY COALESCE(requested_at, created_at), id LIMIT ?`,
    ),
  };

  // Turns arrive masked: the masking runs before the write lock is taken.
  const appendTurns = db.transaction((id: string, turns: readonly TurnInput[], at: number) => {
    const row = q.reserveSeq.get({ id, n: turns.length, now: at }) as { last_seq: number };
    let seq = row.last_seq - turns.length;
    for (const t of turns)
      q.insertTurn.run(id, ++seq, t.role, t.text, t.kind ?? null, t.answerId ?? null, t.channel, at);
  });
  const maskTurn = turnMasker(mask);
  const masked = (turns: readonly TurnInput[]) => turns.map((t) => ({ ...t, text: maskTurn(t) }));
  const setState = db.transaction((id: string, lastEntryId: string | null, turns: number, at: number) => {
    q.setState.run({ id, lastEntryId, turns, now: at });
  });
  const batched = createWriteBatcher(db);
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
  const startHandoff = db.transaction(
    (id: string, conversationId: string, channel: HandoffChannel, chatRef: string | null, at: number) => {
      q.deleteUnfinishedHandoffs.run(conversationId);
      return q.insertHandoff.get({ id, conversationId, channel, chatRef, now: at }) as HandoffRow;
    },
  );

  /**
   * After an erasure or a retention delete: copies the WAL into the database file (where secure_delete has zeroed
   * the deleted rows) and truncates it, so the old page images with the erased text are gone from disk too. Fails
   * quietly when another process's reader holds the WAL: its next checkpoint does the same.
   */
  const forgetErased = () => {
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // Busy or failing disk: the data is deleted; the next checkpoint overwrites the pages.
    }
  };

  const conversations: ConversationStore = {
    async get(id) {
      const row = guard(() => q.getState.get(id));
      if (!row || row.state_turns === null) return undefined;
      return { lastEntryId: row.last_entry_id, turns: row.state_turns };
    },
    async set(id, state) {
      const at = now().getTime();
      await batched(() => setState(id, state.lastEntryId, state.turns, at));
    },
    async delete(id) {
      guard(() => q.clearState.run(id));
    },
    async appendTurn(id, turn) {
      const at = now().getTime();
      const ready = masked([turn]);
      await batched(() => appendTurns(id, ready, at));
    },
    async appendTurns(id, turns) {
      if (turns.length === 0) return;
      const at = now().getTime();
      const ready = masked(turns);
      await batched(() => appendTurns(id, ready, at));
    },
    async turns(id) {
      return guard(() => q.turns.all(id)).map((r) => toTurn(id, r));
    },
    async turnsSince(since, limit) {
      return guard(() => q.turnsSince.all(since.getTime(), clampLimit(limit))).map((r) => toTurn(r.conversation_id, r));
    },
    async exists(id) {
      return guard(() => q.exists.get(id)) !== undefined;
    },
    async erase(id) {
      const erased = guard(() => erase.immediate(id));
      if (erased) forgetErased();
      return erased;
    },
    async purgeOlderThan(cutoff) {
      const n = guard(() => purge.immediate(cutoff.getTime()));
      forgetErased();
      return n;
    },
  };

  const feedback: FeedbackStore = {
    async add(f) {
      const comment = f.comment === undefined ? null : mask(f.comment);
      guard(() => q.addFeedback.run(f.conversationId, f.answerId, f.helpful ? 1 : 0, comment, now().getTime()));
    },
    async list(since) {
      return guard(() => q.listFeedback.all(since?.getTime() ?? 0)).map((r) => ({
        conversationId: r.conversation_id,
        answerId: r.answer_id,
        helpful: r.helpful === 1,
        comment: r.comment,
        createdAt: new Date(r.created_at),
      }));
    },
  };

  const updates: UpdateLedger = {
    async claim(updateId) {
      return guard(() => q.claimUpdate.run(updateId, now().getTime())).changes === 1;
    },
    async purgeOlderThan(cutoff) {
      return guard(() => q.purgeUpdates.run(cutoff.getTime())).changes;
    },
  };

  const sends: SendLedger = {
    async begin(clientId, requestHash): Promise<SendClaim> {
      return guard(() => {
        if (q.beginSend.run(clientId, requestHash, now().getTime()).changes === 1) return { state: "new" };
        const row = q.getSend.get(clientId);
        if (!row) return { state: "pending" };
        if (row.request_hash !== requestHash) return { state: "conflict" };
        return row.response === null ? { state: "pending" } : { state: "done", response: row.response };
      });
    },
    async complete(clientId, conversationId, response) {
      guard(() => q.completeSend.run(conversationId, response, clientId));
    },
    async abandon(clientId) {
      guard(() => q.abandonSend.run(clientId));
    },
    async purgeOlderThan(cutoff) {
      return guard(() => q.purgeSends.run(cutoff.getTime())).changes;
    },
  };

  const staff: StaffStore = {
    async add(input) {
      try {
        return toStaff(
          guard(() =>
            q.addStaff.get(normalizeEmail(input.email), input.passwordHash, input.role, now().getTime()),
          ) as StaffRow,
        );
      } catch (err) {
        // The UNIQUE constraint decides, atomically: no racy check before the insert.
        if ((err as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") return undefined;
        throw err;
      }
    },
    async byEmail(email) {
      const row = guard(() => q.staffByEmail.get(normalizeEmail(email)));
      return row && toStaff(row);
    },
    async byId(id) {
      const row = guard(() => q.staffById.get(id));
      return row && toStaff(row);
    },
    async list() {
      return guard(() => q.listStaff.all()).map(toStaff);
    },
    async setPassword(id, passwordHash) {
      return guard(() => q.setPassword.run(passwordHash, id)).changes > 0;
    },
    async setDisabled(id, disabled) {
      return guard(() => q.setDisabled.run(disabled ? 1 : 0, id)).changes > 0;
    },
    async remove(id) {
      return guard(() => q.removeStaff.run(id)).changes > 0;
    },
  };

  const sessions: SessionStore = {
    async get(sid) {
      return guard(() => q.getSession.get(sid, now().getTime()))?.data;
    },
    async set(sid, data, expiresAt) {
      guard(() => q.setSession.run(sid, data, expiresAt.getTime()));
    },
    async touch(sid, expiresAt) {
      guard(() => q.touchSession.run(expiresAt.getTime(), sid, now().getTime()));
    },
    async destroy(sid) {
      guard(() => q.destroySession.run(sid));
    },
    async purgeExpired() {
      return guard(() => q.purgeSessions.run(now().getTime())).changes;
    },
  };

  const audit: AuditLog = {
    async append(e) {
      guard(() => q.appendAudit.run(now().getTime(), e.staffId, e.action, e.targetType, e.targetId));
    },
    async list(filter = {}) {
      const params = {
        targetId: filter.targetId ?? null,
        staffId: filter.staffId ?? null,
        limit: clampLimit(filter.limit ?? 100),
      };
      return guard(() => q.listAudit.all(params)).map((r): AuditRecord => ({
        id: r.id,
        at: new Date(r.at),
        staffId: r.staff_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
      }));
    },
  };

  const handoffs: HandoffStore = {
    async start(input) {
      return toHandoff(
        guard(() =>
          startHandoff.immediate(randomUUID(), input.conversationId, input.channel, input.chatRef, now().getTime()),
        ),
      );
    },
    async get(id) {
      const row = guard(() => q.getHandoff.get(id));
      return row && toHandoff(row);
    },
    async active(conversationId) {
      const row = guard(() => q.activeHandoff.get(conversationId));
      return row && toHandoff(row);
    },
    async latest(conversationId) {
      const row = guard(() => q.latestHandoff.get(conversationId));
      return row && toHandoff(row);
    },
    async transition(id, from, patch, where = {}) {
      if (from.length === 0) return undefined;
      const set = (v: unknown) => (v === undefined ? 0 : 1);
      const time = (d: Date | null | undefined) => (d == null ? null : d.getTime());
      const row = guard(() =>
        q.transitionHandoff.get({
          id,
          from: JSON.stringify(from),
          now: now().getTime(),
          setStatus: set(patch.status),
          status: patch.status ?? null,
          setContactKind: set(patch.contactKind),
          contactKind: patch.contactKind ?? null,
          setContactValue: set(patch.contactValue),
          contactValue: storableOrNull(patch.contactValue),
          setRequestedAt: set(patch.requestedAt),
          requestedAt: time(patch.requestedAt),
          setClaimedBy: set(patch.claimedBy),
          claimedBy: patch.claimedBy ?? null,
          setClaimedAt: set(patch.claimedAt),
          claimedAt: time(patch.claimedAt),
          setClosedAt: set(patch.closedAt),
          closedAt: time(patch.closedAt),
          checkClaimedBy: set(where.claimedBy),
          claimedByWas: where.claimedBy ?? null,
        }),
      );
      return row && toHandoff(row);
    },
    async list(statuses, limit = 200) {
      if (statuses.length === 0) return [];
      return guard(() => q.listHandoffs.all(JSON.stringify(statuses), clampLimit(limit))).map(toHandoff);
    },
  };

  return {
    kind: "sqlite",
    conversations,
    feedback,
    updates,
    sends,
    staff,
    sessions,
    audit,
    handoffs,
    async ping() {
      guard(() => q.ping.get());
    },
    async checkWritable() {
      guard(() => q.heartbeat.run(now().getTime()));
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

interface TurnRow {
  seq: number;
  role: string;
  text: string;
  kind: string | null;
  answer_id: string | null;
  channel: string;
  created_at: number;
}

interface StaffRow {
  id: number;
  email: string;
  password_hash: string;
  role: string;
  disabled: number;
  created_at: number;
}

interface AuditRow {
  id: number;
  at: number;
  staff_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
}

interface HandoffRow {
  id: string;
  conversation_id: string;
  channel: string;
  status: string;
  contact_kind: string | null;
  contact_value: string | null;
  chat_ref: string | null;
  created_at: number;
  requested_at: number | null;
  claimed_by: number | null;
  claimed_at: number | null;
  closed_at: number | null;
  updated_at: number;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toTurn(conversationId: string, r: TurnRow): TurnRecord {
  return {
    conversationId,
    seq: r.seq,
    role: r.role as TurnRecord["role"],
    text: r.text,
    kind: r.kind,
    answerId: r.answer_id,
    channel: r.channel as Channel,
    createdAt: new Date(r.created_at),
  };
}

function toStaff(r: StaffRow): StaffRecord {
  return {
    id: r.id,
    email: r.email,
    passwordHash: r.password_hash,
    role: r.role as StaffRole,
    disabled: r.disabled === 1,
    createdAt: new Date(r.created_at),
  };
}

function toHandoff(r: HandoffRow): HandoffRecord {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    channel: r.channel as HandoffChannel,
    status: r.status as HandoffStatus,
    contactKind: r.contact_kind as ContactKind | null,
    contactValue: r.contact_value,
    chatRef: r.chat_ref,
    createdAt: new Date(r.created_at),
    requestedAt: date(r.requested_at),
    claimedBy: r.claimed_by,
    claimedAt: date(r.claimed_at),
    closedAt: date(r.closed_at),
    updatedAt: new Date(r.updated_at),
  };
}
