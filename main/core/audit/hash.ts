import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The fields of one audit row that its hash covers, in their canonical order. */
export const CHAINED_FIELDS = [
  'review_id',
  'case_id',
  'question_id',
  'action',
  'at',
  'actor',
  'old_value',
  'new_value',
  'old_note',
  'new_note',
  'old_file_ref',
  'new_file_ref',
] as const;

export type ChainedField = (typeof CHAINED_FIELDS)[number];
export type ChainedRow = Record<ChainedField, string | null>;

/** Bumped only together with a migration that rehashes the chain. */
const ENCODING_TAG = 'granska-audit/1';

/** The SQL name of the hash function the audit triggers call; a connection without it cannot write answers. */
export const AUDIT_HASH_FUNCTION = 'granska_audit_hash';

/**
 * SHA-256 (hex) over the previous link's hash and the row's fields. The encoding is a JSON array
 * of strings and nulls: unambiguous (no separator can be forged inside a value) and the same
 * bytes on every machine, so a review's chain can be checked on another workbench.
 */
export function auditHash(prev: string | null, values: readonly (string | null)[]): string {
  if (values.length !== CHAINED_FIELDS.length) throw new TypeError(`audit hash takes ${CHAINED_FIELDS.length} fields, got ${values.length}`);
  for (const v of [prev, ...values]) {
    // STRICT text columns only: an integer that looked like a string would hash differently.
    if (v !== null && typeof v !== 'string') throw new TypeError('audit hash fields must be text or NULL');
  }
  return createHash('sha256').update(JSON.stringify([ENCODING_TAG, prev, ...values]), 'utf8').digest('hex');
}

export const hashOfRow = (prev: string | null, row: ChainedRow): string => auditHash(prev, CHAINED_FIELDS.map((f) => row[f]));

export interface ConnectionIdentity {
  now: () => Date;
  /** Read at every call (a getter may stand here): saving the profile changes who is working. */
  readonly actor: string;
}

/**
 * Registers what the audit triggers need on a connection: the hash (deterministic) and who/when
 * for deletions, which carry no updated_at/updated_by of their own. Every connection the app
 * opens calls this; a tool that writes answers without it fails with "no such function", which
 * is intended: a change that cannot be chained is not made.
 */
export function registerAuditFunctions(db: Database, identity: ConnectionIdentity): void {
  db.function(AUDIT_HASH_FUNCTION, { deterministic: true, varargs: true }, (prev: unknown, ...values: unknown[]) => auditHash(prev as string | null, values as (string | null)[]));
  db.function('granska_now', { deterministic: false }, () => identity.now().toISOString());
  db.function('granska_actor', { deterministic: false }, () => identity.actor);
}
