/**
 * The spellings people type for a personal identity number, for tests that must prove each one
 * is refused (or, in the personnummer column, read). Only Skatteverket's published test numbers
 * are used as fixtures (preamble); other digits are built at run time with a wrong check digit.
 */
export const TEST_NUMBERS = ['20170101-2393', '20190408-2383', '18900101-9802', '19140168-2396'] as const;

/** Between the date and the serial. */
export const GAPS = ['', '-', '+', '/', '.', '_', ' ', '\t', '   ', ' \t ', ' - ', ' / ', '\u2013', '\u2212', '\u00a0'] as const;
/** Inside the date (YYYY·MM·DD, YY·MM·DD); null for none. */
export const DATE_SEPARATORS = [null, '-', '.', '/', ' ', '_'] as const;

export interface Spelling {
  /** Twelve digits (with the century) or ten. */
  century: boolean;
  dateSeparator: (typeof DATE_SEPARATORS)[number];
  gap: string;
  fullWidth: boolean;
}

/** `digits` is twelve digits YYYYMMDDNNNN. */
export function spell(digits: string, { century, dateSeparator, gap, fullWidth }: Spelling): string {
  const [yyyy, mm, dd, serial] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8)];
  const year = century ? yyyy : yyyy.slice(2);
  const date = dateSeparator === null ? year + mm + dd : [year, mm, dd].join(dateSeparator);
  const text = date + gap + serial;
  return fullWidth ? toFullWidth(text) : text;
}

/** Full-width digits (U+FF10–FF19) and the full-width hyphen, as an Asian input method or a PDF gives them. */
export const toFullWidth = (s: string) => s.replace(/[0-9-]/g, (c) => (c === '-' ? '\uff0d' : String.fromCharCode(0xff10 + Number(c))));

/** Every spelling of one number: 2 × 6 × 15 × 2 = 360 strings. */
export function allSpellings(number: string): string[] {
  const digits = number.replace(/\D/g, '');
  const out: string[] = [];
  for (const century of [true, false]) {
    for (const dateSeparator of DATE_SEPARATORS) {
      for (const gap of GAPS) for (const fullWidth of [false, true]) out.push(spell(digits, { century, dateSeparator, gap, fullWidth }));
    }
  }
  return out;
}
