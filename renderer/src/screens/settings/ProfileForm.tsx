import { useState, type FormEvent } from 'react';
import { PROFILE_ROLES, ROLE_LABELS, type Profile, type ProfileRole } from '../../../../shared/contract/profile';
import type { ApiError } from '../../../../shared/result';
import { FieldIssues, describedBy } from '../../components/FieldIssues';
import { TextField } from '../../components/TextField';
import { useProfile } from '../../state/profile-store';

interface Props {
  idBase: string;
  initial: Profile | null;
  submitLabel: string;
  /** Called after the profile was saved. */
  onSaved?(profile: Profile): void;
  /** Called when saving failed for a reason other than the input (e.g. the store is read-only). */
  onStoreProblem?(error: ApiError): void;
}

const ROLE_HINTS: Record<ProfileRole, string> = {
  granskare: 'Granskar akter och sammanställer resultatet.',
  avdelningschef: 'Godkänner granskningen och rapporten.',
  socialdirektor: 'Godkänner tjänsteutlåtandet som förvaltningens högsta chef.',
  namndsekreterare: 'Tar emot tjänsteutlåtandet till nämnden.',
};

/** Name, title and role of the person at the workbench; every field's problem is shown beside it. */
export function ProfileForm({ idBase, initial, submitLabel, onSaved, onStoreProblem }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [role, setRole] = useState<ProfileRole>(initial?.role ?? 'granskare');
  const [problem, setProblem] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const issuesAt = (field: string) => (problem?.issues ?? []).filter((i) => i.path === `$.${field}`).map((i) => i.message);
  // A refusal that is not about a field is said here, unless the caller shows store problems itself.
  const fieldless = problem && (problem.code === 'VALIDATION' || !onStoreProblem) && !(problem.issues ?? []).some((i) => ['$.name', '$.title', '$.role'].includes(i.path));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const error = await useProfile.getState().save({ name, title, role });
      setProblem(error);
      if (!error) {
        onSaved?.({ name: name.trim(), title: title.trim(), role });
        return;
      }
      if (error.code === 'VALIDATION') {
        const first = error.issues?.[0]?.path.replace('$.', '');
        document.getElementById(first === 'role' ? `${idBase}-role-${role}` : `${idBase}-${first ?? 'name'}`)?.focus();
      } else onStoreProblem?.(error);
    } finally {
      setBusy(false);
    }
  }

  const roleIssues = issuesAt('role');
  return (
    <form className="profile-form" aria-label={submitLabel} onSubmit={submit} noValidate>
      {fieldless && (
        <div className="alert alert-error" role="alert">
          <p>{problem.message}</p>
        </div>
      )}
      <TextField
        id={`${idBase}-name`}
        label="Namn"
        required
        value={name}
        onChange={setName}
        issues={issuesAt('name')}
        hint={'Står på allt du gör i granskningarna: svar, urval, ändringar och som "Skapad av".'}
        autoComplete="name"
      />
      <TextField id={`${idBase}-title`} label="Titel" value={title} onChange={setTitle} issues={issuesAt('title')} hint="Till exempel Socialtjänstinspektör." autoComplete="organization-title" />
      <fieldset className="field role-field" aria-describedby={describedBy(`${idBase}-role`, undefined, roleIssues)}>
        <legend>Roll</legend>
        {PROFILE_ROLES.map((r) => (
          <div className="field-radio" key={r}>
            <input id={`${idBase}-role-${r}`} type="radio" name={`${idBase}-role`} value={r} checked={role === r} onChange={() => setRole(r)} aria-describedby={`${idBase}-role-${r}-hint`} />
            <label htmlFor={`${idBase}-role-${r}`}>{ROLE_LABELS[r]}</label>
            <span className="hint" id={`${idBase}-role-${r}-hint`}>
              {ROLE_HINTS[r]}
            </span>
          </div>
        ))}
        <FieldIssues id={`${idBase}-role-issues`} messages={roleIssues} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
