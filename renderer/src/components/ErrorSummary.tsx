import { useEffect, useRef } from 'react';
import type { SummaryItem } from './form-issues';

interface Props {
  /** Unique on the page; the heading's id is derived from it. */
  id: string;
  title: string;
  /** Said when there is no list (a refusal that is not about a field, such as a conflict). */
  message?: string;
  items: readonly SummaryItem[];
  /** Changes whenever a new attempt failed, so the summary takes focus again. */
  attempt?: unknown;
}

/** Moves to a form field and puts the caret in it (a fieldset: its first control). */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, select, textarea, button') : element;
  target?.scrollIntoView?.({ block: 'center' });
  target?.focus();
}

/**
 * Every problem of a form at the top, each a link to its field (the field shows its own message
 * too): a reader hears the whole list at once, a keyboard user jumps straight to each field.
 * Buttons, not `#id` links: the hash is the app's route.
 */
export function ErrorSummary({ id, title, message, items, attempt }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div className="alert alert-error issue-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref} id={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {items.length === 0 ? (
        message && <p>{message}</p>
      ) : (
        <ul className="issue-list">
          {items.map((item, i) => (
            <li key={i}>
              {item.fieldId ? (
                <button type="button" className="link-button" onClick={() => focusField(item.fieldId!)}>
                  {item.text}
                </button>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
