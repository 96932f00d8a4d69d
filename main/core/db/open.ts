import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApiError } from '../../../shared/result';
import { formatDateTime } from '../../../shared/util/format-sv';
import { checkAuditOnOpen } from '../audit/check';
import { registerAuditFunctions } from '../audit/hash';
import { DomainError } from '../errors';
import { takeVerifiedBackup } from './backup';
import { ensureOwnerOnlyFile } from './file-mode';
import { corruptDatabaseError, passesQuickCheck } from './integrity';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';
import { isBusy, isCorrupt } from './sqlite-errors';
import { readUserVersion } from './user-version';
import { blockWrites } from './write-block';

export { readUserVersion } from './user-version';

/**
 * How long a statement waits for another connection's write lock. better-sqlite3 is synchronous,
 * so the wait blocks the event loop: the app and the server keep it short (a save by another
 * process takes milliseconds; a long import is answered with BUSY, which the UI retries), the CLI,
 * a one-shot batch, may wait long.
 */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 250;
export const BATCH_BUSY_TIMEOUT_MS = 60_000;

export interface OpenOptions {
  /** Test-only schema steps; the audit trail is checked only with the real schema. */
  migrations?: Migration[];
  now?: () => Date;
  /** Who works on this connection: names deletions in the audit trail. A function is asked at each use (the profile can change). */
  actor?: string | (() => string);
  busyTimeoutMs?: number;
  /** Where SQLite's own (English) error texts go; never shown to the user. */
  logError?: (error: unknown) => void;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Path of the copy taken before migrating, if one was needed. */
  backupPath?: string;
  migratedFrom: number;
  schemaVersion: number;
  /** Set when the audit trail failed its check: the connection then refuses every write. */
  auditProblem?: ApiError;
}

/**
 * Opens (or creates) a workbench database and brings its schema up to date.
 *
 * - The file is created owner-only before SQLite opens it (-wal and -shm inherit its mode).
 * - A damaged file (PRAGMA quick_check) is closed at once, never written, and the user is told
 *   which backup beside it to use.
 * - A database from a newer app is refused before anything is written to it.
 * - Before migrating an existing database a checked copy is taken (db/backup.ts).
 * - All pending migrations run in one IMMEDIATE transaction together with the new user_version,
 *   so a failure or a killed process leaves the database exactly as it was.
 * - WAL with synchronous=FULL: an answer the UI shows as saved survives a power cut.
 * - The audit trail is checked (triggers, its end, the links of its last rows); if it is broken the
 *   connection opens for reading only and `auditProblem` says why (docs/architecture.md).
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[granska] database open failed:', error));
  const inMemory = file === ':memory:';

  let db: Database.Database;
  try {
    if (!inMemory) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
      ensureOwnerOnlyFile(file);
    }
    db = new Database(file);
  } catch (error) {
    logError(error);
    if (isCorrupt(error)) throw corruptDatabaseError(file);
    throw new DomainError('DB_OPEN_FAILED', `Databasen ${file} kunde inte öppnas. Kontrollera att filen och mappen finns och att du har behörighet till dem.`);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? INTERACTIVE_BUSY_TIMEOUT_MS))}`);
    const actorNow = typeof options.actor === 'function' ? options.actor : () => (options.actor as string | undefined) ?? 'okänd';
    registerAuditFunctions(db, {
      now,
      get actor() {
        return actorNow();
      },
    });
    if (!passesQuickCheck(db)) throw corruptDatabaseError(file);
    const current = readUserVersion(db);
    if (current > latest) {
      throw new DomainError(
        'DB_TOO_NEW',
        `Databasen ${file} har skapats av en nyare version av Granskningsbänken (schemaversion ${current}, ` +
          `denna version känner till ${latest}). Uppdatera programmet; databasen har inte ändrats.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // An INSERT OR REPLACE then fires the delete trigger for the row it replaces, so the audit trail logs it.
    db.pragma('recursive_triggers = ON');

    let backupPath: string | undefined;
    if (migrations.some((m) => m.version > current)) {
      if (current > 0 && !inMemory) backupPath = takeVerifiedBackup(db, file, current, now());
      db.transaction(() => {
        // Read again under the write lock: another process may have migrated since we looked.
        const locked = readUserVersion(db);
        for (const m of migrations.filter((step) => step.version > locked)) m.up(db);
        if (locked < latest) db.pragma(`user_version = ${latest}`);
      }).immediate();
    }

    let auditProblem: ApiError | undefined;
    if (!options.migrations) {
      const report = checkAuditOnOpen(db);
      if (!report.ok && report.firstBroken) {
        const { seq, at, kind } = report.firstBroken;
        // The record chain (approvals, the report's log, done marks) numbers its own rows: say which log the row is in.
        const log = kind.startsWith('record') ? 'händelseloggens rad' : 'loggrad';
        const where = seq === null ? '' : ` (${log} ${seq}${at ? `, ${formatDateTime(at)}` : ''})`;
        auditProblem = {
          code: 'AUDIT_BROKEN',
          message:
            `Ändringsloggen i databasen går inte att lita på: ${report.firstBroken.reason}${where} ` +
            'Databasen är därför bara öppen för läsning, så att inget mer skrivs ovanpå en bruten logg. ' +
            'Kör "granska audit verify <granskning>" för detaljer och kontakta den som förvaltar Granskningsbänken.',
        };
        blockWrites(db, auditProblem);
      }
    }
    return { db, backupPath, migratedFrom: current, schemaVersion: latest, auditProblem };
  } catch (error) {
    db.close();
    if (error instanceof DomainError) throw error;
    logError(error);
    if (isCorrupt(error)) throw corruptDatabaseError(file);
    if (isBusy(error)) {
      throw new DomainError('BUSY', `Databasen ${file} är upptagen av en annan åtgärd (till exempel en import som pågår) och kunde inte öppnas just nu. Den har inte ändrats; försök igen om en stund.`);
    }
    throw new DomainError('DB_OPEN_FAILED', `Databasen ${file} kunde inte öppnas eller uppdateras. Den har inte ändrats.`);
  }
}
