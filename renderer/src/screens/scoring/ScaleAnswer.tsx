import type { ScaleStep } from '../../../../shared/templates/schema';
import { scaleKeys } from './keys';

interface Props {
  steps: readonly ScaleStep[];
  value: unknown;
  labelledBy: string;
  disabled?: boolean;
  onAnswer(stepId: string): void;
}

/**
 * The scale as buttons for the mouse. They are left out of the Tab order: on the keyboard the
 * question itself takes the step's key (J, D, N, F, E or a digit), so Tab goes straight on to the note.
 */
export function ScaleAnswer({ steps, value, labelledBy, disabled, onAnswer }: Props) {
  const keys = scaleKeys(steps);
  return (
    <div className="scoring-scale" role="group" aria-labelledby={labelledBy}>
      {steps.map((step, i) => {
        const stepKeys = keys[i].keys;
        return (
          <button
            key={step.id}
            type="button"
            tabIndex={-1}
            disabled={disabled}
            className={`scale-choice ${step.applicable === false ? 'not-applicable' : ''}`}
            aria-pressed={value === step.id}
            aria-keyshortcuts={stepKeys.map((k) => k.toUpperCase()).join(' ')}
            onClick={() => onAnswer(step.id)}
          >
            <kbd aria-hidden="true">{stepKeys.map((k) => k.toUpperCase()).join(' ')}</kbd>
            {step.label}
          </button>
        );
      })}
    </div>
  );
}
