import type { Block, Inline } from '../../contract/report-model';
import { formatPercent } from '../../stats/format-stats';
import { formatDateInWords, formatNumber } from '../../util/format-sv';
import { countOf } from '../../util/plural-sv';

/**
 * The small words of the draft's Swedish: counts written out up to twelve (as a memo writes
 * them), percentages in sv-SE ("54 %"), dates in words, quotations, and the blocks the text is
 * built of. One place, so every section words a figure the same way.
 */

const UTRUM = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
const NEUTRUM = ['noll', 'ett', ...UTRUM.slice(2)];

/** "en", "ett", "fyra", "13": a count as a word up to twelve, in digits above. */
export const numberWord = (n: number, neuter = false): string => (Number.isInteger(n) && n >= 0 && n <= 12 ? (neuter ? NEUTRUM : UTRUM)[n] : formatNumber(n));

/** "fyra iakttagelser", "ett område", "36 akter". */
export const countWords = (n: number, one: string, many: string, neuter = false): string => (n >= 0 && n <= 12 ? `${numberWord(n, neuter)} ${n === 1 ? one : many}` : countOf(n, one, many));

/** "54 %" from a published percent (0–100, unrounded). */
export const pct = (percent: number): string => formatPercent(percent / 100);

/** A ratio (actual ÷ planned) as a percentage: 0.8 → "80 %". */
export const ratioPct = (ratio: number): string => formatPercent(ratio);

/** A statistic of a distribution, to at most one decimal: 12.5 → "12,5", 44 → "44". */
export const stat = (value: number): string => formatNumber(Math.round(value * 10) / 10);

/** The published percent as the reader sees it (whole percent): what differences are computed from. */
export const shown = (percent: number): number => Math.round(percent);

/** "den 3 oktober 2024". */
export const dateWords = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateInWords(iso) : iso);

export const capitalise = (text: string): string => (text.length === 0 ? text : text[0].toLocaleUpperCase('sv-SE') + text.slice(1));

/** A heading or label inside a sentence: "Trygghet och säkerhet" → "trygghet och säkerhet"; "BUP" stays. */
export const lower = (text: string): string => {
  if (text.length === 0) return text;
  const second = text[1] ?? '';
  return second !== second.toLocaleLowerCase('sv-SE') ? text : text[0].toLocaleLowerCase('sv-SE') + text.slice(1);
};

/** A person's note quoted in a sentence: white space collapsed, a closing full stop dropped, Swedish quotation marks. */
export const quoted = (note: string): string => `”${note.replace(/\s+/g, ' ').trim().replace(/[.。]+$/, '')}”`;

/** A note as a sentence of its own: white space collapsed, ending in a full stop (or its own ! ?). */
export const asSentence = (note: string): string => {
  const text = capitalise(note.replace(/\s+/g, ' ').trim());
  return /[.!?”"]$/.test(text) ? text : `${text}.`;
};

/**
 * A list of quality areas: "A, B samt C". Area names hold "och" themselves ("trygghet och
 * säkerhet"), so a list joined with "och" would read ambiguously.
 */
export const listAreas = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} samt ${items[items.length - 1]}`);

/** Joins sentences into one paragraph's text. */
export const sentences = (...parts: (string | null | undefined | false)[]): string => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');

/** Picks one of several phrasings, deterministically: the same key gives the same choice every time. */
export const pick = <T>(variants: readonly T[], key: number): T => variants[((key % variants.length) + variants.length) % variants.length];

export const run = (text: string, bold = false): Inline => (bold ? { type: 'text', text, bold: true } : { type: 'text', text });
export const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });
/** A paragraph of text, or nothing where the text is empty (a run may not be empty). */
export const para = (text: string): Block[] => (text.trim() === '' ? [] : [paragraph(run(text))]);
/** A bold line that heads what follows in Bilaga 1 ("Iakttagelser från aktgranskningen"). */
export const lead = (text: string): Block => paragraph(run(text, true));
export const bullets = (items: readonly string[]): Block[] => (items.length === 0 ? [] : [{ type: 'bullets', items: items.map((t) => [run(t)]) }]);
export const numbered = (items: readonly string[]): Block[] => (items.length === 0 ? [] : [{ type: 'numbered', items: items.map((t) => [run(t)]) }]);
