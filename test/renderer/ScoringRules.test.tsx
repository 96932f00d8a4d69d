import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient, type CallOptions } from '../../renderer/src/api/client';
import { configureServices } from '../../renderer/src/services';
import type { Template } from '../../shared/templates/schema';
import type { FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question-id="${id}"] > [role="group"]`)!;

function requiredTemplate(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'obligatorisk',
    name: 'Obligatoriska frågor',
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'trygghet', name: 'Trygghet och säkerhet' }],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
      ],
    },
    questions: [
      { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?', required: true },
      { id: 'T2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en plan?', required: true },
      { id: 'T3', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Är journalen löpande?' },
      { id: 'T4', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en riskbedömning?', required: true },
    ],
  };
}

async function openCase(caseId = 'c-AKT-1') {
  window.location.hash = `#/granskningar/r1/akt/${caseId}`;
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Akt / });
}

describe('done means complete', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(requiredTemplate());
    fake.addCase('r1', 'AKT-1');
    fake.addCase('r1', 'AKT-2');
  });

  it('"Klar" with required questions unanswered says how many and moves focus to the first; nothing is marked done', async () => {
    fake.setAnswer('c-AKT-1', 'T1', 'ja');
    await openCase();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Klar – nästa akt/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('2 obligatoriska frågor saknar svar: frågorna 2 och 4.');
    expect(statusText()).toBe('2 obligatoriska frågor saknar svar: frågorna 2 och 4.');
    await waitFor(() => expect(document.activeElement).toBe(question('T2')));
    expect(fake.callsOf('cases.setDone')).toHaveLength(0);
    expect(window.location.hash).toBe('#/granskningar/r1/akt/c-AKT-1');

    // One left: the singular, and Ctrl+Enter is refused the same way.
    await user.keyboard('j');
    await waitFor(() => expect(fake.callsOf('answers.save')).toHaveLength(1));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('1 obligatorisk fråga saknar svar: fråga 4.'));
    await waitFor(() => expect(document.activeElement).toBe(question('T4')));

    // Complete (T3 is not required): done, and on to the next file.
    await user.keyboard('n');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /Klar – nästa akt/ })));
    expect(document.getElementById('finish-summary')!.textContent).toBe('3 av 4 frågor besvarade · alla obligatoriska frågor har svar.');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Akt AKT-2' });
    expect(fake.callsOf('cases.setDone').map((c) => c.input.done)).toEqual([true]);
  });

  it('when the core refuses (an answer removed elsewhere), its issues take focus to the question they name', async () => {
    for (const q of ['T1', 'T2', 'T4']) fake.setAnswer('c-AKT-1', q, 'ja');
    await openCase();
    fake.failNext('cases.setDone', {
      code: 'VALIDATION',
      message: '1 obligatoriska frågor saknar svar: T2.',
      issues: [{ path: '$.answers.T2', message: 'Fråga T2 saknar svar.' }],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: /Klar – nästa akt/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('1 obligatorisk fråga saknar svar: fråga 2.'));
    await waitFor(() => expect(document.activeElement).toBe(question('T2')));
    expect(window.location.hash).toBe('#/granskningar/r1/akt/c-AKT-1');
  });

  it('a done file can be reopened', async () => {
    for (const q of ['T1', 'T2', 'T4']) fake.setAnswer('c-AKT-1', q, 'ja');
    fake.cases[0].done = true;
    await openCase();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Öppna akten igen' }));
    await waitFor(() => expect(fake.callsOf('cases.setDone').map((c) => c.input.done)).toEqual([false]));
    expect(screen.queryByRole('button', { name: 'Öppna akten igen' })).toBeNull();
  });
});

describe('a file the sample does not include', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(requiredTemplate());
    for (const ref of ['AKT-1', 'AKT-2', 'AKT-3', 'AKT-4']) fake.addCase('r1', ref);
    fake.setSample([
      { ref: 'AKT-1', status: 'selected' },
      { ref: 'AKT-2', status: 'dropped', changedAt: '2026-01-03T10:00:00.000Z' },
      { ref: 'AKT-3', status: 'replacement', changedAt: '2026-01-03T10:00:00.000Z' },
    ]);
    fake.setAnswer('c-AKT-4', 'T1', 'nej', 'Svarat före urvalet');
  });

  it('opens read-only with a banner: controls disabled, keys answer nothing, no "Klar"', async () => {
    await openCase('c-AKT-4');
    const banner = screen.getByRole('note', { name: 'Akten kan inte granskas' });
    expect(banner.textContent).toMatch(/^Ej i urvalet – akten ingår inte i granskningens urval\./);
    await waitFor(() => expect(document.activeElement).toBe(question('T2')));
    expect(within(question('T1')).getByRole('button', { name: 'Nej' }).getAttribute('aria-pressed')).toBe('true');
    for (const b of within(question('T2')).getAllByRole('button', { name: /^(Ja|Nej)$/ })) expect((b as HTMLButtonElement).disabled).toBe(true);
    // T1 is folded: its note shows as a summary line until the question is opened.
    expect(question('T1').querySelector('.scoring-question-summary')!.textContent).toBe('Anteckning: Svarat före urvalet');
    const user = userEvent.setup();
    await user.keyboard('j');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(document.activeElement).toBe(question('T2'));
    expect(screen.queryByRole('button', { name: /Klar – nästa akt/ })).toBeNull();
    await user.click(within(question('T1')).getByRole('heading', { level: 3 }));
    const note = within(question('T1')).getByRole('textbox', { name: 'Anteckning' }) as HTMLTextAreaElement;
    expect(note.value).toBe('Svarat före urvalet');
    expect(note.readOnly).toBe(true);
    await user.keyboard('j');
    expect(fake.callsOf('answers.save')).toHaveLength(0);
    expect(fake.callsOf('cases.setDone')).toHaveLength(0);
  });

  it('a dropped file names its replacement and links to it', async () => {
    await openCase('c-AKT-2');
    const banner = screen.getByRole('note', { name: 'Akten kan inte granskas' });
    expect(banner.textContent).toMatch(/^Bortfall – ersatt av akt AKT-3/);
    await userEvent.setup().click(within(banner).getByRole('link', { name: 'Granska ersättaren, akt AKT-3' }));
    await screen.findByRole('heading', { level: 1, name: 'Akt AKT-3' });
    expect(screen.queryByRole('note', { name: 'Akten kan inte granskas' })).toBeNull();
    expect(screen.getByRole('button', { name: /Klar – nästa akt/ })).toBeTruthy();
  });
});

describe('a note typed just before leaving', () => {
  const calls: { method: string; options?: CallOptions }[] = [];

  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(requiredTemplate());
    fake.addCase('r1', 'AKT-1');
    calls.length = 0;
    configureServices({
      api: createApiClient((method, input, options) => {
        calls.push({ method, options });
        return fake.transport(method, input);
      }),
    });
  });

  for (const leave of ['pagehide', 'beforeunload', 'visibilitychange'] as const) {
    it(`is sent at once on ${leave}, as a request that outlives the page`, async () => {
      await openCase();
      const user = userEvent.setup();
      await user.click(within(question('T1')).getByRole('textbox', { name: 'Anteckning' }));
      await user.keyboard('Planen saknar mål');
      expect(fake.callsOf('answers.save')).toHaveLength(0); // still within the typing pause
      await act(async () => {
        if (leave === 'visibilitychange') {
          Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        } else window.dispatchEvent(new Event(leave));
      });
      if (leave === 'visibilitychange') Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      expect(fake.callsOf('answers.save').map((c) => c.input.note)).toEqual(['Planen saknar mål']);
      expect(calls.filter((c) => c.method === 'answers.save').map((c) => c.options)).toEqual([{ keepalive: true }]);
    });
  }
});
