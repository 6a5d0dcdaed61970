// The storage ports and their implementations: memory (tests), SQLite (embedded default), PostgreSQL.
import type { Config } from "../config.js";
import type { StoreOptions } from "./options.js";
import { createSqliteStores } from "./sqlite.js";
import type { Stores } from "./types.js";

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
export { createMemoryStores } from "./memory.js";
export { createSqliteStores } from "./sqlite.js";
export type { SqliteStoreOptions } from "./sqlite.js";
export type { PostgresStoreOptions } from "./postgres.js";
export { StoreUnavailableError } from "./errors.js";
export { storableText } from "./text.js";
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
 * The stores the configuration asks for: PostgreSQL when DATABASE_URL is set (migrated at start),
 * otherwise SQLite in DATA_DIR. The PostgreSQL driver is loaded only when needed.
 */
export async function createStores(
  config: Pick<Config, "DATA_DIR" | "DATABASE_URL">,
  options: Partial<StoreOptions> = {},
): Promise<Stores> {
  if (config.DATABASE_URL) {
    const { createPostgresStores } = await import("./postgres.js");
    return createPostgresStores({ ...options, connectionString: config.DATABASE_URL });
  }
  return createSqliteStores({ ...options, dataDir: config.DATA_DIR });
}
