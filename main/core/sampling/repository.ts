import type { Database } from 'better-sqlite3';
import type { SampleRecord } from '../../../shared/contract/sampling';
import { isDoneSql } from '../scoring/scorable';
import { scoringStarted } from '../scoring/workspace';

interface SampleCaseRow {
  case_id: string;
  ref: string;
  unit: string;
  seeded_order: number;
  status: 'selected' | 'replacement' | 'dropped' | 'reserve';
  dropout_reason: 'ej_framtagbar' | 'fel_malgrupp' | 'annat' | null;
  dropout_note: string | null;
  changed_at: string | null;
  changed_by: string | null;
  done: 0 | 1;
}

export function readSample(db: Database, reviewId: string): SampleRecord | null {
  const sample = db.prepare('SELECT * FROM sample WHERE review_id = ?').get(reviewId) as
    | { method: 'per-unit' | 'total' | 'all'; n: number | null; seed: string; frame: string; drawn_at: string; drawn_by: string }
    | undefined;
  if (!sample) return null;
  const rows = db
    .prepare(
      `SELECT s.*, c.ref, ${isDoneSql('c', 'r')} AS done FROM sample_case s JOIN case_file c ON c.id = s.case_id JOIN review r ON r.id = s.review_id
       WHERE s.review_id = ? AND s.status <> 'reserve' ORDER BY s.unit, s.seeded_order`,
    )
    .all(reviewId) as SampleCaseRow[];
  const frame = JSON.parse(sample.frame) as Record<string, number>;
  const unitOrder = Object.keys(frame);
  rows.sort((a, b) => unitOrder.indexOf(a.unit) - unitOrder.indexOf(b.unit) || a.seeded_order - b.seeded_order);
  return {
    seed: sample.seed,
    method: sample.method === 'all' ? { kind: 'all' } : { kind: sample.method, n: sample.n! },
    drawnAt: sample.drawn_at,
    drawnBy: sample.drawn_by,
    frame,
    sample: rows.filter((r) => r.status !== 'dropped').map((r) => r.ref),
    cases: rows.map((r) => ({
      caseId: r.case_id,
      ref: r.ref,
      unit: r.unit,
      seededOrder: r.seeded_order,
      status: r.status,
      dropoutReason: r.dropout_reason,
      dropoutNote: r.dropout_note,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      // Done as every count sees it: marked done and complete.
      done: r.done === 1,
    })),
    scoringStarted: scoringStarted(db, reviewId),
  };
}
