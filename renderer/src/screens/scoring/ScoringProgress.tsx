import { isAnswered, useScoring } from '../../state/scoring-store';

/** Progress of this file and of the whole review, from what is committed. */
export function ScoringProgress() {
  const questions = useScoring((s) => s.questions);
  const answered = useScoring((s) => s.questions.filter((q) => isAnswered(s.saved[q.id]?.value)).length);
  const overview = useScoring((s) => s.overview);
  const caseId = useScoring((s) => s.caseId);
  const atLoad = overview?.cases.find((c) => c.caseId === caseId)?.progress.answered ?? 0;
  const review = overview ? { answered: overview.progress.answered - atLoad + (overview.cases.some((c) => c.caseId === caseId) ? answered : 0), total: overview.progress.total } : undefined;
  const doneFiles = overview ? overview.cases.filter((c) => c.done).length : 0;
  return (
    <div className="scoring-progress">
      <div className="progress-item">
        <label htmlFor="progress-file">Akten</label>
        <progress id="progress-file" max={questions.length || 1} value={answered} />
        <span>
          {answered} av {questions.length} frågor besvarade
        </span>
      </div>
      {review && (
        <div className="progress-item">
          <label htmlFor="progress-review">Granskningen</label>
          <progress id="progress-review" max={review.total || 1} value={review.answered} />
          <span>
            {review.answered} av {review.total} svar · {doneFiles} av {overview!.cases.length} akter klara
          </span>
        </div>
      )}
    </div>
  );
}
