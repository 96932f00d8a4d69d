import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { setBusyRetryDelays, useScoring, WAITING_FOR_DATABASE } from '../../renderer/src/state/scoring-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import type { ApiError } from '../../shared/result';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake } from './review-helpers';

const BUSY: ApiError = { code: 'BUSY', message: 'Databasen är upptagen av en annan åtgärd (till exempel en import som pågår). Inget har sparats ännu; försök igen om en stund.' };
let fake: FakeReviewApi;

beforeEach(() => {
  fake = freshReviewFake();
  fake.addReview(scoringTemplate());
  fake.addCase('r1', 'AKT-1');
  setBusyRetryDelays([1, 1, 1]);
});

describe('a save while the database is busy', () => {
  it('is tried again by itself, shown as waiting meanwhile, and as saved only once it is committed', async () => {
    await useScoring.getState().open('r1', 'c-AKT-1');
    const states: string[] = [];
    const announcements: string[] = [];
    const stopStates = useScoring.subscribe((s) => {
      const state = s.status.T1?.state;
      if (state && states[states.length - 1] !== state) states.push(state);
    });
    const stopAnnouncements = useStatusStore.subscribe((s) => announcements.push(s.message));
    fake.failNext('answers.save', BUSY);
    fake.failNext('answers.save', BUSY);

    await useScoring.getState().answer('T1', 'ja');
    stopStates();
    stopAnnouncements();
    expect(fake.callsOf('answers.save').map((c) => c.input.value)).toEqual(['ja', 'ja', 'ja']);
    expect(states).toEqual(['saving', 'waiting', 'saving', 'saved']);
    expect(announcements).toContain(WAITING_FOR_DATABASE);
    expect(useScoring.getState().saved.T1?.value).toBe('ja');
    expect(useScoring.getState().shown.T1?.value).toBe('ja');
    expect(fake.answers.size).toBe(1);
  });

  it('gives up after its last try and says so, keeping what is committed', async () => {
    setBusyRetryDelays([1, 1]);
    await useScoring.getState().open('r1', 'c-AKT-1');
    for (let i = 0; i < 3; i++) fake.failNext('answers.save', BUSY);
    await useScoring.getState().answer('T1', 'ja');
    expect(fake.callsOf('answers.save')).toHaveLength(3);
    expect(useScoring.getState().status.T1).toEqual({ state: 'error', message: BUSY.message });
    expect(useScoring.getState().saved.T1).toBeUndefined();
  });

  it('the screen reads "Väntar på databasen …" while it waits, then "Sparat"', async () => {
    window.location.hash = '#/granskningar/r1/akt/c-AKT-1';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: /^Akt / });
    const question = document.querySelector<HTMLElement>('[data-question-id="T1"] > [role="group"]')!;
    await waitFor(() => expect(document.activeElement).toBe(question));
    fake.failNext('answers.save', BUSY);
    let release!: () => void;
    fake.saveGate = new Promise((r) => (release = r));
    await userEvent.setup().keyboard('j');
    await waitFor(() => expect(fake.callsOf('answers.save')).toHaveLength(2));
    const status = () => document.querySelector('[data-question-id="T1"] .save-status')!.textContent;
    expect(status()).toBe(WAITING_FOR_DATABASE);
    await act(async () => release());
    await waitFor(() => expect(status()).toBe('Sparat'));
  });
});
