/**
 * What stands between two groups of digits in the detector's text (detection-text.ts), and
 * whether it can join them into one number at all. Which join may stand where in a personal
 * number — inside the date, before the serial, inside the serial — is layout.ts's to decide;
 * this only reads the characters.
 *
 * A join is, in this order and each part optional but not all: spaces, a closing bracket,
 * spaces, one or two signs ("-", "/", "+", a dash a word processor substituted, "−"), spaces, an
 * opening bracket, spaces — at most four spaces or tabs in a row and one line break in all; or a
 * bare "." or "_" (one or two) with nothing around it. So "170101 - 2393", "(170101)-2393",
 * "170101-\n2393", "2017.01.01" and "170101--2393" join; "2024-03-12. 0680…" (a full stop and a
 * space end a sentence), "14:30", "12,5", "12 och 13" and a blank line do not.
 *
 * A line break joins only after a sign or a closing bracket ("170101-\n2393", a number a word
 * processor wrapped at its hyphen): otherwise it separates lines — list items, table rows pasted
 * as text, a line starting with "+46" or "- " — and a date at the end of one line and a number at
 * the start of the next are two things.
 */
export interface Join {
  /** Spaces and tabs, nothing else. */
  spaceOnly: boolean;
  /** The signs in it, as written: "", "-", "--", "/", ".", "+", "–" … */
  signs: string;
  bracket: boolean;
  /** The join with each run of spaces as one space: two joins inside a date must be the same. */
  key: string;
}

const MAX_LENGTH = 20;

// What one character of a join is.
const OTHER = 0;
const SPACE = 1;
const BREAK = 2;
const SIGN = 3;
const OPENING = 4;
const CLOSING = 5;
type Kind = typeof OTHER | typeof SPACE | typeof BREAK | typeof SIGN | typeof OPENING | typeof CLOSING;

function kindOf(code: number): Kind {
  switch (code) {
    case 0x20:
    case 0x09:
    case 0x1680:
    case 0x2028:
    case 0x2029:
      return SPACE;
    case 0x0a:
    case 0x0d:
    case 0x0b:
    case 0x0c:
    case 0x85:
      return BREAK;
    case 0x2d: // -
    case 0x2f: // /
    case 0x2b: // +
    case 0x2212: // −
      return SIGN;
    case 0x28:
    case 0x5b:
    case 0x7b:
      return OPENING;
    case 0x29:
    case 0x5d:
    case 0x7d:
      return CLOSING;
    default:
      // The dashes a word processor substitutes: ‐ ‑ ‒ – — ―
      return code >= 0x2010 && code <= 0x2015 ? SIGN : OTHER;
  }
}

/** The join of `text.slice(from, to)`, or null when those characters do not join two groups. */
export function joinOf(text: string, from: number, to: number): Join | null {
  if (to - from > MAX_LENGTH || to <= from) return null;
  const first = text.charCodeAt(from);
  if (first === 0x2e || first === 0x5f) {
    const bare = text.slice(from, to);
    return /^[._]{1,2}$/.test(bare) ? { spaceOnly: false, signs: bare, bracket: false, key: bare } : null;
  }
  // Stages: 0 nothing yet, 1 after the closing bracket, 2 in the signs, 3 after them, 4 after the opening bracket.
  let stage = 0;
  let run = 0;
  let breaks = 0;
  let signs = '';
  let bracket = false;
  let collapsed = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === SPACE || kind === BREAK) {
      // "\r\n" is one line break, and it must follow a sign or a closing bracket.
      if (kind === BREAK && !(code === 0x0a && i > from && text.charCodeAt(i - 1) === 0x0d)) {
        if (signs === '' && !bracket) return null;
        breaks++;
      }
      if (++run > 4 || breaks > 1) return null;
      if (run > 1 || code !== 0x20) collapsed = true;
      if (stage === 2) stage = 3;
      continue;
    }
    run = 0;
    if (kind === CLOSING) {
      if (stage > 0) return null;
      stage = 1;
      bracket = true;
    } else if (kind === SIGN) {
      if (stage > 2 || signs.length === 2) return null;
      stage = 2;
      signs += text[i];
    } else if (kind === OPENING) {
      if (stage > 3) return null;
      stage = 4;
      bracket = true;
    } else return null;
  }
  const written = text.slice(from, to);
  const key = collapsed ? written.replace(/[ \t\n\r\v\f\u0085\u1680\u2028\u2029]+/g, ' ') : written;
  return { spaceOnly: signs === '' && !bracket && breaks === 0, signs, bracket, key };
}
