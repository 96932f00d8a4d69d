import type { Database } from 'better-sqlite3';
import { DROPOUT_LABELS, type SampleRecord } from '../../../shared/contract/sampling';
import { drawSample, nextReplacement, type SamplingMethod } from '../../../shared/sampling/sample';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid, notFound } from '../errors';
import { requireReview } from '../reviews/handlers';
import { isDoneSql } from '../scoring/scorable';
import { scoringStarted, startedFileCount } from '../scoring/workspace';
import { formatNumber } from '../../../shared/util/format-sv';

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

export const samplingHandlers: HandlerMap = {
  'sampling.draw': ({ reviewId, method, seed, replace }, { db, now, actor, newId }) => {
    const review = requireReview(db, reviewId);
    const frame = db.prepare('SELECT ref, unit FROM case_file WHERE review_id = ?').all(reviewId) as { ref: string; unit: string }[];
    const seedText = seed ?? newId('').slice(1);
    const drawn = drawSample(frame, method as SamplingMethod, seedText, review.units);
    if (!drawn.ok) throw invalid(drawn.error.message);
    const result = drawn.value;

    db.transaction(() => {
      const earlier = db.prepare('SELECT 1 FROM sample WHERE review_id = ?').get(reviewId);
      if (earlier) {
        // Checked under the draw's own write lock, before any confirmation matters: once a file has an
        // answer or a done mark, a new sample would leave that work outside the sample.
        const started = startedFileCount(db, reviewId);
        if (started > 0) {
          const files = started === 1 ? '1 akt har svar eller är klarmarkerad' : `${formatNumber(started)} akter har svar eller är klarmarkerade`;
          throw new DomainError('CONFLICT', `Urvalet kan inte dras om när granskningen har börjat: ${files}.`);
        }
        if (!replace) throw new DomainError('CONFLICT', 'Granskningen har redan ett urval. Bekräfta att det ska ersättas av ett nytt.');
        db.prepare('DELETE FROM sample WHERE review_id = ?').run(reviewId);
      }
      db.prepare('INSERT INTO sample (review_id, method, n, seed, frame, drawn_at, drawn_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        reviewId,
        method.kind,
        method.kind === 'all' ? null : method.n,
        result.seed,
        JSON.stringify(Object.fromEntries(result.units.map((u) => [u.unit, u.frameSize]))),
        now().toISOString(),
        actor,
      );
      const idByRef = new Map((db.prepare('SELECT ref, id FROM case_file WHERE review_id = ?').all(reviewId) as { ref: string; id: string }[]).map((r) => [r.ref, r.id]));
      const insert = db.prepare('INSERT INTO sample_case (review_id, case_id, unit, seeded_order, status) VALUES (?, ?, ?, ?, ?)');
      for (const unit of result.units) {
        // The whole seeded order is kept: replacements are drawn from it later, even if the frame changes.
        unit.order.forEach((ref, i) => insert.run(reviewId, idByRef.get(ref)!, unit.unit, i + 1, i < unit.selected.length ? 'selected' : 'reserve'));
      }
    }).immediate();
    return {
      seed: result.seed,
      frame: Object.fromEntries(result.units.map((u) => [u.unit, u.frameSize])),
      sample: result.sample,
      shortfall: result.shortfall,
    };
  },

  'sampling.get': ({ reviewId }, { db }) => {
    requireReview(db, reviewId);
    return readSample(db, reviewId);
  },

  'sampling.dropout': ({ reviewId, caseId, reason, note }, { db, now, actor }) => {
    requireReview(db, reviewId);
    if (reason === 'annat' && !note) throw invalid(`Beskriv skälet när skälet är "${DROPOUT_LABELS.annat}".`, [{ path: '$.note', message: 'Värdet saknas men krävs.' }]);
    return db.transaction(() => {
      const row = db.prepare('SELECT status, unit FROM sample_case WHERE review_id = ? AND case_id = ?').get(reviewId, caseId) as { status: string; unit: string } | undefined;
      if (!row) throw notFound('Akten ingår inte i granskningens urval.');
      if (row.status !== 'selected' && row.status !== 'replacement') throw invalid('Akten är redan markerad som bortfall eller ingår inte i urvalet.');
      const nowIso = now().toISOString();
      db.prepare('UPDATE sample_case SET status = ?, dropout_reason = ?, dropout_note = ?, changed_at = ?, changed_by = ? WHERE review_id = ? AND case_id = ?').run(
        'dropped',
        reason,
        note ?? null,
        nowIso,
        actor,
        reviewId,
        caseId,
      );
      const order = db.prepare('SELECT case_id, status FROM sample_case WHERE review_id = ? AND unit = ? ORDER BY seeded_order').all(reviewId, row.unit) as { case_id: string; status: string }[];
      const used = order.filter((c) => c.status !== 'reserve').map((c) => c.case_id);
      const next = nextReplacement(order.map((c) => c.case_id), used);
      if (!next) return { replacement: null };
      db.prepare(`UPDATE sample_case SET status = 'replacement', changed_at = ?, changed_by = ? WHERE review_id = ? AND case_id = ?`).run(nowIso, actor, reviewId, next);
      const ref = db.prepare('SELECT ref FROM case_file WHERE id = ?').pluck().get(next) as string;
      return { replacement: { caseId: next, ref } };
    })();
  },
};

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
