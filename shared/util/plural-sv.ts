import { formatNumber } from './format-sv';

/** "1 akt", "2 akter", "1 234 rader": a count with the Swedish singular or plural and sv-SE digits. */
export const countOf = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n === 1 ? one : many}`;

export const akter = (n: number): string => countOf(n, 'akt', 'akter');
export const rader = (n: number): string => countOf(n, 'rad', 'rader');

/** "1 obligatorisk fråga saknar svar" / "3 obligatoriska frågor saknar svar": the one wording of the core's refusal, the scoring screen and the review page. */
export const missingRequiredText = (n: number): string => `${countOf(n, 'obligatorisk fråga', 'obligatoriska frågor')} saknar svar`;
