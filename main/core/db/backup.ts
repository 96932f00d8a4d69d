import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OWNER_ONLY, restrictToOwner, syncFile, syncFolder } from './file-mode';
import { passesIntegrityCheck } from './integrity';
import { readUserVersion } from './user-version';

const PARTIAL = '.partial-';

/**
 * Takes the copy made before a migration so that only a complete, checked copy ever carries the
 * final name: VACUUM INTO a temporary owner-only file, open it read-only and check it
 * (integrity_check, the schema version we copied), fsync, rename, fsync the folder. A process
 * killed half-way leaves at most `<name>.partial-<pid>`, which the next backup removes.
 */
export function takeVerifiedBackup(db: Database.Database, file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-v${fromVersion}-${stamp}.sqlite`;
  removeAbandonedPartials(file);
  const partial = `${target}${PARTIAL}${process.pid}`;
  // VACUUM INTO accepts an existing empty file and keeps its mode: the copy is never readable by others, not even briefly.
  fs.closeSync(fs.openSync(partial, 'wx', OWNER_ONLY));
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    restrictToOwner(partial);
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    try {
      if (!passesIntegrityCheck(copy)) throw new Error(`backup ${partial} failed integrity_check`);
      const version = readUserVersion(copy);
      if (version !== fromVersion) throw new Error(`backup ${partial} has schema version ${version}, expected ${fromVersion}`);
    } finally {
      copy.close();
    }
    syncFile(partial);
    fs.renameSync(partial, target);
    syncFolder(path.dirname(path.resolve(target)));
    return target;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Partial copies of this database left by a process that no longer runs. */
function removeAbandonedPartials(file: string): void {
  const folder = path.dirname(path.resolve(file));
  const prefix = `${path.basename(file)}.backup-`;
  for (const name of fs.readdirSync(folder)) {
    const at = name.lastIndexOf(PARTIAL);
    if (!name.startsWith(prefix) || at === -1) continue;
    const pid = Number(name.slice(at + PARTIAL.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
