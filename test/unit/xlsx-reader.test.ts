import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../main/core/cases/xlsx';
import { isDateFormatCode, serialToIsoDate } from '../../main/core/xlsx/number-formats';
import { columnLetters, parseCellColumn } from '../../main/core/xlsx/worksheet';
import { resolvePartName } from '../../main/core/xlsx/workbook';
import { inlineCell, worksheet, xlsx, zip } from '../support/zip';

async function table(bytes: Uint8Array) {
  const result = await readXlsxTable(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const result = await readXlsxTable(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

const STYLES_WITH_FORMATS = `<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/><numFmt numFmtId="166" formatCode="0.00&quot; kr&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="49"/></cellXfs></styleSheet>`;

describe('readXlsxTable', () => {
  it('reads shared, inline, rich and formula strings, numbers, dates, booleans and errors', async () => {
    const sheet = worksheet(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>` +
        `<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2"><v>201701012393</v></c><c r="C2" s="1"><v>45363</v></c><c r="D2" t="str"><f>A2&amp;"x"</f><v>Enhet A</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c></row>` +
        `<row r="3">${inlineCell('A3', 'A-2')}<c r="B3"><v>2.5</v></c><c r="C3" s="2"><v>43563.75</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="b"><v>0</v></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><r><t>A-</t></r><r><rPr><b/></rPr><t>3</t></r><rPh><t>ふりがな</t></rPh></is></c><c r="B4" s="3"><v>0.5</v></c><c r="C4" s="4"><v>12</v></c><c r="D4" t="str"><v>rad_x000D_brytning</v></c></row>`,
    );
    const strings = ['akt', 'pnr', 'datum', 'enhet', 'flagga', 'fel', 'A-1'];
    const t = await table(xlsx(sheet, { strings, parts: { 'xl/styles.xml': STYLES_WITH_FORMATS } }));
    expect(t.header).toEqual(strings.slice(0, 6));
    expect(t.rows).toEqual([
      { row: 2, cells: ['A-1', '201701012393', '2024-03-12', 'Enhet A', 'SANT'] },
      { row: 3, cells: ['A-2', '2.5', '2019-04-08', '2', 'FALSKT'] },
      // A duration ([h]:mm:ss) and an amount are numbers, not dates; _x000D_ is a carriage return.
      { row: 4, cells: ['A-3', '0.5', '12', 'rad\rbrytning'] },
    ]);
    expect(t.encoding).toBe('xlsx');
  });

  it('writes number cells as plain decimals, never with an exponent, so the identity guard reads the digits the cell holds', async () => {
    const sheet = worksheet(
      `<row r="1">${inlineCell('A1', 'akt')}${inlineCell('B1', 'tal')}</row>` +
        `<row r="2">${inlineCell('A2', 'A-1')}<c r="B2"><v>1234567890.0000002</v></c></row>` +
        `<row r="3">${inlineCell('A3', 'A-2')}<c r="B3"><v>1E+25</v></c></row>` +
        `<row r="4">${inlineCell('A4', 'A-3')}<c r="B4"><v>1E-7</v></c></row>`,
    );
    const t = await table(xlsx(sheet));
    expect(t.rows.map((r) => r.cells[1])).toEqual(['1234567890.0000002', '10000000000000000000000000', '0.0000001']);
  });

  it('reads what exceljs writes: the existing behaviour for ordinary files', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Akter');
    sheet.addRow([]);
    sheet.addRow(['Aktnummer', 'Personnummer', 'Födelsedatum', 'Stadsdel', 'Anteckning']);
    sheet.addRow(['X-1', 201701012393, null, 'Enhet A', { richText: [{ text: 'fet ' }, { text: 'text', font: { bold: true } }] }]);
    sheet.addRow(['X-2', null, new Date(Date.UTC(2019, 3, 8)), 'Enhet B', { formula: 'D3&"!"', result: 'Enhet A!' }]);
    const t = await table(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(t.header).toEqual(['Aktnummer', 'Personnummer', 'Födelsedatum', 'Stadsdel', 'Anteckning']);
    expect(t.rows).toEqual([
      { row: 3, cells: ['X-1', '201701012393', '', 'Enhet A', 'fet text'] },
      { row: 4, cells: ['X-2', '', '2019-04-08', 'Enhet B', 'Enhet A!'] },
    ]);
  });

  it('takes the first worksheet in workbook order, not the first part in the zip, and skips chart sheets', async () => {
    const workbook = '<workbook xmlns:r="urn:r"><sheets><sheet name="Diagram" r:id="rId9"/><sheet name="Andra" r:id="rId2"/><sheet name="Första" r:id="rId1"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://x/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId9" Type="http://x/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>';
    const bytes = xlsx(worksheet(`<row>${inlineCell('A1', 'fel blad')}</row>`), {
      parts: { 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels },
      extra: [
        { name: 'xl/worksheets/sheet2.xml', data: worksheet(`<row>${inlineCell('A1', 'akt')}</row><row>${inlineCell('A2', 'X')}</row>`) },
        { name: 'xl/chartsheets/sheet1.xml', data: '<chartsheet/>' },
      ],
    });
    expect((await table(bytes)).header).toEqual(['akt']);
  });

  it('reads from the used cells: the declared dimension, empty formatted cells and blank rows are ignored', async () => {
    const sheet = worksheet(
      `<row r="3" spans="1:16384"><c r="A3" s="1"/><c r="B3" t="s"/></row><row r="5">${inlineCell('A5', 'akt')}${inlineCell('B5', 'enhet')}<c r="C5" t="inlineStr"><is><t>  </t></is></c><c r="XFD5" s="1"/></row>` +
        `<row r="6">${inlineCell('A6', 'X')}${inlineCell('C6', 'c')}</row>`,
      '<dimension ref="A1:XFD1048576"/>',
    );
    const t = await table(xlsx(sheet));
    expect(t.header).toEqual(['akt', 'enhet']);
    expect(t.rows).toEqual([{ row: 6, cells: ['X', '', 'c'] }]);
  });

  it('numbers rows and cells that have no reference in order, as Excel does', async () => {
    const t = await table(xlsx(worksheet(`<row><c t="inlineStr"><is><t>akt</t></is></c><c t="inlineStr"><is><t>enhet</t></is></c></row><row><c><v>1</v></c><c><v>2</v></c></row>`)));
    expect(t.rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('reads the 1904 date system and ISO date cells', async () => {
    const bytes = xlsx(worksheet(`<row>${inlineCell('A1', 'datum')}${inlineCell('B1', 'iso')}</row><row><c s="1"><v>0</v></c><c t="d"><v>2024-03-12T00:00:00Z</v></c></row>`), {
      parts: { 'xl/workbook.xml': '<workbook xmlns:r="urn:r"><workbookPr date1904="1"/><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>' },
    });
    expect((await table(bytes)).rows[0].cells).toEqual(['1904-01-01', '2024-03-12']);
  });

  it('reads stored (uncompressed) parts and simple files without relationships', async () => {
    const bytes = zip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="A" r:id="rId1" xmlns:r="r"/></sheets></workbook>', stored: true },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: worksheet(`<row>${inlineCell('A1', 'akt')}</row><row>${inlineCell('A2', 'X')}</row>`), stored: true },
    ]);
    expect((await table(bytes)).rows).toEqual([{ row: 2, cells: ['X'] }]);
  });

  it('rejects the row of a cell longer than Excel allows, and keeps the others', async () => {
    const t = await table(xlsx(worksheet(`<row>${inlineCell('A1', 'akt')}</row><row>${inlineCell('A2', 'x'.repeat(40_000))}</row><row>${inlineCell('A3', 'Y')}</row>`)));
    expect(t.rows).toEqual([{ row: 3, cells: ['Y'] }]);
    expect(t.problems).toEqual([{ row: 2, message: 'Rad 2, kolumn A har fler än 32\u00a0767 tecken, mer än en cell får ha. Raden lästes inte.' }]);
  });

  it.each([
    ['not a zip at all', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('inte en riktig zip')])],
    ['a zip cut in half', xlsx(worksheet('<row/>')).subarray(0, 300)],
    ['a zip without a workbook', zip([{ name: 'a.txt', data: 'hej' }])],
    ['damaged deflate data', xlsx(Buffer.from('x'), { sheetEntry: { deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]) } })],
    ['a sheet that is not XML', xlsx('<worksheet><sheetData><row><c><v>1</c></row>')],
    ['a cell reference that is not one', xlsx(worksheet('<row><c r="1A"><v>1</v></c></row>'))],
  ])('says the file cannot be read as Excel for %s', async (_what, bytes) => {
    expect(await refusal(bytes)).toMatch(/^Filen kunde inte läsas som en Excel-fil \(\.xlsx\)/);
  });

  it('says when the first sheet is empty, and when there is no worksheet', async () => {
    expect(await refusal(xlsx(worksheet('<row r="1"><c r="A1" s="1"/></row>')))).toBe('Excel-filens första blad är tomt.');
    expect(await refusal(xlsx(worksheet(''), { parts: { 'xl/workbook.xml': '<workbook><sheets/></workbook>' } }))).toMatch(/har inget kalkylblad/);
  });
});

describe('cell references and number formats', () => {
  it('converts column letters both ways', () => {
    expect([parseCellColumn('A1'), parseCellColumn('z9'), parseCellColumn('AA10'), parseCellColumn('XFD1'), parseCellColumn('1'), parseCellColumn('A1B')]).toEqual([0, 25, 26, 16383, -1, -1]);
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(255), columnLetters(16383), columnLetters(99_999)]).toEqual(['A', 'Z', 'AA', 'IV', 'XFD', 'XFD+']);
    expect(parseCellColumn('ZZZZZZZZZZZZ1')).toBeGreaterThan(16383);
  });

  it('knows date formats from amounts, durations and text', () => {
    for (const code of ['yyyy-mm-dd', 'd/m/yy', 'mmm yyyy', '[$-41D]d mmmm yyyy', 'mmmm', 'dd/mm/yyyy h:mm']) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0 "dagar"', 'mm:ss', '[h]:mm:ss', 'h:mm AM/PM', '0%', '\\d0', '@']) expect(isDateFormatCode(code), code).toBe(false);
  });

  it('turns date serials into ISO dates, and leaves numbers no date can have', () => {
    expect([serialToIsoDate(45363, false), serialToIsoDate(61, false), serialToIsoDate(45363.75, false), serialToIsoDate(0, true)]).toEqual(['2024-03-12', '1900-03-01', '2024-03-12', '1904-01-01']);
    expect([serialToIsoDate(-1, false), serialToIsoDate(1e12, false), serialToIsoDate(Number.NaN, false)]).toEqual([undefined, undefined, undefined]);
  });

  it('resolves relationship targets to part names', () => {
    expect([resolvePartName('xl/', 'worksheets/sheet1.xml'), resolvePartName('xl/', '/xl/worksheets/s.xml'), resolvePartName('xl/', '../customXml/item.xml'), resolvePartName('', 'xl/workbook.xml')]).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/s.xml',
      'customXml/item.xml',
      'xl/workbook.xml',
    ]);
  });
});
