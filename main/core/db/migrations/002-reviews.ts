import type { Migration } from '../migration';

/**
 * Reviews, their case lists (the sampling frame), samples, answers and the audit trail.
 * No personal identity number has a column anywhere: a case carries only a reference (or a
 * pseudonym code), unit, sex, age and age band at the review's reference date, and attributes.
 */
export const migration002: Migration = {
  version: 2,
  name: 'reviews',
  up(db) {
    db.exec(`
      CREATE TABLE review (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL,
        subtitle         TEXT,
        dnr              TEXT,
        theme            TEXT,
        target_group     TEXT NOT NULL CHECK (target_group IN ('barn', 'vuxna')),
        period_from      TEXT,
        period_to        TEXT,
        reference_date   TEXT NOT NULL,
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at       TEXT NOT NULL,
        created_by       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        FOREIGN KEY (template_id, template_version) REFERENCES template (id, version)
      ) STRICT;

      CREATE TABLE review_unit (
        review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        name      TEXT NOT NULL,
        position  INTEGER NOT NULL,
        PRIMARY KEY (review_id, name)
      ) STRICT;

      CREATE TABLE review_inspector (
        review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        name      TEXT NOT NULL,
        phone     TEXT,
        PRIMARY KEY (review_id, position)
      ) STRICT;

      CREATE TABLE case_file (
        id          TEXT PRIMARY KEY,
        review_id   TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,
        ref         TEXT NOT NULL,
        unit        TEXT NOT NULL,
        sex         TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
        age         INTEGER,
        age_band    TEXT,
        attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
        imported_at TEXT NOT NULL,
        done_at     TEXT,
        UNIQUE (review_id, ref)
      ) STRICT;
      CREATE INDEX case_file_review_unit ON case_file (review_id, unit);

      CREATE TABLE sample (
        review_id  TEXT PRIMARY KEY REFERENCES review (id) ON DELETE CASCADE,
        method     TEXT NOT NULL CHECK (method IN ('per-unit', 'total', 'all')),
        n          INTEGER,
        seed       TEXT NOT NULL,
        frame      TEXT NOT NULL CHECK (json_valid(frame)),
        drawn_at   TEXT NOT NULL,
        drawn_by   TEXT NOT NULL
      ) STRICT;

      -- Every case of the frame in its seeded order per unit; the first ones are selected and
      -- replacements are taken further down the same order.
      CREATE TABLE sample_case (
        review_id     TEXT NOT NULL REFERENCES sample (review_id) ON DELETE CASCADE,
        case_id       TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        unit          TEXT NOT NULL,
        seeded_order  INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('selected', 'replacement', 'dropped', 'reserve')),
        dropout_reason TEXT CHECK (dropout_reason IN ('ej_framtagbar', 'fel_malgrupp', 'annat')),
        dropout_note  TEXT,
        changed_at    TEXT,
        changed_by    TEXT,
        PRIMARY KEY (review_id, case_id),
        UNIQUE (review_id, unit, seeded_order)
      ) STRICT;

      CREATE TABLE answer (
        case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        value       TEXT,
        note        TEXT,
        file_ref    TEXT,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        PRIMARY KEY (case_id, question_id)
      ) STRICT;

      -- Append-only history of every change to an answer; the database refuses edits and deletes.
      CREATE TABLE answer_audit (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id     TEXT NOT NULL,
        question_id TEXT NOT NULL,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        old_value   TEXT,
        new_value   TEXT,
        old_note    TEXT,
        new_note    TEXT,
        old_file_ref TEXT,
        new_file_ref TEXT
      ) STRICT;
      CREATE INDEX answer_audit_answer ON answer_audit (case_id, question_id, seq);

      CREATE TRIGGER answer_audit_no_update BEFORE UPDATE ON answer_audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER answer_audit_no_delete BEFORE DELETE ON answer_audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

      CREATE TRIGGER answer_audit_on_insert AFTER INSERT ON answer
      BEGIN
        INSERT INTO answer_audit (case_id, question_id, at, actor, new_value, new_note, new_file_ref)
        VALUES (NEW.case_id, NEW.question_id, NEW.updated_at, NEW.updated_by, NEW.value, NEW.note, NEW.file_ref);
      END;
      CREATE TRIGGER answer_audit_on_update AFTER UPDATE ON answer
      WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note OR OLD.file_ref IS NOT NEW.file_ref
      BEGIN
        INSERT INTO answer_audit (case_id, question_id, at, actor, old_value, new_value, old_note, new_note, old_file_ref, new_file_ref)
        VALUES (NEW.case_id, NEW.question_id, NEW.updated_at, NEW.updated_by, OLD.value, NEW.value, OLD.note, NEW.note, OLD.file_ref, NEW.file_ref);
      END;
    `);
  },
};
