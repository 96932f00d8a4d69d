import { useState } from 'react';
import { formatDateTime } from '../../../../shared/util/format-sv';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/TextAreaField';
import { useProfile } from '../../state/profile-store';
import { useReport, type ReportAction, type ReportMeta } from '../../state/report-store';
import { STATUS_NAMES } from './labels';
import { summaryItems } from './report-issues';

const PROBLEM_TITLES: Record<ReportAction, string> = {
  submit: 'Utkastet kunde inte skickas för godkännande',
  approve: 'Utkastet kunde inte godkännas',
  reopen: 'Utkastet kunde inte öppnas igen',
  'export-memo': 'Tjänsteutlåtandet kunde inte exporteras',
  'export-bilaga1': 'Bilaga 1 kunde inte exporteras',
  attach: 'Bilagan kunde inte bifogas',
  appendix: 'Bilagan kunde inte ändras',
  package: 'Nämndpaketet kunde inte skapas',
};

/** Who moved the report to its status, and when: the newest matching event of the log. */
function statusLine(meta: ReportMeta): string | null {
  const last = (action: string) => [...meta.events].reverse().find((e) => e.action === action);
  if (meta.status === 'for_godkannande') {
    const sent = last('skickad');
    return sent ? `Skickat av ${sent.actor} ${formatDateTime(sent.at)}.` : null;
  }
  if (meta.status === 'godkand') {
    const approved = last('godkand');
    const by = meta.approvals.map((a) => (a.title ? `${a.name}, ${a.title}` : a.name)).join(' och ');
    return `Godkänt av ${by || approved?.actor || 'okänd'}${approved ? ` ${formatDateTime(approved.at)}` : ''}.`;
  }
  const reopened = last('ateroppnad');
  if (reopened && reopened === meta.events[meta.events.length - 1]) return `Öppnat igen av ${reopened.actor} ${formatDateTime(reopened.at)}${reopened.note ? `: ${reopened.note}` : ''}.`;
  return null;
}

/** The save state in words: "Sparat" only once the core has committed. */
function SaveLine() {
  const saveState = useReport((s) => s.saveState);
  const saveError = useReport((s) => s.saveError);
  if (saveState === 'conflict') return null;
  const text = { saved: 'Sparat', pending: 'Sparar…', saving: 'Sparar…', error: 'Inte sparat' }[saveState];
  return (
    <p className={`report-save save-status save-${saveState === 'pending' ? 'saving' : saveState}`} data-testid="report-save" data-state={saveState}>
      {text}
      {saveState === 'error' && saveError ? `: ${saveError.message}` : ''}
      {saveState === 'error' && (
        <>
          {' '}
          <button type="button" className="small" onClick={() => void useReport.getState().flush()}>
            Försök igen
          </button>
        </>
      )}
    </p>
  );
}

/** Someone else saved since this copy was read: nothing is overwritten; reading in again drops this window's unsaved edits. */
function ConflictAlert() {
  const saveState = useReport((s) => s.saveState);
  const saveError = useReport((s) => s.saveError);
  if (saveState !== 'conflict') return null;
  return (
    <div className="alert alert-error report-conflict" role="alert">
      <h3>Utkastet har ändrats av någon annan</h3>
      <p>{saveError?.message}</p>
      <p>Dina senaste ändringar i det här fönstret har inte sparats. Kopiera gärna text du vill behålla innan du läser in utkastet igen.</p>
      <button type="button" className="primary" onClick={() => void useReport.getState().reload()}>
        Läs in utkastet igen
      </button>
    </div>
  );
}

/**
 * The top of the report: its status with who and when, the save state, and the steps the profile's
 * role may take now (report.get's permissions): send, approve (naming who is recorded), reopen
 * with a reason, and the Word exports.
 */
export function StatusBar() {
  const meta = useReport((s) => s.meta!);
  const busy = useReport((s) => s.busy);
  const problem = useReport((s) => s.problem);
  const draft = useReport((s) => s.draft);
  const profile = useProfile((s) => s.profile);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { permissions: p } = meta;
  const store = useReport.getState();
  const line = statusLine(meta);
  const reopenProblem = problem?.action === 'reopen' ? problem : undefined;
  const otherProblem = problem && problem.action !== 'reopen' && problem.action !== 'attach' && problem.action !== 'appendix' ? problem : undefined;

  const reopen = async () => {
    if (reason.trim() === '') {
      setReasonError('Skriv varför utlåtandet öppnas igen: skälet loggas.');
      document.getElementById('report-reopen-reason')?.focus();
      return;
    }
    if (await store.reopen(reason.trim())) {
      setReopening(false);
      setReason('');
    }
  };

  return (
    <section className={`report-status report-status-${meta.status}`} aria-labelledby="report-status-heading">
      <div className="report-status-main">
        <h2 id="report-status-heading">
          Status: <span data-testid="report-status">{STATUS_NAMES[meta.status]}</span>
        </h2>
        {line && <p className="report-status-line">{line}</p>}
        <SaveLine />
      </div>
      <div className="button-row report-status-actions">
        {p.submit.allowed && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void store.submit()}>
            {busy === 'submit' ? 'Skickar…' : 'Skicka för godkännande'}
          </button>
        )}
        {p.approve.allowed && (
          <button type="button" className="primary" disabled={busy !== null} aria-describedby="report-approve-as" onClick={() => void store.approve()}>
            {busy === 'approve' ? 'Godkänner…' : 'Godkänn'}
          </button>
        )}
        {p.reopen.allowed && !reopening && (
          <button type="button" disabled={busy !== null} onClick={() => setReopening(true)}>
            Öppna igen…
          </button>
        )}
        {p.export.allowed && (
          <>
            <button type="button" disabled={busy !== null} onClick={() => void store.exportDocument('memo')}>
              {busy === 'export-memo' ? 'Skapar…' : 'Exportera tjänsteutlåtande (.docx)'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void store.exportDocument('bilaga1')}>
              {busy === 'export-bilaga1' ? 'Skapar…' : 'Exportera Bilaga 1 (.docx)'}
            </button>
          </>
        )}
      </div>
      {p.approve.allowed && (
        <p className="hint" id="report-approve-as">
          Godkänns som: <strong>{profile ? [profile.name, profile.title].filter(Boolean).join(', ') : 'okänd'}</strong> ({new Date().toLocaleDateString('sv-SE')}). Namn och titel fyller Attesterat av.
        </p>
      )}
      {!p.approve.allowed && meta.status === 'for_godkannande' && p.approve.reason && <p className="hint">{p.approve.reason}</p>}
      {reopening && (
        <div className="report-reopen">
          <TextAreaField
            id="report-reopen-reason"
            label="Skäl till att öppna utlåtandet igen"
            hint="Skälet loggas i historiken. Godkännanden återkallas."
            value={reason}
            rows={2}
            onChange={(v) => {
              setReason(v);
              setReasonError(null);
            }}
            issues={[...(reasonError ? [reasonError] : []), ...(reopenProblem ? [reopenProblem.error.issues?.map((i) => i.message).join(' ') || reopenProblem.error.message] : [])]}
          />
          <div className="button-row">
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void reopen()}>
              {busy === 'reopen' ? 'Öppnar…' : 'Öppna igen'}
            </button>
            <button
              type="button"
              onClick={() => {
                setReopening(false);
                setReasonError(null);
                store.clearProblem();
              }}
            >
              Avbryt
            </button>
          </div>
        </div>
      )}
      <ConflictAlert />
      {otherProblem && (
        <ErrorSummary
          id="report-problem"
          title={PROBLEM_TITLES[otherProblem.action]}
          message={otherProblem.error.message}
          items={summaryItems(otherProblem.error.issues ?? [], draft)}
          attempt={otherProblem}
        />
      )}
    </section>
  );
}
