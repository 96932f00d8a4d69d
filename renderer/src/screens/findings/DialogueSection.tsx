import { useEffect, useRef, useState } from 'react';
import type { DialogueMeeting } from '../../../../shared/contract/findings';
import type { Review } from '../../../../shared/contract/reviews';
import { formatDateTime } from '../../../../shared/util/format-sv';
import { DialogueForm } from './DialogueForm';
import { useFindings } from './findings-store';
import { meetingCount, meetingName } from './labels';

interface Props {
  review: Review;
  /** The template's quality areas, in its order. */
  areas: readonly { areaId: string; name: string }[];
}

/** Which form is open: a new meeting, or the meeting with this id. */
type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

/**
 * Dialogmöten: the review model's meetings with each unit, listed per unit, with a form to add or
 * change one and a confirmation before one is removed.
 */
export function DialogueSection({ review, areas }: Props) {
  const meetings = useFindings((s) => s.meetings);
  const unitFilter = useFindings((s) => s.filter.unit);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<DialogueMeeting | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  /** Where focus goes once the list shows the change: a meeting's heading, or "Nytt dialogmöte". */
  const focusAfter = useRef<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const setFocusTarget = (target: string) => {
    focusAfter.current = target;
  };

  // After the render that shows the change (the form closed, the list updated).
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    (target === 'new' ? newButton.current : document.getElementById(`meeting-${target}`))?.focus();
  });

  // The review's units in order, then any unit a meeting names that the review no longer has.
  const units = [...review.units, ...new Set(meetings.map((m) => m.unit).filter((u) => !review.units.includes(u)))];
  const areaName = (areaId: string) => areas.find((a) => a.areaId === areaId)?.name ?? areaId;
  const editedMeeting = editing?.kind === 'edit' ? meetings.find((m) => m.id === editing.id) : undefined;

  async function confirmDelete(meeting: DialogueMeeting) {
    setDeleteBusy(true);
    const done = await useFindings.getState().deleteMeeting(meeting.id);
    setDeleteBusy(false);
    if (!done) return;
    setDeleting(null);
    if (editing?.kind === 'edit' && editing.id === meeting.id) setEditing(null);
    setFocusTarget('new');
  }

  const form =
    editing && (editing.kind === 'new' || editedMeeting) ? (
      <DialogueForm
        key={editing.kind === 'new' ? 'new' : editing.id}
        units={review.units}
        areas={areas}
        meeting={editedMeeting}
        unit={unitFilter || undefined}
        onSaved={(saved) => {
          setEditing(null);
          setFocusTarget(saved.id);
        }}
        onCancel={() => {
          setEditing(null);
          setFocusTarget(editing.kind === 'edit' ? editing.id : 'new');
        }}
      />
    ) : null;

  return (
    <section className="dialogue-section" aria-labelledby="dialogue-heading">
      <h2 id="dialogue-heading">Dialogmöten</h2>
      <p className="hint">
        Granskningsmodellens dialogmöten med enheterna: datum, deltagare (roller, inte namn på klienter) och anteckningar per kvalitetsområde. Anteckningarna visas vid områdets fynd
        ovan. {meetingCount(meetings.length)} hittills.
      </p>
      {review.units.length === 0 ? (
        <p className="hint">Granskningen har inga enheter ännu. Lägg till enheter i granskningens uppgifter först.</p>
      ) : (
        editing?.kind !== 'new' && (
          <div className="toolbar">
            <button type="button" ref={newButton} className="primary" onClick={() => setEditing({ kind: 'new' })}>
              Nytt dialogmöte
            </button>
          </div>
        )
      )}
      {editing?.kind === 'new' && form}
      {units.map((unit) => {
        const ofUnit = meetings.filter((m) => m.unit === unit);
        return (
          <div key={unit} className="dialogue-unit" role="group" aria-labelledby={`dialogue-unit-${units.indexOf(unit)}`}>
            <h3 id={`dialogue-unit-${units.indexOf(unit)}`}>{unit}</h3>
            {ofUnit.length === 0 ? (
              <p className="hint">Inga dialogmöten med enheten ännu.</p>
            ) : (
              <ul className="meeting-list">
                {ofUnit.map((m) =>
                  editing?.kind === 'edit' && editing.id === m.id ? (
                    <li key={m.id}>{form}</li>
                  ) : (
                    <li key={m.id} className="meeting">
                      <h4 id={`meeting-${m.id}`} tabIndex={-1}>
                        Dialogmöte {m.heldOn}
                      </h4>
                      <p className="meeting-participants">
                        <strong>Deltagare:</strong> {m.participants || 'Inte angivet'}
                      </p>
                      {Object.keys(m.notes).length === 0 ? (
                        <p className="hint">Inga anteckningar.</p>
                      ) : (
                        <dl className="meeting-notes">
                          {areas
                            .filter((a) => (m.notes[a.areaId] ?? '') !== '')
                            .map((a) => (
                              <div key={a.areaId}>
                                <dt>{areaName(a.areaId)}</dt>
                                <dd className="note-text">{m.notes[a.areaId]}</dd>
                              </div>
                            ))}
                        </dl>
                      )}
                      <p className="hint">
                        Senast ändrat av {m.updatedBy}, {formatDateTime(m.updatedAt)}
                      </p>
                      {deleting?.id === m.id ? (
                        <DeleteMeetingConfirm meeting={m} busy={deleteBusy} onConfirm={() => void confirmDelete(m)} onCancel={() => {
                            setDeleting(null);
                            setFocusTarget(m.id);
                          }}
                        />
                      ) : (
                        <div className="button-row">
                          <button type="button" onClick={() => setEditing({ kind: 'edit', id: m.id })} aria-label={`Ändra dialogmötet med ${meetingName(m)}`}>
                            Ändra
                          </button>
                          <button type="button" className="danger-outline" onClick={() => setDeleting(m)} aria-label={`Ta bort dialogmötet med ${meetingName(m)}`}>
                            Ta bort
                          </button>
                        </div>
                      )}
                    </li>
                  ),
                )}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** The confirm step before a meeting is removed; "Avbryt" has the focus, so Enter does no harm. */
function DeleteMeetingConfirm({ meeting, busy, onConfirm, onCancel }: { meeting: DialogueMeeting; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const id = `delete-meeting-${meeting.id}`;
  return (
    <div className="alert alert-confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h5 id={`${id}-title`}>Ta bort dialogmötet med {meetingName(meeting)}?</h5>
      <p id={`${id}-text`}>Mötet tas bort med sina anteckningar. Det går inte att ångra.</p>
      <div className="button-row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          Ta bort
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
