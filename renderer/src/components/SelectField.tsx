import type { ReactNode } from 'react';
import { FieldIssues, describedBy } from './FieldIssues';

interface Props {
  id: string;
  label: ReactNode;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
  issues?: readonly string[];
  hint?: ReactNode;
  className?: string;
}

/** A labelled drop-down list. */
export function SelectField({ id, label, value, options, onChange, issues, hint, className }: Props) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <select
        id={id}
        value={value}
        aria-invalid={issues?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, issues)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldIssues id={`${id}-issues`} messages={issues ?? []} />
    </div>
  );
}
