import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/main';
import { createCore, type Core } from '../../main/core/core';
import { migrations } from '../../main/core/db/migrations';
import { openDatabase } from '../../main/core/db/open';
import { DomainError } from '../../main/core/errors';
import { writeFileAtomic } from '../../main/core/files';
import { FIXED_NOW } from '../support/core';
import { textSink } from '../support/text-sink';

/**
 * A full disk, wherever something is written: the database (SQLITE_FULL), a file export
 * (ENOSPC under its temporary name), the copy taken before a migration. Real where this process
 * may mount a small tmpfs (root on Linux); otherwise SQLite's own page limit stands in for the
 * database and a failing write for the file system, so the wording is checked everywhere.
 */

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const caseList = (n: number) => Buffer.from(['akt;enhet;anteckning', ...Array.from({ length: n }, (_, i) => `A${i};Enhet ${i % 3};${'x'.repeat(200)}`)].join('\n')).toString('base64');

async function reviewIn(core: Core): Promise<string> {
  const r = await core.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Full disk', referenceDate: '2024-12-31' });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }).id;
}

const countCases = (core: Core) => core.db.prepare('SELECT COUNT(*) FROM case_file').pluck().get() as number;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-full-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('anywhere, without a small disk at hand', () => {
  it('a database write that does not fit (SQLITE_FULL) names the full disk and its folder, and nothing is changed', async () => {
    const file = path.join(dir, 'db.sqlite');
    const core = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna', logError: () => {} });
    try {
      const reviewId = await reviewIn(core);
      const pages = core.db.pragma('page_count', { simple: true }) as number;
      core.db.pragma(`max_page_count = ${pages + 2}`); // SQLite answers SQLITE_FULL, as on a full disk
      const result = await core.dispatch('cases.import', { reviewId, contentBase64: caseList(2_000) });
      expect(result.ok).toBe(false);
      const error = (result as { error: { code: string; message: string } }).error;
      expect(error.message).toMatch(new RegExp(`^Disken är full: ändringen i databasen ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(error.message).toContain('Inget har ändrats av den här åtgärden. Frigör utrymme');
      expect(error.message).not.toMatch(/oväntat|SQLITE|database or disk is full/);
      expect(countCases(core)).toBe(0);
    } finally {
      core.close();
    }
  });

  it('an export whose write fails with ENOSPC or EDQUOT names the file and folder, leaves no temporary file and keeps the old file', () => {
    const target = path.join(dir, 'resultat.csv');
    fs.writeFileSync(target, 'gammalt innehåll');
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const spy = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
        throw Object.assign(new Error(`${code}: no space left on device, write`), { code, syscall: 'write' });
      });
      let error: unknown;
      try {
        writeFileAtomic(target, 'nytt innehåll');
      } catch (e) {
        error = e;
      }
      spy.mockRestore();
      expect(error).toBeInstanceOf(DomainError);
      const message = (error as DomainError).message;
      expect(message).toMatch(code === 'ENOSPC' ? /^Disken är full: filen .*resultat\.csv kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen / : /^Ditt lagringsutrymme är slut: filen .*resultat\.csv kunde inte skrivas i mappen .*diskkvot/);
      expect(message).toContain(dir);
      expect(message).not.toMatch(/\.tmp|ENOSPC|EDQUOT/);
      expect(fs.readdirSync(dir)).toEqual(['resultat.csv']);
      expect(fs.readFileSync(target, 'utf8')).toBe('gammalt innehåll');
    }
  });
});

/** A tmpfs of `size` bytes at `at`, or undefined where this process may not mount one. */
function mountTmpfs(at: string, size: number): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  fs.mkdirSync(at, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the file system at `folder` up to `leave` bytes free. */
function fill(folder: string, leave: number): void {
  const { bavail, bsize } = fs.statfsSync(folder);
  const free = bavail * bsize;
  if (free > leave) fs.writeFileSync(path.join(folder, 'fyllnad.bin'), Buffer.alloc(free - leave));
}

const small = path.join(os.tmpdir(), `granska-tmpfs-${process.pid}`);
const mounted = mountTmpfs(small, 4 * 1024 * 1024);
afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
  fs.rmSync(small, { recursive: true, force: true });
});

describe.skipIf(!mounted)('on a real full disk (a 4 MB tmpfs; needs root on Linux)', () => {
  beforeAll(() => {
    for (const name of fs.readdirSync(small)) fs.rmSync(path.join(small, name), { recursive: true, force: true });
  });
  afterEach(() => {
    for (const name of fs.readdirSync(small)) fs.rmSync(path.join(small, name), { recursive: true, force: true });
  });

  it('the database: an import that fills the disk is refused naming the folder, and the workbench is as before', async () => {
    const file = path.join(small, 'db.sqlite');
    const core = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna', logError: () => {} });
    try {
      const reviewId = await reviewIn(core);
      fill(small, 256 * 1024);
      const result = await core.dispatch('cases.import', { reviewId, contentBase64: caseList(20_000) });
      expect(result.ok).toBe(false);
      const message = (result as { error: { message: string } }).error.message;
      expect(message).toMatch(/^(Disken är full: ändringen i databasen .* kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen |Ändringen i databasen .* kunde inte skrivas till disken i mappen )/);
      expect(message).toContain(small);
      expect(message).toContain('Inget har ändrats av den här åtgärden.');
      expect(countCases(core)).toBe(0);
      // Room again: the same import goes through.
      fs.rmSync(path.join(small, 'fyllnad.bin'));
      const again = await core.dispatch('cases.import', { reviewId, contentBase64: caseList(200) });
      expect(again.ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('an export through the CLI: exit 1, the full disk and the folder in Swedish, no partial file', async () => {
    const dbFile = path.join(dir, 'db.sqlite');
    const core = createCore({ dbPath: dbFile, now: () => FIXED_NOW, actor: 'Anna' });
    const reviewId = await reviewIn(core);
    await core.dispatch('cases.import', { reviewId, contentBase64: caseList(3_000) });
    core.close();
    fill(small, 0);
    const out = path.join(small, 'svar.csv');
    const err = textSink();
    const code = await runCli(['--db', dbFile, 'answers', 'export', reviewId, '--out', out], { stdout: textSink().stream, stderr: err.stream, env: {}, cwd: dir });
    expect(code).toBe(1);
    expect(err.text()).toMatch(new RegExp(`^Fel: Disken är full: filen ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen ${small.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    expect(err.text()).not.toMatch(/oväntat|ENOSPC/);
    expect(fs.readdirSync(small)).toEqual(['fyllnad.bin']);
  });

  it('the copy taken before a migration: the open is refused naming the backup and the folder, the database unchanged, no partial copy', () => {
    const file = path.join(small, 'gammal.sqlite');
    const old = openDatabase(file, { migrations: migrations.slice(0, 2), now: () => FIXED_NOW });
    old.db.exec(`CREATE TABLE ballast (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO ballast SELECT hex(randomblob(200)) FROM n;`);
    old.db.close();
    fill(small, 64 * 1024);
    const before = sha256(file);
    let error: unknown;
    try {
      openDatabase(file, { now: () => FIXED_NOW, logError: () => {} }).db.close();
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('DB_OPEN_FAILED');
    expect((error as DomainError).message).toMatch(/^(Disken är full: säkerhetskopian som tas av databasen .*gammal\.sqlite innan den uppdateras till den här versionen kunde inte skrivas, eftersom det inte finns plats kvar på enheten med mappen |Säkerhetskopian som tas av databasen .* kunde inte skrivas till disken i mappen )/);
    expect((error as DomainError).message).toContain(small);
    expect((error as DomainError).message).toContain('Databasen har inte ändrats och inte öppnats.');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(small).filter((n) => n.includes('backup'))).toEqual([]);
  });
});
