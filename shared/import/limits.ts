import { formatNumber } from '../util/format-sv';

/**
 * The size limits of a case list, the same for CSV and Excel. They bound the memory an import can
 * take whatever the file claims, and they are far above any real sampling frame (a large
 * municipality has a few thousand open cases). A file over a limit is refused as a whole, never
 * truncated: a sample drawn from part of the frame would be biased without anyone noticing.
 */
export const CASE_LIST_LIMITS = {
  /** Rows with data after the header row. */
  rows: 200_000,
  /** Columns with data: A–IV, what Excel 2003 had. */
  columns: 256,
  /** Cells held in memory, summed over rows (each row counted up to its last cell with data). */
  cells: 2_000_000,
  /** Characters in one cell: Excel's own maximum. A longer cell rejects its row. */
  cellChars: 32_767,
} as const;

/** Where the table came from, for the first word of the messages. */
export type TableSource = 'csv' | 'xlsx';

const subject = (source: TableSource) => (source === 'xlsx' ? 'Bladet' : 'Filen');

export function tooManyRowsMessage(source: TableSource): string {
  const max = formatNumber(CASE_LIST_LIMITS.rows);
  return `${subject(source)} har fler än ${max} rader med data; högst ${max} rader läses. Dela upp akt-listan i flera filer.`;
}

/** `column` is the spreadsheet letter (xlsx) or the column number (csv) of the first cell too far right. */
export function tooManyColumnsMessage(source: TableSource, column: string, row: number): string {
  const max = formatNumber(CASE_LIST_LIMITS.columns);
  return source === 'xlsx'
    ? `Bladet har värden i kolumn ${column}; högst ${max} kolumner läses (A–IV). Det första sådana värdet står på rad ${formatNumber(row)}. Ta bort innehållet längst till höger, eller kopiera bara de kolumner som behövs till ett nytt blad.`
    : `Rad ${formatNumber(row)} har fler än ${max} kolumner; högst ${max} kolumner läses. Kontrollera avgränsaren, eller ta bort kolumner som inte behövs.`;
}

export function tooManyCellsMessage(source: TableSource): string {
  const max = formatNumber(CASE_LIST_LIMITS.cells);
  return `${subject(source)} har fler än ${max} celler med innehåll (rader × kolumner); högst ${max} läses. Ta bort kolumner som inte behövs, eller dela upp akt-listan i flera filer.`;
}

/** A row problem, not a refusal: the rest of the file can still be imported. */
export function cellTooLongMessage(row: number, column: string): string {
  return `Rad ${formatNumber(row)}, kolumn ${column} har fler än ${formatNumber(CASE_LIST_LIMITS.cellChars)} tecken, mer än en cell får ha. Raden lästes inte.`;
}
