import type { DraftInput, EarlierReport } from '../../../shared/report/generate';
import type { DialogueMaterial, FindingMaterial } from '../../../shared/report/material';
import type { CoreContext } from '../context';
import { listMeetings } from '../dialogue/repository';
import { listFindings } from '../findings/repository';
import { requireReview } from '../reviews/repository';
import { readSample } from '../sampling/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { overviewOf } from '../scoring/workspace';
import { publishedResults } from './render';
import { readReportSettings } from './repository';

/**
 * Everything the first draft is written from, read from the review: its published figures (the
 * publication set every export prints), the notes marked as findings, the dialogue meetings and how
 * far the scoring has come. Used when the draft is created and when it is rewritten.
 */
export function draftInputOf(ctx: CoreContext, reviewId: string): DraftInput {
  const { db } = ctx;
  const review = requireReview(db, reviewId);
  const template = reviewTemplate(db, reviewId);
  const findings: FindingMaterial[] = listFindings(db, reviewId, template).map((f) => ({
    areaId: f.areaId,
    questionId: f.questionId,
    number: f.number,
    unit: f.unit,
    ref: f.ref,
    note: f.note,
    fileRef: f.fileRef,
  }));
  const dialogue: DialogueMaterial[] = listMeetings(db, reviewId).map((m) => ({ unit: m.unit, heldOn: m.heldOn, participants: m.participants, notes: m.notes }));
  const { files } = overviewOf(db, reviewId, template);
  return {
    review,
    template,
    results: publishedResults(reviewId, ctx),
    sample: readSample(db, reviewId),
    settings: readReportSettings(db),
    officers: review.inspectors,
    earlier: earlierReviews(ctx, reviewId),
    findings,
    dialogue,
    progress: { files: files.total, done: files.done },
  };
}

/**
 * Earlier reviews on the same template, newest first, for Bakgrund's footnote (reference 003 cites
 * the two before it): only reviews created before this one, never the example.
 */
function earlierReviews({ db }: CoreContext, reviewId: string): EarlierReport[] {
  return db
    .prepare(
      `SELECT e.title AS title, e.subtitle AS subtitle, substr(COALESCE(e.period_to, e.created_at), 1, 4) AS year
         FROM review r JOIN review e ON e.template_id = r.template_id AND e.id <> r.id AND (e.created_at, e.rowid) < (r.created_at, r.rowid) AND e.example = 0
        WHERE r.id = ?
        ORDER BY COALESCE(e.period_to, e.created_at) DESC
        LIMIT 3`,
    )
    .all(reviewId) as EarlierReport[];
}
