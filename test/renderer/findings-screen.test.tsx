import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';
import { resetFindings } from '../../renderer/src/screens/findings/findings-store';
import { resetFindingMarks } from '../../renderer/src/screens/scoring/finding-marks';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetReview } from '../../renderer/src/state/review-store';
import { resetScoring, useScoring } from '../../renderer/src/state/scoring-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import type { Template } from '../../shared/templates/schema';
import { testCore, type TestCore } from '../support/core';

/** A real core (SQLite in a temp folder) behind the screens: marks and meetings are the core's. Only invented data. */
let core: TestCore;
let saved: { name: string; bytes: Uint8Array; mimeType: string }[];

function template(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'fynd-skarm',
    name: 'Fyndskärm',
    version: 1,
    targetGroup: 'barn',
    areas: [
      { id: 'trygghet', name: 'Trygghet och säkerhet' },
      { id: 'helhetssyn', name: 'Helhetssyn och samordning' },
    ],
    scales: { standard: [{ id: 'ja', label: 'Ja' }, { id: 'delvis', label: 'Delvis' }, { id: 'nej', label: 'Nej' }] },
    questions: [
      { id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en riskbedömning?' },
      { id: 'Q2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en säkerhetsplan?' },
      { id: 'Q3', area: 'helhetssyn', type: 'scale', scale: 'standard', text: 'Har insatserna samordnats?' },
    ],
  };
}

/** Two units, two files each (made-up references); returns the review and its files by reference. */
async function review(): Promise<{ reviewId: string; cases: Record<string, string> }> {
  await core.call('templates.import', { document: template() });
  const { id } = await core.call('reviews.create', { templateId: 'fynd-skarm', title: 'Familjestöd 2024', dnr: 'SOF 2024/77', referenceDate: '2024-12-31', units: ['Enhet Norr', 'Enhet Söder'] });
  const csv = ['akt;kön;enhet', 'N-1;flicka;Enhet Norr', 'N-2;pojke;Enhet Norr', 'S-1;flicka;Enhet Söder', 'S-2;pojke;Enhet Söder', ''].join('\r\n');
  await core.call('cases.import', { reviewId: id, contentBase64: Buffer.from(csv).toString('base64') });
  const { cases } = await core.call('cases.list', { reviewId: id });
  return { reviewId: id, cases: Object.fromEntries(cases.map((c) => [c.ref, c.id])) };
}

/** An answer with its note and pointer, marked as a finding. */
async function finding(reviewId: string, caseId: string, questionId: string, value: string, note: string, fileRef?: string) {
  await core.call('answers.save', { reviewId, caseId, questionId, value, note, ...(fileRef ? { fileRef } : {}) });
  await core.call('findings.mark', { reviewId, caseId, questionId, finding: true });
}

beforeEach(async () => {
  core = testCore();
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
  resetFindings();
  resetFindingMarks();
  resetScoring();
  resetReview();
  resetProfile();
  useStatusStore.getState().clear();
});

afterEach(async () => {
  // Unmounting the scoring screen saves what was typed: before the core closes.
  cleanup();
  await useScoring.getState().flushAll();
  core.dispose();
});

const statusText = () => useStatusStore.getState().message;

describe('the route', () => {
  it('#/granskningar/<id>/fynd is the findings view', () => {
    expect(parseHash('#/granskningar/r%201/fynd')).toEqual({ name: 'findings', reviewId: 'r 1' });
    expect(hrefFor({ name: 'findings', reviewId: 'r 1' })).toBe('#/granskningar/r%201/fynd');
  });
});

describe('"Fynd för …" beside the note in scoring', () => {
  const question = (id: string) => document.querySelector<HTMLElement>(`[data-question-id="${id}"] > [role="group"]`)!;
  const toggle = (id: string) => within(question(id)).getByRole('checkbox', { name: 'Fynd för Trygghet och säkerhet' }) as HTMLInputElement;
  const findingsOf = async (reviewId: string) => (await core.call('findings.list', { reviewId })).findings.map((f) => [f.ref, f.questionId, f.note]);

  async function openCase(reviewId: string, caseId: string, at = 'Q1') {
    window.location.hash = hrefFor({ name: 'scoring', reviewId, caseId });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: /^Akt / });
    await waitFor(() => expect(document.activeElement).toBe(question(at)));
  }

  it('is off with a hint while the note is empty; marks the saved note; clearing the note takes the mark away', async () => {
    const { reviewId, cases } = await review();
    await openCase(reviewId, cases['N-1']);
    const user = userEvent.setup();
    expect(toggle('Q1').disabled).toBe(true);
    expect(toggle('Q1').checked).toBe(false);
    const hint = document.getElementById(toggle('Q1').getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toBe('Skriv en anteckning först – ett fynd är det du har antecknat.');

    // Tab order: the note, "Var i akten", then the box (keyboard reaches it).
    await user.tab();
    await user.keyboard('Riskbedömningen saknas trots oro från skolan.');
    expect(toggle('Q1').disabled).toBe(false);
    await user.tab();
    await user.keyboard('Journal 2024-03-12');
    await user.tab();
    expect(document.activeElement).toBe(toggle('Q1'));
    // Space ticks it: the note (typed a moment ago) is committed first, then the mark.
    await user.keyboard(' ');
    await waitFor(() => expect(statusText()).toBe('Anteckningen är markerad som fynd för Trygghet och säkerhet.'));
    expect(toggle('Q1').checked).toBe(true);
    expect(await findingsOf(reviewId)).toEqual([['N-1', 'Q1', 'Riskbedömningen saknas trots oro från skolan.']]);
    expect((await core.call('scoring.caseView', { reviewId, caseId: cases['N-1'] })).findings).toEqual(['Q1']);

    // Clearing the note: once that save is committed the mark is gone, here and in the core.
    await user.clear(within(question('Q1')).getByRole('textbox', { name: 'Anteckning' }));
    await user.tab();
    await waitFor(() => expect(toggle('Q1').checked).toBe(false));
    expect(toggle('Q1').disabled).toBe(true);
    expect(await findingsOf(reviewId)).toEqual([]);

    // A new note is not a finding until it is marked again.
    await user.type(within(question('Q1')).getByRole('textbox', { name: 'Anteckning' }), 'Ny anteckning.');
    expect(toggle('Q1').checked).toBe(false);
    expect(toggle('Q1').disabled).toBe(false);
  }, 20_000);

  it('a file opens with its marks; unticking removes the mark; a folded question shows "Fynd" in its summary', async () => {
    const { reviewId, cases } = await review();
    await finding(reviewId, cases['N-1'], 'Q1', 'nej', 'Ingen riskbedömning.');
    await finding(reviewId, cases['N-1'], 'Q2', 'delvis', 'Planen är inte uppdaterad.');
    // Q1 and Q2 are answered: the file resumes at Q3; Q1 is folded and says it is a finding.
    await openCase(reviewId, cases['N-1'], 'Q3');
    expect(question('Q1').querySelector('.scoring-question-summary')!.textContent).toBe('Fynd Anteckning: Ingen riskbedömning.');
    const user = userEvent.setup();
    await user.click(within(question('Q2')).getByText('Finns en säkerhetsplan?'));
    expect(toggle('Q2').checked).toBe(true);
    await user.click(toggle('Q2'));
    await waitFor(() => expect(statusText()).toBe('Anteckningen är inte längre markerad som fynd för Trygghet och säkerhet.'));
    expect(toggle('Q2').checked).toBe(false);
    expect(await findingsOf(reviewId)).toEqual([['N-1', 'Q1', 'Ingen riskbedömning.']]);
  });
});

describe('Fynd och dialogmöten', () => {
  async function openFindings(reviewId: string) {
    window.location.hash = hrefFor({ name: 'findings', reviewId });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Fynd och dialogmöten – Familjestöd 2024' });
  }
  const area = (name: string) => screen.getByRole('region', { name });
  const queryArea = (name: string) => screen.queryByRole('region', { name });
  const items = (name: string) => within(within(area(name)).getByRole('list', { name: `Fynd för ${name}` })).getAllByRole('listitem');

  async function seeded() {
    const r = await review();
    await finding(r.reviewId, r.cases['N-1'], 'Q1', 'nej', 'Ingen riskbedömning trots oro.', 'Journal 2024-03-12');
    await finding(r.reviewId, r.cases['S-1'], 'Q2', 'delvis', 'Säkerhetsplanen är inte uppdaterad.');
    await finding(r.reviewId, r.cases['S-2'], 'Q3', 'ja', 'Bra samordning med skolan.', 'SIP 2024-05-02');
    // A note that is not marked is no finding.
    await core.call('answers.save', { reviewId: r.reviewId, caseId: r.cases['N-2'], questionId: 'Q1', value: 'ja', note: 'Inget att anmärka.' });
    return r;
  }

  it('lists the findings per area with file, question, answer, note, pointer and who marked them; filters by area, unit and text', async () => {
    const { reviewId, cases } = await seeded();
    await openFindings(reviewId);
    expect(screen.getByTestId('findings-count').textContent).toBe('3 fynd i granskningen.');
    expect(items('Trygghet och säkerhet')).toHaveLength(2);
    const first = items('Trygghet och säkerhet')[0];
    expect(within(first).getByRole('link', { name: 'Akt N-1' }).getAttribute('href')).toBe(hrefFor({ name: 'scoring', reviewId, caseId: cases['N-1'] }));
    expect(first.textContent).toContain('Enhet Norr');
    expect(first.textContent).toContain('1. Finns en riskbedömning?');
    const facts = [...first.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(facts.slice(0, 3)).toEqual([
      ['Svar', 'Nej'],
      ['Anteckning', 'Ingen riskbedömning trots oro.'],
      ['Var i akten', 'Journal 2024-03-12'],
    ]);
    expect(facts[3][0]).toBe('Markerat');
    expect(facts[3][1]).toMatch(/^.+, 2026-11-2[34] \d\d:\d\d$/);
    expect(within(items('Trygghet och säkerhet')[1]).getByText('Inte angivet')).toBeTruthy();
    expect(items('Helhetssyn och samordning')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('Inget att anmärka.');

    const user = userEvent.setup();
    const areaSelect = screen.getByRole('combobox', { name: 'Kvalitetsområde' });
    const unitSelect = screen.getByRole('combobox', { name: 'Enhet' });
    expect([...(areaSelect as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Alla områden (3)', 'Trygghet och säkerhet (2)', 'Helhetssyn och samordning (1)']);
    expect([...(unitSelect as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Alla enheter (3)', 'Enhet Norr (1)', 'Enhet Söder (2)']);

    await user.selectOptions(unitSelect, 'Enhet Söder');
    await waitFor(() => expect(screen.getByTestId('findings-count').textContent).toBe('2 fynd med det urvalet (av 3).'));
    expect(items('Trygghet och säkerhet').map((li) => within(li).getByRole('link').textContent)).toEqual(['Akt S-1']);

    await user.selectOptions(areaSelect, 'helhetssyn');
    await waitFor(() => expect(queryArea('Trygghet och säkerhet')).toBeNull());
    expect(items('Helhetssyn och samordning')).toHaveLength(1);
    // Within the area, the units count its findings.
    expect([...(unitSelect as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Alla enheter (1)', 'Enhet Norr (0)', 'Enhet Söder (1)']);

    await user.selectOptions(areaSelect, '');
    await user.selectOptions(unitSelect, '');
    await user.type(screen.getByRole('textbox', { name: 'Sök' }), 'säkerhetsplan');
    await waitFor(() => expect(screen.getByTestId('findings-count').textContent).toBe('1 fynd med det urvalet (av 3).'));
    expect(items('Trygghet och säkerhet').map((li) => within(li).getByRole('link').textContent)).toEqual(['Akt S-1']);

    // The export takes the same filter: a csv file for Excel, named as internal material.
    await user.click(screen.getByRole('button', { name: 'Exportera till Excel (csv)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('Fynd – SOF 2024-77 – internt.csv');
    expect(saved[0].mimeType).toBe('text/csv');
    const csv = new TextDecoder().decode(saved[0].bytes);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv).toContain('Säkerhetsplanen är inte uppdaterad.');
    expect(statusText()).toBe('Fynden sparades: Fynd – SOF 2024-77 – internt.csv.');
  }, 20_000);

  it('adds a dialogue meeting (the core\'s field errors beside the field), shows its notes beside the area\'s findings, edits and deletes it', async () => {
    const { reviewId } = await seeded();
    await openFindings(reviewId);
    const user = userEvent.setup();
    const dialogue = screen.getByRole('region', { name: 'Dialogmöten' });
    expect(within(dialogue).getAllByText('Inga dialogmöten med enheten ännu.')).toHaveLength(2);

    await user.click(within(dialogue).getByRole('button', { name: 'Nytt dialogmöte' }));
    const form = screen.getByRole('form', { name: 'Nytt dialogmöte' });
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Nytt dialogmöte' }));
    expect(within(form).getByText('Roller, inte namn på klienter – t.ex. enhetschef, två socialsekreterare, två inspektörer.')).toBeTruthy();
    expect(within(form).getAllByRole('textbox').map((t) => t.getAttribute('id'))).toContain('dialogue-form-note-helhetssyn');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Enhet' }), 'Enhet Söder');
    const date = within(form).getByRole('textbox', { name: /^Datum/ });
    await user.type(date, '14 mars');
    await user.type(within(form).getByRole('textbox', { name: 'Deltagare' }), 'Enhetschef, två socialsekreterare');
    await user.type(within(form).getByRole('textbox', { name: 'Trygghet och säkerhet' }), 'Enheten beskrev en ny rutin för säkerhetsplaner.');
    await user.click(within(form).getByRole('button', { name: 'Spara dialogmötet' }));

    // The core's refusal: beside the field, and in the summary that links to it.
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Dialogmötet sparades inte');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-issues'))!)!.textContent).toBe('Ska vara ett datum i formen ÅÅÅÅ-MM-DD.');

    await user.clear(date);
    await user.type(date, '2025-03-14');
    await user.click(within(form).getByRole('button', { name: 'Spara dialogmötet' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Nytt dialogmöte' })).toBeNull());
    expect(statusText()).toBe('Dialogmötet lades till.');
    const meeting = within(dialogue).getByRole('heading', { level: 4, name: 'Dialogmöte 2025-03-14' });
    expect(document.activeElement).toBe(meeting);
    const { meetings } = await core.call('dialogue.list', { reviewId });
    expect(meetings).toMatchObject([{ unit: 'Enhet Söder', heldOn: '2025-03-14', participants: 'Enhetschef, två socialsekreterare', notes: { trygghet: 'Enheten beskrev en ny rutin för säkerhetsplaner.' } }]);

    // Beside the area's findings; not beside the other area's (it has no note there), and not for the other unit.
    const besideTrygghet = within(area('Trygghet och säkerhet')).getByRole('group', { name: 'Från dialogmötena' });
    expect(besideTrygghet.textContent).toContain('Enhet Söder · 2025-03-14 · Deltagare: Enhetschef, två socialsekreterare');
    expect(besideTrygghet.textContent).toContain('Enheten beskrev en ny rutin för säkerhetsplaner.');
    expect(within(area('Helhetssyn och samordning')).getByRole('group', { name: 'Från dialogmötena' }).textContent).toContain('Inga anteckningar från dialogmöten om området.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Enhet' }), 'Enhet Norr');
    await waitFor(() => expect(within(area('Trygghet och säkerhet')).getByRole('group', { name: 'Från dialogmötena' }).textContent).toContain('Inga anteckningar'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Enhet' }), '');

    // Edit: a note for the other area.
    await user.click(within(dialogue).getByRole('button', { name: 'Ändra dialogmötet med Enhet Söder 2025-03-14' }));
    const edit = screen.getByRole('form', { name: 'Ändra dialogmötet med Enhet Söder 2025-03-14' });
    expect((within(edit).getByRole('textbox', { name: 'Trygghet och säkerhet' }) as HTMLTextAreaElement).value).toBe('Enheten beskrev en ny rutin för säkerhetsplaner.');
    await user.type(within(edit).getByRole('textbox', { name: 'Helhetssyn och samordning' }), 'Samordnad individuell plan används sällan.');
    await user.click(within(edit).getByRole('button', { name: 'Spara dialogmötet' }));
    await waitFor(() => expect(within(area('Helhetssyn och samordning')).getByRole('group', { name: 'Från dialogmötena' }).textContent).toContain('Samordnad individuell plan används sällan.'));
    expect(statusText()).toBe('Dialogmötet sparades.');

    // Delete: asks first; "Avbryt" keeps it.
    await user.click(within(dialogue).getByRole('button', { name: 'Ta bort dialogmötet med Enhet Söder 2025-03-14' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Ta bort dialogmötet med Enhet Söder 2025-03-14?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Avbryt' }));
    await user.click(within(confirm).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(within(dialogue).getAllByText('Inga dialogmöten med enheten ännu.')).toHaveLength(2));
    expect((await core.call('dialogue.list', { reviewId })).meetings).toEqual([]);
    expect(statusText()).toBe('Dialogmötet togs bort.');
  }, 30_000);

  it('is reached from the review page', async () => {
    const { reviewId } = await review();
    window.location.hash = hrefFor({ name: 'review', id: reviewId });
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Fynd och dialogmöten' });
    expect(link.getAttribute('href')).toBe(hrefFor({ name: 'findings', reviewId }));
  });
});
