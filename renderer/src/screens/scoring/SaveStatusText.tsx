import { useScoring, WAITING_FOR_DATABASE } from '../../state/scoring-store';

const TEXT = { saving: 'Sparar…', waiting: WAITING_FOR_DATABASE, saved: 'Sparat', error: 'Inte sparat', blocked: 'Inte sparat' } as const;

/** "Sparar…" while a call is in flight, "Väntar på databasen …" while a busy database is waited for, "Sparat" only after it committed; the frame's live region reads it out. */
export function SaveStatusText({ questionId }: { questionId: string }) {
  const status = useScoring((s) => s.status[questionId]);
  if (!status) return <span className="save-status" data-state="idle" />;
  return (
    <span className={`save-status save-${status.state}`} data-state={status.state}>
      {TEXT[status.state]}
      {status.state === 'error' && status.message ? `: ${status.message}` : ''}
    </span>
  );
}
