import { useId, useState } from 'react';
import { MAX_RESULT_FILTERS, type ResultFilter, type SplitDimension } from '../../../../shared/contract/results-parts';

interface Props {
  dimensions: SplitDimension[];
  filters: ResultFilter[];
  by: string | null;
  onFilter(field: string, value: string | null | undefined): void;
  onClear(): void;
  onBy(field: string | null): void;
}

const ALL = '';
const isQuestion = (field: string) => field.startsWith('question:');

/** A select's value for a filter: the index of its value in the dimension (values may be null or any text). */
function selectedIndex(dimension: SplitDimension | undefined, filter: ResultFilter | undefined): string {
  if (!dimension || !filter) return ALL;
  const index = dimension.values.findIndex((v) => v.value === filter.value);
  return index < 0 ? ALL : String(index);
}

/**
 * Filters and the split, built from the dimensions the counted files offer: unit, age band, each
 * attribute of the case list, and one question's answer; "Dela upp efter" splits every share.
 */
export function FilterBar({ dimensions, filters, by, onFilter, onClear, onBy }: Props) {
  const id = useId();
  const plain = dimensions.filter((d) => !isQuestion(d.field));
  const questions = dimensions.filter((d) => isQuestion(d.field));
  const questionFilter = filters.find((f) => isQuestion(f.field));
  const [pendingQuestion, setPendingQuestion] = useState<string>(questionFilter?.field ?? ALL);
  const questionField = questionFilter?.field ?? pendingQuestion;
  const questionDimension = questions.find((d) => d.field === questionField);
  const full = filters.length >= MAX_RESULT_FILTERS;

  const choose = (dimension: SplitDimension, index: string) => onFilter(dimension.field, index === ALL ? undefined : dimension.values[Number(index)].value);

  return (
    <form className="results-filters" aria-label="Filter och uppdelning" onSubmit={(e) => e.preventDefault()}>
      <div className="results-filter-row">
        {plain.map((dimension) => {
          const filter = filters.find((f) => f.field === dimension.field);
          return (
            <div className="field" key={dimension.field}>
              <label htmlFor={`${id}-${dimension.field}`}>{dimension.label}</label>
              <select id={`${id}-${dimension.field}`} value={selectedIndex(dimension, filter)} disabled={full && !filter} onChange={(e) => choose(dimension, e.target.value)}>
                <option value={ALL}>Alla</option>
                {dimension.values.map((v, i) => (
                  <option key={i} value={String(i)}>
                    {v.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {questions.length > 0 && (
          <>
            <div className="field results-filter-question">
              <label htmlFor={`${id}-question`}>Fråga</label>
              <select
                id={`${id}-question`}
                value={questionField}
                disabled={full && !questionFilter}
                onChange={(e) => {
                  if (questionFilter) onFilter(questionFilter.field, undefined);
                  setPendingQuestion(e.target.value);
                }}
              >
                <option value={ALL}>Alla frågor</option>
                {questions.map((d) => (
                  <option key={d.field} value={d.field}>
                    {d.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-answer`}>Svar på frågan</label>
              <select
                id={`${id}-answer`}
                value={selectedIndex(questionDimension, questionFilter)}
                disabled={!questionDimension}
                onChange={(e) => questionDimension && choose(questionDimension, e.target.value)}
              >
                <option value={ALL}>Alla</option>
                {questionDimension?.values.map((v, i) => (
                  <option key={i} value={String(i)}>
                    {v.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field results-split">
          <label htmlFor={`${id}-by`}>Dela upp efter</label>
          <select id={`${id}-by`} value={by ?? ALL} onChange={(e) => onBy(e.target.value === ALL ? null : e.target.value)}>
            <option value={ALL}>Ingen uppdelning</option>
            {plain.map((d) => (
              <option key={d.field} value={d.field}>
                {d.label}
              </option>
            ))}
            {questions.length > 0 && (
              <optgroup label="Svar på fråga">
                {questions.map((d) => (
                  <option key={d.field} value={d.field}>
                    {d.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {filters.length > 0 && (
          <button
            type="button"
            className="results-clear"
            onClick={() => {
              setPendingQuestion(ALL);
              onClear();
            }}
          >
            Rensa filter
          </button>
        )}
      </div>
    </form>
  );
}
