import { decodeText, type TextEncodingName } from './decode';
import { CASE_LIST_LIMITS, type TableLimits, cellTooLongMessage, tooManyCellsMessage, tooManyColumnsMessage, tooManyRowsMessage } from './limits';

export type CsvSeparator = ';' | ',' | '\t';

/**
 * One data record. `row` is the record's number as Excel shows it (the header is row 1, blank
 * rows count); `line` is the physical line it starts on, which differs from `row` once a quoted
 * cell has spanned several lines or the file starts with Excel's "sep=" line.
 */
export interface CsvRow {
  row: number;
  line: number;
  cells: string[];
}

/** A record that could not be used, with a Swedish message naming its row. */
export interface CsvProblem {
  row: number;
  line: number;
  message: string;
}

export type CsvParseResult =
  | { ok: true; separator: CsvSeparator; header: string[]; headerRow: number; rows: CsvRow[]; problems: CsvProblem[] }
  | { ok: false; message: string; row?: number; line?: number };

export type CsvReadResult =
  | (Extract<CsvParseResult, { ok: true }> & { encoding: TextEncodingName; bom: boolean })
  | { ok: false; message: string; row?: number; line?: number };

export interface CsvOptions {
  separator?: CsvSeparator;
  /** The limits of the kind of file being read; a case list's by default. */
  limits?: TableLimits;
}

/** Bytes of a CSV file → records: decodeText, then parseCsv. */
export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): CsvReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.reason };
  const parsed = parseCsv(decoded.text, options);
  return parsed.ok ? { ...parsed, encoding: decoded.encoding, bom: decoded.bom } : parsed;
}

/**
 * Parses CSV as RFC 4180 describes it, plus what Excel and hand-edited files do: records end
 * with CRLF, LF or a lone CR (old Mac Excel); a quoted cell may hold separators, line breaks and
 * doubled quotes (""); a quote inside an unquoted cell, or text after a closing quote, is kept
 * as it stands rather than failing the whole file. Cells are not trimmed — the caller decides.
 *
 * The separator, unless given, is whichever of ";", "\t" and "," occurs most often outside quotes
 * on the header line (ties in that order: Swedish Excel uses ";"); a first line "sep=X", which
 * Excel writes and honours, settles it explicitly.
 *
 * Blank records (only separators and white space) are skipped. A record with fewer cells than
 * the header, or more non-empty cells, is reported in `problems` and left out of `rows`.
 * Empty header cells at the end of the header line (Excel's leftover columns) are dropped.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvParseResult {
  const limits = options.limits ?? CASE_LIST_LIMITS;
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return { ok: false, message: 'Filen är tom.' };

  let startLine = 1;
  let separator = options.separator;
  const sepLine = /^sep=(.)\r?\n?/i.exec(text);
  if (sepLine && (sepLine[1] === ';' || sepLine[1] === ',' || sepLine[1] === '\t')) {
    separator ??= sepLine[1];
    text = text.slice(sepLine[0].length);
    startLine = 2;
  }
  separator ??= detectSeparator(text);

  const records = splitRecords(text, separator, startLine, limits);
  if (!Array.isArray(records)) return records;

  const headerIndex = records.findIndex((r) => !isBlank(r.cells));
  if (headerIndex < 0) return { ok: false, message: 'Filen är tom.' };
  const header = withoutTrailingBlanks(records[headerIndex].cells, 1);

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const record of records.slice(headerIndex + 1)) {
    if (isBlank(record.cells)) continue;
    const tooLong = record.cells.findIndex((c) => c.length > limits.cellChars);
    if (tooLong >= 0) {
      problems.push({ row: record.row, line: record.line, message: cellTooLongMessage(record.row, String(tooLong + 1), limits) });
      continue;
    }
    const cells = withoutTrailingBlanks(record.cells, header.length);
    if (cells.length === header.length) {
      rows.push({ ...record, cells });
      continue;
    }
    const message = cells.length < header.length
      ? `Rad ${record.row} har ${cells.length} ${columnWord(cells.length)}, men rubrikraden har ${header.length}. Kontrollera avgränsare och citattecken på raden.`
      : `Rad ${record.row} har ${cells.length} ${columnWord(cells.length)} med innehåll, men rubrikraden har bara ${header.length}. Kontrollera avgränsare och citattecken på raden.`;
    problems.push({ row: record.row, line: record.line, message });
  }
  if (rows.length === 0 && problems.length === 0) {
    return { ok: false, message: 'Filen innehåller bara en rubrikrad och inga rader med data.' };
  }
  return { ok: true, separator, header, headerRow: records[headerIndex].row, rows, problems };
}

const columnWord = (n: number) => (n === 1 ? 'kolumn' : 'kolumner');
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Drops blank cells from the end, but never below `keep` cells: Excel pads rows with empty columns. */
function withoutTrailingBlanks(cells: string[], keep: number): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1].trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** Counts candidate separators outside quotes on the first line with content (the header). */
function detectSeparator(text: string): CsvSeparator {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (let i = Math.max(0, text.search(/[^\r\n ]/)); i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted; // a doubled quote toggles twice: no net change
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) counts[ch]++;
  }
  const best = (Object.keys(counts) as CsvSeparator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ';';
}

/**
 * Splits the text into records of cells. Blank records are counted (they have row numbers) but
 * not kept. Fails on a quote that is never closed, and as soon as a limit of the file's kind is
 * passed, so a file of short lines or of separators at the size limit never turns into millions of arrays.
 */
function splitRecords(text: string, separator: string, firstLine: number, limits: TableLimits): CsvRow[] | Extract<CsvParseResult, { ok: false }> {
  const sep = separator.charCodeAt(0);
  const QUOTE = 34, LF = 10, CR = 13;
  const records: CsvRow[] = [];
  let rowNumber = 0;
  let cellCount = 0;
  let line = firstLine;
  let cells: string[] = [];
  let recordLine = line;
  let i = 0;
  const n = text.length;

  for (;;) {
    // One cell starts at i.
    let cell = '';
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      let pos = i + 1;
      for (;;) {
        const close = text.indexOf('"', pos);
        if (close < 0) {
          return {
            ok: false,
            row: rowNumber + 1,
            line: openedAt,
            message: `Ett citattecken (") som börjar på rad ${rowNumber + 1} (textrad ${openedAt}) avslutas aldrig. Kontrollera att varje citattecken har ett avslutande citattecken.`,
          };
        }
        cell += text.slice(pos, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          pos = close + 2;
          continue;
        }
        line += countLineBreaks(text, i, close);
        i = close + 1;
        break;
      }
    }
    // Unquoted cell, or what follows a closing quote, up to the next separator or line break.
    let end = i;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === sep || c === LF || c === CR) break;
      end++;
    }
    cell += text.slice(i, end);
    if (cells.length < limits.columns) cells.push(cell);
    else if (cell.trim() !== '') {
      return { ok: false, row: rowNumber + 1, line: recordLine, message: tooManyColumnsMessage('csv', String(limits.columns + 1), rowNumber + 1, limits) };
    } // else: Excel's padding of empty columns, dropped like trailing blanks
    i = end;

    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    rowNumber++;
    if (!isBlank(cells)) {
      // The header is one of the records: data rows are one fewer.
      if (records.length > limits.rows) return { ok: false, message: tooManyRowsMessage('csv', limits) };
      cellCount += cells.length;
      if (cellCount > limits.cells) return { ok: false, message: tooManyCellsMessage('csv', limits) };
      records.push({ row: rowNumber, line: recordLine, cells });
    }
    if (i >= n) break;
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    if (i >= n) break; // a final line break ends the last record; it does not start an empty one
    cells = [];
    recordLine = line;
  }
  return records;
}

/** Line breaks (CRLF, LF or CR each count once) between two positions, for physical line numbers. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}
