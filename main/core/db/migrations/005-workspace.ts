import type { Migration } from '../migration';

/**
 * The inspector's workspace (issue 7):
 * - `profile`: who works at this workbench (one row). Its name is the actor of every change the
 *   workbench records; without it the operating-system account is used, as before.
 * - `case_event`: when a file was marked done or reopened, and by whom. Written only by the
 *   trigger on `case_file.done_at`, so no code path can forget it; append-only like the answers'
 *   trail. The actor and time of a reopening come from the connection (granska_actor, granska_now).
 * - `review.example`: the example review offered on first start, which may be deleted outright.
 */
export const CASE_EVENT_TRIGGERS_V5: Readonly<Record<string, string>> = {
  case_event_no_update: `CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END`,
  case_event_no_delete: `CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
WHEN EXISTS (SELECT 1 FROM review WHERE id = OLD.review_id)
BEGIN SELECT RAISE(ABORT, 'the case log is append-only'); END`,
  case_file_done_logged: `CREATE TRIGGER case_file_done_logged AFTER UPDATE OF done_at ON case_file
WHEN (OLD.done_at IS NULL) <> (NEW.done_at IS NULL)
BEGIN
  INSERT INTO case_event (review_id, case_id, action, at, actor)
  VALUES (NEW.review_id, NEW.id, CASE WHEN NEW.done_at IS NULL THEN 'reopened' ELSE 'done' END,
          COALESCE(NEW.done_at, granska_now()), granska_actor());
END`,
};

export const migration005: Migration = {
  version: 5,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE profile (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        title      TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 120),
        role       TEXT NOT NULL CHECK (role IN ('granskare', 'avdelningschef', 'namndsekreterare')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_event (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id TEXT NOT NULL,
        case_id   TEXT NOT NULL,
        action    TEXT NOT NULL CHECK (action IN ('done', 'reopened')),
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_event_case ON case_event (case_id, seq);

      ALTER TABLE review ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));
    `);
    for (const sql of Object.values(CASE_EVENT_TRIGGERS_V5)) db.exec(sql);
  },
};
