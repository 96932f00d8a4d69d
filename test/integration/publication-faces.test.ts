import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedResults, PublishedShareCounts } from '../../shared/contract/results';
import { testCore, type TestCore } from '../support/core';
import { docxParagraphs } from '../support/docx-text';
import { generateReview, REFERENCE_003_UNITS, REFERENCE_003_TEMPLATE } from '../support/reference-003';

/**
 * One publication set, every face (issue 14, Deliver 2): the screen's figures (results.get), the
 * json, the CSV for Excel, the workbook, the memo and Bilaga 1 show the same figure for every
 * published cell of a review shaped like reference 003 — compared cell by cell, each read the way
 * its program reads it.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decode = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');
const NBSP = '\u00a0';

let core: TestCore;
let reviewId: string;
let screen: PublishedResults;

beforeAll(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård barn 0–12 år', dnr: 'SOF 2024/543', referenceDate: '2024-12-31', units: [...REFERENCE_003_UNITS] }));
  const generated = generateReview('referens-003-ytor');
  await core.call('cases.import', { reviewId, contentBase64: b64(generated.casesCsv) });
  await core.call('answers.import', { reviewId, contentBase64: b64(generated.answersCsv) });
  screen = (await core.call('results.get', { reviewId, published: true })) as PublishedResults;
}, 60_000);
afterAll(() => core.dispose());

const shareQuestions = () => screen.questions.filter((q) => q.share);
const GROUPS = [
  ['F', 'Flickor'],
  ['M', 'Pojkar'],
  ['total', 'Totalt'],
] as const;

describe('every face prints the publication set', () => {
  it('the json is the screen’s figures, byte for byte', async () => {
    const json = await core.call('results.export', { reviewId, format: 'json', published: true });
    expect(JSON.parse(decode(json).toString('utf8'))).toEqual(screen);
  });

  it('the CSV for Excel: every group’s ja, applicable and share of every question', async () => {
    const csv = decode(await core.call('results.export', { reviewId, format: 'csv', published: true })).toString('utf8');
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean).map((line) => line.split(';'));
    const dash = (n: number | null) => (n === null ? '–' : String(n));
    const percent = (p: number | null) => (p === null ? '–' : (Math.round(p * 10) / 10).toLocaleString('sv-SE'));
    for (const q of shareQuestions()) {
      for (const [key, label] of GROUPS) {
        const c: PublishedShareCounts = q.share![key];
        const row = rows.find((r) => r[1] === String(q.number) && r[3] === label);
        expect(row?.slice(4), `fråga ${q.number}, ${label}`).toEqual([dash(c.yes), dash(c.applicable), dash(c.notApplicable), percent(c.percent)]);
      }
    }
  });

  it('the workbook: every area sheet’s share cells', async () => {
    const file = await core.call('results.export', { reviewId, format: 'xlsx', published: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(decode(file) as unknown as ArrayBuffer);
    for (const area of REFERENCE_003_TEMPLATE.areas) {
      const sheet = workbook.getWorksheet(area.name.slice(0, 31))!;
      const header = sheet.getRow(4);
      const column = (name: string) => {
        for (let c = 1; c <= header.cellCount; c++) if (header.getCell(c).value === name) return c;
        throw new Error(`no column ${name}`);
      };
      for (const q of shareQuestions().filter((s) => s.areaId === area.id)) {
        let row: ExcelJS.Row | undefined;
        sheet.eachRow((r, n) => {
          if (n > 4 && r.getCell(2).value === q.questionId && !row) row = r;
        });
        for (const [key, label] of GROUPS) {
          const c = q.share![key];
          const cell = (suffix: string) => row!.getCell(column(`${label}: ${suffix}`)).value;
          expect(cell('ja'), `fråga ${q.number}, ${label}`).toEqual(c.yes ?? '–');
          expect(cell('tillämpliga')).toEqual(c.applicable ?? '–');
          expect(cell('andel ja')).toEqual(c.percent === null ? '–' : c.percent / 100);
        }
      }
    }
  });

  it('Bilaga 1: every question’s shares and the area tables; the memo: every area’s share', async () => {
    const text = (c: PublishedShareCounts) => `${c.percent === null ? '–' : `${Math.round(c.percent)}${NBSP}%`}${c.applicable === null ? '' : ` (n = ${c.applicable})`}`;
    const bilaga = await docxParagraphs(decode(await core.call('report.export', { reviewId, document: 'bilaga1' })));
    for (const q of shareQuestions()) {
      expect(bilaga, `fråga ${q.number}`).toContain(`Andel ja: flickor ${text(q.share!.F)}, pojkar ${text(q.share!.M)}, totalt ${text(q.share!.total)}.`);
      // The area table's row: the question, then its three cells.
      const at = bilaga.findIndex((p) => p === `${q.number}. ${REFERENCE_003_TEMPLATE.questions[q.number - 1].text}`);
      expect(bilaga.slice(at + 1, at + 4)).toEqual([text(q.share!.F), text(q.share!.M), text(q.share!.total)]);
    }
    const memo = await docxParagraphs(decode(await core.call('report.export', { reviewId, document: 'memo' })));
    for (const area of screen.areas) {
      // The area's own section (its heading, then its text) names the area's published share.
      const at = memo.lastIndexOf(area.name);
      expect(at, area.name).toBeGreaterThan(0);
      expect(memo.slice(at + 1, at + 4).join(' '), area.name).toContain(`${Math.round(area.share!.total.percent!)}${NBSP}%`);
    }
  });
});
