import type { Question } from '../../../../../shared/templates/schema';
import { SelectField } from '../../../components/SelectField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import type { QuestionFieldsProps } from './QuestionForm';
import { useIssues } from './hooks';

type ScaleQuestion = Extract<Question, { type: 'scale' }>;

/** Which of the template's answer scales the question uses. */
export function ScaleFields({ qkey, index, question }: QuestionFieldsProps<ScaleQuestion>) {
  const scales = useTemplateEditor((s) => s.draft?.template.scales ?? {});
  const path = `$.questions[${index}].scale`;
  const issues = useIssues(path);
  const ids = Object.keys(scales);
  const options = (ids.includes(question.scale) ? ids : [question.scale, ...ids]).map((id) => ({
    value: id,
    label: scales[id] ? `${id}: ${scales[id].map((s) => s.label).join(', ')}` : `${id} (saknas)`,
  }));
  return (
    <SelectField
      id={fieldDomId(path)}
      label="Svarsskala"
      value={question.scale}
      options={options}
      issues={issues}
      onChange={(v) => useTemplateEditor.getState().updateQuestion(qkey, (q) => ({ ...q, scale: v }) as Question)}
    />
  );
}
