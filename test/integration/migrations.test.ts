import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../main/core/db/migration';
import { migrations, LATEST_SCHEMA_VERSION } from '../../main/core/db/migrations';
import { openDatabase, readUserVersion } from '../../main/core/db/open';
import { DomainError } from '../../main/core/errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stamp = () => new Date('2026-11-23T10:00:00Z');

describe('migration 001 (templates)', () => {
  it('creates strict template tables whose frozen versions the database itself protects', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrations[0].up(db);
    const insert = db.prepare(`INSERT INTO template (id, version, name, target_group, origin, document, frozen, created_at, updated_at) VALUES (?, 1, 'M', 'barn', 'user', '{}', ?, 'x', 'x')`);
    insert.run('open', 0);
    insert.run('locked', 1);
    expect(() => db.prepare(`UPDATE template SET document = '{"a":1}' WHERE id = 'locked'`).run()).toThrow(/frozen/);
    expect(() => db.prepare(`DELETE FROM template WHERE id = 'locked'`).run()).toThrow(/frozen/);
    db.prepare(`UPDATE template SET document = '{"a":1}' WHERE id = 'open'`).run();
    expect(() => db.prepare(`INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('x', 'one', 'M', 'barn', 'user', '{}', 'x', 'x')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('y', 1, 'M', 'barn', 'user', 'not json', 'x', 'x')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO template_question (template_id, template_version, question_id, position, area_id, area_position, type, required) VALUES ('nope', 1, 'Q', 0, 'a', 0, 'scale', 1)`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('openDatabase', () => {
  it('creates a new database at the latest schema with WAL, foreign keys and synchronous=FULL', () => {
    const file = path.join(dir, 'new.sqlite');
    const { db, backupPath, migratedFrom } = openDatabase(file, { now: stamp });
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(migratedFrom).toBe(0);
    expect(backupPath).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer app with a clear message and leaves it byte for byte untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE x (a) ');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DB_TOO_NEW');
    expect((error as DomainError).message).toMatch(/nyare version av Granskningsbänken.*inte ändrats/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('backs up an existing database before migrating and runs pending steps in one transaction', () => {
    const file = path.join(dir, 'old.sqlite');
    const m1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT; INSERT INTO a VALUES (1);') };
    const m2: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE b (y INTEGER) STRICT;') };
    openDatabase(file, { migrations: [m1], now: stamp }).db.close();

    const { db, backupPath, migratedFrom } = openDatabase(file, { migrations: [m1, m2], now: stamp });
    expect(migratedFrom).toBe(1);
    expect(readUserVersion(db)).toBe(2);
    expect(backupPath).toBeDefined();
    const backup = new Database(backupPath!, { readonly: true });
    expect(readUserVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT x FROM a').pluck().get()).toBe(1);
    backup.close();
    db.close();
  });

  it('leaves the database as it was when a migration fails', () => {
    const file = path.join(dir, 'fail.sqlite');
    const m1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT;') };
    const m2: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE b (y INTEGER) STRICT;') };
    const broken: Migration = { version: 3, name: 'broken', up: (db) => db.exec('CREATE TABLE c (z INTEGER) STRICT; SELECT * FROM no_such_table;') };
    openDatabase(file, { migrations: [m1], now: stamp }).db.close();
    expect(() => openDatabase(file, { migrations: [m1, m2, broken], now: stamp })).toThrow(/kunde inte öppnas eller uppdateras/);
    const db = new Database(file, { readonly: true });
    expect(readUserVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('reports a file that is not a database instead of crashing', () => {
    const file = path.join(dir, 'text.sqlite');
    fs.writeFileSync(file, 'det här är ingen databas, bara text som råkar ligga här'.repeat(20));
    expect(() => openDatabase(file)).toThrow(DomainError);
  });
});

describe('migration 002 (reviews)', () => {
  it('has no column for identity numbers, and keeps an append-only audit trail of every answer change', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of migrations.slice(0, 2)) m.up(db);
    const columns = db.prepare(`SELECT p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`).pluck().all() as string[];
    expect(columns.filter((c) => /person|pnr|ssn|identity/i.test(c))).toEqual([]);

    db.exec(`
      INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
      INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
      INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) VALUES ('c', 'r', 'AKT-1', 'Enhet A', 'F', 'x');
      INSERT INTO answer (case_id, question_id, value, updated_at, updated_by) VALUES ('c', 'T1', 'ja', '2026-01-01', 'Anna');
      UPDATE answer SET value = 'nej', updated_at = '2026-01-02', updated_by = 'Bo' WHERE case_id = 'c';
      UPDATE answer SET updated_at = '2026-01-03' WHERE case_id = 'c';
    `);
    const trail = db.prepare('SELECT actor, old_value, new_value FROM answer_audit ORDER BY seq').all();
    expect(trail).toEqual([
      { actor: 'Anna', old_value: null, new_value: 'ja' },
      { actor: 'Bo', old_value: 'ja', new_value: 'nej' },
    ]);
    expect(() => db.exec(`UPDATE answer_audit SET new_value = 'ja'`)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM answer_audit')).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) VALUES ('d', 'r', 'AKT-2', 'Enhet A', 'X', 'x')`)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 004 (pending keys)', () => {
  it('records where a key is being written and how to recognise it, never the key itself', () => {
    const { db } = openDatabase(':memory:', { now: stamp });
    const columns = db.prepare(`SELECT name, type, "notnull" AS required FROM pragma_table_info('pending_key') ORDER BY cid`).all();
    expect(columns).toEqual([
      { name: 'import_id', type: 'TEXT', required: 1 },
      { name: 'key_file', type: 'TEXT', required: 1 },
      { name: 'codes_sha256', type: 'TEXT', required: 1 },
      { name: 'pid', type: 'INTEGER', required: 1 },
      { name: 'created_at', type: 'TEXT', required: 1 },
    ]);
    const insert = db.prepare('INSERT INTO pending_key (import_id, key_file, codes_sha256, pid, created_at) VALUES (?, ?, ?, ?, ?)');
    const digest = 'a'.repeat(64);
    insert.run('i-1', '/tmp/kodnyckel.csv', digest, 4242, '2026-11-23T10:00:00Z');
    // One row per import; a digest is exactly 64 hex digits, so no key line (code;reference) fits in it.
    expect(() => insert.run('i-1', '/tmp/annan.csv', digest, 4242, 'x')).toThrow(/UNIQUE/);
    expect(() => insert.run('i-2', '/tmp/k.csv', 'A-KOD1;AKT-1', 4242, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('i-3', '/tmp/k.csv', 'G'.repeat(64), 4242, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('i-4', '', digest, 4242, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('i-5', '/tmp/k.csv', digest, 0, 'x')).toThrow(/CHECK/);
    expect(() => insert.run('i-6', '/tmp/k.csv', digest, '4242', 'x')).not.toThrow(); // STRICT converts a lossless text
    expect(() => insert.run('i-7', '/tmp/k.csv', digest, 'many', 'x')).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('brings a schema-3 workbench up to date with an empty table, after a checked backup', () => {
    const file = path.join(dir, 'v3.sqlite');
    openDatabase(file, { migrations: migrations.slice(0, 3), now: stamp }).db.close();
    const { db, backupPath, migratedFrom } = openDatabase(file, { now: stamp });
    try {
      expect(migratedFrom).toBe(3);
      expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(backupPath && fs.existsSync(backupPath)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM pending_key').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
