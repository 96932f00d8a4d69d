import type { LegalRef, Question } from '../../../../../shared/templates/schema';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import type { QuestionFieldsProps } from './QuestionForm';
import { flushNow, useIssues } from './hooks';

/** The default act for a new reference: the one last used in the template, else the current Social Services Act. */
function defaultAct(): string {
  const questions = useTemplateEditor.getState().draft?.template.questions ?? [];
  for (let i = questions.length - 1; i >= 0; i--) {
    const legal = questions[i].legal;
    if (legal?.length) return legal[legal.length - 1].act;
  }
  return 'SoL (2025:400)';
}

/** Empty fields are left out; a chapter of digits only is stored as a number. */
function tidy(ref: Record<string, unknown>): LegalRef {
  const out: Record<string, unknown> = { act: ref.act };
  for (const k of ['chapter', 'section', 'validFrom', 'validTo'] as const) {
    const v = ref[k];
    if (v === undefined || v === '') continue;
    out[k] = k === 'chapter' && typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  }
  return out as unknown as LegalRef;
}

/** Legal references (act, chapter, section, period of validity) of one question. */
export function LegalRefsFields({ qkey, index, question }: QuestionFieldsProps) {
  const base = `$.questions[${index}].legal`;
  const refs = question.legal ?? [];
  const setRefs = (legal: LegalRef[], typing = false) =>
    useTemplateEditor.getState().updateQuestion(qkey, (q) => ({ ...q, legal }) as Question, typing);

  return (
    <fieldset className="subfields">
      <legend>Lagrum</legend>
      {refs.length === 0 && <p className="muted">Inga lagrum angivna.</p>}
      <ol className="legal-list">
        {refs.map((ref, j) => (
          <LegalRefRow
            key={j}
            base={`${base}[${j}]`}
            number={j + 1}
            value={ref}
            onChange={(next) => setRefs(refs.map((r, k) => (k === j ? tidy(next) : r)), true)}
            onRemove={() => setRefs(refs.filter((_, k) => k !== j))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="small"
        onClick={() => {
          setRefs([...refs, { act: defaultAct() }]);
          setTimeout(() => document.getElementById(fieldDomId(`${base}[${refs.length}].act`))?.focus(), 0);
        }}
      >
        Lägg till lagrum
      </button>
    </fieldset>
  );
}

interface RowProps {
  base: string;
  number: number;
  value: LegalRef;
  onChange(ref: Record<string, unknown>): void;
  onRemove(): void;
}

function LegalRefRow({ base, number, value, onChange, onRemove }: RowProps) {
  const issues = {
    act: useIssues(`${base}.act`),
    chapter: useIssues(`${base}.chapter`),
    section: useIssues(`${base}.section`),
    validFrom: useIssues(`${base}.validFrom`),
    validTo: useIssues(`${base}.validTo`),
  };
  const field = (key: keyof typeof issues, label: string, extra: { type?: 'text' | 'date'; className?: string; hint?: string } = {}) => (
    <TextField
      id={fieldDomId(`${base}.${key}`)}
      label={label}
      value={value[key] === undefined ? '' : String(value[key])}
      issues={issues[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
      onBlur={flushNow}
      {...extra}
    />
  );
  return (
    <li className="legal-row">
      <fieldset className="plain">
        <legend className="legal-legend">Lagrum {number}</legend>
        <div className="field-row">
          {field('act', 'Författning', { className: 'grow', hint: 't.ex. SoL (2001:453)' })}
          {field('chapter', 'Kapitel', { className: 'tiny' })}
          {field('section', 'Paragraf', { className: 'tiny' })}
          {field('validFrom', 'Gäller från', { type: 'date' })}
          {field('validTo', 'Gäller till', { type: 'date' })}
        </div>
        <button type="button" className="small danger-outline" onClick={onRemove}>
          Ta bort lagrum {number}
        </button>
      </fieldset>
    </li>
  );
}
