import fs from 'node:fs';

/** Children's case data: the database and every copy of it are for the owner's eyes only. */
export const OWNER_ONLY = 0o600;
const POSIX = process.platform !== 'win32';

/**
 * Creates the file empty and owner-only if it does not exist yet, before SQLite opens it:
 * SQLite gives -wal and -shm the main file's mode, so they are owner-only as well. An existing
 * file is tightened where we own it (files from before this rule were created with the umask).
 */
export function ensureOwnerOnlyFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', OWNER_ONLY));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) restrictToOwner(f);
}

/** chmod 600 on POSIX, for files SQLite creates itself; a file we do not own or that is gone is left as it is. */
export function restrictToOwner(file: string): void {
  if (!POSIX) return;
  try {
    fs.chmodSync(file, OWNER_ONLY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
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
