import type { Page } from '@playwright/test';
import type { Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { callApi, expect, expectAccessible, test } from './fixtures';
import { FindingsPage } from './pages/FindingsPage';
import { ScoringPage } from './pages/ScoringPage';

/** Two quality areas, three yes/no questions. */
function findingsTemplate(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'e2e-fynd',
    name: 'Fynd',
    version: 1,
    targetGroup: 'barn',
    areas: [
      { id: 'trygghet', name: 'Trygghet och säkerhet' },
      { id: 'helhetssyn', name: 'Helhetssyn och samordning' },
    ],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: [
      { id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en riskbedömning?' },
      { id: 'Q2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en säkerhetsplan?' },
      { id: 'Q3', area: 'helhetssyn', type: 'scale', scale: 'standard', text: 'Har insatserna samordnats?' },
    ],
  };
}

/** A review of two units with eight made-up files (no personal identity numbers), all scored; returns the review and its files by reference. */
async function scoredReview(page: Page, server: ServerHandle): Promise<{ reviewId: string; cases: Record<string, string> }> {
  const template = findingsTemplate();
  await callApi(page, server, 'templates.import', { document: template });
  const { id: reviewId } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: template.id,
    title: 'Familjestöd 2024',
    dnr: 'SOF 2024/77',
    referenceDate: '2024-12-31',
    units: ['Enhet Norr', 'Enhet Söder'],
  });
  const rows = Array.from({ length: 8 }, (_, i) => `${i < 4 ? 'N' : 'S'}-${(i % 4) + 1};${i % 2 === 0 ? 'flicka' : 'pojke'};${i < 4 ? 'Enhet Norr' : 'Enhet Söder'}`);
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(['akt;kön;enhet', ...rows, ''].join('\r\n'), 'utf-8').toString('base64') });
  await callApi(page, server, 'sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'e2e-fynd' });
  const { cases } = await callApi<{ cases: { id: string; ref: string }[] }>(page, server, 'cases.list', { reviewId });
  for (const c of cases) {
    for (const questionId of ['Q1', 'Q2', 'Q3']) await callApi(page, server, 'answers.save', { reviewId, caseId: c.id, questionId, value: 'ja' });
  }
  return { reviewId, cases: Object.fromEntries(cases.map((c) => [c.ref, c.id])) };
}

test('a note marked as a finding in scoring shows in the findings view with its pointer, by unit, with the dialogue meeting\'s note beside the area', async ({ app: page, server }) => {
  test.setTimeout(120_000);
  const { reviewId, cases } = await scoredReview(page, server);
  // Another inspector's finding in the other unit, so the unit filter has something to leave out.
  await callApi(page, server, 'answers.save', { reviewId, caseId: cases['S-2'], questionId: 'Q1', value: 'nej', note: 'Riskbedömningen är inte daterad.' });
  await callApi(page, server, 'findings.mark', { reviewId, caseId: cases['S-2'], questionId: 'Q1', finding: true });
  const scoring = new ScoringPage(page);
  const findings = new FindingsPage(page);

  // Scoring: the box is off while the note is empty, and marks the note once there is one.
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${cases['N-1']}`);
  await expect(scoring.heading('N-1')).toBeVisible();
  await scoring.open('Q2');
  const box = scoring.finding('Q2', 'Trygghet och säkerhet');
  await expect(box).toBeDisabled();
  await expect(scoring.question('Q2')).toContainText('Skriv en anteckning först – ett fynd är det du har antecknat.');
  await scoring.note('Q2').click();
  await page.keyboard.type('Säkerhetsplanen saknas trots våld i nära relation.');
  await page.keyboard.press('Tab');
  await expect(scoring.fileRef('Q2')).toBeFocused();
  await page.keyboard.type('Journal 2024-03-12');
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('#app-status')).toHaveText('Anteckningen är markerad som fynd för Trygghet och säkerhet.');
  await expect(box).toBeChecked();
  await expect(scoring.saveStatus('Q2')).toHaveText('Sparat');
  await expectAccessible(page);

  // From the review page: "Fynd och dialogmöten".
  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await page.getByRole('link', { name: 'Fynd och dialogmöten', exact: true }).click();
  await expect(findings.heading).toHaveText('Fynd och dialogmöten – Familjestöd 2024');
  await expect(findings.count).toHaveText('2 fynd i granskningen.');
  const mine = findings.findings('Trygghet och säkerhet').filter({ hasText: 'Akt N-1' });
  await expect(mine).toContainText('2. Finns en säkerhetsplan?');
  await expect(mine).toContainText('Säkerhetsplanen saknas trots våld i nära relation.');
  await expect(mine).toContainText('Var i aktenJournal 2024-03-12');
  await expect(mine).toContainText('Eva Testgranskare');
  await expectAccessible(page);

  // By unit: Enhet Norr leaves out Enhet Söder's finding.
  await findings.filter('Enhet').selectOption('Enhet Norr');
  await expect(findings.count).toHaveText('1 fynd med det urvalet (av 2).');
  await expect(findings.findings('Trygghet och säkerhet')).toHaveCount(1);
  await expect(findings.findings('Trygghet och säkerhet')).toContainText('Akt N-1');

  // The export takes the same filter: a download in browser mode.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera till Excel (csv)' }).click()]);
  expect(download.suggestedFilename()).toBe('Fynd – SOF 2024-77 – internt.csv');

  // A dialogue meeting with Enhet Norr: its note for the area shows beside the area's findings.
  await findings.dialogueSection.getByRole('button', { name: 'Nytt dialogmöte' }).click();
  const form = findings.meetingForm;
  await expect(form.getByText('Roller, inte namn på klienter – t.ex. enhetschef, två socialsekreterare, två inspektörer.')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Enhet' })).toHaveValue('Enhet Norr');
  await form.getByRole('textbox', { name: /^Datum/ }).fill('2025-03-14');
  await form.getByRole('textbox', { name: 'Deltagare' }).fill('Enhetschef, två socialsekreterare, två inspektörer');
  await form.getByRole('textbox', { name: 'Trygghet och säkerhet' }).fill('Enheten inför en mall för säkerhetsplaner under våren.');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Spara dialogmötet' }).click();
  await expect(page.locator('#app-status')).toHaveText('Dialogmötet lades till.');
  await expect(findings.dialogueSection.getByRole('heading', { level: 4, name: 'Dialogmöte 2025-03-14' })).toBeFocused();
  await expect(findings.dialogueNotes('Trygghet och säkerhet')).toContainText('Enhet Norr · 2025-03-14 · Deltagare: Enhetschef, två socialsekreterare, två inspektörer');
  await expect(findings.dialogueNotes('Trygghet och säkerhet')).toContainText('Enheten inför en mall för säkerhetsplaner under våren.');
  await expectAccessible(page);

  // Kept after a reload; the file reference leads back to the file in scoring.
  await page.reload();
  await expect(findings.dialogueNotes('Trygghet och säkerhet')).toContainText('Enheten inför en mall för säkerhetsplaner under våren.');
  await findings.findings('Trygghet och säkerhet').filter({ hasText: 'Akt N-1' }).getByRole('link', { name: 'Akt N-1' }).click();
  await expect(scoring.heading('N-1')).toBeVisible();
  await scoring.open('Q2');
  await expect(scoring.finding('Q2', 'Trygghet och säkerhet')).toBeChecked();
});
