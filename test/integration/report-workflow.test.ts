import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileRole } from '../../shared/contract/profile';
import type { ReportDraft } from '../../shared/contract/report-model';
import { granska } from '../support/cli';
import { simplePdf } from '../support/pdf';
import { testCore, type TestCore } from '../support/core';
import { completed, completeEveryFile } from '../support/written-review';
import { zip } from '../support/zip';

/*
 * Issue 9, the workflow around the tjänsteutlåtande: statuses and roles, approvals recorded and
 * revoked, locking, stale windows, the report's own log, the identity-number scan before any
 * export, appendix checks, and the board package whose files and manifest match each other and
 * the memo's Bilaga list. Through dispatch, and the CLI as a real process for report and package.
 */

const DNR = 'SOF 2024/543';
const BOY = '20170101-2393';
const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
/** A real PDF, read through for personnummer like any attached file. */
const PDF = simplePdf('Yttrande från stadsdelsnämnden Norr.');

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

/** The example review (a drawn sample and a few answers) with a Dnr and a case officer. */
async function reviewWithReport(options: { dnr?: boolean; ready?: boolean } = {}) {
  const core = testCore();
  opened.push(core);
  const { id } = await core.call('reviews.createExample', {});
  await core.call('reviews.update', { reviewId: id, ...(options.dnr === false ? {} : { dnr: DNR }), inspectors: [{ name: 'Anna Inspektör', phone: '08-50825262' }] });
  if (options.ready !== false) {
    // These tests follow one approver (the setting allows it); two approvers in either order are report-approvals.test.ts's.
    await core.call('report.settings.save', { ...(await core.call('report.settings.get', {})), approvers: ['avdelningschef'] });
    await completeEveryFile(core, id);
    const { draft, revision } = await core.call('report.get', { reviewId: id });
    await core.call('report.save', { reviewId: id, revision, draft: completed(draft) });
  }
  return { core, reviewId: id };
}

const PEOPLE: Record<ProfileRole, { name: string; title: string }> = {
  granskare: { name: 'Anna Inspektör', title: 'Socialtjänstinspektör' },
  avdelningschef: { name: 'Berit Chef', title: 'Avdelningschef' },
  socialdirektor: { name: 'Dora Direktör', title: 'Socialdirektör' },
  namndsekreterare: { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare' },
};
const as = (core: TestCore, role: ProfileRole) => core.call('profile.save', { ...PEOPLE[role], role });

/** The draft with one paragraph of Bakgrund replaced. */
function withBakgrund(draft: ReportDraft, text: string): ReportDraft {
  const next = structuredClone(draft);
  const bakgrund = next.sections.find((s) => s.kind === 'bakgrund')!;
  bakgrund.blocks[0] = { type: 'paragraph', content: [{ type: 'text', text }] };
  return next;
}

/** Takes a report through submit and approval, as the inspector and the department head. */
async function approve(core: TestCore, reviewId: string) {
  await as(core, 'granskare');
  await core.call('report.get', { reviewId });
  await core.call('report.submit', { reviewId });
  await as(core, 'avdelningschef');
  return core.call('report.approve', { reviewId });
}

describe('the report draft and its statuses', () => {
  it('is written from the review on first read, once, and logged as created', async () => {
    const { core, reviewId } = await reviewWithReport({ ready: false });
    const first = await core.call('report.get', { reviewId });
    const again = await core.call('report.get', { reviewId });
    expect(first).toMatchObject({ status: 'utkast', revision: 1, approvals: [], appendices: [], role: null });
    expect(first.draft.header).toMatchObject({ dnr: DNR, to: 'Socialnämnden', officers: [{ name: 'Anna Inspektör', phone: '08-50825262' }] });
    expect(again.draft).toEqual(first.draft);
    expect(again.events).toEqual([{ at: '2026-11-23T09:00:00.000Z', actor: 'Test Testsson', action: 'skapad', note: null }]);
  });

  it('takes the organisation’s names and typeface from the settings, which any role may change', async () => {
    const { core, reviewId } = await reviewWithReport({ ready: false });
    await as(core, 'namndsekreterare');
    const settings = { administration: 'Socialförvaltningen', department: 'Avdelningen för kvalitet', board: 'Socialnämnden i Exempelstad', font: 'Arial' as const };
    const approvers = ['avdelningschef', 'socialdirektor'];
    expect(await core.call('report.settings.save', settings)).toEqual({ ...settings, approvers });
    const report = await core.call('report.get', { reviewId });
    expect(report.settings).toEqual({ ...settings, approvers });
    expect(report.draft.header).toMatchObject({ department: 'Avdelningen för kvalitet', to: 'Socialnämnden i Exempelstad', font: 'Arial' });
    expect((await core.fails('report.settings.save', { ...settings, board: '' })).message).toBe('Nämnd saknas.');
  });

  it('goes utkast → för godkännande → godkänd by role, locks when approved and reopens with a reason, keeping the approval as history', async () => {
    const { core, reviewId } = await reviewWithReport();
    await as(core, 'granskare');
    const start = await core.call('report.get', { reviewId });
    expect(start.permissions.edit.allowed).toBe(true);
    expect(start.permissions.approve).toEqual({ allowed: false, reason: expect.stringMatching(/^Bara avdelningschef kan godkänna/) });
    const saved = await core.call('report.save', { reviewId, revision: start.revision, draft: withBakgrund(start.draft, 'Inspektörens text.') });
    expect(saved.revision).toBe(3);
    expect(await core.call('report.submit', { reviewId })).toEqual({ status: 'for_godkannande', revision: 4 });

    // Sent for approval: the inspector can no longer edit or approve.
    expect(await core.fails('report.save', { reviewId, revision: 4, draft: start.draft })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/bara avdelningschef kan ändra det nu/) });
    expect(await core.fails('report.approve', { reviewId })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Bara avdelningschef kan godkänna/) });

    // The department head may edit while reviewing, then approves: name, title and date fill Attesterat av.
    await as(core, 'avdelningschef');
    const reviewing = await core.call('report.get', { reviewId });
    expect(reviewing.permissions.approve.allowed).toBe(true);
    await core.call('report.save', { reviewId, revision: 4, draft: withBakgrund(start.draft, 'Chefens ändring.') });
    expect(await core.call('report.approve', { reviewId })).toEqual({ status: 'godkand', revision: 6 });
    const approved = await core.call('report.get', { reviewId });
    expect(approved.approvals).toEqual([{ name: 'Berit Chef', title: 'Avdelningschef', date: '2026-11-23', role: 'avdelningschef', override: null }]);
    expect(approved.permissions.edit).toEqual({ allowed: false, reason: 'Godkänt tjänsteutlåtande är låst; återöppna det först.' });

    // Read-only after approval, for everyone.
    for (const role of ['granskare', 'avdelningschef', 'namndsekreterare'] as const) {
      await as(core, role);
      const error = await core.fails('report.save', { reviewId, revision: 6, draft: start.draft });
      expect(error).toMatchObject({ code: 'VALIDATION', message: 'Godkänt tjänsteutlåtande är låst; återöppna det först.' });
    }
    await as(core, 'namndsekreterare');
    expect((await core.fails('report.reopen', { reviewId, reason: 'Fel siffra' })).message).toMatch(/^Bara avdelningschef eller socialdirektör kan öppna/);

    // Reopening needs a reason, revokes the approval and keeps it in the table.
    await as(core, 'avdelningschef');
    expect(await core.fails('report.reopen', { reviewId, reason: '  ' })).toMatchObject({ code: 'VALIDATION', message: 'Skäl saknas.' });
    expect(await core.call('report.reopen', { reviewId, reason: 'Siffran i Ärendet ska rättas.' })).toEqual({ status: 'utkast', revision: 7 });
    const reopened = await core.call('report.get', { reviewId });
    expect(reopened.approvals).toEqual([]);
    expect(reopened.draft.sections.find((s) => s.kind === 'bakgrund')!.blocks[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Chefens ändring.' }] });
    expect(core.db.prepare('SELECT name, revoked_at FROM report_approval').all()).toEqual([{ name: 'Berit Chef', revoked_at: '2026-11-23T09:00:00.000Z' }]);

    // Every change is in the log, with who made it; a save after someone else's step is a new entry.
    expect(reopened.events.map((e) => [e.action, e.note])).toEqual([
      ['skapad', null],
      ['sparad', null],
      ['skickad', null],
      ['sparad', null],
      ['godkand', 'Berit Chef, Avdelningschef (avdelningschef)'],
      ['ateroppnad', 'Siffran i Ärendet ska rättas.'],
    ]);
    expect(new Set(reopened.events.map((e) => e.actor))).toEqual(new Set(['Test Testsson']));
  });

  it('refuses an approval without a name: a workbench without a profile cannot approve', async () => {
    const { core, reviewId } = await reviewWithReport();
    // Sent on before anyone opened it: the draft is created on the way (a nested transaction).
    expect(await core.call('report.submit', { reviewId })).toEqual({ status: 'for_godkannande', revision: 3 });
    const error = await core.fails('report.approve', { reviewId });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Ett godkännande behöver ett namn/) });
    expect(core.db.prepare('SELECT COUNT(*) FROM report_approval').pluck().get()).toBe(0);
  });

  it('refuses a save from a stale window with CONFLICT, so two windows never overwrite each other', async () => {
    const { core, reviewId } = await reviewWithReport();
    const { draft, revision } = await core.call('report.get', { reviewId });
    await core.call('report.save', { reviewId, revision, draft: withBakgrund(draft, 'Fönster ett.') });
    const error = await core.fails('report.save', { reviewId, revision, draft: withBakgrund(draft, 'Fönster två.') });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Utkastet har ändrats sedan du läste in det \(senast av Test Testsson/) });
    const now = await core.call('report.get', { reviewId });
    expect(now.revision).toBe(revision + 1);
    expect(JSON.stringify(now.draft)).toContain('Fönster ett.');
    expect(JSON.stringify(now.draft)).not.toContain('Fönster två.');
  });

  it('refuses to send on a draft that is not ready: no Dnr, an empty section, nothing scored', async () => {
    const core = testCore();
    opened.push(core);
    const { id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Utan svar', units: ['Enhet A'] });
    const { draft, revision } = await core.call('report.get', { reviewId });
    const emptied = structuredClone(draft);
    emptied.sections.find((s) => s.kind === 'bakgrund')!.blocks = [];
    await core.call('report.save', { reviewId, revision, draft: emptied });
    const error = await core.fails('report.submit', { reviewId });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues!.map((i) => i.message)).toEqual([
      'Dnr saknas i sidhuvudet.',
      'Datum saknas i sidhuvudet (nämndens sammanträde).',
      'Avsnittet Bakgrund är tomt: skriv en text eller stäng av det.',
      'Avsnittet Ärendets beredning, stycke 1 innehåller "…", som ska fyllas i eller tas bort.',
      'Inga akter har bedömts i granskningen ännu, så utlåtandets resultat vore tomma.',
    ]);
    expect((await core.call('report.get', { reviewId })).status).toBe('utkast');
  });
});

describe('exports', () => {
  it('exports the memo and Bilaga 1 at any status, named with Dnr and status, and logs it', async () => {
    const { core, reviewId } = await reviewWithReport();
    const memo = await core.call('report.export', { reviewId, document: 'memo' });
    expect(memo).toMatchObject({ fileName: 'Tjänsteutlåtande – SOF 2024-543 – utkast.docx', mimeType: expect.stringContaining('wordprocessingml') });
    expect(Buffer.from(memo.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    await approve(core, reviewId);
    const bilaga = await core.call('report.export', { reviewId, document: 'bilaga1' });
    expect(bilaga.fileName).toBe('Bilaga 1 – SOF 2024-543 – godkänd.docx');
    const events = (await core.call('report.get', { reviewId })).events.filter((e) => e.action === 'exporterad');
    expect(events.map((e) => e.note)).toEqual(['Tjänsteutlåtande (utkast)', 'Bilaga 1 (godkänd)']);
  });

  it('is blocked by an identity number anywhere in the text, naming the place and never the number', async () => {
    const { core, reviewId } = await reviewWithReport();
    const { draft, revision } = await core.call('report.get', { reviewId });
    const tainted = structuredClone(draft);
    const at = tainted.sections.findIndex((s) => s.kind === 'bakgrund');
    tainted.sections[at].blocks.splice(1, 0, { type: 'paragraph', content: [{ type: 'text', text: 'Barnet ' }, { type: 'text', text: `(${BOY})`, bold: true }, { type: 'text', text: ' nämns.' }] });
    tainted.proposals[1] = `Se akt ${BOY.replace('-', '')}.`;
    // The guard refuses it on save...
    expect((await core.fails('report.save', { reviewId, revision, draft: tainted })).code).toBe('VALIDATION');
    // ...and a draft that got it some other way (stored before a rule changed) is stopped at export.
    core.db.prepare('UPDATE report SET draft = ? WHERE review_id = ?').run(JSON.stringify(tainted), reviewId);
    for (const document of ['memo', 'bilaga1'] as const) {
      const error = await core.fails('report.export', { reviewId, document });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toEqual([
        { path: '$.draft.proposals[1]', message: expect.stringMatching(/^Förslag till beslut, punkt 2: texten innehåller ett personnummer\./) },
        { path: `$.draft.sections[${at}].blocks[1].content[1].text`, message: expect.stringMatching(/^Avsnittet Bakgrund, stycke 2: texten innehåller ett personnummer\./) },
      ]);
      expect(error.message).toMatch(/^Exporten stoppades: .* på 2 ställen\. Inget har skrivits\./);
      expect(JSON.stringify(error)).not.toMatch(/2393/);
    }
    expect((await core.call('report.get', { reviewId })).events.some((e) => e.action === 'exporterad')).toBe(false);
  });
});

describe('appendices', () => {
  it('are the board secretary’s, and must be what their name says', async () => {
    const { core, reviewId } = await reviewWithReport();
    await as(core, 'granskare');
    const add = (fileName: string, content: string | Uint8Array, title = 'Yttrande') => ({ reviewId, fileName, title, contentBase64: b64(content) });
    expect((await core.fails('appendix.add', add('yttrande.pdf', PDF))).message).toMatch(/^Bara en nämndsekreterare kan bifoga/);

    await as(core, 'namndsekreterare');
    const textAsPdf = await core.fails('appendix.add', add('yttrande.pdf', 'Det här är bara text.\n'));
    expect(textAsPdf).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Filen "yttrande.pdf" är inte en PDF-fil, fast namnet slutar på \.pdf/) });
    const notWord = zip([
      { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect((await core.fails('appendix.add', add('rapport.docx', notWord))).message).toMatch(/^Filen "rapport.docx" är inte ett Word-dokument \(.docx\).*huvuddelen för Word-dokumentet saknas/);
    const realMemo = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    expect((await core.fails('appendix.add', add('statistik.xlsx', realMemo))).message).toMatch(/är inte en Excel-arbetsbok \(.xlsx\).*den är ett Word-dokument/);
    expect((await core.fails('appendix.add', add('anteckning.txt', 'text'))).message).toMatch(/kan inte bifogas: en bilaga ska vara en PDF-fil/);

    const tooBig = await core.fails('appendix.add', { reviewId, fileName: 'stor.pdf', title: 'Stor', contentBase64: Buffer.alloc(50 * 1024 * 1024 + 1).toString('base64') });
    expect(tooBig).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Filen: Får vara högst 50 MB\./) });
    expect(core.db.prepare('SELECT COUNT(*) FROM appendix').pluck().get()).toBe(0);

    const added = await core.call('appendix.add', add('yttrande.pdf', PDF, 'Yttrande från Norr'));
    expect(added).toMatchObject({ number: 2, title: 'Yttrande från Norr', fileName: 'yttrande.pdf', kind: 'pdf', bytes: PDF.length, sha256: sha256(Buffer.from(PDF)) });
    const word = await core.call('appendix.add', add('rapport.docx', realMemo, 'Tidigare rapport'));
    expect(word).toMatchObject({ number: 3, kind: 'docx', sha256: sha256(realMemo) });
  });

  it('take a file name with folders as its own name only, and refuse a title with path characters', async () => {
    const { core, reviewId } = await reviewWithReport();
    await as(core, 'namndsekreterare');
    const added = await core.call('appendix.add', { reviewId, fileName: '../../etc/yttrande.pdf', title: 'Yttrande', contentBase64: b64(PDF) });
    expect(added.fileName).toBe('yttrande.pdf');
    const windows = await core.call('appendix.add', { reviewId, fileName: '..\\..\\Skrivbord\\bilaga.pdf', title: 'Bilaga', contentBase64: b64(PDF) });
    expect(windows.fileName).toBe('bilaga.pdf');
    for (const title of ['../hemligt', 'a/b', 'Norr: yttrande', '..']) {
      const error = await core.fails('appendix.add', { reviewId, fileName: 'x.pdf', title, contentBase64: b64(PDF) });
      expect(error.code, title).toBe('VALIDATION');
      expect(error.message, title).toMatch(/^Titel: (Får inte innehålla|Måste innehålla)/);
    }
    const renamed = await core.fails('appendix.update', { reviewId, id: added.id, title: '../../x' });
    expect(renamed.code).toBe('VALIDATION');
  });
});

describe('the board package', () => {
  async function approvedWithAppendices() {
    const { core, reviewId } = await reviewWithReport();
    const xlsx = Buffer.from((await core.call('results.export', { reviewId, format: 'xlsx', published: true })).contentBase64, 'base64');
    await as(core, 'namndsekreterare');
    const first = await core.call('appendix.add', { reviewId, fileName: 'yttrande.pdf', title: 'Yttrande från Norr', contentBase64: b64(PDF) });
    await core.call('appendix.add', { reviewId, fileName: 'statistik.xlsx', title: 'Statistik per enhet', contentBase64: b64(xlsx) });
    await core.call('appendix.add', { reviewId, fileName: 'bort.pdf', title: 'Tas bort', contentBase64: b64(PDF) });
    return { core, reviewId, first, xlsx };
  }

  it('is refused unless the report is approved, and only the board secretary makes it', async () => {
    const { core, reviewId } = await approvedWithAppendices();
    expect(await core.fails('package.export', { reviewId })).toMatchObject({ code: 'VALIDATION', message: 'Nämndpaketet kan bara skapas av ett godkänt tjänsteutlåtande.' });
    await approve(core, reviewId);
    expect((await core.fails('package.export', { reviewId })).message).toMatch(/^Bara en nämndsekreterare kan skapa nämndpaketet/);
  });

  it('names every file Bilaga N – title, with a manifest whose checksums are the files’, agreeing with the memo’s Bilaga list', async () => {
    const { core, reviewId, first, xlsx } = await approvedWithAppendices();
    const { appendices } = await core.call('report.get', { reviewId });
    await core.call('appendix.remove', { reviewId, id: appendices[2].id });
    // Reordered: the spreadsheet becomes Bilaga 2.
    await core.call('appendix.update', { reviewId, id: first.id, position: 2 });
    await approve(core, reviewId);
    await as(core, 'namndsekreterare');
    const pkg = await core.call('package.export', { reviewId });
    expect(pkg.fileName).toBe('Nämndpaket – SOF 2024-543.zip');

    const { draft } = await core.call('report.get', { reviewId });
    const bilaga1Title = `${draft.header.title}. ${draft.header.subtitle}`;
    const unzipped = await JSZip.loadAsync(Buffer.from(pkg.contentBase64, 'base64'));
    const names = Object.keys(unzipped.files);
    expect(names).toEqual([
      'Tjänsteutlåtande – SOF 2024-543.docx',
      expect.stringMatching(/^Bilaga 1 – Exempelgranskning- öppenvård barn 0–12 år\. [^/\\:]*\.docx$/),
      'Bilaga 2 – Statistik per enhet.xlsx',
      'Bilaga 3 – Yttrande från Norr.pdf',
      'manifest.json',
      'manifest.txt',
    ]);
    expect(pkg.manifest.map((m) => m.file)).toEqual(names.slice(0, 4));
    expect(pkg.manifest.map((m) => m.title)).toEqual([`Tjänsteutlåtande: ${draft.header.title}`, bilaga1Title, 'Statistik per enhet', 'Yttrande från Norr']);
    for (const entry of pkg.manifest) {
      const content = await unzipped.file(entry.file)!.async('nodebuffer');
      expect(entry.sha256, entry.file).toBe(sha256(content));
      expect(entry.bytes, entry.file).toBe(content.length);
    }
    expect(await unzipped.file('Bilaga 2 – Statistik per enhet.xlsx')!.async('nodebuffer')).toEqual(xlsx);
    expect(await unzipped.file('Bilaga 3 – Yttrande från Norr.pdf')!.async('nodebuffer')).toEqual(PDF);
    const manifestJson = JSON.parse(await unzipped.file('manifest.json')!.async('string')) as { files: unknown; approvals: unknown };
    expect(manifestJson.files).toEqual(pkg.manifest);
    expect(manifestJson.approvals).toEqual([{ name: 'Berit Chef', title: 'Avdelningschef', date: '2026-11-23' }]);
    const manifestText = await unzipped.file('manifest.txt')!.async('string');
    for (const entry of pkg.manifest) expect(manifestText).toContain(`SHA-256: ${entry.sha256}`);

    // The memo in the package lists exactly the package's appendices, in its order, between "Bilaga" and "Attesterat av".
    const memo = await JSZip.loadAsync(await unzipped.file(names[0])!.async('nodebuffer'));
    const paragraphs = paragraphTexts(await memo.file('word/document.xml')!.async('string'));
    const from = paragraphs.lastIndexOf('Bilagor');
    const to = paragraphs.indexOf('Attesterat av', from);
    expect(from).toBeGreaterThan(0);
    expect(paragraphs.slice(from + 1, to).filter((p) => p.trim() !== '')).toEqual(pkg.manifest.slice(1).map((m, i) => `${i + 1}.\t${m.title}`));

    const events = (await core.call('report.get', { reviewId })).events.map((e) => e.action);
    expect(events.filter((a) => a.startsWith('bilaga_') || a === 'paket_exporterat')).toEqual(['bilaga_tillagd', 'bilaga_tillagd', 'bilaga_tillagd', 'bilaga_borttagen', 'bilaga_andrad', 'paket_exporterat']);
  });
});

/** The text of each paragraph of a Word document part, in order. */
function paragraphTexts(xml: string): string[] {
  const text = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : text(t[1]))).join(''));
}

describe('the CLI', () => {
  // Ten real processes, each starting the CLI through tsx: slow on a busy machine, so a generous limit (not a timed assertion).
  it('writes the memo and Bilaga 1, moves the status, and writes the package as a zip or a folder', { timeout: 240_000 }, async () => {
    const { core, reviewId } = await reviewWithReport();
    const db = ['--db', core.dbPath];
    const out = path.join(core.dir, 'ut');
    const written = granska([...db, 'report', reviewId, '--out', out, '--json']);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    const files = (JSON.parse(written.stdout) as { files: { document: string; file: string; bytes: number }[] }).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(['Tjänsteutlåtande – SOF 2024-543 – utkast.docx', 'Bilaga 1 – SOF 2024-543 – utkast.docx']);
    for (const f of files) {
      expect(fs.statSync(f.file).size).toBe(f.bytes);
      if (process.platform !== 'win32') expect(fs.statSync(f.file).mode & 0o777).toBe(0o600);
    }

    expect(granska([...db, 'profile', 'set', '--name', 'Anna Inspektör', '--role', 'granskare']).code).toBe(0);
    const submitted = granska([...db, 'report', 'submit', reviewId]);
    expect(submitted).toMatchObject({ code: 0, stdout: 'Tjänsteutlåtandet är skickat för godkännande. Status: för godkännande.\n' });
    expect(granska([...db, 'report', 'approve', reviewId])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Fel: Bara avdelningschef kan godkänna/) });
    expect(granska([...db, 'profile', 'set', '--name', 'Berit Chef', '--title', 'Avdelningschef', '--role', 'avdelningschef']).code).toBe(0);
    expect(granska([...db, 'report', 'reopen', reviewId])).toMatchObject({ code: 2, stderr: expect.stringContaining('Ange skälet med --reason') });
    expect(granska([...db, 'report', 'approve', reviewId, '--json']).code).toBe(0);

    const early = granska([...db, 'package', reviewId, '--out', path.join(core.dir, 'paket.zip')]);
    expect(early).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Fel: Bara en nämndsekreterare kan skapa nämndpaketet/) });
    expect(granska([...db, 'profile', 'set', '--name', 'Cecilia Sekreterare', '--role', 'namndsekreterare']).code).toBe(0);
    const zipFile = path.join(core.dir, 'paket.zip');
    const asZip = granska([...db, 'package', reviewId, '--out', zipFile, '--json']);
    expect(asZip.code).toBe(0);
    const manifest = (JSON.parse(asZip.stdout) as { manifest: { file: string; sha256: string }[] }).manifest;
    const unzipped = await JSZip.loadAsync(fs.readFileSync(zipFile));
    expect(Object.keys(unzipped.files)).toEqual([...manifest.map((m) => m.file), 'manifest.json', 'manifest.txt']);

    const folder = path.join(core.dir, 'nämndpaket');
    const asFolder = granska([...db, 'package', reviewId, '--out', folder]);
    expect(asFolder.code).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual([...manifest.map((m) => m.file), 'manifest.json', 'manifest.txt'].sort());
    // Each export is written anew (its time is in the documents), so the folder is checked against its own manifest.
    const folderManifest = (JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { files: { file: string; sha256: string }[] }).files;
    expect(folderManifest.map((m) => m.file)).toEqual(manifest.map((m) => m.file));
    for (const m of folderManifest) expect(sha256(fs.readFileSync(path.join(folder, m.file)))).toBe(m.sha256);
    // A folder that already holds files is never mixed into.
    const again = granska([...db, 'package', reviewId, '--out', folder]);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('finns redan och är inte en tom mapp') });
    expect(fs.readdirSync(core.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
