import type { Area, Question, Template } from '../../../../shared/templates/schema';
import { isAnswered, useScoring } from '../../state/scoring-store';
import { ScoringQuestion } from './ScoringQuestion';

interface Props {
  area: Area;
  template: Template;
  /** The area's questions with their position among all questions of the file. */
  questions: { question: Question; index: number }[];
}

/** One quality area: heading with its progress, then its questions. */
export function ScoringArea({ area, template, questions }: Props) {
  const answered = useScoring((s) => questions.filter(({ question }) => isAnswered(s.saved[question.id]?.value)).length);
  const headingId = `area-${area.id}`;
  if (questions.length === 0) return null;
  return (
    <section className="scoring-area" aria-labelledby={headingId}>
      <div className="scoring-area-head">
        <h2 id={headingId}>{area.name}</h2>
        <p className="area-progress">
          {answered} av {questions.length} besvarade
        </p>
      </div>
      <ol className="scoring-questions">
        {questions.map(({ question, index }) => (
          <ScoringQuestion key={question.id} question={question} template={template} index={index} />
        ))}
      </ol>
    </section>
  );
}
