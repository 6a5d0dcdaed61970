// The database schema, written once for SQLite and PostgreSQL: each migration is one template, rendered with
// the column types of a dialect. Each migration runs once, in order, in one transaction (see openSqlite and
// migrate in postgres.ts). Never edit a migration once released: databases in the field have run it. Append a
// new one instead. tests/stores/schema.test.ts checks that the rendered text of released migrations is unchanged.

/** The words that differ between SQLite and PostgreSQL. */
export interface Dialect {
  text: string;
  integer: string;
  bigint: string;
  /** A point in time: epoch milliseconds in SQLite. */
  time: string;
  /** A row id the database assigns (feedback). */
  serial: string;
  /** A primary key the database assigns and never reuses, of this type. */
  identity: (type: string) => string;
  /** A boolean column, not null, with an optional default. */
  flag: (column: string, defaultValue?: boolean) => string;
  /** Migration 2's first step: turns may have the role "staff". */
  allowStaffTurns: string;
}

const turnColumns = "conversation_id, seq, role, text, kind, answer_id, channel, created_at";

function turnsTable(d: Dialect, name: string, roles: string): string {
  return `CREATE TABLE ${name} (
     conversation_id ${d.text} NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
     seq ${d.integer} NOT NULL,
     role ${d.text} NOT NULL CHECK (role IN (${roles})),
     text ${d.text} NOT NULL,
     kind ${d.text},
     answer_id ${d.text},
     channel ${d.text} NOT NULL,
     created_at ${d.time} NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   );`;
}

const parentAndAssistant = "'parent', 'assistant'";
const withStaff = "'parent', 'assistant', 'staff'";

export const sqliteDialect: Dialect = {
  text: "TEXT",
  integer: "INTEGER",
  bigint: "INTEGER",
  time: "INTEGER",
  serial: "INTEGER PRIMARY KEY",
  identity: () => "INTEGER PRIMARY KEY AUTOINCREMENT",
  flag: (column, d) => `INTEGER NOT NULL${d === undefined ? "" : ` DEFAULT ${d ? 1 : 0}`} CHECK (${column} IN (0, 1))`,
  // SQLite cannot change a CHECK constraint, so turns is rebuilt the way
  // https://www.sqlite.org/lang_altertable.html#otheralter describes (create turns_new, copy, drop, rename;
  // openSqlite runs migrations with foreign keys off and checks them before committing). Nothing refers to
  // turns, so the rename rewrites no other table.
  get allowStaffTurns() {
    return `${turnsTable(this, "turns_new", withStaff)}
   INSERT INTO turns_new (${turnColumns})
     SELECT ${turnColumns} FROM turns ORDER BY rowid;
   DROP TABLE turns;
   ALTER TABLE turns_new RENAME TO turns;`;
  },
};

export const postgresDialect: Dialect = {
  text: "text",
  integer: "integer",
  bigint: "bigint",
  time: "timestamptz",
  serial: "bigserial PRIMARY KEY",
  identity: (type) => `${type} GENERATED ALWAYS AS IDENTITY PRIMARY KEY`,
  flag: (_column, d) => `boolean NOT NULL${d === undefined ? "" : ` DEFAULT ${d}`}`,
  // The role CHECK is replaced (found in the catalog, whatever its name; PostgreSQL's default is turns_role_check).
  allowStaffTurns: `DO $$
   DECLARE c record;
   BEGIN
     FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'turns'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%role%'
     LOOP
       EXECUTE format('ALTER TABLE turns DROP CONSTRAINT %I', c.conname);
     END LOOP;
   END $$;
   ALTER TABLE turns ADD CONSTRAINT turns_role_check CHECK (role IN (${withStaff}));`,
};

/** The migrations in the words of a dialect, in order. */
export function migrations(d: Dialect): string[] {
  return [
    `CREATE TABLE conversations (
     id ${d.text} PRIMARY KEY,
     last_entry_id ${d.text},
     state_turns ${d.integer},
     last_seq ${d.integer} NOT NULL DEFAULT 0,
     created_at ${d.time} NOT NULL,
     updated_at ${d.time} NOT NULL
   );
   CREATE INDEX conversations_updated_at ON conversations (updated_at);
   ${turnsTable(d, "turns", parentAndAssistant)}
   CREATE TABLE feedback (
     id ${d.serial},
     conversation_id ${d.text} NOT NULL,
     answer_id ${d.text} NOT NULL,
     helpful ${d.flag("helpful")},
     comment ${d.text},
     created_at ${d.time} NOT NULL
   );
   CREATE INDEX feedback_conversation_id ON feedback (conversation_id);
   CREATE INDEX feedback_created_at ON feedback (created_at);
   CREATE TABLE telegram_updates (
     update_id ${d.bigint} PRIMARY KEY,
     created_at ${d.time} NOT NULL
   );
   CREATE INDEX telegram_updates_created_at ON telegram_updates (created_at);`,

    // 2: the helpdesk console. Staff ids and audit ids are never reused (AUTOINCREMENT, identity columns): audit
    // rows of a removed account never point at a new one. Audit and handoffs have no foreign keys on purpose:
    // audit rows outlive accounts, and a handoff request can start before its conversation has a row.
    `${d.allowStaffTurns}
   CREATE INDEX turns_created_at ON turns (created_at);
   CREATE TABLE staff (
     id ${d.identity(d.integer)},
     email ${d.text} NOT NULL UNIQUE,
     password_hash ${d.text} NOT NULL,
     role ${d.text} NOT NULL CHECK (role IN ('agent', 'admin')),
     disabled ${d.flag("disabled", false)},
     created_at ${d.time} NOT NULL
   );
   CREATE TABLE sessions (
     sid ${d.text} PRIMARY KEY,
     data ${d.text} NOT NULL,
     expires_at ${d.time} NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);
   CREATE TABLE audit (
     id ${d.identity(d.bigint)},
     at ${d.time} NOT NULL,
     staff_id ${d.integer},
     action ${d.text} NOT NULL,
     target_type ${d.text},
     target_id ${d.text}
   );
   CREATE INDEX audit_at ON audit (at);
   CREATE INDEX audit_target_id ON audit (target_id);
   CREATE TABLE handoffs (
     id ${d.text} PRIMARY KEY,
     conversation_id ${d.text} NOT NULL,
     channel ${d.text} NOT NULL CHECK (channel IN ('web', 'telegram')),
     status ${d.text} NOT NULL CHECK (status IN ('consent', 'contact', 'open', 'claimed', 'closed')),
     contact_kind ${d.text} CHECK (contact_kind IN ('chat', 'phone', 'email')),
     contact_value ${d.text},
     chat_ref ${d.text},
     created_at ${d.time} NOT NULL,
     requested_at ${d.time},
     claimed_by ${d.integer},
     claimed_at ${d.time},
     closed_at ${d.time},
     updated_at ${d.time} NOT NULL
   );
   CREATE INDEX handoffs_conversation_id ON handoffs (conversation_id);
   CREATE INDEX handoffs_status ON handoffs (status);`,

    `CREATE TABLE sends (
     client_id ${d.text} PRIMARY KEY,
     request_hash ${d.text} NOT NULL,
     conversation_id ${d.text},
     response ${d.text},
     created_at ${d.time} NOT NULL
   );
   CREATE INDEX sends_conversation_id ON sends (conversation_id);
   CREATE INDEX sends_created_at ON sends (created_at);`,

    // 4: a parent comes back to an open request on another device with a short code (issue 16). Only the code's
    // SHA-256 is stored, so the table alone does not let anyone in.
    `ALTER TABLE handoffs ADD COLUMN return_code_hash ${d.text};
   CREATE INDEX handoffs_return_code_hash ON handoffs (return_code_hash);`,

    // 5: the kinds of danger of a crisis reply earlier in the conversation (labels such as "suicide,abuse", never
    // text), so that one cue of the same danger in a later message brings the crisis reply again.
    `ALTER TABLE conversations ADD COLUMN state_crisis ${d.text};`,
  ];
}
