import { useEffect, useRef, useState } from 'react';
import { DROPOUT_REASONS } from '../../../../../shared/contract/sampling';
import { findIdentityNumbers, piiGuardMessage } from '../../../../../shared/identity/pii-guard';
import { useReview, type DropoutReason } from '../../../state/review-store';
import { DROPOUT_LABELS } from '../labels';

/** "Bortfall…": the reason (and a text for "Annat"), then the replacement is drawn as the unit's next file in seeded order. */
export function DropoutControl({ caseId, caseRef }: { caseId: string; caseRef: string }) {
  const busy = useReview((s) => s.busy);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<DropoutReason>('ej_framtagbar');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const selectRef = useRef<HTMLSelectElement>(null);
  const id = `dropout-${caseId}`;

  useEffect(() => {
    if (open) selectRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="small" aria-label={`Bortfall för akt ${caseRef}`} onClick={() => setOpen(true)}>
        Bortfall…
      </button>
    );
  }
  const pii = piiGuardMessage(findIdentityNumbers(note));
  return (
    <form
      className="dropout-form"
      aria-label={`Bortfall för akt ${caseRef}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (reason === 'annat' && !note.trim()) {
          setProblem('Beskriv skälet.');
          return;
        }
        if (pii) return;
        const result = await useReview.getState().dropout(caseId, reason, note.trim() || undefined);
        if (!result.ok) setProblem(result.error?.message ?? '');
      }}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>Skäl</label>
        <select id={`${id}-reason`} ref={selectRef} value={reason} onChange={(e) => setReason(e.target.value as DropoutReason)}>
          {DROPOUT_REASONS.map((r) => (
            <option key={r} value={r}>
              {DROPOUT_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{reason === 'annat' ? 'Beskrivning (krävs)' : 'Beskrivning'}</label>
        <input
          id={`${id}-note`}
          type="text"
          autoComplete="off"
          value={note}
          aria-invalid={problem || pii ? true : undefined}
          aria-describedby={problem || pii ? `${id}-issues` : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setProblem('');
          }}
        />
        {(problem || pii) && (
          <ul className="field-issues" id={`${id}-issues`}>
            <li>{pii ?? problem}</li>
          </ul>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy}>
          Markera som bortfall
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
