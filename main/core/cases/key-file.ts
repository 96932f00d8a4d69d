import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MAX_CASE_LIST_BYTES } from '../../../shared/contract/cases';
import { DomainError, invalid } from '../errors';
import { fsyncDirectory, OWNER_ONLY, readUserFile, temporaryNameBeside, writeFileAtomic } from '../files';

/*
 * The pseudonymisation key: the only link from a code back to a case reference. It is never
 * stored in the database, so it must be on disk, complete and durable, BEFORE the cases are
 * committed under their codes, and gone again if the commit then fails. After a kill at any
 * moment the state is therefore one of:
 *   - no cases, and no key file (or a leftover of this interrupted import, recognised as such);
 *   - all cases, and the complete key.
 *
 * A leftover is recognised by a marker beside it (".<name>.pending", naming this database) that
 * is written before the key and removed after the commit, together with the key's codes matching
 * no case in the workbench. Both are needed: the codes alone cannot tell a leftover from the real
 * key of another workbench, and the marker alone cannot tell whether the commit happened.
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
  /** The cases are committed: the key is final. */
  settle(): void;
  /** The commit failed: the key must not outlive the cases it was made for. */
  discard(): void;
}

/**
 * Writes the key durably to `file` (temporary name, fsync, publish, fsync of the folder) before
 * the caller commits the cases. An existing file is never overwritten unless it is the leftover
 * of an interrupted import into this workbench (or empty), so a retry is never blocked.
 */
export function writePendingKey(db: Database, dbPath: string, file: string, lines: readonly KeyLine[]): PendingKey {
  const dir = path.dirname(file);
  removeStaleTemporaries(file);
  const existing = inspectTarget(db, dbPath, file);
  const marker = markerPath(file);
  writeFileAtomic(marker, `${JSON.stringify({ database: databaseIdentity(dbPath) })}\n`);
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
    discard() {
      // A failed COMMIT is not always a rolled-back one (an I/O error after the WAL was written):
      // the key goes only if the database surely holds none of its codes.
      let stored: boolean;
      try {
        stored = anyCodeStored(db, lines.map((l) => l.code));
      } catch {
        return; // Unknown: keep the key and its marker; a retry decides with a working database.
      }
      if (stored) {
        removeQuietly(marker);
        return;
      }
      removeQuietly(file);
      removeQuietly(marker);
      try {
        fsyncDirectory(dir);
      } catch {
        // The removal happened; only its durability is unconfirmed. The marker-less leftover, if
        // a power cut brought it back, would block (never overwrite) a retry to the same file.
      }
    },
  };
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
  let marker: unknown;
  let text: string;
  try {
    marker = JSON.parse(readUserFile(markerPath(file), 64 * 1024).toString('utf8'));
    text = readUserFile(file, MAX_CASE_LIST_BYTES).toString('utf8');
  } catch {
    return false;
  }
  if (typeof marker !== 'object' || marker === null || (marker as { database?: unknown }).database !== databaseIdentity(dbPath)) return false;
  const codes = keyCodes(text);
  return codes !== undefined && !anyCodeStored(db, codes);
}

function anyCodeStored(db: Database, codes: readonly string[]): boolean {
  const row = db.prepare('SELECT EXISTS (SELECT 1 FROM case_file WHERE ref IN (SELECT value FROM json_each(?))) AS found').get(JSON.stringify(codes)) as { found: number };
  return row.found === 1;
}

/** The codes of a well-formed key file, or undefined if the text is not one. */
function keyCodes(text: string): string[] | undefined {
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
    const fd = fs.openSync(tmp, 'wx', OWNER_ONLY);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
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
 * process is gone.
 */
function removeStaleTemporaries(file: string): void {
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

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function databaseIdentity(dbPath: string): string {
  try {
    return fs.realpathSync(dbPath);
  } catch {
    return path.resolve(dbPath);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Best effort: what remains is described in the module comment and handled on the next run.
  }
}

function isDirectory(dir: string): boolean {
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
