import type { CaseTable } from '../../../shared/import/case-list';
import { XLSX_MESSAGES, XlsxError } from '../xlsx/limits';
import { readSharedStrings, readWorkbookLayout } from '../xlsx/workbook';
import { readWorksheet } from '../xlsx/worksheet';
import { XmlElementLimitError, XmlError } from '../xlsx/xml';
import { ZipBudgetError, ZipError, ZipReader } from '../xlsx/zip';

/** True for a ZIP container (an .xlsx file) rather than text. */
export const looksLikeXlsx = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads the first worksheet of an .xlsx file into the same table a CSV gives: the first non-empty
 * row is the header; dates become ISO dates, numbers their plain digits (a personnummer typed as
 * a number stays whole). The file is streamed part by part within fixed limits (see
 * main/core/xlsx/limits.ts and shared/import/limits.ts), so no file can exhaust memory; a file
 * over a limit, or damaged, gets a Swedish message saying which.
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<{ ok: true; table: CaseTable } | { ok: false; message: string }> {
  let stage: 'sheet' | 'sharedStrings' | 'other' = 'other';
  try {
    const zip = new ZipReader(bytes);
    const layout = await readWorkbookLayout(zip);
    stage = 'sharedStrings';
    const strings = layout.sharedStringsPath ? await readSharedStrings(zip, layout.sharedStringsPath) : [];
    stage = 'sheet';
    return { ok: true, table: await readWorksheet(zip, layout, strings) };
  } catch (error) {
    if (error instanceof XlsxError) return { ok: false, message: error.userMessage };
    if (error instanceof ZipBudgetError) return { ok: false, message: XLSX_MESSAGES.tooLarge(stage, error.maxBytes) };
    if (error instanceof XmlElementLimitError) return { ok: false, message: XLSX_MESSAGES.tooManyElements(stage) };
    if (error instanceof ZipError || error instanceof XmlError) return { ok: false, message: XLSX_MESSAGES.corrupt };
    throw error;
  }
}
