import { formatNumber } from '../util/format-sv';

/**
 * The size limits of a table read from a file; those of a case list, the same for CSV and Excel. They bound the memory an import can
 * take whatever the file claims, and they are far above any real sampling frame (a large
 * municipality has a few thousand open cases). A file over a limit is refused as a whole, never
 * truncated: a sample drawn from part of the frame would be biased without anyone noticing.
 */
export interface TableLimits {
  /** Rows with data after the header row. */
  rows: number;
  /** Columns with data. */
  columns: number;
  /** Cells held in memory, summed over rows (each row counted up to its last cell with data). */
  cells: number;
  /** Characters in one cell. A longer cell rejects its row. */
  cellChars: number;
  /** The advice that ends a refusal, naming the kind of file. */
  splitAdvice: string;
  /** Bytes of the file. Derived from the limits above, so every file the import can take is read in bounded memory. */
  bytes: number;
}

const MB = 1024 * 1024;

export const CASE_LIST_LIMITS: TableLimits = {
  /** Rows with data after the header row. */
  rows: 200_000,
  /** Columns with data: A–IV, what Excel 2003 had. */
  columns: 256,
  /** Cells held in memory, summed over rows (each row counted up to its last cell with data). */
  cells: 2_000_000,
  /** Characters in one cell: Excel's own maximum. A longer cell rejects its row. */
  cellChars: 32_767,
  splitAdvice: 'Dela upp akt-listan i flera filer.',
  // 2,000,000 cells of 30 characters is 60 MB: room for every case list the limits allow with
  // ordinary cells, while the file, its base64 text, the decoded copy and the parse stay under
  // 500 MB (docs/performance.md, hostile files).
  bytes: 64 * MB,
};

/**
 * An answers file in long format (akt;fråga;svar;anteckning) has one row per answer: a study keyed
 * in Excel (the reference study: 2,281 files × about 40 variables ≈ 91,000 rows) or a whole year's
 * reviews is far more rows than a case list, but only a few columns.
 */
export const ANSWER_FILE_LIMITS: TableLimits = {
  rows: 500_000,
  columns: 16,
  cells: 2_000_000,
  cellChars: 32_767,
  splitAdvice: 'Dela upp svarsfilen i flera filer.',
  // 500,000 rows such as "AKT-2024-00123;q12;delvis;" are about 14 MB. The whole table is held
  // while its rows are checked (about 600 bytes a row), so these limits keep a file at the limit
  // under 500 MB; a larger study is imported as several files.
  bytes: 24 * MB,
};

/** Where the table came from, for the first word of the messages. */
export type TableSource = 'csv' | 'xlsx';

const subject = (source: TableSource) => (source === 'xlsx' ? 'Bladet' : 'Filen');

export function tooManyRowsMessage(source: TableSource, limits: TableLimits = CASE_LIST_LIMITS): string {
  const max = formatNumber(limits.rows);
  return `${subject(source)} har fler än ${max} rader med data; högst ${max} rader läses. ${limits.splitAdvice}`;
}

/** `column` is the spreadsheet letter (xlsx) or the column number (csv) of the first cell too far right. */
export function tooManyColumnsMessage(source: TableSource, column: string, row: number, limits: TableLimits = CASE_LIST_LIMITS): string {
  const max = formatNumber(limits.columns);
  return source === 'xlsx'
    ? `Bladet har värden i kolumn ${column}; högst ${max} kolumner läses (A–IV). Det första sådana värdet står på rad ${formatNumber(row)}. Ta bort innehållet längst till höger, eller kopiera bara de kolumner som behövs till ett nytt blad.`
    : `Rad ${formatNumber(row)} har fler än ${max} kolumner; högst ${max} kolumner läses. Kontrollera avgränsaren, eller ta bort kolumner som inte behövs.`;
}

export function tooManyCellsMessage(source: TableSource, limits: TableLimits = CASE_LIST_LIMITS): string {
  const max = formatNumber(limits.cells);
  return `${subject(source)} har fler än ${max} celler med innehåll (rader × kolumner); högst ${max} läses. Ta bort kolumner som inte behövs. ${limits.splitAdvice}`;
}

/** A row problem, not a refusal: the rest of the file can still be imported. */
export function cellTooLongMessage(row: number, column: string, limits: TableLimits = CASE_LIST_LIMITS): string {
  return `Rad ${formatNumber(row)}, kolumn ${column} har fler än ${formatNumber(limits.cellChars)} tecken, mer än en cell får ha. Raden lästes inte.`;
}
