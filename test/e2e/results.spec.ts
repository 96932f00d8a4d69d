import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { callApi, expect, expectAccessible, test } from './fixtures';
import { yesNoTemplate } from '../support/template-fixtures';
import { ResultsPage } from './pages/ResultsPage';

/** Two yes/no questions in one area: enough for shares by sex, suppression and a drill-down. */
function resultsTemplate(): Template {
  return yesNoTemplate('e2e-resultat', 'Resultat');
}

/** 24 files, twelve per unit; odd numbers are girls, even boys. No personal identity numbers. */
const refs = ['A', 'B'].flatMap((unit) => Array.from({ length: 12 }, (_, i) => ({ ref: `${unit}-${String(i + 1).padStart(2, '0')}`, unit: `Enhet ${unit}`, girl: i % 2 === 0 })));
const CASE_LIST = ['akt;kön;enhet', ...refs.map((r) => `${r.ref};${r.girl ? 'flicka' : 'pojke'};${r.unit}`), ''].join('\r\n');

/**
 * Q1: girls ja 10, nej 2; boys ja 6 (Enhet A), nej 6 (Enhet B).
 * So: flickor 83 % (10 av 12), pojkar 50 % (6 av 12); in Enhet A girls ja 4, nej 2 and boys ja 6.
 */
function q1Answer(r: (typeof refs)[number]): string {
  if (r.girl) return r.ref === 'A-01' || r.ref === 'A-03' ? 'nej' : 'ja';
  return r.unit === 'Enhet A' ? 'ja' : 'nej';
}

async function reviewWithAnswers(page: Page, server: ServerHandle): Promise<string> {
  const template = resultsTemplate();
  await callApi(page, server, 'templates.import', { document: template });
  const { id: reviewId } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: template.id,
    title: 'Öppenvård barn 0–12 år',
    dnr: 'SOF 2024/543',
    referenceDate: '2024-12-31',
    units: ['Enhet A', 'Enhet B'],
  });
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(CASE_LIST, 'utf-8').toString('base64') });
  await callApi(page, server, 'sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'e2e-resultat' });
  const { cases } = await callApi<{ cases: { id: string; ref: string }[] }>(page, server, 'cases.list', { reviewId });
  const idOf = new Map(cases.map((c) => [c.ref, c.id]));
  for (const r of refs) {
    await callApi(page, server, 'answers.save', { reviewId, caseId: idOf.get(r.ref), questionId: 'Q1', value: q1Answer(r) });
    await callApi(page, server, 'answers.save', { reviewId, caseId: idOf.get(r.ref), questionId: 'Q2', value: 'ja' });
  }
  // Two files done: the basis says how many of the counted files are finished.
  for (const ref of ['A-01', 'A-02']) await callApi(page, server, 'cases.setDone', { reviewId, caseId: idOf.get(ref), done: true });
  return reviewId;
}

test('the results view: shares split by sex, the published version is the publication set, filters, the files behind a count', async ({ app: page, server }) => {
  const reviewId = await reviewWithAnswers(page, server);
  const results = new ResultsPage(page);

  // From the review page: "Resultat".
  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await page.getByRole('link', { name: 'Resultat', exact: true }).click();
  await expect(results.heading).toHaveText('Resultat – Öppenvård barn 0–12 år');
  await expect(results.mode).toContainText('Internt – visa inte utanför förvaltningen');
  await expect(results.basis).toHaveText('Underlag: 24 akter (flickor 12, pojkar 12), varav 2 klara');

  // The split by sex: counts per answer and the share ja with its interval, in the chart and in words.
  await expect(results.answerRow(1, 'Ja')).toHaveText(['10', '6', '16']);
  await expect(results.answerRow(1, 'Nej')).toHaveText(['2', '6', '8']);
  await expect(results.chart(1)).toHaveAttribute('aria-label', /^Andel ja per kön: flickor 83\u00a0% \(10 av 12; 95 % konfidensintervall \d+–\d+\u00a0%\), pojkar 50\u00a0% \(6 av 12; /);
  await expect(results.question(1)).toContainText('24 av 24 besvarade');
  await expect(results.question(1).locator('[data-sex="F"]')).toContainText('83\u00a0%');
  await expect(page.locator('body')).not.toContainText('NaN');
  await expectAccessible(page);

  // The files behind a count: girls who answered Nej, each linked to its scoring screen.
  await results.answerRow(1, 'Nej').first().getByRole('button').click();
  const panel = results.casesPanel;
  await expect(panel.getByRole('heading')).toHaveText('Akterna bakom ”Nej, flickor” (2)');
  await expect(panel.getByRole('link')).toHaveText(['A-01', 'A-03']);
  await expect(panel.getByRole('link', { name: 'A-01' })).toHaveAttribute('href', /^#\/granskningar\/[^/]+\/akt\/[^/]+$/);
  await panel.getByRole('button', { name: 'Stäng' }).click();
  await expect(panel).toHaveCount(0);

  // The published version: the review's publication set — the answers in all, the shares by sex with
  // their n (12 girls, 12 boys: both printed), no filters and no drill-down.
  await results.publishedSwitch.check();
  await expect(results.mode).toContainText('Publicerad version – granskningens publiceringsunderlag (gräns 5 akter)');
  await expect(results.question(1).getByRole('table', { name: 'Svar, fråga 1' }).getByRole('row', { name: /^Nej/ }).getByRole('cell')).toHaveText(['8']);
  await expect(results.question(1).locator('[data-sex="F"]')).toContainText('83 %');
  await expect(results.question(1).getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('publication-notes')).toContainText('Totalt avser flickor och pojkar.');
  await expect(results.filter('Enhet')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('NaN');
  await expectAccessible(page);
  await results.publishedSwitch.uncheck();
  await expect(results.mode).toContainText('Internt');

  // A filter: Enhet A only.
  await results.filter('Enhet').selectOption({ label: 'Enhet A' });
  await expect(results.basis).toHaveText('Underlag: 12 akter (flickor 6, pojkar 6), varav 2 klara');
  await expect(page.getByTestId('results-filters')).toHaveText('Filtrerat: Enhet: Enhet A');
  await expect(results.answerRow(1, 'Ja')).toHaveText(['4', '6', '10']);

  // And a split by unit on top: a share per unit and sex under each question.
  await results.filter('Enhet').selectOption({ label: 'Alla' });
  await results.filter('Dela upp efter').selectOption({ label: 'Enhet' });
  const groups = results.question(1).getByRole('table', { name: 'Andel ja uppdelat efter: Enhet' });
  await expect(groups.getByRole('row', { name: /^Enhet B/ }).getByRole('cell').first()).toContainText('100\u00a0%');
  await expect(groups.getByRole('row', { name: /^Enhet A/ }).getByRole('cell').nth(1)).toContainText('100\u00a0%');
});

test('the results export: the Excel workbook as shown (internal), with its summary and code book', async ({ app: page, server }) => {
  const reviewId = await reviewWithAnswers(page, server);
  const results = new ResultsPage(page);
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/resultat`);
  await expect(results.basis).toContainText('Underlag: 24 akter');

  await page.getByText('Exportera', { exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (.xlsx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheets = workbook.worksheets.map((s) => s.name);
  expect(sheets[0]).toBe('Sammanfattning');
  expect(sheets).toContain('Kodbok');
  expect(sheets).toContain('Svar');
  await expect(page.locator('#app-status')).toContainText('Resultaten sparades');
});
