import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export interface OpenOptions {
  migrations?: Migration[];
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Path of the copy taken before migrating, if one was needed. */
  backupPath?: string;
  migratedFrom: number;
  schemaVersion: number;
}

/**
 * Opens (or creates) a workbench database and brings its schema up to date.
 *
 * - A database from a newer app is refused before anything is written to it.
 * - Before migrating an existing database a consistent copy is taken with VACUUM INTO.
 * - All pending migrations run in one transaction together with the new user_version,
 *   so a failure leaves the database exactly as it was.
 * - WAL with synchronous=FULL: an answer the UI shows as saved survives a power cut
 *   (NORMAL could lose the last commits); the cost, one fsync per commit, is invisible at
 *   human typing speed and bulk imports commit once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DomainError('DB_OPEN_FAILED', `Databasen ${file} kunde inte öppnas (${(error as Error).message}).`);
  }
  try {
    const current = readUserVersion(db);
    if (current > latest) {
      throw new DomainError(
        'DB_TOO_NEW',
        `Databasen ${file} har skapats av en nyare version av Granskningsbänken (schemaversion ${current}, ` +
          `denna version känner till ${latest}). Uppdatera programmet; databasen har inte ändrats.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupPath: string | undefined;
    const pending = migrations.filter((m) => m.version > current);
    if (pending.length > 0) {
      if (current > 0 && !inMemory) backupPath = backup(db, file, current, (options.now ?? (() => new Date()))());
      db.transaction(() => {
        for (const m of pending) m.up(db);
        db.pragma(`user_version = ${latest}`);
      })();
    }
    return { db, backupPath, migratedFrom: current, schemaVersion: latest };
  } catch (error) {
    db.close();
    if (error instanceof DomainError) throw error;
    throw new DomainError('DB_OPEN_FAILED', `Databasen ${file} kunde inte öppnas eller uppdateras (${(error as Error).message}). Den har inte ändrats.`);
  }
}

export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function backup(db: Database.Database, file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-v${fromVersion}-${stamp}.sqlite`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
