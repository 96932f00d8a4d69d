import { useEffect, useRef } from 'react';
import { hrefFor } from '../../../routing/routes';

export interface CreatedNotice {
  id: string;
  warnings: string[];
}

/** A review was created, but something looks like a mistake (same Dnr and title as another): said next to the way on. */
export function CreatedWithWarnings({ notice, title, onDismiss }: { notice: CreatedNotice; title?: string; onDismiss(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [notice]);
  return (
    <div className="alert alert-warning" role="status" tabIndex={-1} ref={ref} aria-labelledby="created-warnings-title">
      <h2 id="created-warnings-title">Granskningen {title ? `"${title}" ` : ''}skapades – kontrollera en sak</h2>
      <ul className="issue-list">
        {notice.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <div className="button-row">
        <a className="button-link" href={hrefFor({ name: 'review', id: notice.id })}>
          Öppna granskningen
        </a>
        <button type="button" onClick={onDismiss}>
          Stäng
        </button>
      </div>
    </div>
  );
}
