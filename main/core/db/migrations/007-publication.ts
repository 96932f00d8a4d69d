import type { Migration } from '../migration';

/**
 * The publication set (issue 14, docs/disclosure.md):
 * - `review.publish_threshold`: the threshold belongs to the review, not to an export — publishing
 *   the same review at 3 and again at 5 would show every 3 and 4.
 * - `publication_event`: every change of it, with the reason the user gave; append-only like the
 *   other logs (it may only lose rows together with its review).
 */
export const PUBLICATION_TRIGGERS_V7: Readonly<Record<string, string>> = {
  publication_event_no_update: `CREATE TRIGGER publication_event_no_update BEFORE UPDATE ON publication_event
BEGIN SELECT RAISE(ABORT, 'the publication log is append-only'); END`,
  publication_event_no_delete: `CREATE TRIGGER publication_event_no_delete BEFORE DELETE ON publication_event
WHEN EXISTS (SELECT 1 FROM review WHERE id = OLD.review_id)
BEGIN SELECT RAISE(ABORT, 'the publication log is append-only'); END`,
};

export const migration007: Migration = {
  version: 7,
  name: 'publication',
  up(db) {
    db.exec(`
      ALTER TABLE review ADD COLUMN publish_threshold INTEGER NOT NULL DEFAULT 5 CHECK (publish_threshold BETWEEN 3 AND 20);

      CREATE TABLE publication_event (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id      TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        at             TEXT NOT NULL,
        actor          TEXT NOT NULL,
        from_threshold INTEGER NOT NULL,
        to_threshold   INTEGER NOT NULL,
        reason         TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000)
      ) STRICT;
      CREATE INDEX publication_event_review ON publication_event (review_id, seq);
    `);
    for (const sql of Object.values(PUBLICATION_TRIGGERS_V7)) db.exec(sql);
  },
};
