import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/core';
import { keyFileText, markerPath } from '../../main/core/cases/key-file';
import { granska } from '../support/cli';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';

// Only Skatteverket's published test numbers.
const BOY = '20170101-2393';
const GIRL = '20190408-2383';
const CSV = `akt;personnummer;enhet\nAKT-1;${BOY};Enhet A\nAKT-2;${GIRL};Enhet B\n`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

let core: TestCore;
let reviewId: string;
beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Test', referenceDate: '2024-12-31' }));
});
afterEach(() => core.dispose());

const importInput = (keyFile?: string) => ({ reviewId, contentBase64: b64(CSV), pseudonymise: true, ...(keyFile ? { keyFile } : {}) });
const caseCount = () => (core.db.prepare('SELECT count(*) AS n FROM case_file').get() as { n: number }).n;
const hiddenLeftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.'));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** A core on another file in the same folder, whose unexpected errors are data (not test failures). */
function plainCore(file: string): Core {
  return createCore({ dbPath: file, now: () => FIXED_NOW, logError: () => {} });
}

describe('the pseudonymisation key', () => {
  it('is complete on disk before the first case is written, and names the codes the cases got', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    // SQLite asks this function on every case insert: the key must already be complete then.
    core.db.function('key_complete', () => (fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8').split('\r\n').length === 4 ? 1 : 0));
    core.db.exec(`CREATE TEMP TRIGGER key_first BEFORE INSERT ON case_file WHEN key_complete() = 0 BEGIN SELECT RAISE(ABORT, 'key missing'); END`);
    const result = await core.call('cases.import', importInput(keyFile));
    expect(result).toMatchObject({ imported: 2, keyFile });
    const lines = fs.readFileSync(keyFile, 'utf8').split('\r\n');
    expect(lines[0]).toBe('kod;akt');
    expect(lines.slice(1, 3).map((l) => l.split(';')[1])).toEqual(['AKT-1', 'AKT-2']);
    const { cases } = await core.call('cases.list', { reviewId });
    expect(cases.map((c) => c.ref).sort()).toEqual(lines.slice(1, 3).map((l) => l.split(';')[0]).sort());
    if (process.platform !== 'win32') expect(mode(keyFile)).toBe(0o600);
    expect(hiddenLeftovers(core.dir)).toEqual([]);
  });

  it('is removed again when the commit fails, so no key exists for cases that were never stored', async () => {
    const db = path.join(core.dir, 'fails.sqlite');
    const other = plainCore(db);
    try {
      const created = (await other.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Fel', referenceDate: '2024-12-31' })) as { ok: true; value: { id: string } };
      const id = created.value.id;
      other.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON case_file WHEN NEW.unit = 'Enhet B' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      const keyFile = path.join(core.dir, 'kodnyckel.csv');
      const result = await other.dispatch('cases.import', { reviewId: id, contentBase64: b64(CSV), pseudonymise: true, keyFile });
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(fs.existsSync(keyFile)).toBe(false);
      expect(fs.existsSync(markerPath(keyFile))).toBe(false);
      expect((other.db.prepare('SELECT count(*) AS n FROM case_file').get() as { n: number }).n).toBe(0);
    } finally {
      other.close();
    }
  });

  it('never overwrites an existing file that is not the leftover of an interrupted import', async () => {
    const keyFile = path.join(core.dir, 'viktigt.csv');
    fs.writeFileSync(keyFile, 'annat innehåll\n');
    const error = await core.fails('cases.import', importInput(keyFile));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Kodnyckelfilen ${keyFile} finns redan och skrivs inte över. Välj ett annat filnamn. Inget importerades.`);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe('annat innehåll\n');
    expect(caseCount()).toBe(0);
    expect(hiddenLeftovers(core.dir)).toEqual([]);
  });

  it('never overwrites the real key of committed cases, even with a stale marker beside it', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    await core.call('cases.import', importInput(keyFile));
    const before = fs.readFileSync(keyFile, 'utf8');
    // As if killed between the commit and the marker's removal.
    fs.writeFileSync(markerPath(keyFile), `${JSON.stringify({ database: fs.realpathSync(core.dbPath) })}\n`);
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Två', referenceDate: '2024-12-31' });
    const error = await core.fails('cases.import', { ...importInput(keyFile), reviewId: id });
    expect(error.code).toBe('CONFLICT');
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(before);
  });

  it('never overwrites the key of another workbench, whose codes this one does not know', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    const otherDb = path.join(core.dir, 'annan.sqlite');
    const other = plainCore(otherDb);
    try {
      const created = (await other.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Annan', referenceDate: '2024-12-31' })) as { ok: true; value: { id: string } };
      expect(await other.dispatch('cases.import', { reviewId: created.value.id, contentBase64: b64(CSV), pseudonymise: true, keyFile })).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
    const before = fs.readFileSync(keyFile, 'utf8');
    expect((await core.fails('cases.import', importInput(keyFile))).code).toBe('CONFLICT');
    // Even an interrupted import of the other workbench is its business, not this one's.
    fs.writeFileSync(markerPath(keyFile), `${JSON.stringify({ database: fs.realpathSync(otherDb) })}\n`);
    expect((await core.fails('cases.import', importInput(keyFile))).code).toBe('CONFLICT');
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(before);
  });

  it('replaces the leftover of an interrupted import into this workbench, so the retry is never blocked', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    // The state a kill between writing the key and committing the cases leaves behind.
    fs.writeFileSync(keyFile, keyFileText([{ code: 'A-GAMMALKOD001', ref: 'AKT-1' }, { code: 'A-GAMMALKOD002', ref: 'AKT-2' }]));
    fs.writeFileSync(markerPath(keyFile), `${JSON.stringify({ database: fs.realpathSync(core.dbPath) })}\n`);
    // …and a half-written temporary of a process that is gone.
    const deadTemporary = path.join(core.dir, '.kodnyckel.csv.999999999.0123456789ab.tmp');
    fs.writeFileSync(deadTemporary, 'kod;akt\r\nA-HALV;AKT');
    const result = await core.call('cases.import', importInput(keyFile));
    expect(result.imported).toBe(2);
    const text = fs.readFileSync(keyFile, 'utf8');
    expect(text).not.toContain('GAMMALKOD');
    const { cases } = await core.call('cases.list', { reviewId });
    expect(text.split('\r\n').slice(1, 3).map((l) => l.split(';')[0]).sort()).toEqual(cases.map((c) => c.ref).sort());
    expect(hiddenLeftovers(core.dir)).toEqual([]);
  });

  it('replaces an empty file (what the old CLI left when killed), since nothing in it can be lost', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    fs.writeFileSync(keyFile, '');
    expect((await core.call('cases.import', importInput(keyFile))).imported).toBe(2);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^kod;akt\r\nA-/);
  });

  it('goes to a new owner-only file in Kodnycklar/ beside the database when no file is named (browser mode)', async () => {
    const first = await core.call('cases.import', importInput());
    const folder = path.join(core.dir, 'Kodnycklar');
    expect(first.keyFile).toBe(path.join(folder, `kodnyckel-${reviewId}-${localStamp(FIXED_NOW)}.csv`));
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Två', referenceDate: '2024-12-31' });
    const sameSecond = await core.call('cases.import', { ...importInput(), reviewId: id });
    expect(path.dirname(sameSecond.keyFile!)).toBe(folder);
    expect(sameSecond.keyFile).not.toBe(first.keyFile);
    expect(fs.readFileSync(first.keyFile!, 'utf8')).toMatch(/^kod;akt\r\n/);
    if (process.platform !== 'win32') {
      expect(mode(folder)).toBe(0o700);
      expect(mode(first.keyFile!)).toBe(0o600);
    }
  });

  it('refuses a relative path, a missing folder, and a key file without pseudonymisation — before anything is written', async () => {
    expect(await core.fails('cases.import', importInput('kodnyckel.csv'))).toMatchObject({ code: 'VALIDATION', issues: [{ path: '$.keyFile' }] });
    const missing = path.join(core.dir, 'finns-inte', 'kodnyckel.csv');
    expect((await core.fails('cases.import', importInput(missing))).message).toBe(`Kodnyckeln kan inte skrivas till ${missing}: mappen finns inte. Inget importerades.`);
    expect((await core.fails('cases.import', { reviewId, contentBase64: b64(CSV), keyFile: path.join(core.dir, 'k.csv') })).code).toBe('VALIDATION');
    expect(caseCount()).toBe(0);
    // A preview writes no key.
    await core.call('cases.import', { ...importInput(path.join(core.dir, 'k.csv')), dryRun: true });
    expect(fs.existsSync(path.join(core.dir, 'k.csv'))).toBe(false);
  });
});

describe('granska cases import --pseudonymise --key-out', () => {
  it('names the key file, refuses to overwrite it on a second run, and retries over an interrupted run’s leftover', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--reference-date', '2024-12-31', '--json']).stdout);
    const list = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(list, CSV);
    // What the previous CLI left when killed: an empty reserved file that blocked every retry.
    fs.writeFileSync(path.join(core.dir, 'nyckel.csv'), '');
    const run = granska(['--db', db, 'cases', 'import', id, 'lista.csv', '--pseudonymise', '--key-out', 'nyckel.csv'], { cwd: core.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const keyFile = path.join(fs.realpathSync(core.dir), 'nyckel.csv');
    expect(run.stdout).toContain(`Kodnyckeln skrevs till ${path.join(core.dir, 'nyckel.csv')}. Förvara den säkert; den finns inte i databasen.`);
    expect(fs.readFileSync(keyFile, 'utf8').split('\r\n')).toHaveLength(4);

    const again = granska(['--db', db, 'cases', 'import', id, list, '--pseudonymise', '--key-out', keyFile, '--on-existing', 'skip']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Kodnyckelfilen .*nyckel\.csv finns redan och skrivs inte över/);
    expect(JSON.parse(granska(['--db', db, 'cases', 'list', id, '--json']).stdout)).toHaveLength(2);
  }, 90_000);
});

function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
