import { useEffect, type KeyboardEvent } from 'react';
import { LoadErrorScreen } from '../../frame/LoadErrorScreen';
import { ScreenHeading } from '../../frame/ScreenHeading';
import { hrefFor } from '../../routing/routes';
import { useFlushOnLeave } from '../../hooks/useFlushOnLeave';
import { useReport, type ReportView } from '../../state/report-store';
import { AppendixPanel } from './AppendixPanel';
import { ApprovalPanel } from './ApprovalPanel';
import { Bilaga1Chapters } from './Bilaga1Chapters';
import { EventLog } from './EventLog';
import { HeaderForm } from './HeaderForm';
import { ProposalsEditor } from './ProposalsEditor';
import { RegenerateButton } from './RegenerateDialog';
import { SectionList } from './SectionList';
import { SignaturesEditor } from './SignaturesEditor';
import { StatusBar } from './StatusBar';

const flushReport = (options: { keepalive?: boolean }) => useReport.getState().flush(options);

const VIEWS: readonly { view: ReportView; label: string }[] = [
  { view: 'memo', label: 'Tjänsteutlåtande' },
  { view: 'bilaga1', label: 'Bilaga 1' },
];

const tabId = (view: ReportView) => `report-tab-${view}`;
const panelId = (view: ReportView) => `report-panel-${view}`;

/** The two documents of the one draft as tabs: arrow keys, Home and End move between them (the ARIA tabs pattern). */
function DocumentTabs() {
  const view = useReport((s) => s.view);
  const select = (next: ReportView) => {
    useReport.getState().setView(next);
    document.getElementById(tabId(next))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = VIEWS.findIndex((v) => v.view === view);
    const to = e.key === 'ArrowRight' ? (at + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (at - 1 + VIEWS.length) % VIEWS.length : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    select(VIEWS[to].view);
  };
  return (
    <div className="report-tabs" role="tablist" aria-label="Dokument" onKeyDown={onKeyDown}>
      {VIEWS.map(({ view: v, label }) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={view === v}
          aria-controls={panelId(v)}
          tabIndex={view === v ? 0 : -1}
          className={`report-tab${view === v ? ' report-tab-selected' : ''}`}
          onClick={() => select(v)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/**
 * Tjänsteutlåtande: the memo to the board and its Bilaga 1, two documents of one draft written
 * from the review's data and edited here — the header (shared), then under a tab each: the memo's
 * proposed decision, sections and signatures, or Bilaga 1's chapters (the quality areas' text is
 * the same in both) — with the approval steps, the rewrite from the review, the Word exports, the
 * approvals, the appendices and the log. What the profile's role may do comes from the core
 * (report.get's permissions); a report approved by anyone is read-only until reopened.
 */
export function ReportScreen({ reviewId }: { reviewId: string }) {
  const loadState = useReport((s) => s.loadState);
  const loadError = useReport((s) => s.loadError);
  const review = useReport((s) => s.review);
  const meta = useReport((s) => s.meta);
  const hasDraft = useReport((s) => s.draft !== undefined);
  const conflict = useReport((s) => s.saveState === 'conflict');
  const view = useReport((s) => s.view);

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
            <strong>Godkänt och låst.</strong> Texten kan inte ändras. En avdelningschef eller socialdirektör kan öppna utlåtandet igen; godkännandena återkallas då och skälet loggas.
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
      </fieldset>
      <div className="report-documents">
        <div className="report-documents-bar">
          <DocumentTabs />
          {editable && <RegenerateButton mode="rewrite" />}
        </div>
        <p className="hint report-documents-note">
          Ett utkast, två dokument: tjänsteutlåtandet är kort, Bilaga 1 är hela granskningsrapporten. Kvalitetsområdenas text är densamma i båda och kan ändras under vilken flik som helst.
        </p>
        <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)}>
          <fieldset className="plain report-body" disabled={!editable}>
            {view === 'memo' ? (
              <>
                <ProposalsEditor editable={editable} />
                <SectionList editable={editable} />
                <SignaturesEditor editable={editable} />
              </>
            ) : (
              <Bilaga1Chapters editable={editable} />
            )}
          </fieldset>
        </div>
      </div>
      {/* Below the text: its list of what is missing changes as the writer types, and nothing above the text should move meanwhile. */}
      <ApprovalPanel />
      <AppendixPanel />
      <EventLog events={meta.events} />
    </div>
  );
}
