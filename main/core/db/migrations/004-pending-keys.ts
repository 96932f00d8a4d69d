import type { Migration } from '../migration';

/**
 * The pseudonymisation keys being written (main/core/cases/key-intent.ts). A row is committed
 * before an import writes its key file and deleted in the same commit as the import's cases, so
 * after a kill the database itself says which key file may be an orphan; opening the workbench
 * then removes that file if it is still exactly the key of the import that never committed.
 *
 * Never the key's content: only where it was going (the path, guarded against identity numbers
 * like every stored text), a digest of its generated codes (random pseudonyms that become case
 * references anyway) to recognise the file as that import's and no other, and the writing process.
 */
export const migration004: Migration = {
  version: 4,
  name: 'pending-keys',
  up(db) {
    db.exec(`
      CREATE TABLE pending_key (
        import_id    TEXT PRIMARY KEY,
        key_file     TEXT NOT NULL CHECK (length(key_file) BETWEEN 1 AND 4096),
        codes_sha256 TEXT NOT NULL CHECK (length(codes_sha256) = 64 AND codes_sha256 NOT GLOB '*[^0-9a-f]*'),
        pid          INTEGER NOT NULL CHECK (pid > 0),
        created_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
