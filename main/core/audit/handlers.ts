import type { HandlerMap } from '../dispatch';
import { requireReview } from '../reviews/repository';
import { verifyAudit } from '../db/audit-chain/check';

export const auditHandlers: HandlerMap = {
  'audit.verify': ({ reviewId, anchor }, { db }) => {
    requireReview(db, reviewId);
    return verifyAudit(db, reviewId, { anchor });
  },
};
