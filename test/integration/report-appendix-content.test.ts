import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, ExternalHyperlink, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { APPENDIX_SCAN_LIMITS } from '../../main/core/report/appendix-content-scan';
import { testCore, type TestCore } from '../support/core';
import { docx as builtDocx, para, PNG, xlsx as builtXlsx } from '../support/hostile-office';
import { simplePdf } from '../support/pdf';
import { repeatedDeflate, zip } from '../support/zip';

/*
 * Issue 9: an attached Word document or workbook is searched for identity numbers before it is
 * stored, since the board package hands it on unchanged. Only Skatteverket's published test
 * numbers are used.
 */

const BOY = '20170101-2393';
const b64 = (content: Uint8Array) => Buffer.from(content).toString('base64');

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

async function secretary() {
  const core = testCore();
  opened.push(core);
  const { id: reviewId } = await core.call('reviews.createExample', {});
  await core.call('profile.save', { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' });
  const add = (fileName: string, content: Uint8Array) => core.call('appendix.add', { reviewId, fileName, title: 'Yttrande', contentBase64: b64(content) });
  const refused = (fileName: string, content: Uint8Array) => core.fails('appendix.add', { reviewId, fileName, title: 'Yttrande', contentBase64: b64(content) });
  const stored = () => core.db.prepare('SELECT COUNT(*) FROM appendix').pluck().get() as number;
  return { core, reviewId, add, refused, stored };
}

/** A real Word document (the docx library, as Word would open it) with a body, a header, a footer and a footnote. */
async function wordDocument(parts: { body?: TextRun[]; header?: string; footer?: string; footnote?: string }): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph(parts.footnote ?? 'Källa: Socialstyrelsen 2024.')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(parts.header ?? 'Tjänsteutlåtande')] }) },
        footers: { default: new Footer({ children: [new Paragraph(parts.footer ?? 'Dnr SOF 2024/543')] }) },
        children: [new Paragraph({ children: parts.body ?? [new TextRun('Yttrande från stadsdelsnämnden, telefon 08-508 252 62, den 12 mars 2024.')] })],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A real workbook (ExcelJS): strings go to the shared strings table, numbers stay numbers. */
async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Statistik');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

describe('an attached Word document', () => {
  it('passes when it holds no identity number, dates and phone numbers included', async () => {
    const { add } = await secretary();
    expect(await add('yttrande.docx', await wordDocument({}))).toMatchObject({ kind: 'docx', number: 2 });
  });

  it('is refused for a number in the body, even split over runs as Word splits them, naming the part, never the number', async () => {
    const { refused, stored } = await secretary();
    const split = await wordDocument({ body: [new TextRun('Barnet med nummer 20170101'), new TextRun({ text: '-23', bold: true }), new TextRun('93 har utretts.')] });
    const error = await refused('yttrande.docx', split);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'Bilagan innehåller något som ser ut som ett personnummer (i dokumentets text: word/document.xml). Ta bort det i filen och bifoga den på nytt. Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.',
      issues: [{ path: '$.contentBase64', message: expect.stringMatching(/^Bilagan innehåller/) }],
    });
    expect(JSON.stringify(error)).not.toMatch(/2393|20170101/);
    expect(stored()).toBe(0);
  });

  it('is refused for a number in a header, a footer or a footnote, each named', async () => {
    const { refused, stored } = await secretary();
    expect((await refused('a.docx', await wordDocument({ header: `Gäller ${BOY}` }))).message).toMatch(/\(i ett sidhuvud: word\/header\d*\.xml\)/);
    expect((await refused('b.docx', await wordDocument({ footer: BOY }))).message).toMatch(/\(i en sidfot: word\/footer\d*\.xml\)/);
    expect((await refused('c.docx', await wordDocument({ footnote: `Se akt ${BOY.replace('-', '')}.` }))).message).toMatch(/\(i fotnoterna: word\/footnotes\.xml\)/);
    expect((await refused('d.docx', await wordDocument({ header: 'Samordningsnummer 19140168-2396' }))).message).toMatch(/^Bilagan innehåller något som ser ut som ett samordningsnummer \(i ett sidhuvud/);
    expect(stored()).toBe(0);
  });

  it('refuses a zip bomb in the body with a Swedish message, without inflating it', async () => {
    const { refused, stored } = await secretary();
    const times = Math.ceil((APPENDIX_SCAN_LIMITS.textBytes + 1) / 1000) + 10;
    const bomb = zip([
      { name: '[Content_Types].xml', data: DOCX_TYPES },
      { name: 'word/document.xml', data: '', deflated: repeatedDeflate(`<w:p><w:r><w:t>${'a'.repeat(967)}</w:t></w:r></w:p>`, times, '<w:document><w:body>', '</w:body></w:document>') },
    ]);
    const error = await refused('bomb.docx', bomb);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      'Filen "bomb.docx" packas upp till mer än 20 MB text och kan inte kontrolleras för personnummer; den kan vara skadad eller gjord för att sänka programmet. Dela upp den eller spara den som PDF.',
    );
    expect(stored()).toBe(0);
  });
  it('refuses a document whose text cannot be read through, rather than attach it unchecked', async () => {
    const { refused, stored } = await secretary();
    const cut = zip([
      { name: '[Content_Types].xml', data: DOCX_TYPES },
      { name: 'word/document.xml', data: '<w:document><w:body><w:p><w:r><w:t>Yttrande' },
    ]);
    expect((await refused('trasig.docx', cut)).message).toBe('Filen "trasig.docx" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer (den kan vara skadad). Spara den på nytt och bifoga den igen.');
    expect(stored()).toBe(0);
  });
});

describe('an attached workbook', () => {
  it('passes with ordinary figures and texts', async () => {
    const { add } = await secretary();
    expect(await add('statistik.xlsx', await workbook([['Enhet', 'Antal', 'Datum'], ['Norr', 12, '2024-03-12'], ['Söder', 1234.5, '08-508 252 62']]))).toMatchObject({ kind: 'xlsx' });
  });

  it('is refused for a number in a shared string, naming the part', async () => {
    const { refused, stored } = await secretary();
    const error = await refused('statistik.xlsx', await workbook([['Akt', 'Kommentar'], ['A1', `Gäller ${BOY}`]]));
    expect(error.message).toMatch(/^Bilagan innehåller något som ser ut som ett personnummer \(i arbetsbokens texter: xl\/sharedStrings\.xml\)\./);
    expect(JSON.stringify(error)).not.toMatch(/2393/);
    expect(stored()).toBe(0);
  });

  it('is refused for a number Excel keeps as a number, naming the cell', async () => {
    const { refused } = await secretary();
    const error = await refused('statistik.xlsx', await workbook([['Akt', 'Nummer'], ['A1', 201701012393]]));
    expect(error.message).toMatch(/\(i ett kalkylblad, cell B2: xl\/worksheets\/sheet1\.xml\)/);
  });

  it('is refused for a number in an inline string or in exponent form', async () => {
    const { refused } = await secretary();
    const sheet = (cell: string) =>
      zip([
        { name: '[Content_Types].xml', data: XLSX_TYPES },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: `<worksheet><sheetData><row r="1">${cell}</row></sheetData></worksheet>` },
      ]);
    expect((await refused('a.xlsx', sheet(`<c r="C1" t="inlineStr"><is><r><t>2017010</t></r><r><t>1-2393</t></r></is></c>`))).message).toMatch(/cell C1: xl\/worksheets\/sheet1\.xml/);
    expect((await refused('b.xlsx', sheet(`<c r="D1"><v>2.01701012393E+11</v></c>`))).message).toMatch(/cell D1/);
  });
});

describe('an attached Office file, read through its relationships as Word and Excel read it (issue 16)', () => {
  const frame = (where: string) => `Bilagan innehåller något som ser ut som ett personnummer (${where}). Ta bort det i filen och bifoga den på nytt. Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.`;

  it('refuses a Word document whose main part has another name, naming the place', async () => {
    const { add, refused, stored } = await secretary();
    expect(await add('ren.docx', builtDocx({ main: 'word/main.xml' }))).toMatchObject({ kind: 'docx' });
    const error = await refused('yttrande.docx', builtDocx({ main: 'word/main.xml', body: para(`Barnet ${BOY} har utretts.`) }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: frame('i dokumentets text: word/main.xml') });
    expect(JSON.stringify(error)).not.toMatch(/2393|20170101/);
    expect(stored()).toBe(1);
  });

  it('refuses a workbook whose sheet has another name, naming the place and the cell', async () => {
    const { add, refused, stored } = await secretary();
    expect(await add('ren.xlsx', builtXlsx({ sheetPart: 'xl/worksheets/data.xml' }))).toMatchObject({ kind: 'xlsx' });
    const error = await refused('statistik.xlsx', builtXlsx({ sheetPart: 'xl/worksheets/data.xml', cells: `<c r="A3" t="inlineStr"><is><t>Barnet ${BOY}</t></is></c>` }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: frame('i ett kalkylblad, cell A3: xl/worksheets/data.xml') });
    expect(stored()).toBe(1);
  });

  it('passes a real Word document with properties, a link, a picture with alt text and a comment', async () => {
    const { add } = await secretary();
    const doc = new Document({
      title: 'Yttrande över granskning av barnavårdsutredningar',
      subject: 'Dnr SOF 2024/543',
      creator: 'Stadsdelsförvaltningen',
      keywords: 'granskning, 2024-03-12',
      description: 'Telefon 08-508 252 62',
      comments: { children: [{ id: 0, author: 'Handläggare', date: new Date('2024-03-12T09:30:00Z'), children: [new Paragraph('Kontrollera siffrorna för 2023.')] }] },
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new CommentRangeStart(0),
                new TextRun('Se '),
                new ExternalHyperlink({ link: 'https://www.socialstyrelsen.se/statistik-och-data/?year=2024&id=543', children: [new TextRun('Socialstyrelsen')] }),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
              ],
            }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 }, altText: { name: 'Logotyp', title: 'Logotyp', description: 'Stadsdelens logotyp, 2024' } })] }),
          ],
        },
      ],
    });
    expect(await add('yttrande.docx', await Packer.toBuffer(doc))).toMatchObject({ kind: 'docx' });
  });

  it('passes a real workbook with formulas, a note, a header and footer, a defined name, a list validation and a link', async () => {
    const { add } = await secretary();
    const book = new ExcelJS.Workbook();
    book.creator = 'Stadsdelsförvaltningen';
    book.title = 'Statistik 2024';
    const sheet = book.addWorksheet('Statistik 2024', { headerFooter: { oddHeader: '&LStadsdelsförvaltningen&R&D', oddFooter: '&CSida &P av &N' } });
    sheet.addRow(['Enhet', 'Antal', 'Andel', 'Länk']);
    sheet.addRow(['Norr', 12, { formula: 'B2/SUM(B2:B3)', result: 0.5 }, { text: 'Källa', hyperlink: 'https://www.socialstyrelsen.se/?id=2024-543' }]);
    sheet.addRow(['Söder', 12, { formula: 'B3/SUM(B2:B3)&" av totalen"', result: '0.5 av totalen' }]);
    sheet.getCell('A2').note = 'Uppgift från 2024-03-12, telefon 08-508 252 62.';
    sheet.getCell('A4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Norr,Söder,Väster"'] };
    book.definedNames.add("'Statistik 2024'!$B$2:$B$3", 'Antal');
    expect(await add('statistik.xlsx', Buffer.from(await book.xlsx.writeBuffer()))).toMatchObject({ kind: 'xlsx' });
  });
});

describe('an attached PDF', () => {
  // The PDF's own places (pages, properties, comments, fields, unreadable files) are in report-appendix-pdf.test.ts.
  it('is read through like the Office files: its text is searched, a personnummer refused and nothing stored', async () => {
    const { add, refused, stored } = await secretary();
    expect((await refused('yttrande.pdf', simplePdf('Yttrande', `Gäller ${BOY}`))).message).toMatch(/personnummer/);
    expect(stored()).toBe(0);
    expect(await add('yttrande.pdf', simplePdf('Yttrande från stadsdelsnämnden Norr.'))).toMatchObject({ kind: 'pdf' });
  });
});
