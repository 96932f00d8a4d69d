import { useEffect, useState, type FormEvent } from 'react';
import { REPORT_FONTS } from '../../../../shared/contract/report-model';
import type { ApiError } from '../../../../shared/result';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { services } from '../../services';
import { announce } from '../../state/status-store';
import { toApiError } from '../../state/template-editor-store';

type Settings = { administration: string; department: string; board: string; font: (typeof REPORT_FONTS)[number] };

/**
 * The names a new tjänsteutlåtande is written with: the administration and department (its
 * header and "Ärendets beredning"), the board it goes to, and the typeface. Settings, not code:
 * every city words them its own way. Drafts already begun keep what they have.
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
  const set = (field: keyof Settings) => (value: string) => setSettings({ ...settings, [field]: value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      setSettings(await services().api.call('report.settings.save', settings!));
      setProblem(undefined);
      announce('Inställningarna för tjänsteutlåtanden sparades.', 'success');
    } catch (error) {
      const apiError = toApiError(error);
      setProblem(apiError);
      document.getElementById(`report-settings-${apiError.issues?.[0]?.path.replace('$.', '') ?? 'administration'}`)?.focus();
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
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Spara inställningarna
        </button>
      </div>
    </form>
  );
}
