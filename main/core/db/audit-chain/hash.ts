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

/**
 * The fields of one row of the record chain (`record_log`, migration 009): approvals, reopenings,
 * the report's revisions and log, the frozen approved version, appendices, findings, done marks
 * and the publication threshold. `body` is the canonical JSON of the source row's relevant fields,
 * written by the trigger with SQLite's json_object (fixed key order), so the check can build the
 * same text from the row as it is now and compare.
 */
export const RECORD_FIELDS = ['review_id', 'at', 'actor', 'kind', 'ref', 'body'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
export type RecordRow = Record<RecordField, string>;

/** Its own tag: a row of one chain can never pass for a row of the other. */
const RECORD_ENCODING_TAG = 'granska-record/1';

/** The SQL name of the record chain's hash function; a connection without it cannot approve, reopen, save a report, mark a file done … */
export const RECORD_HASH_FUNCTION = 'granska_record_hash';

/** SHA-256 (hex) over the previous link's hash and the record row's fields, encoded like auditHash. */
export function recordHash(prev: string | null, values: readonly (string | null)[]): string {
  if (values.length !== RECORD_FIELDS.length) throw new TypeError(`record hash takes ${RECORD_FIELDS.length} fields, got ${values.length}`);
  if (prev !== null && typeof prev !== 'string') throw new TypeError('record hash: the previous hash must be text or NULL');
  for (const v of values) {
    if (typeof v !== 'string') throw new TypeError('record hash fields must be text');
  }
  return createHash('sha256').update(JSON.stringify([RECORD_ENCODING_TAG, prev, ...values]), 'utf8').digest('hex');
}

export const hashOfRecord = (prev: string | null, row: RecordRow): string => recordHash(prev, RECORD_FIELDS.map((f) => row[f]));

/** SHA-256 (hex) of a text (as UTF-8) or a blob; NULL stays NULL. The record chain holds a draft's or a file's checksum, never its bytes. */
export function sha256Hex(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return createHash('sha256').update(value, 'utf8').digest('hex');
  if (value instanceof Uint8Array) return createHash('sha256').update(value).digest('hex');
  throw new TypeError('granska_sha256 takes text or a blob');
}

export interface ConnectionIdentity {
  now: () => Date;
  /** Read at every call (a getter may stand here): saving the profile changes who is working. */
  readonly actor: string;
}

/**
 * Registers what the audit triggers need on a connection: the hashes of both chains and SHA-256
 * (deterministic), and who/when for deletions, which carry no updated_at/updated_by of their own.
 * Every connection the app opens calls this; a tool that writes answers, approvals, report
 * revisions, appendices, findings or done marks without it fails with "no such function", which
 * is intended: a change that cannot be chained is not made.
 */
export function registerAuditFunctions(db: Database, identity: ConnectionIdentity): void {
  db.function(AUDIT_HASH_FUNCTION, { deterministic: true, varargs: true }, (prev: unknown, ...values: unknown[]) => auditHash(prev as string | null, values as (string | null)[]));
  db.function(RECORD_HASH_FUNCTION, { deterministic: true, varargs: true }, (prev: unknown, ...values: unknown[]) => recordHash(prev as string | null, values as (string | null)[]));
  db.function('granska_sha256', { deterministic: true }, (value: unknown) => sha256Hex(value));
  // One moment per synchronous run of the connection (a statement, a transaction): a trigger that
  // names granska_now() twice — once stored, once hashed — must see the same value both times, or
  // a deletion stamped across a millisecond boundary would hash differently from what it stores.
  let moment: string | undefined;
  db.function('granska_now', { deterministic: false }, () => {
    if (moment === undefined) {
      moment = identity.now().toISOString();
      queueMicrotask(() => {
        moment = undefined;
      });
    }
    return moment;
  });
  db.function('granska_actor', { deterministic: false }, () => identity.actor);
}
