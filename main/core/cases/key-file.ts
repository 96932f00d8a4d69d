import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MAX_CASE_LIST_BYTES } from '../../../shared/contract/cases';
import { DomainError, invalid } from '../errors';
import { fsyncDirectory, readUserFile, temporaryNameBeside, writeDurably, writeFileAtomic } from '../files';

/*
 * The pseudonymisation key: the only link from a code back to a case reference. It is never
 * stored in the database, so it must be on disk, complete and durable, BEFORE the cases are
 * committed under their codes, and gone again if the commit then fails or never happens. The
 * database records each key being written (key-intent.ts) before the file exists and forgets it in
 * the cases' own commit; a failed import and every opening of the workbench resolve what is left,
 * so once the workbench has been opened after a kill at any moment the state is one of:
 *   - no cases, and no key file;
 *   - all cases, and the complete key.
 *
 * Before that (or when the resolution cannot decide), the leftover of an interrupted import is also
 * recognised by a retry to the same file: a marker beside it (".<name>.pending", naming this
 * database) is written before the key and removed after the commit, and the key's codes match no
 * case in the workbench. Both are needed there: the codes alone cannot tell a leftover from the
 * real key of another workbench, and the marker alone cannot tell whether the commit happened.
 */

export interface KeyLine {
  code: string;
  ref: string;
}

export const KEY_HEADER = 'kod;akt';

/** The folder beside the database where keys go when the caller names no file (browser mode). */
export const DEFAULT_KEY_FOLDER = 'Kodnycklar';

/** One "kod;akt" line per case under a header line, CRLF so Excel on Windows opens it as it is. */
export function keyFileText(lines: readonly KeyLine[]): string {
  return [KEY_HEADER, ...lines.map((l) => `${l.code};${l.ref}`)].join('\r\n') + '\r\n';
}

/**
 * The file the key will be written to: the caller's absolute path, or a new owner-only file in
 * `Kodnycklar/` beside the database, named after the review and the time.
 */
export function keyTarget(keyFile: string | undefined, dbPath: string, reviewId: string, now: Date): string {
  if (keyFile !== undefined) {
    if (!path.isAbsolute(keyFile)) throw invalid('Kodnyckelns fil måste anges med hela sökvägen.', [{ path: '$.keyFile', message: 'Ange en absolut sökväg.' }]);
    const dir = path.dirname(keyFile);
    if (!isDirectory(dir)) throw invalid(`Kodnyckeln kan inte skrivas till ${keyFile}: mappen finns inte. Inget importerades.`, [{ path: '$.keyFile', message: 'Mappen finns inte.' }]);
    return path.resolve(keyFile);
  }
  const dir = path.join(path.dirname(path.resolve(dbPath)), DEFAULT_KEY_FOLDER);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
  } catch (error) {
    throw new DomainError('INTERNAL', `Mappen ${dir} för kodnycklar kunde inte skapas (${codeOf(error)}). Inget importerades.`);
  }
  const base = `kodnyckel-${safeName(reviewId)}-${timestamp(now)}`;
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.csv`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** A key on disk whose cases are not committed yet. */
export interface PendingKey {
  file: string;
  /** The cases are committed: the key is final and its marker goes. */
  settle(): void;
}

/**
 * Writes the key durably to `file` (temporary name, fsync, publish, fsync of the folder) before
 * the caller commits the cases. An existing file is never overwritten unless it is the leftover
 * of an interrupted import into this workbench (or empty), so a retry is never blocked. The caller
 * has recorded the import's intent in the database first (key-intent.ts): if the commit then fails
 * or never happens, resolving that intent removes this key again.
 */
export function writePendingKey(db: Database, dbPath: string, file: string, lines: readonly KeyLine[], importId: string): PendingKey {
  removeStaleTemporaries(file);
  const existing = inspectTarget(db, dbPath, file);
  const marker = markerPath(file);
  writeFileAtomic(marker, `${JSON.stringify({ database: databaseIdentity(dbPath), importId } satisfies KeyMarker)}\n`);
  try {
    publish(file, keyFileText(lines), existing === 'replaceable');
  } catch (error) {
    removeQuietly(marker);
    throw error;
  }
  return {
    file,
    settle() {
      removeQuietly(marker);
    },
  };
}

/** What the marker beside a key being written says: which database, and (since schema 4) which import. */
export interface KeyMarker {
  database: string;
  importId?: string;
}

/** The marker beside `file`, if there is a readable one. */
export function readMarker(file: string): KeyMarker | undefined {
  try {
    const marker: unknown = JSON.parse(readUserFile(markerPath(file), 64 * 1024).toString('utf8'));
    if (typeof marker !== 'object' || marker === null || typeof (marker as KeyMarker).database !== 'string') return undefined;
    return marker as KeyMarker;
  } catch {
    return undefined;
  }
}

/** "absent", or "replaceable" for an empty file or the leftover of an interrupted import; otherwise CONFLICT. */
function inspectTarget(db: Database, dbPath: string, file: string): 'absent' | 'replaceable' {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 'absent';
    throw invalid(`Kodnyckelfilen ${file} kan inte skapas (${codeOf(error)}). Inget importerades.`);
  }
  if (stat.isFile() && (stat.size === 0 || isInterruptedImport(db, dbPath, file))) return 'replaceable';
  throw new DomainError('CONFLICT', `Kodnyckelfilen ${file} finns redan och skrivs inte över. Välj ett annat filnamn. Inget importerades.`);
}

/** The leftover of an import into this workbench that was interrupted before its commit. */
export function isInterruptedImport(db: Database, dbPath: string, file: string): boolean {
  const marker = readMarker(file);
  if (marker?.database !== databaseIdentity(dbPath)) return false;
  let text: string;
  try {
    text = readUserFile(file, MAX_CASE_LIST_BYTES).toString('utf8');
  } catch {
    return false;
  }
  const codes = keyCodes(text);
  return codes !== undefined && !anyCodeStored(db, codes);
}

export function anyCodeStored(db: Database, codes: readonly string[]): boolean {
  const row = db.prepare('SELECT EXISTS (SELECT 1 FROM case_file WHERE ref IN (SELECT value FROM json_each(?))) AS found').get(JSON.stringify(codes)) as { found: number };
  return row.found === 1;
}

/** The codes of a well-formed key file, or undefined if the text is not one. */
export function keyCodes(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== KEY_HEADER) return undefined;
  const codes: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const split = line.indexOf(';');
    if (split <= 0) return undefined;
    codes.push(line.slice(0, split));
  }
  return codes;
}

function publish(file: string, text: string, replace: boolean): void {
  const dir = path.dirname(file);
  const tmp = temporaryNameBeside(file);
  try {
    writeDurably(tmp, text);
    if (replace) fs.renameSync(tmp, file);
    else linkWithoutOverwrite(tmp, file);
    fs.rmSync(tmp, { force: true });
    fsyncDirectory(dir);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('INTERNAL', `Kodnyckeln kunde inte skrivas till ${file} (${codeOf(error)}). Inget importerades.`);
  }
}

/**
 * A hard link publishes the finished file under its name only if that name is free, atomically:
 * another program creating the file meanwhile is never overwritten. File systems without hard
 * links (FAT on a USB stick) fall back to a rename after a last check.
 */
function linkWithoutOverwrite(tmp: string, file: string): void {
  try {
    fs.linkSync(tmp, file);
    return;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') throw new DomainError('CONFLICT', `Kodnyckelfilen ${file} finns redan och skrivs inte över. Välj ett annat filnamn. Inget importerades.`);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(codeOf(error))) throw error;
  }
  if (fs.existsSync(file)) throw new DomainError('CONFLICT', `Kodnyckelfilen ${file} finns redan och skrivs inte över. Välj ett annat filnamn. Inget importerades.`);
  fs.renameSync(tmp, file);
}

export const markerPath = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.pending`);

/**
 * A kill while the key or its marker was being written leaves a hidden temporary file (with case
 * references in it) beside the target. The next import to the same file removes those whose
 * process is gone, and so does opening the workbench after a killed import (key-intent.ts).
 */
export function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(file);
  const base = escapeRegExp(path.basename(file));
  const pattern = new RegExp(`^\\.\\.?${base}(?:\\.pending)?\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (match && !isAlive(Number(match[1]))) removeQuietly(path.join(dir, name));
  }
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

export function databaseIdentity(dbPath: string): string {
  try {
    return fs.realpathSync(dbPath);
  } catch {
    return path.resolve(dbPath);
  }
}

export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Best effort: what remains is described in the module comment and handled on the next run.
  }
}

export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, as the user reads it in a file name: 2026-11-23_100000. */
function timestamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? 'okänt fel';
