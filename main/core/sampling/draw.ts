import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { drawSample, type SamplingMethod } from '../../../shared/sampling/sample';
import type { CoreContext } from '../context';
import { DomainError, invalid } from '../errors';
import { requireReview } from '../reviews/repository';
import { startedFileCount } from '../scoring/workspace';
import { formatNumber } from '../../../shared/util/format-sv';

/**
 * Draws a review's sample and stores it with its whole seeded order, in one transaction: what
 * `sampling.draw` does, and what the example review calls inside its own transaction.
 */
export function drawReviewSample({ db, now, actor, newId }: CoreContext, { reviewId, method, seed, replace }: ParsedInputOf<'sampling.draw'>): OutputOf<'sampling.draw'> {
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
}
