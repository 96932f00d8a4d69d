import type { Migration } from '../migration';

/**
 * Review templates. The document column holds the canonical granskningsmall/1 JSON (the source
 * of truth, exported byte-for-byte); template_question is derived from it on every save so later
 * analysis can join answers to areas in SQL.
 */
export const migration001: Migration = {
  version: 1,
  name: 'templates',
  up(db) {
    db.exec(`
      CREATE TABLE template (
        id           TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        name         TEXT NOT NULL,
        target_group TEXT NOT NULL CHECK (target_group IN ('barn', 'vuxna')),
        origin       TEXT NOT NULL CHECK (origin IN ('bundled', 'user', 'imported')),
        document     TEXT NOT NULL CHECK (json_valid(document)),
        frozen       INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;

      CREATE TABLE template_question (
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        question_id      TEXT NOT NULL,
        position         INTEGER NOT NULL,
        area_id          TEXT NOT NULL,
        area_position    INTEGER NOT NULL,
        type             TEXT NOT NULL CHECK (type IN ('scale', 'choice', 'date', 'number', 'text')),
        scale_id         TEXT,
        required         INTEGER NOT NULL CHECK (required IN (0, 1)),
        PRIMARY KEY (template_id, template_version, question_id),
        FOREIGN KEY (template_id, template_version) REFERENCES template (id, version) ON DELETE CASCADE
      ) STRICT;

      -- A version used by a review is history: the database itself refuses to change it.
      CREATE TRIGGER template_frozen_no_update
      BEFORE UPDATE OF document, name, target_group, version, id ON template
      WHEN OLD.frozen = 1
      BEGIN
        SELECT RAISE(ABORT, 'template version is frozen');
      END;

      CREATE TRIGGER template_frozen_no_delete
      BEFORE DELETE ON template
      WHEN OLD.frozen = 1
      BEGIN
        SELECT RAISE(ABORT, 'template version is frozen');
      END;
    `);
  },
};
