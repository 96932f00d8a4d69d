import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { TEXT_SAVE_DELAY_MS } from '../../renderer/src/state/scoring-store';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;
const PII_TEST_NUMBER = '20170101-2393'; // Skatteverket's published test number (boy)

/** The focusable box of a question (the element that takes the answer keys). */
const question = (id: string) => document.querySelector<HTMLElement>(`[data-question-id="${id}"] > [role="group"]`)!;
const statusOf = (id: string) => document.querySelector(`[data-question-id="${id}"] .save-status`)!.textContent;

async function openCase(caseId = 'c-AKT-1') {
  window.location.hash = `#/granskningar/r1/akt/${caseId}`;
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Akt / });
}

describe('scoring screen (keyboard first)', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(scoringTemplate());
    fake.addCase('r1', 'AKT-1');
    fake.addCase('r1', 'AKT-2');
  });

  it('shows areas with progress and focuses the first question', async () => {
    await openCase();
    expect(screen.getByRole('heading', { level: 2, name: 'Trygghet och säkerhet' })).toBeTruthy();
    expect(screen.getAllByText('0 av 3 besvarade')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    expect(question('T1').getAttribute('aria-current')).toBe('step');
  });

  it('J answers ja, shows "Sparar…" until the save resolves, then "Sparat", and moves on', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    let release!: () => void;
    fake.saveGate = new Promise((r) => (release = r));
    const user = userEvent.setup();
    await user.keyboard('j');
    expect(statusOf('T1')).toBe('Sparar…');
    expect(statusText()).toBe('Sparar…');
    expect(document.activeElement).toBe(question('T2'));
    await act(async () => release());
    await waitFor(() => expect(statusOf('T1')).toBe('Sparat'));
    expect(fake.callsOf('answers.save')[0].input).toEqual({ reviewId: 'r1', caseId: 'c-AKT-1', questionId: 'T1', value: 'ja' });
    expect(within(question('T1')).getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('1 av 3 besvarade')).toBeTruthy();
  });

  it('every answer key and digit maps to its step; arrows move without answering', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.keyboard('d'); // T1 delvis → T2
    await user.keyboard('4'); // T2 framgår ej (4th step) → T3
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(question('T1'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(question('T3'));
    await user.keyboard('e'); // T3 ej tillämpligt → A1 (a date: its input takes focus)
    await waitFor(() => expect(fake.callsOf('answers.save')).toHaveLength(3));
    expect(fake.callsOf('answers.save').map((c) => [c.input.questionId, c.input.value])).toEqual([
      ['T1', 'delvis'],
      ['T2', 'framgar_ej'],
      ['T3', 'ej_tillampligt'],
    ]);
    expect((document.activeElement as HTMLInputElement).id).toBe('answer-A1');
  });

  it('a date is checked before saving; a complete date saves and moves on; digits toggle choice options', async () => {
    await openCase();
    const user = userEvent.setup();
    await user.click(within(question('T3')).getByRole('button', { name: 'Nej' }));
    const date = screen.getByRole('textbox', { name: /När startade insatsen\?/ });
    await user.click(date);
    await user.keyboard('2025-02-30{Enter}');
    expect(screen.getByText(/Ange ett verkligt datum/)).toBeTruthy();
    expect(fake.callsOf('answers.save').filter((c) => c.input.questionId === 'A1')).toHaveLength(0);
    await user.clear(date);
    // A complete date moves on by itself: no Enter.
    await user.keyboard('2025-02-28');
    await waitFor(() => expect(document.activeElement).toBe(question('A2')));
    await user.keyboard('1');
    await user.keyboard('3');
    await user.keyboard('1');
    await waitFor(() => expect(statusOf('A2')).toBe('Sparat'));
    const saves = fake.callsOf('answers.save').map((c) => [c.input.questionId, c.input.value]);
    expect(saves).toContainEqual(['A1', '2025-02-28']);
    expect(saves.filter(([q]) => q === 'A2').map(([, v]) => v)).toEqual([['kvall'], ['kvall', 'tolk'], ['tolk']]);
    expect((within(question('A2')).getByRole('checkbox', { name: /Tolk/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('G toggles the guidance of the current question', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const guidance = screen.getByText('Titta i beslutet och uppdraget.');
    expect(guidance.closest('[hidden]')).not.toBeNull();
    await userEvent.setup().keyboard('g');
    expect(guidance.closest('[hidden]')).toBeNull();
    expect(screen.getByRole('button', { name: /Dölj bedömningsstöd/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('Tab reaches the note and "Var i akten"; text is saved after a pause in typing and on blur', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(within(question('T1')).getByRole('textbox', { name: 'Anteckning' }));
    await user.keyboard('Planen saknar mål');
    await user.tab();
    expect(document.activeElement).toBe(within(question('T1')).getByRole('textbox', { name: 'Var i akten' }));
    // Leaving the note saved it at once (no wait for the pause).
    await waitFor(() => expect(fake.callsOf('answers.save').map((c) => c.input.note)).toContain('Planen saknar mål'));
    await user.keyboard('journal 2024-03-12');
    await waitFor(() => expect(fake.callsOf('answers.save').some((c) => c.input.fileRef === 'journal 2024-03-12')).toBe(true), { timeout: TEXT_SAVE_DELAY_MS + 1000 });
    await waitFor(() => expect(statusOf('T1')).toBe('Sparat'));
    // Dates and Dnr in a note do not trigger the guard.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the PII guard warns inline and sends nothing while a personal identity number is in the note', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    const note = within(question('T1')).getByRole('textbox', { name: 'Anteckning' });
    await user.click(note);
    await user.keyboard(`Barnet ${PII_TEST_NUMBER} bor hos mamma`);
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toMatch(/ser ut som ett personnummer/);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    await user.tab(); // blur flushes — but the guard holds it back
    await new Promise((r) => setTimeout(r, TEXT_SAVE_DELAY_MS + 100));
    expect(fake.callsOf('answers.save')).toHaveLength(0);
    expect(statusOf('T1')).toBe('Inte sparat');
    // Removing the number lets the note be saved.
    await user.clear(note);
    await user.type(note, 'Barnet bor hos mamma');
    await user.tab();
    await waitFor(() => expect(fake.callsOf('answers.save').map((c) => c.input.note)).toEqual(['Barnet bor hos mamma']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the Swedish message when a save is refused, and the answer is not shown as given', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    fake.failNext('answers.save', { code: 'INTERNAL', message: 'Databasen är låst just nu.' });
    await userEvent.setup().keyboard('j');
    await waitFor(() => expect(statusOf('T1')).toBe('Inte sparat: Databasen är låst just nu.'));
    expect(within(question('T1')).getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('false');
    expect(statusText()).toBe('Databasen är låst just nu.');
  });

  it('reopening resumes at the first unanswered question and shows the history of an answer', async () => {
    fake.setAnswer('c-AKT-1', 'T1', 'ja');
    fake.setAnswer('c-AKT-1', 'T2', 'nej');
    fake.audit.push({ caseId: 'c-AKT-1', questionId: 'T1', at: '2026-01-02T08:00:00.000Z', oldValue: 'nej', newValue: 'ja', oldNote: null, newNote: 'Rättat' });
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T3')));
    const user = userEvent.setup();
    // T1 is folded (not current): a click on it opens it, with its history.
    expect(within(question('T1')).queryByText('Historik')).toBeNull();
    await user.click(within(question('T1')).getByRole('heading', { level: 3 }));
    await user.click(within(question('T1')).getByText('Historik'));
    const entry = await within(question('T1')).findByText(/Svar: Nej → Ja/);
    expect(entry.closest('li')!.parentElement!.textContent).toMatch(/Anteckning: \(tom\) → ”Rättat”/);
    expect(entry.closest('ol')!.textContent).toMatch(/granskare/);
  });

  it('Ctrl+Enter marks the file done and opens the next file not yet done', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(window.location.hash).toBe('#/granskningar/r1/akt/c-AKT-2'));
    expect(fake.callsOf('cases.setDone')[0].input).toEqual({ reviewId: 'r1', caseId: 'c-AKT-1', done: true });
    await screen.findByRole('heading', { level: 1, name: 'Akt AKT-2' });
  });
});
