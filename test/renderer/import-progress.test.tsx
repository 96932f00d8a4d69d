import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { configureServices } from '../../renderer/src/services';
import { newProgressId } from '../../renderer/src/state/review-store';
import { importProgressText } from '../../renderer/src/screens/reviews/review/import-progress';
import { contract } from '../../shared/contract';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;
let release: () => void = () => {};

beforeEach(() => {
  fake = freshReviewFake();
  fake.addReview(scoringTemplate());
  fake.importPreview = {
    dryRun: true, encoding: 'utf-8', separator: ';', columns: { akt: 'akt', enhet: 'enhet' }, attributeColumns: [], headers: ['akt', 'enhet'], missingFields: [],
    rows: 100_000, imported: 0, updated: 0, skipped: 0, existing: 0, rejected: [], units: ['Enhet A'], unknownUnits: [], skippedUnknown: 0,
    preview: [{ ref: 'AKT-1', unit: 'Enhet A', sex: 'U', age: null, ageBand: null, attributes: {} }],
  };
  fake.importGate = new Promise((resolve) => (release = resolve));
});
afterEach(() => release());

describe('a long case-list import shows how far it has come', () => {
  it('asks imports.progress with the id it gave the import, shows the rows as a bar, and the bar goes when it is done', async () => {
    configureServices({ pickFile: async () => ({ name: 'stor.csv', bytes: new TextEncoder().encode('akt;enhet\nAKT-1;Enhet A\n') }) });
    window.location.hash = '#/granskningar/r1';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Öppenvård barn' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Importera akt-lista…' }));
    const preview = await screen.findByRole('region', { name: 'Förhandsgranskning: stor.csv' });

    fake.importProgress = { phase: 'writing', done: 40_000, total: 100_000 };
    await user.click(within(preview).getByRole('button', { name: /^Importera/ }));
    const bar = await within(preview).findByRole('progressbar', { name: 'Importens förlopp' }, { timeout: 3_000 });
    expect(bar.getAttribute('value')).toBe('40000');
    expect(bar.getAttribute('max')).toBe('100000');
    expect(preview.textContent).toMatch(/Sparar akterna: 40\u00a0000 av 100\u00a0000/);
    const id = fake.callsOf('cases.import')[1].input.progressId as string;
    expect(contract['cases.import'].input.shape.progressId.safeParse(id).success).toBe(true);
    expect(fake.callsOf('imports.progress').every((c) => c.input.id === id)).toBe(true);

    release();
    await waitFor(() => expect(statusText()).toMatch(/akter importerades/));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says each phase in Swedish, with Swedish numbers', () => {
    expect(importProgressText({ phase: 'checking', done: 2_000, total: 100_000 })).toBe('Kontrollerar raderna: 2\u00a0000 av 100\u00a0000');
    expect(importProgressText({ phase: 'queued', done: 0, total: 0 })).toBe('Väntar på att en annan import blir klar…');
    expect(importProgressText({ phase: 'reading', done: 0, total: 0 })).toBe('Läser filen…');
  });

  it('makes ids of 24 letters, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newProgressId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z]{24}$/);
  });
});
