import ExcelJS from 'exceljs';
import type { CaseTable } from '../../../shared/import/case-list';

/** True for a ZIP container (an .xlsx file) rather than text. */
export const looksLikeXlsx = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads the first worksheet of an .xlsx file into the same table a CSV gives: the first non-empty
 * row is the header; dates become ISO dates, numbers their plain digits (a personnummer typed as
 * a number stays whole).
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<{ ok: true; table: CaseTable } | { ok: false; message: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: 'Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den på nytt i Excel eller som CSV.' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, message: 'Excel-filens första blad är tomt.' };
  let header: string[] | undefined;
  const rows: CaseTable['rows'] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.every((v) => v.trim() === '')) return;
    if (!header) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  if (!header) return { ok: false, message: 'Excel-filens första blad är tomt.' };
  while (header.length > 0 && header[header.length - 1].trim() === '') header.pop();
  return { ok: true, table: { encoding: 'xlsx', separator: ';', header, rows, problems: [] } };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}
