import Database from 'better-sqlite3';
import { registerAuditFunctions, type ConnectionIdentity } from './audit-chain/hash';

/**
 * Another connection to a workbench the core has already opened (openDatabase: checked,
 * migrated, in WAL mode, its audit trail checked): the import worker's. It sets what is per
 * connection — the wait for the write lock, synchronous=FULL, foreign keys, recursive triggers —
 * and registers the audit functions, so every trigger runs as on the core's own connection. It
 * never creates the file, migrates or checks it again.
 */
export function openSecondConnection(file: string, identity: ConnectionIdentity, busyTimeoutMs: number): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('recursive_triggers = ON');
    registerAuditFunctions(db, identity);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
