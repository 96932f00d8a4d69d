import type { ChoiceOption, Question } from '../../../../../shared/templates/schema';
import { CheckboxField } from '../../../components/CheckboxField';
import { FieldIssues } from '../../../components/FieldIssues';
import { TextField } from '../../../components/TextField';
import { useTemplateEditor } from '../../../state/template-editor-store';
import { fieldDomId } from '../../../state/template-issues';
import type { QuestionFieldsProps } from './QuestionForm';
import { flushNow, useIssues } from './hooks';

type ChoiceQuestion = Extract<Question, { type: 'choice' }>;

/** One answer or several, and the answer options themselves. */
export function ChoiceFields({ qkey, index, question }: QuestionFieldsProps<ChoiceQuestion>) {
  const base = `$.questions[${index}]`;
  const listIssues = useIssues(`${base}.options`);
  const setOptions = (options: ChoiceOption[], typing = false) =>
    useTemplateEditor.getState().updateQuestion(qkey, (q) => ({ ...q, options }) as Question, typing);
  const setMultiple = (multiple: boolean) =>
    useTemplateEditor.getState().updateQuestion(qkey, (q) => {
      const next = { ...q, multiple } as Record<string, unknown>;
      if (!multiple) {
        delete next.multiple;
        // Only a multiple choice has exclusive options; with one answer every option excludes the rest anyway.
        next.options = (q as ChoiceQuestion).options.map(({ exclusive: _x, ...o }) => o);
      }
      return next as Question;
    });
  const groupName = `multiple-${qkey}`;

  const addOption = () => {
    const taken = new Set(question.options.map((o) => o.id));
    let n = question.options.length + 1;
    while (taken.has(`alt${n}`)) n++;
    setOptions([...question.options, { id: `alt${n}`, label: `Alternativ ${n}` }]);
    setTimeout(() => document.getElementById(fieldDomId(`${base}.options[${question.options.length}].label`))?.focus(), 0);
  };

  return (
    <fieldset className="subfields">
      <legend>Svarsalternativ</legend>
      <fieldset className="radio-group">
        <legend>Antal svar</legend>
        <label>
          <input type="radio" name={groupName} checked={!question.multiple} onChange={() => setMultiple(false)} /> Ett svar
        </label>
        <label>
          <input type="radio" name={groupName} checked={question.multiple ?? false} onChange={() => setMultiple(true)} /> Flera svar
        </label>
      </fieldset>
      <ol className="option-list" id={fieldDomId(`${base}.options`)} tabIndex={-1} aria-describedby={listIssues.length ? `${fieldDomId(`${base}.options`)}-issues` : undefined}>
        {question.options.map((option, j) => (
          <OptionRow
            key={j}
            base={`${base}.options[${j}]`}
            number={j + 1}
            option={option}
            multiple={question.multiple ?? false}
            onChange={(o) => setOptions(question.options.map((x, k) => (k === j ? o : x)), true)}
            onRemove={() => setOptions(question.options.filter((_, k) => k !== j))}
          />
        ))}
      </ol>
      <FieldIssues id={`${fieldDomId(`${base}.options`)}-issues`} messages={listIssues} />
      <button type="button" className="small" onClick={addOption}>
        Lägg till alternativ
      </button>
    </fieldset>
  );
}

interface OptionRowProps {
  base: string;
  number: number;
  option: ChoiceOption;
  /** Only the options of a multiple choice can exclude the others. */
  multiple: boolean;
  onChange(option: ChoiceOption): void;
  onRemove(): void;
}

function OptionRow({ base, number, option, multiple, onChange, onRemove }: OptionRowProps) {
  const idIssues = useIssues(`${base}.id`);
  const exclusiveIssues = useIssues(`${base}.exclusive`);
  const setExclusive = (exclusive: boolean) => {
    const { exclusive: _x, ...rest } = option;
    onChange(exclusive ? { ...rest, exclusive: true } : rest);
  };
  const labelIssues = useIssues(`${base}.label`);
  return (
    <li className="option-row">
      <TextField
        id={fieldDomId(`${base}.label`)}
        className="grow"
        label={`Alternativ ${number}`}
        value={option.label}
        issues={labelIssues}
        onChange={(label) => onChange({ ...option, label })}
        onBlur={flushNow}
      />
      <TextField
        id={fieldDomId(`${base}.id`)}
        className="narrow"
        label={`Id för alternativ ${number}`}
        value={option.id}
        issues={idIssues}
        onChange={(id) => onChange({ ...option, id })}
        onBlur={flushNow}
      />
      {(multiple || option.exclusive) && (
        <div className="option-exclusive">
          <CheckboxField
            id={fieldDomId(`${base}.exclusive`)}
            label={
              <>
                Utesluter andra val<span className="visually-hidden"> (alternativ {number})</span>
              </>
            }
            checked={option.exclusive ?? false}
            onChange={setExclusive}
          />
          <FieldIssues id={`${fieldDomId(`${base}.exclusive`)}-issues`} messages={exclusiveIssues} />
        </div>
      )}
      <button type="button" className="small danger-outline" aria-label={`Ta bort alternativ ${number}`} onClick={onRemove}>
        Ta bort
      </button>
    </li>
  );
}
