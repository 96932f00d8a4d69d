import type { Question } from '../../../../../shared/templates/schema';
import { CheckboxField } from '../../../components/CheckboxField';
import { NumberField } from '../../../components/NumberField';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import type { QuestionFieldsProps } from './QuestionForm';
import { flushNow, useIssues } from './hooks';

type NumberQuestion = Extract<Question, { type: 'number' }>;

/** Whole numbers only, the allowed range and the unit (e.g. "dagar", "samtal"). */
export function NumberFields({ qkey, index, question }: QuestionFieldsProps<NumberQuestion>) {
  const base = `$.questions[${index}]`;
  const minIssues = useIssues(`${base}.min`);
  const maxIssues = useIssues(`${base}.max`);
  const unitIssues = useIssues(`${base}.unit`);
  const set = (patch: Partial<NumberQuestion>, typing = false) =>
    useTemplateEditor.getState().updateQuestion(
      qkey,
      (q) => {
        const next = { ...q, ...patch } as Record<string, unknown>;
        for (const k of ['min', 'max'] as const) if (next[k] === undefined) delete next[k];
        if (next.integer === false) delete next.integer;
        return next as Question;
      },
      typing,
    );
  return (
    <fieldset className="subfields">
      <legend>Tal</legend>
      <CheckboxField id={fieldDomId(`${base}.integer`)} label="Endast heltal" checked={question.integer ?? false} onChange={(integer) => set({ integer })} />
      <div className="field-row">
        <NumberField id={fieldDomId(`${base}.min`)} className="narrow" label="Minsta värde" value={question.min} issues={minIssues} onChange={(min) => set({ min }, true)} onBlur={flushNow} />
        <NumberField id={fieldDomId(`${base}.max`)} className="narrow" label="Högsta värde" value={question.max} issues={maxIssues} onChange={(max) => set({ max }, true)} onBlur={flushNow} />
        <TextField
          id={fieldDomId(`${base}.unit`)}
          className="narrow"
          label="Enhet"
          placeholder="t.ex. dagar"
          value={question.unit ?? ''}
          issues={unitIssues}
          onChange={(unit) => set({ unit }, true)}
          onBlur={flushNow}
        />
      </div>
    </fieldset>
  );
}
