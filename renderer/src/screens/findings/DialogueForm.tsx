import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DialogueMeeting } from '../../../../shared/contract/findings';
import type { ApiError } from '../../../../shared/result';
import { ErrorSummary } from '../../components/ErrorSummary';
import { placeIssues, type FormField } from '../../components/form-issues';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useFindings } from './findings-store';

interface Props {
  /** The review's units: a meeting is with one of them. */
  units: readonly string[];
  /** The template's quality areas: one note per area. */
  areas: readonly { areaId: string; name: string }[];
  /** The meeting to change; a new one when absent. */
  meeting?: DialogueMeeting;
  /** The unit a new meeting starts with. */
  unit?: string;
  onSaved(meeting: DialogueMeeting): void;
  onCancel(): void;
}

const ID = 'dialogue-form';
const noteId = (areaId: string) => `${ID}-note-${areaId}`;

/** The form's fields by input key, so the core's issues land next to the field they are about. */
function formFields(areas: Props['areas']): FormField[] {
  return [
    { name: 'unit', id: `${ID}-unit`, label: 'Enhet' },
    { name: 'heldOn', id: `${ID}-held-on`, label: 'Datum' },
    { name: 'participants', id: `${ID}-participants`, label: 'Deltagare' },
    {
      name: 'notes',
      id: areas.length > 0 ? noteId(areas[0].areaId) : `${ID}-notes`,
      label: 'Anteckningar',
      idFor: (path) => {
        const areaId = /^\$\.notes\.(.+)$/.exec(path)?.[1];
        return areaId && areas.some((a) => a.areaId === areaId) ? noteId(areaId) : undefined;
      },
    },
    ...areas.map((a) => ({ name: `notes.${a.areaId}`, id: noteId(a.areaId), label: a.name })),
  ];
}

/** A dialogue meeting with a unit: the unit, the date, who took part (roles) and a note per quality area. */
export function DialogueForm({ units, areas, meeting, unit, onSaved, onCancel }: Props) {
  const [unitValue, setUnit] = useState(meeting?.unit ?? (unit && units.includes(unit) ? unit : (units[0] ?? '')));
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? '');
  const [participants, setParticipants] = useState(meeting?.participants ?? '');
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(areas.map((a) => [a.areaId, meeting?.notes[a.areaId] ?? ''])));
  const [problem, setProblem] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = meeting ? `Ändra dialogmötet med ${meeting.unit} ${meeting.heldOn}` : 'Nytt dialogmöte';

  // Opening the form takes the reader to it.
  useEffect(() => headingRef.current?.focus(), []);

  const placed = placeIssues('dialogue.save', problem?.issues, formFields(areas));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await useFindings.getState().saveMeeting({
      ...(meeting ? { id: meeting.id } : {}),
      unit: unitValue,
      heldOn: heldOn.trim(),
      participants,
      notes: Object.fromEntries(Object.entries(notes).filter(([, text]) => text.trim() !== '')),
    });
    setBusy(false);
    if ('error' in result) {
      setProblem(result.error);
      setAttempt((n) => n + 1);
      return;
    }
    onSaved(result.meeting);
  }

  return (
    <form className="dialogue-form panel" aria-labelledby={`${ID}-title`} onSubmit={submit} noValidate>
      <h3 id={`${ID}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {problem && <ErrorSummary id={`${ID}-problems`} title="Dialogmötet sparades inte" message={problem.message} items={placed.summary} attempt={attempt} />}
      <div className="field-row">
        <SelectField id={`${ID}-unit`} label="Enhet" value={unitValue} options={units.map((u) => ({ value: u, label: u }))} onChange={setUnit} issues={placed.at('unit')} />
        <TextField id={`${ID}-held-on`} label="Datum" required value={heldOn} onChange={setHeldOn} placeholder="ÅÅÅÅ-MM-DD" issues={placed.at('heldOn')} className="narrow" />
      </div>
      <TextAreaField
        id={`${ID}-participants`}
        label="Deltagare"
        value={participants}
        onChange={setParticipants}
        rows={2}
        hint="Roller, inte namn på klienter – t.ex. enhetschef, två socialsekreterare, två inspektörer."
        issues={placed.at('participants')}
      />
      <fieldset className="subfields dialogue-notes">
        <legend>Anteckningar per kvalitetsområde</legend>
        <p className="hint">Det enheten och inspektörerna tog upp om området. Ett tomt fält sparas inte.</p>
        {placed.at('notes').length > 0 && (
          <ul className="field-issues" id={`${ID}-notes-issues`}>
            {placed.at('notes').map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        {areas.map((a) => (
          <TextAreaField
            key={a.areaId}
            id={noteId(a.areaId)}
            label={a.name}
            value={notes[a.areaId] ?? ''}
            onChange={(text) => setNotes((n) => ({ ...n, [a.areaId]: text }))}
            issues={placed.at(`notes.${a.areaId}`)}
          />
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Sparar…' : 'Spara dialogmötet'}
        </button>
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
