import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Question, Template } from '../../shared/templates/schema';
import type { ServerHandle } from '../support/server-process';
import { callApi, expect, test } from './fixtures';
import { ScoringPage } from './pages/ScoringPage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATE = JSON.parse(readFileSync(join(ROOT, 'templates', 'oppenvard-barn-0-12.json'), 'utf-8')) as Template;

/** A review on the bundled template with two files, both in the sample; the first file's scoring screen opened. */
async function openFirstFile(page: Page, server: ServerHandle): Promise<{ reviewId: string; caseIds: string[] }> {
  const { id: reviewId } = await callApi<{ id: string }>(page, server, 'reviews.create', {
    templateId: TEMPLATE.id,
    title: 'Öppenvård barn 0–12 år',
    dnr: 'SOF 2024/543',
    referenceDate: '2024-12-31',
    units: ['Enhet A'],
  });
  const list = ['akt;kön;enhet', 'AKT-1;flicka;Enhet A', 'AKT-2;pojke;Enhet A', ''].join('\r\n');
  await callApi(page, server, 'cases.import', { reviewId, contentBase64: Buffer.from(list, 'utf-8').toString('base64') });
  await callApi(page, server, 'sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'tangentbord' });
  const { cases } = await callApi<{ cases: { id: string; ref: string }[] }>(page, server, 'cases.list', { reviewId });
  const caseIds = ['AKT-1', 'AKT-2'].map((ref) => cases.find((c) => c.ref === ref)!.id);
  await page.goto(`${server.origin}/#/granskningar/${reviewId}/akt/${caseIds[0]}`);
  // The first-start prompt asks who works here; a page that asked before the profile existed asks again until reloaded.
  if ((await callApi<{ profile: unknown }>(page, server, 'profile.get', {})).profile === null) {
    await callApi(page, server, 'profile.save', { name: 'Greta Granskare', title: 'Socialinspektör', role: 'granskare' });
    await page.reload();
  }
  await expect(new ScoringPage(page).heading('AKT-1')).toBeVisible();
  return { reviewId, caseIds };
}

/** Questions area by area, as the scoring screen shows them. */
const inOrder = (t: Template): Question[] => t.areas.flatMap((a) => t.questions.filter((q) => q.area === a.id));

type Kind = 'Skala' | 'Ett val' | 'Flera val' | 'Datum' | 'Tal' | 'Text';
const kindOf = (q: Question): Kind =>
  q.type === 'scale' ? 'Skala' : q.type === 'choice' ? (q.multiple ? 'Flera val' : 'Ett val') : q.type === 'date' ? 'Datum' : q.type === 'number' ? 'Tal' : 'Text';

const SCALE_KEYS = ['j', 'd', 'n', 'f', 'e', '1', '2', '3'];
const DATES = ['240301', '240312', '241115', '250115', '250120'];

/** The keys a reviewer presses for one answer, and what the answer then is. */
function keysFor(q: Question, n: number): { keys: string[]; value: unknown } {
  switch (q.type) {
    case 'scale': {
      const key = SCALE_KEYS[n % SCALE_KEYS.length];
      const step = TEMPLATE.scales[q.scale][['j', 'd', 'n', 'f', 'e'].includes(key) ? ['j', 'd', 'n', 'f', 'e'].indexOf(key) : Number(key) - 1];
      return { keys: [key], value: step.id };
    }
    case 'choice':
      if (!q.multiple) return { keys: ['2'], value: q.options[1].id };
      // The first option and the tenth (a letter: digits run out after nine), then Enter to move on.
      return { keys: ['1', 'a', 'Enter'], value: [q.options[0].id, q.options[9].id] };
    case 'date': {
      const typed = DATES[n % DATES.length];
      return { keys: typed.split(''), value: `20${typed.slice(0, 2)}-${typed.slice(2, 4)}-${typed.slice(4)}` };
    }
    case 'number':
      return { keys: ['1', '2', 'Enter'], value: 12 };
    case 'text':
      return { keys: [...'Enligt akten', 'Escape', 'ArrowDown'], value: 'Enligt akten' };
  }
}

test('a whole file of the bundled template is scored by keyboard only, one key per scale and single-choice answer', async ({ app: page, server }) => {
  // 38 answers, each awaited on screen: the default minute is too short on a busy machine.
  test.setTimeout(180_000);
  const questions = inOrder(TEMPLATE);
  expect(questions).toHaveLength(38);
  const { reviewId, caseIds } = await openFirstFile(page, server);
  const scoring = new ScoringPage(page);
  await scoring.expectFocused(questions[0].id);

  const tally = new Map<Kind, { answers: number; keys: number }>();
  const expected = new Map<string, unknown>();
  for (const [i, q] of questions.entries()) {
    const { keys, value } = keysFor(q, i);
    expected.set(q.id, value);
    for (const key of keys) await page.keyboard.press(key);
    const t = tally.get(kindOf(q)) ?? { answers: 0, keys: 0 };
    tally.set(kindOf(q), { answers: t.answers + 1, keys: t.keys + keys.length });
    const next = questions[i + 1];
    if (next) await scoring.expectAt(next);
  }

  // After the last answer, focus is on "Klar – nästa akt", and it says the file is complete.
  await expect(scoring.finishButton).toBeFocused();
  await expect(scoring.finishSummary).toHaveText('38 av 38 frågor besvarade · alla obligatoriska frågor har svar.');
  await expect(page.locator('.save-status[data-state="saved"]')).toHaveCount(38);
  await page.keyboard.press('Enter');
  await expect(scoring.heading('AKT-2')).toBeVisible();
  await expect(page.locator('#app-status')).toHaveText(/^Akt AKT-1 är klar\. Akt AKT-2 öppnad/);
  await scoring.expectFocused(questions[0].id);

  // The first file is complete and done, with exactly the answers given.
  const view = await callApi<{ case: { done: boolean }; answers: { questionId: string; value: unknown }[]; progress: { answered: number; requiredMissing: number } }>(
    page,
    server,
    'scoring.caseView',
    { reviewId, caseId: caseIds[0] },
  );
  expect(view.case.done).toBe(true);
  expect(view.progress).toMatchObject({ answered: 38, requiredMissing: 0 });
  expect(Object.fromEntries(view.answers.map((a) => [a.questionId, a.value]))).toEqual(Object.fromEntries(expected));
  const overview = await callApi<{ cases: { caseId: string; done: boolean }[] }>(page, server, 'scoring.overview', { reviewId });
  expect(overview.cases.find((c) => c.caseId === caseIds[0])?.done).toBe(true);

  // The measurement: keys per answer by question type.
  const rows = (Object.keys(HOW) as Kind[]).filter((k) => tally.has(k)).map((kind) => ({ kind, ...tally.get(kind)!, perAnswer: tally.get(kind)!.keys / tally.get(kind)!.answers }));
  const all = rows.reduce((s, r) => ({ answers: s.answers + r.answers, keys: s.keys + r.keys }), { answers: 0, keys: 0 });
  const sv = (n: number) => n.toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const table = [
    `Tangenttryck per svar – en hel akt i ${TEMPLATE.name} (${TEMPLATE.id} version ${TEMPLATE.version}), bara tangentbord`,
    '',
    '| Frågetyp | Frågor | Tangenttryck | Per svar | Så här |',
    '|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.kind} | ${r.answers} | ${r.keys} | ${sv(r.perAnswer)} | ${HOW[r.kind]} |`),
    `| **Alla** | ${all.answers} | ${all.keys} | ${sv(all.keys / all.answers)} | |`,
    '',
    `Därtill 1 tangenttryck för att markera akten klar och öppna nästa (Enter på ”Klar – nästa akt”, dit fokus går efter sista frågan).`,
    '',
  ].join('\n');
  console.log(`\n${table}`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'keys-per-answer.md'), table);

  expect(tally.get('Skala')!.keys / tally.get('Skala')!.answers).toBe(1);
  expect(tally.get('Ett val')!.keys / tally.get('Ett val')!.answers).toBe(1);
});

const HOW: Record<Kind, string> = {
  Skala: 'en tangent (J, D, N, F, E eller 1–5) svarar och går vidare',
  'Ett val': 'alternativets tangent svarar och går vidare',
  'Flera val': 'en tangent per valt alternativ (1–9, sedan A, B …), Enter går vidare',
  Datum: 'ÅÅMMDD; fältet går vidare självt när datumet är komplett',
  Tal: 'siffrorna och Enter',
  Text: 'texten, Esc och pil ned',
};

test('keys typed quickly land where focus is: one question too early, or a held key, answers only that question', async ({ app: page, server }) => {
  const questions = inOrder(TEMPLATE);
  await openFirstFile(page, server);
  const scoring = new ScoringPage(page);
  await scoring.expectFocused(questions[0].id);
  // Straight through the first scale questions without waiting between keys, as a fast typist does.
  await page.keyboard.type('jdnfe');
  await scoring.expectFocused(questions[5].id);
  for (const [i, label] of ['Ja', 'Delvis', 'Nej', 'Framgår ej', 'Ej tillämpligt'].entries()) {
    await expect(scoring.pressed(questions[i].id)).toHaveText(new RegExp(`${label}$`));
  }

  // The last scale question before the first number (K5 → E1): "12" meant for E1, typed one question early.
  const e1 = questions.findIndex((q) => q.type === 'number');
  const before = questions[e1 - 1];
  await scoring.question(before.id).focus();
  await page.keyboard.type('12');
  await expect(scoring.answerInput(questions[e1].id)).toBeFocused();
  await expect(scoring.answerInput(questions[e1].id)).toHaveValue('2');
  await expect(scoring.pressed(before.id)).toHaveText(/Ja$/);
  await expect(scoring.question(questions[e1 - 2].id).locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);

  // A click into the note of a question further down (opened first: only the current question shows
  // its note), then digits: they are the note's, not answers.
  const later = questions[8];
  await scoring.open(later.id);
  await scoring.note(later.id).click();
  await page.keyboard.type('12 träffar enligt planen');
  await expect(scoring.note(later.id)).toBeFocused();
  await expect(scoring.note(later.id)).toHaveValue('12 träffar enligt planen');
  await expect(scoring.question(later.id).locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);
  await expect(scoring.question(questions[9].id).locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);

  // A key held a little too long repeats: it answers the question it was pressed on, not the next ones.
  await scoring.question(questions[5].id).focus();
  await page.keyboard.down('n');
  await page.keyboard.down('n'); // the keyboard's auto-repeat
  await page.keyboard.down('n');
  await page.keyboard.up('n');
  await scoring.expectFocused(questions[6].id);
  await expect(scoring.pressed(questions[5].id)).toHaveText(/Nej$/);
  await expect(scoring.question(questions[6].id).locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);
  await expect(scoring.question(questions[7].id).locator('.scoring-scale button[aria-pressed="true"]')).toHaveCount(0);
});
