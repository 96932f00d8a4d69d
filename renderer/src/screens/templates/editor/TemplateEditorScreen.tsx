import { useEffect } from 'react';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { hrefFor } from '../../../routing/routes';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { AddAreaForm } from './AddAreaForm';
import { AreaSection } from './AreaSection';
import { EditorBanners } from './EditorBanners';
import { EditorToolbar } from './EditorToolbar';
import { IssueSummary } from './IssueSummary';
import { TemplateDetailsForm } from './TemplateDetailsForm';
import { UndoNotice } from './UndoNotice';
import { useReadOnly } from './hooks';
import { useUndoShortcut } from './useUndoShortcut';
import { LoadErrorScreen } from '../../../frame/LoadErrorScreen';

/** Edits one template; every change is saved at once (typing after a short pause). */
export function TemplateEditorScreen({ id }: { id: string }) {
  const loadState = useTemplateEditor((s) => s.loadState);
  const loadError = useTemplateEditor((s) => s.loadError);
  const name = useTemplateEditor((s) => s.draft?.template.name);
  const areaIds = useTemplateEditor((s) => s.draft?.template.areas.map((a) => a.id).join('\n') ?? '');
  const liveNote = useTemplateEditor((s) => s.liveNote);
  const readOnly = useReadOnly();
  useUndoShortcut();

  useEffect(() => {
    void useTemplateEditor.getState().open(id);
    const onHide = () => void useTemplateEditor.getState().flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      // Leaving the screen: whatever is still waiting for the typing pause is saved now.
      void useTemplateEditor.getState().flush();
    };
  }, [id]);

  if (loadState === 'error') {
    return <LoadErrorScreen title="Mallen kunde inte öppnas" message={loadError} backHref={hrefFor({ name: 'templates' })} backLabel="Tillbaka till mallarna" />;
  }
  if (loadState !== 'ready') {
    return (
      <div className="screen">
        <ScreenHeading title="Mall">Hämtar mallen…</ScreenHeading>
      </div>
    );
  }

  return (
    <div className="screen screen-editor">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'templates' })}>Mallar</a> <span aria-hidden="true">›</span> {readOnly ? 'Visa mall' : 'Redigera mall'}
      </p>
      <ScreenHeading title={name}>{name?.trim() || 'Namnlös mall'}</ScreenHeading>
      <EditorToolbar />
      <EditorBanners />
      <IssueSummary />
      <UndoNotice />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {liveNote}
      </div>
      <TemplateDetailsForm />
      <section className="areas" aria-labelledby="areas-heading">
        <h2 id="areas-heading">Kvalitetsområden och frågor</h2>
        {!readOnly && (
          <p className="hint">
            Flytta en fråga med knapparna, genom att dra den, eller med Alt+Pil upp och Alt+Pil ned när frågan har fokus. En borttagen fråga kan
            återställas med Ångra eller Ctrl+Z.
          </p>
        )}
        {areaIds.split('\n').filter(Boolean).map((areaId, index) => (
          <AreaSection key={areaId} areaId={areaId} index={index} />
        ))}
        {!readOnly && <AddAreaForm />}
      </section>
    </div>
  );
}
