import type { Database } from 'better-sqlite3';
import { buildPublicationSet, type PublicationSet, type Stratum } from '../../../shared/results/publication/build';
import type { Sex } from '../../../shared/results/shape';
import { requireReview } from '../reviews/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { basisOf } from './aggregate';
import { internalResults } from './handlers';
import { scopeOf } from './scope';

/**
 * The review's publication set from the store (shared/results/publication/build.ts does the
 * work): the counted files by sex × unit × age band, the internal results over every file, and
 * those over the sex groups the totals cover, split by unit — read in one transaction, so every
 * figure is of the same moment while scoring goes on.
 */
export function publicationSetOf(db: Database, reviewId: string): PublicationSet {
  const review = requireReview(db, reviewId);
  const template = reviewTemplate(db, reviewId);
  const threshold = review.publishThreshold;
  return db.transaction(() => {
    const scope = scopeOf(db, reviewId, template);
    const strata = db
      .prepare(`SELECT c.sex AS sex, c.unit AS unit, c.age_band AS ageBand, COUNT(*) AS files FROM ${scope.from()} GROUP BY 1, 2, 3`)
      .all(...scope.params) as Stratum[];
    const bySex = (sex: Sex) => strata.filter((s) => s.sex === sex).reduce((sum, s) => sum + s.files, 0);
    const covers = (['F', 'M'] as const).filter((sex) => bySex(sex) >= threshold);
    return buildPublicationSet({
      template,
      threshold,
      strata,
      done: basisOf(db, scope).done,
      units: review.units,
      all: internalResults(db, reviewId),
      covered: internalResults(db, reviewId, { by: 'unit', sexes: covers }),
    });
  })();
}
