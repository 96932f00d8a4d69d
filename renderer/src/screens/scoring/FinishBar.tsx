import { useEffect, useRef } from 'react';
import { hrefFor } from '../../routing/routes';
import { missingRequiredText } from '../../../../shared/util/plural-sv';
import { isAnswered, missingRequired, useScoring } from '../../state/scoring-store';

/**
 * The end of the file: "Klar – nästa akt" with what is answered and what is missing. Moving on past
 * the last question lands here, and the summary is read out with the button.
 */
export function FinishBar({ reviewId, onFinish }: { reviewId: string; onFinish(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const readOnly = useScoring((s) => s.readOnly);
  const done = useScoring((s) => !!s.view?.case.done);
  const leaving = useScoring((s) => s.leaving);
  const leaveError = useScoring((s) => s.leaveError);
  const focusTick = useScoring((s) => s.finishFocusTick);
  const total = useScoring((s) => s.questions.length);
  const answered = useScoring((s) => s.questions.filter((q) => isAnswered(s.saved[q.id]?.value)).length);
  const missing = useScoring((s) => missingRequired(s.questions, s.saved).length);

  useEffect(() => {
    if (focusTick === 0 || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView?.({ block: 'center' });
  }, [focusTick]);

  const reviewHref = hrefFor({ name: 'review', id: reviewId });
  if (readOnly) {
    return (
      <div className="scoring-finish">
        <a href={reviewHref}>Tillbaka till granskningen</a>
      </div>
    );
  }
  return (
    <div className="scoring-finish">
      <p className="finish-summary" id="finish-summary">
        {answered} av {total} frågor besvarade · {missing === 0 ? 'alla obligatoriska frågor har svar' : missingRequiredText(missing)}.
      </p>
      {leaveError && (
        <p className="field-issues" role="alert">
          {leaveError}
        </p>
      )}
      <button ref={ref} type="button" className="primary" disabled={leaving} aria-keyshortcuts="Control+Enter" aria-describedby="finish-summary" onClick={onFinish}>
        Klar – nästa akt <kbd aria-hidden="true">Ctrl+Enter</kbd>
      </button>
      {done && (
        <button type="button" onClick={() => void useScoring.getState().setDone(false)}>
          Öppna akten igen
        </button>
      )}
      <a href={reviewHref}>Tillbaka till granskningen</a>
    </div>
  );
}
