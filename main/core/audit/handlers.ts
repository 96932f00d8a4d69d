import type { HandlerMap } from '../dispatch';
import { requireReview } from '../reviews/handlers';
import { verifyAudit } from './check';

export const auditHandlers: HandlerMap = {
  'audit.verify': ({ reviewId, anchor }, { db }) => {
    requireReview(db, reviewId);
    return verifyAudit(db, reviewId, { anchor });
  },
};
