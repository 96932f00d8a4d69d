import type { Database } from 'better-sqlite3';
import type { AuditBreakKind } from '../../../../shared/contract/audit';
import { AUDIT_TRIGGERS_V3 } from '../migrations/003-audit-chain';
import { CASE_EVENT_TRIGGERS_V5 } from '../migrations/005-workspace';
import { REPORT_TRIGGERS_V6 } from '../migrations/006-report';
import { PUBLICATION_TRIGGERS_V7 } from '../migrations/007-publication';
import { REPORT_TRIGGERS_V8 } from '../migrations/008-writing';
import { RECORD_TRIGGERS_V9 } from '../migrations/009-record-chain';
import { hashOfRecord, hashOfRow, type ChainedRow, type RecordRow } from './hash';
import { checkRecordsAgainstTables, OPEN_CHECK_NEWEST_SOURCE_ROWS } from './records';

/**
 * The triggers that write and protect the trails, as the latest migration that defines them created
 * them: the answers' chained trail, the log of files marked done and reopened (written only by
 * a trigger on case_file, so a dropped one would let a done mark change unlogged), the report's
 * log and approvals (append-only; an approval may only be revoked, so a dropped trigger would let
 * "Attesterat av" be rewritten or a reopening be erased), and the record chain that logs all of
 * these, the report's revisions, the frozen versions, appendices and findings (migration 009).
 */
export const EXPECTED_AUDIT_TRIGGERS: Readonly<Record<string, string>> = {
  ...AUDIT_TRIGGERS_V3,
  ...CASE_EVENT_TRIGGERS_V5,
  ...REPORT_TRIGGERS_V6,
  ...PUBLICATION_TRIGGERS_V7,
  ...REPORT_TRIGGERS_V8,
  ...RECORD_TRIGGERS_V9,
};
/** Every trigger on these tables must be one of EXPECTED_AUDIT_TRIGGERS: an added one could silence or rewrite a log. */
const GUARDED_TABLES = [
  'answer',
  'answer_audit',
  'case_file',
  'case_event',
  'report',
  'report_event',
  'report_approval',
  'report_frozen',
  'publication_event',
  'finding',
  'appendix',
  'record_log',
];

/** The first place the trail cannot be trusted; seq and at are null where no row is to blame (a trigger, a rewritten chain). */
export interface AuditBreak {
  kind: AuditBreakKind;
  seq: number | null;
  at: string | null;
  reason: string;
}

export interface AuditReport {
  ok: boolean;
  /** Rows whose link was checked. */
  checked: number;
  firstBroken?: AuditBreak;
  /** Hash of the last row checked: written down outside the workbench, it also reveals a rewritten chain. */
  head?: string;
  /** Where the anchor given to the check sits: every row up to it is as it was when the anchor was noted. */
  anchor?: { seq: number; at: string };
}

/** The full report: the answers' trail as before, and the record chain (händelseloggen) beside it. */
export interface VerifyReport extends AuditReport {
  records: {
    /** Rows of the record chain whose link was checked (0 when a break before it stopped the check). */
    checked: number;
    /** Hash of its last row: the record chain's own head, to note outside the workbench like the answers' head. */
    head?: string;
    /** Where the anchor sits when it was a head of the record chain. */
    anchor?: { seq: number; at: string };
  };
}

export const ANCHOR_MISSING_REASON = 'Den antecknade kontrollsumman finns inte längre i kedjan: historiken före den har skrivits om eller tagits bort.';

/** Every trigger on the guarded tables must be exactly one we created; a missing, altered or added one is reported. */
export function checkAuditTriggers(db: Database): AuditBreak | undefined {
  const found = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${GUARDED_TABLES.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...GUARDED_TABLES) as { name: string; sql: string }[];
  const byName = new Map(found.map((t) => [t.name, t.sql]));
  for (const [name, sql] of Object.entries(EXPECTED_AUDIT_TRIGGERS)) {
    if (!byName.has(name)) return { kind: 'triggers', seq: null, at: null, reason: `Databasens skydd av ändringsloggen saknas (triggern ${name} har tagits bort).` };
    if (byName.get(name) !== sql) return { kind: 'triggers', seq: null, at: null, reason: `Databasens skydd av ändringsloggen har ändrats (triggern ${name}).` };
  }
  const extra = found.find((t) => !(t.name in EXPECTED_AUDIT_TRIGGERS));
  if (extra) return { kind: 'triggers', seq: null, at: null, reason: `En okänd trigger (${extra.name}) har lagts till på svaren, akterna eller loggarna.` };
  return undefined;
}

interface WalkedRow {
  seq: number;
  review_id: string;
  at: string;
  prev_hash: string | null;
  hash: string;
}

interface ChainSpec<R extends WalkedRow> {
  table: 'answer_audit' | 'record_log';
  hashOf: (prev: string | null, row: R) => string;
  kinds: { link: AuditBreakKind; content: AuditBreakKind };
  reasons: { firstMissing: string; link: string; content: string };
}

interface ChainWalk {
  ok: boolean;
  checked: number;
  firstBroken?: AuditBreak;
  head?: string;
  /** Where the anchor was found, if it was a hash of this chain. */
  found?: { seq: number; at: string };
}

/**
 * Walks a chain of one review (or of every review) in order: each row must name the previous
 * row's hash and hash to its own. In a window (`lastRows`) the first row of each review is where
 * the walk starts: its own hash is checked, its link is taken as given.
 */
function walkChain<R extends WalkedRow>(db: Database, spec: ChainSpec<R>, reviewId: string | undefined, options: { lastRows?: number; anchor?: string }): ChainWalk {
  const window = options.lastRows === undefined ? '' : `${reviewId === undefined ? 'WHERE' : 'AND'} seq > (SELECT COALESCE(MAX(seq), 0) FROM ${spec.table}) - ${Math.floor(options.lastRows)}`;
  const rows =
    reviewId === undefined ? db.prepare(`SELECT * FROM ${spec.table} ${window} ORDER BY seq`) : db.prepare(`SELECT * FROM ${spec.table} WHERE review_id = ? ${window} ORDER BY seq`);
  const heads = new Map<string, string>();
  let checked = 0;
  let head: string | undefined;
  let found: { seq: number; at: string } | undefined;
  for (const row of (reviewId === undefined ? rows.iterate() : rows.iterate(reviewId)) as IterableIterator<R>) {
    const windowStart = options.lastRows !== undefined && !heads.has(row.review_id);
    const expectedPrev = windowStart ? row.prev_hash : (heads.get(row.review_id) ?? null);
    let broken: Pick<AuditBreak, 'kind' | 'reason'> | undefined;
    if (row.prev_hash !== expectedPrev) {
      broken = { kind: spec.kinds.link, reason: expectedPrev === null ? spec.reasons.firstMissing : spec.reasons.link };
    } else if (spec.hashOf(row.prev_hash, row) !== row.hash) {
      broken = { kind: spec.kinds.content, reason: spec.reasons.content };
    }
    if (broken) return { ok: false, checked, firstBroken: { ...broken, seq: row.seq, at: row.at } };
    heads.set(row.review_id, row.hash);
    head = row.hash;
    if (row.hash === options.anchor) found = { seq: row.seq, at: row.at };
    checked++;
  }
  return { ok: true, checked, head, ...(found ? { found } : {}) };
}

const ANSWER_CHAIN: ChainSpec<ChainedRow & WalkedRow> = {
  table: 'answer_audit',
  hashOf: hashOfRow,
  kinds: { link: 'link', content: 'content' },
  reasons: {
    firstMissing: 'Loggens första rad pekar på en rad som inte finns: rader före den har tagits bort.',
    link: 'Länken till föregående rad stämmer inte: en rad före den har tagits bort, lagts till eller skrivits om.',
    content: 'Radens innehåll har ändrats efter att den skrevs.',
  },
};

const RECORD_CHAIN: ChainSpec<RecordRow & WalkedRow> = {
  table: 'record_log',
  hashOf: hashOfRecord,
  kinds: { link: 'record-link', content: 'record-content' },
  reasons: {
    firstMissing: 'Händelseloggens första rad pekar på en rad som inte finns: rader före den har tagits bort.',
    link: 'Länken till föregående rad i händelseloggen stämmer inte: en rad före den har tagits bort, lagts till eller skrivits om.',
    content: 'En rad i händelseloggen har ändrats efter att den skrevs.',
  },
};

/**
 * Walks the answers' chain of one review (or of every review) in order: each row must name the
 * previous row's hash and hash to its own. The first row that does not is reported; a row
 * changed, removed or slipped in shows at the row itself or at the one after it.
 *
 * The chain alone cannot tell a trail that was never touched from one rewritten from its first
 * row with the published hash function: both link up. `anchor`, a head hash noted outside the
 * workbench earlier, closes that gap: it must be the hash of one of the rows walked, and since
 * each hash covers the one before it, every row up to that one is then exactly as it was.
 */
export function checkAuditChains(db: Database, reviewId?: string, options: { lastRows?: number; anchor?: string } = {}): AuditReport {
  const walk = walkChain(db, ANSWER_CHAIN, reviewId, options);
  if (!walk.ok) return { ok: false, checked: walk.checked, firstBroken: walk.firstBroken };
  if (options.anchor !== undefined && walk.found === undefined) {
    return { ok: false, checked: walk.checked, firstBroken: { kind: 'anchor', seq: null, at: null, reason: ANCHOR_MISSING_REASON } };
  }
  return { ok: true, checked: walk.checked, head: walk.head, ...(walk.found ? { anchor: walk.found } : {}) };
}

/** The record chain's links and hashes (händelseloggen, migration 009), like checkAuditChains; the anchor is only noted where found. */
export function checkRecordChain(db: Database, reviewId?: string, options: { lastRows?: number } = {}): ChainWalk {
  return walkChain(db, RECORD_CHAIN, reviewId, options);
}

/**
 * The trail replayed must give the answers as they are: the latest entry of every answer holds its
 * current values (or says it was deleted). This finds what a chain alone cannot: its last rows
 * removed, or an answer changed while the triggers were away.
 */
export function checkAnswersAgainstTrail(db: Database, reviewId?: string): AuditBreak | undefined {
  const byReview = reviewId === undefined ? '' : 'AND last.review_id = @reviewId';
  const byReviewOfCase = reviewId === undefined ? '' : 'AND c.review_id = @reviewId';
  const row = db
    .prepare(
      `WITH last AS (
         SELECT l.* FROM answer_audit l JOIN (SELECT MAX(seq) AS seq FROM answer_audit GROUP BY case_id, question_id) m ON m.seq = l.seq)
       SELECT * FROM (
         SELECT last.seq, last.at, last.question_id, COALESCE(c.ref, last.case_id) AS ref, 'stale' AS kind
           FROM last LEFT JOIN answer a ON a.case_id = last.case_id AND a.question_id = last.question_id
           LEFT JOIN case_file c ON c.id = last.case_id
          WHERE ((a.case_id IS NULL) <> (last.action = 'delete')
             OR (a.case_id IS NOT NULL AND (a.value IS NOT last.new_value OR a.note IS NOT last.new_note OR a.file_ref IS NOT last.new_file_ref))) ${byReview}
         UNION ALL
         SELECT NULL, a.updated_at, a.question_id, c.ref, 'missing'
           FROM answer a JOIN case_file c ON c.id = a.case_id
          WHERE NOT EXISTS (SELECT 1 FROM answer_audit l WHERE l.case_id = a.case_id AND l.question_id = a.question_id) ${byReviewOfCase}
       ) ORDER BY seq IS NULL, seq LIMIT 1`,
    )
    .get(reviewId === undefined ? {} : { reviewId }) as { seq: number | null; at: string; question_id: string; ref: string; kind: 'stale' | 'missing' } | undefined;
  if (!row) return undefined;
  return {
    kind: 'answers',
    seq: row.seq,
    at: row.at,
    reason:
      row.kind === 'missing'
        ? `Svaret på fråga ${row.question_id} i akt ${row.ref} finns inte i ändringsloggen.`
        : `Svaret på fråga ${row.question_id} i akt ${row.ref} stämmer inte med ändringsloggens senaste rad: en ändring saknas i loggen.`,
  };
}

/**
 * AUTOINCREMENT remembers the highest seq ever written (sqlite_sequence, rolled back with its
 * transaction): if the table now ends below it, rows at the end were removed, which no later
 * link can reveal. O(1). For both chains: the answers' trail, then the record chain.
 */
export function checkAuditEnd(db: Database): AuditBreak | undefined {
  const ends: { table: string; kind: AuditBreakKind; reason: (written: number, last: number) => string }[] = [
    { table: 'answer_audit', kind: 'end', reason: (written, last) => `Loggens sista rader har tagits bort: rad ${written} har skrivits men loggen slutar vid rad ${last}.` },
    { table: 'record_log', kind: 'record-end', reason: (written, last) => `Händelseloggens sista rader har tagits bort: rad ${written} har skrivits men loggen slutar vid rad ${last}.` },
  ];
  for (const { table, kind, reason } of ends) {
    const written = (db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table) as number | undefined) ?? 0;
    const last = (db.prepare(`SELECT MAX(seq) FROM ${table}`).pluck().get() as number | null) ?? 0;
    if (last < written) return { kind, seq: last + 1, at: null, reason: reason(written, last) };
  }
  return undefined;
}

/** Rows whose chain links are checked when a database opens, per chain; the whole chain is `audit.verify`'s job (docs/performance.md). */
export const OPEN_CHECK_LAST_ROWS = 10_000;

/** The report for a check that stopped before the record chain was walked. */
const RECORDS_NOT_CHECKED = { checked: 0 } as const;

/**
 * The check every open runs, bounded whatever the size: the triggers, the ends of both chains, the
 * links of their last rows, and the newest rows of the record chain's tables against their
 * entries (a forged approval or a removed reopening opens the workbench read-only). A full check
 * of 1,000,000 rows takes tens of seconds, too long to stand between a reviewer and the app on
 * every start (figures in docs/performance.md).
 */
export function checkAuditOnOpen(db: Database): VerifyReport {
  const trigger = checkAuditTriggers(db) ?? checkAuditEnd(db);
  if (trigger) return { ok: false, checked: 0, firstBroken: trigger, records: RECORDS_NOT_CHECKED };
  const chain = checkAuditChains(db, undefined, { lastRows: OPEN_CHECK_LAST_ROWS });
  if (!chain.ok) return { ...chain, records: RECORDS_NOT_CHECKED };
  const records = checkRecordChain(db, undefined, { lastRows: OPEN_CHECK_LAST_ROWS });
  if (!records.ok) return { ok: false, checked: chain.checked, firstBroken: records.firstBroken, records: { checked: records.checked } };
  const replay = checkRecordsAgainstTables(db, undefined, { newestRows: OPEN_CHECK_NEWEST_SOURCE_ROWS });
  if (replay) return { ok: false, checked: chain.checked, firstBroken: replay, records: { checked: records.checked } };
  return { ...chain, records: { checked: records.checked, ...(records.head ? { head: records.head } : {}) } };
}

/**
 * Triggers, ends of both chains, both chains link by link, then the answers replayed against the
 * answers and the record chain replayed against approvals, the report, its log, the frozen
 * versions, appendices, findings, done marks and threshold changes: the full check, for one review
 * or the whole database. With `anchor` (a head hash of this review noted earlier, either case, of
 * either chain) the chain it belongs to must still contain it (see checkAuditChains).
 */
export function verifyAudit(db: Database, reviewId?: string, options: { anchor?: string } = {}): VerifyReport {
  const trigger = checkAuditTriggers(db) ?? checkAuditEnd(db);
  if (trigger) return { ok: false, checked: 0, firstBroken: trigger, records: RECORDS_NOT_CHECKED };
  const anchor = options.anchor?.toLowerCase();
  const chain = walkChain(db, ANSWER_CHAIN, reviewId, { anchor });
  if (!chain.ok) return { ok: false, checked: chain.checked, firstBroken: chain.firstBroken, records: RECORDS_NOT_CHECKED };
  const records = walkChain(db, RECORD_CHAIN, reviewId, { anchor });
  if (!records.ok) return { ok: false, checked: chain.checked, firstBroken: records.firstBroken, records: { checked: records.checked } };
  const recordsReport = { checked: records.checked, ...(records.head ? { head: records.head } : {}) };
  const broken = (firstBroken: AuditBreak): VerifyReport => ({ ok: false, checked: chain.checked, firstBroken, records: recordsReport });

  if (anchor !== undefined && chain.found === undefined && records.found === undefined) return broken({ kind: 'anchor', seq: null, at: null, reason: ANCHOR_MISSING_REASON });
  const state = checkAnswersAgainstTrail(db, reviewId) ?? checkRecordsAgainstTables(db, reviewId);
  if (state) return broken(state);
  return {
    ok: true,
    checked: chain.checked,
    ...(chain.head ? { head: chain.head } : {}),
    ...(chain.found ? { anchor: chain.found } : {}),
    records: { ...recordsReport, ...(records.found ? { anchor: records.found } : {}) },
  };
}
