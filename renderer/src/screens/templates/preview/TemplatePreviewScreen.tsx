import { useEffect } from 'react';
import { ScreenHeading } from '../../../frame/ScreenHeading';
import { hrefFor } from '../../../routing/routes';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { TARGET_GROUP_LABELS } from '../labels';
import { PreviewArea } from './PreviewArea';
import { LoadErrorScreen } from '../../../frame/LoadErrorScreen';

/** The template as a reviewer will meet it: areas in order, each question with its answer control (inactive). */
export function TemplatePreviewScreen({ id }: { id: string }) {
  const loadState = useTemplateEditor((s) => s.loadState);
  const loadError = useTemplateEditor((s) => s.loadError);
  const template = useTemplateEditor((s) => s.draft?.template);

  useEffect(() => {
    void useTemplateEditor.getState().open(id);
  }, [id]);

  if (loadState === 'error') {
    return <LoadErrorScreen title="Förhandsvisningen kunde inte öppnas" message={loadError} backHref={hrefFor({ name: 'templates' })} backLabel="Tillbaka till mallarna" />;
  }
  if (loadState !== 'ready' || !template) {
    return (
      <div className="screen">
        <ScreenHeading title="Förhandsvisning">Hämtar mallen…</ScreenHeading>
      </div>
    );
  }

  let number = 0;
  const numbered = new Map(template.areas.flatMap((a) => template.questions.filter((q) => q.area === a.id)).map((q) => [q, ++number]));
  return (
    <div className="screen screen-preview">
      <p className="breadcrumb">
        <a href={hrefFor({ name: 'templates' })}>Mallar</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefFor({ name: 'template', id: template.id })}>{template.name}</a> <span aria-hidden="true">›</span> Förhandsvisning
      </p>
      <ScreenHeading title={`Förhandsvisning: ${template.name}`}>Förhandsvisning: {template.name}</ScreenHeading>
      <p className="preview-meta">
        Version {template.version} · Målgrupp: {TARGET_GROUP_LABELS[template.targetGroup]} · {template.questions.length}{' '}
        {template.questions.length === 1 ? 'fråga' : 'frågor'}
      </p>
      {template.description && <p className="lead">{template.description}</p>}
      <p className="hint">Svarskontrollerna visas som de ser ut för granskaren men går inte att fylla i här.</p>
      {template.areas.map((area) => (
        <PreviewArea key={area.id} area={area} template={template} numbers={numbered} />
      ))}
    </div>
  );
}
