import fs from 'node:fs';
import path from 'node:path';

/*
 * Every atomic write (files.ts's writeFileAtomic, the board package written as a folder) works under
 * a hidden name beside its target, `.<name>.<pid>.<12 hex>.tmp`, and renames it into place at the
 * end. A process killed before the rename (kill -9, a power cut, a crash) leaves that temporary
 * behind, and nothing else would ever remove it. The next write to the same target removes such
 * leftovers here — only those of exactly that target, only those whose process no longer runs.
 */

/** At most this many names in the target's folder are looked at: a huge folder costs a bounded time. */
export const MAX_NAMES_EXAMINED = 10_000;
/** At most this many entries inside a leftover temporary folder (a package has far fewer files). */
const MAX_FOLDER_ENTRIES = 10_000;

const SUFFIX = /^(\d{1,10})\.[0-9a-f]{12}\.tmp$/;

/** The pid in `name` if it is a temporary of `basename` as temporaryNameBeside makes them, else undefined. */
export function temporaryPidOf(name: string, basename: string): number | undefined {
  const prefix = `.${basename}.`;
  if (!name.startsWith(prefix)) return undefined;
  const match = SUFFIX.exec(name.slice(prefix.length));
  if (!match) return undefined;
  const pid = Number(match[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * True only when no process with this pid exists (ESRCH). A process of another account (EPERM),
 * or any answer we do not understand, counts as running: a temporary is removed only when its
 * writer is certainly gone.
 */
export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the temporaries left beside `target` by processes that no longer run; returns their
 * names. Our own pid's are left alone (another write in this process may be under way), and so is
 * anything that is not a plain file or folder owned by this account: each name is lstat'ed, a
 * symbolic link is never followed, and a leftover folder is emptied only of files (one holding a
 * folder is left as it is). Every failure is ignored: tidying must never stop the write it precedes.
 */
export function removeStaleTemporaries(target: string): string[] {
  const resolved = path.resolve(target);
  const folder = path.dirname(resolved);
  const basename = path.basename(resolved);
  const removed: string[] = [];
  let dir: fs.Dir;
  try {
    dir = fs.opendirSync(folder);
  } catch {
    return removed;
  }
  const candidates: string[] = [];
  try {
    for (let examined = 0; examined < MAX_NAMES_EXAMINED; examined++) {
      const entry = dir.readSync();
      if (entry === null) break;
      const pid = temporaryPidOf(entry.name, basename);
      if (pid !== undefined && pid !== process.pid && processIsGone(pid)) candidates.push(entry.name);
    }
  } catch {
    // A folder that cannot be read further: tidy what was found.
  } finally {
    try {
      dir.closeSync();
    } catch {
      // Already closed.
    }
  }
  for (const name of candidates) {
    if (removeOwned(path.join(folder, name))) removed.push(name);
  }
  return removed;
}

/** Removes a regular file, or a folder of regular files, owned by this account; false if left alone. */
function removeOwned(file: string): boolean {
  try {
    const stat = fs.lstatSync(file);
    if (!ownedByUs(stat)) return false;
    if (stat.isFile()) {
      fs.unlinkSync(file);
      return true;
    }
    if (!stat.isDirectory()) return false;
    const names = listFlatFolder(file);
    if (names === undefined) return false;
    // The same folder as lstat'ed (not replaced by a link meanwhile) before anything in it is removed.
    const again = fs.lstatSync(file);
    if (!again.isDirectory() || again.ino !== stat.ino || again.dev !== stat.dev) return false;
    // unlink removes a symbolic link itself, never what it points to.
    for (const name of names) fs.unlinkSync(path.join(file, name));
    fs.rmdirSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The names in a folder holding no folders, or undefined if it holds one or too many entries. */
function listFlatFolder(folder: string): string[] | undefined {
  const dir = fs.opendirSync(folder);
  const names: string[] = [];
  try {
    for (;;) {
      const entry = dir.readSync();
      if (entry === null) return names;
      // lstat, not the entry's type: some file systems do not report it.
      if (names.length >= MAX_FOLDER_ENTRIES || fs.lstatSync(path.join(folder, entry.name)).isDirectory()) return undefined;
      names.push(entry.name);
    }
  } finally {
    dir.closeSync();
  }
}

function ownedByUs(stat: fs.Stats): boolean {
  const uid = process.getuid?.();
  // Windows has no uids (stat.uid is 0); its ACLs already keep other accounts' files out of reach.
  return uid === undefined || stat.uid === uid;
}
