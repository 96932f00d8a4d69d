import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MAX_CASE_LIST_BYTES } from '../../../shared/contract/cases';
import { findIdentityNumbers } from '../../../shared/identity/pii-guard';
import { isBusy } from '../db/sqlite-errors';
import { DomainError, invalid } from '../errors';
import { fsyncDirectory } from '../files';
import { anyCodeStored, isAlive, isDirectory, keyCodes, markerPath, readMarker, removeQuietly, removeStaleTemporaries, type KeyLine } from './key-file';

/*
 * The database's own record of a pseudonymisation key being written (table pending_key,
 * migration 004), so that a key whose cases were never committed cannot outlive a kill, whatever
 * the user does next:
 *
 *   1. recordKeyIntent commits a row (path, digest of the codes, process id) on its own, durably,
 *      before any file is written;
 *   2. the cases' transaction holds the write lock from before the key is written until its
 *      commit, checks that the row still stands, writes the key, inserts the cases and deletes the
 *      row: the cases and the end of the intent are one commit;
 *   3. if that transaction fails, resolveKeyIntent resolves the row at once; if the process is
 *      killed, resolveInterruptedImports does it the next time any face opens the workbench.
 *
 * Resolving removes the key file only if it is exactly this import's key (its header, and its
 * codes hashing to the recorded digest: random codes, so no other file matches) and none of its
 * codes is a case; then the marker (if it names this import) and dead temporaries go, the folder
 * is flushed, and only then is the row deleted, so a kill during resolution leaves the row for
 * the next opening. Resolution takes the write lock without waiting: an import holds it while it
 * touches a key file, so the two never interleave, and a busy database is left for next time.
 */

export interface KeyIntent {
  importId: string;
  /** Absolute path of the key file. */
  file: string;
  /** SHA-256 over the generated codes in file order: recognises the file, reveals nothing. */
  codesSha256: string;
}

interface IntentRow extends KeyIntent {
  pid: number;
  createdAt: string;
}

/*
 * An intent whose process still runs is an import in flight and is left alone — unless it is
 * older than any import takes: after a reboot, or on a terminal server, its process id may belong
 * to another process by now. Resolving under the write lock is safe either way (an import holds
 * the lock while it touches its key and checks its row first); the age only spares a live import
 * a needless retry.
 */
const IN_FLIGHT_FOR_MS = 30 * 60 * 1000;

export const codesDigest = (codes: readonly string[]): string => createHash('sha256').update(codes.join('\n')).digest('hex');

/** Step 1: commits the intent on its own (an autocommit INSERT, durable with synchronous=FULL) before the key exists. */
export function recordKeyIntent(db: Database, importId: string, file: string, lines: readonly KeyLine[], now: Date): KeyIntent {
  if (db.inTransaction) throw new Error('A key intent must be committed on its own, before its key is written.');
  // The path is stored until the import ends; a folder named after a child must not bring a personnummer into the database.
  if (findIdentityNumbers(file).length > 0) {
    throw invalid(
      'Kodnyckeln kan inte skrivas dit: sökvägen innehåller något som ser ut som ett personnummer eller samordningsnummer. Välj en annan mapp eller ett annat filnamn. Inget importerades.',
      [{ path: '$.keyFile', message: 'Sökvägen ser ut att innehålla ett personnummer.' }],
    );
  }
  const intent = { importId, file, codesSha256: codesDigest(lines.map((l) => l.code)) };
  db.prepare('INSERT INTO pending_key (import_id, key_file, codes_sha256, pid, created_at) VALUES (?, ?, ?, ?, ?)').run(importId, file, intent.codesSha256, process.pid, now.toISOString());
  return intent;
}

/**
 * Step 2, inside the cases' transaction before the key is written: the row must still stand. It is
 * gone only if another process resolved it as stranded (a process id it could not see, such as one
 * on another computer sharing the file); the key then must not be written.
 */
export function confirmKeyIntent(db: Database, intent: KeyIntent): void {
  if (db.prepare('SELECT 1 FROM pending_key WHERE import_id = ?').get(intent.importId) === undefined) {
    throw new DomainError('BUSY', 'Databasen används samtidigt från ett annat ställe, så importen avbröts innan något skrevs. Inget importerades; försök igen.');
  }
}

/** Step 2, in the same transaction as the cases: the intent ends with their commit. */
export function forgetKeyIntent(db: Database, intent: KeyIntent): void {
  db.prepare('DELETE FROM pending_key WHERE import_id = ?').run(intent.importId);
}

/**
 * Step 3 after a failed import: the key must not outlive the cases it was made for. Returns
 * whether the intent is resolved; if not (the database is busy or failing, the file unreadable), the
 * row stays and the next opening of the workbench resolves it.
 */
export function resolveKeyIntent(db: Database, intent: KeyIntent): boolean {
  if (db.inTransaction) return false;
  try {
    return withoutWaiting(db, () => db.transaction(() => resolveWhileLocked(db, intent)).immediate());
  } catch {
    return false;
  }
}

/**
 * Step 3 on opening the workbench: resolves the intents of imports whose process is gone. Never
 * throws and never waits: a read-only store (broken audit trail), a busy database or a failure
 * leaves the rows for the next opening. Returns how many were resolved.
 */
export function resolveInterruptedImports(db: Database, logError?: (error: unknown) => void, now: () => Date = () => new Date()): number {
  try {
    if (db.inTransaction || db.pragma('query_only', { simple: true }) === 1) return 0;
    const inFlight = (row: IntentRow) => isAlive(row.pid) && now().getTime() - Date.parse(row.createdAt) < IN_FLIGHT_FOR_MS;
    const stranded = () =>
      (db.prepare('SELECT import_id AS importId, key_file AS file, codes_sha256 AS codesSha256, pid, created_at AS createdAt FROM pending_key ORDER BY created_at').all() as IntentRow[]).filter(
        (row) => !inFlight(row),
      );
    if (stranded().length === 0) return 0;
    return withoutWaiting(db, () =>
      db
        .transaction(() => {
          let resolved = 0;
          // Read again under the lock: another process may have resolved some meanwhile.
          for (const intent of stranded()) {
            try {
              // A savepoint per intent: one that fails keeps its row, the others are still resolved.
              if (db.transaction(() => resolveWhileLocked(db, intent))()) resolved++;
            } catch (error) {
              logError?.(error);
            }
          }
          return resolved;
        })
        .immediate(),
    );
  } catch (error) {
    if (!isBusy(error)) logError?.(error);
    return 0;
  }
}

/** Resolves one intent while holding the write lock; false leaves it for later (nothing can be decided now). */
function resolveWhileLocked(db: Database, intent: KeyIntent): boolean {
  const dir = path.dirname(intent.file);
  // A folder that is not there now (a USB stick, a network share) may come back with the key in it.
  if (!isDirectory(dir)) return false;
  const found = inspectKey(intent);
  if (found === 'unknown') return false;
  if (typeof found === 'object' && !anyCodeStored(db, found.codes)) fs.rmSync(intent.file, { force: true });
  removeStaleTemporaries(intent.file);
  if (readMarker(intent.file)?.importId === intent.importId) removeQuietly(markerPath(intent.file));
  // The removal must be durable before the row that would repeat it is gone.
  fsyncDirectory(dir);
  db.prepare('DELETE FROM pending_key WHERE import_id = ?').run(intent.importId);
  return true;
}

/** The file at the intent's path: this import's key (with its codes), absent, something else, or unknown for now. */
function inspectKey(intent: KeyIntent): { codes: string[] } | 'absent' | 'other' | 'unknown' {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(intent.file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unknown';
  }
  // The import publishes a regular file of one short line per case: anything else is not its key.
  if (!stat.isFile() || stat.size > 2 * MAX_CASE_LIST_BYTES) return 'other';
  let text: string;
  try {
    text = fs.readFileSync(intent.file, 'utf8');
  } catch {
    return 'unknown';
  }
  const codes = keyCodes(text);
  return codes !== undefined && codesDigest(codes) === intent.codesSha256 ? { codes } : 'other';
}

/** Runs `work` with the busy timeout off: resolution is never worth making an opening or a failed import wait. */
function withoutWaiting<T>(db: Database, work: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return work();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}
