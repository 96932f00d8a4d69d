import { MAX_CASE_LIST_BYTES } from '../../shared/contract/cases';
import { inlineCell, repeatedDeflate, sharedStrings, worksheet, xlsx, zip } from './zip';

/*
 * Hostile and oversized .xlsx files, generated in memory (never committed). Shared by the tests,
 * which check the Swedish refusal, and by bench/hostile-files.ts, which measures time and memory.
 */

const HEADER = `<row r="1">${inlineCell('A1', 'akt')}${inlineCell('B1', 'enhet')}${inlineCell('C1', 'insats')}</row>`;

/** Data rows from..from+n-1 (three inline-string and number cells each). */
function dataRows(from: number, n: number, extra: (row: number) => string = () => ''): string {
  const parts: string[] = [];
  for (let r = from; r < from + n; r++) parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>A${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Enhet ${r % 7}</t></is></c><c r="C${r}"><v>${r}</v></c>${extra(r)}</row>`);
  return parts.join('');
}

export interface HostileFile {
  name: string;
  /** Built on demand: some are large in memory. */
  bytes: () => Buffer;
  /** What the import must say (a refusal), or undefined when the file must be read. */
  refusal?: RegExp;
  /** Cases and rejected rows when the file is read (a dry run). */
  read?: { cases: number; rejected: number };
  /** Too large to build inside the test suite; measured by the bench only. */
  benchOnly?: boolean;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The files the issue names, plus zip and XML bombs. Each is small on disk except the last. */
export const hostileFiles: readonly HostileFile[] = [
  {
    name: 'dimension-xfd.xlsx',
    bytes: () => xlsx(worksheet(HEADER + dataRows(2, 20_000), '<dimension ref="A1:XFD20000"/>')),
    read: { cases: 20_000, rejected: 0 },
  },
  {
    name: 'empty-styled-cell-at-xfd.xlsx',
    bytes: () => xlsx(worksheet(HEADER + dataRows(2, 20_000, (r) => (r === 2 ? `<c r="XFD${r}" s="1"/>` : '')))),
    read: { cases: 20_000, rejected: 0 },
  },
  {
    name: 'value-at-xfd.xlsx',
    bytes: () => xlsx(worksheet(HEADER + dataRows(2, 20_000, (r) => (r === 20_001 ? `<c r="XFD${r}"><v>1</v></c>` : '')))),
    refusal: /värden i kolumn XFD; högst 256 kolumner läses/,
  },
  {
    name: 'rows-1500000.xlsx',
    bytes: () => xlsx(worksheet(HEADER + manyRows(1_500_000))),
    refusal: /Bladet har fler än 200\s000 rader/,
  },
  {
    name: 'cells-over-limit.xlsx',
    bytes: () => xlsx(worksheet(HEADER + wideRows(20_000, 200))),
    refusal: /fler än 2\s000\s000 celler/,
  },
  {
    name: 'zip-bomb-sheet.xlsx',
    // 1 GB of white space that deflates to about 1 MB; the zip declares 1 KB.
    bytes: () =>
      xlsx('', {
        sheetEntry: {
          deflated: repeatedDeflate(' '.repeat(1_000_000), 1000, `${XML_HEAD}<worksheet><sheetData>${HEADER}`, '</sheetData></worksheet>'),
          declaredSize: 1024,
        },
      }),
    refusal: /packas upp till mer än 256 MB/,
  },
  {
    name: 'empty-cells-bomb.xlsx',
    // 250 million empty cells (1 GB) in one row, about 1 MB on disk.
    bytes: () =>
      xlsx('', {
        sheetEntry: {
          deflated: repeatedDeflate('<c/>'.repeat(250_000), 1000, `${XML_HEAD}<worksheet><sheetData>${HEADER}<row r="2">`, '</row></sheetData></worksheet>'),
          declaredSize: 1024,
        },
      }),
    refusal: /för många element i bladet/,
  },
  {
    name: 'zip-bomb-shared-strings.xlsx',
    bytes: () =>
      xlsx(worksheet(HEADER), {
        extra: [{ name: 'xl/sharedStrings.xml', data: '', deflated: repeatedDeflate('<si><t>x</t></si>'.repeat(60_000), 1000, `${XML_HEAD}<sst>`, '</sst>'), declaredSize: 1024 }],
      }),
    refusal: /packas upp till mer än|fler än .* olika texter|för många element/,
  },
  {
    name: 'huge-cell.xlsx',
    bytes: () => xlsx(worksheet(HEADER + `<row r="2">${inlineCell('A2', 'X'.repeat(50_000_000))}${inlineCell('B2', 'E')}</row>` + dataRows(3, 5))),
    read: { cases: 5, rejected: 1 },
  },
  {
    name: 'deep-xml.xlsx',
    bytes: () => xlsx(worksheet(HEADER + '<x>'.repeat(1_000_000) + '</x>'.repeat(1_000_000))),
    refusal: /kunde inte läsas som en Excel-fil/,
  },
  {
    name: 'stored-at-size-limit.xlsx',
    // The largest file the import accepts, stored (not deflated): well-formed rows up to the size limit.
    bytes: largestStoredFile,
    refusal: /Bladet har fler än 200\s000 rader/,
    benchOnly: true,
  },
  {
    name: 'rows-at-size-limit.csv',
    // The CSV path shares the limits: short lines up to the size limit.
    bytes: () => Buffer.from(`akt;enhet\n${'A;E\n'.repeat(MAX_CASE_LIST_BYTES / 4 - 4)}`),
    refusal: /Filen har fler än 200\s000 rader/,
    benchOnly: true,
  },
  {
    name: 'separators-at-size-limit.csv',
    bytes: () => Buffer.from(`akt;enhet\nA;E${';'.repeat(MAX_CASE_LIST_BYTES - 16)}x\n`),
    refusal: /Rad 2 har fler än 256 kolumner/,
    benchOnly: true,
  },
];

/** n one-cell rows of about 11 bytes each: the 1.5 M-row sheet is about 16 MB. */
function manyRows(n: number): string {
  const parts: string[] = [];
  for (let r = 2; r <= n + 1; r++) parts.push(`<row><c><v>${r}</v></c></row>`);
  return parts.join('');
}

function wideRows(n: number, columns: number): string {
  const cells = Array.from({ length: columns }, () => '<c><v>1</v></c>').join('');
  return Array.from({ length: n }, () => `<row>${cells}</row>`).join('');
}

function largestStoredFile(): Buffer {
  const row = '<row><c t="inlineStr"><is><t>AKT</t></is></c><c t="inlineStr"><is><t>Enhet</t></is></c></row>';
  const sheet = XML_HEAD + '<worksheet><sheetData>' + HEADER + row.repeat(Math.floor((MAX_CASE_LIST_BYTES - 8192) / row.length));
  return zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="A" r:id="rId1" xmlns:r="r"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
    { name: 'xl/sharedStrings.xml', data: sharedStrings([]) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, stored: true },
  ]);
}
