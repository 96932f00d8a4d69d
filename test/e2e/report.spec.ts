import { createHash } from 'node:crypto';
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Download, Page } from '@playwright/test';
import type { ReportDraft } from '../../shared/contract/report-model';
import type { Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { callApi, expect, expectAccessible, saveProfile, test } from './fixtures';
import { yesNoTemplate } from '../support/template-fixtures';
import { ReportPage } from './pages/ReportPage';
import { completed } from '../support/completed-draft';
import { simplePdf } from '../support/pdf';

/** One area, two yes/no questions: enough for a memo with a generated area section. */
function reportTemplate(): Template {
  return yesNoTemplate('e2e-utlatande', 'Utlåtande');
}

const HEAD = { name: 'Anna Avdelningschef', title: 'Avdelningschef', role: 'avdelningschef' } as const;
const DIRECTOR = { name: 'Sven Socialdirektör', title: 'Socialdirektör', role: 'socialdirektor' } as const;
const SECRETARY = { name: 'Sara Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' } as const;

/** The last approval writes both documents before it answers. */
const APPROVING = { timeout: 30_000 };

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** A review with 20 made-up files (no personal identity numbers), all scored, none marked done. */
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
  for (const [i, c] of (await caseIds(page, server, reviewId)).entries()) {
    await callApi(page, server, 'answers.save', { reviewId, caseId: c, questionId: 'Q1', value: i % 3 === 0 ? 'nej' : 'ja' });
    await callApi(page, server, 'answers.save', { reviewId, caseId: c, questionId: 'Q2', value: 'ja' });
  }
  return reviewId;
}

async function caseIds(page: Page, server: ServerHandle, reviewId: string): Promise<string[]> {
  const { cases } = await callApi<{ cases: { id: string }[] }>(page, server, 'cases.list', { reviewId });
  return cases.map((c) => c.id);
}

/** The inspectors finish the files: every one marked done. */
async function allDone(page: Page, server: ServerHandle, reviewId: string): Promise<void> {
  for (const caseId of await caseIds(page, server, reviewId)) await callApi(page, server, 'cases.setDone', { reviewId, caseId, done: true });
}

async function unzip(download: Download): Promise<JSZip> {
  return JSZip.loadAsync(fs.readFileSync((await download.path())!));
}

test('the inspector writes the memo and Bilaga 1; sending is refused for what is missing; the department head sends it on with a reason; both approvers approve', async ({ app: page, server }) => {
  const reviewId = await scoredReview(page, server);
  const report = new ReportPage(page);

  // From the review page: "Tjänsteutlåtande".
  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await page.getByRole('link', { name: 'Tjänsteutlåtande', exact: true }).click();
  await expect(report.heading).toHaveText('Tjänsteutlåtande – Öppenvård barn 0–12 år');
  await expect(report.status).toHaveText('Utkast');
  // The first draft came with the three usual proposals.
  await expect(page.getByRole('textbox', { name: 'Förslag 3' })).toHaveValue(/överlämnar rapporten till övriga stadsdelsnämnder/);
  await expect(report.approvalRow('Avdelningschef')).toContainText('Väntar');
  await expect(report.approvalRow('Socialdirektör')).toContainText('Väntar');
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

  // Bilaga 1, its own chapter: a closing sentence in Slutord.
  await report.tab('Bilaga 1').click();
  await expect(report.tab('Bilaga 1')).toHaveAttribute('aria-selected', 'true');
  await report.chapterEditor('Slutord').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Rapporten lämnas till nämnden.');
  await expect(report.saveState).toHaveText('Sparat');
  await expectAccessible(page);

  // Kept after a reload.
  await page.reload();
  await expect(report.editor('Sammanfattning').locator('strong')).toHaveText('tydligt förbättrat');
  await expect(report.section('Sammanfattning').locator('.report-footnotes')).toContainText('Jämför granskningen 2023.');
  await report.tab('Bilaga 1').click();
  await expect(report.chapterEditor('Slutord')).toContainText('Rapporten lämnas till nämnden.');
  await report.tab('Tjänsteutlåtande').click();

  // Sending is refused: the date, a "…" left to fill in, the files not done. The inspector cannot go on anyway.
  await expect(report.button('Godkänn')).toHaveCount(0);
  await report.button('Skicka för godkännande').click();
  await expect(report.problem).toContainText('Utkastet kunde inte skickas för godkännande');
  await expect(report.problem).toContainText('20 av 20 akter är inte klarmarkerade');
  await expect(report.problem.getByRole('button', { name: 'Gå vidare ändå…' })).toHaveCount(0);
  await expect(report.status).toHaveText('Utkast');

  // Each gap leads to its field: the date is filled, the placeholder written over.
  await report.problem.getByRole('button', { name: /^Datum saknas i sidhuvudet/ }).press('Enter');
  const date = page.getByLabel(/^Datum/);
  await expect(date).toBeFocused();
  await date.fill('2025-01-21');
  // From the keyboard: focusing a link the pointer pressed scrolls it clear of the sticky header, and the press then ends elsewhere.
  await report.problem.getByRole('button', { name: /^Avsnittet Ärendets beredning, stycke 1 innehåller "…"/ }).press('Enter');
  await expect(report.editor('Ärendets beredning')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ärendet har beretts inom avdelningen. Förvaltningsgruppen har behandlat ärendet den 14 januari 2025.');
  await expect(report.saveState).toHaveText('Sparat');
  await expect(report.missing).toContainText('20 av 20 akter är inte klarmarkerade');
  await expect(report.missing).not.toContainText('Datum saknas');
  await expect(report.missing).not.toContainText('Ärendets beredning');

  // The department head sends it on with a reason, which is logged.
  await saveProfile(page, server, HEAD);
  await page.reload();
  await report.button('Skicka för godkännande').click();
  await expect(report.problem).toContainText('20 av 20 akter är inte klarmarkerade');
  await expect(page.getByRole('textbox', { name: 'Skäl att gå vidare ändå' })).toHaveCount(0);
  await report.goOnAnyway('Akterna klarmarkeras före nämnden; siffrorna ändras inte.', 'Skicka ändå');
  await expect(report.status).toHaveText('För godkännande');
  await expect(page.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).toContainText('Skickat trots brister: Akterna klarmarkeras före nämnden');

  // The files are finished; the department head approves, then the director.
  await allDone(page, server, reviewId);
  await page.reload();
  await expect(report.missing).toHaveCount(0);
  await expect(page.locator('#report-approve-as')).toContainText('Godkänns som: Anna Avdelningschef, Avdelningschef');
  await report.button('Godkänn').click();
  await expect(report.approvalRow('Avdelningschef')).toContainText('Anna Avdelningschef');
  await expect(report.approvalRow('Socialdirektör')).toContainText('Väntar');
  await expect(report.status).toHaveText('För godkännande');
  await expect(report.editor('Sammanfattning')).toHaveAttribute('contenteditable', 'false');

  await saveProfile(page, server, DIRECTOR);
  await page.reload();
  await expect(page.locator('#report-approve-as')).toContainText('Godkänns som: Sven Socialdirektör, Socialdirektör');
  await report.button('Godkänn').click();
  await expect(report.status).toHaveText('Godkänt', APPROVING);
  await expect(report.approvalRow('Avdelningschef')).toContainText('Anna Avdelningschef');
  await expect(report.approvalRow('Socialdirektör')).toContainText('Sven Socialdirektör');
  await expect(page.getByRole('note', { name: 'Utlåtandet är låst' })).toContainText('Godkänt och låst');
  const { frozen } = await callApi<{ frozen: { memoSha256: string; bilaga1Sha256: string } }>(page, server, 'report.get', { reviewId });
  const fixed = page.getByRole('note', { name: 'Fastställd version' });
  await expect(fixed).toContainText(/^Fastställd \d{4}-\d{2}-\d{2}/);
  await expect(fixed.getByTitle(frozen.memoSha256)).toHaveText(`${frozen.memoSha256.slice(0, 12)}…`);
  await expect(fixed.getByTitle(frozen.bilaga1Sha256)).toHaveText(`${frozen.bilaga1Sha256.slice(0, 12)}…`);
  await expect(page.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).toContainText('Godkändes');
  await expectAccessible(page);

  // The memo as Word: the fixed bytes, with the edited text, its footnote and both approvers in Attesterat av.
  const downloading = page.waitForEvent('download');
  await report.button('Exportera tjänsteutlåtande (.docx)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Tjänsteutlåtande – SOF 2024-543 – godkänd\.docx$/);
  expect(sha256(fs.readFileSync((await download.path())!))).toBe(frozen.memoSha256);
  const docx = await unzip(download);
  const body = await docx.file('word/document.xml')!.async('string');
  expect(body).toContain('tydligt förbättrat');
  expect(body).toContain('Anna Avdelningschef');
  expect(body).toContain('Sven Socialdirektör');
  expect(await docx.file('word/footnotes.xml')!.async('string')).toContain('Jämför granskningen 2023.');
  await expect(page.locator('#app-status')).toContainText('Tjänsteutlåtandet sparades');
});

test('the board secretary attaches one appendix and lists another, attaches its file after approval, and downloads the board package', async ({ app: page, server }) => {
  const reviewId = await scoredReview(page, server);
  // Written, finished and sent before the secretary's turn.
  await allDone(page, server, reviewId);
  const { draft, revision } = await callApi<{ draft: ReportDraft; revision: number }>(page, server, 'report.get', { reviewId });
  const saved = await callApi<{ revision: number }>(page, server, 'report.save', { reviewId, revision, draft: completed(draft) });
  await callApi(page, server, 'report.submit', { reviewId, revision: saved.revision });
  await saveProfile(page, server, SECRETARY);

  const report = new ReportPage(page);
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/utlatande`);
  await page.reload();
  await expect(report.status).toHaveText('För godkännande');
  await expect(report.appendixTable.getByRole('row', { name: /^Bilaga 1/ })).toBeVisible();

  // Small real PDFs with a page of text each, read through for personnummer when attached.
  const opinion = simplePdf('Yttrande från stadsdelsnämnden Norr.');
  const minutes = simplePdf('Protokollsutdrag från nämnden.');

  // Bilaga 2 with its file.
  let choosing = page.waitForEvent('filechooser');
  await report.button('Bifoga bilaga…').click();
  await (await choosing).setFiles({ name: 'yttrande.pdf', mimeType: 'application/pdf', buffer: opinion });
  const title = page.getByRole('textbox', { name: 'Bilagans titel' });
  await expect(title).toHaveValue('yttrande');
  await title.fill('Yttrande');
  await report.button('Bifoga').click();
  await expect(report.appendixTable.getByRole('row', { name: /^Bilaga 2/ }).getByRole('textbox', { name: 'Titel, bilaga 2' })).toHaveValue('Yttrande');

  // Bilaga 3 listed by its title: the minutes come after the board has met.
  await page.getByRole('textbox', { name: /^Bilaga som bifogas senare, titel/ }).fill('Protokollsutdrag');
  await report.button('Lägg till i förteckningen').click();
  const third = report.appendixTable.getByRole('row', { name: /^Bilaga 3/ });
  await expect(third.getByRole('textbox', { name: 'Titel, bilaga 3' })).toHaveValue('Protokollsutdrag');
  await expect(third).toContainText('Filen saknas');
  await expectAccessible(page);

  // Approved by both; the list is then fixed, the listed file may still come.
  await saveProfile(page, server, HEAD);
  await callApi(page, server, 'report.approve', { reviewId });
  await saveProfile(page, server, DIRECTOR);
  await callApi(page, server, 'report.approve', { reviewId });
  await saveProfile(page, server, SECRETARY);
  await page.reload();
  await expect(report.status).toHaveText('Godkänt');
  await expect(report.button('Lägg till i förteckningen')).toHaveCount(0);
  await expect(page.getByText(/^Bilageförteckningen ingår i det godkända tjänsteutlåtandet/)).toBeVisible();
  await expect(page.getByText('Nämndpaketet väntar på filen till bilaga 3 (Protokollsutdrag).')).toBeVisible();
  await expect(report.button('Skapa nämndpaket (.zip)')).toBeDisabled();

  choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bifoga fil, bilaga 3' }).click();
  await (await choosing).setFiles({ name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: minutes });
  await expect(third).toContainText('protokoll.pdf');
  await expect(report.button('Skapa nämndpaket (.zip)')).toBeEnabled();
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await report.button('Skapa nämndpaket (.zip)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Nämndpaket – SOF 2024-543.zip');
  const zip = await unzip(download);
  const names = Object.keys(zip.files);
  expect(names).toContain('Bilaga 2 – Yttrande.pdf');
  expect(names).toContain('Bilaga 3 – Protokollsutdrag.pdf');
  expect(Buffer.from(await zip.file('Bilaga 3 – Protokollsutdrag.pdf')!.async('uint8array')).equals(minutes)).toBe(true);
  const memo = names.find((n) => /^Tjänsteutlåtande – .*\.docx$/.test(n));
  expect(names.some((n) => /^Bilaga 1 – .*\.docx$/.test(n))).toBe(true);
  // The memo in the package is the approved one, byte for byte.
  const { frozen } = await callApi<{ frozen: { memoSha256: string } }>(page, server, 'report.get', { reviewId });
  expect(sha256(await zip.file(memo!)!.async('uint8array'))).toBe(frozen.memoSha256);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { dnr: string; files: { file: string; title: string; sha256: string }[] };
  expect(manifest.dnr).toBe('SOF 2024/543');
  const attached = manifest.files.find((e) => e.file === 'Bilaga 3 – Protokollsutdrag.pdf');
  expect(attached?.title).toBe('Protokollsutdrag');
  // The checksum the screen shows (shortened) is the manifest's.
  expect(await third.locator('code').textContent()).toBe(`${attached!.sha256.slice(0, 12)}…`);
  await expect(page.locator('#app-status')).toContainText('Nämndpaketet sparades');
});
