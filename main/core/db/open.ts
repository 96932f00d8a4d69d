import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApiError } from '../../../shared/result';
import { formatDateTime } from '../../../shared/util/format-sv';
import { checkAuditOnOpen } from './audit-chain/check';
import { registerAuditFunctions } from './audit-chain/hash';
import { DomainError } from '../errors';
import { takeVerifiedBackup } from './backup';
import { ensureOwnerOnlyFile, writeProtectionOf } from './file-mode';
import { corruptDatabaseError, passesOpenCheck } from './integrity';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';
import { isBusy, isCorrupt, isReadOnly } from './sqlite-errors';
import { diskFullKind, diskFullMessage, folderOfError } from '../disk-full';
import { readUserVersion } from './user-version';
import { blockWrites } from './write-block';

export { readUserVersion } from './user-version';

type WriteProtection = NonNullable<ReturnType<typeof writeProtectionOf>>;

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
  /**
   * Set when the connection refuses every write, and why (the faces show it; core.ts skips its
   * start-up writes): the audit trail failed its check, or the file is write-protected and was
   * opened read-only. A broken audit trail is named first: making the file writable would not help.
   */
  auditProblem?: ApiError;
  /** The file is write-protected: opened read-only (reading works, every write is refused with `auditProblem`'s message). */
  readOnly?: boolean;
}

/**
 * Opens (or creates) a workbench database and brings its schema up to date.
 *
 * - The file is created owner-only before SQLite opens it (-wal and -shm inherit its mode); an
 *   existing file loses group and other bits but never gains the owner's write bit.
 * - A write-protected file (the owner's write bit off, or the account may not write it) is opened
 *   read-only: reading works, every write is refused with a Swedish message saying how to lift
 *   the protection (write-block.ts, dispatch.ts). It is never chmod-ed writable.
 * - Before the file is opened for writing it is checked on a read-only connection
 *   (integrity.ts, passesOpenCheck: integrity_check up to FULL_CHECK_MAX_PAGES, quick_check plus
 *   every table but the audit logs above): a damaged file is never written — not even a WAL
 *   checkpoint on close — and the user is told which backup beside it to use.
 * - A database from a newer app is refused before anything is written to it.
 * - Before migrating an existing database a checked copy is taken (db/backup.ts).
 * - All pending migrations run in one IMMEDIATE transaction together with the new user_version,
 *   so a failure or a killed process leaves the database exactly as it was.
 * - WAL with synchronous=FULL: an answer the UI shows as saved survives a power cut.
 * - The audit trail is checked (triggers, its end, the links of its last rows); if it is broken the
 *   connection opens for reading only and `auditProblem` says why (docs/architecture.md).
 * - A full disk (creating the file, the backup, the migration) is said as such, naming the folder.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[granska] database open failed:', error));
  const inMemory = file === ':memory:';
  const busyTimeout = Math.max(0, Math.round(options.busyTimeoutMs ?? INTERACTIVE_BUSY_TIMEOUT_MS));

  let protection: WriteProtection | undefined;
  let existing = false;
  try {
    if (!inMemory) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
      ensureOwnerOnlyFile(file);
      protection = writeProtectionOf(file);
      existing = fs.statSync(file).size > 0;
    }
  } catch (error) {
    logError(error);
    throw openFailure(file, error, 'Kontrollera att filen och mappen finns och att du har behörighet till dem.');
  }

  let db: Database.Database;
  try {
    // Checked before it is opened for writing: a damaged file is never opened read-write at all.
    // A write-protected file keeps this read-only connection as its only one.
    let checker: Database.Database | undefined;
    if (existing) {
      checker = new Database(file, { readonly: true, fileMustExist: true });
      try {
        checker.pragma(`busy_timeout = ${busyTimeout}`);
        if (!passesOpenCheck(checker)) throw corruptDatabaseError(file);
      } catch (error) {
        checker.close();
        throw error;
      }
    }
    if (protection) db = checker ?? new Database(file, { readonly: true, fileMustExist: true });
    else {
      checker?.close();
      db = new Database(file);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    logError(error);
    throw openFailure(file, error, 'Kontrollera att filen och mappen finns och att du har behörighet till dem.');
  }
  try {
    db.pragma(`busy_timeout = ${busyTimeout}`);
    const actorNow = typeof options.actor === 'function' ? options.actor : () => (options.actor as string | undefined) ?? 'okänd';
    registerAuditFunctions(db, {
      now,
      get actor() {
        return actorNow();
      },
    });
    const current = readUserVersion(db);
    if (current > latest) {
      throw new DomainError(
        'DB_TOO_NEW',
        `Databasen ${file} har skapats av en nyare version av Granskningsbänken (schemaversion ${current}, ` +
          `denna version känner till ${latest}). Uppdatera programmet; databasen har inte ändrats.`,
      );
    }
    const pending = migrations.some((m) => m.version > current);
    if (protection && pending) throw writeProtectedNeedsUpdate(file, protection, current, latest);
    // Read-only: the journal mode is the file's (setting it is a write); the rest is per connection.
    if (!protection) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // An INSERT OR REPLACE then fires the delete trigger for the row it replaces, so the audit trail logs it.
    db.pragma('recursive_triggers = ON');

    let backupPath: string | undefined;
    if (pending) {
      if (current > 0 && !inMemory) backupPath = backupBeforeMigrating(db, file, current, now());
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
      }
    }
    auditProblem ??= protection && writeProtectedError(file, protection);
    if (auditProblem) blockWrites(db, auditProblem);
    return { db, backupPath, migratedFrom: current, schemaVersion: latest, auditProblem, ...(protection ? { readOnly: true } : {}) };
  } catch (error) {
    db.close();
    if (error instanceof DomainError) throw error;
    logError(error);
    throw openFailure(file, error, 'Den har inte ändrats.', 'kunde inte öppnas eller uppdateras.');
  }
}

/** A failure while opening, in Swedish by its kind; `advice` and `failed` word the generic case. */
export function openFailure(file: string, error: unknown, advice: string, failed = 'kunde inte öppnas.'): DomainError {
  if (isCorrupt(error)) return corruptDatabaseError(file);
  if (isBusy(error)) {
    return new DomainError('BUSY', `Databasen ${file} är upptagen av en annan åtgärd (till exempel en import som pågår) och kunde inte öppnas just nu. Den har inte ändrats; försök igen om en stund.`);
  }
  const full = diskFullKind(error);
  if (full) {
    const folder = folderOfError(error) ?? path.dirname(path.resolve(file));
    return new DomainError('DB_OPEN_FAILED', diskFullMessage(full, { what: `Databasen ${file}`, folder, outcome: 'Den har inte ändrats.', mentionTemp: true }));
  }
  if (isReadOnly(error)) {
    // SQLITE_READONLY_DIRECTORY and kin: reading a WAL database needs its -shm, which SQLite could not create or write.
    const folder = path.dirname(path.resolve(file));
    const base = path.basename(file);
    return new DomainError(
      'DB_OPEN_FAILED',
      `Databasen ${file} kan inte öppnas: mappen ${folder} är skrivskyddad, och för att läsa databasen behöver programmet skapa eller skriva arbetsfilerna ${base}-wal och ${base}-shm bredvid den. ` +
        'Databasen har inte ändrats. Gör mappen skrivbar, eller kopiera databasen (bara .sqlite-filen) till en mapp där du får skriva och öppna kopian.',
    );
  }
  return new DomainError('DB_OPEN_FAILED', `Databasen ${file} ${failed} ${advice}`);
}

/** The copy taken before migrating; a full disk names the backup, not the migration. */
function backupBeforeMigrating(db: Database.Database, file: string, fromVersion: number, at: Date): string {
  try {
    return takeVerifiedBackup(db, file, fromVersion, at);
  } catch (error) {
    const full = diskFullKind(error);
    if (!full) throw error;
    throw new DomainError(
      'DB_OPEN_FAILED',
      diskFullMessage(full, {
        what: `Säkerhetskopian som tas av databasen ${file} innan den uppdateras till den här versionen`,
        folder: path.dirname(path.resolve(file)),
        outcome: 'Databasen har inte ändrats och inte öppnats.',
        mentionTemp: true,
      }),
    );
  }
}

const howToLift = (file: string, protection: WriteProtection): string =>
  protection === 'access'
    ? 'Be den som förvaltar filen om skrivrätt för ditt konto, eller kopiera den till en mapp där du får skriva'
    : process.platform === 'win32'
      ? 'Ta bort skrivskyddet (högerklicka på filen, välj Egenskaper och avmarkera Skrivskyddad)'
      : `Ta bort skrivskyddet (till exempel med kommandot chmod u+w "${file}")`;

/** The reason every write on a write-protected file is refused, said on each refused write. */
function writeProtectedError(file: string, protection: WriteProtection): ApiError {
  return {
    code: 'FORBIDDEN',
    message:
      `Databasen ${file} är skrivskyddad${protection === 'access' ? ' för ditt konto' : ''} och därför bara öppen för läsning: allt går att läsa, men inget kan ändras. ` +
      `Inget har ändrats av den här åtgärden. ${howToLift(file, protection)} och starta sedan om programmet för att arbeta i den.`,
  };
}

function writeProtectedNeedsUpdate(file: string, protection: WriteProtection, from: number, to: number): DomainError {
  return new DomainError(
    'DB_OPEN_FAILED',
    `Databasen ${file} är skrivskyddad${protection === 'access' ? ' för ditt konto' : ''}, men den behöver uppdateras till den här versionen av Granskningsbänken ` +
      `(schemaversion ${from} till ${to}) innan den kan öppnas, och då måste den skrivas. Den har inte ändrats. ${howToLift(file, protection)} och öppna den igen.`,
  );
}
