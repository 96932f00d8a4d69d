import { hrefFor } from '../../../routing/routes';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { ORIGIN_LABELS } from '../labels';

/** Id, version and origin of the open template, and the way to its preview. */
export function EditorToolbar() {
  const id = useTemplateEditor((s) => s.draft?.template.id ?? '');
  const version = useTemplateEditor((s) => s.draft?.template.version);
  const versions = useTemplateEditor((s) => s.versions);
  const origin = useTemplateEditor((s) => s.origin);
  return (
    <div className="editor-toolbar">
      <dl className="meta">
        <div>
          <dt>Id</dt>
          <dd>
            <code>{id}</code>
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>
            {version}
            {versions.length > 1 && ` (av ${versions.length})`}
          </dd>
        </div>
        {origin && (
          <div>
            <dt>Ursprung</dt>
            <dd>{ORIGIN_LABELS[origin]}</dd>
          </div>
        )}
      </dl>
      <a className="button-link" href={hrefFor({ name: 'preview', id })}>
        Förhandsvisning
      </a>
    </div>
  );
}
