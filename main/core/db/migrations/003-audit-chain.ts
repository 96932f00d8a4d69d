import type { Database } from 'better-sqlite3';
import { hashOfRow, type ChainedRow } from '../audit-chain/hash';
import type { Migration } from '../migration';

/**
 * The audit triggers as stored in sqlite_master, byte for byte. Opening a database compares the
 * schema against these (main/core/db/audit-chain/check.ts), so a dropped or altered trigger is found.
 * Released text: a later change goes into a new migration with its own constants.
 *
 * - Every change of an answer, deletions included, appends one row with the true old and new
 *   values. Deletions (also cascades from a deleted case) take their time and actor from the
 *   connection (granska_now, granska_actor). With recursive_triggers on (every app connection),
 *   an INSERT OR REPLACE first logs the deletion of the old row, so it never logs "(tom)" as old.
 * - Each row carries the hash of the previous row of the same review (prev_hash) and its own
 *   hash over prev_hash and its fields, computed by granska_audit_hash: a function only the
 *   app registers, so a write from a tool without it fails instead of breaking the chain.
 */
const chainedInsert = (action: string, src: 'NEW' | 'OLD', at: string, actor: string, reviewId: string, olds: [string, string, string], news: [string, string, string]) => {
  const values = [`x.review_id`, `${src}.case_id`, `${src}.question_id`, `'${action}'`, at, actor, olds[0], news[0], olds[1], news[1], olds[2], news[2]];
  return `  INSERT INTO answer_audit (review_id, case_id, question_id, action, at, actor, old_value, new_value, old_note, new_note, old_file_ref, new_file_ref, prev_hash, hash)
  SELECT ${values.join(', ')}, x.prev,
    granska_audit_hash(x.prev, ${values.join(', ')})
  FROM (SELECT r.review_id, (SELECT hash FROM answer_audit WHERE review_id = r.review_id ORDER BY seq DESC LIMIT 1) AS prev
        FROM (SELECT ${reviewId} AS review_id) AS r) AS x;`;
};

const reviewOfNew = '(SELECT review_id FROM case_file WHERE id = NEW.case_id)';
// A cascade from a deleted case may already have removed the case row; the answer's own trail names its review.
const reviewOfOld =
  'COALESCE((SELECT review_id FROM case_file WHERE id = OLD.case_id), (SELECT review_id FROM answer_audit WHERE case_id = OLD.case_id AND question_id = OLD.question_id ORDER BY seq DESC LIMIT 1))';

export const AUDIT_TRIGGERS_V3: Readonly<Record<string, string>> = {
  answer_audit_no_update: `CREATE TRIGGER answer_audit_no_update BEFORE UPDATE ON answer_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
  answer_audit_no_delete: `CREATE TRIGGER answer_audit_no_delete BEFORE DELETE ON answer_audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
  // An answer that moved to another case or question would leave both trails wrong: it is deleted and inserted instead.
  answer_key_immutable: `CREATE TRIGGER answer_key_immutable BEFORE UPDATE OF case_id, question_id ON answer
BEGIN SELECT RAISE(ABORT, 'an answer keeps its case and question'); END`,
  answer_audit_on_insert: `CREATE TRIGGER answer_audit_on_insert AFTER INSERT ON answer
BEGIN
${chainedInsert('insert', 'NEW', 'NEW.updated_at', 'NEW.updated_by', reviewOfNew, ['NULL', 'NULL', 'NULL'], ['NEW.value', 'NEW.note', 'NEW.file_ref'])}
END`,
  answer_audit_on_update: `CREATE TRIGGER answer_audit_on_update AFTER UPDATE ON answer
WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note OR OLD.file_ref IS NOT NEW.file_ref
BEGIN
${chainedInsert('update', 'NEW', 'NEW.updated_at', 'NEW.updated_by', reviewOfNew, ['OLD.value', 'OLD.note', 'OLD.file_ref'], ['NEW.value', 'NEW.note', 'NEW.file_ref'])}
END`,
  answer_audit_on_delete: `CREATE TRIGGER answer_audit_on_delete AFTER DELETE ON answer
BEGIN
${chainedInsert('delete', 'OLD', 'granska_now()', 'granska_actor()', reviewOfOld, ['OLD.value', 'OLD.note', 'OLD.file_ref'], ['NULL', 'NULL', 'NULL'])}
END`,
};

/** Who the migration names for history it had to complete (deletions the old schema did not log). */
export const RECONCILING_ACTOR = 'schemauppdatering 3 (ändring som inte loggades tidigare)';

interface LegacyRow extends ChainedRow {
  seq: number;
}

export const migration003: Migration = {
  version: 3,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      DROP TRIGGER answer_audit_on_insert;
      DROP TRIGGER answer_audit_on_update;
      DROP TRIGGER answer_audit_no_update;
      DROP TRIGGER answer_audit_no_delete;

      CREATE TABLE answer_audit_v3 (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id    TEXT NOT NULL,
        case_id      TEXT NOT NULL,
        question_id  TEXT NOT NULL,
        action       TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        old_value    TEXT,
        new_value    TEXT,
        old_note     TEXT,
        new_note     TEXT,
        old_file_ref TEXT,
        new_file_ref TEXT,
        prev_hash    TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64),
        hash         TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
    `);
    backfillChain(db);
    db.exec(`
      DROP TABLE answer_audit;
      ALTER TABLE answer_audit_v3 RENAME TO answer_audit;
      CREATE INDEX answer_audit_answer ON answer_audit (case_id, question_id, seq);
      CREATE INDEX answer_audit_review ON answer_audit (review_id, seq);
    `);
    for (const sql of Object.values(AUDIT_TRIGGERS_V3)) db.exec(sql);
  },
};

/**
 * Copies the old trail in its order into the chained table, then appends what the old schema
 * failed to log, so the trail replays to the answers as they are now: an answer without any
 * entry, one whose last entry differs from it, and entries of answers that were deleted.
 */
function backfillChain(db: Database): void {
  const heads = new Map<string, string>();
  const insert = db.prepare(
    `INSERT INTO answer_audit_v3 (seq, review_id, case_id, question_id, action, at, actor, old_value, new_value, old_note, new_note, old_file_ref, new_file_ref, prev_hash, hash)
     VALUES (@seq, @review_id, @case_id, @question_id, @action, @at, @actor, @old_value, @new_value, @old_note, @new_note, @old_file_ref, @new_file_ref, @prev_hash, @hash)`,
  );
  const append = (row: ChainedRow & { seq: number | null }) => {
    const prev = heads.get(row.review_id!) ?? null;
    const hash = hashOfRow(prev, row);
    insert.run({ ...row, prev_hash: prev, hash });
    heads.set(row.review_id!, hash);
  };

  // Before this schema an answer was only ever inserted once and then updated (deletions left no entry).
  const seen = new Set<string>();
  const legacy = db.prepare(
    `SELECT a.seq, COALESCE(c.review_id, '') AS review_id, a.case_id, a.question_id, a.at, a.actor,
            a.old_value, a.new_value, a.old_note, a.new_note, a.old_file_ref, a.new_file_ref
       FROM answer_audit a LEFT JOIN case_file c ON c.id = a.case_id WHERE a.seq > ? ORDER BY a.seq LIMIT 10000`,
  );
  // In pages: a connection cannot insert while it is still stepping through a query.
  for (let after = 0, page = legacy.all(after) as Omit<LegacyRow, 'action'>[]; page.length > 0; page = legacy.all(after) as Omit<LegacyRow, 'action'>[]) {
    for (const row of page) {
      const key = `${row.case_id}\u0000${row.question_id}`;
      append({ ...row, action: seen.has(key) ? 'update' : 'insert' });
      seen.add(key);
    }
    after = page[page.length - 1].seq;
  }

  const now = db.prepare('SELECT granska_now()').pluck().get() as string;
  const gaps = db
    .prepare(
      `WITH last AS (
         SELECT l.* FROM answer_audit_v3 l JOIN (SELECT MAX(seq) AS seq FROM answer_audit_v3 GROUP BY case_id, question_id) m ON m.seq = l.seq)
       SELECT c.review_id, a.case_id, a.question_id, a.updated_at, a.updated_by, a.value, a.note, a.file_ref,
              last.seq AS last_seq, last.new_value AS last_value, last.new_note AS last_note, last.new_file_ref AS last_file_ref
         FROM answer a JOIN case_file c ON c.id = a.case_id
         LEFT JOIN last ON last.case_id = a.case_id AND last.question_id = a.question_id
        WHERE last.seq IS NULL OR a.value IS NOT last.new_value OR a.note IS NOT last.new_note OR a.file_ref IS NOT last.new_file_ref
       UNION ALL
       SELECT last.review_id, last.case_id, last.question_id, NULL, NULL, NULL, NULL, NULL,
              last.seq, last.new_value, last.new_note, last.new_file_ref
         FROM last WHERE NOT EXISTS (SELECT 1 FROM answer a WHERE a.case_id = last.case_id AND a.question_id = last.question_id)
       ORDER BY 1, 2, 3`,
    )
    .all() as {
    review_id: string;
    case_id: string;
    question_id: string;
    updated_at: string | null;
    updated_by: string | null;
    value: string | null;
    note: string | null;
    file_ref: string | null;
    last_seq: number | null;
    last_value: string | null;
    last_note: string | null;
    last_file_ref: string | null;
  }[];
  for (const g of gaps) {
    const deleted = g.updated_at === null;
    const hadEntry = g.last_seq !== null;
    append({
      seq: null,
      review_id: g.review_id,
      case_id: g.case_id,
      question_id: g.question_id,
      action: deleted ? 'delete' : hadEntry ? 'update' : 'insert',
      at: deleted ? now : g.updated_at,
      actor: deleted ? RECONCILING_ACTOR : g.updated_by,
      old_value: hadEntry ? g.last_value : null,
      new_value: deleted ? null : g.value,
      old_note: hadEntry ? g.last_note : null,
      new_note: deleted ? null : g.note,
      old_file_ref: hadEntry ? g.last_file_ref : null,
      new_file_ref: deleted ? null : g.file_ref,
    });
  }
}
