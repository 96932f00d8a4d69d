import type { Migration } from '../migration';

/**
 * The tjänsteutlåtande (issue 9):
 * - `report`: one draft per review (the document model as JSON), its status in the approval flow
 *   and a revision that grows with every change, so two windows never overwrite each other.
 * - `report_event`: who did what to the report and when; append-only like the files' log of
 *   migration 005 (it may only lose rows together with its review).
 * - `report_approval`: every approval ever given. Reopening does not delete one, it sets
 *   `revoked_at`: the approvals in force, which fill "Attesterat av", are those not revoked.
 * - `appendix`: the files the board secretary attaches (Bilaga 2 …), stored in the workbench
 *   with their checksum so the board package carries exactly what was attached.
 * - `report_settings`: the organisation's names and the typeface (one row; defaults in code).
 */
export const REPORT_TRIGGERS_V6: Readonly<Record<string, string>> = {
  report_event_no_update: `CREATE TRIGGER report_event_no_update BEFORE UPDATE ON report_event
BEGIN SELECT RAISE(ABORT, 'the report log is append-only'); END`,
  report_event_no_delete: `CREATE TRIGGER report_event_no_delete BEFORE DELETE ON report_event
WHEN EXISTS (SELECT 1 FROM review WHERE id = OLD.review_id)
BEGIN SELECT RAISE(ABORT, 'the report log is append-only'); END`,
  // An approval is history: only its revocation may be written, once.
  report_approval_no_update: `CREATE TRIGGER report_approval_no_update BEFORE UPDATE ON report_approval
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
  OR NEW.review_id IS NOT OLD.review_id OR NEW.name IS NOT OLD.name OR NEW.title IS NOT OLD.title
  OR NEW.approved_at IS NOT OLD.approved_at OR NEW.actor IS NOT OLD.actor
BEGIN SELECT RAISE(ABORT, 'approvals are kept: only a revocation may be recorded'); END`,
  report_approval_no_delete: `CREATE TRIGGER report_approval_no_delete BEFORE DELETE ON report_approval
WHEN EXISTS (SELECT 1 FROM review WHERE id = OLD.review_id)
BEGIN SELECT RAISE(ABORT, 'approvals are kept: only a revocation may be recorded'); END`,
};

export const REPORT_EVENT_ACTIONS = [
  'skapad',
  'sparad',
  'skickad',
  'godkand',
  'ateroppnad',
  'exporterad',
  'bilaga_tillagd',
  'bilaga_andrad',
  'bilaga_borttagen',
  'paket_exporterat',
] as const;

export const migration006: Migration = {
  version: 6,
  name: 'report',
  up(db) {
    const actions = REPORT_EVENT_ACTIONS.map((a) => `'${a}'`).join(', ');
    db.exec(`
      CREATE TABLE report (
        review_id  TEXT PRIMARY KEY REFERENCES review (id) ON DELETE CASCADE,
        status     TEXT NOT NULL CHECK (status IN ('utkast', 'for_godkannande', 'godkand')),
        draft      TEXT NOT NULL CHECK (json_valid(draft)),
        revision   INTEGER NOT NULL CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE report_event (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL CHECK (action IN (${actions})),
        note      TEXT CHECK (note IS NULL OR length(note) <= 2000)
      ) STRICT;
      CREATE INDEX report_event_review ON report_event (review_id, seq);

      CREATE TABLE report_approval (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id   TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        title       TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
        approved_at TEXT NOT NULL,
        actor       TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;
      CREATE INDEX report_approval_review ON report_approval (review_id, seq);

      CREATE TABLE appendix (
        id        TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        position  INTEGER NOT NULL CHECK (position >= 1),
        title     TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        kind      TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx')),
        bytes     INTEGER NOT NULL CHECK (bytes = length(content)),
        sha256    TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        content   BLOB NOT NULL,
        added_at  TEXT NOT NULL,
        added_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX appendix_review ON appendix (review_id, position);

      CREATE TABLE report_settings (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        administration TEXT NOT NULL CHECK (length(administration) BETWEEN 1 AND 200),
        department     TEXT NOT NULL CHECK (length(department) BETWEEN 1 AND 200),
        board          TEXT NOT NULL CHECK (length(board) BETWEEN 1 AND 200),
        font           TEXT NOT NULL CHECK (font IN ('Times New Roman', 'Arial')),
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL
      ) STRICT;
    `);
    for (const sql of Object.values(REPORT_TRIGGERS_V6)) db.exec(sql);
  },
};
