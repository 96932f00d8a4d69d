import type { DialogueMeeting, Finding } from '../../../../shared/contract/findings';
import { formatDateTime } from '../../../../shared/util/format-sv';
import { hrefFor } from '../../routing/routes';

interface Props {
  reviewId: string;
  areaId: string;
  name: string;
  findings: readonly Finding[];
  /** The meetings that noted something for this area (within the unit chosen). */
  notes: readonly DialogueMeeting[];
}

/** One quality area: its findings, and beside them what the dialogue meetings noted for the area. */
export function FindingsArea({ reviewId, areaId, name, findings, notes }: Props) {
  const headingId = `findings-area-${areaId}`;
  return (
    <section className="findings-area" aria-labelledby={headingId} data-area-id={areaId}>
      <h3 id={headingId}>{name}</h3>
      <div className="findings-area-body">
        <div className="findings-area-findings">
          {findings.length === 0 ? (
            <p className="hint">Inga fynd för området med det urvalet.</p>
          ) : (
            <ul className="finding-list" aria-label={`Fynd för ${name}`}>
              {findings.map((f) => (
                <FindingItem key={`${f.caseId}/${f.questionId}`} reviewId={reviewId} finding={f} />
              ))}
            </ul>
          )}
        </div>
        <div className="findings-area-dialogue" role="group" aria-labelledby={`${headingId}-dialogue`}>
          <h4 id={`${headingId}-dialogue`}>Från dialogmötena</h4>
          {notes.length === 0 ? (
            <p className="hint">Inga anteckningar från dialogmöten om området.</p>
          ) : (
            <ul className="dialogue-note-list">
              {notes.map((m) => (
                <li key={m.id} className="dialogue-note">
                  <p className="dialogue-note-meta">
                    <strong>{m.unit}</strong> · {m.heldOn}
                    {m.participants && <> · Deltagare: {m.participants}</>}
                  </p>
                  <p className="note-text">{m.notes[areaId]}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function FindingItem({ reviewId, finding: f }: { reviewId: string; finding: Finding }) {
  return (
    <li className="finding" data-case-ref={f.ref} data-question-id={f.questionId}>
      <p className="finding-head">
        <a href={hrefFor({ name: 'scoring', reviewId, caseId: f.caseId })}>Akt {f.ref}</a> · {f.unit}
      </p>
      <p className="finding-question">
        <span className="q-number">{f.number}.</span> {f.questionText}
      </p>
      <dl className="finding-facts">
        <div>
          <dt>Svar</dt>
          <dd>{f.answer ?? 'Inget svar'}</dd>
        </div>
        <div>
          <dt>Anteckning</dt>
          <dd className="note-text">{f.note}</dd>
        </div>
        <div>
          <dt>Var i akten</dt>
          <dd>{f.fileRef ?? 'Inte angivet'}</dd>
        </div>
        <div>
          <dt>Markerat</dt>
          <dd>
            {f.markedBy}, {formatDateTime(f.markedAt)}
          </dd>
        </div>
      </dl>
    </li>
  );
}
