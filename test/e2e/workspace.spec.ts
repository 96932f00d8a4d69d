import type { Template } from '../../shared/templates/schema';
import { validAnswer } from '../support/answer-all';
import { callApi, expect, expectAccessible, test } from './fixtures';
import { yesNoTemplate } from '../support/template-fixtures';
import { ReviewPage } from './pages/ReviewPage';
import { ScoringPage } from './pages/ScoringPage';

/** A short template of every question type, so a file can be answered completely through the API. */
function workspaceTemplate(): Template {
  return yesNoTemplate('e2e-arbetsyta', 'Arbetsyta', [
      { id: 'Q3', area: 'trygghet', type: 'date', text: 'När startade insatsen?' },
      { id: 'Q4', area: 'trygghet', type: 'choice', text: 'Vem deltog?', options: [
        { id: 'barnet', label: 'Barnet' },
        { id: 'vardnadshavare', label: 'Vårdnadshavare' },
      ] },
  ]);
}

type Overview = { next: { caseId: string; ref: string; unit: string } | null };

/** Twelve files, six in each unit; no personal identity numbers, sex stated. */
const CASE_LIST = [
  'akt;kön;enhet',
  ...Array.from({ length: 6 }, (_, i) => `A-0${i + 1};${i % 2 ? 'pojke' : 'flicka'};Enhet A`),
  ...Array.from({ length: 6 }, (_, i) => `B-0${i + 1};${i % 2 ? 'flicka' : 'pojke'};Enhet B`),
  '',
].join('\r\n');

const scoringHref = (reviewId: string, caseId: string) => `#/granskningar/${encodeURIComponent(reviewId)}/akt/${encodeURIComponent(caseId)}`;

test('the review page is the workspace: progress per unit, and "Fortsätt granska" opens the next file not done', async ({ app: page, server }) => {
  const template = workspaceTemplate();
  await callApi(page, server, 'templates.import', { document: template });
  const { id: reviewId } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: template.id,
    title: 'Öppenvård barn 0–12 år',
    dnr: 'SOF 2024/543',
    referenceDate: '2024-12-31',
    units: ['Enhet A', 'Enhet B'],
  });
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(CASE_LIST, 'utf-8').toString('base64') });
  const review = new ReviewPage(page);
  const scoring = new ScoringPage(page);

  // Before the sample: the next step is the draw, the case list is open to check.
  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await expect(review.heading('Öppenvård barn 0–12 år')).toBeVisible();
  await expect(review.nextStepsSection.locator('[aria-current="step"] h3')).toHaveText('Dra urval');
  await expect(review.nextStepsSection).toContainText('Klart: 12 akter i akt-listan.');
  await expect(review.continueLink).toHaveCount(0);
  await expect(review.casesSection.getByRole('table', { name: 'Akter i granskningen' }).getByRole('row')).toHaveCount(13);
  await expectAccessible(page);

  // The sample: three per unit. The workspace shows the progress per unit; the case list folds.
  await review.drawPerUnit(3, 'e2e-arbetsyta');
  await expect(review.unitProgress('Enhet A')).toHaveText(['3', '0', '3', '0']);
  await expect(review.unitProgress('Enhet B')).toHaveText(['3', '0', '3', '0']);
  await expect(review.unitProgress('Totalt')).toHaveText(['6', '0', '6', '0']);
  await expect(review.progressSection).toContainText('Klara akter: 0 av 6');
  await expect(review.sampledCaseLinks()).toHaveCount(6);
  await expect(review.samplingSection.getByRole('table', { name: 'Urvalet i Enhet A' })).toContainText('Ej påbörjad');
  await expect(review.casesSection.getByRole('table')).toBeHidden();
  await expect(review.samplingSection.getByText('Dra om urvalet')).toBeVisible();
  await expectAccessible(page);

  // "Fortsätt granska" opens the first file of the first unit.
  const first = (await callApi<Overview>(page, server, 'scoring.overview', { reviewId })).next!;
  expect(first.unit).toBe('Enhet A');
  await expect(review.continueLink).toHaveAttribute('href', scoringHref(reviewId, first.caseId));
  await review.continueLink.click();
  await expect(scoring.heading(first.ref)).toBeVisible();

  // Answer the file completely and mark it done, beside the page.
  for (const question of template.questions) await callApi(page, server, 'answers.save', { reviewId, caseId: first.caseId, questionId: question.id, value: validAnswer(template, question) });
  await callApi(page, server, 'cases.setDone', { reviewId, caseId: first.caseId, done: true });

  // Back on the review page: one file done in Enhet A, and "Fortsätt granska" goes on to the next.
  await page.goBack();
  await expect(review.heading('Öppenvård barn 0–12 år')).toBeVisible();
  await expect(review.unitProgress('Enhet A')).toHaveText(['3', '1', '2', '0']);
  await expect(review.unitProgress('Totalt')).toHaveText(['6', '1', '5', '0']);
  await expect(review.progressSection).toContainText('Klara akter: 1 av 6');
  await expect(review.samplingSection.getByRole('row', { name: new RegExp(`Granska akt ${first.ref} `) })).toContainText('Klar');
  const second = (await callApi<Overview>(page, server, 'scoring.overview', { reviewId })).next!;
  expect(second.caseId).not.toBe(first.caseId);
  expect(second.unit).toBe('Enhet A');
  await expect(review.continueLink).toHaveAttribute('href', scoringHref(reviewId, second.caseId));

  // Scoring has started: the sample can no longer be drawn again, and the page says why.
  await expect(review.samplingSection.getByText('Dra om urvalet')).toHaveCount(0);
  await expect(review.samplingSection).toContainText('Urvalet kan inte dras om när granskningen har börjat');

  // The case list: folded, searched on the core.
  await review.openCaseList();
  await expect(review.casesSection).toContainText('Visar 1–12 av 12');
  await review.casesSection.getByRole('searchbox', { name: 'Sök akt eller enhet' }).fill('b-0');
  await expect(review.casesSection).toContainText('Visar 1–6 av 6 som matchar ”b-0”');
  await expect(review.casesSection.getByRole('table', { name: 'Akter i granskningen' }).getByRole('row')).toHaveCount(7);
  await expectAccessible(page);

  await review.continueLink.click();
  await expect(scoring.heading(second.ref)).toBeVisible();
});
