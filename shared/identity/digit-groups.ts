import { joinOf, type Join } from './joins';

/**
 * The runs of ASCII digits in the detector's text (detection-text.ts), and the joins between
 * neighbouring runs (joins.ts), read only when asked: most runs in a long text are separated by
 * words, and a text with fewer than ten digits needs none of this.
 */
export interface DigitGroups {
  text: string;
  /** Where group k starts and ends in `text`. */
  from: number[];
  to: number[];
  /** The join between group k and group k + 1: null when there is none, undefined until read. */
  joins: (Join | null | undefined)[];
}

/**
 * A stretch of digits and of what joins.ts may read as a join: nothing outside one can join two
 * groups, so a stretch with fewer than ten digits (a date, a time, most amounts) is passed over
 * without further work. Stretches of ten digits or more are found by one regular expression, which
 * is what keeps a long note fast.
 */
const JOINING = '[ \\t\\n\\r\\v\\f\\u0085\\u1680\\u2028\\u2029()[\\]{}\\-/.+_\\u2010-\\u2015\\u2212]';
// From the first group (no digit before it) on, ten digits or more, then the rest of the stretch.
const STRETCH = new RegExp(`(?<!\\d)\\d(?:${JOINING}*\\d){9}[\\d${JOINING.slice(1, -1)}]*`, 'g');

/** Calls `each` with the groups of every stretch of the text that holds ten digits or more. */
export function forEachStretch(text: string, each: (groups: DigitGroups) => void): void {
  STRETCH.lastIndex = 0;
  for (let match = STRETCH.exec(text); match !== null; match = STRETCH.exec(text)) {
    const end = STRETCH.lastIndex;
    const from: number[] = [];
    const to: number[] = [];
    for (let i = match.index; i < end; i++) {
      if (!isDigit(text.charCodeAt(i))) continue;
      from.push(i);
      while (isDigit(text.charCodeAt(i + 1))) i++;
      to.push(i + 1);
    }
    each({ text, from, to, joins: [] });
    STRETCH.lastIndex = end;
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The join after group k, or null. */
export function joinAfter(groups: DigitGroups, k: number): Join | null {
  let join = groups.joins[k];
  if (join === undefined) {
    join = k + 1 < groups.from.length ? joinOf(groups.text, groups.to[k], groups.from[k + 1]) : null;
    groups.joins[k] = join;
  }
  return join;
}

/** How many digits group k has. */
export const groupLength = (groups: DigitGroups, k: number) => groups.to[k] - groups.from[k];
