import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the shared migration transaction: no async work, no PRAGMAs that need autocommit. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
