import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import type { PickedFile } from '../../renderer/src/api/files';
import { hrefFor } from '../../renderer/src/routing/routes';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetReport } from '../../renderer/src/state/report-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import { testCore, type TestCore } from '../support/core';
import { pdfDocument } from '../support/pdf';

/*
 * Issue 16 on screen: a PDF the core could not read through for personal numbers (a scan, a
 * damaged file) is refused with the reason, and the board secretary may confirm that it holds no
 * personal data and attach it anyway; the confirmation is in the report's history. A real core
 * behind the screen: the refusals and the log are the core's.
 */

let core: TestCore;
let nextPick: PickedFile | null;

const SCAN = new Uint8Array(pdfDocument([{ image: true }]));
const DAMAGED = new TextEncoder().encode('%PDF-1.4\nnågot som inte är en PDF\n');

async function secretaryReport(): Promise<string> {
  const { id: reviewId } = await core.call('reviews.createExample', {});
  await core.call('profile.save', { name: 'Sara Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' });
  window.location.hash = hrefFor({ name: 'report', reviewId });
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Tjänsteutlåtande – / });
  return reviewId;
}

/** The core reads a PDF in a worker thread: on a busy machine that takes a moment. */
const READ = { timeout: 10_000 };

const appendixTable = () => screen.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' });
const history = () => screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' });

beforeEach(() => {
  // The workbench records changes under the profile's name; here the secretary's.
  core = testCore({ actor: 'Sara Sekreterare' });
  nextPick = null;
  resetServices();
  configureServices({
    api: createApiClient((method, input) => core.dispatch(method, input)),
    saveBinaryFile: async (name) => name,
    pickFile: async () => nextPick,
  });
  resetReport();
  resetProfile();
  useStatusStore.getState().clear();
});

afterEach(() => {
  cleanup();
  resetReport();
  core.dispose();
});

describe('an appendix PDF that cannot be read through', { timeout: 30_000 }, () => {
  it('is refused with the reason; the secretary confirms it holds no personal data and attaches it anyway, which the history shows', async () => {
    await secretaryReport();
    const user = userEvent.setup();
    nextPick = { name: 'skannat protokoll.pdf', bytes: SCAN };
    await user.click(screen.getByRole('button', { name: 'Bifoga bilaga…' }));
    expect(screen.getByText(/^Filen läses igenom innan den bifogas/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Bifoga' }));

    const confirm = await screen.findByRole('checkbox', { name: 'Jag har gått igenom filen och den innehåller inga personuppgifter' }, READ);
    expect(screen.getByRole('alert').textContent).toMatch(/kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer: sidan 1 har ingen text, bara bild eller grafik/);
    expect(screen.getByText('Bekräftelsen sparas med ditt namn i utlåtandets historik.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    const anyway = screen.getByRole('button', { name: 'Bifoga ändå' });
    expect(anyway.matches(':disabled')).toBe(true);
    expect(within(appendixTable()).queryByRole('row', { name: /^Bilaga 2/ })).toBeNull();

    await user.click(confirm);
    expect(anyway.matches(':disabled')).toBe(false);
    await user.click(anyway);
    await waitFor(() => expect(within(appendixTable()).getByRole('row', { name: /^Bilaga 2/ }).textContent).toContain('skannat protokoll.pdf'), READ);
    expect(screen.queryByRole('checkbox', { name: /inga personuppgifter/ })).toBeNull();
    expect(within(history()).getByText('Gick vidare trots brister')).toBeTruthy();
    expect(history().textContent).toMatch(/skannat protokoll\.pdf bifogades utan kontroll av personnummer/);
  });

  it('a listed appendix’s file: refused beside its row, attached on the confirmation, or left as it was on Avbryt', async () => {
    const reviewId = await secretaryReport();
    await core.call('appendix.plan', { reviewId, title: 'Protokoll' });
    cleanup();
    resetReport();
    window.location.hash = hrefFor({ name: 'report', reviewId });
    render(<App />);
    const user = userEvent.setup();
    const attachButton = await screen.findByRole('button', { name: 'Bifoga fil, bilaga 2' });

    nextPick = { name: 'trasig.pdf', bytes: DAMAGED };
    await user.click(attachButton);
    const confirm = await screen.findByRole('checkbox', { name: 'Jag har gått igenom filen och den innehåller inga personuppgifter' }, READ);
    expect(within(appendixTable()).getByRole('row', { name: /^Bilaga 2/ }).textContent).toMatch(/den går inte att öppna som PDF \(den kan vara skadad\)/);
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('checkbox', { name: /inga personuppgifter/ })).toBeNull();
    expect(within(appendixTable()).getByRole('row', { name: /^Bilaga 2/ }).textContent).toContain('Filen saknas');
    expect(confirm.isConnected).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Bifoga fil, bilaga 2' }));
    await user.click(await screen.findByRole('checkbox', { name: /inga personuppgifter/ }, READ));
    await user.click(screen.getByRole('button', { name: 'Bifoga trasig.pdf ändå' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Byt fil, bilaga 2' })).toBeTruthy(), READ);
    expect(within(appendixTable()).getByRole('row', { name: /^Bilaga 2/ }).textContent).toContain('trasig.pdf');
    expect(screen.queryByRole('checkbox', { name: /inga personuppgifter/ })).toBeNull();
    expect((await core.call('report.get', { reviewId })).events.at(-1)).toMatchObject({ actor: 'Sara Sekreterare', action: 'undantag', note: expect.stringMatching(/^Bilaga 2 \(Protokoll\): trasig\.pdf bifogades utan kontroll/) });
  });
});
