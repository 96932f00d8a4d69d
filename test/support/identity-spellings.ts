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

/** Mathematical bold digits (U+1D7CE–1D7D7): NFKC folds them, as it does full-width ones. */
export const toMathBold = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0x1d7ce + Number(d)));

/**
 * The seven spellings a probe found the listing grammar missed (issue 16), for one published
 * number (`digits`: twelve digits YYYYMMDDNNNN, whose ten-digit form starts with 1–9):
 * "17 01 01-23 93", "17O1O1-2393" (letter O for zero), mathematical bold digits, a line break
 * after the hyphen, "(170101)-2393", "1701 012393", "2017 0101 2393".
 */
export function probedSpellings(digits: string): string[] {
  const ten = digits.slice(2);
  const [date, serial] = [ten.slice(0, 6), ten.slice(6)];
  // A zero between two digits of the date reads as the letter O.
  const lettered = date.replace(/(?<=\d)0(?=\d)/g, 'O').replace(/(?<=O)0(?=\d)/g, 'O');
  return [
    `${ten.slice(0, 2)} ${ten.slice(2, 4)} ${ten.slice(4, 6)}-${serial.slice(0, 2)} ${serial.slice(2)}`,
    `${lettered}-${serial}`,
    toMathBold(`${digits.slice(0, 8)}-${serial}`),
    `${date}-\n${serial}`,
    `(${date})-${serial}`,
    `${ten.slice(0, 4)} ${ten.slice(4)}`,
    `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`,
  ];
}

/*
 * The wider family the detector reads by layout (shared/identity/layout.ts), for tests that
 * generate spellings rather than list them: every date separator, every gap (brackets, line
 * breaks after a sign, doubled signs, typographic spaces), the serial whole or in two pairs, the
 * century apart, groups of four; then the ways a digit itself may be written.
 */
export const WIDE_DATE_SEPARATORS = [null, '-', '.', '/', ' ', '_', ' - ', '\u2013', '  ', '\u00a0'] as const;
export const WIDE_GAPS = [
  '', '-', '+', '/', '.', '_', ' ', '\t', '   ', ' - ', ' / ', '\u2013', '\u2014', '\u2212', '\u00a0', '--', '__',
  '-\n', '-\r\n', '\u2013\n', '- \n', '/\n', '\u2028-', '\u3000', '\u2009', '\u202f', '\u2011',
  ')-', ') - ', ')', ') ', '-(', ' (', ')(', ')\n',
] as const;
/** The serial whole, or in two pairs split by spaces (only after a gap). */
export const SERIAL_SPLITS = ['', ' ', '  ', '\u00a0'] as const;

export interface WideSpelling {
  century: boolean;
  /** The century written apart from the year, with the date's own separator ("20 17 01 01"). */
  centuryApart: boolean;
  dateSeparator: (typeof WIDE_DATE_SEPARATORS)[number];
  gap: string;
  serialSplit: string;
}

/** A layout spelling of twelve digits YYYYMMDDNNNN, or null where that combination is not one (a split serial needs a gap …). */
export function spellWide(digits: string, { century, centuryApart, dateSeparator, gap, serialSplit }: WideSpelling): string | null {
  if (serialSplit !== '' && gap === '') return null;
  if (centuryApart && (!century || dateSeparator === null)) return null;
  const [cc, yy, mm, dd, serial] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8)];
  const yearParts = century ? (centuryApart ? [cc, yy] : [cc + yy]) : [yy];
  const date = dateSeparator === null ? yearParts.join('') + mm + dd : [...yearParts, mm, dd].join(dateSeparator);
  const tail = serialSplit === '' ? serial : serial.slice(0, 2) + serialSplit + serial.slice(2);
  // A closing bracket in the gap closes one opened before the date, an opening one is closed after the serial.
  return `${gap.includes(')') ? '(' : ''}${date}${gap}${tail}${gap.includes('(') ? ')' : ''}`;
}

/** Groups of four from the left: "1701 012393", "1701 0123 93", "2017 0101 2393", "2017 0101-2393". */
export function spellFours(digits: string): string[] {
  const ten = digits.slice(2);
  const out = [`${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`, `${digits.slice(0, 4)}\u00a0${digits.slice(4, 8)}-${digits.slice(8)}`, `${digits.slice(0, 4)} ${digits.slice(4, 8)}  ${digits.slice(8)}`];
  // A ten-digit number in fours starting with 0 is read as a phone number (layout.ts).
  if (ten[0] !== '0') out.push(`${ten.slice(0, 4)} ${ten.slice(4)}`, `${ten.slice(0, 4)} ${ten.slice(4, 8)} ${ten.slice(8)}`, `${ten.slice(0, 4)}\t${ten.slice(4)}`);
  return out;
}

/** Every wide spelling of twelve digits: the layouts above and the groups of four. */
export function allWideSpellings(digits: string): string[] {
  const out = new Set<string>(spellFours(digits));
  for (const century of [true, false]) {
    for (const centuryApart of [false, true]) {
      for (const dateSeparator of WIDE_DATE_SEPARATORS) {
        for (const gap of WIDE_GAPS) {
          for (const serialSplit of SERIAL_SPLITS) {
            const written = spellWide(digits, { century, centuryApart, dateSeparator, gap, serialSplit });
            if (written !== null) out.add(written);
          }
        }
      }
    }
  }
  return [...out];
}

/** Digit sets NFKC or the detector folds: full-width, mathematical bold, double-struck, sans-serif, monospace, Arabic-Indic, Devanagari. */
const DIGIT_ZEROS = [0xff10, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7f6, 0x0660, 0x0966] as const;
/** Characters that take no place on screen: soft hyphen, zero-width space, joiners, word joiner, BOM, LRM, combining grapheme joiner, variation selector. */
export const INVISIBLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u034f', '\ufe0f'] as const;

/**
 * The ways the digits of a spelling may themselves be written; `variant` picks among them (any
 * integer). Nothing is added before the first digit or after the last, so the number's place in a
 * text is still exactly from the first digit to the last.
 */
export function writeDigits(written: string, variant: number): string {
  const kind = variant % 5;
  const pick = Math.floor(variant / 5);
  const digitAt = (d: string, zero: number) => String.fromCodePoint(zero + Number(d));
  switch (kind) {
    case 0:
      // One digit set for all the digits.
      return written.replace(/\d/g, (d) => digitAt(d, DIGIT_ZEROS[pick % DIGIT_ZEROS.length]));
    case 1: {
      // Each digit from a set of its own.
      let i = pick;
      return written.replace(/\d/g, (d) => (i++ % 3 === 0 ? d : digitAt(d, DIGIT_ZEROS[i % DIGIT_ZEROS.length])));
    }
    case 2: {
      // Look-alike letters for 0 and 1 between two digits, at most two in a row.
      const letters0 = ['O', 'o', '\u041e', '\u039f'];
      const letters1 = ['l', 'I'];
      let out = '';
      let row = 0;
      for (let i = 0; i < written.length; i++) {
        const c = written[i];
        const between = /\d/.test(written[i - 1] ?? '') && /\d/.test(written[i + 1] ?? '');
        if (between && row < 2 && (c === '0' || c === '1') && (i + pick) % 2 === 0) {
          out += c === '0' ? letters0[(i + pick) % letters0.length] : letters1[(i + pick) % letters1.length];
          row++;
        } else {
          out += c;
          row = 0;
        }
      }
      return out;
    }
    case 3: {
      // An invisible character between the first digit and the last, at a place picked by `variant`.
      const first = written.search(/\d/);
      const last = written.length - 1 - [...written].reverse().join('').search(/\d/);
      const cut = first + 1 + (pick % (last - first));
      return written.slice(0, cut) + INVISIBLES[pick % INVISIBLES.length] + written.slice(cut);
    }
    default:
      return written;
  }
}
