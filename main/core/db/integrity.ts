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

/**
 * Up to this many pages (80 MiB at SQLite's default 4 KiB page) opening runs SQLite's full
 * integrity_check, which also looks up every row in every index: a byte flipped inside an index
 * ("row … missing from index") passes quick_check and would otherwise be written on top of.
 * Measured 2026-12-05 (load average ≈ 5 on 2 cores, so upper figures): the reference study's size,
 * 17,213 pages (70 MB), 0.31–0.57 s against quick_check's 0.11–0.24 s; 20,216 pages (83 MB)
 * 0.50–0.74 s against 0.23–0.42 s. Above it (the partial check below): 24,737 pages 0.30–0.37 s;
 * 95,161 pages (390 MB, 1,000,000 audit rows) 1.6–2.3 s, where the full check takes 2.0 s idle.
 */
export const FULL_CHECK_MAX_PAGES = 20_480;

/**
 * Above FULL_CHECK_MAX_PAGES these append-only logs are the bulk of the file and of the full check
 * (1.9 of its 2.0 s at 95,161 pages): opening checks their pages (quick_check) but not their index contents. Their rows are
 * chained by SHA-256 and checked by `granska audit verify`; `granska db check` checks everything.
 */
export const LOG_TABLES: ReadonlySet<string> = new Set(['answer_audit', 'record_log']);

export type OpenCheckKind = 'full' | 'partial';

/**
 * The check every open runs before anything is written (db/open.ts). Small files: integrity_check,
 * everything. Larger ones: quick_check of every page, then integrity_check of every table except
 * LOG_TABLES, which looks up each of their rows in each of their indexes. True when it passed.
 */
export function passesOpenCheck(db: Database.Database, maxFullPages = FULL_CHECK_MAX_PAGES): boolean {
  return openCheckKind(db, maxFullPages) === 'full' ? passesIntegrityCheck(db) : passesPartialCheck(db);
}

export function openCheckKind(db: Database.Database, maxFullPages = FULL_CHECK_MAX_PAGES): OpenCheckKind {
  return (db.pragma('page_count', { simple: true }) as number) <= maxFullPages ? 'full' : 'partial';
}

function passesPartialCheck(db: Database.Database): boolean {
  if (!passesQuickCheck(db)) return false;
  for (const table of tableNames(db)) {
    if (LOG_TABLES.has(table)) continue;
    const rows = db.pragma(`integrity_check(${quoteIdentifier(table)})`) as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0].integrity_check !== 'ok') return false;
  }
  return true;
}

const tableNames = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name").pluck().all() as string[];

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One damaged object, named as the schema names it; never a row's content. */
export interface DamagedObject {
  kind: 'index' | 'table' | 'file';
  /** The index or table; for `file`, undefined (the free list or pages no table owns). */
  name?: string;
  /** For an index, its table. */
  table?: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** How many problems SQLite reported (at most MAX_PROBLEMS are asked for). */
  problems: number;
  damaged: DamagedObject[];
  /** True when every damaged object is an index: the tables' rows are whole and the indexes can be rebuilt. */
  indexesOnly: boolean;
}

const MAX_PROBLEMS = 1_000;

/**
 * The full check, for `granska db check`: every page, every index entry, constraints. SQLite's
 * messages (English, with row ids and page numbers) are reduced to the objects they name, looked
 * up in the schema, so nothing but a schema name is ever shown.
 */
export function integrityReport(db: Database.Database): IntegrityReport {
  const messages = (db.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (messages.length === 1 && messages[0] === 'ok') return { ok: true, problems: 0, damaged: [], indexesOnly: false };
  const schema = db.prepare("SELECT type, name, tbl_name AS tableName, rootpage FROM sqlite_schema WHERE type IN ('table', 'index')").all() as {
    type: 'table' | 'index';
    name: string;
    tableName: string;
    rootpage: number;
  }[];
  const byName = new Map(schema.map((o) => [o.name, o]));
  const byRoot = new Map(schema.map((o) => [o.rootpage, o]));
  const damaged = new Map<string, DamagedObject>();
  const add = (object: { type: 'table' | 'index'; name: string; tableName: string } | undefined) => {
    if (!object) damaged.set('file', { kind: 'file' });
    else if (object.type === 'index') damaged.set(`index:${object.name}`, { kind: 'index', name: object.name, table: object.tableName });
    else damaged.set(`table:${object.name}`, { kind: 'table', name: object.name });
  };
  const problems = messages.filter((m) => !m.startsWith('*** in database'));
  for (const message of problems) {
    const index = /\bindex (\S+)$/.exec(message)?.[1];
    const tree = /^Tree (\d+) /.exec(message)?.[1];
    const column = /\bin ([^\s.]+)\.\S+$/.exec(message)?.[1];
    const constraint = /constraint failed in (\S+)$/.exec(message)?.[1];
    const name = index ?? column ?? constraint;
    if (name !== undefined && byName.has(name)) add(byName.get(name));
    else if (tree !== undefined && byRoot.has(Number(tree))) add(byRoot.get(Number(tree)));
    else add(undefined);
  }
  const list = [...damaged.values()];
  return { ok: false, problems: problems.length, damaged: list, indexesOnly: list.length > 0 && list.every((d) => d.kind === 'index') };
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

/** Which copy to use instead of a damaged file, or that there is none and whom to ask. */
export function backupAdvice(file: string, backup = newestVerifiedBackup(file)): string {
  return backup
    ? `Använd den senaste kontrollerade säkerhetskopian, ${backup.path} (från ${formatDateTime(backup.takenAt.toISOString())}): ` +
        `stäng programmet, flytta den skadade filen åt sidan och kopiera säkerhetskopian till ${file}.`
    : 'Det finns ingen kontrollerad säkerhetskopia bredvid den. Låt filen vara orörd och be IT-supporten återställa den från kommunens säkerhetskopiering.';
}

/** What the user is told about a damaged file: that nothing was written, and which copy to use. */
export function corruptDatabaseError(file: string): DomainError {
  return new DomainError('DB_CORRUPT', `Databasen ${file} är skadad och har inte öppnats, så att inget skrivs i den. ${backupAdvice(file)}`);
}
