import { useEffect, useRef, useState } from 'react';
import type { TemplateSummary } from '../../../../../shared/contract/templates';
import { hrefFor, navigate } from '../../../routing/routes';
import { useTemplateList } from '../../../state/template-list-store';
import { ORIGIN_LABELS, TARGET_GROUP_LABELS, formatDateTime } from '../labels';

function lockLabel(t: TemplateSummary): string {
  if (t.origin === 'bundled') return 'Ja, inbyggd';
  if (t.frozen) return 'Ja, används i granskning';
  return 'Nej';
}

/** One template with its actions; "Ta bort" asks for confirmation in place. */
export function TemplateRow({ template: t }: { template: TemplateSummary }) {
  const busy = useTemplateList((s) => s.busy);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const { createCopy, exportTemplate, deleteTemplate } = useTemplateList.getState();

  return (
    <tr>
      <th scope="row" className="name-cell">
        <a href={hrefFor({ name: 'template', id: t.id })}>{t.name}</a>
      </th>
      <td className="num">{t.version}</td>
      <td>{TARGET_GROUP_LABELS[t.targetGroup]}</td>
      <td className="num">{t.questionCount}</td>
      <td>{ORIGIN_LABELS[t.origin]}</td>
      <td>{lockLabel(t)}</td>
      <td className="nowrap">{formatDateTime(t.updatedAt)}</td>
      <td className="actions">
        {confirming ? (
          <div className="confirm" role="group" aria-label={`Bekräfta borttagning av ${t.name}`}>
            <span>Ta bort mallen med alla versioner? Det går inte att ångra.</span>
            <button
              type="button"
              className="danger"
              aria-label={`Ja, ta bort ${t.name}`}
              disabled={busy}
              onClick={async () => {
                const ok = await deleteTemplate(t.id);
                if (!ok) setConfirming(false);
              }}
            >
              Ja, ta bort
            </button>
            <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              Avbryt
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button
              type="button"
              aria-label={`Skapa kopia av ${t.name}`}
              disabled={busy}
              onClick={async () => {
                const id = await createCopy(t.id, `${t.name} (kopia)`);
                if (id) navigate({ name: 'template', id });
              }}
            >
              Skapa kopia
            </button>
            <button type="button" aria-label={`Exportera ${t.name}`} disabled={busy} onClick={() => void exportTemplate(t.id)}>
              Exportera
            </button>
            {t.origin !== 'bundled' && (
              <button type="button" className="danger-outline" ref={deleteRef} aria-label={`Ta bort ${t.name}`} disabled={busy} onClick={() => setConfirming(true)}>
                Ta bort
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
