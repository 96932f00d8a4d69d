import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { TEXT_SAVE_DELAY_MS, useScoring } from '../../renderer/src/state/scoring-store';
import type { Template } from '../../shared/templates/schema';
import { scoringTemplate, type FakeReviewApi } from './fake-review-api';
import { freshReviewFake } from './review-helpers';

let fake: FakeReviewApi;
const PII_TEST_NUMBER = '20170101-2393'; // Skatteverket's published test number (boy)

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question-id="${id}"] > [role="group"]`)!;
const questionText = (id: string) => within(question(id)).getByRole('heading', { level: 3 });
const summaryOf = (id: string) => question(id).querySelector('.scoring-question-summary');
const notesSaved = () => fake.callsOf('answers.save').map((c) => [c.input.questionId, c.input.note]);

/** The scoring template with Lagrum on its scale questions. */
function templateWithLaw(): Template {
  const t = scoringTemplate();
  const legal = [{ act: 'SoL (2001:453)', chapter: 11, section: '5' }];
  return { ...t, questions: t.questions.map((q) => (q.type === 'scale' ? { ...q, legal } : q)) };
}

async function openCase() {
  window.location.hash = '#/granskningar/r1/akt/c-AKT-1';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Akt / });
}

/** Everything only the current question shows: note fields, Lagrum, Historik. */
function unfolded(id: string) {
  const box = within(question(id));
  return {
    note: box.queryByRole('textbox', { name: 'Anteckning' }),
    fileRef: box.queryByRole('textbox', { name: 'Var i akten' }),
    law: box.queryByRole('heading', { name: 'Lagrum' }),
    history: box.queryByText('Historik'),
  };
}

describe('compact scoring: only the current question unfolds', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(templateWithLaw());
    fake.addCase('r1', 'AKT-1');
  });

  it('a question that is not current shows its text, badge, status and answer, but no note fields, Lagrum or Historik', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const current = unfolded('T1');
    expect([current.note, current.fileRef, current.law, current.history].every(Boolean)).toBe(true);
    const folded = unfolded('T2');
    expect(folded).toEqual({ note: null, fileRef: null, law: null, history: null });
    expect(summaryOf('T2')).toBeNull();
    // Still a labelled group with its answer buttons and save status.
    expect(screen.getAllByRole('group', { name: /Finns en genomförandeplan\?/ })).toContain(question('T2'));
    expect(within(question('T2')).getAllByRole('button', { name: /^(Ja|Delvis|Nej|Framgår ej|Ej tillämpligt)$/ })).toHaveLength(5);
    expect(question('T2').querySelector('.save-status')).not.toBeNull();
    expect(question('T2').getAttribute('aria-current')).toBeNull();
  });

  it('a question with a note or a file reference shows them on one summary line, the typed text included', async () => {
    fake.setAnswer('c-AKT-1', 'T2', 'nej', 'Planen saknar mål');
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    expect(summaryOf('T2')!.textContent).toBe('Anteckning: Planen saknar mål');
    expect(unfolded('T2').note).toBeNull();
    // Text typed into T1 and not yet saved is in its summary once T1 folds.
    let release!: () => void;
    fake.saveGate = new Promise((r) => (release = r));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('Ringt mamma');
    await user.tab();
    await user.keyboard('journal 2024-03-12');
    await user.keyboard('{Escape}{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(question('T2')));
    expect(summaryOf('T1')!.textContent).toBe('Anteckning: Ringt mamma · Var i akten: journal 2024-03-12');
    await act(async () => release());
  });

  it('a click on a folded question unfolds it; a click on its summary puts the caret at the end of the note, and keys typed there stay in the note', async () => {
    fake.setAnswer('c-AKT-1', 'T2', 'nej', 'Planen saknar mål');
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.click(questionText('T3'));
    expect(question('T3').getAttribute('aria-current')).toBe('step');
    expect(Object.values(unfolded('T3')).every(Boolean)).toBe(true);
    expect(unfolded('T1').note).toBeNull();

    await user.click(within(question('T2')).getByText('Planen saknar mål'));
    const note = within(question('T2')).getByRole('textbox', { name: 'Anteckning' }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    expect(note.selectionStart).toBe('Planen saknar mål'.length);
    expect(summaryOf('T2')).toBeNull();
    await user.keyboard(' 2 j');
    expect(note.value).toBe('Planen saknar mål 2 j');
    expect(document.activeElement).toBe(note);
    expect(fake.callsOf('answers.save').filter((c) => c.input.value !== 'nej')).toEqual([]);
  });

  it('an answer button of a folded question answers it by mouse and makes it current', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.click(within(question('T3')).getByRole('button', { name: 'Delvis' }));
    await waitFor(() => expect(fake.callsOf('answers.save').map((c) => [c.input.questionId, c.input.value])).toEqual([['T3', 'delvis']]));
    expect(question('T3').getAttribute('aria-current')).toBe('step');
    expect(within(question('T3')).getByRole('button', { name: 'Delvis' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('a note held back for a personal identity number stays unfolded with its warning when the reviewer moves on', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard(`Barnet ${PII_TEST_NUMBER} bor hos mamma{Escape}{ArrowDown}`);
    expect(document.activeElement).toBe(question('T2'));
    expect(within(question('T1')).getByRole('alert').textContent).toMatch(/ser ut som ett personnummer/);
    expect(unfolded('T1').note).not.toBeNull();
    expect(fake.callsOf('answers.save')).toHaveLength(0);
  });

  it('guidance the reviewer opened stays open when the question folds', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.keyboard('g');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(question('T2'));
    expect(unfolded('T1').note).toBeNull();
    expect(within(question('T1')).getByText('Titta i beslutet och uppdraget.').closest('[hidden]')).toBeNull();
    expect(within(question('T1')).getByRole('button', { name: /Dölj bedömningsstöd/ })).toBeTruthy();
  });
});

describe('a note typed and then left for the next question is saved', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(templateWithLaw());
    fake.addCase('r1', 'AKT-1');
  });

  it('Esc and ↓: saved at once, and the next question is current', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('Planen saknar mål{Escape}{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toBe(question('T2')));
    expect(unfolded('T1').note).toBeNull();
    await waitFor(() => expect(notesSaved()).toEqual([['T1', 'Planen saknar mål']]));
    expect(fake.answers.get('c-AKT-1/T1')?.note).toBe('Planen saknar mål');
  });

  it('Tab out of the question: Tab goes on to the next question, which unfolds, and the note is saved', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('Planen saknar mål');
    // "Var i akten", the guidance button, Historik, then the next question.
    for (let i = 0; i < 4; i++) await user.tab();
    expect(document.activeElement).toBe(question('T2'));
    expect(question('T2').getAttribute('aria-current')).toBe('step');
    await user.tab();
    expect(document.activeElement).toBe(within(question('T2')).getByRole('textbox', { name: 'Anteckning' }));
    expect(unfolded('T1').note).toBeNull();
    await waitFor(() => expect(notesSaved()).toEqual([['T1', 'Planen saknar mål']]));
  });

  it('a note field removed while it has focus (its question stopped being current) saves its text without waiting for the pause', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('T1')));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('Planen saknar mål');
    expect(fake.callsOf('answers.save')).toHaveLength(0); // still within the typing pause
    // The store moves on while focus is still in the note: a removed field gets no blur to save it.
    act(() => useScoring.getState().move(1));
    expect(unfolded('T1').note).toBeNull();
    // The save started as the field went (the pause would still be running).
    expect(useScoring.getState().status.T1?.state).toBe('saving');
    expect(useScoring.getState().shown.T1?.note).toBe('Planen saknar mål');
    await waitFor(() => expect(fake.answers.get('c-AKT-1/T1')?.note).toBe('Planen saknar mål'));
    expect(notesSaved()).toEqual([['T1', 'Planen saknar mål']]);
    await new Promise((r) => setTimeout(r, TEXT_SAVE_DELAY_MS + 50));
    expect(fake.callsOf('answers.save')).toHaveLength(1);
  });
});
