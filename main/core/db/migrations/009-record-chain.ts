import type { Database } from 'better-sqlite3';
import { hashOfRecord, type RecordRow } from '../audit-chain/hash';
import type { Migration } from '../migration';

/**
 * The record chain (issue 15): approvals and their revocation, the report's revisions and log,
 * the frozen approved version, the appendices, findings, files marked done and reopened, and the
 * publication threshold join a tamper-evident chain of their own, `record_log`, checked like the
 * answers' trail (main/core/db/audit-chain/records.ts).
 *
 * - One row per change of a source row, written ONLY by the triggers below, so no code path can
 *   forget it. `body` is the canonical JSON (SQLite's json_object, fixed key order) of the source
 *   row's relevant fields; a draft's or a file's bytes are never copied, only their SHA-256.
 * - Chained per review like `answer_audit`: `prev_hash` is the hash of the review's previous row,
 *   `hash` = granska_record_hash(prev_hash, review_id, at, actor, kind, ref, body), a function
 *   only the app registers: a write from a tool without it fails, which is intended.
 * - Append-only: no row is ever updated or deleted (a deleted review keeps its rows, as its
 *   answers' trail does).
 * - The check replays it against the tables: every log row, approval, frozen version, done mark
 *   and threshold change has its entry with the same body, every entry's row still exists, and
 *   the report, findings and appendices are what their last entries say.
 *
 * Released text: the check compares the triggers byte for byte with RECORD_TRIGGERS_V9 and builds
 * its expected bodies from RECORD_BODIES_V9; a later change goes into a new migration.
 */

export const RECORD_KINDS_V9 = [
  'report',
  'report_deleted',
  'report_event',
  'approval',
  'approval_revoked',
  'frozen',
  'frozen_revoked',
  'case_event',
  'publication_event',
  'finding',
  'finding_removed',
  'appendix',
  'appendix_deleted',
] as const;
export type RecordKind = (typeof RECORD_KINDS_V9)[number];

/** A source row's key as the entry's `ref`, with `p` the row's alias (NEW, OLD or a table alias). */
export const RECORD_REFS_V9 = {
  seq: (p: string) => `CAST(${p}.seq AS TEXT)`,
  report: (p: string) => `${p}.review_id`,
  finding: (p: string) => `json_array(${p}.case_id, ${p}.question_id)`,
  appendix: (p: string) => `${p}.id`,
} as const;

/** The body each kind records, as SQL over the source row `p`: the same expression writes it (trigger) and checks it (audit). */
export const RECORD_BODIES_V9: Readonly<Record<RecordKind, (p: string) => string>> = {
  report: (p) => `json_object('revision', ${p}.revision, 'status', ${p}.status, 'draft_sha256', granska_sha256(${p}.draft))`,
  report_deleted: (p) => `json_object('revision', ${p}.revision, 'status', ${p}.status)`,
  report_event: (p) => `json_object('seq', ${p}.seq, 'at', ${p}.at, 'actor', ${p}.actor, 'action', ${p}.action, 'note', ${p}.note)`,
  approval: (p) =>
    `json_object('seq', ${p}.seq, 'name', ${p}.name, 'title', ${p}.title, 'role', ${p}.role, 'approved_at', ${p}.approved_at, 'actor', ${p}.actor, 'draft_sha256', ${p}.draft_sha256, 'override', ${p}.override)`,
  approval_revoked: (p) => `json_object('seq', ${p}.seq, 'revoked_at', ${p}.revoked_at)`,
  frozen: (p) =>
    `json_object('seq', ${p}.seq, 'revision', ${p}.revision, 'frozen_at', ${p}.frozen_at, 'memo_sha256', ${p}.memo_sha256, 'bilaga1_sha256', ${p}.bilaga1_sha256, 'appendices', ${p}.appendices)`,
  frozen_revoked: (p) => `json_object('seq', ${p}.seq, 'revoked_at', ${p}.revoked_at)`,
  case_event: (p) => `json_object('seq', ${p}.seq, 'case_id', ${p}.case_id, 'action', ${p}.action, 'at', ${p}.at, 'actor', ${p}.actor)`,
  publication_event: (p) =>
    `json_object('seq', ${p}.seq, 'at', ${p}.at, 'actor', ${p}.actor, 'from_threshold', ${p}.from_threshold, 'to_threshold', ${p}.to_threshold, 'reason', ${p}.reason)`,
  finding: (p) => `json_object('case_id', ${p}.case_id, 'question_id', ${p}.question_id, 'marked_at', ${p}.marked_at, 'marked_by', ${p}.marked_by)`,
  finding_removed: (p) => `json_object('case_id', ${p}.case_id, 'question_id', ${p}.question_id)`,
  appendix: (p) => `json_object('id', ${p}.id, 'position', ${p}.position, 'title', ${p}.title, 'kind', ${p}.kind, 'sha256', ${p}.sha256)`,
  appendix_deleted: (p) => `json_object('id', ${p}.id, 'title', ${p}.title)`,
};

interface Entry {
  src: 'NEW' | 'OLD';
  kind: RecordKind;
  ref: (p: string) => string;
  at: string;
  actor: string;
  /** Only when this holds (over the source row). */
  when?: string;
}

/**
 * One chained INSERT. The values are named once in the innermost SELECT and read from there, so
 * the row stores exactly what it hashes (granska_now() is also one moment per run: db/audit-chain/hash.ts).
 */
const entry = ({ src, kind, ref, at, actor, when }: Entry) => `  INSERT INTO record_log (review_id, at, actor, kind, ref, body, prev_hash, hash)
  SELECT x.review_id, x.at, x.actor, x.kind, x.ref, x.body, x.prev, granska_record_hash(x.prev, x.review_id, x.at, x.actor, x.kind, x.ref, x.body)
  FROM (SELECT e.*, (SELECT hash FROM record_log WHERE review_id = e.review_id ORDER BY seq DESC LIMIT 1) AS prev
        FROM (SELECT ${src}.review_id AS review_id, ${at} AS at, ${actor} AS actor, '${kind}' AS kind, ${ref(src)} AS ref, ${RECORD_BODIES_V9[kind](src)} AS body${
          when ? ` WHERE ${when}` : ''
        }) AS e) AS x;`;

const NOW = 'granska_now()';
const ACTOR = 'granska_actor()';

const trigger = (name: string, event: string, entries: Entry[], when?: string) =>
  `CREATE TRIGGER ${name} ${event}${when ? `\nWHEN ${when}` : ''}
BEGIN
${entries.map(entry).join('\n')}
END`;

export const RECORD_TRIGGERS_V9: Readonly<Record<string, string>> = {
  record_log_no_update: `CREATE TRIGGER record_log_no_update BEFORE UPDATE ON record_log
BEGIN SELECT RAISE(ABORT, 'the record log is append-only'); END`,
  record_log_no_delete: `CREATE TRIGGER record_log_no_delete BEFORE DELETE ON record_log
BEGIN SELECT RAISE(ABORT, 'the record log is append-only'); END`,

  report_event_recorded: trigger('report_event_recorded', 'AFTER INSERT ON report_event', [
    { src: 'NEW', kind: 'report_event', ref: RECORD_REFS_V9.seq, at: 'NEW.at', actor: 'NEW.actor' },
  ]),
  report_approval_recorded: trigger('report_approval_recorded', 'AFTER INSERT ON report_approval', [
    { src: 'NEW', kind: 'approval', ref: RECORD_REFS_V9.seq, at: 'NEW.approved_at', actor: 'NEW.actor' },
  ]),
  report_approval_revocation_recorded: trigger(
    'report_approval_revocation_recorded',
    'AFTER UPDATE OF revoked_at ON report_approval',
    [{ src: 'NEW', kind: 'approval_revoked', ref: RECORD_REFS_V9.seq, at: 'NEW.revoked_at', actor: ACTOR }],
    'OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL',
  ),
  report_frozen_recorded: trigger('report_frozen_recorded', 'AFTER INSERT ON report_frozen', [
    { src: 'NEW', kind: 'frozen', ref: RECORD_REFS_V9.seq, at: 'NEW.frozen_at', actor: ACTOR },
  ]),
  report_frozen_revocation_recorded: trigger(
    'report_frozen_revocation_recorded',
    'AFTER UPDATE OF revoked_at ON report_frozen',
    [{ src: 'NEW', kind: 'frozen_revoked', ref: RECORD_REFS_V9.seq, at: 'NEW.revoked_at', actor: ACTOR }],
    'OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL',
  ),

  report_recorded_on_insert: trigger('report_recorded_on_insert', 'AFTER INSERT ON report', [
    { src: 'NEW', kind: 'report', ref: RECORD_REFS_V9.report, at: 'NEW.updated_at', actor: 'NEW.updated_by' },
  ]),
  report_recorded_on_update: trigger(
    'report_recorded_on_update',
    'AFTER UPDATE ON report',
    [{ src: 'NEW', kind: 'report', ref: RECORD_REFS_V9.report, at: 'NEW.updated_at', actor: 'NEW.updated_by' }],
    'OLD.revision IS NOT NEW.revision OR OLD.status IS NOT NEW.status OR OLD.draft IS NOT NEW.draft',
  ),
  report_recorded_on_delete: trigger('report_recorded_on_delete', 'AFTER DELETE ON report', [
    { src: 'OLD', kind: 'report_deleted', ref: RECORD_REFS_V9.report, at: NOW, actor: ACTOR },
  ]),

  case_event_recorded: trigger('case_event_recorded', 'AFTER INSERT ON case_event', [
    { src: 'NEW', kind: 'case_event', ref: RECORD_REFS_V9.seq, at: 'NEW.at', actor: 'NEW.actor' },
  ]),
  publication_event_recorded: trigger('publication_event_recorded', 'AFTER INSERT ON publication_event', [
    { src: 'NEW', kind: 'publication_event', ref: RECORD_REFS_V9.seq, at: 'NEW.at', actor: 'NEW.actor' },
  ]),

  finding_recorded_on_insert: trigger('finding_recorded_on_insert', 'AFTER INSERT ON finding', [
    { src: 'NEW', kind: 'finding', ref: RECORD_REFS_V9.finding, at: 'NEW.marked_at', actor: 'NEW.marked_by' },
  ]),
  finding_recorded_on_update: trigger(
    'finding_recorded_on_update',
    'AFTER UPDATE ON finding',
    [
      { src: 'OLD', kind: 'finding_removed', ref: RECORD_REFS_V9.finding, at: NOW, actor: ACTOR, when: 'OLD.case_id IS NOT NEW.case_id OR OLD.question_id IS NOT NEW.question_id' },
      { src: 'NEW', kind: 'finding', ref: RECORD_REFS_V9.finding, at: 'NEW.marked_at', actor: 'NEW.marked_by' },
    ],
    'OLD.case_id IS NOT NEW.case_id OR OLD.question_id IS NOT NEW.question_id OR OLD.review_id IS NOT NEW.review_id OR OLD.marked_at IS NOT NEW.marked_at OR OLD.marked_by IS NOT NEW.marked_by',
  ),
  finding_recorded_on_delete: trigger('finding_recorded_on_delete', 'AFTER DELETE ON finding', [
    { src: 'OLD', kind: 'finding_removed', ref: RECORD_REFS_V9.finding, at: NOW, actor: ACTOR },
  ]),

  appendix_recorded_on_insert: trigger('appendix_recorded_on_insert', 'AFTER INSERT ON appendix', [
    { src: 'NEW', kind: 'appendix', ref: RECORD_REFS_V9.appendix, at: 'NEW.added_at', actor: 'NEW.added_by' },
  ]),
  appendix_recorded_on_update: trigger(
    'appendix_recorded_on_update',
    'AFTER UPDATE ON appendix',
    [
      { src: 'OLD', kind: 'appendix_deleted', ref: RECORD_REFS_V9.appendix, at: NOW, actor: ACTOR, when: 'OLD.id IS NOT NEW.id' },
      { src: 'NEW', kind: 'appendix', ref: RECORD_REFS_V9.appendix, at: NOW, actor: ACTOR },
    ],
    'OLD.id IS NOT NEW.id OR OLD.review_id IS NOT NEW.review_id OR OLD.position IS NOT NEW.position OR OLD.title IS NOT NEW.title OR OLD.kind IS NOT NEW.kind OR OLD.sha256 IS NOT NEW.sha256',
  ),
  appendix_recorded_on_delete: trigger('appendix_recorded_on_delete', 'AFTER DELETE ON appendix', [
    { src: 'OLD', kind: 'appendix_deleted', ref: RECORD_REFS_V9.appendix, at: NOW, actor: ACTOR },
  ]),
};

/** Who the backfill names where the row itself names nobody (a revocation, a frozen version). */
export const RECORD_BACKFILL_ACTOR = 'schemauppdatering 9 (skrevs före händelseloggen)';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const migration009: Migration = {
  version: 9,
  name: 'record-chain',
  up(db) {
    db.exec(`
      CREATE TABLE record_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        review_id TEXT NOT NULL,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN (${quoted(RECORD_KINDS_V9)})),
        ref       TEXT NOT NULL,
        body      TEXT NOT NULL CHECK (json_valid(body)),
        prev_hash TEXT CHECK (prev_hash IS NULL OR length(prev_hash) = 64),
        hash      TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX record_log_review ON record_log (review_id, seq);
      CREATE INDEX record_log_ref ON record_log (kind, ref, seq);
    `);
    backfillRecords(db);
    for (const sql of Object.values(RECORD_TRIGGERS_V9)) db.exec(sql);
  },
};

/**
 * Writes one entry for every row the tables already hold, as it is now, in a stable order (time,
 * then kind, then the row's own order), so an existing database verifies after migrating. Rows of
 * reviews that no longer exist (files' done log kept after a deletion) are left out: there is
 * nothing left to check them against.
 */
function backfillRecords(db: Database): void {
  const b = RECORD_BODIES_V9;
  const r = RECORD_REFS_V9;
  const source = (kind: RecordKind, table: string, ref: (p: string) => string, at: string, actor: string, order: string, where = '1') =>
    `SELECT t.review_id AS review_id, ${at} AS at, ${actor} AS actor, '${kind}' AS kind, ${ref('t')} AS ref, ${b[kind]('t')} AS body,
            ${RECORD_KINDS_V9.indexOf(kind)} AS rank, ${order} AS n
       FROM ${table} t WHERE ${where} AND EXISTS (SELECT 1 FROM review v WHERE v.id = t.review_id)`;
  const sql = [
    source('case_event', 'case_event', r.seq, 't.at', 't.actor', 't.seq'),
    source('publication_event', 'publication_event', r.seq, 't.at', 't.actor', 't.seq'),
    source('report_event', 'report_event', r.seq, 't.at', 't.actor', 't.seq'),
    source('approval', 'report_approval', r.seq, 't.approved_at', 't.actor', 't.seq'),
    source('approval_revoked', 'report_approval', r.seq, 't.revoked_at', '@actor', 't.seq', 't.revoked_at IS NOT NULL'),
    source('frozen', 'report_frozen', r.seq, 't.frozen_at', '@actor', 't.seq'),
    source('frozen_revoked', 'report_frozen', r.seq, 't.revoked_at', '@actor', 't.seq', 't.revoked_at IS NOT NULL'),
    source('report', 'report', r.report, 't.updated_at', 't.updated_by', '0'),
    source('finding', 'finding', r.finding, 't.marked_at', 't.marked_by', '0'),
    source('appendix', 'appendix', r.appendix, 't.added_at', 't.added_by', 't.position'),
  ].join('\nUNION ALL\n');
  const rows = db.prepare(`${sql}\nORDER BY at, rank, n, ref`).all({ actor: RECORD_BACKFILL_ACTOR }) as RecordRow[];
  const insert = db.prepare(
    'INSERT INTO record_log (review_id, at, actor, kind, ref, body, prev_hash, hash) VALUES (@review_id, @at, @actor, @kind, @ref, @body, @prev_hash, @hash)',
  );
  const heads = new Map<string, string>();
  for (const row of rows) {
    const prev = heads.get(row.review_id) ?? null;
    const record: RecordRow = { review_id: row.review_id, at: row.at, actor: row.actor, kind: row.kind, ref: row.ref, body: row.body };
    const hash = hashOfRecord(prev, record);
    insert.run({ ...record, prev_hash: prev, hash });
    heads.set(row.review_id, hash);
  }
}
