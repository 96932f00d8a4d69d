import { useTemplateEditor } from '../../../state/template-editor-store';
import { AddQuestionForm } from './AddQuestionForm';
import { AreaFields } from './AreaFields';
import { QuestionList } from './QuestionList';
import { flushNow, keepFocusDuring, useReadOnly } from './hooks';

/** One quality area: its name and description, its questions, and adding a question to it. */
export function AreaSection({ areaId, index }: { areaId: string; index: number }) {
  const area = useTemplateEditor((s) => s.draft?.template.areas.find((a) => a.id === areaId));
  const areaCount = useTemplateEditor((s) => s.draft?.template.areas.length ?? 0);
  const notice = useTemplateEditor((s) => (s.areaNotice?.areaId === areaId ? s.areaNotice.message : undefined));
  const readOnly = useReadOnly();
  if (!area) return null;
  const headingId = `area-${areaId}-heading`;
  const named = ` området ${area.name}`;
  const { moveArea, deleteArea, clearAreaNotice, note } = useTemplateEditor.getState();

  const move = (direction: -1 | 1) =>
    keepFocusDuring(() => {
      flushNow();
      if (moveArea(areaId, direction)) note(`Området ${area.name} flyttades till plats ${index + 1 + direction} av ${areaCount}.`);
    });

  return (
    <section className="area" aria-labelledby={headingId}>
      <div className="area-header">
        <h3 id={headingId}>
          <span className="area-number">{index + 1}.</span> {area.name || 'Namnlöst område'}
        </h3>
        {!readOnly && (
          <div className="button-row">
            <button type="button" className="small" aria-label={`Flytta upp${named}`} aria-disabled={index === 0 || undefined} onClick={() => index > 0 && move(-1)}>
              Flytta upp
            </button>
            <button type="button" className="small" aria-label={`Flytta ned${named}`} aria-disabled={index === areaCount - 1 || undefined} onClick={() => index < areaCount - 1 && move(1)}>
              Flytta ned
            </button>
            <button type="button" className="small danger-outline" aria-label={`Ta bort${named}`} onClick={() => deleteArea(areaId)}>
              Ta bort
            </button>
          </div>
        )}
      </div>
      {notice && (
        <div className="inline-alert" role="alert">
          <p>{notice}</p>
          <button type="button" className="small" onClick={clearAreaNotice}>
            OK
          </button>
        </div>
      )}
      {readOnly ? area.description && <p className="area-description">{area.description}</p> : <AreaFields areaId={areaId} index={index} />}
      <QuestionList areaId={areaId} />
      {!readOnly && <AddQuestionForm areaId={areaId} areaName={area.name} />}
    </section>
  );
}
