import type { Page } from '@playwright/test';
import type { Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { expect, expectAccessible, sessionHeaders, test, callApi } from './fixtures';
import { ReviewPage } from './pages/ReviewPage';
import { ScoringPage } from './pages/ScoringPage';

/** Skatteverket's published test numbers (DOMAIN.md §4) — the only ones used in fixtures. */
const BOY = '20170101-2393';
const GIRL = '20190408-2383';

const AREAS = [
  ['trygghet', 'Trygghet och säkerhet'],
  ['sjalvbestammande', 'Självbestämmande och integritet'],
  ['tillganglighet', 'Tillgänglighet'],
] as const;

/** Thirty scale questions on the default scale, ten per area. */
function thirtyQuestionTemplate(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'e2e-trettio',
    name: 'Trettio frågor',
    version: 1,
    targetGroup: 'barn',
    areas: AREAS.map(([id, name]) => ({ id, name })),
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'delvis', label: 'Delvis' },
        { id: 'nej', label: 'Nej' },
        { id: 'framgar_ej', label: 'Framgår ej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: Array.from({ length: 30 }, (_, i) => ({
      id: `Q${i + 1}`,
      area: AREAS[Math.floor(i / 10)][0],
      type: 'scale' as const,
      scale: 'standard',
      text: `Granskningsfråga nummer ${i + 1}?`,
      // Every question is required: a file is done only when all thirty have an answer.
      required: true,
      ...(i === 0 ? { guidance: 'Titta i beslutet.' } : {}),
    })),
  };
}

async function createReview(page: Page, server: ServerHandle): Promise<string> {
  // The first-start prompt asks who works here; a page that asked before the profile existed asks again until reloaded.
  if ((await callApi<{ profile: unknown }>(page, server, 'profile.get', {})).profile === null) {
    await callApi(page, server, 'profile.save', { name: 'Greta Granskare', title: 'Socialinspektör', role: 'granskare' });
    await page.reload();
  }
  await callApi(page, server, 'templates.import', { document: thirtyQuestionTemplate() });
  const { id } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: 'e2e-trettio',
    title: 'Öppenvård barn 0–12 år',
    dnr: 'SOF 2024/543',
    referenceDate: '2024-12-31',
    units: ['Enhet A', 'Enhet B'],
  });
  return id;
}

const CASE_LIST = ['akt;personnummer;kön;enhet', `AKT-1;${BOY};;Enhet A`, `AKT-2;${GIRL};;Enhet A`, 'AKT-3;;flicka;Enhet B', 'AKT-4;;pojke;Enhet B', ''].join('\r\n');

const KEYS = ['j', 'd', 'n', 'f', 'e', '1', '2', '3', '4', '5'];
const VALUES = ['ja', 'delvis', 'nej', 'framgar_ej', 'ej_tillampligt', 'ja', 'delvis', 'nej', 'framgar_ej', 'ej_tillampligt'];
const LABELS: Record<string, string> = { ja: 'Ja', delvis: 'Delvis', nej: 'Nej', framgar_ej: 'Framgår ej', ej_tillampligt: 'Ej tillämpligt' };

test('a case list is imported and sampled in the UI, and 30 questions are scored with one key each; all of it survives a reload', async ({ app: page, server }) => {
  // Long (thirty answers, four accessibility scans): the default minute is too short on a busy machine.
  test.setTimeout(180_000);
  const reviewId = await createReview(page, server);
  const review = new ReviewPage(page);
  const scoring = new ScoringPage(page);

  await page.goto(`${server.origin}/#/granskningar/${reviewId}`);
  await expect(review.heading('Öppenvård barn 0–12 år')).toBeVisible();

  // Import: preview first (nothing stored), then commit.
  const preview = await review.pickCaseList({ name: 'akter.csv', mimeType: 'text/csv', buffer: Buffer.from(CASE_LIST, 'utf-8') });
  await expect(preview).toContainText('Personnummer: kolumnen ”personnummer”');
  await expect(preview).toContainText('4 (4 giltiga, 0 avvisade)');
  await expect(preview.getByRole('table', { name: /De första raderna/ })).toContainText('AKT-1Enhet Apojke6–12');
  expect((await callApi<{ cases: unknown[] }>(page, server, 'cases.list', { reviewId })).cases).toHaveLength(0);
  await expectAccessible(page);
  await preview.getByRole('button', { name: 'Importera 4 akter' }).click();
  await expect(review.status).toHaveText('4 akter importerades.');
  const caseTable = review.casesSection.getByRole('table', { name: 'Akter i granskningen' });
  await expect(caseTable.getByRole('row')).toHaveCount(5);
  await expect(caseTable).toContainText('AKT-2Enhet Aflicka0–5');
  await expect(page.locator('body')).not.toContainText(BOY);

  // Sample: one per unit with a stated seed; the seed is shown.
  await review.drawPerUnit(1, 'e2e-frö-2026');
  await expect(review.sampledCaseLinks()).toHaveCount(2);
  await expectAccessible(page);

  // Open the first sampled file: focus lands on the first question.
  const firstRef = (await review.sampledCaseLinks().first().textContent())!;
  await review.sampledCaseLinks().first().click();
  await expect(scoring.heading(firstRef)).toBeVisible();
  await scoring.expectFocused('Q1');
  await expectAccessible(page);

  // Thirty answers, one key each; each key moves to the next question, the last one to "Klar – nästa akt".
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(KEYS[i % 10]);
    if (i < 29) await scoring.expectFocused(`Q${i + 2}`);
  }
  await expect(scoring.finishButton).toBeFocused();
  await expect(scoring.fileProgress).toContainText('30 av 30 frågor besvarade');
  await expect(page.locator('.save-status[data-state="saved"]')).toHaveCount(30);

  // Tab reaches the note and "Var i akten" of the question in focus.
  await scoring.question('Q30').focus();
  await page.keyboard.press('Tab');
  await expect(scoring.note('Q30')).toBeFocused();
  await page.keyboard.type('Genomförandeplanen saknar mål från beslutet.');
  await page.keyboard.press('Tab');
  await expect(scoring.fileRef('Q30')).toBeFocused();
  await page.keyboard.type('journal 2024-03-12');
  await page.keyboard.press('Tab');
  await expect(scoring.saveStatus('Q30')).toHaveText('Sparat');
  await expect(page.locator('[role="alert"]')).toHaveCount(0);
  await expectAccessible(page);

  // Reload: every answer, the note and the audit trail are there — on screen and through the API.
  await page.reload();
  await expect(scoring.heading(firstRef)).toBeVisible();
  for (let i = 0; i < 30; i++) await expect(scoring.pressed(`Q${i + 1}`)).toHaveText(new RegExp(`${LABELS[VALUES[i % 10]]}$`));
  // Q30 is not current after the reload: its note shows as a summary line until it is opened.
  await expect(scoring.summary('Q30')).toHaveText('Anteckning: Genomförandeplanen saknar mål från beslutet. · Var i akten: journal 2024-03-12');
  await scoring.open('Q30');
  await expect(scoring.note('Q30')).toHaveValue('Genomförandeplanen saknar mål från beslutet.');
  await expect(scoring.fileRef('Q30')).toHaveValue('journal 2024-03-12');
  await expect(scoring.fileProgress).toContainText('30 av 30 frågor besvarade');
  await scoring.question('Q30').getByText('Historik').click();
  await expect(scoring.question('Q30').locator('.history-list > li')).toHaveCount(3);
  await expect(scoring.question('Q30').locator('.history-list')).toContainText('Svar: inget svar → Ej tillämpligt');
  await expect(scoring.question('Q30').locator('.history-list')).toContainText('Var i akten: (tom) → ”journal 2024-03-12”');

  const caseId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1)!);
  const view = await callApi<{ answers: { questionId: string; value: string; note: string | null; fileRef: string | null }[] }>(page, server, 'scoring.caseView', { reviewId, caseId });
  expect(view.answers).toHaveLength(30);
  for (let i = 0; i < 30; i++) expect(view.answers.find((a) => a.questionId === `Q${i + 1}`)?.value).toBe(VALUES[i % 10]);
  expect(view.answers.find((a) => a.questionId === 'Q30')).toMatchObject({ note: 'Genomförandeplanen saknar mål från beslutet.', fileRef: 'journal 2024-03-12' });
  for (const q of ['Q1', 'Q15', 'Q30']) {
    const { entries } = await callApi<{ entries: { actor: string; oldValue: unknown; newValue: unknown }[] }>(page, server, 'answers.history', { reviewId, caseId, questionId: q });
    expect(entries[0]).toMatchObject({ oldValue: null, newValue: VALUES[(Number(q.slice(1)) - 1) % 10] });
    expect(entries[0].actor).toBeTruthy();
  }

  // Ctrl+Enter marks the file done and opens the other sampled file.
  await scoring.question('Q1').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Akt / })).not.toHaveText(`Akt ${firstRef}`);
  await scoring.expectFocused('Q1');
});

test('a personal identity number typed into a note is warned about and never saved', async ({ app: page, server }) => {
  const reviewId = await createReview(page, server);
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(CASE_LIST, 'utf-8').toString('base64') });
  const { cases } = await callApi<{ cases: { id: string; ref: string }[] }>(page, server, 'cases.list', { reviewId });
  const scoring = new ScoringPage(page);

  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${cases[0].id}`);
  await expect(scoring.heading(cases[0].ref)).toBeVisible();
  await scoring.expectFocused('Q1');
  await page.keyboard.press('Tab');
  await expect(scoring.note('Q1')).toBeFocused();
  await page.keyboard.type(`Barnet ${BOY} bor hos mamma.`);
  const warning = scoring.question('Q1').getByRole('alert');
  await expect(warning).toContainText('ser ut som ett personnummer');
  await expect(scoring.note('Q1')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Tab'); // leaving the field does not send it either
  await page.waitForTimeout(1000);
  await expect(scoring.saveStatus('Q1')).toHaveText('Inte sparat');
  const view = await callApi<{ answers: unknown[] }>(page, server, 'scoring.caseView', { reviewId, caseId: cases[0].id });
  expect(view.answers).toEqual([]);
  const { entries } = await callApi<{ entries: unknown[] }>(page, server, 'answers.history', { reviewId, caseId: cases[0].id, questionId: 'Q1' });
  expect(entries).toEqual([]);
  await expectAccessible(page);
});

/** A review with the four files imported and one file per unit drawn; returns the sampled and the other files. */
async function sampledReview(page: Page, server: ServerHandle) {
  const reviewId = await createReview(page, server);
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(CASE_LIST, 'utf-8').toString('base64') });
  await callApi(page, server, 'sampling.draw', { reviewId, method: { kind: 'per-unit', n: 1 }, seed: 'e2e-frö-2026' });
  const { cases } = await callApi<{ cases: { id: string; ref: string }[] }>(page, server, 'cases.list', { reviewId });
  const sample = await callApi<{ cases: { caseId: string; status: string }[] }>(page, server, 'sampling.get', { reviewId });
  const inSample = new Set(sample.cases.filter((c) => c.status === 'selected' || c.status === 'replacement').map((c) => c.caseId));
  return { reviewId, sampled: cases.filter((c) => inSample.has(c.id)), outside: cases.filter((c) => !inSample.has(c.id)) };
}

/** The API's refusal of a call, as data. */
async function refusal(page: Page, server: ServerHandle, method: string, data: unknown): Promise<{ code: string; message: string; issues?: { path: string }[] }> {
  const response = await page.request.post(`${server.origin}/api/${method}`, { data, headers: await sessionHeaders(page) });
  const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string; issues?: { path: string }[] } };
  expect(body.ok).toBe(false);
  return body.error!;
}

test('an incomplete file cannot be marked done: the count of missing required questions is said and focus goes to the first', async ({ app: page, server }) => {
  const { reviewId, sampled } = await sampledReview(page, server);
  const scoring = new ScoringPage(page);
  const file = sampled[0];
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${file.id}`);
  await expect(scoring.heading(file.ref)).toBeVisible();
  await scoring.expectFocused('Q1');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('.save-status[data-state="saved"]')).toHaveCount(2);

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toHaveText(`28 obligatoriska frågor saknar svar: frågorna ${Array.from({ length: 27 }, (_, i) => i + 3).join(', ')} och 30.`);
  await scoring.expectFocused('Q3');
  await expect(scoring.heading(file.ref)).toBeVisible();
  await expectAccessible(page);

  // The core refuses it as well, naming the questions.
  const error = await refusal(page, server, 'cases.setDone', { reviewId, caseId: file.id, done: true });
  expect(error.code).toBe('VALIDATION');
  expect(error.message).toMatch(/^28 obligatoriska frågor saknar svar/);
  expect(error.issues?.[0].path).toBe('$.answers.Q3');
  const view = await callApi<{ case: { done: boolean } }>(page, server, 'scoring.caseView', { reviewId, caseId: file.id });
  expect(view.case.done).toBe(false);
});

test('a file outside the sample opens read-only and cannot be scored, in the UI or through the API', async ({ app: page, server }) => {
  const { reviewId, outside } = await sampledReview(page, server);
  const scoring = new ScoringPage(page);
  const file = outside[0];
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${file.id}`);
  await expect(scoring.heading(file.ref)).toBeVisible();
  await expect(scoring.readOnlyBanner).toContainText('Ej i urvalet');
  await expect(scoring.question('Q1').getByRole('button', { name: 'Ja' })).toBeDisabled();
  await expect(scoring.note('Q1')).not.toBeEditable();
  await expect(scoring.finishButton).toHaveCount(0);
  await scoring.expectFocused('Q1');
  await page.keyboard.press('j');
  await page.keyboard.press('Control+Enter');
  await expect(scoring.question('Q1').locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);
  await expectAccessible(page);

  const error = await refusal(page, server, 'answers.save', { reviewId, caseId: file.id, questionId: 'Q1', value: 'ja' });
  expect(error.code).toBe('VALIDATION');
  expect(error.message).toContain(file.ref);
  const view = await callApi<{ answers: unknown[]; access: { scorable: boolean } }>(page, server, 'scoring.caseView', { reviewId, caseId: file.id });
  expect(view.answers).toEqual([]);
  expect(view.access.scorable).toBe(false);
});

test('a note typed and immediately reloaded is kept', async ({ app: page, server }) => {
  const { reviewId, sampled } = await sampledReview(page, server);
  const scoring = new ScoringPage(page);
  const file = sampled[0];
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${file.id}`);
  await expect(scoring.heading(file.ref)).toBeVisible();
  await scoring.expectFocused('Q1');
  await page.keyboard.press('Tab');
  await expect(scoring.note('Q1')).toBeFocused();
  await page.keyboard.type('Planen saknar mål.');
  // No pause, no Tab: straight to a reload.
  await page.reload();
  await expect(scoring.heading(file.ref)).toBeVisible();
  await expect(scoring.note('Q1')).toHaveValue('Planen saknar mål.');
  const view = await callApi<{ answers: { questionId: string; note: string | null }[] }>(page, server, 'scoring.caseView', { reviewId, caseId: file.id });
  expect(view.answers).toEqual([expect.objectContaining({ questionId: 'Q1', note: 'Planen saknar mål.' })]);
});

test('only the current question unfolds; a folded question is answered by mouse, the click landing though the question above folds away', async ({ app: page, server }) => {
  const { reviewId, sampled } = await sampledReview(page, server);
  const scoring = new ScoringPage(page);
  const file = sampled[0];
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${file.id}`);
  await expect(scoring.heading(file.ref)).toBeVisible();
  await scoring.expectFocused('Q1');
  await expect(scoring.note('Q1')).toBeVisible();
  await expect(scoring.note('Q2')).toHaveCount(0);
  await expectAccessible(page);

  // Q1 (current, unfolded) folds as Q2 becomes current: the answer is still the one clicked.
  await scoring.question('Q2').getByRole('button', { name: 'Nej' }).click();
  await expect(scoring.pressed('Q2')).toHaveText(/Nej$/);
  await expect(scoring.saveStatus('Q2')).toHaveText('Sparat');
  await expect(scoring.question('Q2')).toHaveAttribute('aria-current', 'step');
  await expect(scoring.note('Q2')).toBeVisible();
  await expect(scoring.note('Q1')).toHaveCount(0);
  // Further down the page as well; there the clicked question stays where it was on screen while Q2 above it folds.
  const delvis = scoring.question('Q6').getByRole('button', { name: 'Delvis' });
  await delvis.scrollIntoViewIfNeeded();
  const before = (await delvis.boundingBox())!;
  await delvis.click();
  await expect(scoring.pressed('Q6')).toHaveText(/Delvis$/);
  await expect(scoring.question('Q6')).toHaveAttribute('aria-current', 'step');
  await expect(scoring.note('Q2')).toHaveCount(0);
  expect(Math.round((await delvis.boundingBox())!.y)).toBe(Math.round(before.y));
  const view = await callApi<{ answers: { questionId: string; value: string }[] }>(page, server, 'scoring.caseView', { reviewId, caseId: file.id });
  expect(Object.fromEntries(view.answers.map((a) => [a.questionId, a.value]))).toEqual({ Q2: 'nej', Q6: 'delvis' });
});
