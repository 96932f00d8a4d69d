import { CASE_LIST_LIMITS } from '../../../shared/import/limits';
import { formatNumber } from '../../../shared/util/format-sv';
import { XmlTokenizer, type XmlAttributes, type XmlHandler } from './xml';
import { XmlTextDecoder, type ZipReader } from './zip';

/**
 * What an .xlsx import may unpack, on top of the table limits it shares with CSV
 * (shared/import/limits.ts). The budgets are enforced while inflating, never taken from the sizes
 * the zip declares. A full 200,000-row sheet with inline strings is well under `sheetBytes`.
 */
export const XLSX_PART_LIMITS = {
  /** The worksheet's XML. */
  sheetBytes: 256 * 1024 * 1024,
  /** The shared strings table's XML, and how many texts it may hold. */
  sharedStringsBytes: 128 * 1024 * 1024,
  sharedStrings: CASE_LIST_LIMITS.cells,
  /** Workbook, relationships and styles. */
  smallPartBytes: 16 * 1024 * 1024,
  /**
   * Start tags in any one part. Each costs work whatever its size (an empty `<c/>` is 4 bytes), so
   * this, not the byte budget, bounds the time a sheet of empty formatted cells takes. A full sheet
   * at the cell limit has about 2 per cell (c, v).
   */
  elements: 8_000_000,
  cellChars: CASE_LIST_LIMITS.cellChars,
} as const;

const CORRUPT = 'Filen kunde inte läsas som en Excel-fil (.xlsx). Den kan vara skadad eller ofullständig. Spara den på nytt i Excel eller som CSV.';

export const XLSX_MESSAGES = {
  corrupt: CORRUPT,
  noWorksheet: 'Excel-filen har inget kalkylblad (bara diagram eller makron). Lägg akt-listan på ett vanligt blad, eller spara den som CSV.',
  empty: 'Excel-filens första blad är tomt.',
  tooManyStrings: `Excel-filen har fler än ${formatNumber(XLSX_PART_LIMITS.sharedStrings)} olika texter; högst ${formatNumber(XLSX_PART_LIMITS.sharedStrings)} läses. Spara bara akt-listans blad i en ny fil, eller spara som CSV.`,
  tooManyElements: (part: 'sheet' | 'sharedStrings' | 'other') =>
    `Excel-filen har för många element i ${part === 'sheet' ? 'bladet (även tomma, formaterade celler räknas)' : part === 'sharedStrings' ? 'tabellen med texter' : 'arbetsbokens uppgifter'}; ` +
    'filen kan vara skadad eller gjord för att sänka programmet. Rensa formatering i tomma rader och kolumner, eller spara akt-listan som CSV.',
  tooLarge: (part: 'sheet' | 'sharedStrings' | 'other', maxBytes: number) =>
    `Excel-filen packas upp till mer än ${formatNumber(maxBytes / 1024 / 1024)} MB (${part === 'sheet' ? 'bladets celler' : part === 'sharedStrings' ? 'tabellen med texter' : 'arbetsbokens uppgifter'}); högst så mycket läses. ` +
    'Filen kan vara skadad eller gjord för att sänka programmet. Spara om akt-listan i Excel, eller som CSV.',
};

/** A refusal with its Swedish message, ready to show. */
export class XlsxError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/**
 * A copy of a string that does not keep the chunk it was cut from alive: V8 represents a slice
 * of 13 or more characters as a view into its parent, so 200,000 cells could otherwise pin the
 * whole decoded sheet in memory.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

type OpenCallback = (name: string, attributes: XmlAttributes, selfClosing: boolean) => void;

/**
 * Streams one part through the tokenizer, within the byte and element budgets: either a full
 * handler, or a callback for start tags (the small parts, where only attributes matter).
 */
export async function readXml(zip: ZipReader, path: string, maxBytes: number, handler: XmlHandler | OpenCallback, onClose?: (name: string) => void): Promise<void> {
  const tokenizer = new XmlTokenizer(typeof handler === 'function' ? attributesOnly(handler, onClose) : handler, XLSX_PART_LIMITS.elements);
  const decoder = new XmlTextDecoder();
  for await (const chunk of zip.read(path, maxBytes)) tokenizer.write(decoder.decode(chunk));
  tokenizer.write(decoder.flush());
  tokenizer.end();
}

function attributesOnly(open: OpenCallback, close: (name: string) => void = () => {}): XmlHandler {
  return { wantsText: false, open, close, text() {} };
}
