import type { HandlerMap } from '../dispatch';
import { deleteReview } from './delete';
import { createExampleReview } from './example';

/** The example review of the first start, and deleting a review nobody has worked in. */
export const reviewLifecycleHandlers: HandlerMap = {
  'reviews.createExample': (_input, ctx) => createExampleReview(ctx),
  'reviews.delete': ({ reviewId }, { db }) => deleteReview(db, reviewId),
};
