import { useEffect } from 'react';
import { LoadErrorScreen } from '../../frame/LoadErrorScreen';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { hrefFor } from '../../routing/routes';
import { useFlushOnLeave } from '../../hooks/useFlushOnLeave';
import { useReport } from '../../state/report-store';
import { AppendixPanel } from './AppendixPanel';
import { ApprovalsPanel, EventLog } from './EventLog';
import { HeaderForm } from './HeaderForm';
import { ProposalsEditor } from './ProposalsEditor';
import { SectionList } from './SectionList';
import { SignaturesEditor } from './SignaturesEditor';
import { StatusBar } from './StatusBar';

const flushReport = (options: { keepalive?: boolean }) => useReport.getState().flush(options);

/**
 * Tjänsteutlåtande: the memo to the board written from the review's data and edited here — the
 * header, the proposed decision, the sections with their text, the signatures — with the approval
 * steps, the Word exports, the appendices and the log. What the profile's role may do comes from
 * the core (report.get's permissions); an approved report is read-only until reopened.
 */
export function ReportScreen({ reviewId }: { reviewId: string }) {
  const loadState = useReport((s) => s.loadState);
  const loadError = useReport((s) => s.loadError);
  const review = useReport((s) => s.review);
  const meta = useReport((s) => s.meta);
  const hasDraft = useReport((s) => s.draft !== undefined);
  const conflict = useReport((s) => s.saveState === 'conflict');

  useEffect(() => {
    void useReport.getState().open(reviewId);
  }, [reviewId]);
  // An edit typed just before leaving is saved at once; leaving the screen inside the app saves too.
  useFlushOnLeave(flushReport, { onUnmount: true });

  const reviewHref = hrefFor({ name: 'review', id: reviewId });
  if (loadState === 'error') {
    return <LoadErrorScreen title="Tjänsteutlåtandet kunde inte öppnas" message={loadError} backHref={reviewHref} backLabel="Tillbaka till granskningen" />;
  }
  if (loadState !== 'ready' || !review || !meta || !hasDraft) {
    return (
      <div className="screen">
        <ScreenHeading title="Tjänsteutlåtande">Hämtar tjänsteutlåtandet…</ScreenHeading>
      </div>
    );
  }

  const editable = meta.permissions.edit.allowed && !conflict;
  return (
    <div className="screen screen-report">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'reviews' })}>Granskningar</a> <span aria-hidden="true">›</span> <a href={reviewHref}>{review.title}</a> <span aria-hidden="true">›</span>{' '}
        Tjänsteutlåtande
      </p>
      <ScreenHeading title={`Tjänsteutlåtande – ${review.title}`}>Tjänsteutlåtande – {review.title}</ScreenHeading>
      <StatusBar />
      {meta.status === 'godkand' ? (
        <div className="banner banner-info report-locked" role="note" aria-label="Utlåtandet är låst">
          <p>
            <strong>Godkänt och låst.</strong> Texten kan inte ändras. En avdelningschef kan öppna utlåtandet igen; godkännandet återkallas då och skälet loggas.
          </p>
        </div>
      ) : (
        !meta.permissions.edit.allowed &&
        meta.permissions.edit.reason && (
          <div className="banner banner-warning report-locked" role="note" aria-label="Utlåtandet kan inte ändras">
            <p>
              <strong>Skrivskyddat.</strong> {meta.permissions.edit.reason}
            </p>
          </div>
        )
      )}
      <fieldset className="plain report-body" disabled={!editable}>
        <HeaderForm editable={editable} />
        <ProposalsEditor editable={editable} />
        <SectionList editable={editable} />
        <SignaturesEditor editable={editable} />
      </fieldset>
      <AppendixPanel />
      <ApprovalsPanel approvals={meta.approvals} />
      <EventLog events={meta.events} />
    </div>
  );
}
