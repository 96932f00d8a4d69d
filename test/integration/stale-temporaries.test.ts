import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/files';
import { processIsGone, removeStaleTemporaries, temporaryPidOf } from '../../main/core/stale-temporaries';
import { approvedPackage, packageFolderProblems } from '../support/approved-package';
import { granska } from '../support/cli';
import type { TestCore } from '../support/core';

/*
 * Issue 16: a kill during `granska package --out <mapp>` left its hidden temporary folder
 * (`.<mapp>.<pid>.<hex>.tmp`) beside the target, and no later run removed it. Now every atomic
 * write first removes the temporaries of the same target whose process is gone — and nothing else.
 */

/** A pid that certainly ran and has ended (spawnSync waits for the child and reaps it). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
const hex = (n: number) => n.toString(16).padStart(12, '0');
const temporary = (target: string, pid: number, n: number) => path.join(path.dirname(target), `.${path.basename(target)}.${pid}.${hex(n)}.tmp`);

function temporaryFolder(target: string, pid: number, n: number, files = ['Tjänsteutlåtande.docx', 'manifest.json']): string {
  const folder = temporary(target, pid, n);
  fs.mkdirSync(folder, { mode: 0o700 });
  for (const name of files) fs.writeFileSync(path.join(folder, name), 'halvskrivet');
  return folder;
}

let dir: string;
let sleeper: ChildProcess;
beforeAll(() => {
  // A live process of this account, as another granska would be while it writes.
  sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
});
afterAll(() => {
  sleeper.kill('SIGKILL');
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-stale-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the temporary names and the process check', () => {
  it('reads the pid only from a temporary of exactly that target', () => {
    expect(temporaryPidOf('.paket.123.0a1b2c3d4e5f.tmp', 'paket')).toBe(123);
    expect(temporaryPidOf('.paket.zip.123.0a1b2c3d4e5f.tmp', 'paket.zip')).toBe(123);
    for (const other of ['.paket.zip.123.0a1b2c3d4e5f.tmp', '.paket2.123.0a1b2c3d4e5f.tmp', '.paket.123.0a1b2c3d4e5.tmp', '.paket.123.0A1B2C3D4E5F.tmp', '.paket.x.0a1b2c3d4e5f.tmp', '.paket.123.0a1b2c3d4e5f.tmp.bak', 'paket.123.0a1b2c3d4e5f.tmp', '.paket.0.0a1b2c3d4e5f.tmp', '.paket.1.2.0a1b2c3d4e5f.tmp']) {
      expect(temporaryPidOf(other, 'paket'), other).toBeUndefined();
    }
  });

  it('counts a process as gone only when it does not exist', () => {
    expect(processIsGone(process.pid)).toBe(false);
    expect(processIsGone(sleeper.pid!)).toBe(false);
    expect(processIsGone(deadPid())).toBe(true);
    // pid 1 belongs to another account when the tests are not run as root (EPERM): running, so kept.
    expect(processIsGone(1)).toBe(false);
  });
});

describe('removeStaleTemporaries', () => {
  it('removes a dead process’s temporary folder and file beside the target, and keeps everything else', () => {
    const target = path.join(dir, 'paket');
    const dead = deadPid();
    const deadFolder = temporaryFolder(target, dead, 1);
    const deadFile = temporary(target, dead, 2);
    fs.writeFileSync(deadFile, 'halvskrivet');
    const emptyDead = temporaryFolder(target, dead, 3, []);
    const live = temporaryFolder(target, sleeper.pid!, 4);
    const ours = temporaryFolder(target, process.pid, 5);
    const otherTarget = temporaryFolder(path.join(dir, 'paket2'), dead, 6);
    const nested = temporaryFolder(target, dead, 7);
    fs.mkdirSync(path.join(nested, 'undermapp'));
    // A link named like a temporary: never followed, never removed (nor what it points to).
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-outside-'));
    fs.writeFileSync(path.join(outside, 'viktig.txt'), 'rör ej');
    const link = temporary(target, dead, 8);
    fs.symlinkSync(outside, link);
    const unrelated = path.join(dir, 'annat.txt');
    fs.writeFileSync(unrelated, 'rör ej');
    try {
      const removed = removeStaleTemporaries(target);
      expect(removed.sort()).toEqual([deadFolder, deadFile, emptyDead].map((f) => path.basename(f)).sort());
      for (const gone of [deadFolder, deadFile, emptyDead]) expect(fs.existsSync(gone), gone).toBe(false);
      for (const kept of [live, ours, otherTarget, nested, unrelated]) expect(fs.existsSync(kept), kept).toBe(true);
      expect(fs.readdirSync(live).sort()).toEqual(['Tjänsteutlåtande.docx', 'manifest.json']);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(outside, 'viktig.txt'), 'utf8')).toBe('rör ej');
      // Nothing left to do the second time.
      expect(removeStaleTemporaries(target)).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)('keeps a dead process’s temporary owned by another account (needs root to make one)', () => {
    const target = path.join(dir, 'paket');
    const foreign = temporaryFolder(target, deadPid(), 1);
    fs.chownSync(foreign, 4242, 4242);
    expect(removeStaleTemporaries(target)).toEqual([]);
    expect(fs.existsSync(foreign)).toBe(true);
  });

  it('takes a folder that does not exist as nothing to do', () => {
    expect(removeStaleTemporaries(path.join(dir, 'finns-inte', 'paket'))).toEqual([]);
  });
});

describe('every atomic export tidies first', () => {
  it('writeFileAtomic removes a dead process’s temporary of the same file and keeps a live one’s', () => {
    const target = path.join(dir, 'resultat.xlsx');
    const dead = temporary(target, deadPid(), 1);
    const live = temporary(target, sleeper.pid!, 2);
    fs.writeFileSync(dead, 'halv');
    fs.writeFileSync(live, 'pågår');
    writeFileAtomic(target, 'nytt');
    expect(fs.readFileSync(target, 'utf8')).toBe('nytt');
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'resultat.xlsx'].sort());
  });
});

describe('granska package --out <mapp> after a killed run', () => {
  let fixture: { core: TestCore; reviewId: string };
  beforeAll(async () => {
    fixture = await approvedPackage();
    fixture.core.close();
  }, 120_000);
  afterAll(() => fs.rmSync(fixture.core.dir, { recursive: true, force: true }));

  it('removes the temporary folder a dead run left, keeps a running one’s, and writes the package', { timeout: 120_000 }, () => {
    const target = path.join(dir, 'nämndpaket');
    const dead = temporaryFolder(target, deadPid(), 1);
    const live = temporaryFolder(target, sleeper.pid!, 2);
    const run = granska(['--db', fixture.core.dbPath, 'package', fixture.reviewId, '--out', target]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(packageFolderProblems(target)).toEqual([]);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.readdirSync(live).sort()).toEqual(['Tjänsteutlåtande.docx', 'manifest.json']);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'nämndpaket'].sort());
    // A rerun into the written package is refused, and still tidies: a dead run's temporary is gone again.
    const again = temporaryFolder(target, deadPid(), 3);
    const refused = granska(['--db', fixture.core.dbPath, 'package', fixture.reviewId, '--out', target]);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('finns redan och är inte en tom mapp') });
    expect(fs.existsSync(again)).toBe(false);
    expect(packageFolderProblems(target)).toEqual([]);
  });
});
