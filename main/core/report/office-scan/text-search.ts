import { findIdentityNumbers, findIdentityNumbersInNumber, type IdentityNumberHit } from '../../../../shared/identity/pii-guard';
import type { ContextKey } from './places';

/**
 * Runs the identity-number detector over a piece of text from an Office file, and over the ways
 * Word and Excel would show it when the stored text differs from what is seen: an Excel formula
 * joins its string literals ("20170101"&"-2393"), a header code sets a font size in the middle of
 * a number (&L20170101&11-2393), a link target is percent-encoded.
 */

/** No spelling of a personal or coordination number is shorter (YYMMDDNNNN). */
export const MIN_NUMBER_CHARS = 10;

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

export interface TextHit {
  hit: IdentityNumberHit;
  /** Found only as the reader sees text in this context (a formula's literals joined …). */
  variantOf?: ContextKey;
}

/**
 * The first identity number in `text`; `whole` when it is a complete value (a cell's, an
 * attribute's). `contexts` are those the text came from, each adding what a reader sees there.
 */
export function searchText(text: string, whole: boolean, contexts: readonly (ContextKey | undefined)[] = []): TextHit | undefined {
  if (text.length >= MIN_NUMBER_CHARS) {
    const hit = findIdentityNumbers(text)[0];
    if (hit) return { hit };
    for (const context of new Set(contexts)) {
      for (const variant of variantsOf(text, context)) {
        const found = findIdentityNumbers(variant)[0];
        if (found) return { hit: found, ...(context ? { variantOf: context } : {}) };
      }
    }
  }
  // A value Excel stored as a number (201701012393, or 2.01701012393E+11).
  if (whole && (text.length >= MIN_NUMBER_CHARS || /[eE]/.test(text)) && NUMERIC.test(text)) {
    const hit = findIdentityNumbersInNumber(Number(text))[0];
    if (hit) return { hit };
  }
  return undefined;
}

/** What the reader sees, where it differs from the stored text. */
function variantsOf(text: string, context: ContextKey | undefined): string[] {
  switch (context) {
    case 'formula':
    case 'fieldCode':
    case 'dataValidation':
    case 'definedName': {
      // The string literals one after another (CONCATENATE, &, a field's quoted arguments), and
      // the formula with its joins taken out.
      const literals = [...text.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')).join('');
      return [literals, text.replace(/"\s*&\s*"|"\s*&\s*|\s*&\s*"|"/g, '')];
    }
    case 'sheetHeader':
    case 'sheetFooter':
      // Excel's header codes: section (&L &C &R), font ("&\"Arial,Bold\""), size (&11), colour (&KFF0000), fields.
      return [text.replace(/&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|[A-Za-z])/g, '').replace(/&&/g, '&')];
    case 'link':
      return [percentDecoded(text)];
    default:
      return [];
  }
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/**
 * Searches a text that arrives in pieces (a long run of text, a part read as plain text), keeping
 * a tail so a number across a cut is still found. The tail never starts inside a run of digits,
 * which would make "99170101-2393" (no number: a digit touches it) look like one.
 */
export class ChunkedSearch {
  private tail = '';

  constructor(
    private readonly overlap = 256,
    private readonly context?: ContextKey,
  ) {}

  push(text: string): IdentityNumberHit | undefined {
    const joined = this.tail + text;
    const found = searchText(joined, false, [this.context]);
    this.tail = cutTail(joined, this.overlap);
    return found?.hit;
  }
}

/** The last `overlap` characters of `text`, from a point not inside a run of digits. */
export function cutTail(text: string, overlap: number): string {
  if (text.length <= overlap) return text;
  return text.slice(-overlap).replace(/^[0-9\uff10-\uff19]+/, '');
}
