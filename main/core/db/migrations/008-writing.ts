import type { Migration } from '../migration';
import { REPORT_TRIGGERS_V6 } from './006-report';

/**
 * Writing the memo from the review (issue 15):
 * - `finding`: a note on an answer marked as a finding (fynd) for the question's quality area. The
 *   text is the answer's note (in the answers' trail); the mark itself is its own row, so marking
 *   never rewrites an answer.
 * - `dialogue_meeting`: a dialogue meeting with a unit (granskningsmodellens dialogmöten): the date,
 *   who took part (roles, never clients' names) and notes per quality area as a JSON object.
 * - `profile.role` gains `socialdirektor`: the city approves with two roles.
 * - `report_settings.approvers`: the roles whose approvals make a memo approved, in no order.
 * - `report_approval` records the role, the SHA-256 of the draft approved and an override's reason.
 * - `appendix` may be LISTED before its file arrives (the memo lists "Bilaga 2 – Protokollsutdrag"
 *   at approval; the secretary attaches the file afterwards): the file columns are all set or all
 *   empty.
 * - `report_frozen`: the approved memo and Bilaga 1 as written at the last approval, with their
 *   SHA-256 and the list of appendices, so every later copy is these bytes.
 * - `report_event` learns three actions: an override of the readiness check, a file attached to a
 *   listed appendix, a draft rewritten from the review.
 */

const SETTINGS_DEFAULT_APPROVERS = `'["avdelningschef","socialdirektor"]'`;

export const REPORT_EVENT_ACTIONS_V8 = [
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
  'undantag',
  'bilaga_fil',
  'omskriven',
] as const;

export const PROFILE_ROLES_V8 = ['granskare', 'avdelningschef', 'socialdirektor', 'namndsekreterare'] as const;

export const REPORT_TRIGGERS_V8: Readonly<Record<string, string>> = {
  // An approval is history: only its revocation may be written, once.
  report_approval_no_update: `CREATE TRIGGER report_approval_no_update BEFORE UPDATE ON report_approval
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
  OR NEW.review_id IS NOT OLD.review_id OR NEW.name IS NOT OLD.name OR NEW.title IS NOT OLD.title
  OR NEW.approved_at IS NOT OLD.approved_at OR NEW.actor IS NOT OLD.actor
  OR NEW.role IS NOT OLD.role OR NEW.draft_sha256 IS NOT OLD.draft_sha256 OR NEW.override IS NOT OLD.override
BEGIN SELECT RAISE(ABORT, 'approvals are kept: only a revocation may be recorded'); END`,
  report_frozen_no_update: `CREATE TRIGGER report_frozen_no_update BEFORE UPDATE ON report_frozen
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
  OR NEW.review_id IS NOT OLD.review_id OR NEW.revision IS NOT OLD.revision OR NEW.frozen_at IS NOT OLD.frozen_at
  OR NEW.memo IS NOT OLD.memo OR NEW.memo_sha256 IS NOT OLD.memo_sha256 OR NEW.bilaga1 IS NOT OLD.bilaga1
  OR NEW.bilaga1_sha256 IS NOT OLD.bilaga1_sha256 OR NEW.appendices IS NOT OLD.appendices
BEGIN SELECT RAISE(ABORT, 'an approved version is kept: only its revocation may be recorded'); END`,
  report_frozen_no_delete: `CREATE TRIGGER report_frozen_no_delete BEFORE DELETE ON report_frozen
WHEN EXISTS (SELECT 1 FROM review WHERE id = OLD.review_id)
BEGIN SELECT RAISE(ABORT, 'an approved version is kept: only its revocation may be recorded'); END`,
};

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const migration008: Migration = {
  version: 8,
  name: 'writing',
  up(db) {
    db.exec(`
      CREATE TABLE finding (
        case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        review_id   TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        marked_at   TEXT NOT NULL,
        marked_by   TEXT NOT NULL,
        PRIMARY KEY (case_id, question_id)
      ) STRICT;
      CREATE INDEX finding_review ON finding (review_id);

      CREATE TABLE dialogue_meeting (
        id           TEXT PRIMARY KEY,
        review_id    TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        unit         TEXT NOT NULL CHECK (length(trim(unit)) BETWEEN 1 AND 200),
        held_on      TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        participants TEXT NOT NULL CHECK (length(participants) <= 2000),
        notes        TEXT NOT NULL CHECK (json_valid(notes) AND json_type(notes) = 'object'),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dialogue_meeting_review ON dialogue_meeting (review_id, unit, held_on);

      CREATE TABLE profile_v8 (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        title      TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 120),
        role       TEXT NOT NULL CHECK (role IN (${quoted(PROFILE_ROLES_V8)})),
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO profile_v8 SELECT id, name, title, role, updated_at FROM profile;
      DROP TABLE profile;
      ALTER TABLE profile_v8 RENAME TO profile;

      ALTER TABLE report_settings ADD COLUMN approvers TEXT NOT NULL DEFAULT ${SETTINGS_DEFAULT_APPROVERS}
        CHECK (json_valid(approvers) AND json_type(approvers) = 'array' AND json_array_length(approvers) BETWEEN 1 AND 5);

      DROP TRIGGER report_approval_no_update;
      ALTER TABLE report_approval ADD COLUMN role TEXT CHECK (role IS NULL OR role IN (${quoted(PROFILE_ROLES_V8)}));
      ALTER TABLE report_approval ADD COLUMN draft_sha256 TEXT CHECK (draft_sha256 IS NULL OR length(draft_sha256) = 64);
      ALTER TABLE report_approval ADD COLUMN override TEXT CHECK (override IS NULL OR length(override) BETWEEN 1 AND 2000);

      CREATE TABLE report_event_v8 (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL CHECK (action IN (${quoted(REPORT_EVENT_ACTIONS_V8)})),
        note      TEXT CHECK (note IS NULL OR length(note) <= 2000)
      ) STRICT;
      INSERT INTO report_event_v8 (seq, review_id, at, actor, action, note) SELECT seq, review_id, at, actor, action, note FROM report_event ORDER BY seq;
      DROP TRIGGER report_event_no_update;
      DROP TRIGGER report_event_no_delete;
      DROP TABLE report_event;
      ALTER TABLE report_event_v8 RENAME TO report_event;
      CREATE INDEX report_event_review ON report_event (review_id, seq);

      CREATE TABLE appendix_v8 (
        id          TEXT PRIMARY KEY,
        review_id   TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL CHECK (position >= 1),
        title       TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        file_name   TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
        kind        TEXT CHECK (kind IS NULL OR kind IN ('pdf', 'docx', 'xlsx')),
        bytes       INTEGER CHECK (bytes IS NULL OR bytes = length(content)),
        sha256      TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        content     BLOB,
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL,
        attached_at TEXT,
        attached_by TEXT,
        CHECK ((content IS NULL) = (file_name IS NULL) AND (content IS NULL) = (kind IS NULL) AND (content IS NULL) = (bytes IS NULL)
           AND (content IS NULL) = (sha256 IS NULL) AND (content IS NULL) = (attached_at IS NULL) AND (content IS NULL) = (attached_by IS NULL))
      ) STRICT;
      INSERT INTO appendix_v8 (id, review_id, position, title, file_name, kind, bytes, sha256, content, added_at, added_by, attached_at, attached_by)
        SELECT id, review_id, position, title, file_name, kind, bytes, sha256, content, added_at, added_by, added_at, added_by FROM appendix;
      DROP TABLE appendix;
      ALTER TABLE appendix_v8 RENAME TO appendix;
      CREATE INDEX appendix_review ON appendix (review_id, position);

      CREATE TABLE report_frozen (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id      TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        revision       INTEGER NOT NULL,
        frozen_at      TEXT NOT NULL,
        memo           BLOB NOT NULL,
        memo_sha256    TEXT NOT NULL CHECK (length(memo_sha256) = 64),
        bilaga1        BLOB NOT NULL,
        bilaga1_sha256 TEXT NOT NULL CHECK (length(bilaga1_sha256) = 64),
        appendices     TEXT NOT NULL CHECK (json_valid(appendices)),
        revoked_at     TEXT
      ) STRICT;
      CREATE INDEX report_frozen_review ON report_frozen (review_id, seq);
    `);
    // The report log's guards, as migration 6 wrote them (the table was rebuilt for its new actions).
    db.exec(REPORT_TRIGGERS_V6.report_event_no_update);
    db.exec(REPORT_TRIGGERS_V6.report_event_no_delete);
    for (const sql of Object.values(REPORT_TRIGGERS_V8)) db.exec(sql);
  },
};
