import type { Cell, Row, Worksheet } from 'exceljs';
import type { PublishedShareBySex, PublishedShareCounts, Results, SHARE_WITHHELD_REASONS, ShareBySex, ShareCounts } from '../../../shared/contract/results';
import { DEFAULT_MIN_SHARE_DENOMINATOR } from '../../../shared/disclosure/share';
import type { Sex } from '../../../shared/results/shape';
import type { TargetGroup } from '../../../shared/templates/schema';
import { formatNumber } from '../../../shared/util/format-sv';

/**
 * The cell conventions every sheet of the results workbook shares: numbers stay numbers, shares
 * are fractions shown as percentages, and a figure the published view withholds is "–" with a
 * note saying why — never a blank that reads as zero, never the number itself.
 */

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0%';
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Shown in place of a withheld figure. */
export const HIDDEN = '–';

export const SEXES: readonly Sex[] = ['F', 'M', 'U'];
export const SHARE_KEYS = ['F', 'M', 'U', 'total'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];

const GROUP_WORDS: Record<TargetGroup, { plural: Record<ShareKey, string>; singular: Record<Sex, string> }> = {
  barn: { plural: { F: 'Flickor', M: 'Pojkar', U: 'Okänt kön', total: 'Totalt' }, singular: { F: 'Flicka', M: 'Pojke', U: 'Okänt' } },
  vuxna: { plural: { F: 'Kvinnor', M: 'Män', U: 'Okänt kön', total: 'Totalt' }, singular: { F: 'Kvinna', M: 'Man', U: 'Okänt' } },
};

export const groupWords = (targetGroup: TargetGroup) => GROUP_WORDS[targetGroup];

/** The line that says which view a sheet shows; on every sheet, so a sheet printed alone still says it. */
export function viewLine(results: Results): string {
  return results.view === 'published' ? `Publicerad – granskningens publiceringsunderlag, gräns ${results.threshold} akter` : 'Internt – visa inte utanför förvaltningen';
}

export const suppressedCountNote = (threshold: number): string =>
  `Dolt: en grupp med färre än ${threshold} akter redovisas inte, och inte heller tal som skulle göra det möjligt att räkna fram den.`;

type WithheldReason = (typeof SHARE_WITHHELD_REASONS)[number];

/** Why a share (and the counts printed with it) is not shown: said as it is, never "a small number" when it is not. */
export function withheldShareNote(reason: WithheldReason | null): string {
  if (reason === 'denominator-too-small') return `Andelen visas bara där minst ${DEFAULT_MIN_SHARE_DENOMINATOR} svar är tillämpliga.`;
  if (reason === 'group-not-published') return 'Gruppen redovisas bara i underlaget, inte per fråga: akter med okänt kön, eller en grupp med för få akter.';
  if (reason === 'protects-other') return 'Dolt så att en mindre grupps tal inte kan räknas fram ur de andra.';
  return 'Visas inte.';
}

/** A count, or "–" with a note where the published view hides it. */
export function setCount(cell: Cell, value: number | null, hiddenNote: string): void {
  if (value === null) return setHidden(cell, hiddenNote);
  cell.value = value;
  cell.numFmt = COUNT_FORMAT;
}

/** A share 0..1 as a percentage; `undefined` leaves the cell empty (nothing to divide by in the internal view). */
export function setShare(cell: Cell, fraction: number | undefined): void {
  if (fraction === undefined) return;
  cell.value = fraction;
  cell.numFmt = PERCENT_FORMAT;
}

export function setHidden(cell: Cell, note: string): void {
  cell.value = HIDDEN;
  cell.note = note;
  cell.alignment = { horizontal: 'right' };
}

/** The three columns of each share block (ja, tillämpliga, andel ja) for F, M, U and total. */
export function shareHeaders(targetGroup: TargetGroup): string[] {
  const words = groupWords(targetGroup).plural;
  return SHARE_KEYS.flatMap((key) => [`${words[key]}: ja`, `${words[key]}: tillämpliga`, `${words[key]}: andel ja`]);
}

export const SHARE_COLUMNS = SHARE_KEYS.length * 3;

/**
 * Writes a share by sex from column `firstCol` on: per block the count ja, the count applicable
 * and the share. `threshold` is the published view's (for the notes); null in the internal view.
 */
export function writeShares(row: Row, firstCol: number, share: ShareBySex | PublishedShareBySex | null, threshold: number | null): void {
  if (share === null) return;
  SHARE_KEYS.forEach((key, i) => {
    const col = firstCol + i * 3;
    const counts: ShareCounts | PublishedShareCounts = share[key];
    // A count printed with its share is withheld for the share's reason, not called small.
    const countNote = 'withheld' in counts ? withheldShareNote(counts.withheld) : suppressedCountNote(threshold ?? 0);
    setCount(row.getCell(col), counts.yes, countNote);
    setCount(row.getCell(col + 1), counts.applicable, countNote);
    const shareCell = row.getCell(col + 2);
    if ('percent' in counts) {
      if (counts.percent === null) setHidden(shareCell, withheldShareNote(counts.withheld));
      else setShare(shareCell, counts.percent / 100);
    } else setShare(shareCell, counts.applicable > 0 ? counts.yes / counts.applicable : undefined);
  });
}

/** A header row: bold, wrapped, on a light fill, so it stands out when frozen. */
export function styleHeader(row: Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'bottom', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A9BAD' } } };
  });
}

/** The rows above `ySplit` stay in view while scrolling. */
export function freezeRows(sheet: Worksheet, ySplit: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit, topLeftCell: `A${ySplit + 1}`, activeCell: `A${ySplit + 1}` }];
}

/** What a cell reads as, for sizing its column: numbers as sv-SE text, percentages as "100 %". */
function displayLength(cell: Cell): number {
  const value = cell.value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return cell.numFmt === PERCENT_FORMAT ? 5 : formatNumber(value).length;
  if (value instanceof Date) return 10;
  const text = String(value);
  // A wrapped cell is as wide as its longest line.
  return Math.max(...text.split('\n').map((line) => line.length));
}

/**
 * Widths that fit the content from row `fromRow` down, within bounds: a long question text wraps
 * at `max` instead of making a column no screen can show. Titles above `fromRow` are left to overflow.
 */
export function fitColumns(sheet: Worksheet, fromRow: number, bounds: { min?: number; max?: number; perColumn?: Record<number, number> } = {}): void {
  const { min = 6, max = 50, perColumn = {} } = bounds;
  const widest = new Map<number, number>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < fromRow) return;
    row.eachCell((cell, col) => widest.set(col, Math.max(widest.get(col) ?? 0, displayLength(cell))));
  });
  const wrapped = new Set<number>();
  for (const [col, length] of widest) {
    const upper = perColumn[col] ?? max;
    sheet.getColumn(col).width = Math.min(upper, Math.max(min, length + 2));
    if (length + 2 > upper) wrapped.add(col);
  }
  if (wrapped.size === 0) return;
  // Per cell, not per column: a column style would overwrite each cell's own alignment.
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < fromRow) return;
    row.eachCell((cell, col) => {
      if (wrapped.has(col) && typeof cell.value === 'string') cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    });
  });
}

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
const MAX_SHEET_NAME = 31;
// Control characters too: the sheet name is XML, which cannot carry them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\\u0000-\u001f]/g;

/**
 * Hands out sheet names that Excel accepts and that differ from each other regardless of case
 * (Excel compares them so); "History" is reserved by Excel itself.
 */
export function sheetNamer(reserved: readonly string[]): (wanted: string, fallback: string) => string {
  const taken = new Set(['history', ...reserved.map((n) => n.toLocaleLowerCase('sv'))]);
  return (wanted, fallback) => {
    const clean = (text: string) => text.replace(FORBIDDEN_IN_SHEET_NAME, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
    const base = clean(wanted) || clean(fallback) || 'Blad';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
      if (!taken.has(name.toLocaleLowerCase('sv'))) {
        taken.add(name.toLocaleLowerCase('sv'));
        return name;
      }
    }
  };
}
