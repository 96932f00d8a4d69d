import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import type { Question, Template } from '../../../../shared/templates/schema';
import { services } from '../../services';
import { useScoring } from '../../state/scoring-store';
import { toApiError } from '../../state/template-editor-store';
import { formatDateTime } from '../templates/labels';
import { describeValue } from './keys';

type Entry = OutputOf<'answers.history'>['entries'][number];

/** "Historik": every change of this answer (who, when, old → new, and a deletion as such), read from the append-only audit log. */
export function AnswerHistory({ question, template }: { question: Question; template: Template }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<Entry[]>();
  const [error, setError] = useState('');
  const reviewId = useScoring((s) => s.reviewId);
  const caseId = useScoring((s) => s.caseId);
  const updatedAt = useScoring((s) => s.saved[question.id]?.updatedAt);

  useEffect(() => {
    if (!open || !reviewId || !caseId) return;
    let live = true;
    services()
      .api.call('answers.history', { reviewId, caseId, questionId: question.id })
      .then((r) => live && (setEntries(r.entries), setError('')))
      .catch((e) => live && setError(toApiError(e).message));
    return () => {
      live = false;
    };
  }, [open, reviewId, caseId, question.id, updatedAt]);

  const change = (label: string, from: string | null, to: string | null) =>
    (from ?? '') === (to ?? '') ? null : (
      <li>
        {label}: {from ? `”${from}”` : '(tom)'} → {to ? `”${to}”` : '(tom)'}
      </li>
    );

  return (
    <details className="answer-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Historik</summary>
      {error && <p className="field-issues">{error}</p>}
      {open && !entries && !error && <p className="muted">Hämtar historik…</p>}
      {entries && entries.length === 0 && <p className="muted">Inga ändringar ännu.</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((e, i) => (
            <li key={i}>
              <span className="history-when">{formatDateTime(e.at)}</span> · <span className="history-who">{e.actor}</span>
              {e.action === 'delete' && <> · <strong className="history-deleted">Svaret togs bort</strong></>}
              <ul>
                {JSON.stringify(e.oldValue) !== JSON.stringify(e.newValue) && (
                  <li>
                    Svar: {describeValue(template, question, e.oldValue)} → {describeValue(template, question, e.newValue)}
                  </li>
                )}
                {change('Anteckning', e.oldNote, e.newNote)}
                {change('Var i akten', e.oldFileRef, e.newFileRef)}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
