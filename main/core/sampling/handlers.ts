import { DROPOUT_LABELS } from '../../../shared/contract/sampling';
import { nextReplacement } from '../../../shared/sampling/sample';
import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { requireReview } from '../reviews/repository';
import { drawReviewSample } from './draw';
import { readSample } from './repository';


export const samplingHandlers: HandlerMap = {
  'sampling.draw': (input, ctx) => drawReviewSample(ctx, input),

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

