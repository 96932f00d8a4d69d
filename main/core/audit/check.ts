import type { Database } from 'better-sqlite3';
import type { AuditBreakKind } from '../../../shared/contract/audit';
import { AUDIT_TRIGGERS_V3 } from '../db/migrations/003-audit-chain';
import { CASE_EVENT_TRIGGERS_V5 } from '../db/migrations/005-workspace';
import { REPORT_TRIGGERS_V6 } from '../db/migrations/006-report';
import { PUBLICATION_TRIGGERS_V7 } from '../db/migrations/007-publication';
import { REPORT_TRIGGERS_V8 } from '../db/migrations/008-writing';
import { hashOfRow, type ChainedRow } from './hash';

/**
 * The triggers that write and protect the trails, as the latest migration that defines them created
 * them: the answers' chained trail, the log of files marked done and reopened (written only by
 * a trigger on case_file, so a dropped one would let a done mark change unlogged), and the
 * report's log and approvals (append-only; an approval may only be revoked, so a dropped trigger
 * would let "Attesterat av" be rewritten or a reopening be erased).
 */
export const EXPECTED_AUDIT_TRIGGERS: Readonly<Record<string, string>> = { ...AUDIT_TRIGGERS_V3, ...CASE_EVENT_TRIGGERS_V5, ...REPORT_TRIGGERS_V6, ...PUBLICATION_TRIGGERS_V7, ...REPORT_TRIGGERS_V8 };
const GUARDED_TABLES = ['answer', 'answer_audit', 'case_file', 'case_event', 'report_event', 'report_approval', 'publication_event', 'report_frozen'];

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

type StoredRow = ChainedRow & { seq: number; prev_hash: string | null; hash: string };

/**
 * Walks the chain of one review (or of every review) in order: each row must name the previous
 * row's hash and hash to its own. The first row that does not is reported; a row changed,
 * removed or slipped in shows at the row itself or at the one after it.
 *
 * The chain alone cannot tell a trail that was never touched from one rewritten from its first
 * row with the published hash function: both link up. `anchor`, a head hash noted outside the
 * workbench earlier, closes that gap: it must be the hash of one of the rows walked, and since
 * each hash covers the one before it, every row up to that one is then exactly as it was.
 */
export function checkAuditChains(db: Database, reviewId?: string, options: { lastRows?: number; anchor?: string } = {}): AuditReport {
  const window = options.lastRows === undefined ? '' : `${reviewId === undefined ? 'WHERE' : 'AND'} seq > (SELECT COALESCE(MAX(seq), 0) FROM answer_audit) - ${Math.floor(options.lastRows)}`;
  const rows =
    reviewId === undefined ? db.prepare(`SELECT * FROM answer_audit ${window} ORDER BY seq`) : db.prepare(`SELECT * FROM answer_audit WHERE review_id = ? ${window} ORDER BY seq`);
  const heads = new Map<string, string>();
  let checked = 0;
  let head: string | undefined;
  let anchor: { seq: number; at: string } | undefined;
  for (const row of (reviewId === undefined ? rows.iterate() : rows.iterate(reviewId)) as IterableIterator<StoredRow>) {
    // In a window the first row of each review is where the walk starts: its own hash is checked, its link is taken as given.
    const windowStart = options.lastRows !== undefined && !heads.has(row.review_id!);
    const expectedPrev = windowStart ? row.prev_hash : (heads.get(row.review_id!) ?? null);
    let broken: Pick<AuditBreak, 'kind' | 'reason'> | undefined;
    if (row.prev_hash !== expectedPrev) {
      broken = {
        kind: 'link',
        reason:
          expectedPrev === null
            ? 'Loggens första rad pekar på en rad som inte finns: rader före den har tagits bort.'
            : 'Länken till föregående rad stämmer inte: en rad före den har tagits bort, lagts till eller skrivits om.',
      };
    } else if (hashOfRow(row.prev_hash, row) !== row.hash) {
      broken = { kind: 'content', reason: 'Radens innehåll har ändrats efter att den skrevs.' };
    }
    if (broken) {
      return { ok: false, checked, firstBroken: { ...broken, seq: row.seq, at: row.at } };
    }
    heads.set(row.review_id!, row.hash);
    head = row.hash;
    if (row.hash === options.anchor) anchor = { seq: row.seq, at: row.at! };
    checked++;
  }
  if (options.anchor !== undefined && anchor === undefined) {
    return { ok: false, checked, firstBroken: { kind: 'anchor', seq: null, at: null, reason: ANCHOR_MISSING_REASON } };
  }
  return { ok: true, checked, head, ...(anchor ? { anchor } : {}) };
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
 * link can reveal. O(1).
 */
export function checkAuditEnd(db: Database): AuditBreak | undefined {
  const written = (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'answer_audit'`).pluck().get() as number | undefined) ?? 0;
  const last = (db.prepare('SELECT MAX(seq) FROM answer_audit').pluck().get() as number | null) ?? 0;
  if (last >= written) return undefined;
  return { kind: 'end', seq: last + 1, at: null, reason: `Loggens sista rader har tagits bort: rad ${written} har skrivits men loggen slutar vid rad ${last}.` };
}

/** Rows whose chain links are checked when a database opens; the whole chain is `audit.verify`'s job (docs/performance.md). */
export const OPEN_CHECK_LAST_ROWS = 10_000;

/**
 * The check every open runs, bounded whatever the size: the triggers, the end of the trail and
 * the links of its last rows. A full check of 1,000,000 rows takes tens of seconds, too long to
 * stand between a reviewer and the app on every start (figures in docs/performance.md).
 */
export function checkAuditOnOpen(db: Database): AuditReport {
  const trigger = checkAuditTriggers(db) ?? checkAuditEnd(db);
  if (trigger) return { ok: false, checked: 0, firstBroken: trigger };
  return checkAuditChains(db, undefined, { lastRows: OPEN_CHECK_LAST_ROWS });
}

/**
 * Triggers, end of the trail, the whole chain and the answers replayed: the full check, for one
 * review or the whole database. With `anchor` (a head hash of this review noted earlier, either
 * case) the chain must also still contain it (see checkAuditChains).
 */
export function verifyAudit(db: Database, reviewId?: string, options: { anchor?: string } = {}): AuditReport {
  const trigger = checkAuditTriggers(db) ?? checkAuditEnd(db);
  if (trigger) return { ok: false, checked: 0, firstBroken: trigger };
  const chain = checkAuditChains(db, reviewId, { anchor: options.anchor?.toLowerCase() });
  if (!chain.ok) return chain;
  const state = checkAnswersAgainstTrail(db, reviewId);
  if (state) return { ok: false, checked: chain.checked, firstBroken: state };
  return chain;
}
