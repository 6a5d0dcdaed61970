// The storage ports and their implementations: memory (tests), SQLite (embedded default), PostgreSQL.
// This is where the stores are composed: each backend writes what it is given, and every factory below wraps it
// with `maskingStores`, so personal data is masked the same way on every backend, in one place.
import type { Config } from "../config.js";
import { maskingStores } from "./masking.js";
import { createMemoryBackend } from "./memory.js";
import { storeOptions, type StoreOptions } from "./options.js";
import type { PostgresStoreOptions } from "./postgres.js";
import { createSqliteBackend, type SqliteStoreOptions } from "./sqlite.js";
import type { Stores } from "./types.js";

// The ports.
export type {
  AuditEvent,
  AuditLog,
  AuditRecord,
  Channel,
  ContactKind,
  ConversationStore,
  FeedbackInput,
  FeedbackRecord,
  FeedbackStore,
  HandoffChannel,
  HandoffCondition,
  HandoffPatch,
  HandoffRecord,
  HandoffStatus,
  HandoffStore,
  SendClaim,
  SendLedger,
  SessionStore,
  StaffRecord,
  StaffRole,
  StaffStore,
  Stores,
  TurnInput,
  TurnRecord,
  TurnRole,
  UpdateLedger,
} from "./types.js";
export type { StoreOptions } from "./options.js";
export type { SqliteStoreOptions } from "./sqlite.js";
export type { PostgresStoreOptions } from "./postgres.js";
export { StoreUnavailableError } from "./errors.js";
export { storableText } from "./text.js";
export { maskingStores } from "./masking.js";
export {
  createMasker,
  findPersonalData,
  isValidBsn,
  isValidIban,
  maskPersonalData,
  maskTokens,
  normalizeDigits,
} from "./mask.js";
export type { Masker, MaskOptions, PersonalDataKind, PersonalDataMatch } from "./mask.js";
export { startRetention, defaultRetentionOptions } from "./retention.js";
export type { RetentionJob, RetentionOptions, RetentionResult } from "./retention.js";

/**
 * Stores in memory, for tests and the command line: everything is lost on restart, and they only work for a
 * single process (like grammY's MemorySessionStorage). Masked like the others.
 */
export function createMemoryStores(options: Partial<StoreOptions> = {}): Stores {
  const o = storeOptions(options);
  return maskingStores(createMemoryBackend(o), o.mask);
}

/** SQLite stores in `dataDir` (see `createSqliteBackend`), masked. */
export function createSqliteStores(
  options: Partial<StoreOptions & SqliteStoreOptions> & Pick<SqliteStoreOptions, "dataDir">,
): Stores {
  const o = { ...options, ...storeOptions(options) };
  return maskingStores(createSqliteBackend(o), o.mask);
}

/** PostgreSQL stores (see `createPostgresBackend`), migrated, masked. The driver is loaded only when needed. */
export async function createPostgresStores(
  options: Partial<StoreOptions & PostgresStoreOptions> & Pick<PostgresStoreOptions, "connectionString">,
): Promise<Stores> {
  const o = { ...options, ...storeOptions(options) };
  const { createPostgresBackend } = await import("./postgres.js");
  return maskingStores(await createPostgresBackend(o), o.mask);
}

/**
 * The stores the configuration asks for: PostgreSQL when DATABASE_URL is set (migrated at start),
 * otherwise SQLite in DATA_DIR.
 */
export async function createStores(
  config: Pick<Config, "DATA_DIR" | "DATABASE_URL">,
  options: Partial<StoreOptions> = {},
): Promise<Stores> {
  if (config.DATABASE_URL) return createPostgresStores({ ...options, connectionString: config.DATABASE_URL });
  return createSqliteStores({ ...options, dataDir: config.DATA_DIR });
}
