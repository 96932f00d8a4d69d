import { useScoring } from '../../state/scoring-store';
import { useFindingMarks } from './finding-marks';

interface Props {
  questionId: string;
  /** The question's quality area, which the finding is for. */
  areaName: string;
}

/**
 * "Fynd för <område>" beside a question's note: marks the note as a finding for the findings view
 * and the memo. A finding is what the inspector wrote down, so the box is off while the note is
 * empty (the hint says why); clearing the note takes the mark away once that save is committed.
 * The box shows what the core has committed, or the change being saved next to "Sparar…".
 */
export function FindingToggle({ questionId, areaName }: Props) {
  const supported = useFindingMarks((s) => s.supported);
  const marked = useFindingMarks((s) => !!s.marked[questionId]);
  const pending = useFindingMarks((s) => s.pending[questionId]);
  const error = useFindingMarks((s) => s.errors[questionId]);
  const readOnly = useScoring((s) => s.readOnly);
  const typedNote = useScoring((s) => (s.texts[questionId]?.note ?? '').trim() !== '');
  const noteBlocked = useScoring((s) => !!s.textIssues[questionId]?.note);
  if (!supported) return null;

  const id = `finding-${questionId}`;
  const checked = pending ?? marked;
  const hint = readOnly
    ? undefined
    : !typedNote
      ? checked
        ? 'Utan anteckning tas markeringen som fynd bort.'
        : 'Skriv en anteckning först – ett fynd är det du har antecknat.'
      : noteBlocked
        ? 'Ta bort det som ser ut som ett personnummer ur anteckningen först.'
        : checked
          ? 'Anteckningen visas under Fynd och dialogmöten.'
          : undefined;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field field-checkbox finding-toggle">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly || !typedNote || noteBlocked}
        aria-describedby={described}
        data-finding-toggle=""
        onChange={(e) => void useFindingMarks.getState().setMark(questionId, e.target.checked, areaName)}
      />
      <label htmlFor={id}>Fynd för {areaName}</label>
      {pending !== undefined && (
        <span className="save-status save-saving" data-state="saving">
          Sparar…
        </span>
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-issues finding-toggle-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
