import type { ReactNode } from 'react';
import { FieldIssues, describedBy } from './FieldIssues';

interface Props {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  issues?: readonly string[];
  hint?: ReactNode;
  rows?: number;
  className?: string;
}

/** A labelled multi-line input with its hint and problems. */
export function TextAreaField({ id, label, value, onChange, onBlur, issues, hint, rows = 3, className }: Props) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-invalid={issues?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, issues)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <FieldIssues id={`${id}-issues`} messages={issues ?? []} />
    </div>
  );
}
