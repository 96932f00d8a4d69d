import type { Database } from 'better-sqlite3';
import type { ApiError } from '../../../shared/result';

const reasons = new WeakMap<Database, ApiError>();

/**
 * Refuses every write on this connection from now on (PRAGMA query_only: SQLite itself refuses,
 * so no handler can forget) and remembers why, so dispatch can tell the user instead of "readonly".
 */
export function blockWrites(db: Database, reason: ApiError): void {
  db.pragma('query_only = ON');
  reasons.set(db, reason);
}

export const writeBlockOf = (db: Database): ApiError | undefined => reasons.get(db);
