import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../errors';
import { BATCH_BUSY_TIMEOUT_MS, openFailure } from './open';
import { integrityReport, newestVerifiedBackup, type IntegrityReport, type VerifiedBackup } from './integrity';
import { isCorrupt } from './sqlite-errors';

export interface FileCheck extends IntegrityReport {
  file: string;
  pages: number;
  bytes: number;
  /** SQLite could not read the file as a database at all (its header is damaged, or it is another kind of file). */
  notADatabase: boolean;
  /** When damaged: the newest backup beside it that passes quick_check. */
  backup?: VerifiedBackup;
}

/**
 * The full check of a workbench file (`granska db check`): SQLite's integrity_check over every
 * page, table and index, on a read-only connection — nothing is written, not even to a damaged
 * file, and the app may keep the file open meanwhile (WAL readers do not block).
 */
export function checkDatabaseFile(file: string): FileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DomainError('NOT_FOUND', `Databasen ${file} finns inte.`);
  }
  if (!stat.isFile()) throw new DomainError('VALIDATION', `${file} är inte en fil. Ange databasfilen med --db.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BATCH_BUSY_TIMEOUT_MS}`);
    const pages = db.pragma('page_count', { simple: true }) as number;
    const report = integrityReport(db);
    return { file, pages, bytes: stat.size, notADatabase: false, ...report, ...(report.ok ? {} : { backup: newestVerifiedBackup(file) }) };
  } catch (error) {
    if (isCorrupt(error)) {
      return { file, pages: 0, bytes: stat.size, notADatabase: true, ok: false, problems: 1, damaged: [{ kind: 'file' }], indexesOnly: false, backup: newestVerifiedBackup(file) };
    }
    if (error instanceof DomainError) throw error;
    throw openFailure(file, error, 'Kontrollera att filen och mappen finns och att du har behörighet till dem.');
  } finally {
    db?.close();
  }
}
