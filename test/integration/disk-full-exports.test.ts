import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/main';
import { approvedPackage, packageFolderProblems } from '../support/approved-package';
import type { TestCore } from '../support/core';
import { textSink } from '../support/text-sink';

/*
 * Issue 16: on a full disk, 2 of 5 export messages said only "Ett oväntat fel inträffade". Every
 * export the CLI writes — the board package as a folder (creating its hidden folder, each file in
 * it, the rename) or a zip, the memo and Bilaga 1, results as xlsx, a template, the answers — now
 * names the full disk, the file or folder and where it is, and leaves nothing behind. A failing
 * call stands in for the file system anywhere; a small tmpfs makes the disk really full where this
 * process may mount one (root on Linux), once full of bytes and once out of inodes.
 */

const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const failure = (code: string, syscall: string, file?: string) => Object.assign(new Error(`${code}: no space left on device, ${syscall}`), { code, syscall, ...(file ? { path: file } : {}) });

let fixture: { core: TestCore; reviewId: string };
beforeAll(async () => {
  fixture = await approvedPackage({ appendices: 1 });
  fixture.core.close();
}, 120_000);
afterAll(() => fs.rmSync(fixture.core.dir, { recursive: true, force: true }));

async function granska(args: string[]): Promise<{ code: number; stderr: string }> {
  const err = textSink();
  const code = await runCli(['--db', fixture.core.dbPath, ...args], { stdout: textSink().stream, stderr: err.stream, env: {}, cwd: fixture.core.dir });
  return { code, stderr: err.text() };
}
const packageTo = (target: string) => granska(['package', fixture.reviewId, '--out', target]);

/** The message for the package folder `target` that did not fit, for the full-disk kind. */
function expectPackageFull(stderr: string, target: string, kind: 'full' | 'quota' = 'full'): void {
  const start = kind === 'full' ? `^Fel: Disken är full: nämndpaketet ${esc(target)} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(path.dirname(target))}\\.` : `^Fel: Ditt lagringsutrymme är slut: nämndpaketet ${esc(target)} kunde inte skrivas i mappen ${esc(path.dirname(target))}, eftersom kontots diskkvot är förbrukad\\.`;
  expect(stderr).toMatch(new RegExp(start));
  expect(stderr).toContain('ingen halvfärdig kopia finns kvar. Frigör utrymme');
  expect(stderr).not.toMatch(/oväntat|ENOSPC|EDQUOT|\.tmp/);
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-full-exports-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('anywhere, with a failing call standing in for the full disk', () => {
  it('the package folder: creating its hidden folder, writing a file in it (ENOSPC, EDQUOT) or the rename — each names the package and the folder, and nothing is left', async () => {
    const target = path.join(dir, 'nämndpaket');
    const mkdir = fs.mkdirSync;
    const cases: [string, () => void, 'full' | 'quota'][] = [
      ['mkdir', () => vi.spyOn(fs, 'mkdirSync').mockImplementation(((file: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
        if (String(file).endsWith('.tmp')) throw failure('ENOSPC', 'mkdir', String(file));
        return mkdir(file, options);
      }) as typeof fs.mkdirSync), 'full'],
      ['write', () => vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => { throw failure('ENOSPC', 'write'); }), 'full'],
      ['write (quota)', () => vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => { throw failure('EDQUOT', 'write'); }), 'quota'],
      ['rename', () => vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => { throw failure('ENOSPC', 'rename'); }), 'full'],
    ];
    for (const [what, fail, kind] of cases) {
      fail();
      const run = await packageTo(target);
      vi.restoreAllMocks();
      expect(run.code, what).toBe(1);
      expectPackageFull(run.stderr, target, kind);
      expect(run.stderr, what).toContain(`Inget har skrivits: mappen ${target} har inte skapats`);
      expect(fs.readdirSync(dir), what).toEqual([]);
    }
    // An empty folder named as the target stays, empty.
    fs.mkdirSync(target);
    vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => { throw failure('ENOSPC', 'write'); });
    const run = await packageTo(target);
    expectPackageFull(run.stderr, target);
    expect(run.stderr).toContain(`Inget har skrivits: mappen ${target} är tom som förut`);
    expect(fs.readdirSync(dir)).toEqual(['nämndpaket']);
    expect(fs.readdirSync(target)).toEqual([]);
    vi.restoreAllMocks();
    // With room again, the same command writes the package.
    expect((await packageTo(target)).code).toBe(0);
    expect(packageFolderProblems(target)).toEqual([]);
  });

  it('the memo and Bilaga 1: a new --out folder that cannot be created names the full disk; a full disk at the second file leaves neither', async () => {
    const out = path.join(dir, 'ut');
    const mkdir = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation(((file: fs.PathLike, options?: fs.MakeDirectoryOptions) => {
      if (String(file) === out) throw failure('ENOSPC', 'mkdir', out);
      return mkdir(file, options);
    }) as typeof fs.mkdirSync);
    const noFolder = await granska(['report', fixture.reviewId, '--out', out]);
    vi.restoreAllMocks();
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(new RegExp(`^Fel: Disken är full: mappen ${esc(out)} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(dir)}\\. Inget har skrivits\\.`));
    expect(fs.readdirSync(dir)).toEqual([]);

    const write = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync')
      .mockImplementationOnce(write)
      .mockImplementationOnce(() => {
        throw failure('ENOSPC', 'write');
      });
    const second = await granska(['report', fixture.reviewId, '--out', out]);
    vi.restoreAllMocks();
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^Fel: Disken är full: filen ${esc(out)}/Bilaga 1 – .*\\.docx kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(out)}\\.`));
    expect(second.stderr).not.toMatch(/oväntat|ENOSPC|\.tmp/);
    // Neither file, and not the folder the command created either.
    expect(fs.readdirSync(dir)).toEqual([]);
    // Into a folder that was there: it stays, empty.
    fs.mkdirSync(out);
    vi.spyOn(fs, 'writeFileSync')
      .mockImplementationOnce(write)
      .mockImplementationOnce(() => {
        throw failure('ENOSPC', 'write');
      });
    expect((await granska(['report', fixture.reviewId, '--out', out])).code).toBe(1);
    vi.restoreAllMocks();
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a full disk no command words itself (here: flushing the folder after the rename) still names the full disk and the folder, never "Ett oväntat fel"', async () => {
    const target = path.join(dir, 'nämndpaket');
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      if (String(file) === dir && flags === 'r') throw failure('ENOSPC', 'fsync', `${dir}/x`);
      return open(file, flags, mode);
    }) as typeof fs.openSync);
    const run = await packageTo(target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Fel: Disken är full: kommandots resultat kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(dir)}\\. Kommandot avbröts`));
    expect(run.stderr).not.toMatch(/oväntat|ENOSPC/);
  });
});

/** A tmpfs at `at` with these mount options, or false where this process may not mount one. */
function mountTmpfs(at: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  fs.mkdirSync(at, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the file system at `folder` up to the last byte. */
function fill(folder: string): void {
  const { bavail, bsize } = fs.statfsSync(folder);
  if (bavail > 0) fs.writeFileSync(path.join(folder, 'fyllnad.bin'), Buffer.alloc(bavail * bsize));
}

/** Uses up every inode of the file system at `folder`: no new file or folder fits, however small. */
function exhaustInodes(folder: string): void {
  for (let i = 0; i < 100_000; i++) {
    try {
      fs.writeFileSync(path.join(folder, `i${i}`), '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
  throw new Error('the inodes did not run out');
}

const empty = (folder: string) => {
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
};

const small = path.join(os.tmpdir(), `granska-tmpfs-exports-${process.pid}`);
const fewInodes = path.join(os.tmpdir(), `granska-tmpfs-inodes-${process.pid}`);
const mounted = mountTmpfs(small, `size=${4 * 1024 * 1024}`);
const mountedInodes = mountTmpfs(fewInodes, 'size=4m,nr_inodes=64');
afterAll(() => {
  for (const [at, is] of [[small, mounted], [fewInodes, mountedInodes]] as const) {
    if (is) execFileSync('umount', [at]);
    fs.rmSync(at, { recursive: true, force: true });
  }
});

describe.skipIf(!mounted)('on a real full disk (a 4 MB tmpfs; needs root on Linux)', () => {
  afterEach(() => empty(small));

  it('the package as a folder and as a zip: exit 1, the full disk named, nothing written', async () => {
    fill(small);
    const target = path.join(small, 'nämndpaket');
    const run = await packageTo(target);
    expect(run.code).toBe(1);
    expectPackageFull(run.stderr, target);
    const zip = path.join(small, 'nämndpaket.zip');
    const asZip = await packageTo(zip);
    expect(asZip.code).toBe(1);
    expect(asZip.stderr).toMatch(new RegExp(`^Fel: Disken är full: filen ${esc(zip)} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(small)}\\.`));
    expect(fs.readdirSync(small)).toEqual(['fyllnad.bin']);
  });

  it('the memo and Bilaga 1, results as xlsx, a template, the answers: each names the full disk and its file, and leaves nothing', async () => {
    fill(small);
    const runs: [string, string[]][] = [
      [path.join(small, 'Tjänsteutlåtande'), ['report', fixture.reviewId, '--out', small]],
      [path.join(small, 'resultat.xlsx'), ['results', fixture.reviewId, '--format', 'xlsx', '--out', path.join(small, 'resultat.xlsx')]],
      [path.join(small, 'mall.json'), ['template', 'export', 'oppenvard-barn-0-12', '--out', path.join(small, 'mall.json')]],
      [path.join(small, 'svar.csv'), ['answers', 'export', fixture.reviewId, '--out', path.join(small, 'svar.csv')]],
    ];
    for (const [file, args] of runs) {
      const run = await granska(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(new RegExp(`^Fel: Disken är full: filen ${esc(file)}.* kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(small)}\\.`));
      expect(run.stderr).not.toMatch(/oväntat|ENOSPC|\.tmp/);
      expect(fs.readdirSync(small), args.join(' ')).toEqual(['fyllnad.bin']);
    }
  });
});

describe.skipIf(!mountedInodes)('on a real disk out of inodes (a tmpfs with 64; needs root on Linux)', () => {
  afterEach(() => empty(fewInodes));

  it('the package folder whose hidden folder cannot be created, and a new --out folder, name the full disk', async () => {
    exhaustInodes(fewInodes);
    const before = fs.readdirSync(fewInodes).sort();
    const target = path.join(fewInodes, 'nämndpaket');
    const run = await packageTo(target);
    expect(run.code).toBe(1);
    expectPackageFull(run.stderr, target);
    const out = path.join(fewInodes, 'ut');
    const report = await granska(['report', fixture.reviewId, '--out', out]);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(new RegExp(`^Fel: Disken är full: mappen ${esc(out)} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${esc(fewInodes)}\\.`));
    expect(fs.readdirSync(fewInodes).sort()).toEqual(before);
  });
});
