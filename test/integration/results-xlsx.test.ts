import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import { SIX_QUALITY_AREAS } from '../../shared/templates/defaults';
import { tidyCsv } from '../../shared/results/tidy-csv';
import { excelCsv } from '../../shared/results/excel-csv';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

/**
 * Issue 8 §4: the results as an xlsx workbook (and csv/json files) through results.export. Every
 * expected figure is worked out by hand from the fixture; the workbook is read back with exceljs.
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');
const BOY = '20170101-2393';
const GIRL = '20190408-2383';

const TEMPLATE = miniTemplate({
  id: 'resultat',
  name: 'Resultatmall',
  questions: [
    { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?', required: true },
    {
      id: 'J1',
      area: 'sjalvbestammande',
      type: 'choice',
      text: 'Framgår barnets åsikt?',
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt' },
      ],
    },
    { id: 'A1', area: 'tillganglighet', type: 'date', text: 'Beslutsdatum' },
  ],
});

// T1: girls 12 ja + 10 nej, boys 11 ja + 2 nej (the small cell). J1: girls 6 ja, boys 5 ja.
const girls = Array.from({ length: 22 }, (_, i) => ({ ref: `F${i + 1}`, sex: 'flicka', t1: i < 12 ? 'ja' : 'nej', j1: i < 6 ? 'ja' : undefined }));
const boys = Array.from({ length: 13 }, (_, i) => ({ ref: `M${i + 1}`, sex: 'pojke', t1: i < 11 ? 'ja' : 'nej', j1: i < 5 ? 'ja' : undefined }));

let core: TestCore;
let reviewId: string;

beforeEach(async () => {
  core = testCore();
  await core.call('templates.import', { document: TEMPLATE });
  ({ id: reviewId } = await core.call('reviews.create', {
    templateId: 'resultat',
    title: 'Barn i öppenvård',
    dnr: 'SOF 2024/543',
    periodFrom: '2024-01-01',
    periodTo: '2024-06-30',
    referenceDate: '2024-12-31',
    units: ['Enhet A'],
  }));
  await core.call('cases.import', { reviewId, contentBase64: b64(`akt;enhet;kön;ålder\n${[...girls, ...boys].map((f) => `${f.ref};Enhet A;${f.sex};8`).join('\n')}\n`) });
  // Two files whose sex and age come from a personnummer: the number itself must reach no cell.
  await core.call('cases.import', { reviewId, contentBase64: b64(`akt;enhet;personnummer\nP1;Enhet A;${BOY}\nP2;Enhet A;${GIRL}\n`) });
  const ids = new Map((await core.call('cases.list', { reviewId })).cases.map((c) => [c.ref, c.id]));
  for (const file of [...girls, ...boys]) {
    await core.call('answers.save', { reviewId, caseId: ids.get(file.ref)!, questionId: 'T1', value: file.t1 });
    if (file.j1) await core.call('answers.save', { reviewId, caseId: ids.get(file.ref)!, questionId: 'J1', value: file.j1 });
  }
  for (const ref of ['P1', 'P2']) await core.call('answers.save', { reviewId, caseId: ids.get(ref)!, questionId: 'A1', value: '2024-03-12' });
});
afterEach(() => core.dispose());

async function exportWorkbook(input: { published?: boolean; filters?: { field: string; value: string | null }[] } = {}) {
  const file = await core.call('results.export', { reviewId, format: 'xlsx', ...input });
  const bytes = Buffer.from(file.contentBase64, 'base64');
  expect(bytes.length).toBe(file.bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { file, workbook };
}

const AREA_SHEETS = SIX_QUALITY_AREAS.map((a) => a.name.slice(0, 31));

/** The row whose column `col` holds `value` (first match), within a sheet. */
function rowWith(sheet: ExcelJS.Worksheet, col: number, value: unknown, from = 1): ExcelJS.Row {
  for (let r = from; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col).value === value) return sheet.getRow(r);
  throw new Error(`No row with ${String(value)} in column ${col} of ${sheet.name}`);
}

/** A column's number by its header text in row `headerRow`. */
function columnOf(sheet: ExcelJS.Worksheet, headerRow: number, header: string): number {
  const row = sheet.getRow(headerRow);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`No column ${header} in ${sheet.name}`);
}

const noteText = (cell: ExcelJS.Cell): string => {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  return ((note as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join('');
};

/** Every text in the workbook: cell values, notes, sheet names and properties. */
function allTexts(workbook: ExcelJS.Workbook): string[] {
  const texts = [workbook.creator, workbook.title, workbook.subject ?? ''];
  workbook.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value instanceof Date ? cell.value.toISOString() : cell.value), noteText(cell))));
  });
  return texts;
}

describe('results.export as xlsx, internal view', () => {
  it('has the summary, one sheet per area, the raw answers and the code book, each with frozen header rows', async () => {
    const { file, workbook } = await exportWorkbook();
    expect(file.fileName).toBe('Resultat – SOF 2024-543 – internt.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', ...AREA_SHEETS, 'Svar', 'Kodbok']);
    expect(workbook.creator).toBe('Granskningsbänken');
    expect(workbook.title).toBe('Resultat – Barn i öppenvård');
    const frozen = Object.fromEntries(workbook.worksheets.map((s) => [s.name, s.views[0]]));
    expect(frozen.Sammanfattning).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(frozen['Trygghet och säkerhet']).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(frozen.Svar).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(frozen.Kodbok).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const sheet of workbook.worksheets) for (const column of sheet.columns ?? []) if (column.width !== undefined) expect(column.width).toBeLessThanOrEqual(60);
  });

  it('writes counts as numbers and shares as percentages, by sex', async () => {
    const { workbook } = await exportWorkbook();
    const summary = workbook.getWorksheet('Sammanfattning')!;
    expect(summary.getCell('A2').value).toBe('Internt – visa inte utanför förvaltningen');
    expect(rowWith(summary, 1, 'Dnr').getCell(2).value).toBe('SOF 2024/543');
    expect(rowWith(summary, 1, 'Period').getCell(2).value).toBe('2024-01-01 – 2024-06-30');
    expect(rowWith(summary, 1, 'Mall').getCell(2).value).toBe('Resultatmall, version 1');
    // 22 + 1 girls, 13 + 1 boys (P2 and P1 by their personnummer), none unknown.
    const basis = rowWith(summary, 1, 'Akter som räknas');
    expect([2, 3, 4, 5].map((c) => basis.getCell(c).value)).toEqual([23, 14, 0, 37]);
    const trygghet = rowWith(summary, 1, 'Trygghet och säkerhet', 10);
    expect(trygghet.getCell(2).value).toBe(12);
    expect(trygghet.getCell(4).value).toBeCloseTo(12 / 22, 12);
    expect(trygghet.getCell(4).numFmt).toBe('0%');

    const sheet = workbook.getWorksheet('Trygghet och säkerhet')!;
    expect(sheet.getCell('A2').value).toBe('Internt – visa inte utanför förvaltningen');
    const t1 = rowWith(sheet, 2, 'T1');
    expect(t1.getCell(1).value).toBe(1);
    expect(t1.getCell(3).value).toBe('Finns ett beslut?');
    expect(t1.getCell(columnOf(sheet, 4, 'Besvarade akter')).value).toBe(35);
    const girlsYes = t1.getCell(columnOf(sheet, 4, 'Flickor: ja'));
    expect(girlsYes.value).toBe(12);
    expect(girlsYes.numFmt).toBe('#,##0');
    expect(t1.getCell(columnOf(sheet, 4, 'Flickor: tillämpliga')).value).toBe(22);
    const girlsShare = t1.getCell(columnOf(sheet, 4, 'Flickor: andel ja'));
    expect(girlsShare.value).toBeCloseTo(12 / 22, 12);
    expect(girlsShare.numFmt).toBe('0%');
    expect(t1.getCell(columnOf(sheet, 4, 'Totalt: andel ja')).value).toBeCloseTo(23 / 35, 12);
    expect(String(t1.getCell(columnOf(sheet, 4, 'Bedömning')).value)).toMatch(/./);

    // The answer × sex table, with the scale's labels and the sums.
    const nej = rowWith(sheet, 2, 'nej', 6);
    expect(nej.getCell(3).value).toBe('Nej');
    expect([4, 5, 6, 7].map((c) => nej.getCell(c).value)).toEqual([10, 2, 0, 12]);
    const sums = rowWith(sheet, 3, 'Summa');
    expect([4, 5, 6, 7].map((c) => sums.getCell(c).value)).toEqual([22, 13, 0, 35]);
  });

  it('lists every counted answer on "Svar", as many per question as results.get counts, and explains every code', async () => {
    const { workbook } = await exportWorkbook();
    const raw = workbook.getWorksheet('Svar')!;
    expect(raw.getRow(1).values).toEqual([undefined, 'Akt', 'Enhet', 'Kön', 'Åldersgrupp', 'Nr', 'Fråga', 'Svar', 'Svarskod']);
    const rows = Array.from({ length: raw.rowCount - 1 }, (_, i) => raw.getRow(i + 2));
    const results = await core.call('results.get', { reviewId });
    for (const q of results.questions) expect(rows.filter((r) => r.getCell(6).value === q.questionId).length, q.questionId).toBe(q.answered);
    const f1 = rows.find((r) => r.getCell(1).value === 'F1' && r.getCell(6).value === 'T1')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => f1.getCell(c).value)).toEqual(['F1', 'Enhet A', 'Flicka', '6-12', 1, 'T1', 'Ja', 'ja']);
    const p1 = rows.find((r) => r.getCell(1).value === 'P1')!;
    expect(p1.getCell(3).value).toBe('Pojke');
    expect(p1.getCell(7).value).toEqual(new Date('2024-03-12T00:00:00.000Z'));

    const codebook = workbook.getWorksheet('Kodbok')!;
    const header = codebook.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Nr', 'Fråga', 'Område']);
    const notApplicable = Array.from({ length: codebook.rowCount }, (_, i) => codebook.getRow(i + 1)).find((r) => r.getCell(2).value === 'T1' && r.getCell(9).value === 'ej_tillampligt')!;
    expect(notApplicable.getCell(10).value).toBe('Ej tillämpligt');
    expect(notApplicable.getCell(11).value).toBe('Nej');
    expect(notApplicable.getCell(7).value).toBe('Ja');
    expect(rowWith(codebook, 2, 'A1').getCell(5).value).toBe('Datum');
  });

  it('follows the screen\'s filters in every sheet and names them on the summary', async () => {
    const { workbook } = await exportWorkbook({ filters: [{ field: 'question:T1', value: 'nej' }] });
    const summary = workbook.getWorksheet('Sammanfattning')!;
    expect(rowWith(summary, 1, 'Urval').getCell(2).value).toBe('Fråga 1 (T1): Finns ett beslut?: Nej');
    const raw = workbook.getWorksheet('Svar')!;
    const refs = new Set(Array.from({ length: raw.rowCount - 1 }, (_, i) => raw.getRow(i + 2).getCell(1).value));
    // The 10 girls and 2 boys who answered nej, and nobody else.
    expect(refs.size).toBe(12);
    expect([...refs].every((ref) => String(ref).startsWith('F') || ['M12', 'M13'].includes(String(ref)))).toBe(true);
    const unfiltered = await exportWorkbook();
    expect(rowWith(unfiltered.workbook.getWorksheet('Sammanfattning')!, 1, 'Urval').getCell(2).value).toBe('Alla räknade akter (inga filter)');
  });

  it('lists only the counted files on "Svar" once a sample exists: never a dropped file', async () => {
    const { id: sampled } = await core.call('reviews.create', { templateId: 'resultat', title: 'Med urval', referenceDate: '2024-12-31', units: ['Enhet A', 'Enhet B'] });
    await core.call('cases.import', { reviewId: sampled, contentBase64: b64('akt;enhet;kön\nY1;Enhet B;flicka\nX1;Enhet A;pojke\nX2;Enhet A;pojke\n') });
    await core.call('sampling.draw', { reviewId: sampled, method: { kind: 'all' }, seed: 'urval' });
    const ids = new Map((await core.call('cases.list', { reviewId: sampled })).cases.map((c) => [c.ref, c.id]));
    for (const ref of ['Y1', 'X1', 'X2']) await core.call('answers.save', { reviewId: sampled, caseId: ids.get(ref)!, questionId: 'T1', value: 'ja' });
    await core.call('sampling.dropout', { reviewId: sampled, caseId: ids.get('X2')!, reason: 'ej_framtagbar' });

    const file = await core.call('results.export', { reviewId: sampled, format: 'xlsx' });
    expect(file.fileName).toBe('Resultat – Med urval – internt.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const raw = workbook.getWorksheet('Svar')!;
    // The review's unit order (Enhet A before Enhet B), not the import order.
    expect(Array.from({ length: raw.rowCount - 1 }, (_, i) => raw.getRow(i + 2).getCell(1).value)).toEqual(['X1', 'Y1']);
    expect((await core.call('results.get', { reviewId: sampled })).questions[0].answered).toBe(2);
  });

  it('carries no personnummer anywhere', async () => {
    for (const published of [false, true]) {
      const { workbook } = await exportWorkbook({ published });
      const hits = allTexts(workbook).flatMap((text) => findIdentityNumbers(text));
      expect(hits).toEqual([]);
      expect(allTexts(workbook).join('\n')).not.toMatch(/2393|2383/);
    }
  });
});

describe('results.export as xlsx, published view', () => {
  it('leaves out the raw answers, says so, and shows withheld figures as – with the reason', async () => {
    const { file, workbook } = await exportWorkbook({ published: true });
    expect(file.fileName).toBe('Resultat – SOF 2024-543 – publicerad.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', ...AREA_SHEETS, 'Kodbok']);
    const summary = workbook.getWorksheet('Sammanfattning')!;
    expect(summary.getCell('A2').value).toBe('Publicerad – granskningens publiceringsunderlag, gräns 5 akter');
    expect(String(rowWith(summary, 1, 'Rådata').getCell(2).value)).toContain('ingår inte i den publicerade versionen');

    // T1: the answers over the covered files, one count per answer, exactly the set's.
    const trygghet = workbook.getWorksheet('Trygghet och säkerhet')!;
    const nej = rowWith(trygghet, 2, 'nej', 6);
    expect(nej.getCell(4).value).toBe(12);
    const t1 = rowWith(trygghet, 2, 'T1');
    expect(t1.getCell(columnOf(trygghet, 4, 'Pojkar: ja')).value).toBe(11);
    expect(t1.getCell(columnOf(trygghet, 4, 'Pojkar: tillämpliga')).value).toBe(13);
    const unknown = t1.getCell(columnOf(trygghet, 4, 'Okänt kön: ja'));
    expect(unknown.value).toBe('–');
    expect(noteText(unknown)).toContain('bara i underlaget');

    // J1: 11 of 11 ja overall is published (100 %); the girls' 6 applicable are under 10.
    const sheet = workbook.getWorksheet('Självbestämmande och integritet')!;
    const j1 = rowWith(sheet, 2, 'J1');
    const total = j1.getCell(columnOf(sheet, 4, 'Totalt: andel ja'));
    expect(total.value).toBe(1);
    expect(total.numFmt).toBe('0%');
    const girlsShare = j1.getCell(columnOf(sheet, 4, 'Flickor: andel ja'));
    expect(girlsShare.value).toBe('–');
    expect(noteText(girlsShare)).toContain('minst 10');
    // Never called a small number when it is withheld for another reason.
    expect(noteText(j1.getCell(columnOf(sheet, 4, 'Flickor: ja')))).not.toContain('färre än 5 akter');
  });

  it('takes no threshold of its own and no filters in the published view', async () => {
    expect((await core.fails('results.export', { reviewId, format: 'xlsx', published: true, threshold: 12 })).code).toBe('VALIDATION');
    expect((await core.fails('results.export', { reviewId, format: 'xlsx', published: true, filters: [{ field: 'unit', value: 'Enhet A' }] })).code).toBe('VALIDATION');
    expect((await core.fails('results.export', { reviewId, format: 'pdf' })).code).toBe('VALIDATION');
    expect((await core.fails('results.export', { reviewId: 'g-finnsinte', format: 'xlsx' })).code).toBe('NOT_FOUND');
  });
});

describe('results.export as csv and json', () => {
  it('gives the same content as results.get, named by the view; csv for Excel by default, tidy when asked', async () => {
    const published = await core.call('results.get', { reviewId, published: true });
    const csv = await core.call('results.export', { reviewId, format: 'csv', published: true });
    expect(csv).toMatchObject({ fileName: 'Resultat – SOF 2024-543 – publicerad.csv', mimeType: 'text/csv' });
    const template = (await core.call('templates.get', { id: 'resultat' })).template;
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toBe(excelCsv(published, template));
    const pubJson = await core.call('results.export', { reviewId, format: 'json', published: true });
    expect(JSON.parse(Buffer.from(pubJson.contentBase64, 'base64').toString('utf8'))).toEqual(published);
    const internal = await core.call('results.get', { reviewId });
    const tidy = await core.call('results.export', { reviewId, format: 'csv', csvLayout: 'tidy' });
    expect(Buffer.from(tidy.contentBase64, 'base64').toString('utf8')).toBe(tidyCsv(internal));
    const json = await core.call('results.export', { reviewId, format: 'json' });
    expect(json.fileName).toBe('Resultat – SOF 2024-543 – internt.json');
    expect(JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8'))).toEqual(internal);
  });
});

describe('granska results --format xlsx', () => {
  it('writes the workbook owner-only with --out, and refuses to print it', async () => {
    const out = path.join(core.dir, 'resultat.xlsx');
    const run = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'xlsx', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Skrev resultaten (xlsx)');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', ...AREA_SHEETS, 'Svar', 'Kodbok']);
    // No temporary file is left beside it.
    expect(fs.readdirSync(core.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const publishedOut = path.join(core.dir, 'publicerad.xlsx');
    expect(granska(['--db', core.dbPath, 'results', reviewId, '--published', '--format', 'xlsx', '--out', publishedOut]).code).toBe(0);
    const published = new ExcelJS.Workbook();
    await published.xlsx.readFile(publishedOut);
    expect(published.worksheets.map((s) => s.name)).not.toContain('Svar');

    const bare = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'xlsx']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('En Excel-arbetsbok skrivs inte till skärmen');
    expect(bare.stdout).toBe('');
  });
});
