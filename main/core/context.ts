import type { Database } from 'better-sqlite3';

/**
 * What every handler may use. The clock and the actor are injected so tests are deterministic
 * and the audit trail names the right person.
 */
export interface CoreContext {
  db: Database;
  now(): Date;
  /** Who is working, for audit trails and sample records. */
  actor: string;
  /** A new unique id (random in the app, predictable in tests). */
  newId(prefix: string): string;
  dbPath: string;
  appVersion: string;
}
