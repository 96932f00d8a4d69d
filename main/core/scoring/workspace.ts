import type { Database } from 'better-sqlite3';
import type { OutputOf } from '../../../shared/contract';
import type { Template } from '../../../shared/templates/schema';
import { progressOf } from './repository';
import { hasSample, isDoneSql } from './scorable';

/**
 * The review as a workspace: which files are to be scored, in which order, and how far the work
 * has come. The order is the review's unit order, then the sample's seeded order (by reference
 * without a sample); "Fortsätt granska" and a file's "next" follow it.
 */

interface OrderRow {
  id: string;
  ref: string;
  unit: string;
  sex: 'F' | 'M' | 'U';
  age_band: string | null;
  done_at: string | null;
  /** Marked done and complete (isDoneSql). */
  done: 0 | 1;
  status: 'selected' | 'replacement' | null;
}

/** Units the review lists come first in its order; a file's unit the review does not list follows, by name. */
const UNIT_ORDER = 'u.position IS NULL, u.position';

function scoringOrder(db: Database, reviewId: string, sampled: boolean): OrderRow[] {
  const columns = `c.id, c.ref, c.unit, c.sex, c.age_band, c.done_at, ${isDoneSql('c', 'r')} AS done`;
  const sql = sampled
    ? `SELECT ${columns}, s.status FROM sample_case s
         JOIN case_file c ON c.id = s.case_id JOIN review r ON r.id = s.review_id
         LEFT JOIN review_unit u ON u.review_id = s.review_id AND u.name = s.unit
       WHERE s.review_id = ? AND s.status IN ('selected', 'replacement') ORDER BY ${UNIT_ORDER}, s.unit, s.seeded_order`
    : `SELECT ${columns}, NULL AS status FROM case_file c JOIN review r ON r.id = c.review_id
         LEFT JOIN review_unit u ON u.review_id = c.review_id AND u.name = c.unit
       WHERE c.review_id = ? ORDER BY ${UNIT_ORDER}, c.unit, c.ref`;
  return db.prepare(sql).all(reviewId) as OrderRow[];
}

/** Any answer or done mark on any file of the review: the work has begun, so the sample stands. */
export function startedFileCount(db: Database, reviewId: string): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM case_file c WHERE c.review_id = ?
         AND (c.done_at IS NOT NULL OR EXISTS (SELECT 1 FROM answer a WHERE a.case_id = c.id))`,
    )
    .pluck()
    .get(reviewId) as number;
}

/** Whether any file of the review has an answer or a done mark (stops at the first). */
export function scoringStarted(db: Database, reviewId: string): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?)
             OR EXISTS (SELECT 1 FROM case_file WHERE review_id = ? AND done_at IS NOT NULL)`,
      )
      .pluck()
      .get(reviewId, reviewId) === 1
  );
}

export function overviewOf(db: Database, reviewId: string, template: Template): OutputOf<'scoring.overview'> {
  const sampled = hasSample(db, reviewId);
  const order = scoringOrder(db, reviewId, sampled);
  const answers = db.prepare('SELECT a.case_id, a.question_id, a.value FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?').all(reviewId) as {
    case_id: string;
    question_id: string;
    value: string | null;
  }[];
  const byCase = new Map<string, { question_id: string; value: string | null }[]>();
  for (const a of answers) {
    const list = byCase.get(a.case_id);
    if (list) list.push(a);
    else byCase.set(a.case_id, [a]);
  }
  const progressOfFile = fileProgress(template);
  const cases = order.map((c) => {
    const progress = progressOfFile(byCase.get(c.id));
    return { caseId: c.id, ref: c.ref, unit: c.unit, sex: c.sex, ageBand: c.age_band, status: c.status, markedDone: c.done_at !== null, done: c.done === 1, progress };
  });
  const sum = (k: 'answered' | 'total' | 'requiredMissing') => cases.reduce((s, r) => s + r.progress[k], 0);

  const dropped = new Map(
    (sampled ? (db.prepare(`SELECT unit, COUNT(*) AS n FROM sample_case WHERE review_id = ? AND status = 'dropped' GROUP BY unit`).all(reviewId) as { unit: string; n: number }[]) : []).map(
      (r) => [r.unit, r.n],
    ),
  );
  const reviewUnits = db.prepare('SELECT name FROM review_unit WHERE review_id = ? ORDER BY position').pluck().all(reviewId) as string[];
  const unitNames = [...new Set([...reviewUnits, ...cases.map((c) => c.unit), ...dropped.keys()])];
  const tally = new Map(unitNames.map((unit) => [unit, { sampled: 0, done: 0 }]));
  for (const c of cases) {
    const t = tally.get(c.unit)!;
    t.sampled++;
    if (c.done) t.done++;
  }
  const units = unitNames.map((unit) => {
    const { sampled: inUnit, done } = tally.get(unit)!;
    return { unit, sampled: inUnit, done, left: inUnit - done, dropped: dropped.get(unit) ?? 0 };
  });
  const next = cases.find((c) => !c.done);
  return {
    cases,
    progress: { answered: sum('answered'), total: sum('total'), requiredMissing: sum('requiredMissing') },
    units,
    files: { total: cases.length, done: cases.filter((c) => c.done).length },
    next: next ? { caseId: next.caseId, ref: next.ref, unit: next.unit } : null,
    hasSample: sampled,
    scoringStarted: scoringStarted(db, reviewId),
  };
}

/**
 * progressOf's file progress without its per-area split, for every file of a review at once (the
 * list may be 100,000 files before a sample is drawn): the same counts, a question answered when it
 * has a value.
 */
function fileProgress(template: Template) {
  const inTemplate = new Set(template.questions.map((q) => q.id));
  const required = new Set(template.questions.filter((q) => q.required).map((q) => q.id));
  const total = template.questions.length;
  const untouched = progressOf(template, []).progress;
  return (rows: readonly { question_id: string; value: string | null }[] | undefined) => {
    if (!rows) return untouched;
    let answered = 0;
    let requiredAnswered = 0;
    for (const r of rows) {
      if (r.value === null || !inTemplate.has(r.question_id)) continue;
      answered++;
      if (required.has(r.question_id)) requiredAnswered++;
    }
    return { answered, total, requiredMissing: required.size - requiredAnswered };
  };
}

/** The next file not done after `caseId` in the scoring order, wrapping to the start; never `caseId` itself. */
export function nextAfter(db: Database, reviewId: string, caseId: string): { caseId: string; ref: string } | null {
  const order = scoringOrder(db, reviewId, hasSample(db, reviewId));
  const at = order.findIndex((c) => c.id === caseId);
  const candidates = at < 0 ? order : [...order.slice(at + 1), ...order.slice(0, at)];
  const next = candidates.find((c) => c.id !== caseId && c.done === 0);
  return next ? { caseId: next.id, ref: next.ref } : null;
}
