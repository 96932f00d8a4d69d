import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { sampleTemplate, type FakeApi } from './fake-api';
import { editor, freshFake } from './helpers';

let fake: FakeApi;
const savedIds = () => fake.latest('prov')!.questions.map((q) => q.id);
const statusText = () => document.getElementById('app-status')!.textContent;
const questionRows = (areaName: string) => {
  const area = screen.getByRole('region', { name: new RegExp(areaName) });
  return within(area)
    .getAllByRole('button', { expanded: false })
    .concat(within(area).queryAllByRole('button', { expanded: true }))
    .filter((b) => b.classList.contains('question-toggle'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((b) => b.querySelector('.q-id')!.textContent);
};

async function openEditor(origin: 'user' | 'bundled' = 'user', frozen = false) {
  fake = freshFake().add(sampleTemplate(), origin, frozen);
  window.location.hash = '#/mallar/prov';
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Provmall' });
}

describe('template editor screen', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('moves a question with the buttons, saves, and keeps focus on the button', async () => {
    await openEditor();
    const user = userEvent.setup();
    const down = screen.getByRole('button', { name: 'Flytta ned fråga T1' });
    await user.click(down);
    expect(questionRows('Trygghet')).toEqual(['T2', 'T1', 'T3']);
    await waitFor(() => expect(savedIds()).toEqual(['T2', 'T1', 'T3', 'A1']));
    await waitFor(() => expect(statusText()).toBe('Sparat'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Flytta ned fråga T1' })));
  });

  it('moves a question with Alt+ArrowUp/Down and keeps focus on its row', async () => {
    await openEditor();
    const user = userEvent.setup();
    const row = screen.getByRole('button', { name: /^T3 / });
    row.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(questionRows('Trygghet')).toEqual(['T1', 'T3', 'T2']);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(questionRows('Trygghet')).toEqual(['T3', 'T1', 'T2']);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^T3 / })));
    await waitFor(() => expect(savedIds()).toEqual(['T3', 'T1', 'T2', 'A1']));
  });

  it('moves a question by drag and drop onto another area', async () => {
    await openEditor();
    const row = screen.getByRole('button', { name: /^T1 / }).closest('.question-row')!;
    const target = screen.getByRole('button', { name: /^A1 / }).closest('li')!;
    const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(row, { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer, clientY: 1000 });
    fireEvent.drop(target, { dataTransfer });
    await waitFor(() => expect(fake.latest('prov')!.questions.map((q) => `${q.id}@${q.area}`)).toEqual(['T2@trygghet', 'T3@trygghet', 'A1@tillganglighet', 'T1@tillganglighet']));
  });

  it('deletes a question with "Ångra" and with Ctrl+Z', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ta bort fråga T2' }));
    expect(screen.getByText(/Frågan togs bort/)).toBeTruthy();
    expect(questionRows('Trygghet')).toEqual(['T1', 'T3']);
    await waitFor(() => expect(savedIds()).toEqual(['T1', 'T3', 'A1']));
    // Focus is on Ångra, so Enter restores it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ångra' }));
    await user.click(screen.getByRole('button', { name: 'Ångra' }));
    expect(questionRows('Trygghet')).toEqual(['T1', 'T2', 'T3']);
    await waitFor(() => expect(savedIds()).toEqual(['T1', 'T2', 'T3', 'A1']));
    expect(screen.queryByText(/Frågan togs bort/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Ta bort fråga T3' }));
    await waitFor(() => expect(savedIds()).toEqual(['T1', 'T2', 'A1']));
    await user.keyboard('{Control>}z{/Control}');
    expect(questionRows('Trygghet')).toEqual(['T1', 'T2', 'T3']);
    await waitFor(() => expect(savedIds()).toEqual(['T1', 'T2', 'T3', 'A1']));
  });

  it('shows a duplicate question id next to the field and does not save it', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^T2 / }));
    const idField = screen.getByRole('textbox', { name: 'Fråge-id' });
    await user.clear(idField);
    await user.type(idField, 'T1');
    await waitFor(() => expect(idField.getAttribute('aria-invalid')).toBe('true'));
    expect(idField).toHaveProperty('value', 'T1');
    const describedBy = idField.getAttribute('aria-describedby')!.split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)!.textContent).join(' ');
    expect(messages).toMatch(/Fråge-id "T1" finns redan/);
    // The field's problem sits right after it, inside the same field block.
    expect(idField.closest('.field')!.querySelector('.field-issues')!.textContent).toMatch(/finns redan/);
    expect(screen.getByRole('alert', { name: 'Ändringen är inte sparad' })).toBeTruthy();
    await act(() => editor().flush());
    expect(savedIds()).toEqual(['T1', 'T2', 'T3', 'A1']);
    expect(statusText()).toMatch(/Inte sparat/);
    // The summary names both questions; its link opens the other one and puts focus in its id field.
    const summary = screen.getByRole('alert', { name: 'Ändringen är inte sparad' });
    const links = within(summary).getAllByRole('button', { name: /^Fråga T1 \(nr \d i mallen\) › Id$/ });
    expect(links.map((l) => l.textContent)).toEqual(['Fråga T1 (nr 1 i mallen) › Id', 'Fråga T1 (nr 2 i mallen) › Id']);
    await user.click(links[0]);
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('f-questions-0-id')));
    expect(screen.getAllByRole('textbox', { name: 'Fråge-id' })).toHaveLength(2);
  });

  it('saves typed text after the pause and flushes on blur', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^T1 / }));
    const text = screen.getByRole('textbox', { name: 'Frågetext' });
    await user.clear(text);
    await user.type(text, 'Finns ett skriftligt beslut?');
    expect(statusText()).toBe('Sparar…');
    await user.tab();
    await waitFor(() => expect(fake.latest('prov')!.questions[0].text).toBe('Finns ett skriftligt beslut?'));
    await waitFor(() => expect(statusText()).toBe('Sparat'));
  });

  it('adds a question of the chosen type with a fresh id and focuses its text', async () => {
    await openEditor();
    const user = userEvent.setup();
    const area = screen.getByRole('region', { name: /Trygghet/ });
    await user.selectOptions(within(area).getByRole('combobox', { name: 'Typ av ny fråga' }), 'choice');
    await user.click(within(area).getByRole('button', { name: /Lägg till fråga/ }));
    await waitFor(() => expect(savedIds()).toEqual(['T1', 'T2', 'T3', 'T4', 'A1']));
    expect(fake.latest('prov')!.questions[3]).toMatchObject({ type: 'choice', text: 'Ny fråga' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Frågetext' })));
    expect(screen.getByRole('textbox', { name: 'Alternativ 1' })).toBeTruthy();
  });

  it('refuses to delete an area that has questions, with a clear message', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ta bort området Tillgänglighet' }));
    expect(screen.getByRole('alert').textContent).toMatch(/"Tillgänglighet" har en fråga och kan inte tas bort/);
    expect(fake.callsOf('templates.save')).toHaveLength(0);
  });

  it('opens a bundled template read-only with a way to copy it', async () => {
    await openEditor('bundled');
    const user = userEvent.setup();
    expect(screen.getByText(/Inbyggd mall – skapa en kopia för att ändra/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Ta bort fråga/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^T1 / }));
    expect(screen.getByRole('textbox', { name: 'Frågetext' }).matches(':disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Skapa en kopia att ändra i' }));
    await waitFor(() => expect(window.location.hash).toBe('#/mallar/provmall-kopia'));
    await screen.findByRole('heading', { level: 1, name: 'Provmall (kopia)' });
    expect(screen.getByRole('button', { name: 'Ta bort fråga T1' })).toBeTruthy();
  });

  it('warns about a frozen version and switches to the new one after saving', async () => {
    await openEditor('user', true);
    const user = userEvent.setup();
    expect(screen.getByText(/Version 1 används av en granskning och är låst/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Flytta ned fråga T1' }));
    await waitFor(() => expect(statusText()).toMatch(/^Sparat som version 2/));
    expect(screen.queryByText(/används av en granskning och är låst/)).toBeNull();
    expect(screen.getByText('2 (av 2)')).toBeTruthy();
  });
});
