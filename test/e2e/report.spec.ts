import fs from 'node:fs';
import JSZip from 'jszip';
import type { Download, Page } from '@playwright/test';
import type { Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { callApi, expect, expectAccessible, saveProfile, test } from './fixtures';
import { yesNoTemplate } from '../support/template-fixtures';
import { ReportPage } from './pages/ReportPage';

/** One area, two yes/no questions: enough for a memo with a generated area section. */
function reportTemplate(): Template {
  return yesNoTemplate('e2e-utlatande', 'Utlåtande');
}

const HEAD = { name: 'Anna Avdelningschef', title: 'Avdelningschef', role: 'avdelningschef' } as const;
const SECRETARY = { name: 'Sara Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' } as const;

/** A review with 20 made-up files (no personal identity numbers), all scored. */
async function scoredReview(page: Page, server: ServerHandle): Promise<string> {
  const template = reportTemplate();
  await callApi(page, server, 'templates.import', { document: template });
  const { id: reviewId } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: template.id,
    title: 'Öppenvård barn 0–12 år',
    dnr: 'SOF 2024/543',
    referenceDate: '2024-12-31',
    units: ['Enhet A'],
  });
  const rows = Array.from({ length: 20 }, (_, i) => `A-${String(i + 1).padStart(2, '0')};${i % 2 === 0 ? 'flicka' : 'pojke'};Enhet A`);
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(['akt;kön;enhet', ...rows, ''].join('\r\n'), 'utf-8').toString('base64') });
  await callApi(page, server, 'sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'e2e-utlatande' });
  const { cases } = await callApi<{ cases: { id: string }[] }>(page, server, 'cases.list', { reviewId });
  for (const [i, c] of cases.entries()) {
    await callApi(page, server, 'answers.save', { reviewId, caseId: c.id, questionId: 'Q1', value: i % 3 === 0 ? 'nej' : 'ja' });
    await callApi(page, server, 'answers.save', { reviewId, caseId: c.id, questionId: 'Q2', value: 'ja' });
  }
  return reviewId;
}

async function unzip(download: Download): Promise<JSZip> {
  return JSZip.loadAsync(fs.readFileSync((await download.path())!));
}

test('the inspector writes and sends the memo; the department head approves it and exports it as Word', async ({ app: page, server }) => {
  const reviewId = await scoredReview(page, server);
  const report = new ReportPage(page);

  // From the review page: "Tjänsteutlåtande".
  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await page.getByRole('link', { name: 'Tjänsteutlåtande', exact: true }).click();
  await expect(report.heading).toHaveText('Tjänsteutlåtande – Öppenvård barn 0–12 år');
  await expect(report.status).toHaveText('Utkast');
  // The first draft came with the three usual proposals.
  await expect(page.getByRole('textbox', { name: 'Förslag 3' })).toHaveValue(/överlämnar rapporten till övriga stadsdelsnämnder/);
  await expectAccessible(page);

  // A sentence with a bold word and a footnote at the end of Sammanfattning.
  const summary = report.editor('Sammanfattning');
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Resultatet är ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('tydligt förbättrat');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('.');
  await expect(summary.locator('strong')).toHaveText('tydligt förbättrat');
  await report.section('Sammanfattning').getByRole('button', { name: 'Fotnot…' }).click();
  await page.getByRole('textbox', { name: 'Fotnotens text' }).fill('Jämför granskningen 2023.');
  await page.getByRole('button', { name: 'Infoga fotnot' }).click();
  await expect(summary.locator('sup[data-footnote]')).toHaveAttribute('title', 'Fotnot: Jämför granskningen 2023.');
  await expect(report.saveState).toHaveText('Sparat');

  // Kept after a reload.
  await page.reload();
  await expect(report.editor('Sammanfattning').locator('strong')).toHaveText('tydligt förbättrat');
  await expect(report.section('Sammanfattning').locator('.report-footnotes')).toContainText('Jämför granskningen 2023.');

  // The inspector cannot approve; sending it on locks it for the inspector.
  await expect(report.button('Godkänn')).toHaveCount(0);
  await report.button('Skicka för godkännande').click();
  await expect(report.status).toHaveText('För godkännande');
  await expect(page.getByText(/^Skickat av Eva Testgranskare /)).toBeVisible();
  await expect(report.editor('Sammanfattning')).toHaveAttribute('contenteditable', 'false');

  // The department head: approving names who is recorded, then the memo is locked.
  await saveProfile(page, server, HEAD);
  await page.reload();
  await expect(report.status).toHaveText('För godkännande');
  await expect(page.locator('#report-approve-as')).toContainText('Godkänns som: Anna Avdelningschef, Avdelningschef');
  await report.button('Godkänn').click();
  await expect(report.status).toHaveText('Godkänt');
  await expect(page.getByRole('note', { name: 'Utlåtandet är låst' })).toContainText('Godkänt och låst');
  await expect(report.editor('Sammanfattning')).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('table', { name: 'Godkännanden' })).toContainText('Anna Avdelningschef');
  await expect(page.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).toContainText('Godkändes');
  await expectAccessible(page);

  // The memo as Word: the edited text, its footnote and the approver in Attesterat av.
  const downloading = page.waitForEvent('download');
  await report.button('Exportera tjänsteutlåtande (.docx)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Tjänsteutlåtande – SOF 2024-543 – godkänd\.docx$/);
  const docx = await unzip(download);
  const body = await docx.file('word/document.xml')!.async('string');
  expect(body).toContain('tydligt förbättrat');
  expect(body).toContain('Anna Avdelningschef');
  expect(await docx.file('word/footnotes.xml')!.async('string')).toContain('Jämför granskningen 2023.');
  await expect(page.locator('#app-status')).toContainText('Tjänsteutlåtandet sparades');
});

test('the board secretary attaches an appendix and downloads the board package', async ({ app: page, server }) => {
  const reviewId = await scoredReview(page, server);
  // Written and approved before the secretary's turn.
  const { revision } = await callApi<{ revision: number }>(page, server, 'report.get', { reviewId });
  await callApi(page, server, 'report.submit', { reviewId, revision });
  await saveProfile(page, server, HEAD);
  await callApi(page, server, 'report.approve', { reviewId });
  await saveProfile(page, server, SECRETARY);

  const report = new ReportPage(page);
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/utlatande`);
  await page.reload();
  await expect(report.status).toHaveText('Godkänt');
  await expect(report.appendixTable.getByRole('row', { name: /^Bilaga 1/ })).toBeVisible();

  // A small real PDF, made here.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const choosing = page.waitForEvent('filechooser');
  await report.button('Bifoga bilaga…').click();
  await (await choosing).setFiles({ name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: pdf });
  const title = page.getByRole('textbox', { name: 'Bilagans titel' });
  await expect(title).toHaveValue('protokoll');
  await title.fill('Protokollsutdrag');
  await report.button('Bifoga').click();
  const row = report.appendixTable.getByRole('row', { name: /^Bilaga 2/ });
  await expect(row.getByRole('textbox', { name: 'Titel, bilaga 2' })).toHaveValue('Protokollsutdrag');
  await expect(row).toContainText('protokoll.pdf');
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await report.button('Skapa nämndpaket (.zip)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Nämndpaket – SOF 2024-543.zip');
  const zip = await unzip(download);
  const names = Object.keys(zip.files);
  expect(names).toContain('Bilaga 2 – Protokollsutdrag.pdf');
  expect(names.some((n) => /^Tjänsteutlåtande – .*\.docx$/.test(n))).toBe(true);
  expect(names.some((n) => /^Bilaga 1 – .*\.docx$/.test(n))).toBe(true);
  expect(Buffer.from(await zip.file('Bilaga 2 – Protokollsutdrag.pdf')!.async('uint8array')).equals(pdf)).toBe(true);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { dnr: string; files: { file: string; title: string; sha256: string }[] };
  expect(manifest.dnr).toBe('SOF 2024/543');
  const attached = manifest.files.find((e) => e.file === 'Bilaga 2 – Protokollsutdrag.pdf');
  expect(attached?.title).toBe('Protokollsutdrag');
  // The checksum the screen showed (shortened) is the manifest's.
  expect(await row.locator('code').textContent()).toBe(`${attached!.sha256.slice(0, 12)}…`);
  await expect(page.locator('#app-status')).toContainText('Nämndpaketet sparades');
});
