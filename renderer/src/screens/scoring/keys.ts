import type { AnswerValue } from '../../../../shared/scoring/answer-value';
import type { ChoiceOption, Question, ScaleStep, Template } from '../../../../shared/templates/schema';

/** Letters for the default answer scale (DOMAIN.md §2): J, D, N, F, E. */
const DEFAULT_LETTERS: Record<string, string> = { ja: 'j', delvis: 'd', nej: 'n', framgar_ej: 'f', ej_tillampligt: 'e' };

/** Keys that do something else on a question and are never given to a step by default. */
const RESERVED = new Set(['g', '?']);

/** The keys of each step: its own key if the template sets one, the default letter, and its digit (1–9) in order. */
export function scaleKeys(steps: readonly ScaleStep[]): { stepId: string; keys: string[] }[] {
  const explicit = new Set(steps.map((s) => s.key?.toLowerCase()).filter(Boolean));
  return steps.map((step, i) => {
    const keys: string[] = [];
    if (step.key) keys.push(step.key.toLowerCase());
    else {
      const letter = DEFAULT_LETTERS[step.id];
      if (letter && !explicit.has(letter) && !RESERVED.has(letter)) keys.push(letter);
    }
    if (i < 9 && !keys.includes(String(i + 1))) keys.push(String(i + 1));
    return { stepId: step.id, keys };
  });
}

/** Letters given to options after the ninth, in order; `g` is left out (it shows the guidance). */
const OPTION_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('').filter((l) => !RESERVED.has(l));

/**
 * Keys of each option: its own key if the template sets one, and one by position — the digits 1–9,
 * then letters (a, b, c … without g and without letters other options set), so every option of a
 * long multiple choice has a key of its own.
 */
export function choiceKeys(options: readonly ChoiceOption[]): { optionId: string; keys: string[] }[] {
  const explicit = new Set(options.map((o) => o.key?.toLowerCase()).filter((k): k is string => !!k));
  const letters = OPTION_LETTERS.filter((l) => !explicit.has(l));
  let nextLetter = 0;
  return options.map((o, i) => {
    const own = o.key ? [o.key.toLowerCase()] : [];
    const positional = i < 9 ? String(i + 1) : letters[nextLetter++];
    // A digit another option set as its own key stays that option's.
    return { optionId: o.id, keys: positional && !explicit.has(positional) ? [...own, positional] : own };
  });
}

/** The step a key answers, or undefined. */
export function stepForKey(steps: readonly ScaleStep[], key: string): string | undefined {
  const k = key.toLowerCase();
  return scaleKeys(steps).find((s) => s.keys.includes(k))?.stepId;
}

/** The option a key picks, or undefined. */
export function optionForKey(options: readonly ChoiceOption[], key: string): string | undefined {
  const k = key.toLowerCase();
  return choiceKeys(options).find((o) => o.keys.includes(k))?.optionId;
}

/**
 * A choice answer after pressing an option's key: selects in a single choice; toggles in a multiple
 * one, where an exclusive option ("Ingen samverkan framgår") clears the others and any other option
 * clears it — the rule checkAnswerValue enforces in the core.
 */
export function toggledChoice(question: Extract<Question, { type: 'choice' }>, current: AnswerValue, optionId: string): AnswerValue {
  if (!question.multiple) return optionId;
  const chosen = Array.isArray(current) ? current : typeof current === 'string' ? [current] : [];
  if (chosen.includes(optionId)) return question.options.map((o) => o.id).filter((id) => id !== optionId && chosen.includes(id));
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
  const next = exclusive.has(optionId) ? [optionId] : [...chosen.filter((id) => !exclusive.has(id)), optionId];
  return question.options.map((o) => o.id).filter((id) => next.includes(id));
}

/** An answer in words, for the history and the screen reader. */
export function describeValue(template: Template, question: Question | undefined, value: AnswerValue): string {
  if (!isGiven(value)) return 'inget svar';
  if (question?.type === 'scale') return template.scales[question.scale]?.find((s) => s.id === value)?.label ?? String(value);
  if (question?.type === 'choice') {
    const ids = Array.isArray(value) ? value : [String(value)];
    return ids.map((id) => question.options.find((o) => o.id === id)?.label ?? id).join(', ');
  }
  if (typeof value === 'number') return String(value).replace('.', ',');
  return Array.isArray(value) ? value.join(', ') : value;
}

const isGiven = (value: AnswerValue): value is string | number | string[] => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
