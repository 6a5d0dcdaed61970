// Rules every backend follows, written once so that memory, SQLite and PostgreSQL behave alike.
import type { HandoffPatch, SendClaim } from "./types.js";

/** E-mail addresses of staff are stored and compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A row limit as a whole number >= 0 (NaN: 0; Infinity: no practical limit). */
export function clampLimit(limit: number): number {
  if (Number.isNaN(limit)) return 0;
  return Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(limit)));
}

/** Default row limits of the list methods. */
export const defaultAuditLimit = 100;
export const defaultHandoffLimit = 200;

/**
 * What a send that was claimed before gets (the claim itself, "new", is the insert that succeeded): the first
 * answer when there is one, "pending" while the first request runs (or when the claim vanished in between:
 * abandoned or purged), "conflict" when the same client id came with another request.
 */
export function priorSendClaim(
  existing: { requestHash: string; response: string | null } | undefined,
  requestHash: string,
): SendClaim {
  if (!existing) return { state: "pending" };
  if (existing.requestHash !== requestHash) return { state: "conflict" };
  return existing.response === null ? { state: "pending" } : { state: "done", response: existing.response };
}

/** The fields a handoff patch may change, with their columns. */
export const handoffPatchColumns = {
  status: "status",
  contactKind: "contact_kind",
  contactValue: "contact_value",
  requestedAt: "requested_at",
  claimedBy: "claimed_by",
  claimedAt: "claimed_at",
  closedAt: "closed_at",
  returnCodeHash: "return_code_hash",
} as const satisfies Record<keyof Required<HandoffPatch>, string>;

export type HandoffPatchField = keyof typeof handoffPatchColumns;

export interface PatchChange {
  field: HandoffPatchField;
  column: (typeof handoffPatchColumns)[HandoffPatchField];
  value: HandoffPatch[HandoffPatchField];
}

/** The changes a patch asks for, in a fixed order: a field left undefined is not changed (null clears it). */
export function patchChanges(patch: HandoffPatch): PatchChange[] {
  const changes: PatchChange[] = [];
  for (const [field, column] of Object.entries(handoffPatchColumns) as [HandoffPatchField, PatchChange["column"]][]) {
    const value = patch[field];
    if (value !== undefined) changes.push({ field, column, value });
  }
  return changes;
}

/** The SET clause of a handoff update: `column = placeholder` for each change (numbered from 0), then the time. */
export function patchAssignments(changes: readonly PatchChange[], placeholder: (index: number) => string): string {
  const assignments = changes.map((c, i) => `${c.column} = ${placeholder(i)}`);
  return [...assignments, `updated_at = ${placeholder(changes.length)}`].join(", ");
}
