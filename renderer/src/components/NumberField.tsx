import { useState, type ReactNode } from 'react';
import { FieldIssues, describedBy } from './FieldIssues';

interface Props {
  id: string;
  label: ReactNode;
  value: number | undefined;
  onChange(value: number | undefined): void;
  onBlur?(): void;
  issues?: readonly string[];
  hint?: ReactNode;
  className?: string;
}

/** Reads "2,5" as well as "2.5"; an empty field means no value. */
export function parseSwedishNumber(text: string): number | undefined | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.').replace('−', '-');
  if (t === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const show = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

/**
 * A number typed as text (Swedish decimal comma allowed). What the user types stays visible even
 * while it is not a number yet; only numbers reach the template.
 */
export function NumberField({ id, label, value, onChange, onBlur, issues, hint, className }: Props) {
  const [text, setText] = useState(show(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The value changed from outside (undo, another field): show it.
    setLastValue(value);
    if (parseSwedishNumber(text) !== value) setText(show(value));
  }
  const parsed = parseSwedishNumber(text);
  const own = parsed === null ? ['Ange ett tal, till exempel 3 eller 2,5.'] : [];
  const all = [...own, ...(issues ?? [])];
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-invalid={all.length ? true : undefined}
        aria-describedby={describedBy(id, hint, all)}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseSwedishNumber(e.target.value);
          if (n !== null) {
            setLastValue(n);
            onChange(n);
          }
        }}
        onBlur={onBlur}
      />
      <FieldIssues id={`${id}-issues`} messages={all} />
    </div>
  );
}
