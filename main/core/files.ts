import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { formatNumber } from '../../shared/util/format-sv';
import { DomainError } from './errors';
import { diskFullKind, diskFullMessage, type DiskFullKind } from './disk-full';
import { removeStaleTemporaries } from './stale-temporaries';

const MAX_INPUT_BYTES = 250 * 1024 * 1024;

/** Owner read/write only: case data, keys and exports are never readable by other accounts. */
export const OWNER_ONLY = 0o600;

/*
 * O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer, so the fstat
 * below can refuse it. Windows has no such flag (and no FIFOs to open by path); 0 leaves it out.
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a user-named file, turning every failure into a Swedish message that names the path.
 * Only a regular file is read: a folder, a FIFO, a device such as /dev/zero or a socket is
 * refused at once, and never more than `maxBytes` are read even if the file grows meanwhile.
 */
export function readUserFile(file: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw notRegular(file, 'en mapp');
    if (code === 'EACCES' || code === 'EPERM') throw new DomainError('VALIDATION', `Filen ${file} går inte att läsa (behörighet saknas).`);
    throw new DomainError('VALIDATION', `Filen ${file} finns inte eller går inte att läsa.`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw notRegular(file, kindOf(stat));
    if (stat.size > maxBytes) throw tooLarge(file, stat.size, maxBytes, false);
    // Read up to one byte past the limit: a file that grew after fstat is still caught.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(file, length, maxBytes, true);
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION', `Filen ${file} kunde inte läsas (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'}).`);
  } finally {
    fs.closeSync(fd);
  }
}

function notRegular(file: string, what: string): DomainError {
  return new DomainError('VALIDATION', `${file} är ${what}, inte en vanlig fil. Välj en fil som är sparad på disken.`);
}

/** `grew`: the file grew while being read, so only a lower bound of its size is known. */
function tooLarge(file: string, size: number, maxBytes: number, grew: boolean): DomainError {
  const mb = (n: number) => formatNumber(Math.ceil(n / 1024 / 1024));
  return new DomainError('VALIDATION', `Filen ${file} är för stor (${grew ? 'minst ' : ''}${mb(size)} MB; högst ${mb(maxBytes)} MB).`);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'en mapp';
  if (stat.isFIFO()) return 'en namngiven pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'en enhetsfil';
  if (stat.isSocket()) return 'en socket';
  return 'inte en vanlig fil';
}

/**
 * Writes a file atomically and durably: to a temporary name beside the target (owner-only),
 * flushed, renamed over it, and the folder flushed too — so a crash, a kill or a full disk
 * never leaves a half-written export, and a file once renamed survives a power cut. Temporaries
 * that a killed earlier write left beside the same target are removed first (stale-temporaries.ts).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeFilesAtomic([{ file, content }]);
}

/**
 * Writes several files as one export: each under its temporary name first, and only when every
 * one is written and flushed are they renamed into place. A full disk, a quota or a kill while
 * writing leaves none of them changed (and no temporary, or one the next write removes); only a
 * rename failing half-way through the list (it needs no new space on the file systems we know)
 * could leave the first files new and the rest old.
 */
export function writeFilesAtomic(files: readonly { file: string; content: string | Uint8Array }[]): void {
  const folders = new Set<string>();
  for (const { file } of files) {
    const dir = path.dirname(path.resolve(file));
    if (!fs.existsSync(dir)) throw new DomainError('VALIDATION', `Mappen ${dir} finns inte.`);
    const existing = statOrUndefined(file);
    if (existing && !existing.isFile()) throw notRegular(file, kindOf(existing));
    folders.add(dir);
  }
  for (const { file } of files) removeStaleTemporaries(file);
  const temporaries: string[] = [];
  let current = files[0]?.file ?? '';
  try {
    for (const { file, content } of files) {
      current = file;
      const tmp = temporaryNameBeside(file);
      temporaries.push(tmp);
      writeDurably(tmp, content);
    }
    files.forEach(({ file }, i) => {
      current = file;
      fs.renameSync(temporaries[i], file);
    });
    for (const dir of folders) fsyncDirectory(dir);
  } catch (error) {
    for (const tmp of temporaries) removeQuietly(tmp);
    if (error instanceof DiskFullError) throw diskFullError(error.kind, current);
    if (error instanceof DomainError) throw error;
    const full = diskFullKind(error);
    if (full) throw diskFullError(full, current);
    throw new DomainError('INTERNAL', `Filen ${current} kunde inte skrivas (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'}).`);
  }
}

/** Removes a temporary after a failed write; a failure to remove it is left to the next write's tidying. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // removeStaleTemporaries takes it on the next write, once this process has ended.
  }
}

/**
 * Creates `file` (it must not exist) owner-only, writes `content` and flushes it to disk. A full
 * disk or quota (ENOSPC, EDQUOT: at the write, or only at the flush on some file systems) removes
 * the partial file and is said in Swedish with its folder; every caller writes under a temporary
 * name, so the file the user asked for is untouched.
 */
export function writeDurably(file: string, content: string | Uint8Array): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'wx', OWNER_ONLY);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } catch (error) {
    const full = diskFullKind(error);
    if (!full) throw error;
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
    fs.rmSync(file, { force: true });
    throw diskFullError(full, file);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A write refused by a full disk or quota; `kind` and the path the user named, for callers that word it themselves. */
export class DiskFullError extends DomainError {
  constructor(
    readonly kind: DiskFullKind,
    readonly file: string,
  ) {
    super('INTERNAL', diskFullMessage(kind, { what: `Filen ${file}`, folder: path.dirname(path.resolve(file)), outcome: 'Inget har skrivits; en fil som fanns med det namnet är oförändrad.' }));
    this.name = 'DiskFullError';
  }
}

/** `file` could not be written because the disk is full, named as the user knows it (the temporary name beside it undone). */
export function diskFullError(kind: DiskFullKind, file: string): DiskFullError {
  return new DiskFullError(kind, userPathOf(file));
}

const TEMPORARY = /^\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/;

/** `/a/.memo.docx.123.0a1b2c3d4e5f.tmp` → `/a/memo.docx`, also for a file inside such a folder. */
function userPathOf(file: string): string {
  const resolved = path.resolve(file);
  const parts = resolved.split(path.sep);
  return parts.map((part) => TEMPORARY.exec(part)?.[1] ?? part).join(path.sep);
}

/** A hidden, unique name in the target's folder, so the final rename never crosses file systems. */
export function temporaryNameBeside(file: string): string {
  const resolved = path.resolve(file);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for flushing; NTFS journals renames. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
