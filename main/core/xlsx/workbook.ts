import { isDateFormat } from './number-formats';
import type { XmlAttributes, XmlHandler } from './xml';
import type { ZipReader } from './zip';
import { XLSX_MESSAGES, XLSX_PART_LIMITS, XlsxError, ownCopy, readXml } from './limits';

/** Where the parts of the first worksheet are, and what its style indexes mean. */
export interface WorkbookLayout {
  sheetPath: string;
  sharedStringsPath?: string;
  /** For each cell style index (`s`), whether it formats a number as a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/**
 * Finds the first worksheet in workbook order through the package's relationships (as Excel
 * does), falling back to the usual part names that simple writers use without relationships.
 */
export async function readWorkbookLayout(zip: ZipReader): Promise<WorkbookLayout> {
  const rootRelations = await readRelationships(zip, '');
  const workbookPath = rootRelations.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath)) throw new XlsxError(XLSX_MESSAGES.corrupt);
  const relations = await readRelationships(zip, workbookPath);

  const sheetIds: string[] = [];
  let date1904 = false;
  await readXml(zip, workbookPath, XLSX_PART_LIMITS.smallPartBytes, (name, attributes) => {
    if (name === 'sheet') {
      const id = attributes.get('id');
      if (id !== undefined) sheetIds.push(id);
    } else if (name === 'workbookPr') {
      const value = attributes.get('date1904');
      date1904 = value === '1' || value === 'true';
    }
  });
  const byId = new Map(relations.map((r) => [r.id, r]));
  const sheet = sheetIds.map((id) => byId.get(id)).find((r) => r !== undefined && r.type.endsWith('/worksheet'));
  if (!sheet) throw new XlsxError(XLSX_MESSAGES.noWorksheet);
  if (!zip.has(sheet.target)) throw new XlsxError(XLSX_MESSAGES.corrupt);

  const partOf = (suffix: string, fallback: string) => {
    const target = relations.find((r) => r.type.endsWith(suffix))?.target ?? fallback;
    return zip.has(target) ? target : undefined;
  };
  const stylesPath = partOf('/styles', 'xl/styles.xml');
  return {
    sheetPath: sheet.target,
    sharedStringsPath: partOf('/sharedStrings', 'xl/sharedStrings.xml'),
    dateStyles: stylesPath ? await readDateStyles(zip, stylesPath) : [],
    date1904,
  };
}

/** The relationships of a part (`''` is the package itself), targets resolved to part names. */
async function readRelationships(zip: ZipReader, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const relsPath = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  if (!zip.has(relsPath)) return [];
  const out: Relationship[] = [];
  await readXml(zip, relsPath, XLSX_PART_LIMITS.smallPartBytes, (name, attributes) => {
    if (name !== 'Relationship' || attributes.get('TargetMode') === 'External') return;
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id !== undefined && target !== undefined) out.push({ id, type: attributes.get('Type') ?? '', target: resolvePartName(folder, target) });
  });
  return out;
}

/** "worksheets/sheet1.xml" from "xl/" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" is absolute. */
export function resolvePartName(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** Cell styles (cellXfs, in order) → whether each formats numbers as dates. */
async function readDateStyles(zip: ZipReader, path: string): Promise<boolean[]> {
  const customCodes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await readXml(
    zip,
    path,
    XLSX_PART_LIMITS.smallPartBytes,
    (name, attributes) => {
      if (name === 'numFmt') {
        const id = Number(attributes.get('numFmtId'));
        const code = attributes.get('formatCode');
        if (Number.isInteger(id) && code !== undefined) customCodes.set(id, ownCopy(code));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attributes.get('numFmtId') ?? 0));
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  return formatIds.map((id) => isDateFormat(id, customCodes));
}

/**
 * The shared strings table: every text a cell refers to by index. Rich text is joined from its
 * runs; phonetic guides (rPh, for Japanese) are not part of the text.
 */
export async function readSharedStrings(zip: ZipReader, path: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    get wantsText() {
      return inText && phonetic === 0;
    },
    open(name: string, _attributes: XmlAttributes, selfClosing: boolean) {
      if (selfClosing) {
        if (name === 'si') strings.push('');
        return;
      }
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 't' && inItem) inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name: string) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && inItem) {
        inItem = false;
        if (strings.length >= XLSX_PART_LIMITS.sharedStrings) throw new XlsxError(XLSX_MESSAGES.tooManyStrings);
        strings.push(ownCopy(unescapeXstring(current)));
      }
    },
    text(text: string) {
      // Longer than any cell may be: stop growing it; the row is rejected when the cell is used.
      if (current.length <= XLSX_PART_LIMITS.cellChars) current += text;
    },
  };
  await readXml(zip, path, XLSX_PART_LIMITS.sharedStringsBytes, handler);
  return strings;
}

/** Excel writes characters XML cannot hold (and some it can) as _xHHHH_. */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
