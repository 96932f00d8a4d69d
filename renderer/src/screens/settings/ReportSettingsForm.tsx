import { useEffect, useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../../shared/contract/profile';
import { APPROVER_ROLES, type ApproverRole } from '../../../../shared/contract/report';
import { REPORT_FONTS } from '../../../../shared/contract/report-model';
import { FieldIssues } from '../../components/FieldIssues';
import type { ApiError } from '../../../../shared/result';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { services } from '../../services';
import { announce } from '../../state/status-store';
import { toApiError } from '../../state/template-editor-store';

type Settings = { administration: string; department: string; board: string; font: (typeof REPORT_FONTS)[number]; approvers: ApproverRole[] };

const APPROVERS_ID = 'report-settings-approvers';

/**
 * The names a new tjänsteutlåtande is written with: the administration and department (its
 * header and "Ärendets beredning"), the board it goes to, and the typeface. Settings, not code:
 * every city words them its own way. Drafts already begun keep what they have. Also who must
 * approve a memo (avdelningschef, socialdirektör or both, in any order; at least one).
 */
export function ReportSettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    services()
      .api.call('report.settings.get', {})
      .then((value) => live && setSettings(value))
      .catch((error: unknown) => live && setProblem(toApiError(error)));
    return () => {
      live = false;
    };
  }, []);

  if (!settings) return problem ? <p className="alert alert-error">{problem.message}</p> : <p>Hämtar inställningarna…</p>;

  const issuesAt = (field: string) => (problem?.issues ?? []).filter((i) => i.path === `$.${field}`).map((i) => i.message);
  const set = (field: Exclude<keyof Settings, 'approvers'>) => (value: string) => setSettings({ ...settings, [field]: value });
  const setApprover = (role: ApproverRole, on: boolean) => {
    // Kept in the settings' order, whatever order they were ticked in.
    const chosen = new Set(settings.approvers);
    if (on) chosen.add(role);
    else chosen.delete(role);
    setSettings({ ...settings, approvers: APPROVER_ROLES.filter((r) => chosen.has(r)) });
    if (problem?.issues?.some((i) => i.path.startsWith('$.approvers'))) setProblem(undefined);
  };
  const approverIssues = (problem?.issues ?? []).filter((i) => i.path.startsWith('$.approvers')).map((i) => i.message);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (settings!.approvers.length === 0) {
      setProblem({ code: 'VALIDATION', message: 'Minst en roll måste godkänna tjänsteutlåtandet.', issues: [{ path: '$.approvers', message: 'Minst en roll måste godkänna tjänsteutlåtandet.' }] });
      document.getElementById(`${APPROVERS_ID}-${APPROVER_ROLES[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      setSettings(await services().api.call('report.settings.save', settings!));
      setProblem(undefined);
      announce('Inställningarna för tjänsteutlåtanden sparades.', 'success');
    } catch (error) {
      const apiError = toApiError(error);
      setProblem(apiError);
      const field = apiError.issues?.[0]?.path.replace('$.', '').replace(/\[\d+\]$/, '') ?? 'administration';
      document.getElementById(field === 'approvers' ? `${APPROVERS_ID}-${APPROVER_ROLES[0]}` : `report-settings-${field}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const fieldless = problem && !(problem.issues ?? []).length;
  return (
    <form className="profile-form" aria-label="Spara inställningarna för tjänsteutlåtanden" onSubmit={submit} noValidate>
      {fieldless && (
        <div className="alert alert-error" role="alert">
          <p>{problem.message}</p>
        </div>
      )}
      <TextField id="report-settings-administration" label="Förvaltning" required value={settings.administration} onChange={set('administration')} issues={issuesAt('administration')} hint="Till exempel Socialförvaltningen." />
      <TextField id="report-settings-department" label="Avdelning" required value={settings.department} onChange={set('department')} issues={issuesAt('department')} hint='Står i sidhuvudet och i "Ärendets beredning".' />
      <TextField id="report-settings-board" label="Nämnd" required value={settings.board} onChange={set('board')} issues={issuesAt('board')} hint='Mottagaren ("Till") och den som förslagen till beslut riktar sig till.' />
      <SelectField id="report-settings-font" label="Typsnitt" value={settings.font} options={REPORT_FONTS.map((f) => ({ value: f, label: f }))} onChange={set('font')} issues={issuesAt('font')} />
      <fieldset className="field report-settings-approvers" aria-describedby={[`${APPROVERS_ID}-hint`, approverIssues.length ? `${APPROVERS_ID}-issues` : ''].filter(Boolean).join(' ')}>
        <legend>Godkänns av</legend>
        <p className="hint" id={`${APPROVERS_ID}-hint`}>
          Rollerna som ska godkänna tjänsteutlåtandet, i valfri ordning; minst en. Utlåtandet är godkänt när alla valda har godkänt. Rollen är vad profilen anger, inte en inloggning.
        </p>
        {APPROVER_ROLES.map((role) => (
          <div className="field-checkbox" key={role}>
            <input
              id={`${APPROVERS_ID}-${role}`}
              type="checkbox"
              checked={settings.approvers.includes(role)}
              aria-invalid={approverIssues.length ? true : undefined}
              onChange={(e) => setApprover(role, e.target.checked)}
            />
            <label htmlFor={`${APPROVERS_ID}-${role}`}>{ROLE_LABELS[role]}</label>
          </div>
        ))}
        <FieldIssues id={`${APPROVERS_ID}-issues`} messages={approverIssues} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Spara inställningarna
        </button>
      </div>
    </form>
  );
}
