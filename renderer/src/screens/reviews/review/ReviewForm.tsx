import { useState, type FormEvent } from 'react';
import type { Review } from '../../../../../shared/contract/reviews';
import type { TemplateSummary } from '../../../../../shared/contract/templates';
import type { Issue } from '../../../../../shared/result';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { placeIssues, type FormField } from '../../../components/form-issues';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { InspectorListField, type InspectorDraft } from './InspectorListField';
import { UnitListField } from './UnitListField';

export interface ReviewFormValues {
  templateRef?: { templateId: string; templateVersion: number };
  title: string;
  subtitle?: string;
  dnr?: string;
  theme?: string;
  periodFrom?: string;
  periodTo?: string;
  referenceDate?: string;
  units: string[];
  inspectors: { name: string; phone?: string }[];
}

interface Props {
  idBase: string;
  /** Shown when creating: the template (and its version) the review is frozen on. */
  templates?: TemplateSummary[];
  initial?: Review;
  submitLabel: string;
  busy: boolean;
  /** Resolves with the server's problems, or nothing when it went through. */
  onSubmit(values: ReviewFormValues): Promise<{ message: string; issues?: Issue[] } | undefined>;
  onCancel(): void;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The form's fields by input key, so the server's issues land next to the field they are about. */
const formFields = (idBase: string): FormField[] => [
  { name: 'templateId', id: `${idBase}-template`, label: 'Mall' },
  { name: 'templateVersion', id: `${idBase}-template`, label: 'Mall' },
  { name: 'title', id: `${idBase}-title`, label: 'Titel' },
  { name: 'dnr', id: `${idBase}-dnr`, label: 'Dnr' },
  { name: 'subtitle', id: `${idBase}-subtitle`, label: 'Undertitel' },
  { name: 'theme', id: `${idBase}-theme`, label: 'Tema' },
  { name: 'periodFrom', id: `${idBase}-period-from`, label: 'Period från' },
  { name: 'periodTo', id: `${idBase}-period-to`, label: 'Period till' },
  { name: 'referenceDate', id: `${idBase}-reference-date`, label: 'Referensdatum' },
  { name: 'units', id: `${idBase}-units-new`, label: 'Enheter' },
  {
    name: 'inspectors',
    id: `${idBase}-inspectors-0-name`,
    label: 'Inspektörer',
    idFor: (path) => {
      const m = /^\$\.inspectors\[(\d+)\]\.(name|phone)$/.exec(path);
      return m ? `${idBase}-inspectors-${m[1]}-${m[2]}` : undefined;
    },
  },
];

/** The review's details, for "Ny granskning" and for editing them later. */
export function ReviewForm({ idBase, templates, initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const firstTemplate = templates?.[0];
  const [template, setTemplate] = useState(firstTemplate ? `${firstTemplate.id}@${firstTemplate.version}` : '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [subtitle, setSubtitle] = useState(initial?.subtitle ?? '');
  const [dnr, setDnr] = useState(initial?.dnr ?? '');
  const [theme, setTheme] = useState(initial?.theme ?? '');
  const [periodFrom, setPeriodFrom] = useState(initial?.periodFrom ?? '');
  const [periodTo, setPeriodTo] = useState(initial?.periodTo ?? '');
  const [referenceDate, setReferenceDate] = useState(initial?.referenceDate ?? '');
  const [units, setUnits] = useState<string[]>(initial?.units ?? []);
  const [inspectors, setInspectors] = useState<InspectorDraft[]>(initial?.inspectors.map((i) => ({ name: i.name, phone: i.phone ?? '' })) ?? []);
  const [problem, setProblem] = useState<{ message: string; issues?: Issue[] }>();
  const [attempt, setAttempt] = useState(0);

  // Every problem at once: each under its field, all of them in the summary at the top.
  const placed = placeIssues(templates ? 'reviews.create' : 'reviews.update', problem?.issues, formFields(idBase));
  const issuesAt = (field: string) => placed.at(field);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const [templateId, version] = template.split('@');
    const result = await onSubmit({
      templateRef: templates ? { templateId, templateVersion: Number(version) } : undefined,
      title: title.trim(),
      subtitle: opt(subtitle),
      dnr: opt(dnr),
      theme: opt(theme),
      periodFrom: opt(periodFrom),
      periodTo: opt(periodTo),
      referenceDate: opt(referenceDate),
      units: units.map((u) => u.trim()).filter(Boolean),
      inspectors: inspectors.filter((i) => i.name.trim()).map((i) => ({ name: i.name.trim(), ...(i.phone.trim() ? { phone: i.phone.trim() } : {}) })),
    });
    setProblem(result);
    if (result) setAttempt((n) => n + 1);
  }

  return (
    <form className="review-form panel" aria-label={submitLabel} onSubmit={submit} noValidate>
      {problem && (
        <ErrorSummary
          id={`${idBase}-problems`}
          title={templates ? 'Granskningen skapades inte' : 'Uppgifterna sparades inte'}
          message={problem.message}
          items={placed.summary}
          attempt={attempt}
        />
      )}
      {templates && (
        <SelectField
          id={`${idBase}-template`}
          label="Mall"
          value={template}
          options={templates.map((t) => ({ value: `${t.id}@${t.version}`, label: `${t.name} (version ${t.version}, ${t.questionCount} frågor)` }))}
          onChange={setTemplate}
          hint="Granskningen låses till mallens nuvarande version."
          issues={[...issuesAt('templateId'), ...issuesAt('templateVersion')]}
        />
      )}
      <div className="field-row">
        <TextField id={`${idBase}-title`} label="Titel" required value={title} onChange={setTitle} issues={issuesAt('title')} className="grow" />
        <TextField id={`${idBase}-dnr`} label="Dnr" value={dnr} onChange={setDnr} placeholder="SOF 2024/543" issues={issuesAt('dnr')} className="narrow" />
      </div>
      <TextField id={`${idBase}-subtitle`} label="Undertitel" value={subtitle} onChange={setSubtitle} placeholder="Socialtjänstinspektörernas kvalitetsgranskning" issues={issuesAt('subtitle')} />
      <TextAreaField id={`${idBase}-theme`} label="Tema" value={theme} onChange={setTheme} rows={2} issues={issuesAt('theme')} />
      <div className="field-row">
        <TextField id={`${idBase}-period-from`} label="Period från" value={periodFrom} onChange={setPeriodFrom} placeholder="ÅÅÅÅ-MM-DD" issues={issuesAt('periodFrom')} className="narrow" />
        <TextField id={`${idBase}-period-to`} label="Period till" value={periodTo} onChange={setPeriodTo} placeholder="ÅÅÅÅ-MM-DD" issues={issuesAt('periodTo')} className="narrow" />
        <TextField
          id={`${idBase}-reference-date`}
          label="Referensdatum"
          value={referenceDate}
          onChange={setReferenceDate}
          placeholder="ÅÅÅÅ-MM-DD"
          hint="Åldrar räknas vid detta datum."
          issues={issuesAt('referenceDate')}
          className="narrow"
        />
      </div>
      <UnitListField idBase={`${idBase}-units`} units={units} onChange={setUnits} issues={issuesAt('units')} />
      <InspectorListField idBase={`${idBase}-inspectors`} inspectors={inspectors} onChange={setInspectors} issues={issuesAt('inspectors')} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
