import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import type { PickedFile } from '../../renderer/src/api/files';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetReport, useReport } from '../../renderer/src/state/report-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import type { ProfileRole } from '../../shared/contract/profile';
import type { Template } from '../../shared/templates/schema';
import { testCore, type TestCore } from '../support/core';
import { completed } from '../support/completed-draft';
import { simplePdf } from '../support/pdf';

// jsdom lays nothing out: ProseMirror measures the caret's range to scroll it into view after a change made with focus.
if (!Range.prototype.getClientRects) Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = () => new DOMRect();

/** A real core (SQLite in a temp folder) behind the screen: drafts, rules and refusals are the core's. */
let core: TestCore;
let saved: { name: string; bytes: Uint8Array; mimeType: string }[];
let nextPick: PickedFile | null;

const PROFILES: Record<ProfileRole, { name: string; title: string }> = {
  granskare: { name: 'Eva Testgranskare', title: 'Socialtjänstinspektör' },
  avdelningschef: { name: 'Anna Avdelningschef', title: 'Avdelningschef' },
  socialdirektor: { name: 'Sven Socialdirektör', title: 'Socialdirektör' },
  namndsekreterare: { name: 'Sara Sekreterare', title: 'Nämndsekreterare' },
};
const as = (role: ProfileRole) => core.call('profile.save', { ...PROFILES[role], role });

function template(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'utlatande-skarm',
    name: 'Utlåtandeskärm',
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'trygghet', name: 'Trygghet och säkerhet' }],
    scales: { standard: [{ id: 'ja', label: 'Ja' }, { id: 'nej', label: 'Nej' }] },
    questions: [{ id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?' }],
  };
}

/** Twelve made-up files, every one scored. */
async function scoredReview(): Promise<string> {
  await core.call('templates.import', { document: template() });
  const { id } = await core.call('reviews.create', { templateId: 'utlatande-skarm', title: 'Familjehemsvård', dnr: 'SOF 2024/7', referenceDate: '2024-12-31', units: ['Enhet A'] });
  const csv = ['akt;kön;enhet', ...Array.from({ length: 12 }, (_, i) => `F-${i + 1};${i % 2 ? 'pojke' : 'flicka'};Enhet A`), ''].join('\r\n');
  await core.call('cases.import', { reviewId: id, contentBase64: Buffer.from(csv).toString('base64') });
  const { cases } = await core.call('cases.list', { reviewId: id });
  for (const [i, c] of cases.entries()) await core.call('answers.save', { reviewId: id, caseId: c.id, questionId: 'Q1', value: i < 3 ? 'nej' : 'ja' });
  return id;
}

/** Every file of the review marked done. */
async function allDone(reviewId: string) {
  const { cases } = await core.call('cases.list', { reviewId });
  for (const c of cases) await core.call('cases.setDone', { reviewId, caseId: c.id, done: true });
}

/** A scored review whose files are all done and whose draft has nothing left to fill in: it may be sent and approved without an override. */
async function readyReview(): Promise<string> {
  const reviewId = await scoredReview();
  await allDone(reviewId);
  const { draft, revision } = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision, draft: completed(draft) });
  expect((await core.call('report.get', { reviewId })).readiness).toEqual([]);
  return reviewId;
}

async function openReport(reviewId: string) {
  window.location.hash = hrefFor({ name: 'report', reviewId });
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Tjänsteutlåtande – / });
}

/** The same workbench with another person at it: the profile changed, the screen opened anew. */
async function reopenAs(role: ProfileRole, reviewId: string) {
  cleanup();
  resetReport();
  resetProfile();
  await as(role);
  await openReport(reviewId);
}

/** Writes at the end of a rich-text field through its editor (jsdom lays nothing out, so clicking a caret into place is not possible), then saves as leaving the field does. */
async function appendText(field: HTMLElement, text: string) {
  const { editor } = field as HTMLElement & { editor: Editor };
  act(() => {
    editor.chain().setTextSelection(editor.state.doc.content.size).insertContent(text).run();
  });
  await act(() => useReport.getState().flush());
}

/** The last approval writes both documents: that takes a while. */
const SLOW = { timeout: 15_000 };

const approvalRow = (label: string) => within(screen.getByRole('table', { name: 'Godkännanden' })).getByRole('row', { name: new RegExp(`^${label}`) });

const saveState = () => screen.getByTestId('report-save');
const status = () => screen.getByTestId('report-status').textContent;
const draftOf = async (reviewId: string) => (await core.call('report.get', { reviewId })).draft;

beforeEach(async () => {
  core = testCore();
  await as('granskare');
  saved = [];
  nextPick = null;
  resetServices();
  configureServices({
    api: createApiClient((method, input) => core.dispatch(method, input)),
    saveBinaryFile: async (name, bytes, mimeType) => {
      saved.push({ name, bytes, mimeType });
      return name;
    },
    pickFile: async () => nextPick,
  });
  resetReport();
  resetProfile();
  useStatusStore.getState().clear();
});

afterEach(() => {
  resetReport();
  core.dispose();
});

describe('the report route', () => {
  it('is #/granskningar/<id>/utlatande both ways', () => {
    expect(parseHash('#/granskningar/g1/utlatande')).toEqual({ name: 'report', reviewId: 'g1' });
    expect(hrefFor({ name: 'report', reviewId: 'g 1' })).toBe('#/granskningar/g%201/utlatande');
  });
});

// A real core writes Word documents on the last approval; on a busy machine that takes seconds.
describe('the report screen', { timeout: 30_000 }, () => {
  it('shows the first draft: header, the three usual proposals, the sections in order, the approvers waiting and what is missing', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    expect(status()).toBe('Utkast');
    expect((screen.getByLabelText('Dnr') as HTMLInputElement).value).toBe('SOF 2024/7');
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Familjehemsvård');
    expect(screen.getAllByRole('textbox', { name: /^Förslag \d$/ })).toHaveLength(3);
    expect(screen.getByRole('tab', { name: 'Tjänsteutlåtande' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'Bilaga 1' }).getAttribute('aria-selected')).toBe('false');
    const headings = within(screen.getByRole('region', { name: 'Avsnitt' }))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings[0]).toBe('1. Sammanfattning');
    // One unit: nothing to compare, so Likställighet is there but switched off.
    expect(headings).toContain('4. Likställighet mellan enheterna (avstängt)');
    expect(headings).toContain('5. Trygghet och säkerhet');
    expect(headings).toContain('6. Jämställdhetsanalys');
    expect(headings).toContain('7. Slutsatser och rekommendationer');
    expect(headings).toContain('8. Barnrättsperspektiv (avstängt)');
    expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).textContent).toContain('Granskningen avser');
    // An area has its short text and, for Bilaga 1 only, its fuller text.
    expect(screen.getByRole('textbox', { name: 'Text: Trygghet och säkerhet' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Text i Bilaga 1 (fördjupning): Trygghet och säkerhet' })).toBeTruthy();

    expect(approvalRow('Avdelningschef').textContent).toContain('Väntar');
    expect(approvalRow('Socialdirektör').textContent).toContain('Väntar');
    // The status bar says how much, the list is under Godkännande.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Visa vad som saknas' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Detta saknas (3)' }));
    expect(screen.getByText(/^3 saker saknas innan utkastet kan skickas och godkännas\./)).toBeTruthy();
    const missing = screen.getByRole('group', { name: /^Detta saknas/ });
    expect(within(missing).getByRole('button', { name: 'Datum saknas i sidhuvudet (nämndens sammanträde).' })).toBeTruthy();
    expect(missing.textContent).toContain('12 av 12 akter är inte klarmarkerade');
    expect(within(missing).getByRole('link', { name: 'Till granskningen' }).getAttribute('href')).toBe(hrefFor({ name: 'review', id: reviewId }));
    await userEvent.setup().click(within(missing).getByRole('button', { name: 'Datum saknas i sidhuvudet (nämndens sammanträde).' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Datum/));

    expect(within(screen.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' })).getByRole('rowheader', { name: 'Bilaga 1' })).toBeTruthy();
    expect(screen.getByText(/Bara en nämndsekreterare kan bifoga/)).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).getByText('Utkastet skapades')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Godkänn' })).toBeNull();
  });

  it('saves an edit on leaving the field, shows "Sparat" only after the core has it, and moves and switches on sections with buttons', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    const user = userEvent.setup();
    const dnr = screen.getByLabelText('Dnr');
    await user.clear(dnr);
    await user.type(dnr, 'SOF 2025/12');
    await user.tab();
    await waitFor(() => expect(saveState().textContent).toBe('Sparat'));
    expect((await draftOf(reviewId)).header.dnr).toBe('SOF 2025/12');

    // Move Sammanfattning down: the button keeps focus and the order is saved.
    const count = (await draftOf(reviewId)).sections.length;
    const down = screen.getByRole('button', { name: 'Flytta ned Sammanfattning' });
    await user.click(down);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Flytta ned Sammanfattning' }));
    expect(useStatusStore.getState().message).toBe(`Sammanfattning flyttades ned: nu avsnitt 2 av ${count}.`);
    await user.click(screen.getByRole('checkbox', { name: 'Ta med Barnrättsperspektiv' }));
    await user.click(screen.getByRole('checkbox', { name: 'Publicerad tabell' }));
    await waitFor(async () => {
      const draft = await draftOf(reviewId);
      expect(draft.sections.slice(0, 2).map((s) => s.id)).toEqual(['bakgrund', 'sammanfattning']);
      expect(draft.sections.find((s) => s.kind === 'barnratt')?.enabled).toBe(true);
      expect(draft.sections.find((s) => s.kind === 'area')?.blocks.at(-1)).toEqual({ type: 'resultTable', areaId: 'trygghet' });
    });
    expect(screen.getByRole('textbox', { name: 'Text: Barnrättsperspektiv' })).toBeTruthy();

    // Likställighet switched on: the unit comparison is a box that is not edited here, and typing keeps it.
    await user.click(screen.getByRole('checkbox', { name: 'Ta med Likställighet mellan enheterna' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tabell som jämför enheterna' }));
    expect(screen.getByRole('note', { name: 'Jämförelse mellan enheterna' }).textContent).toContain('kan inte ändras här');
    await appendText(screen.getByRole('textbox', { name: 'Text: Likställighet mellan enheterna' }), ' Jämförelsen följer.');
    await waitFor(async () => {
      const section = (await draftOf(reviewId)).sections.find((s) => s.kind === 'likstallighet')!;
      expect(section.enabled).toBe(true);
      expect(section.blocks.at(-1)).toEqual({ type: 'unitTable' });
      expect(JSON.stringify(section.blocks)).toContain('Jämförelsen följer.');
    });

    // A section of one's own: added before the signatures, renamed, saved.
    await user.type(screen.getByLabelText('Nytt avsnitt, rubrik'), 'Uppföljning');
    await user.click(screen.getByRole('button', { name: 'Lägg till avsnitt' }));
    const title = screen.getByRole('textbox', { name: 'Rubrik' });
    expect(document.activeElement).toBe(title);
    await user.type(title, ' 2026');
    await user.tab();
    await waitFor(async () => expect((await draftOf(reviewId)).sections.find((s) => s.kind === 'custom')?.title).toBe('Uppföljning 2026'));
  });

  it('a section’s footnotes are listed beside its text, and can be changed and removed there; the editor’s change is what is saved', async () => {
    const reviewId = await scoredReview();
    const { draft, revision } = await core.call('report.get', { reviewId });
    const at = draft.sections.findIndex((s) => s.kind === 'sammanfattning');
    draft.sections[at].blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'Se tidigare', italic: true }, { type: 'footnote', text: 'Rapport 2023.' }] });
    await core.call('report.save', { reviewId, revision, draft });
    await openReport(reviewId);
    const user = userEvent.setup();
    const editor = screen.getByRole('textbox', { name: 'Text: Sammanfattning' });
    expect(editor.querySelector('sup[data-footnote]')?.getAttribute('title')).toBe('Fotnot: Rapport 2023.');
    expect(editor.querySelector('em')?.textContent).toBe('Se tidigare');

    await user.click(screen.getByRole('button', { name: 'Ändra fotnot 1' }));
    const field = screen.getByRole('textbox', { name: 'Fotnot 1' });
    await user.clear(field);
    await user.type(field, 'Rapport 2024.{Enter}');
    await waitFor(async () => {
      const blocks = (await draftOf(reviewId)).sections[at].blocks;
      expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Se tidigare', italic: true }, { type: 'footnote', text: 'Rapport 2024.' }] });
    });
    await user.click(screen.getByRole('button', { name: 'Ta bort fotnot 1' }));
    await waitFor(async () => {
      const blocks = (await draftOf(reviewId)).sections[at].blocks;
      expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Se tidigare', italic: true }] });
    });
    expect(screen.queryByRole('button', { name: 'Ändra fotnot 1' })).toBeNull();
  });
  it('a save refused because someone else saved meanwhile says so in Swedish, overwrites nothing and reads the draft in again on request', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    // Another window saves first.
    const other = await core.call('report.get', { reviewId });
    await core.call('report.save', { reviewId, revision: other.revision, draft: { ...other.draft, header: { ...other.draft.header, title: 'Från det andra fönstret' } } });

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Undertitel'), ' – ändrad här');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Utkastet har ändrats av någon annan' })).toBeTruthy();
    expect(alert.textContent).toMatch(/Utkastet har ändrats sedan du läste in det \(senast av Test Testsson, /);
    expect((await draftOf(reviewId)).header.title).toBe('Från det andra fönstret');
    expect((await draftOf(reviewId)).header.subtitle).not.toContain('ändrad här');
    // Nothing more is sent from this window until it is read in again.
    expect(screen.getByLabelText('Titel').matches(':disabled')).toBe(true);

    await user.click(within(alert).getByRole('button', { name: 'Läs in utkastet igen' }));
    await waitFor(() => expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Från det andra fönstret'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('sending a draft that is not ready lists each gap, linked to its field; an inspector cannot go on anyway', async () => {
    const reviewId = await scoredReview();
    // A date left to fill in Bilaga 1's closing chapter.
    const { draft, revision } = await core.call('report.get', { reviewId });
    const slutord = draft.bilaga1!.sections.find((c) => c.kind === 'slutord')!;
    slutord.blocks = [...slutord.blocks, { type: 'paragraph', content: [{ type: 'text', text: 'Nämnden behandlade rapporten den … .' }] }];
    await core.call('report.save', { reviewId, revision, draft });
    await openReport(reviewId);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Dnr'));
    await user.click(screen.getByRole('button', { name: 'Skicka för godkännande' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('Utkastet kunde inte skickas för godkännande');
    expect(summary.textContent).toContain('12 av 12 akter är inte klarmarkerade');
    expect(summary.textContent).toContain('En avdelningschef eller socialdirektör kan också gå vidare med ett angivet skäl.');
    expect(within(summary).queryByRole('button', { name: 'Gå vidare ändå…' })).toBeNull();
    await user.click(within(summary).getByRole('button', { name: 'Dnr saknas i sidhuvudet.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Dnr'));
    expect(screen.getByLabelText('Dnr').getAttribute('aria-invalid')).toBe('true');
    // A gap in Bilaga 1's text leads to its tab.
    await user.click(within(summary).getByRole('button', { name: /^Bilaga 1, kapitlet Slutord, stycke \d+ innehåller "…"/ }));
    expect(screen.getByRole('tab', { name: 'Bilaga 1' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Text i Bilaga 1: Slutord' })));
    expect(status()).toBe('Utkast');
  });

  it('an approver refused for gaps may go on anyway with a reason, which is logged and stands with the approval', async () => {
    const reviewId = await scoredReview();
    await reopenAs('avdelningschef', reviewId);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Skicka för godkännande' }));
    let summary = await screen.findByRole('alert');
    await user.click(within(summary).getByRole('button', { name: 'Gå vidare ändå…' }));
    const reason = screen.getByRole('textbox', { name: 'Skäl att gå vidare ändå' });
    await waitFor(() => expect(document.activeElement).toBe(reason));
    // The honest note: a role is what the profile says.
    expect(document.getElementById('report-override-reason-hint')?.textContent).toMatch(/inte en inloggning/);
    await user.click(screen.getByRole('button', { name: 'Skicka ändå' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await user.type(reason, 'Datum sätts av nämndsekreteraren; akterna klarmarkeras i eftermiddag.');
    await user.click(screen.getByRole('button', { name: 'Skicka ändå' }));
    await waitFor(() => expect(status()).toBe('För godkännande'));
    expect(screen.queryByRole('textbox', { name: 'Skäl att gå vidare ändå' })).toBeNull();
    const log = screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' });
    expect(within(log).getByText('Gick vidare trots brister')).toBeTruthy();
    expect(log.textContent).toContain('Skickat trots brister: Datum sätts av nämndsekreteraren');

    // Approving is refused for the same gaps, and goes on the same way.
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('Utkastet kunde inte godkännas');
    await user.click(within(summary).getByRole('button', { name: 'Gå vidare ändå…' }));
    await user.type(screen.getByRole('textbox', { name: 'Skäl att gå vidare ändå' }), 'Godkänns i väntan på datum.');
    await user.click(screen.getByRole('button', { name: 'Godkänn ändå' }));
    await waitFor(() => expect(approvalRow('Avdelningschef').textContent).toContain('Anna Avdelningschef'), SLOW);
    expect(approvalRow('Avdelningschef').textContent).toContain('Godkänns i väntan på datum.');
    expect(approvalRow('Socialdirektör').textContent).toContain('Väntar');
    expect(status()).toBe('För godkännande');
    const approval = (await core.call('report.get', { reviewId })).approvals[0];
    expect(approval).toMatchObject({ name: 'Anna Avdelningschef', role: 'avdelningschef', override: expect.stringContaining('Godkänns i väntan på datum.') });
  });

  it('two approvers approve in reverse order: the memo is then fixed with both checksums, read-only, and reopening asks for a logged reason', async () => {
    const reviewId = await readyReview();
    await core.call('report.submit', { reviewId });
    await reopenAs('socialdirektor', reviewId);
    const user = userEvent.setup();
    expect(status()).toBe('För godkännande');
    expect(screen.queryByRole('group', { name: /^Detta saknas/ })).toBeNull();
    expect(screen.getByText('Inget saknas: utkastet kan skickas och godkännas.')).toBeTruthy();
    await waitFor(() => expect(document.getElementById('report-approve-as')?.textContent).toContain('Godkänns som: Sven Socialdirektör, Socialdirektör'));
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(approvalRow('Socialdirektör').textContent).toContain('Sven Socialdirektör'));
    expect(approvalRow('Avdelningschef').textContent).toContain('Väntar');
    expect(status()).toBe('För godkännande');
    expect(useStatusStore.getState().message).toBe('Ditt godkännande registrerades; utlåtandet väntar på fler godkännanden.');
    // What has been approved by someone is not changed.
    expect(screen.getByRole('note', { name: 'Utlåtandet kan inte ändras' }).textContent).toContain('redan godkänts av någon');
    expect(screen.queryByRole('button', { name: 'Godkänn' })).toBeNull();

    await reopenAs('avdelningschef', reviewId);
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(status()).toBe('Godkänt'), SLOW);
    expect(approvalRow('Avdelningschef').textContent).toContain('Anna Avdelningschef');
    expect(approvalRow('Socialdirektör').textContent).toContain('Sven Socialdirektör');
    const { frozen } = await core.call('report.get', { reviewId });
    const fixed = screen.getByRole('note', { name: 'Fastställd version' });
    expect(fixed.textContent).toMatch(/^Fastställd \d{4}-\d{2}-\d{2}/);
    expect(within(fixed).getByTitle(frozen!.memoSha256).textContent).toBe(`${frozen!.memoSha256.slice(0, 12)}…`);
    expect(within(fixed).getByTitle(frozen!.bilaga1Sha256).textContent).toBe(`${frozen!.bilaga1Sha256.slice(0, 12)}…`);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    await user.click(within(fixed).getByRole('button', { name: 'Kopiera kontrollsumman för tjänsteutlåtandet' }));
    await waitFor(() => expect(copied).toBe(frozen!.memoSha256));

    expect(screen.getByRole('note', { name: 'Utlåtandet är låst' }).textContent).toContain('Godkänt och låst');
    expect(screen.getByLabelText('Dnr').matches(':disabled')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).getAttribute('contenteditable')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Flytta ned Sammanfattning' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Skriv om från granskningen…' })).toBeNull();

    // Exported at any status; the file name says which.
    await user.click(screen.getByRole('button', { name: 'Exportera tjänsteutlåtande (.docx)' }));
    await waitFor(() => expect(saved.map((f) => f.name)).toEqual(['Tjänsteutlåtande – SOF 2024-7 – godkänd.docx']));

    await user.click(screen.getByRole('button', { name: 'Öppna igen…' }));
    await user.click(screen.getByRole('button', { name: 'Öppna igen' }));
    expect(screen.getByLabelText('Skäl till att öppna utlåtandet igen').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Skriv varför utlåtandet öppnas igen: skälet loggas.')).toBeTruthy();
    await user.type(screen.getByLabelText('Skäl till att öppna utlåtandet igen'), 'Siffrorna i bilagan ska rättas.');
    await user.click(screen.getByRole('button', { name: 'Öppna igen' }));
    await waitFor(() => expect(status()).toBe('Utkast'));
    const log = screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' });
    expect(within(log).getByText('Siffrorna i bilagan ska rättas.')).toBeTruthy();
    expect(approvalRow('Avdelningschef').textContent).toContain('Väntar');
    expect(approvalRow('Socialdirektör').textContent).toContain('Väntar');
    expect(screen.queryByRole('note', { name: 'Fastställd version' })).toBeNull();
    expect(screen.getByLabelText('Dnr').matches(':disabled')).toBe(false);
  });

  it('Bilaga 1 is edited chapter by chapter; under Resultat the areas’ text is the memo’s own', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Bilaga 1' }));
    const panel = screen.getByRole('tabpanel', { name: 'Bilaga 1' });
    const chapters = within(panel)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(chapters.slice(0, 4)).toEqual(['1. Sammanfattning', '2. Inledning', '3. Metod', '4. Resultat']);
    expect(chapters).toContain('8. Slutord');

    // Rename Slutord, write in Inledning, switch Jämställdhetsanalys off.
    const slutord = screen.getByRole('textbox', { name: 'Rubrik för kapitel 8' });
    await user.clear(slutord);
    await user.type(slutord, 'Avslutning');
    await user.tab();
    await appendText(screen.getByRole('textbox', { name: 'Text i Bilaga 1: Inledning' }), ' Granskningen gjordes på uppdrag av nämnden.');
    await user.click(screen.getByRole('checkbox', { name: 'Ta med Jämställdhetsanalys' }));
    await waitFor(async () => {
      const own = (await draftOf(reviewId)).bilaga1!.sections;
      expect(own.find((c) => c.kind === 'slutord')?.title).toBe('Avslutning');
      expect(JSON.stringify(own.find((c) => c.kind === 'inledning')?.blocks)).toContain('Granskningen gjordes på uppdrag av nämnden.');
      expect(own.find((c) => c.kind === 'jamstalldhet')?.enabled).toBe(false);
    });
    expect(screen.getByRole('heading', { level: 3, name: '8. Avslutning' })).toBeTruthy();

    // Under Resultat: the area's texts, the same as the memo's, with the note that tables and charts come at export.
    const resultat = screen.getByRole('listitem', { name: '4. Resultat' });
    expect(resultat.textContent).toContain('Tabeller och diagram för varje område läggs till ur de publicerade resultaten när Bilaga 1 exporteras.');
    await appendText(within(resultat).getByRole('textbox', { name: 'Text i Bilaga 1 (fördjupning): Trygghet och säkerhet' }), ' Besluten var tydliga.');
    await waitFor(async () => expect(JSON.stringify((await draftOf(reviewId)).sections.find((s) => s.kind === 'area')?.detail)).toContain('Besluten var tydliga.'));

    // Back in the memo: the same text.
    await user.click(screen.getByRole('tab', { name: 'Tjänsteutlåtande' }));
    expect(screen.getByRole('textbox', { name: 'Text i Bilaga 1 (fördjupning): Trygghet och säkerhet' }).textContent).toContain('Besluten var tydliga.');
  });

  it('a draft from before Bilaga 1 had chapters is offered them, from the review, without touching the memo’s edited text', async () => {
    const reviewId = await scoredReview();
    const { draft, revision } = await core.call('report.get', { reviewId });
    const { bilaga1: _chapters, ...older } = draft;
    await core.call('report.save', { reviewId, revision, draft: older });
    await openReport(reviewId);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Bilaga 1' }));
    expect(screen.getByText(/Utkastet skrevs innan Bilaga 1 fick egna kapitel/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Skapa Bilaga 1:s kapitel…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Skapa Bilaga 1:s kapitel' });
    expect(within(within(dialog).getByRole('list', { name: 'Avsnitt som skrivs om' })).getByText('Bilaga 1: Inledning')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Skapa kapitlen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('textbox', { name: 'Text i Bilaga 1: Inledning' })).toBeTruthy();
    expect((await draftOf(reviewId)).bilaga1?.sections.map((c) => c.kind)).toContain('resultat');
  });

  it('rewriting from the review lists what is replaced and keeps an edited section unless asked to overwrite it', async () => {
    const reviewId = await scoredReview();
    // Someone edits the summary; then the review changes (more answers nej).
    const { draft, revision } = await core.call('report.get', { reviewId });
    const at = draft.sections.findIndex((s) => s.kind === 'sammanfattning');
    draft.sections[at] = { ...draft.sections[at], blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Min egen sammanfattning.' }] }] };
    await core.call('report.save', { reviewId, revision, draft });
    const { cases } = await core.call('cases.list', { reviewId });
    for (const c of cases.slice(3, 9)) await core.call('answers.save', { reviewId, caseId: c.id, questionId: 'Q1', value: 'nej' });

    await openReport(reviewId);
    const user = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Skriv om från granskningen…' });
    await user.click(open);
    let dialog = await screen.findByRole('dialog', { name: 'Skriv om från granskningen' });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Skriv om från granskningen' }));
    const replaced = within(within(dialog).getByRole('list', { name: 'Avsnitt som skrivs om' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(replaced).toContain('Trygghet och säkerhet');
    expect(replaced).not.toContain('Sammanfattning');
    const kept = within(dialog).getByRole('list', { name: 'Avsnitt som behålls' });
    expect(within(kept).getByRole('checkbox', { name: 'Skriv över ändå: Sammanfattning' })).toBeTruthy();
    // Nothing changes until confirmed; Escape closes and gives focus back.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Skriv om från granskningen…' })));

    await user.click(screen.getByRole('button', { name: 'Skriv om från granskningen…' }));
    dialog = await screen.findByRole('dialog', { name: 'Skriv om från granskningen' });
    await user.click(within(dialog).getByRole('button', { name: 'Skriv om' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    let after = await draftOf(reviewId);
    expect(JSON.stringify(after.sections[at].blocks)).toContain('Min egen sammanfattning.');
    expect(JSON.stringify(after.sections.find((s) => s.kind === 'area'))).not.toEqual(JSON.stringify(draft.sections.find((s) => s.kind === 'area')));
    expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).textContent).toBe('Min egen sammanfattning.');
    expect(within(screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).getByText('Skrevs om från granskningen')).toBeTruthy();

    // Asked to, the edited summary is rewritten too.
    await user.click(screen.getByRole('button', { name: 'Skriv om från granskningen…' }));
    dialog = await screen.findByRole('dialog', { name: 'Skriv om från granskningen' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Skriv över ändå: Sammanfattning' }));
    expect(dialog.textContent).toContain('ersätts och kan inte tas tillbaka här');
    await user.click(within(dialog).getByRole('button', { name: 'Skriv om' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    after = await draftOf(reviewId);
    expect(JSON.stringify(after.sections[at].blocks)).not.toContain('Min egen sammanfattning.');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).textContent).toContain('Granskningen avser'));
  });

  it('an export stopped by the identity-number scan lists every place, each linked to its field', async () => {
    const reviewId = await scoredReview();
    const { draft } = await core.call('report.get', { reviewId });
    // A draft that got a number some other way than through the screen (saving refuses it).
    draft.proposals[1] = 'Se akt 201701012393.';
    core.db.prepare('UPDATE report SET draft = ? WHERE review_id = ?').run(JSON.stringify(draft), reviewId);
    await openReport(reviewId);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Exportera Bilaga 1 (.docx)' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('Bilaga 1 kunde inte exporteras');
    const place = within(summary).getByRole('button', { name: /^Förslag till beslut, punkt 2: texten innehåller ett personnummer/ });
    expect(summary.textContent).not.toContain('2393');
    await user.click(place);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Förslag 2' }));
    expect(saved).toEqual([]);
  });
  it('any role lists an appendix by title before approval; the secretary attaches, retitles and orders, attaches the listed file after approval and creates the board package', async () => {
    const reviewId = await readyReview();
    await openReport(reviewId);
    const user = userEvent.setup();
    // The inspector lists "Protokollsutdrag": its file comes later.
    await user.type(screen.getByRole('textbox', { name: /^Bilaga som bifogas senare, titel/ }), 'Protokollsutdrag');
    await user.click(screen.getByRole('button', { name: 'Lägg till i förteckningen' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Titel, bilaga 2' })).toBeTruthy());
    expect(within(screen.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' })).getByRole('row', { name: /^Bilaga 2/ }).textContent).toContain('Filen saknas');
    expect(screen.queryByRole('button', { name: 'Bifoga fil, bilaga 2' })).toBeNull();

    await reopenAs('namndsekreterare', reviewId);
    const pdf = (text: string) => new Uint8Array(simplePdf(text));
    const attach = async (name: string, title: string) => {
      nextPick = { name, bytes: pdf(name) };
      await user.click(screen.getByRole('button', { name: 'Bifoga bilaga…' }));
      const field = await screen.findByLabelText('Bilagans titel');
      await user.clear(field);
      if (title) await user.type(field, title);
      await user.click(screen.getByRole('button', { name: 'Bifoga' }));
    };
    await attach('yttrande.pdf', 'Yttrande');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Titel, bilaga 3' })).toBeTruthy());

    // A title with a path character is refused beside the field, nothing attached.
    await attach('annat.pdf', 'Del 1/2');
    await waitFor(() => expect(document.getElementById('report-appendix-new-title-issues')?.textContent).toMatch(/^Får inte innehålla \/ /));
    expect(screen.getByLabelText('Bilagans titel').getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));

    await user.click(screen.getByRole('button', { name: 'Flytta upp bilaga 3' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Titel, bilaga 2' }) as HTMLInputElement).value).toBe('Yttrande'));
    const second = screen.getByRole('textbox', { name: 'Titel, bilaga 3' });
    await user.clear(second);
    await user.type(second, 'Protokollsutdrag från nämnden');
    await user.tab();
    await waitFor(async () => expect((await core.call('report.get', { reviewId })).appendices.map((a) => a.title)).toEqual(['Yttrande', 'Protokollsutdrag från nämnden']));

    // Sent and approved by both; the list is then fixed, but the listed file may still come.
    await as('granskare');
    await core.call('report.submit', { reviewId });
    await as('avdelningschef');
    await core.call('report.approve', { reviewId });
    await as('socialdirektor');
    await core.call('report.approve', { reviewId });
    await reopenAs('namndsekreterare', reviewId);
    expect(status()).toBe('Godkänt');
    expect(screen.queryByRole('button', { name: 'Lägg till i förteckningen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Bifoga bilaga…' })).toBeNull();
    expect(screen.getByText(/^Bilageförteckningen ingår i det godkända tjänsteutlåtandet/)).toBeTruthy();
    expect(screen.getByText('Nämndpaketet väntar på filen till bilaga 3 (Protokollsutdrag från nämnden).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skapa nämndpaket (.zip)' }).matches(':disabled')).toBe(true);

    nextPick = { name: 'protokoll.pdf', bytes: pdf('protokoll') };
    await user.click(screen.getByRole('button', { name: 'Bifoga fil, bilaga 3' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' })).getByRole('row', { name: /^Bilaga 3/ }).textContent).toContain('protokoll.pdf'));
    expect(within(screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).getAllByText('Fil bifogades till bilaga').length).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Skapa nämndpaket (.zip)' }));
    await waitFor(() => expect(saved.map((f) => [f.name, f.mimeType])).toEqual([['Nämndpaket – SOF 2024-7.zip', 'application/zip']]));
    expect(within(screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).getByText('Nämndpaketet skapades')).toBeTruthy();
  });

  it('an inspector sees the files of the appendices read-only, with the reason', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    expect(screen.queryByRole('button', { name: 'Bifoga bilaga…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Skapa nämndpaket (.zip)' })).toBeNull();
    expect(screen.getByText('Bara en nämndsekreterare kan bifoga filer till bilagorna. Rollen väljs i profilen.')).toBeTruthy();
  });

  it('the settings choose who approves: at least one role, and the report waits only for those', async () => {
    const reviewId = await scoredReview();
    window.location.hash = '#/installningar';
    render(<App />);
    const user = userEvent.setup();
    const director = await screen.findByRole('checkbox', { name: 'Socialdirektör' });
    const head = screen.getByRole('checkbox', { name: 'Avdelningschef' });
    expect((director as HTMLInputElement).checked).toBe(true);
    await user.click(director);
    await user.click(head);
    await user.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    expect(document.getElementById('report-settings-approvers-issues')?.textContent).toBe('Minst en roll måste godkänna tjänsteutlåtandet.');
    expect(document.activeElement).toBe(head);
    await user.click(head);
    await user.click(screen.getByRole('button', { name: 'Spara inställningarna' }));
    await screen.findByText('Inställningarna för tjänsteutlåtanden sparades.');
    expect((await core.call('report.settings.get', {})).approvers).toEqual(['avdelningschef']);

    cleanup();
    resetReport();
    await openReport(reviewId);
    expect(approvalRow('Avdelningschef').textContent).toContain('Väntar');
    expect(within(screen.getByRole('table', { name: 'Godkännanden' })).queryByRole('row', { name: /^Socialdirektör/ })).toBeNull();
  });
});
