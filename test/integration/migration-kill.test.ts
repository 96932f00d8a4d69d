import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChains } from '../../main/core/db/audit-chain/check';
import { LATEST_SCHEMA_VERSION, migrations } from '../../main/core/db/migrations';
import { openDatabase, readUserVersion } from '../../main/core/db/open';
import { prngFromSeed, randomBelow } from '../../shared/sampling/prng';
import { ROOT } from '../support/server-process';

/**
 * kill -9 while a process migrates a real database from schema 2 (the audit backfill hashes every
 * row, so it takes a moment): afterwards the file is intact, at the old or the new version and
 * never between, nothing is lost, and no empty or partial copy carries a backup's final name.
 * The seed is printed; rerun one with KILL_SEED=<seed>.
 */
const TRIALS = 5;
const CASES = 2_000;
const QUESTIONS = 10;
const ANSWERS = CASES * QUESTIONS;
const AUDIT_ROWS = ANSWERS * 2; // inserted, then changed once
const seed = process.env.KILL_SEED ?? String(Date.now());

let dir: string;
let v2: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-kill-'));
  v2 = path.join(dir, 'v2.sqlite');
  const db = openDatabase(v2, { migrations: migrations.slice(0, 2) }).db;
  db.exec(`
    INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
    INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r1', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CASES})
      INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) SELECT 'c' || i, 'r1', 'AKT-' || i, 'Enhet ' || (i % 4), 'F', 'x' FROM n;
    WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < ${QUESTIONS})
      INSERT INTO answer (case_id, question_id, value, note, updated_at, updated_by) SELECT c.id, 'Q' || j, 'ja', 'Anteckning ' || c.ref, '2026-01-01', 'Anna' FROM case_file c, q;
    UPDATE answer SET value = 'nej', updated_at = '2026-01-02', updated_by = 'Bo';
  `);
  db.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runChild(file: string, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  // tsx as a loader in this very process (its CLI would run the script in a grandchild that the kill would miss).
  const loader = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(ROOT, 'test', 'support', 'open-database-child.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    }),
  );
}

/** What must hold after any kill, read with a plain connection (which also recovers the WAL). */
function checkAfterKill(file: string): number {
  const db = new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const version = readUserVersion(db);
    expect([2, LATEST_SCHEMA_VERSION]).toContain(version);
    expect(db.prepare(`SELECT COUNT(*) FROM answer WHERE value = 'nej'`).pluck().get()).toBe(ANSWERS);
    expect(db.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get()).toBe(AUDIT_ROWS);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('answer_audit')`).pluck().all();
    // Never between: the chain columns exist exactly when the migration ran, and then the chain is whole.
    expect(columns.includes('hash')).toBe(version === LATEST_SCHEMA_VERSION);
    if (version === LATEST_SCHEMA_VERSION) expect(checkAuditChains(db)).toMatchObject({ ok: true, checked: AUDIT_ROWS });
    return version;
  } finally {
    db.close();
  }
}

function checkBackups(file: string): void {
  for (const name of fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(`${path.basename(file)}.backup-`) && n.endsWith('.sqlite'))) {
    const backup = new Database(path.join(dir, name), { readonly: true, fileMustExist: true });
    try {
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readUserVersion(backup)).toBe(2);
      expect(backup.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get()).toBe(AUDIT_ROWS);
    } finally {
      backup.close();
    }
  }
}

describe('a migration killed at random moments', () => {
  it(`leaves the database intact at the old or the new version (${TRIALS} trials)`, async () => {
    console.log(`migration kill trials: KILL_SEED=${seed}`);
    const calibrate = path.join(dir, 'calibrate.sqlite');
    fs.copyFileSync(v2, calibrate);
    const started = Date.now();
    const full = await runChild(calibrate);
    const duration = Date.now() - started;
    expect(full.out).toContain(`opened at schema ${LATEST_SCHEMA_VERSION}`);
    expect(checkAfterKill(calibrate)).toBe(LATEST_SCHEMA_VERSION);

    const next = prngFromSeed(seed);
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = path.join(dir, `trial-${trial}.sqlite`);
      fs.copyFileSync(v2, file);
      const at = randomBelow(next, duration);
      const run = await runChild(file, at);
      const version = checkAfterKill(file);
      checkBackups(file);
      outcomes.push(`${at} ms: ${run.signal ?? 'finished'}, schema ${version}`);
      // The next open finishes the job and clears a partial copy the killed process left.
      openDatabase(file, { logError: () => {} }).db.close();
      expect(checkAfterKill(file)).toBe(LATEST_SCHEMA_VERSION);
      checkBackups(file);
      expect(fs.readdirSync(dir).filter((n) => n.startsWith(`trial-${trial}.sqlite.backup-`) && n.includes('.partial-'))).toEqual([]);
    }
    console.log(`uninterrupted: ${duration} ms; ${outcomes.join('; ')}`);
  }, 300_000);
});
