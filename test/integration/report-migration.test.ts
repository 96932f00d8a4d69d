import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../main/core/db/migrations';
import { openDatabase, readUserVersion } from '../../main/core/db/open';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-migrate-report-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stamp = () => new Date('2026-11-23T10:00:00Z');

/** A store at schema 6 in memory, with one review to hang a report on. */
function schema6() {
  const { db } = openDatabase(':memory:', { migrations: migrations.slice(0, 6), now: stamp });
  db.exec(`
    INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
    INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
  `);
  return db;
}

describe('migration 006 (report)', () => {
  it('keeps the report log append-only and approvals as history: only a revocation may be written', () => {
    const db = schema6();
    db.exec(`
      INSERT INTO report (review_id, status, draft, revision, created_at, created_by, updated_at, updated_by) VALUES ('r', 'utkast', '{}', 1, 'x', 'A', 'x', 'A');
      INSERT INTO report_event (review_id, at, actor, action) VALUES ('r', 'x', 'A', 'skapad');
      INSERT INTO report_approval (review_id, name, title, approved_at, actor) VALUES ('r', 'Berit Chef', 'Avdelningschef', 'x', 'A');
    `);
    expect(() => db.exec(`UPDATE report_event SET actor = 'B'`)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM report_event')).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO report_event (review_id, at, actor, action) VALUES ('r', 'x', 'A', 'raderad')`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE report_approval SET name = 'Någon annan'`)).toThrow(/only a revocation/);
    expect(() => db.exec('DELETE FROM report_approval')).toThrow(/only a revocation/);
    db.exec(`UPDATE report_approval SET revoked_at = 'y'`);
    expect(() => db.exec(`UPDATE report_approval SET revoked_at = 'z'`)).toThrow(/only a revocation/);
    expect(() => db.exec(`UPDATE report SET status = 'klar'`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE report SET draft = 'inte json'`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO report_settings (id, administration, department, board, font, updated_at, updated_by) VALUES (2, 'a', 'b', 'c', 'Arial', 'x', 'A')`)).toThrow(/CHECK/);
    db.close();
  });

  it('stores an appendix only with its size and a hex checksum, and only of the three kinds', () => {
    const db = schema6();
    const insert = db.prepare(`INSERT INTO appendix (id, review_id, position, title, file_name, kind, bytes, sha256, content, added_at, added_by) VALUES (?, 'r', 1, 'Yttrande', 'y.pdf', ?, ?, ?, ?, 'x', 'A')`);
    const content = Buffer.from('%PDF-1.4');
    insert.run('a', 'pdf', content.length, 'a'.repeat(64), content);
    expect(() => insert.run('b', 'exe', content.length, 'a'.repeat(64), content)).toThrow(/CHECK/);
    expect(() => insert.run('c', 'pdf', content.length + 1, 'a'.repeat(64), content)).toThrow(/CHECK/);
    expect(() => insert.run('d', 'pdf', content.length, 'G'.repeat(64), content)).toThrow(/CHECK/);
    db.close();
  });

  it('goes with its review: deleting the review removes its report, log, approvals and appendices', () => {
    const db = schema6();
    db.exec(`
      INSERT INTO report (review_id, status, draft, revision, created_at, created_by, updated_at, updated_by) VALUES ('r', 'godkand', '{}', 3, 'x', 'A', 'x', 'A');
      INSERT INTO report_event (review_id, at, actor, action) VALUES ('r', 'x', 'A', 'skapad');
      INSERT INTO report_approval (review_id, name, approved_at, actor) VALUES ('r', 'Berit Chef', 'x', 'A');
      INSERT INTO appendix (id, review_id, position, title, file_name, kind, bytes, sha256, content, added_at, added_by) VALUES ('a', 'r', 1, 'Y', 'y.pdf', 'pdf', 1, '${'a'.repeat(64)}', x'25', 'x', 'A');
    `);
    db.exec(`DELETE FROM review WHERE id = 'r'`);
    for (const table of ['report', 'report_event', 'report_approval', 'appendix']) expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    db.close();
  });

  it('brings a schema-5 workbench up to date with empty report tables, after a checked backup', () => {
    const file = path.join(dir, 'v5.sqlite');
    openDatabase(file, { migrations: migrations.slice(0, 5), now: stamp }).db.close();
    const { db, backupPath, migratedFrom } = openDatabase(file, { now: stamp });
    try {
      expect(migratedFrom).toBe(5);
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
      expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(backupPath && fs.existsSync(backupPath)).toBe(true);
      const backup = new Database(backupPath!, { readonly: true });
      expect(readUserVersion(backup)).toBe(5);
      backup.close();
      for (const table of ['report', 'report_event', 'report_approval', 'appendix', 'report_settings']) expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0);
    } finally {
      db.close();
    }
  });
});
