import type { Question, Template } from '../../../../../shared/templates/schema';
import { LegalReferences } from '../../../components/LegalReferences';
import { AnswerControl } from './AnswerControl';

/** One question as the reviewer sees it: number, text, required mark, answer control, guidance and legal references. */
export function PreviewQuestion({ question, number, template }: { question: Question; number: number; template: Template }) {
  const textId = `preview-q-${number}-text`;
  return (
    <li className="preview-question" value={number}>
      <h3 className="preview-question-text" id={textId}>
        <span className="q-number">{number}.</span> {question.text}
        {question.required && (
          <span className="required-badge">
            <span aria-hidden="true">*</span> Obligatorisk
          </span>
        )}
      </h3>
      <p className="q-ref muted">Fråga {question.id}</p>
      <AnswerControl question={question} template={template} labelledBy={textId} idBase={`preview-q-${number}`} />
      {question.guidance && (
        <details className="guidance">
          <summary>Bedömningsstöd</summary>
          <p>{question.guidance}</p>
        </details>
      )}
      {/* A template has no review period: every reference, the current ones first, each with when it applies. */}
      <LegalReferences refs={question.legal} />
    </li>
  );
}
