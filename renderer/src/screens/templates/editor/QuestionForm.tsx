import { QUESTION_TYPES, type Question, type QuestionType } from '../../../../../shared/templates/schema';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import { QUESTION_TYPE_LABELS } from '../labels';
import { ChoiceFields } from './ChoiceFields';
import { LegalRefsFields } from './LegalRefsFields';
import { NumberFields } from './NumberFields';
import { ScaleFields } from './ScaleFields';
import { flushNow, useIssues } from './hooks';

export interface QuestionFieldsProps<Q extends Question = Question> {
  qkey: string;
  /** Position in template.questions, for issue paths and field ids. */
  index: number;
  question: Q;
}

/** Everything about one question: id, text, guidance, area, type, required, type-specific fields and legal references. */
export function QuestionForm({ qkey, index, question }: QuestionFieldsProps) {
  const base = `$.questions[${index}]`;
  const areas = useTemplateEditor((s) => s.draft?.template.areas);
  const idIssues = useIssues(`${base}.id`);
  const textIssues = useIssues(`${base}.text`);
  const guidanceIssues = useIssues(`${base}.guidance`);
  const areaIssues = useIssues(`${base}.area`);
  const typeIssues = useIssues(`${base}.type`);
  const { updateQuestion, setQuestionArea, changeQuestionType } = useTemplateEditor.getState();
  const set = (patch: Partial<Question>, typing = false) => updateQuestion(qkey, (q) => ({ ...q, ...patch }) as Question, typing);

  return (
    <div className="question-form">
      <div className="field-row">
        <TextField
          id={fieldDomId(`${base}.id`)}
          className="narrow"
          label="Fråge-id"
          hint="Kort och unikt, t.ex. T6."
          value={question.id}
          issues={idIssues}
          onChange={(v) => set({ id: v }, true)}
          onBlur={flushNow}
        />
        <SelectField
          id={fieldDomId(`${base}.area`)}
          label="Kvalitetsområde"
          value={question.area}
          options={(areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          issues={areaIssues}
          onChange={(v) => setQuestionArea(qkey, v)}
        />
        <SelectField
          id={fieldDomId(`${base}.type`)}
          label="Frågetyp"
          value={question.type}
          options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
          issues={typeIssues}
          onChange={(v) => changeQuestionType(qkey, v as QuestionType)}
        />
      </div>
      <TextAreaField
        id={fieldDomId(`${base}.text`)}
        label="Frågetext"
        rows={3}
        value={question.text}
        issues={textIssues}
        onChange={(v) => set({ text: v }, true)}
        onBlur={flushNow}
      />
      <TextAreaField
        id={fieldDomId(`${base}.guidance`)}
        label="Bedömningsstöd"
        hint="Hjälp till granskaren: vad som krävs för respektive svar."
        rows={4}
        value={question.guidance ?? ''}
        issues={guidanceIssues}
        onChange={(v) => set({ guidance: v }, true)}
        onBlur={flushNow}
      />
      <CheckboxField
        id={fieldDomId(`${base}.required`)}
        label="Obligatorisk – frågan måste besvaras för varje akt"
        checked={question.required ?? false}
        onChange={(checked) => set({ required: checked })}
      />
      {question.type === 'scale' && <ScaleFields qkey={qkey} index={index} question={question} />}
      {question.type === 'choice' && <ChoiceFields qkey={qkey} index={index} question={question} />}
      {question.type === 'number' && <NumberFields qkey={qkey} index={index} question={question} />}
      <LegalRefsFields qkey={qkey} index={index} question={question} />
    </div>
  );
}
