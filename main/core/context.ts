import type { Database } from 'better-sqlite3';
import type { ProgressBoard, ProgressReporter } from './jobs/progress';

/**
 * What every handler may use. The clock and the actor are injected so tests are deterministic
 * and the audit trail names the right person.
 */
export interface CoreContext {
  db: Database;
  now(): Date;
  /**
   * Who is working, for audit trails and sample records: read at the moment of use, because saving
   * the profile changes it (profile/actor.ts). Destructure it inside the handler, not once outside.
   */
  readonly actor: string;
  /** Re-reads who is working after the profile was saved. */
  refreshActor(): void;
  /** A new unique id (random in the app, predictable in tests). */
  newId(prefix: string): string;
  dbPath: string;
  appVersion: string;
  /** Where this call reports how far it has come: set by dispatch for a call whose input names a `progressId`. */
  progress?: ProgressReporter;
  /** The progress of the imports this core runs, for `imports.progress` (absent in the import worker). */
  progressBoard?: ProgressBoard;
}
