import fs from 'node:fs';

/** Children's case data: the database and every copy of it are for the owner's eyes only. */
export const OWNER_ONLY = 0o600;
const POSIX = process.platform !== 'win32';

/**
 * Creates the file empty and owner-only if it does not exist yet, before SQLite opens it:
 * SQLite gives -wal and -shm the main file's mode, so they are owner-only as well. An existing
 * file is tightened where we own it (files from before this rule were created with the umask):
 * group and other lose their bits, the owner's are kept — a file the user made read-only
 * (0444, 0400) stays read-only (0400) and is then opened read-only (db/open.ts), never made
 * writable. SQLite's own -wal and -shm follow the main file: owner-only and writable while it is
 * writable (a read-only open may have left them 0400), only tightened while it is not.
 */
export function ensureOwnerOnlyFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', OWNER_ONLY));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tightenToOwner(file);
  const writable = writeProtectionOf(file) === undefined;
  for (const f of [`${file}-wal`, `${file}-shm`]) {
    if (writable) restrictToOwner(f);
    else tightenToOwner(f);
  }
}

/**
 * Why this process cannot write the existing file, or undefined if it can (or the file does not
 * exist). `mode`: the owner's write bit is off (chmod a-w, or "Skrivskyddad" on Windows, which
 * Node reports the same way) — decided by the bits, not by access(2), so it holds for root too.
 * `access`: the bits allow it but the system does not (another account's file, a read-only mount).
 */
export function writeProtectionOf(file: string): 'mode' | 'access' | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if ((stat.mode & 0o200) === 0) return 'mode';
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'access';
  }
  return undefined;
}

/** chmod 600 on POSIX, for files SQLite creates itself; a file we do not own or that is gone is left as it is. */
export function restrictToOwner(file: string): void {
  chmodIfOwned(file, () => OWNER_ONLY);
}

/** Clears group and other bits (and the owner's execute bit), keeping whether the owner may read and write. */
export function tightenToOwner(file: string): void {
  chmodIfOwned(file, (mode) => mode & OWNER_ONLY);
}

function chmodIfOwned(file: string, target: (mode: number) => number): void {
  if (!POSIX) return;
  try {
    const stat = fs.statSync(file);
    const mode = stat.mode & 0o777;
    // A folder or device given as the database is SQLite's to refuse, not ours to change.
    if (stat.isFile() && target(mode) !== mode) fs.chmodSync(file, target(mode));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM' && code !== 'EROFS') throw error;
  }
}

/** fsync of a file, and of its folder after a rename, so a copy the user is told about survives a power cut. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFolder(folder: string): void {
  if (!POSIX) return; // Windows cannot open a folder for fsync; NTFS journals the rename itself
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
