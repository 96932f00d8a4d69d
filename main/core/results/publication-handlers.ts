import type { HandlerMap } from '../dispatch';
import { invalid } from '../errors';
import { readReport } from '../report/repository';
import { requireReview } from '../reviews/repository';
import { auditPublication } from './publication-audit';
import { publicationSetOf } from './publication-set';

export const publicationHandlers: HandlerMap = {
  'results.audit': async ({ reviewId }, { db }) => auditPublication(publicationSetOf(db, reviewId)),
  'reviews.setPublishThreshold': ({ reviewId, threshold, reason }, { db, now, actor }) => {
    const review = requireReview(db, reviewId);
    const report = readReport(db, reviewId);
    if (report && report.status !== 'utkast') {
      throw invalid('Gränsen kan inte ändras medan tjänsteutlåtandet är skickat för godkännande eller godkänt: det bygger på de publicerade talen. Återöppna utkastet först.');
    }
    if (threshold === review.publishThreshold) return { threshold, previous: threshold };
    db.transaction(() => {
      db.prepare('UPDATE review SET publish_threshold = ?, updated_at = ? WHERE id = ?').run(threshold, now().toISOString(), reviewId);
      db.prepare('INSERT INTO publication_event (review_id, at, actor, from_threshold, to_threshold, reason) VALUES (?, ?, ?, ?, ?, ?)').run(reviewId, now().toISOString(), actor, review.publishThreshold, threshold, reason.trim());
    })();
    return { threshold, previous: review.publishThreshold };
  },
};
