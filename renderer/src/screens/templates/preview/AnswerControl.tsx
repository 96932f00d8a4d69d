import type { Question, Template } from '../../../../../shared/templates/schema';

interface Props {
  question: Question;
  template: Template;
  /** The question text's id, which names the control. */
  labelledBy: string;
  idBase: string;
}

/** The answer control a reviewer will use, shown inactive but readable. */
export function AnswerControl({ question, template, labelledBy, idBase }: Props) {
  switch (question.type) {
    case 'scale': {
      const steps = template.scales[question.scale] ?? [];
      return (
        <div className="answer-scale" role="group" aria-labelledby={labelledBy}>
          {steps.map((step) => (
            <button key={step.id} type="button" className={`scale-step ${step.applicable === false ? 'not-applicable' : ''}`} disabled>
              {step.label}
            </button>
          ))}
        </div>
      );
    }
    case 'choice':
      return (
        <fieldset className="answer-choice" aria-labelledby={labelledBy}>
          <p className="muted">{question.multiple ? 'Flera svar kan väljas.' : 'Ett svar.'}</p>
          {question.options.map((o) => (
            <label key={o.id} className="choice-option">
              <input type={question.multiple ? 'checkbox' : 'radio'} name={`${idBase}-choice`} disabled /> {o.label}
            </label>
          ))}
        </fieldset>
      );
    case 'date':
      return (
        <div className="answer-field">
          <input type="date" id={`${idBase}-answer`} aria-labelledby={labelledBy} disabled />
        </div>
      );
    case 'number': {
      const range = [question.min !== undefined ? `minst ${question.min}` : '', question.max !== undefined ? `högst ${question.max}` : ''].filter(Boolean);
      const hint = [question.integer ? 'heltal' : 'tal', ...range].join(', ');
      return (
        <div className="answer-field">
          <input type="text" inputMode="decimal" className="number-input" id={`${idBase}-answer`} aria-labelledby={labelledBy} aria-describedby={`${idBase}-hint`} disabled />
          {question.unit && <span className="unit"> {question.unit}</span>}
          <span className="muted" id={`${idBase}-hint`}>
            {' '}
            ({hint})
          </span>
        </div>
      );
    }
    case 'text':
      return (
        <div className="answer-field">
          <textarea id={`${idBase}-answer`} rows={3} aria-labelledby={labelledBy} disabled />
        </div>
      );
  }
}
