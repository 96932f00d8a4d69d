import { TARGET_GROUPS, type TargetGroup } from '../../../../../shared/templates/schema';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import { TARGET_GROUP_LABELS } from '../labels';
import { flushNow, useIssues, useReadOnly } from './hooks';

/** Name, target group and description of the template. */
export function TemplateDetailsForm() {
  const name = useTemplateEditor((s) => s.draft?.template.name ?? '');
  const targetGroup = useTemplateEditor((s) => s.draft?.template.targetGroup ?? 'barn');
  const description = useTemplateEditor((s) => s.draft?.template.description ?? '');
  const readOnly = useReadOnly();
  const nameIssues = useIssues('$.name');
  const descriptionIssues = useIssues('$.description');
  const { setTemplateFields } = useTemplateEditor.getState();

  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">Om mallen</h2>
      <fieldset className="plain" disabled={readOnly}>
        <legend className="visually-hidden">Mallens uppgifter</legend>
        <div className="field-row">
          <TextField
            id={fieldDomId('$.name')}
            className="grow"
            label="Namn"
            value={name}
            issues={nameIssues}
            onChange={(v) => setTemplateFields({ name: v }, true)}
            onBlur={flushNow}
          />
          <SelectField
            id={fieldDomId('$.targetGroup')}
            label="Målgrupp"
            value={targetGroup}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: TARGET_GROUP_LABELS[g] }))}
            onChange={(v) => setTemplateFields({ targetGroup: v as TargetGroup })}
          />
        </div>
        <TextAreaField
          id={fieldDomId('$.description')}
          label="Beskrivning"
          hint="Vad mallen används till och vad den omfattar."
          rows={4}
          value={description}
          issues={descriptionIssues}
          onChange={(v) => setTemplateFields({ description: v }, true)}
          onBlur={flushNow}
        />
      </fieldset>
    </section>
  );
}
