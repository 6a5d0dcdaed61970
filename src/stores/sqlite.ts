import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { StoreUnavailableError } from "./errors.js";
import { storeOptions, type StoreOptions } from "./options.js";
import type { Channel, ConversationStore, FeedbackStore, Stores, TurnInput, TurnRecord, UpdateLedger } from "./types.js";

export interface SqliteStoreOptions extends StoreOptions {
  /** The folder holding `ouderwijzer.db` (created with mode 700 when missing). */
  dataDir: string;
  /** File name inside dataDir (default "ouderwijzer.db"). */
  fileName: string;
}

// Each migration runs once, in order, in one transaction; PRAGMA user_version records how many ran.
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
];

// Errors that mean "the database is not usable right now", as opposed to bugs.
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|CANTOPEN|READONLY|IOERR|FULL|NOTADB|CORRUPT|PERM|AUTH)/;

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && unavailableCodes.test(code)) {
      throw new StoreUnavailableError(`stores: SQLite is not available (${code})`, code, { cause: err });
    }
    if (err instanceof TypeError && /not open/.test(err.message)) {
      throw new StoreUnavailableError("stores: the SQLite database is closed", "CLOSED", { cause: err });
    }
    throw err;
  }
}

/** Opens (and creates or migrates) the database file and applies the PRAGMAs a web server needs. */
export function openSqlite(file: string): Database.Database {
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // With WAL, NORMAL keeps the database consistent after a crash; only the last commits may be lost on power loss.
  db.pragma("synchronous = NORMAL");
  // NORMAL syncs only at checkpoints: checkpoint every ~40 MB of WAL instead of 4 MB (ten times fewer fsyncs, which
  // dominate the cost of a write on slow disks), and shrink the WAL file back afterwards.
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
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
    turns: db.prepare<[string], { seq: number; role: string; text: string; kind: string | null; answer_id: string | null; channel: string; created_at: number }>(
      "SELECT seq, role, text, kind, answer_id, channel, created_at FROM turns WHERE conversation_id = ? ORDER BY seq",
    ),
    exists: db.prepare<[string]>("SELECT 1 FROM conversations WHERE id = ? AND (state_turns IS NOT NULL OR last_seq > 0)"),
    eraseFeedback: db.prepare<[string]>("DELETE FROM feedback WHERE conversation_id = ?"),
    eraseConversation: db.prepare<[string]>("DELETE FROM conversations WHERE id = ?"),
    purgeFeedback: db.prepare<{ cutoff: number }>(
      `DELETE FROM feedback WHERE created_at < @cutoff
         OR conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)`,
    ),
    purgeConversations: db.prepare<{ cutoff: number }>("DELETE FROM conversations WHERE updated_at < @cutoff"),
    addFeedback: db.prepare<[string, string, number, string | null, number]>(
      "INSERT INTO feedback (conversation_id, answer_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    listFeedback: db.prepare<[number], { conversation_id: string; answer_id: string; helpful: number; comment: string | null; created_at: number }>(
      "SELECT conversation_id, answer_id, helpful, comment, created_at FROM feedback WHERE created_at >= ? ORDER BY id",
    ),
    claimUpdate: db.prepare<[number, number]>("INSERT INTO telegram_updates (update_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"),
    purgeUpdates: db.prepare<[number]>("DELETE FROM telegram_updates WHERE created_at < ?"),
  };

  const appendTurns = db.transaction((id: string, turns: readonly TurnInput[], at: number) => {
    const row = q.reserveSeq.get({ id, n: turns.length, now: at }) as { last_seq: number };
    let seq = row.last_seq - turns.length;
    for (const t of turns) q.insertTurn.run(id, ++seq, t.role, mask(t.text), t.kind ?? null, t.answerId ?? null, t.channel, at);
  });
  const erase = db.transaction((id: string) => {
    const f = q.eraseFeedback.run(id).changes;
    return q.eraseConversation.run(id).changes + f > 0;
  });
  const purge = db.transaction((cutoff: number) => {
    q.purgeFeedback.run({ cutoff });
    return q.purgeConversations.run({ cutoff }).changes;
  });

  const conversations: ConversationStore = {
    async get(id) {
      const row = guard(() => q.getState.get(id));
      if (!row || row.state_turns === null) return undefined;
      return { lastEntryId: row.last_entry_id, turns: row.state_turns };
    },
    async set(id, state) {
      guard(() => q.setState.run({ id, lastEntryId: state.lastEntryId, turns: state.turns, now: now().getTime() }));
    },
    async delete(id) {
      guard(() => q.clearState.run(id));
    },
    async appendTurn(id, turn) {
      guard(() => appendTurns.immediate(id, [turn], now().getTime()));
    },
    async appendTurns(id, turns) {
      if (turns.length > 0) guard(() => appendTurns.immediate(id, turns, now().getTime()));
    },
    async turns(id) {
      return guard(() => q.turns.all(id)).map(
        (r): TurnRecord => ({
          conversationId: id,
          seq: r.seq,
          role: r.role as TurnRecord["role"],
          text: r.text,
          kind: r.kind,
          answerId: r.answer_id,
          channel: r.channel as Channel,
          createdAt: new Date(r.created_at),
        }),
      );
    },
    async exists(id) {
      return guard(() => q.exists.get(id)) !== undefined;
    },
    async erase(id) {
      return guard(() => erase.immediate(id));
    },
    async purgeOlderThan(cutoff) {
      return guard(() => purge.immediate(cutoff.getTime()));
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

  return {
    kind: "sqlite",
    conversations,
    feedback,
    updates,
    async ping() {
      guard(() => q.ping.get());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
