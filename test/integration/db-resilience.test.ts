import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/core/db/audit-chain/check';
import { createCore } from '../../main/core/core';
import { LATEST_SCHEMA_VERSION, migrations } from '../../main/core/db/migrations';
import { RECONCILING_ACTOR } from '../../main/core/db/migrations/003-audit-chain';
import { openDatabase, readUserVersion } from '../../main/core/db/open';
import { DomainError } from '../../main/core/errors';
import { openCheckKind, passesOpenCheck } from '../../main/core/db/integrity';
import { checks, flipIndexByte } from '../support/corrupt-index';
import { FIXED_NOW, testCore } from '../support/core';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const posix = process.platform !== 'win32';
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

function openError(file: string): DomainError {
  try {
    openDatabase(file, { logError: () => {} }).db.close();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

/** A workbench with a review, cases and answers, closed cleanly (checkpointed into the main file). */
async function workbench(file: string): Promise<{ reviewId: string }> {
  const core = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna' });
  const r = await core.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Skadad', referenceDate: '2024-12-31' });
  if (!r.ok) throw new Error(r.error.message);
  const reviewId = (r.value as { id: string }).id;
  const rows = ['akt;enhet', ...Array.from({ length: 300 }, (_, i) => `A${i};Enhet ${i % 3}`)];
  await core.dispatch('cases.import', { reviewId, contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
  core.db.exec(`INSERT INTO answer (case_id, question_id, value, note, updated_at, updated_by)
    SELECT c.id, q.question_id, 'ja', 'Anteckning som fyller sidorna lite grann', 'x', 'Anna' FROM case_file c, template_question q
    WHERE q.template_id = 'oppenvard-barn-0-12' AND q.type = 'scale'`);
  core.close();
  return { reviewId };
}

describe('a database another process is writing to', () => {
  it('a save while another connection holds the write lock fails fast with BUSY in Swedish, writes nothing, and succeeds later', async () => {
    const file = path.join(dir, 'busy.sqlite');
    const holder = testCore({ dbFile: file });
    const saver = testCore({ dbFile: file, actor: 'Bo' });
    try {
      const { id: reviewId } = await holder.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Upptagen', referenceDate: '2024-12-31' });
      await holder.call('cases.import', { reviewId, contentBase64: Buffer.from('akt;enhet\nA1;Enhet A\n').toString('base64') });
      const caseId = (await saver.call('cases.list', { reviewId })).cases[0].id;
      const input = { reviewId, caseId, questionId: 'T1', value: 'ja' };
      const questionId = (await saver.call('scoring.caseView', { reviewId, caseId })).template.questions[0].id;
      input.questionId = questionId;

      holder.db.exec('BEGIN IMMEDIATE'); // e.g. the CLI in the middle of a long import
      const error = await saver.fails('answers.save', input);
      expect(error).toEqual({ code: 'BUSY', message: expect.stringMatching(/^Databasen är upptagen av en annan åtgärd.*Inget har sparats ännu/) });
      holder.db.exec('ROLLBACK');
      expect(holder.db.prepare('SELECT COUNT(*) FROM answer').pluck().get()).toBe(0);
      expect(holder.db.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get()).toBe(0);

      await saver.call('answers.save', input);
      expect(holder.db.prepare('SELECT value FROM answer').pluck().all()).toEqual(['ja']);
      expect(holder.db.pragma('busy_timeout', { simple: true })).toBe(250);
    } finally {
      saver.dispose();
      holder.close();
    }
  });
});

describe('a damaged database', () => {
  /** Overwrites one page in the middle of the file with other bytes, as a failing disk would. */
  function flipPage(file: string): void {
    const pageSize = 4096;
    const size = fs.statSync(file).size;
    const page = Math.floor(size / pageSize / 2);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
    fs.closeSync(fd);
  }

  it('is refused on opening, never written, and the user is told there is no checked backup and what to do', async () => {
    const file = path.join(dir, 'work.sqlite');
    await workbench(file);
    flipPage(file);
    const before = fs.readFileSync(file);
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toBe(
      `Databasen ${file} är skadad och har inte öppnats, så att inget skrivs i den. ` +
        'Det finns ingen kontrollerad säkerhetskopia bredvid den. Låt filen vara orörd och be IT-supporten återställa den från kommunens säkerhetskopiering.',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names the newest backup beside it that passes the check, with its date, and skips a damaged newer one', async () => {
    const file = path.join(dir, 'work.sqlite');
    await workbench(file);
    const good = `${file}.backup-v2-2026-11-01T08-00-00-000Z.sqlite`;
    const bad = `${file}.backup-v2-2026-11-20T08-00-00-000Z.sqlite`;
    fs.copyFileSync(file, good);
    fs.utimesSync(good, new Date('2026-11-01T08:00:00Z'), new Date('2026-11-01T08:00:00Z'));
    fs.writeFileSync(bad, Buffer.alloc(8192, 7));
    fs.utimesSync(bad, new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
    flipPage(file);
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(`Använd den senaste kontrollerade säkerhetskopian, ${good} (från 2026-11-01 `);
    expect(error.message).not.toMatch(/[Mm]alformed|disk image|SQLITE|not a database/);
  });

  it('a file that is not a database at all gets the same Swedish answer, without SQLite\'s English', () => {
    const file = path.join(dir, 'text.sqlite');
    fs.writeFileSync(file, 'det här är ingen databas, bara text som råkar ligga här'.repeat(200));
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).not.toMatch(/file is not a database|SQLITE/);
  });

  it('a file that cannot be opened is reported in Swedish only; the English reason goes to the log', () => {
    const logged: unknown[] = [];
    let error: unknown;
    try {
      openDatabase(dir, { logError: (e) => logged.push(e) }); // a folder, not a file
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('DB_OPEN_FAILED');
    expect((error as DomainError).message).toBe(`Databasen ${dir} kunde inte öppnas. Kontrollera att filen och mappen finns och att du har behörighet till dem.`);
    expect(logged).toHaveLength(1);
  });
});

describe.skipIf(!posix)('owner-only files', () => {
  it('the database, its -wal and -shm, and the migration backup are readable by the owner only, whatever the umask', () => {
    const old = process.umask(0o022);
    try {
      const file = path.join(dir, 'modes.sqlite');
      const m1 = { version: 1, name: 'one', up: (db: Database.Database) => db.exec('CREATE TABLE a (x INTEGER) STRICT') };
      const m2 = { version: 2, name: 'two', up: (db: Database.Database) => db.exec('CREATE TABLE b (x INTEGER) STRICT') };
      openDatabase(file, { migrations: [m1] }).db.close();
      fs.chmodSync(file, 0o644); // a file from before this rule
      const { db, backupPath } = openDatabase(file, { migrations: [m1, m2] });
      db.exec('INSERT INTO b VALUES (1)');
      for (const f of [file, `${file}-wal`, `${file}-shm`, backupPath!]) expect([f, modeOf(f).toString(8)]).toEqual([f, '600']);
      db.close();
    } finally {
      process.umask(old);
    }
  });
});

describe('migration 003 (audit chain)', () => {
  it('chains the existing trail per review, keeps every row, and logs what the old schema missed', () => {
    const file = path.join(dir, 'v2.sqlite');
    const v2 = openDatabase(file, { migrations: migrations.slice(0, 2) }).db;
    v2.exec(`
      INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
      INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r1', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
      INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r2', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
      INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) VALUES ('c1', 'r1', 'AKT-1', 'A', 'F', 'x'), ('c2', 'r2', 'AKT-2', 'A', 'M', 'x'), ('c3', 'r1', 'AKT-3', 'A', 'M', 'x');
      INSERT INTO answer (case_id, question_id, value, updated_at, updated_by) VALUES ('c1', 'T1', 'ja', '2026-01-01', 'Anna');
      UPDATE answer SET value = 'nej', updated_at = '2026-01-02', updated_by = 'Bo' WHERE case_id = 'c1';
      INSERT INTO answer (case_id, question_id, value, updated_at, updated_by) VALUES ('c2', 'T1', 'delvis', '2026-01-03', 'Cia');
      INSERT INTO answer (case_id, question_id, value, updated_at, updated_by) VALUES ('c3', 'T1', 'ja', '2026-01-04', 'Anna');
      DELETE FROM answer WHERE case_id = 'c3';
    `);
    v2.close();

    const { db, backupPath, migratedFrom } = openDatabase(file, { now: () => FIXED_NOW });
    expect(migratedFrom).toBe(2);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const rows = db.prepare('SELECT seq, review_id, action, actor, old_value, new_value FROM answer_audit ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 1, review_id: 'r1', action: 'insert', actor: 'Anna', old_value: null, new_value: 'ja' },
      { seq: 2, review_id: 'r1', action: 'update', actor: 'Bo', old_value: 'ja', new_value: 'nej' },
      { seq: 3, review_id: 'r2', action: 'insert', actor: 'Cia', old_value: null, new_value: 'delvis' },
      { seq: 4, review_id: 'r1', action: 'insert', actor: 'Anna', old_value: null, new_value: 'ja' },
      { seq: 5, review_id: 'r1', action: 'delete', actor: RECONCILING_ACTOR, old_value: 'ja', new_value: null },
    ]);
    expect(verifyAudit(db)).toMatchObject({ ok: true, checked: 5 });
    expect(verifyAudit(db, 'r2')).toMatchObject({ ok: true, checked: 1 });
    // The chain goes on where the backfill stopped.
    db.exec(`UPDATE answer SET value = 'ja', updated_at = '2026-12-01', updated_by = 'Bo' WHERE case_id = 'c2'`);
    expect(verifyAudit(db, 'r2')).toMatchObject({ ok: true, checked: 2 });
    db.close();

    const backup = new Database(backupPath!, { readonly: true });
    expect(readUserVersion(backup)).toBe(2);
    expect(backup.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get()).toBe(4);
    backup.close();
    expect(fs.readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
  });
});

describe('a byte flipped inside an index (quick_check passes, integrity_check does not)', () => {
  const sha256 = (file: string) => (fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'absent');
  const INDEXES = ['sqlite_autoindex_answer_1', 'sqlite_autoindex_case_file_1', 'case_file_review_unit', 'answer_audit_answer', 'answer_audit_review'];

  it('5 of 5 are refused on opening, before anything is written: the file, its -wal and -shm are byte for byte as before', async () => {
    const pristine = path.join(dir, 'pristine.sqlite');
    await workbench(pristine);
    const refused: string[] = [];
    for (const index of INDEXES) {
      const file = path.join(dir, `${index}.sqlite`);
      fs.copyFileSync(pristine, file);
      const flip = flipIndexByte(file, index);
      // The probe's blind spot, checked for each corruption (on a copy: a read-only connection leaves empty -wal and -shm behind).
      const probe = path.join(dir, `${index}.probe.sqlite`);
      fs.copyFileSync(file, probe);
      const found = checks(probe);
      expect([index, found.quick]).toEqual([index, 'ok']);
      expect(found.integrity).toMatch(/missing from index|non-unique entry|wrong # of entries/);
      const before = [file, `${file}-wal`, `${file}-shm`].map(sha256);
      expect(before.slice(1)).toEqual(['absent', 'absent']);
      let error: unknown;
      try {
        createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna', logError: () => {} }).close();
      } catch (e) {
        error = e;
      }
      if (error instanceof DomainError && error.code === 'DB_CORRUPT') refused.push(index);
      expect(sha256(file)).toBe(before[0]);
      // A read-only check connection may leave SQLite's empty working files, never a written one.
      for (const f of [`${file}-wal`]) expect(fs.existsSync(f) ? fs.statSync(f).size : 0).toBe(0);
      expect(fs.readFileSync(file)[flip.offset]).toBe(flip.after);
    }
    expect(refused).toEqual(INDEXES);
  });

  it('above the full-check size the open still catches it outside the audit logs (integrity_check per table), and leaves the logs to `db check`', async () => {
    const file = path.join(dir, 'big.sqlite');
    await workbench(file);
    const pages = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('page_count', { simple: true }) as number;
      } finally {
        db.close();
      }
    })();
    const small = pages - 1; // pretend the file is above the threshold
    const copy = path.join(dir, 'answer.sqlite');
    fs.copyFileSync(file, copy);
    flipIndexByte(copy, 'sqlite_autoindex_answer_1');
    const logCopy = path.join(dir, 'log.sqlite');
    fs.copyFileSync(file, logCopy);
    flipIndexByte(logCopy, 'answer_audit_review');
    const check = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return { kind: openCheckKind(db, small), passes: passesOpenCheck(db, small), full: passesOpenCheck(db) };
      } finally {
        db.close();
      }
    };
    expect(check(copy)).toEqual({ kind: 'partial', passes: false, full: false });
    expect(check(logCopy)).toEqual({ kind: 'partial', passes: true, full: false });
    expect(check(file)).toEqual({ kind: 'partial', passes: true, full: true });
  });
});

describe.skipIf(!posix)('a write-protected database', () => {
  const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  it('opens read-only (0444 becomes 0400, never 0600): reading works, every write is refused in Swedish saying how to lift the protection, and nothing is written', async () => {
    const file = path.join(dir, 'skyddad.sqlite');
    const { reviewId } = await workbench(file);
    fs.chmodSync(file, 0o444);
    const before = sha256(file);
    const core = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna', logError: () => {} });
    try {
      expect(modeOf(file).toString(8)).toBe('400');
      const listed = await core.dispatch('reviews.list', {});
      expect(listed.ok).toBe(true);
      const cases = await core.dispatch('cases.list', { reviewId });
      expect(cases.ok && (cases.value as { total: number }).total).toBe(300);
      const created = await core.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Ny', referenceDate: '2024-12-31' });
      expect(created).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message:
            `Databasen ${file} är skrivskyddad och därför bara öppen för läsning: allt går att läsa, men inget kan ändras. ` +
            `Inget har ändrats av den här åtgärden. Ta bort skrivskyddet (till exempel med kommandot chmod u+w "${file}") och starta sedan om programmet för att arbeta i den.`,
        },
      });
      expect(core.auditProblem?.code).toBe('FORBIDDEN');
    } finally {
      core.close();
    }
    expect(sha256(file)).toBe(before);
    expect(modeOf(file).toString(8)).toBe('400');

    // Made writable again: SQLite's working files left 0400 by the read-only connection follow the file, and writing works.
    fs.chmodSync(file, 0o600);
    const writable = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna' });
    try {
      expect(writable.auditProblem).toBeUndefined();
      const created = await writable.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Ny', referenceDate: '2024-12-31' });
      expect(created.ok).toBe(true);
    } finally {
      writable.close();
    }
    expect(modeOf(file).toString(8)).toBe('600');
  });

  it('a write-protected file that needs a migration is refused, unchanged, saying why', () => {
    const file = path.join(dir, 'gammal.sqlite');
    const m1 = { version: 1, name: 'one', up: (db: Database.Database) => db.exec('CREATE TABLE a (x INTEGER) STRICT') };
    const m2 = { version: 2, name: 'two', up: (db: Database.Database) => db.exec('CREATE TABLE b (x INTEGER) STRICT') };
    openDatabase(file, { migrations: [m1] }).db.close();
    fs.chmodSync(file, 0o400);
    const before = sha256(file);
    let error: unknown;
    try {
      openDatabase(file, { migrations: [m1, m2], logError: () => {} }).db.close();
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('DB_OPEN_FAILED');
    expect((error as DomainError).message).toMatch(/^Databasen .* är skrivskyddad, men den behöver uppdateras .* \(schemaversion 1 till 2\) .* Den har inte ändrats\. Ta bort skrivskyddet/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('backup'))).toEqual([]);
  });

  it('group and other lose their bits, the owner keeps hers: 0644 → 0600, 0640 → 0600, 0444 → 0400', () => {
    for (const [from, to] of [
      [0o644, '600'],
      [0o640, '600'],
      [0o444, '400'],
    ] as const) {
      const file = path.join(dir, `m${from.toString(8)}.sqlite`);
      openDatabase(file, { migrations: [] }).db.close();
      fs.chmodSync(file, from);
      openDatabase(file, { migrations: [] }).db.close();
      expect([from.toString(8), modeOf(file).toString(8)]).toEqual([from.toString(8), to]);
    }
  });
});

describe.skipIf(!posix)('a WAL database in a folder the account may not write', () => {
  const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  const root = process.getuid?.() === 0;
  /** Runs `code` (TypeScript, with `openDatabase` and `file` in scope) as an ordinary account: root writes anywhere. */
  function asOrdinaryAccount(code: string, file: string): string {
    const script = path.join(path.dirname(path.dirname(file)), 'run.ts');
    fs.writeFileSync(script, `import { openDatabase } from ${JSON.stringify(path.resolve('main/core/db/open'))};\nconst file = ${JSON.stringify(file)};\n${code}\n`);
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const node = path.resolve('node_modules/node/bin/node');
    const args = root ? ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', `HOME=${path.dirname(script)}`, fs.existsSync(node) ? node : process.execPath, tsx, script] : [tsx, script];
    return execFileSync(root ? SETPRIV! : process.execPath, args, { encoding: 'utf8', cwd: path.dirname(script) });
  }

  it.skipIf(root && !SETPRIV)('a read-only file there cannot be read without its -shm: refused in Swedish naming the folder, unchanged', () => {
    fs.chmodSync(dir, 0o755);
    const folder = path.join(dir, 'arkiv');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'arkiv.sqlite');
    openDatabase(file, { migrations: [{ version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') }] }).db.close();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, 0o555);
    if (root) fs.chownSync(folder, 65534, 65534);
    const out = asOrdinaryAccount(
      `try { openDatabase(file, { migrations: [{ version: 1, name: 'one', up: () => {} }], logError: () => {} }).db.close(); console.log('opened'); } catch (e) { console.log(JSON.stringify({ code: (e as { code: string }).code, message: (e as Error).message })); }`,
      file,
    );
    expect(JSON.parse(out)).toEqual({
      code: 'DB_OPEN_FAILED',
      message:
        `Databasen ${file} kan inte öppnas: mappen ${folder} är skrivskyddad, och för att läsa databasen behöver programmet skapa eller skriva arbetsfilerna arkiv.sqlite-wal och arkiv.sqlite-shm bredvid den. ` +
        'Databasen har inte ändrats. Gör mappen skrivbar, eller kopiera databasen (bara .sqlite-filen) till en mapp där du får skriva och öppna kopian.',
    });
    expect(fs.readdirSync(folder)).toEqual(['arkiv.sqlite']);
    fs.chmodSync(folder, 0o755);
  });
});
