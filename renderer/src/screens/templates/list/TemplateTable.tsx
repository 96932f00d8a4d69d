import type { TemplateSummary } from '../../../../../shared/contract/templates';
import { TemplateRow } from './TemplateRow';

/** The templates, newest version of each. */
export function TemplateTable({ templates }: { templates: TemplateSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Granskningsmallar</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col" className="num">Version</th>
            <th scope="col">Målgrupp</th>
            <th scope="col" className="num">Frågor</th>
            <th scope="col">Ursprung</th>
            <th scope="col">Låst</th>
            <th scope="col">Ändrad</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <TemplateRow key={t.id} template={t} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
