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
  type?: 'text' | 'date';
  required?: boolean;
  className?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  placeholder?: string;
  autoComplete?: string;
}

/** A labelled one-line input with its hint and problems. */
export function TextField({ id, label, value, onChange, onBlur, issues, hint, type = 'text', required, className, inputMode, placeholder, autoComplete = 'off' }: Props) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> (obligatoriskt)</span>}
      </label>
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        autoComplete={autoComplete}
        aria-invalid={issues?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, issues)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <FieldIssues id={`${id}-issues`} messages={issues ?? []} />
    </div>
  );
}
