import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/contract/profile';
import { APPROVER_ROLES } from '../../../../shared/contract/report';
import { formatDateTime } from '../../../../shared/util/format-sv';
import type { ApiError } from '../../../../shared/result';
import { TextAreaField } from '../../components/TextAreaField';
import { useProfile } from '../../state/profile-store';
import { useReport, type ReportAction, type ReportMeta } from '../../state/report-store';
import { IssueSummary } from './IssueList';
import { STATUS_NAMES } from './labels';

const PROBLEM_TITLES: Record<ReportAction, string> = {
  submit: 'Utkastet kunde inte skickas för godkännande',
  approve: 'Utkastet kunde inte godkännas',
  reopen: 'Utkastet kunde inte öppnas igen',
  regenerate: 'Utkastet kunde inte skrivas om från granskningen',
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

/** The shortest reason the core takes for going on with an incomplete draft. */
const MIN_OVERRIDE = 3;

/** A refusal of sending or approving because the draft is incomplete: the gaps are the draft's (or the review's files), not the call's own fields. */
export function isReadinessRefusal(action: ReportAction, error: ApiError): boolean {
  return (action === 'submit' || action === 'approve') && error.code === 'VALIDATION' && (error.issues ?? []).some((i) => i.path.startsWith('$.draft') || i.path === '$.reviewId');
}

/**
 * How much is missing, in one line of the same height whatever the count (the list itself is in
 * Godkännande, below the text): a line that came and went would move the page under the pointer.
 */
function MissingLine({ meta }: { meta: ReportMeta }) {
  if (meta.status === 'godkand') return null;
  const n = meta.readiness.length;
  if (n === 0) return <p className="report-status-missing">Inget saknas: utkastet kan skickas och godkännas.</p>;
  return (
    <p className="report-status-missing">
      {n === 1 ? 'En sak saknas' : `${n} saker saknas`} innan utkastet kan skickas och godkännas.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const heading = document.getElementById('report-readiness-heading');
          heading?.scrollIntoView?.({ block: 'start' });
          heading?.focus();
        }}
      >
        Visa vad som saknas
      </button>
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
 * with a reason, and the Word exports. A refusal because the draft is incomplete lists every gap,
 * each a link to its place; an approver may go on anyway with a reason (an override, logged).
 */
export function StatusBar() {
  const meta = useReport((s) => s.meta!);
  const busy = useReport((s) => s.busy);
  const problem = useReport((s) => s.problem);
  const profile = useProfile((s) => s.profile);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<'submit' | 'approve' | null>(null);
  const [override, setOverride] = useState('');
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const { permissions: p } = meta;
  const store = useReport.getState();
  const line = statusLine(meta);
  const approver = (APPROVER_ROLES as readonly (string | null)[]).includes(meta.role);
  const reopenProblem = problem?.action === 'reopen' ? problem : undefined;
  const readinessProblem = problem && isReadinessRefusal(problem.action, problem.error) ? problem : undefined;
  // A refused override names its reason field; everything else about it is the summary's.
  const overrideIssues = problem && (problem.action === 'submit' || problem.action === 'approve') ? (problem.error.issues ?? []).filter((i) => i.path === '$.override').map((i) => i.message) : [];
  const otherProblem =
    problem && !readinessProblem && overrideIssues.length === 0 && problem.action !== 'reopen' && problem.action !== 'attach' && problem.action !== 'appendix' ? problem : undefined;

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

  const startOverride = (action: 'submit' | 'approve') => {
    setOverriding(action);
    setOverrideError(null);
    requestAnimationFrame(() => document.getElementById('report-override-reason')?.focus());
  };

  const stopOverride = () => {
    setOverriding(null);
    setOverride('');
    setOverrideError(null);
  };

  const goOn = async () => {
    if (!overriding) return;
    if (override.trim().length < MIN_OVERRIDE) {
      setOverrideError('Skriv skälet att gå vidare ändå (minst tre tecken): det loggas tillsammans med bristerna.');
      document.getElementById('report-override-reason')?.focus();
      return;
    }
    const done = overriding === 'submit' ? await store.submit(override.trim()) : await store.approve(override.trim());
    if (done) stopOverride();
  };

  const canOverride = (action: 'submit' | 'approve') => approver && (action === 'submit' ? p.submit.allowed : p.approve.allowed);

  return (
    <section className={`report-status report-status-${meta.status}`} aria-labelledby="report-status-heading">
      <div className="report-status-main">
        <h2 id="report-status-heading">
          Status: <span data-testid="report-status">{STATUS_NAMES[meta.status]}</span>
        </h2>
        {line && <p className="report-status-line">{line}</p>}
        <SaveLine />
        <MissingLine meta={meta} />
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
      {readinessProblem && (
        <IssueSummary
          id="report-problem"
          title={PROBLEM_TITLES[readinessProblem.action]}
          message={readinessProblem.error.message}
          issues={(readinessProblem.error.issues ?? []).filter((i) => i.path !== '$.override')}
          attempt={readinessProblem}
        >
          {canOverride(readinessProblem.action as 'submit' | 'approve') ? (
            overriding === null && (
              <div className="button-row">
                <button type="button" onClick={() => startOverride(readinessProblem.action as 'submit' | 'approve')}>
                  Gå vidare ändå…
                </button>
              </div>
            )
          ) : (
            <p>Åtgärda bristerna. En avdelningschef eller socialdirektör kan också gå vidare med ett angivet skäl.</p>
          )}
        </IssueSummary>
      )}
      {overriding && (
        <div className="report-override" role="group" aria-labelledby="report-override-heading">
          <h3 id="report-override-heading">{overriding === 'submit' ? 'Skicka för godkännande trots brister' : 'Godkänn trots brister'}</h3>
          <TextAreaField
            id="report-override-reason"
            label="Skäl att gå vidare ändå"
            hint={
              <>
                Skälet loggas i historiken tillsammans med bristerna{overriding === 'approve' ? ' och står vid ditt godkännande' : ''}. Rollen ({meta.role ? ROLE_LABELS[meta.role].toLocaleLowerCase('sv-SE') : 'ingen'}) är vad
                profilen anger, inte en inloggning: granskningsbänken registrerar vem som sade sig gå vidare, men kan inte styrka att personen vid datorn har den rollen.
              </>
            }
            value={override}
            rows={2}
            onChange={(v) => {
              setOverride(v);
              setOverrideError(null);
            }}
            issues={[...(overrideError ? [overrideError] : []), ...overrideIssues]}
          />
          <div className="button-row">
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void goOn()}>
              {busy === overriding ? (overriding === 'submit' ? 'Skickar…' : 'Godkänner…') : overriding === 'submit' ? 'Skicka ändå' : 'Godkänn ändå'}
            </button>
            <button type="button" onClick={stopOverride}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {otherProblem && (
        <IssueSummary id="report-problem" title={PROBLEM_TITLES[otherProblem.action]} message={otherProblem.error.message} issues={otherProblem.error.issues ?? []} attempt={otherProblem} />
      )}
    </section>
  );
}
