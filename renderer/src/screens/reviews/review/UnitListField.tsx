import { useRef, useState } from 'react';
import { FieldIssues } from '../../../components/FieldIssues';

interface Props {
  idBase: string;
  units: string[];
  onChange(units: string[]): void;
  issues: string[];
}

/** The units (enheter) under review: data, never code — added one by one, removable. */
export function UnitListField({ idBase, units, onChange, issues }: Props) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const add = () => {
    const name = text.trim();
    if (!name || units.includes(name)) return;
    onChange([...units, name]);
    setText('');
    inputRef.current?.focus();
  };
  return (
    <fieldset className="subfields">
      <legend>Enheter</legend>
      {units.length === 0 ? (
        <p className="hint">Inga enheter ännu. Enheter från akt-listan läggs också till när den importeras.</p>
      ) : (
        <ul className="chip-list" aria-label="Enheter">
          {units.map((u) => (
            <li key={u}>
              {u}{' '}
              <button type="button" className="small" aria-label={`Ta bort enheten ${u}`} onClick={() => onChange(units.filter((x) => x !== u))}>
                Ta bort
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${idBase}-new`}>Ny enhet</label>
          <input
            id={`${idBase}-new`}
            ref={inputRef}
            type="text"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" onClick={add}>
          Lägg till enhet
        </button>
      </div>
      <FieldIssues id={`${idBase}-issues`} messages={issues} />
    </fieldset>
  );
}
