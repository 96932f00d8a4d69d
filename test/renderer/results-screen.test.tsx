import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';
import { createApiClient } from '../../renderer/src/api/client';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetResults } from '../../renderer/src/state/results-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import { formatCount, formatShare, formatStatistic } from '../../renderer/src/screens/results/format';
import type { Template } from '../../shared/templates/schema';
import { testCore, type TestCore } from '../support/core';
import { generateReview, REFERENCE_003_UNITS } from '../support/reference-003';

/** A real core (SQLite in a temp folder) behind the screen: the figures are the core's, not a fake's. */
let core: TestCore;
let saved: { name: string; bytes: Uint8Array; mimeType: string }[];

function template(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'resultat-skarm',
    name: 'Resultatskärm',
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'trygghet', name: 'Trygghet och säkerhet' }],
    scales: { standard: [{ id: 'ja', label: 'Ja' }, { id: 'nej', label: 'Nej' }, { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false }] },
    questions: [
      { id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?' },
      { id: 'Q2', area: 'trygghet', type: 'choice', text: 'Vem deltog?', options: [{ id: 'barnet', label: 'Barnet' }, { id: 'vh', label: 'Vårdnadshavare' }] },
      { id: 'Q3', area: 'trygghet', type: 'number', text: 'Antal träffar?', unit: 'st' },
      { id: 'Q4', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en plan?' },
    ],
  };
}

/** Eight girls in one unit: Q1 ja in six, nej in two; Q2 and Q3 answered in all; Q4 in none. */
async function reviewOfGirls(): Promise<string> {
  await core.call('templates.import', { document: template() });
  const { id } = await core.call('reviews.create', { templateId: 'resultat-skarm', title: 'Flickor i öppenvård', dnr: 'SOF 2024/1', referenceDate: '2024-12-31', units: ['Enhet A'] });
  const csv = ['akt;kön;enhet', ...Array.from({ length: 8 }, (_, i) => `F-${i + 1};flicka;Enhet A`), ''].join('\r\n');
  await core.call('cases.import', { reviewId: id, contentBase64: Buffer.from(csv).toString('base64') });
  const { cases } = await core.call('cases.list', { reviewId: id });
  for (const [i, c] of cases.entries()) {
    await core.call('answers.save', { reviewId: id, caseId: c.id, questionId: 'Q1', value: i < 2 ? 'nej' : 'ja' });
    await core.call('answers.save', { reviewId: id, caseId: c.id, questionId: 'Q2', value: ['barnet'] });
    await core.call('answers.save', { reviewId: id, caseId: c.id, questionId: 'Q3', value: String(i + 1) });
  }
  return id;
}

async function openResults(reviewId: string) {
  window.location.hash = `#/granskningar/${reviewId}/resultat`;
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Resultat – / });
}

const article = (number: number) => screen.getByRole('article', { name: new RegExp(`^${number}\\. `) });
const row = (number: number, answer: string) => within(within(article(number)).getByRole('table', { name: `Svar per kön, fråga ${number}` })).getByRole('row', { name: new RegExp(`^${answer}\\b`) });
const cells = (number: number, answer: string) => within(row(number, answer)).getAllByRole('cell');
/** What a sighted reader sees: the text without what is only for screen readers. */
const visible = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return copy.textContent ?? '';
};

beforeEach(async () => {
  core = testCore();
  // The first-start prompt is behind us: the workbench has a profile.
  await core.call('profile.save', { name: 'Eva Testgranskare', title: 'Socialtjänstinspektör', role: 'granskare' });
  saved = [];
  resetServices();
  configureServices({
    api: createApiClient((method, input) => core.dispatch(method, input)),
    saveBinaryFile: async (name, bytes, mimeType) => {
      saved.push({ name, bytes, mimeType });
      return name;
    },
  });
  resetResults();
  resetProfile();
  useStatusStore.getState().clear();
});

afterEach(() => core.dispose());

describe('the results screen', () => {
  it('shows the basis, counts and shares by sex in sv-SE, and never NaN — with one sex only, a question without ja and one without answers', async () => {
    await openResults(await reviewOfGirls());
    expect(screen.getByTestId('results-basis').textContent).toBe('Underlag: 8 akter (flickor 8, pojkar 0), varav 0 klara');
    expect(screen.getByTestId('results-mode').textContent).toContain('Internt – visa inte utanför förvaltningen');
    expect(cells(1, 'Ja').map((c) => c.textContent)).toEqual(['6', '0', '6']);
    expect(cells(1, 'Nej').map((c) => c.textContent)).toEqual(['2', '0', '2']);
    const chart = within(article(1)).getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Andel ja per kön: flickor 75\u00a0% \(6 av 8; 95 % konfidensintervall 41–93\u00a0%\), pojkar: inga tillämpliga svar\.$/);
    expect(within(article(1)).getByText('8 av 8 besvarade')).toBeTruthy();
    // A choice without "ja": counts, no share and no chart.
    expect(cells(2, 'Barnet').map((c) => c.textContent)).toEqual(['8', '0', '8']);
    expect(within(article(2)).queryByRole('img')).toBeNull();
    expect(article(2).textContent).toContain('Frågan har inget svar ”Ja”');
    // A number question: median and quartiles by sex.
    const numbers = within(article(3)).getByRole('table', { name: 'Svar per kön, fråga 3' });
    expect(within(within(numbers).getByRole('row', { name: /^Flickor/ })).getAllByRole('cell').map((c) => visible(c))).toEqual(['8', '4,5', '2,8–6,3', '1–8']);
    expect(within(within(numbers).getByRole('row', { name: /^Pojkar/ })).getAllByRole('cell').map((c) => visible(c))).toEqual(['0', '–', '–', '–']);
    expect(within(article(4)).getByText('Inga svar ännu.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('the published version is the publication set: the answers in all, a share only from 10 applicable, the notes, no filters or drill-down', async () => {
    await openResults(await reviewOfGirls());
    const user = userEvent.setup();
    await user.click(screen.getByRole('switch', { name: 'Visa publicerad version' }));
    await waitFor(() => expect(screen.getByTestId('results-mode').textContent).toContain('Publicerad version – granskningens publiceringsunderlag (gräns 5 akter)'));
    const table = within(article(1)).getByRole('table', { name: 'Svar, fråga 1' });
    expect(within(within(table).getByRole('row', { name: /^Ja\b/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6']);
    expect(within(within(table).getByRole('row', { name: /^Nej\b/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2']);
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
    // 8 girls: a group of at least 5, but under 10 applicable answers: "–", said as it is, never "a small number".
    expect(article(1).textContent).toContain('visas inte: färre än 10 tillämpliga svar');
    expect(article(1).textContent).not.toContain('litet tal');
    expect(screen.getByTestId('publication-notes').textContent).toContain('Andelar visas där minst 10 svar är tillämpliga');
    expect(screen.queryByRole('form', { name: 'Filter och uppdelning' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('changes the review\'s threshold from the published view, only with a reason, and logs it', async () => {
    const reviewId = await reviewOfGirls();
    await openResults(reviewId);
    const user = userEvent.setup();
    await user.click(screen.getByRole('switch', { name: 'Visa publicerad version' }));
    await waitFor(() => expect(screen.getByTestId('results-mode').textContent).toContain('gräns 5 akter'));
    await user.click(screen.getByText('Ändra gränsen för små grupper…'));
    const form = screen.getByRole('form', { name: 'Ändra gränsen för små grupper' });
    await user.selectOptions(within(form).getByRole('combobox'), '10');
    const submit = within(form).getByRole('button', { name: 'Ändra gränsen' });
    await user.type(within(form).getByRole('textbox', { name: 'Skäl' }), 'kort');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(form).getByRole('textbox', { name: 'Skäl' }), ' – nämnden vill ha en högre gräns');
    await user.click(submit);
    // 8 girls are now a group under the threshold: their answers leave every per-question figure.
    await waitFor(() => expect(screen.getByTestId('results-mode').textContent).toContain('gräns 10 akter'));
    expect((await core.call('reviews.get', { reviewId })).publishThreshold).toBe(10);
    expect(core.db.prepare('SELECT to_threshold, reason FROM publication_event WHERE review_id = ?').all(reviewId)).toEqual([{ to_threshold: 10, reason: 'kort – nämnden vill ha en högre gräns' }]);
  });

  it('shows every published share of a review shaped like reference 003 exactly as the publication set has it', async () => {
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård', referenceDate: '2024-12-31', units: [...REFERENCE_003_UNITS] });
    const generated = generateReview('referens-003-skarm');
    await core.call('cases.import', { reviewId: id, contentBase64: Buffer.from(generated.casesCsv).toString('base64') });
    await core.call('answers.import', { reviewId: id, contentBase64: Buffer.from(generated.answersCsv).toString('base64') });
    const published = await core.call('results.get', { reviewId: id, published: true });
    await openResults(id);
    await userEvent.setup().click(screen.getByRole('switch', { name: 'Visa publicerad version' }));
    await waitFor(() => expect(screen.getByTestId('results-mode').textContent).toContain('Publicerad version'));
    for (const q of published.questions.filter((x) => x.share)) {
      for (const key of ['F', 'M', 'total'] as const) {
        const shown = article(q.number).querySelector(`[data-sex="${key}"]`)!.textContent!;
        const c = q.share![key] as { percent: number | null };
        if (c.percent === null) expect(shown, `fråga ${q.number} ${key}`).toContain('–');
        else expect(shown, `fråga ${q.number} ${key}`).toContain(formatShare(c.percent / 100));
      }
    }
  }, 30_000);

  it('a count opens the files behind it, each linked to its scoring screen; Stäng returns focus to the count', async () => {
    const reviewId = await reviewOfGirls();
    await openResults(reviewId);
    const user = userEvent.setup();
    const count = within(row(1, 'Nej')).getByRole('button', { name: '2 akter: Nej, flickor – visa akterna' });
    await user.click(count);
    const panel = await screen.findByRole('region', { name: 'Akterna bakom ”Nej, flickor” (2)' });
    await waitFor(() => expect(within(panel).getAllByRole('link').map((a) => a.textContent)).toEqual(['F-1', 'F-2']));
    expect(within(panel).getAllByRole('link')[0].getAttribute('href')).toMatch(new RegExp(`^#/granskningar/${reviewId}/akt/`));
    expect(document.activeElement).toBe(within(panel).getByRole('heading'));
    await user.click(within(panel).getByRole('button', { name: 'Stäng' }));
    expect(screen.queryByRole('region', { name: /^Akterna bakom/ })).toBeNull();
    expect(document.activeElement).toBe(within(row(1, 'Nej')).getByRole('button', { name: '2 akter: Nej, flickor – visa akterna' }));
  });

  it('"Exportera" saves the workbook of the version shown', async () => {
    await openResults(await reviewOfGirls());
    const user = userEvent.setup();
    await user.click(screen.getByText('Exportera'));
    await user.click(screen.getByRole('button', { name: 'Excel (.xlsx)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toMatch(/\.xlsx$/);
    expect(saved[0].mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String.fromCharCode(saved[0].bytes[0], saved[0].bytes[1])).toBe('PK');
  });

  it('a review without files says so instead of empty tables', async () => {
    await core.call('templates.import', { document: template() });
    const { id } = await core.call('reviews.create', { templateId: 'resultat-skarm', title: 'Tom', dnr: 'SOF 2024/2', referenceDate: '2024-12-31', units: ['Enhet A'] });
    await openResults(id);
    expect(screen.getByRole('heading', { level: 2, name: 'Inga akter att redovisa' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('results formatting', () => {
  it('writes sv-SE figures and a dash, never NaN', () => {
    expect(formatShare(0.4512)).toBe('45\u00a0%');
    expect(formatShare(null)).toBe('–');
    expect(formatShare(Number.NaN)).toBe('–');
    expect(formatCount(1234)).toBe('1\u00a0234');
    expect(formatCount(null)).toBe('–');
    expect(formatStatistic(4.25)).toBe('4,3');
    expect(formatStatistic(null)).toBe('–');
    expect(formatStatistic(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('the results route', () => {
  it('#/granskningar/<id>/resultat opens the results and round-trips', () => {
    expect(parseHash('#/granskningar/r%201/resultat')).toEqual({ name: 'results', reviewId: 'r 1' });
    expect(hrefFor({ name: 'results', reviewId: 'r 1' })).toBe('#/granskningar/r%201/resultat');
  });
});
