import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../../shared/disclosure/suppress';
import { publishResults } from '../../../shared/results/publish';
import { answerOrder, isCategorical, shapeResults } from '../../../shared/results/shape';
import type { HandlerMap } from '../dispatch';
import { reviewTemplate } from '../scoring/handlers';
import { answerGroups, basisOf } from './aggregate';

export const resultHandlers: HandlerMap = {
  'results.get': ({ reviewId, published, threshold }, { db }) => {
    // The review's frozen template version: a template edited after scoring began changes nothing here.
    const template = reviewTemplate(db, reviewId);
    const categoricalIds = template.questions.filter(isCategorical).map((q) => q.id);
    // One read transaction: the basis and the answers are of the same moment while scoring goes on.
    const internal = db.transaction(() => shapeResults(template, answerGroups(db, reviewId, categoricalIds), basisOf(db, reviewId)))();
    if (!published) return internal;
    const orders = new Map(template.questions.map((q) => [q.id, answerOrder(template, q)]));
    return publishResults(internal, orders, threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  },
};
