import { useState } from 'react';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import { flushNow, useIssues } from './hooks';

/** Rename and describe a quality area; folded by default to keep the question list in view. */
export function AreaFields({ areaId, index }: { areaId: string; index: number }) {
  const name = useTemplateEditor((s) => s.draft?.template.areas[index]?.name ?? '');
  const description = useTemplateEditor((s) => s.draft?.template.areas[index]?.description ?? '');
  const base = `$.areas[${index}]`;
  const nameIssues = useIssues(`${base}.name`);
  const descriptionIssues = useIssues(`${base}.description`);
  const [open, setOpen] = useState(false);
  const { updateArea } = useTemplateEditor.getState();
  // Opened by the user or by a problem inside; it stays open once opened, so it never folds while being typed in.
  return (
    <details className="area-fields" open={open || nameIssues.length > 0 || descriptionIssues.length > 0} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Namn och beskrivning</summary>
      <TextField
        id={fieldDomId(`${base}.name`)}
        label="Områdets namn"
        value={name}
        issues={nameIssues}
        onChange={(v) => updateArea(areaId, { name: v }, true)}
        onBlur={flushNow}
      />
      <TextAreaField
        id={fieldDomId(`${base}.description`)}
        label="Beskrivning av området"
        value={description}
        issues={descriptionIssues}
        onChange={(v) => updateArea(areaId, { description: v }, true)}
        onBlur={flushNow}
      />
    </details>
  );
}
