import type { Area, Question, Template } from '../../../../../shared/templates/schema';
import { PreviewQuestion } from './PreviewQuestion';

interface Props {
  area: Area;
  template: Template;
  /** Running question numbers across the template, in the order the reviewer meets them. */
  numbers: Map<Question, number>;
}

export function PreviewArea({ area, template, numbers }: Props) {
  const questions = template.questions.filter((q) => q.area === area.id);
  const headingId = `preview-area-${area.id}`;
  return (
    <section className="preview-area" aria-labelledby={headingId}>
      <h2 id={headingId}>{area.name}</h2>
      {area.description && <p className="area-description">{area.description}</p>}
      {questions.length === 0 ? (
        <p className="muted">Inga frågor i området.</p>
      ) : (
        <ol className="preview-questions">
          {questions.map((q) => (
            <PreviewQuestion key={q.id + numbers.get(q)} question={q} number={numbers.get(q) ?? 0} template={template} />
          ))}
        </ol>
      )}
    </section>
  );
}
