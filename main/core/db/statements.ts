import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection, compiled once. Repository functions that
 * run once per row of an import (100,000 cases, 1,000,000 answers) use it: preparing the same SQL
 * per row cost more than the inserts themselves.
 */
export function prepared(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
