import { plainDecimal } from '../../../shared/util/plain-decimal';
import type { CaseTable } from '../../../shared/import/case-list';
import { CASE_LIST_LIMITS, cellTooLongMessage, tooManyCellsMessage, tooManyColumnsMessage, tooManyRowsMessage } from '../../../shared/import/limits';
import { XLSX_MESSAGES, XLSX_PART_LIMITS, XlsxError, ownCopy, readXml } from './limits';
import { serialToIsoDate } from './number-formats';
import { unescapeXstring, type WorkbookLayout } from './workbook';
import type { XmlAttributes, XmlHandler } from './xml';
import type { ZipReader } from './zip';

/** Excel's largest row number; anything beyond is not a spreadsheet. */
const MAX_ROW_NUMBER = 1_048_576;
/** Excel's last column, XFD. */
const MAX_COLUMN_NUMBER = 16_384;

/**
 * Reads a worksheet into the table a CSV gives, streaming: only cells that hold a value are kept
 * (the declared <dimension> and empty formatted cells are ignored), the first row with content is
 * the header, and the row, column and cell limits are checked as rows arrive, so an oversized
 * sheet is refused after reading at most one row past a limit.
 */
export async function readWorksheet(zip: ZipReader, layout: WorkbookLayout, sharedStrings: readonly string[]): Promise<CaseTable> {
  const collector = new SheetCollector(layout, sharedStrings);
  await readXml(zip, layout.sheetPath, XLSX_PART_LIMITS.sheetBytes, collector);
  if (!collector.header) throw new XlsxError(XLSX_MESSAGES.empty);
  return { encoding: 'xlsx', separator: ';', header: collector.header, rows: collector.rows, problems: collector.problems };
}

class SheetCollector implements XmlHandler {
  header: string[] | undefined;
  readonly rows: CaseTable['rows'] = [];
  readonly problems: CaseTable['problems'] = [];
  private dataRows = 0;
  private cellCount = 0;

  private inSheetData = false;
  private rowNumber = 0;
  private cells: string[] = [];
  /** Column letters of a cell too long to keep; the row becomes a problem. */
  private tooLong: string | undefined;
  private lastColumn = -1;

  private inCell = false;
  private column = 0;
  private type = 'n';
  private style = 0;
  private value = '';
  private inline = '';
  private hasInline = false;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;

  constructor(
    private readonly layout: WorkbookLayout,
    private readonly sharedStrings: readonly string[],
  ) {}

  get wantsText(): boolean {
    return (this.inValue || (this.inInline && this.inText)) && this.phonetic === 0;
  }

  open(name: string, attributes: XmlAttributes): void {
    if (name === 'sheetData') this.inSheetData = true;
    else if (!this.inSheetData) return;
    else if (name === 'row') this.startRow(attributes.get('r'));
    else if (name === 'c') this.startCell(attributes);
    else if (!this.inCell) return;
    else if (name === 'v') {
      this.inValue = true;
      this.value = '';
    } else if (name === 'is') {
      this.inInline = true;
      this.hasInline = true;
    } else if (name === 't') this.inText = true;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 'sheetData') this.inSheetData = false;
    else if (!this.inSheetData) return;
    else if (name === 'row') this.endRow();
    else if (name === 'c') this.endCell();
    else if (name === 'v') this.inValue = false;
    else if (name === 'is') this.inInline = false;
    else if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    // Past the longest cell allowed the text stops growing; the row is rejected when the cell ends.
    if (this.inValue) {
      if (this.value.length <= XLSX_PART_LIMITS.cellChars) this.value += text;
    } else if (this.inline.length <= XLSX_PART_LIMITS.cellChars) this.inline += text;
  }

  private startRow(r: string | undefined): void {
    const number = r === undefined ? this.rowNumber + 1 : Number(r);
    if (!Number.isInteger(number) || number < 1 || number > MAX_ROW_NUMBER) throw new XlsxError(XLSX_MESSAGES.corrupt);
    this.rowNumber = number;
    this.cells = [];
    this.tooLong = undefined;
    this.lastColumn = -1;
  }

  private startCell(attributes: XmlAttributes): void {
    const ref = attributes.get('r');
    if (ref === undefined) this.column = this.lastColumn + 1;
    else {
      this.column = parseCellColumn(ref);
      if (this.column < 0) throw new XlsxError(XLSX_MESSAGES.corrupt);
    }
    this.lastColumn = this.column;
    this.type = attributes.get('t') ?? 'n';
    this.style = Number(attributes.get('s') ?? 0);
    this.value = '';
    this.inline = '';
    this.hasInline = false;
    this.inCell = true;
  }

  private endCell(): void {
    this.inCell = false;
    this.inValue = this.inInline = this.inText = false;
    this.phonetic = 0;
    const value = this.cellValue();
    if (value === '') return;
    if (this.column >= CASE_LIST_LIMITS.columns) throw new XlsxError(tooManyColumnsMessage('xlsx', columnLetters(this.column), this.rowNumber));
    if (value.length > CASE_LIST_LIMITS.cellChars) {
      this.tooLong ??= columnLetters(this.column);
      return;
    }
    this.cells[this.column] = ownCopy(value);
  }

  private cellValue(): string {
    switch (this.type) {
      case 's': {
        const index = this.value.trim();
        return index === '' ? '' : (this.sharedStrings[Number(index)] ?? '');
      }
      case 'inlineStr':
        return unescapeXstring(this.hasInline ? this.inline : this.value);
      case 'str':
        return unescapeXstring(this.value);
      case 'b':
        // As Swedish Excel shows the cell, and writes it to CSV.
        return this.value === '1' ? 'SANT' : this.value === '0' ? 'FALSKT' : this.value;
      case 'e':
        return '';
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(this.value) ? this.value.slice(0, 10) : this.value;
      default:
        return this.numberText();
    }
  }

  /** A date when the cell's style says so; an integer with all its digits (a personnummer stays whole). */
  private numberText(): string {
    const raw = this.value.trim();
    if (raw === '') return '';
    const n = Number(raw);
    if (!Number.isFinite(n)) return raw;
    if (this.layout.dateStyles[this.style]) return serialToIsoDate(n, this.layout.date1904) ?? raw;
    // Plain digits, never an exponent (toFixed and String switch to 1e+21 / 1e-7): what the cell shows is what the guard reads.
    return plainDecimal(n);
  }

  private endRow(): void {
    const cells = this.cells;
    if (this.tooLong !== undefined) {
      if (!this.header) throw new XlsxError(cellTooLongMessage(this.rowNumber, this.tooLong));
      this.countRow(0);
      this.problems.push({ row: this.rowNumber, message: cellTooLongMessage(this.rowNumber, this.tooLong) });
      return;
    }
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === undefined) cells[i] = '';
      else if (blank && cells[i].trim() !== '') blank = false;
    }
    if (blank) return;
    if (!this.header) {
      while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
      this.header = cells;
      return;
    }
    this.countRow(cells.length);
    this.rows.push({ row: this.rowNumber, cells });
  }

  private countRow(cells: number): void {
    if (++this.dataRows > CASE_LIST_LIMITS.rows) throw new XlsxError(tooManyRowsMessage('xlsx'));
    this.cellCount += cells;
    if (this.cellCount > CASE_LIST_LIMITS.cells) throw new XlsxError(tooManyCellsMessage('xlsx'));
  }
}

/** "AB12" → 27 (0-based); -1 when it is not a cell reference. Past XFD the exact column does not matter. */
export function parseCellColumn(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    column = Math.min(column * 26 + (c - 64), MAX_COLUMN_NUMBER + 1);
  }
  if (i === 0) return -1;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return -1;
  }
  return column - 1;
}

/** 0 → "A", 25 → "Z", 26 → "AA"; anything past XFD is named "XFD+". */
export function columnLetters(column: number): string {
  if (column >= MAX_COLUMN_NUMBER) return 'XFD+';
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
