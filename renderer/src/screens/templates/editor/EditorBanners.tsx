import { navigate } from '../../../routing/routes';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { useTemplateList } from '../../../state/template-list-store';

/** Why the template cannot be edited as it is: bundled (copy it) or used by a review (edits become a new version). */
export function EditorBanners() {
  const origin = useTemplateEditor((s) => s.origin);
  const frozen = useTemplateEditor((s) => s.frozen);
  const template = useTemplateEditor((s) => s.draft?.template);
  const busy = useTemplateList((s) => s.busy);
  if (!template) return null;

  if (origin === 'bundled') {
    return (
      <div className="banner banner-info">
        <p>
          <strong>Inbyggd mall – skapa en kopia för att ändra.</strong> Mallen följer med programmet och kan inte ändras här.
        </p>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            const id = await useTemplateList.getState().createCopy(template.id, `${template.name} (kopia)`);
            if (id) navigate({ name: 'template', id });
          }}
        >
          Skapa en kopia att ändra i
        </button>
      </div>
    );
  }
  if (frozen) {
    return (
      <div className="banner banner-warning">
        <p>
          <strong>Version {template.version} används av en granskning och är låst.</strong> När du ändrar något sparas mallen som version{' '}
          {template.version + 1}; granskningen behåller version {template.version}.
        </p>
      </div>
    );
  }
  return null;
}
