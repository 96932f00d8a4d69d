import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/core';
import { keyFileText, markerPath } from '../../main/core/cases/key-file';
import { codesDigest } from '../../main/core/cases/key-intent';
import { granska } from '../support/cli';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';
import { ROOT } from '../support/server-process';

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
const pendingRows = (db: Database.Database = core.db) => db.prepare('SELECT key_file AS file, pid FROM pending_key').all() as { file: string; pid: number }[];
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
      expect(pendingRows(other.db)).toEqual([]);
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

/** A core on the same database, as any face opens it next; unexpected errors fail the test. */
function reopen(options: { busyTimeoutMs?: number } = {}): Core {
  return createCore({ dbPath: core.dbPath, now: () => FIXED_NOW, ...options, logError: (method, error) => { throw new Error(`${method}: ${String(error)}`); } });
}

/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

const OLD_KEY = [{ code: 'A-AVBRUTEN001', ref: 'AKT-1' }, { code: 'A-AVBRUTEN002', ref: 'AKT-2' }];

/** What an import killed between publishing its key and committing leaves: the intent, the key and its marker. */
function strandedImport(keyFile: string, options: { lines?: typeof OLD_KEY; pid?: number; importId?: string; writeKey?: boolean; createdAt?: Date } = {}): void {
  const { lines = OLD_KEY, pid = deadPid(), importId = 'import-avbruten', writeKey = true, createdAt = FIXED_NOW } = options;
  core.db.prepare('INSERT INTO pending_key (import_id, key_file, codes_sha256, pid, created_at) VALUES (?, ?, ?, ?, ?)').run(importId, keyFile, codesDigest(lines.map((l) => l.code)), pid, createdAt.toISOString());
  if (!writeKey) return;
  fs.writeFileSync(keyFile, keyFileText(lines));
  fs.writeFileSync(markerPath(keyFile), `${JSON.stringify({ database: fs.realpathSync(core.dbPath), importId })}\n`);
}

/** A real process runs a pseudonymised import and is killed with SIGKILL at its first case insert: after the key is published, before the commit. */
async function importKilledBeforeCommit(keyFile: string): Promise<void> {
  const script = path.join(core.dir, 'killed-import.mts');
  fs.writeFileSync(
    script,
    `import { createCore } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'main', 'core', 'core.ts')).href)};
const [dbPath, reviewId, keyFile, contentBase64] = process.argv.slice(2);
const core = createCore({ dbPath, logError: () => {} });
core.db.function('die', () => (process.kill(process.pid, 'SIGKILL') ? 0 : 0));
core.db.exec('CREATE TEMP TRIGGER die_at_first_case BEFORE INSERT ON case_file BEGIN SELECT die(); END');
const result = await core.dispatch('cases.import', { reviewId, contentBase64, pseudonymise: true, keyFile });
process.stdout.write('not killed: ' + JSON.stringify(result));
`,
  );
  // tsx as a loader in this very process, so the kill hits the process doing the import.
  const loader = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, script, core.dbPath, reviewId, keyFile, b64(CSV)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  expect({ signal, out }).toEqual({ signal: 'SIGKILL', out: '' });
}

describe('the pseudonymisation key after a kill', () => {
  it('is recorded in the database before the key file exists, and forgotten in the same commit as the cases', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    // Another connection sees only what is committed, as a process opening the workbench after a kill would.
    const reader = new Database(core.dbPath, { readonly: true });
    try {
      const seen: string[] = [];
      const committedIntents = () => reader.prepare('SELECT count(*) FROM pending_key').pluck().get();
      core.db.function('observe', (stage) => {
        seen.push(`${String(stage)}: nyckel ${fs.existsSync(keyFile) ? 'finns' : 'saknas'}, sparade avsikter ${committedIntents()}`);
        return 0;
      });
      core.db.exec(`
        CREATE TEMP TRIGGER observe_intent AFTER INSERT ON pending_key BEGIN SELECT observe('avsikt'); END;
        CREATE TEMP TRIGGER observe_case BEFORE INSERT ON case_file BEGIN SELECT observe('akt'); END;
      `);
      await core.call('cases.import', importInput(keyFile));
      expect(seen).toEqual(['avsikt: nyckel saknas, sparade avsikter 0', 'akt: nyckel finns, sparade avsikter 1', 'akt: nyckel finns, sparade avsikter 1']);
      expect(committedIntents()).toBe(0);
      expect(reader.prepare('SELECT count(*) FROM case_file').pluck().get()).toBe(2);
    } finally {
      reader.close();
    }
  });

  it('killed after the key was published and before the commit: once the workbench is opened again the key is gone, wherever the user imports next', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    await importKilledBeforeCommit(keyFile);
    // What the kill left: no cases, but the complete key, its marker and the intent.
    expect(caseCount()).toBe(0);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^kod;akt\r\nA-[0-9A-Z]+;AKT-1\r\nA-[0-9A-Z]+;AKT-2\r\n$/);
    expect(fs.existsSync(markerPath(keyFile))).toBe(true);
    expect(pendingRows()).toEqual([{ file: keyFile, pid: expect.any(Number) }]);

    const next = reopen();
    try {
      expect(fs.existsSync(keyFile)).toBe(false);
      expect(hiddenLeftovers(core.dir)).toEqual([]);
      expect(pendingRows(next.db)).toEqual([]);
      // The user imports again, to another file: that key is the only one.
      const other = path.join(core.dir, 'ny-kodnyckel.csv');
      expect(await next.dispatch('cases.import', importInput(other))).toMatchObject({ ok: true, value: { imported: 2, keyFile: other } });
      expect(fs.readdirSync(core.dir).filter((n) => n.endsWith('.csv'))).toEqual(['ny-kodnyckel.csv']);
    } finally {
      next.close();
    }
  }, 60_000);

  it('on opening removes nothing but the exact key of an import that never committed', async () => {
    // A file of the user's, another key of this workbench (its marker even names the import), and the committed key of an import whose marker removal was killed.
    const foreign = path.join(core.dir, 'annat.csv');
    fs.writeFileSync(foreign, 'annat innehåll\n');
    strandedImport(foreign, { writeKey: false, importId: 'import-1' });
    const otherKey = path.join(core.dir, 'annan-nyckel.csv');
    strandedImport(otherKey, { importId: 'import-2' });
    fs.writeFileSync(otherKey, keyFileText([{ code: 'A-ANNAN001', ref: 'AKT-1' }]));
    const committed = path.join(core.dir, 'kodnyckel.csv');
    await core.call('cases.import', importInput(committed));
    const committedText = fs.readFileSync(committed, 'utf8');
    const committedLines = committedText.trim().split('\r\n').slice(1).map((l) => ({ code: l.split(';')[0], ref: l.split(';')[1] }));
    core.db.prepare('INSERT INTO pending_key (import_id, key_file, codes_sha256, pid, created_at) VALUES (?, ?, ?, ?, ?)').run('import-3', committed, codesDigest(committedLines.map((l) => l.code)), deadPid(), FIXED_NOW.toISOString());

    reopen().close();
    expect(fs.readFileSync(foreign, 'utf8')).toBe('annat innehåll\n');
    expect(fs.readFileSync(otherKey, 'utf8')).toBe(keyFileText([{ code: 'A-ANNAN001', ref: 'AKT-1' }]));
    expect(fs.readFileSync(committed, 'utf8')).toBe(committedText);
    expect(pendingRows()).toEqual([]);
    // Only the marker that named the stranded import went with it.
    expect(hiddenLeftovers(core.dir)).toEqual([]);
  });

  it('leaves the key of an import still running in another process alone, and removes it once that process is gone', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      strandedImport(keyFile, { pid: running.pid });
      reopen().close();
      expect(fs.existsSync(keyFile)).toBe(true);
      expect(pendingRows()).toHaveLength(1);
    } finally {
      running.kill('SIGKILL');
      await new Promise((resolve) => running.on('exit', resolve));
    }
    reopen().close();
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(pendingRows()).toEqual([]);
    expect(hiddenLeftovers(core.dir)).toEqual([]);
  }, 30_000);

  it('removes an old intent whose process id now belongs to another process (after a reboot, on a terminal server)', () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    // This very test process stands in for an unrelated process that got the id; the intent is a day old.
    strandedImport(keyFile, { pid: process.pid, createdAt: new Date(FIXED_NOW.getTime() - 24 * 3600 * 1000) });
    reopen().close();
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(pendingRows()).toEqual([]);
  });

  it('keeps the intent while the key’s folder is away (a USB stick), and resolves it when the folder is back', () => {
    const stick = path.join(core.dir, 'usb');
    fs.mkdirSync(stick);
    const keyFile = path.join(stick, 'kodnyckel.csv');
    strandedImport(keyFile);
    fs.renameSync(stick, `${stick}-utdragen`);
    reopen().close();
    expect(pendingRows()).toHaveLength(1);
    fs.renameSync(`${stick}-utdragen`, stick);
    reopen().close();
    expect(fs.readdirSync(stick)).toEqual([]);
    expect(pendingRows()).toEqual([]);
  });

  it('opens a busy workbench without waiting for the lock and resolves the key at the next opening', () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    strandedImport(keyFile);
    const writer = new Database(core.dbPath);
    try {
      writer.exec('BEGIN IMMEDIATE');
      // The CLI waits up to a minute for a write; opening must not (a hang would fail this test).
      const busy = reopen({ busyTimeoutMs: 60_000 });
      busy.close();
      expect(fs.existsSync(keyFile)).toBe(true);
      writer.exec('ROLLBACK');
    } finally {
      writer.close();
    }
    reopen().close();
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(pendingRows()).toEqual([]);
  });

  it('opens a read-only workbench (broken audit trail) without touching the key or the intent', () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    strandedImport(keyFile);
    core.db.exec('DROP TRIGGER answer_audit_no_delete');
    const readOnly = reopen();
    try {
      expect(readOnly.auditProblem).toMatchObject({ code: 'AUDIT_BROKEN' });
      expect(fs.existsSync(keyFile)).toBe(true);
      expect(pendingRows(readOnly.db)).toHaveLength(1);
    } finally {
      readOnly.close();
    }
  });

  it('writes no key when its intent vanished before the cases transaction (resolved by another process meanwhile)', async () => {
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    core.db.exec('CREATE TEMP TRIGGER vanish AFTER INSERT ON pending_key BEGIN DELETE FROM pending_key WHERE import_id = NEW.import_id; END');
    const error = await core.fails('cases.import', importInput(keyFile));
    expect(error).toMatchObject({ code: 'BUSY', message: 'Databasen används samtidigt från ett annat ställe, så importen avbröts innan något skrevs. Inget importerades; försök igen.' });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect(hiddenLeftovers(core.dir)).toEqual([]);
    expect(caseCount()).toBe(0);
  });

  it('never stores a key path that spells a personnummer: the default folder beside such a database is refused before anything is written', async () => {
    const folder = path.join(core.dir, '20170101-2393');
    fs.mkdirSync(folder);
    const other = plainCore(path.join(folder, 'bank.sqlite'));
    try {
      const created = (await other.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Mapp', referenceDate: '2024-12-31' })) as { ok: true; value: { id: string } };
      const result = await other.dispatch('cases.import', { reviewId: created.value.id, contentBase64: b64(CSV), pseudonymise: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '$.keyFile' }] } });
      expect(JSON.stringify(result)).not.toContain('2393');
      expect(other.db.prepare('SELECT count(*) FROM pending_key').pluck().get()).toBe(0);
      expect(other.db.prepare('SELECT count(*) FROM case_file').pluck().get()).toBe(0);
      expect(fs.readdirSync(path.join(folder, 'Kodnycklar'))).toEqual([]);
    } finally {
      other.close();
    }
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
