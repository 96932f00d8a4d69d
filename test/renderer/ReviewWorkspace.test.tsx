import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import { configureServices } from '../../renderer/src/services';
import { useReview } from '../../renderer/src/state/review-store';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake } from './review-helpers';

let fake: FakeReviewApi;
/** sv-SE groups thousands with a no-break space (Testing Library's text matching reads it as a space). */
const NBSP = '\u00a0';

async function openReview() {
  window.location.hash = '#/granskningar/r1';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
}

const rowTexts = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));

/** Four files in Enhet A, two in Enhet B; A-2 dropped and replaced by A-4. */
function sampledReview() {
  fake.addReview(scoringTemplate(), { units: ['Enhet A', 'Enhet B'] });
  for (const ref of ['A-1', 'A-2', 'A-3', 'A-4']) fake.addCase('r1', ref, { unit: 'Enhet A' });
  for (const ref of ['B-1', 'B-2']) fake.addCase('r1', ref, { unit: 'Enhet B' });
  fake.setSample([
    { ref: 'A-1', status: 'selected' },
    { ref: 'A-2', status: 'dropped', changedAt: '2026-01-03T10:00:00.000Z' },
    { ref: 'A-3', status: 'selected' },
    { ref: 'A-4', status: 'replacement', changedAt: '2026-01-03T10:00:00.000Z' },
    { ref: 'B-1', status: 'selected' },
    { ref: 'B-2', status: 'selected' },
  ]);
}

describe('the review page as the workspace', () => {
  beforeEach(() => {
    fake = freshReviewFake();
  });

  it('shows sampled, done, left and dropped files per unit with totals, and the status of every sampled file', async () => {
    sampledReview();
    fake.cases.find((c) => c.ref === 'A-1')!.done = true;
    fake.setAnswer('c-A-3', 'T1', 'ja');
    fake.setAnswer('c-A-3', 'T2', 'nej');
    await openReview();

    const progress = screen.getByRole('region', { name: 'Framsteg' });
    expect(rowTexts(within(progress).getByRole('table', { name: 'Framsteg per enhet' }))).toEqual([
      ['Enhet', 'I urvalet', 'Klara', 'Kvar', 'Bortfall'],
      ['Enhet A', '3', '1', '2', '1'],
      ['Enhet B', '2', '0', '2', '0'],
      ['Totalt', '5', '1', '4', '1'],
    ]);
    expect(within(progress).getByText(/^Klara akter:/).textContent).toBe('Klara akter: 1 av 5');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 av 5 akter klara');

    const sample = screen.getByRole('region', { name: 'Urval' });
    expect(within(sample).getByRole('heading', { level: 3, name: 'Enhet A 3 akter i urvalet' })).toBeTruthy();
    expect(rowTexts(within(sample).getByRole('table', { name: 'Urvalet i Enhet A' })).map((r) => r.slice(0, 3))).toEqual([
      ['Nr', 'Akt', 'Status'],
      ['1', 'A-1', 'Klar'],
      ['2', 'A-2', 'Bortfall – ersatt av A-4'],
      ['3', 'A-3', 'Påbörjad 2 av 5'],
      ['4', 'A-4', 'Ej påbörjad (ersättare för A-2)'],
    ]);
    // Every file links into scoring; the dropout control stays, except on the dropped file.
    const unitA = within(sample).getByRole('table', { name: 'Urvalet i Enhet A' });
    expect(within(unitA).getByRole('link', { name: 'Granska akt A-3' }).getAttribute('href')).toBe('#/granskningar/r1/akt/c-A-3');
    expect(within(unitA).getByRole('link', { name: 'Visa akt A-2' }).getAttribute('href')).toBe('#/granskningar/r1/akt/c-A-2');
    expect(within(unitA).getAllByRole('button', { name: /^Bortfall för akt / }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Bortfall för akt A-1',
      'Bortfall för akt A-3',
      'Bortfall för akt A-4',
    ]);
  });

  it('says one file and several files in Swedish', async () => {
    fake.addReview(scoringTemplate(), { units: ['Enhet A', 'Enhet B'] });
    fake.addCase('r1', 'A-1', { unit: 'Enhet A' });
    for (const ref of ['B-1', 'B-2']) fake.addCase('r1', ref, { unit: 'Enhet B' });
    fake.setSample([
      { ref: 'A-1', status: 'selected' },
      { ref: 'B-1', status: 'selected' },
      { ref: 'B-2', status: 'selected' },
    ]);
    await openReview();
    const sample = screen.getByRole('region', { name: 'Urval' });
    expect(within(sample).getByRole('heading', { level: 3, name: 'Enhet A 1 akt i urvalet' })).toBeTruthy();
    expect(within(sample).getByRole('heading', { level: 3, name: 'Enhet B 2 akter i urvalet' })).toBeTruthy();
    expect(within(sample).getByText(/^Enhet A: 1 akt, Enhet B: 2 akter$/)).toBeTruthy();
    expect(screen.getByText('3 akter i akt-listan – urvalet dras ur den.')).toBeTruthy();
  });

  it('"Fortsätt granska" opens the next file not done, and gives way to "Alla akter är klara" when none is left', async () => {
    sampledReview();
    fake.cases.find((c) => c.ref === 'A-1')!.done = true;
    await openReview();
    const link = screen.getByRole('link', { name: 'Fortsätt granska' });
    expect(link.getAttribute('href')).toBe('#/granskningar/r1/akt/c-A-3');
    expect(link.getAttribute('aria-describedby')).toBe('next-file');
    expect(document.getElementById('next-file')!.textContent).toBe('Nästa akt: A-3 (Enhet A)');

    // Back from scoring with every file done: the screen loads afresh.
    for (const c of fake.cases) c.done = true;
    window.location.hash = '#/granskningar';
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    window.location.hash = '#/granskningar/r1';
    await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
    expect(screen.queryByRole('link', { name: 'Fortsätt granska' })).toBeNull();
    expect(screen.getByText('Alla akter är klara.')).toBeTruthy();
    expect(rowTexts(screen.getByRole('table', { name: 'Framsteg per enhet' })).at(-1)).toEqual(['Totalt', '5', '5', '0', '1']);
  });

  it('offers "Dra om urvalet" only until scoring has started, and then says why not', async () => {
    sampledReview();
    await openReview();
    const sample = screen.getByRole('region', { name: 'Urval' });
    expect(within(sample).getByText('Dra om urvalet')).toBeTruthy();
    expect(within(sample).queryByText(/Urvalet kan inte dras om/)).toBeNull();

    fake.setAnswer('c-B-1', 'T1', 'ja');
    window.location.hash = '#/granskningar';
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    window.location.hash = '#/granskningar/r1';
    await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
    const after = screen.getByRole('region', { name: 'Urval' });
    expect(within(after).queryByText('Dra om urvalet')).toBeNull();
    expect(within(after).queryByRole('form', { name: 'Dra om urvalet' })).toBeNull();
    expect(within(after).getByText(/^Urvalet kan inte dras om när granskningen har börjat: /)).toBeTruthy();
  });

  it('before a sample, guides to the next step: the import first, then the draw, with the case list open', async () => {
    fake.addReview(scoringTemplate());
    await openReview();
    const steps = screen.getByRole('region', { name: 'Nästa steg' });
    const current = () => steps.querySelector('[aria-current="step"]')!;
    expect(within(current() as HTMLElement).getByRole('heading', { level: 3 }).textContent).toBe('Importera akt-lista');
    expect(within(current() as HTMLElement).getByRole('button', { name: 'Importera akt-lista…' }).className).toBe('primary');
    expect(screen.getAllByRole('button', { name: 'Importera akt-lista…' })).toHaveLength(1);
    expect(screen.queryByRole('link', { name: 'Fortsätt granska' })).toBeNull();

    for (let n = 1; n <= 3; n++) fake.addCase('r1', `AKT-${n}`);
    window.location.hash = '#/granskningar';
    await screen.findByRole('heading', { level: 1, name: 'Granskningar' });
    window.location.hash = '#/granskningar/r1';
    await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
    const now = screen.getByRole('region', { name: 'Nästa steg' });
    expect(within(now).getByText('Klart: 3 akter i akt-listan.')).toBeTruthy();
    const step = now.querySelector('[aria-current="step"]') as HTMLElement;
    expect(within(step).getByRole('heading', { level: 3 }).textContent).toBe('Dra urval');
    expect(within(step).getByRole('form', { name: 'Dra urval' })).toBeTruthy();
    // Import is now a secondary button of the case list, which is open while there is no sample.
    const cases = screen.getByRole('region', { name: 'Akter' });
    expect(within(cases).getByRole('button', { name: 'Importera akt-lista…' }).className).not.toContain('primary');
    expect(within(cases).getByRole('button', { name: 'Akt-listan' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(cases).getAllByRole('row')).toHaveLength(4);
  });

  it('folds the case list once a sample exists, and searches and pages it on the core', async () => {
    fake.addReview(scoringTemplate(), { units: ['Enhet A', 'Enhet B'] });
    for (let n = 1; n <= 1200; n++) fake.addCase('r1', `AKT-${n}`, { unit: n % 2 ? 'Enhet A' : 'Enhet B' });
    fake.setSample([{ ref: 'AKT-1', status: 'selected' }]);
    await openReview();
    expect(fake.callsOf('cases.list').map((c) => c.input)).toEqual([{ reviewId: 'r1', offset: 0, limit: 50 }]);

    const cases = screen.getByRole('region', { name: 'Akter' });
    expect(within(cases).getByText('1 200 akter i akt-listan – urvalet dras ur den.').textContent).toBe(`1${NBSP}200 akter i akt-listan – urvalet dras ur den.`);
    const toggle = within(cases).getByRole('button', { name: 'Akt-listan' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(cases).queryByRole('table')).toBeNull();
    const user = userEvent.setup();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = within(cases).getByRole('table', { name: 'Akter i granskningen' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(rowTexts(table)[1]).toEqual(['AKT-1', 'Enhet A', 'flicka', '6–12', 'Vald']);
    expect(rowTexts(table)[2]).toEqual(['AKT-2', 'Enhet B', 'flicka', '6–12', 'Ej i urvalet']);
    expect(cases.querySelector('[aria-live="polite"]')!.textContent).toBe(`Visar 1–50 av 1${NBSP}200`);
    expect((within(cases).getByRole('button', { name: 'Föregående sida' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(within(cases).getByRole('button', { name: 'Nästa sida' }));
    await within(cases).findByText('Visar 51–100 av 1 200');
    expect(fake.callsOf('cases.list').at(-1)!.input).toEqual({ reviewId: 'r1', offset: 50, limit: 50 });
    expect(rowTexts(within(cases).getByRole('table'))[1][0]).toBe('AKT-51');

    // The search waits for a pause in typing, then starts from the first page.
    const before = fake.callsOf('cases.list').length;
    await user.type(within(cases).getByRole('searchbox', { name: 'Sök akt eller enhet' }), 'akt-119');
    await within(cases).findByText('Visar 1–11 av 11 som matchar ”akt-119”');
    const searches = fake.callsOf('cases.list').slice(before);
    expect(searches.length).toBeLessThan('akt-119'.length);
    expect(searches.at(-1)!.input).toEqual({ reviewId: 'r1', query: 'akt-119', offset: 0, limit: 50 });
    expect(within(cases).queryByRole('navigation', { name: 'Sidor i akt-listan' })).toBeNull();

    await user.clear(within(cases).getByRole('searchbox', { name: 'Sök akt eller enhet' }));
    await user.type(within(cases).getByRole('searchbox', { name: 'Sök akt eller enhet' }), 'finns inte{Enter}');
    await within(cases).findByText('Inga akter matchar ”finns inte”.');
    expect(within(cases).queryByRole('table')).toBeNull();
  });

  it('keeps the review details to one line, all of them folded, with "Ändra uppgifter"', async () => {
    fake.addReview(scoringTemplate(), { units: ['Enhet A', 'Enhet B'], periodFrom: '2024-01-01', periodTo: '2024-06-30' });
    await openReview();
    const details = screen.getByRole('region', { name: 'Uppgifter' });
    expect(details.querySelector('.review-summary')!.textContent).toBe('Dnr SOF 2024/543 · Poängmall, version 1 (Barn) · period 2024-01-01 – 2024-06-30 · enheter: Enhet A, Enhet B');
    expect(within(details).getByText('Alla uppgifter').closest('details')!.open).toBe(false);
    await userEvent.setup().click(within(details).getByRole('button', { name: 'Ändra uppgifter' }));
    await waitFor(() => expect(within(details).getByRole('button', { name: 'Spara uppgifter' })).toBeTruthy());
  });

  it('never lets the answer to an older search replace a newer one', async () => {
    fake.addReview(scoringTemplate());
    for (const ref of ['AKT-1', 'AKT-2', 'BKT-1']) fake.addCase('r1', ref);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    configureServices({
      api: createApiClient(async (method, input) => {
        if (method === 'cases.list' && (input as { query?: string }).query === 'akt') await slow;
        return fake.transport(method, input);
      }),
    });
    await useReview.getState().open('r1');
    const older = useReview.getState().searchCases('akt');
    await useReview.getState().searchCases('bkt');
    release();
    await older;
    expect(useReview.getState().caseList).toMatchObject({ query: 'bkt', total: 1, loading: false });
    expect(useReview.getState().caseList.cases.map((c) => c.ref)).toEqual(['BKT-1']);
  });
});
