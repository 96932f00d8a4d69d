import { useScoring } from '../../state/scoring-store';
import { useFindingMarks } from './finding-marks';

/**
 * The note and "Var i akten" of a question that is not current, on one line (CSS shortens it). It
 * reads the typed text, saved or not, so nothing typed disappears when the fields fold away; a
 * click on it opens the question with the caret in that field (useBecomeCurrent).
 */
export function QuestionSummary({ questionId }: { questionId: string }) {
  const note = useScoring((s) => s.texts[questionId]?.note ?? '').trim();
  const fileRef = useScoring((s) => s.texts[questionId]?.fileRef ?? '').trim();
  const finding = useFindingMarks((s) => !!s.marked[questionId]);
  if (!note && !fileRef) return null;
  return (
    <p className="scoring-question-summary">
      {/* First: CSS shortens the line from its end. */}
      {finding && note && (
        <>
          <span className="finding-badge">Fynd</span>{' '}
        </>
      )}
      {note && (
        <span data-summary-field="note">
          <span className="summary-label">Anteckning:</span> {note}
        </span>
      )}
      {note && fileRef && <span aria-hidden="true"> · </span>}
      {fileRef && (
        <span data-summary-field="fileRef">
          <span className="summary-label">Var i akten:</span> {fileRef}
        </span>
      )}
    </p>
  );
}
