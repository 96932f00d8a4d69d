import type { Question, Template } from '../templates/schema';
import { findIdentityNumbersInNumber, piiGuardMessage } from '../identity/pii-guard';
import { formatNumber } from '../util/format-sv';
import { isValidIsoDate } from '../util/iso-date';
import { plainDecimal } from '../util/plain-decimal';

/** An answer as the API carries it: an id (scale, single choice), ids (multiple choice), a date, a number or text. */
export type AnswerValue = string | string[] | number | null;

export type CheckedValue = { ok: true; stored: string | null } | { ok: false; message: string };

/**
 * The largest number answer, in absolute value: 999 999 999 999 999. Up to here every whole
 * number is exact in a double (2^53 ≈ 9.007e15), and a spreadsheet keeps every digit (Excel keeps
 * 15 significant digits), so an export opened, saved and imported again is unchanged. No review
 * question counts beyond it (days, contacts, ages, kronor).
 */
export const MAX_NUMBER_ANSWER = 999_999_999_999_999;

/** A number as people type it in a cell or a field: plain decimal, point or comma, no exponent. */
const NUMBER_TEXT = /^-?\d+([.,]\d+)?$/;

/**
 * Checks a value against its question and gives the stored text form: scale and single-choice ids
 * as they are, multiple choice as a JSON array in template order, dates ISO, numbers as plain
 * decimals (never an exponent, so every export reads back: `plainDecimal`).
 */
export function checkAnswerValue(template: Template, question: Question, value: AnswerValue): CheckedValue {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return { ok: true, stored: null };
  switch (question.type) {
    case 'scale': {
      const steps = template.scales[question.scale] ?? [];
      if (typeof value === 'string' && steps.some((s) => s.id === value)) return { ok: true, stored: value };
      return { ok: false, message: `Ogiltigt svar på fråga ${question.id}. Tillåtna: ${steps.map((s) => `${s.id} (${s.label})`).join(', ')}.` };
    }
    case 'choice': {
      const ids = question.options.map((o) => o.id);
      const given = Array.isArray(value) ? value : [value];
      if (!given.every((v) => typeof v === 'string' && ids.includes(v))) {
        return { ok: false, message: `Okänt alternativ på fråga ${question.id}. Tillåtna: ${ids.join(', ')}.` };
      }
      if (!question.multiple) {
        if (given.length > 1) return { ok: false, message: `Fråga ${question.id} har bara ett svar.` };
        return { ok: true, stored: given[0] as string };
      }
      // An exclusive option ("Ingen samverkan framgår") says that none of the others applies.
      const exclusive = given.length > 1 ? question.options.find((o) => o.exclusive && given.includes(o.id)) : undefined;
      if (exclusive) return { ok: false, message: `Fråga ${question.id}: ”${exclusive.label}” kan inte kombineras med andra alternativ.` };
      return { ok: true, stored: JSON.stringify(ids.filter((id) => given.includes(id))) };
    }
    case 'date':
      if (typeof value === 'string' && isValidIsoDate(value)) return { ok: true, stored: value };
      return { ok: false, message: `Fråga ${question.id} ska besvaras med ett verkligt datum i formen ÅÅÅÅ-MM-DD.` };
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value.trim()) ? Number(value.trim().replace(',', '.')) : NaN;
      if (!Number.isFinite(n)) return { ok: false, message: `Fråga ${question.id} ska besvaras med ett tal.` };
      if (Math.abs(n) > MAX_NUMBER_ANSWER) return { ok: false, message: `Fråga ${question.id}: talet får vara högst ${formatNumber(MAX_NUMBER_ANSWER)} (plus eller minus).` };
      // The text was guarded as typed; what is stored is the number it becomes ("0201701012393" → 201701012393).
      const pii = piiGuardMessage(findIdentityNumbersInNumber(n));
      if (pii) return { ok: false, message: pii };
      if (question.integer && !Number.isInteger(n)) return { ok: false, message: `Fråga ${question.id} ska besvaras med ett heltal.` };
      if (question.min !== undefined && n < question.min) return { ok: false, message: `Fråga ${question.id}: värdet får inte vara mindre än ${question.min}.` };
      if (question.max !== undefined && n > question.max) return { ok: false, message: `Fråga ${question.id}: värdet får inte vara större än ${question.max}.` };
      return { ok: true, stored: plainDecimal(n) };
    }
    case 'text':
      if (typeof value === 'string') return { ok: true, stored: value };
      return { ok: false, message: `Fråga ${question.id} ska besvaras med text.` };
  }
}

/** The API form of a stored value. */
export function readAnswerValue(question: Question | undefined, stored: string | null): AnswerValue {
  if (stored === null) return null;
  if (question?.type === 'choice' && question.multiple) return JSON.parse(stored) as string[];
  if (question?.type === 'number') return Number(stored);
  return stored;
}
