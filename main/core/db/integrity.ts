import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatDateTime } from '../../../shared/util/format-sv';
import { DomainError } from '../errors';

/** SQLite's page-level check (b-trees, free list, record formats; not index contents): linear in the file's size. */
export function passesQuickCheck(db: Database.Database): boolean {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  return rows.length === 1 && rows[0].quick_check === 'ok';
}

/** The full check including indexes, for a backup we are about to vouch for. */
export function passesIntegrityCheck(db: Database.Database): boolean {
  const rows = db.pragma('integrity_check(1)') as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === 'ok';
}

export interface VerifiedBackup {
  path: string;
  takenAt: Date;
}

/** `<file>.backup-…sqlite` beside the database, newest first, the first one that opens read-only and passes quick_check. */
export function newestVerifiedBackup(file: string): VerifiedBackup | undefined {
  const folder = path.dirname(path.resolve(file));
  const prefix = `${path.basename(file)}.backup-`;
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.startsWith(prefix) && n.endsWith('.sqlite'));
  } catch {
    return undefined;
  }
  const candidates = names
    .map((n) => {
      const full = path.join(folder, n);
      try {
        const stat = fs.statSync(full);
        return stat.isFile() && stat.size > 0 ? { path: full, takenAt: stat.mtime } : undefined;
      } catch {
        return undefined;
      }
    })
    .filter((c): c is VerifiedBackup => c !== undefined)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  for (const candidate of candidates) {
    let copy: Database.Database | undefined;
    try {
      copy = new Database(candidate.path, { readonly: true, fileMustExist: true });
      if (passesQuickCheck(copy)) return candidate;
    } catch {
      // not a database, or damaged as well: try the next one
    } finally {
      copy?.close();
    }
  }
  return undefined;
}

/** What the user is told about a damaged file: that nothing was written, and which copy to use. */
export function corruptDatabaseError(file: string): DomainError {
  const backup = newestVerifiedBackup(file);
  const advice = backup
    ? `Använd den senaste kontrollerade säkerhetskopian, ${backup.path} (från ${formatDateTime(backup.takenAt.toISOString())}): ` +
      `stäng programmet, flytta den skadade filen åt sidan och kopiera säkerhetskopian till ${file}.`
    : 'Det finns ingen kontrollerad säkerhetskopia bredvid den. Låt filen vara orörd och be IT-supporten återställa den från kommunens säkerhetskopiering.';
  return new DomainError('DB_CORRUPT', `Databasen ${file} är skadad och har inte öppnats, så att inget skrivs i den. ${advice}`);
}
