import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { createApiClient } from '../../renderer/src/api/client';
import type { PickedFile } from '../../renderer/src/api/files';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';
import { configureServices, resetServices } from '../../renderer/src/services';
import { resetProfile } from '../../renderer/src/state/profile-store';
import { resetReport } from '../../renderer/src/state/report-store';
import { useStatusStore } from '../../renderer/src/state/status-store';
import type { ProfileRole } from '../../shared/contract/profile';
import type { Template } from '../../shared/templates/schema';
import { testCore, type TestCore } from '../support/core';

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

async function openReport(reviewId: string) {
  window.location.hash = hrefFor({ name: 'report', reviewId });
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Tjänsteutlåtande – / });
}

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

describe('the report screen', () => {
  it('shows the first draft: header, the three usual proposals, the sections in order with Barnrättsperspektiv off, Bilaga 1', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    expect(status()).toBe('Utkast');
    expect((screen.getByLabelText('Dnr') as HTMLInputElement).value).toBe('SOF 2024/7');
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Familjehemsvård');
    expect(screen.getAllByRole('textbox', { name: /^Förslag \d$/ })).toHaveLength(3);
    const headings = within(screen.getByRole('region', { name: 'Avsnitt' }))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings[0]).toBe('1. Sammanfattning');
    expect(headings).toContain('5. Jämställdhetsanalys');
    expect(headings).toContain('6. Barnrättsperspektiv (avstängt)');
    expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).textContent).toContain('Granskningen avser');
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
    const down = screen.getByRole('button', { name: 'Flytta ned Sammanfattning' });
    await user.click(down);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Flytta ned Sammanfattning' }));
    expect(useStatusStore.getState().message).toBe('Sammanfattning flyttades ned: nu avsnitt 2 av 9.');
    await user.click(screen.getByRole('checkbox', { name: 'Ta med Barnrättsperspektiv' }));
    await user.click(screen.getByRole('checkbox', { name: 'Publicerad tabell' }));
    await waitFor(async () => {
      const draft = await draftOf(reviewId);
      expect(draft.sections.slice(0, 2).map((s) => s.id)).toEqual(['bakgrund', 'sammanfattning']);
      expect(draft.sections.find((s) => s.kind === 'barnratt')?.enabled).toBe(true);
      expect(draft.sections.find((s) => s.kind === 'area')?.blocks.map((b) => b.type)).toEqual(['paragraph', 'resultTable']);
    });
    expect(screen.getByRole('textbox', { name: 'Text: Barnrättsperspektiv' })).toBeTruthy();

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

  it('sending a draft that is not ready lists each gap, linked to its field and shown beside it', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Dnr'));
    await user.click(screen.getByRole('button', { name: 'Skicka för godkännande' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('Utkastet kunde inte skickas för godkännande');
    await user.click(within(summary).getByRole('button', { name: 'Dnr saknas i sidhuvudet.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Dnr'));
    expect(screen.getByLabelText('Dnr').getAttribute('aria-invalid')).toBe('true');
    expect(status()).toBe('Utkast');
  });

  it('the department head approves (naming who is recorded), the report is then read-only, and reopening asks for a logged reason', async () => {
    const reviewId = await scoredReview();
    await core.call('report.submit', { reviewId });
    await as('avdelningschef');
    await openReport(reviewId);
    const user = userEvent.setup();
    expect(status()).toBe('För godkännande');
    await waitFor(() => expect(document.getElementById('report-approve-as')?.textContent).toContain('Godkänns som: Anna Avdelningschef, Avdelningschef'));
    await user.click(screen.getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(status()).toBe('Godkänt'));
    expect(screen.getByRole('note', { name: 'Utlåtandet är låst' }).textContent).toContain('Godkänt och låst');
    expect(screen.getByLabelText('Dnr').matches(':disabled')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Text: Sammanfattning' }).getAttribute('contenteditable')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Flytta ned Sammanfattning' })).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Godkännanden' })).getByText('Anna Avdelningschef')).toBeTruthy();

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
    expect(screen.queryByRole('table', { name: 'Godkännanden' })).toBeNull();
    expect(screen.getByLabelText('Dnr').matches(':disabled')).toBe(false);
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

  it('the board secretary attaches, retitles and orders appendices and creates the board package of an approved report', async () => {
    const reviewId = await scoredReview();
    await core.call('report.submit', { reviewId });
    await as('avdelningschef');
    await core.call('report.approve', { reviewId });
    await as('namndsekreterare');
    await openReport(reviewId);
    const user = userEvent.setup();
    expect(screen.getByRole('note', { name: 'Utlåtandet är låst' })).toBeTruthy();

    const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
    const attach = async (name: string, title: string) => {
      nextPick = { name, bytes: pdf(name) };
      await user.click(screen.getByRole('button', { name: 'Bifoga bilaga…' }));
      const field = await screen.findByLabelText('Bilagans titel');
      await user.clear(field);
      if (title) await user.type(field, title);
      await user.click(screen.getByRole('button', { name: 'Bifoga' }));
    };
    await attach('yttrande.pdf', 'Yttrande');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Titel, bilaga 2' })).toBeTruthy());
    await attach('protokoll.pdf', 'Protokoll');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Titel, bilaga 3' })).toBeTruthy());

    // A title with a path character is refused beside the field, nothing attached.
    await attach('annat.pdf', 'Del 1/2');
    await waitFor(() => expect(document.getElementById('report-appendix-new-title-issues')?.textContent).toMatch(/^Får inte innehålla \/ /));
    expect(screen.getByLabelText('Bilagans titel').getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));

    await user.click(screen.getByRole('button', { name: 'Flytta upp bilaga 3' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Titel, bilaga 2' }) as HTMLInputElement).value).toBe('Protokoll'));
    const second = screen.getByRole('textbox', { name: 'Titel, bilaga 3' });
    await user.clear(second);
    await user.type(second, 'Yttrande från nämnden');
    await user.tab();
    await waitFor(async () => expect((await core.call('report.get', { reviewId })).appendices.map((a) => a.title)).toEqual(['Protokoll', 'Yttrande från nämnden']));

    await user.click(screen.getByRole('button', { name: 'Skapa nämndpaket (.zip)' }));
    await waitFor(() => expect(saved.map((f) => [f.name, f.mimeType])).toEqual([['Nämndpaket – SOF 2024-7.zip', 'application/zip']]));
    expect(within(screen.getByRole('table', { name: 'Händelser i tjänsteutlåtandet' })).getByText('Nämndpaketet skapades')).toBeTruthy();
  });

  it('an inspector sees the appendices read-only, with the reason', async () => {
    const reviewId = await scoredReview();
    await openReport(reviewId);
    expect(screen.queryByRole('button', { name: 'Bifoga bilaga…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Skapa nämndpaket (.zip)' })).toBeNull();
    expect(screen.getByText('Bara en nämndsekreterare kan bifoga, ordna och ta bort bilagor. Rollen väljs i profilen.')).toBeTruthy();
  });
});
