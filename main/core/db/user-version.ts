import type { Database } from 'better-sqlite3';

export function readUserVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
