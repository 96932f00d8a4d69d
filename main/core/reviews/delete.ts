import type { Database } from 'better-sqlite3';
import { countOf } from '../../../shared/util/plural-sv';
import { DomainError } from '../errors';
import { requireReview } from './repository';

/**
 * Deleting is for a review nobody has worked in: the example review, or one where nothing was
 * ever answered or marked done. Work that was recorded is archived instead, so its answers and
 * audit trail stay with it.
 *
 * The answers' trail rows stay: deleting the case files deletes their answers, which the triggers
 * log as deletions, so the review's chain still replays (to nothing) and keeps verifying. The
 * files' done/reopened log may only lose rows of a review that no longer exists (migration 005),
 * so it goes after the review.
 */
export function deleteReview(db: Database, reviewId: string): { deleted: true } {
  return db.transaction(() => {
    const review = requireReview(db, reviewId);
    if (!review.example) {
      const work = recordedWork(db, reviewId);
      if (work.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `Granskningen "${review.title}" kan inte tas bort eftersom arbete har registrerats i den (${work.join(', ')}). ` +
            'Arkivera den i stället: den försvinner då ur listan, men svaren och ändringsloggen finns kvar.',
        );
      }
    }
    db.prepare('DELETE FROM review WHERE id = ?').run(reviewId);
    db.prepare('DELETE FROM case_event WHERE review_id = ?').run(reviewId);
    return { deleted: true as const };
  })();
}

/** What has been recorded in a review, in words; empty when nothing has. */
function recordedWork(db: Database, reviewId: string): string[] {
  const count = (sql: string) => db.prepare(sql).pluck().get(reviewId) as number;
  const answers = count('SELECT COUNT(*) FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?');
  const done = count('SELECT COUNT(*) FROM case_file WHERE review_id = ? AND done_at IS NOT NULL');
  const history = count('SELECT COUNT(*) FROM answer_audit WHERE review_id = ?');
  const events = count('SELECT COUNT(*) FROM case_event WHERE review_id = ?');
  const work: string[] = [];
  if (answers > 0) work.push(countOf(answers, 'svar', 'svar'));
  if (done > 0) work.push(countOf(done, 'akt markerad som klar', 'akter markerade som klara'));
  // Answers given and later removed, or files marked done and reopened, are work too: their log would go with the review.
  if (answers === 0 && history > 0) work.push('ändringar i svarsloggen');
  if (done === 0 && events > 0) work.push('akter som har markerats klara och öppnats igen');
  return work;
}
