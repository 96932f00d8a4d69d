import { useEffect, useRef, type ReactNode } from 'react';
import type { Issue } from '../../../../shared/result';
import { hrefFor } from '../../routing/routes';
import { useReport } from '../../state/report-store';
import { goToField, hasField } from './go-to-field';

/**
 * Problems of the report, each a link to its place: a field in either document (the tab is
 * switched to it), or the review itself for what is about its files. Buttons, not `#id` links:
 * the hash is the app's route.
 */
export function IssueList({ issues, className }: { issues: readonly Issue[]; className?: string }) {
  const reviewId = useReport((s) => s.reviewId);
  return (
    <ul className={`issue-list ${className ?? ''}`}>
      {issues.map((issue, i) => (
        <li key={`${i}-${issue.path}`}>
          {hasField(issue.path) ? (
            <button type="button" className="link-button" onClick={() => goToField(issue.path)}>
              {issue.message}
            </button>
          ) : issue.path === '$.reviewId' && reviewId ? (
            <>
              {issue.message} <a href={hrefFor({ name: 'review', id: reviewId })}>Till granskningen</a>
            </>
          ) : (
            issue.message
          )}
        </li>
      ))}
    </ul>
  );
}

interface SummaryProps {
  id: string;
  title: string;
  /** Said when there is no list. */
  message?: string;
  issues: readonly Issue[];
  /** Changes with every failed attempt, so the summary takes focus again. */
  attempt?: unknown;
  children?: ReactNode;
}

/** A refused step at the top of the report: the whole list at once, focused, each item a way to its place. */
export function IssueSummary({ id, title, message, issues, attempt, children }: SummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div className="alert alert-error issue-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref} id={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {issues.length === 0 ? message && <p>{message}</p> : <IssueList issues={issues} />}
      {children}
    </div>
  );
}
