import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../shared/contract/report-model';
import { granska } from '../support/cli';
import { simplePdf } from '../support/pdf';
import { testCore, type TestCore } from '../support/core';
import { docxParagraphs } from '../support/docx-text';
import { actAs, completed, FINDINGS, MEETINGS, PEOPLE, writtenReview } from '../support/written-review';

/*
 * Issue 15 through dispatch: findings and dialogue meetings as material, the readiness check with
 * its override, approvals by two roles in either order, the approved version frozen byte for byte
 * (export twice, package manifest), and the Bilaga list fixed at approval while a listed
 * appendix's file may arrive afterwards.
 */

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
/** A real PDF, read through for personnummer like any attached file. */
const PDF = simplePdf('Yttrande från stadsdelsnämnden Norr.');

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

function open(): TestCore {
  const core = testCore();
  opened.push(core);
  return core;
}

async function readyReport(core: TestCore, options: { done?: boolean } = {}) {
  const written = await writtenReview(core, options);
  const { reviewId } = written;
  const report = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision: report.revision, draft: completed(report.draft) });
  return written;
}

describe('findings and dialogue meetings', () => {
  it('lists every marked note with its file and pointer, per area and unit, and exports them for Excel', async () => {
    const core = open();
    const { reviewId, files } = await writtenReview(core);
    const all = await core.call('findings.list', { reviewId });
    expect(all.findings).toHaveLength(FINDINGS.length);
    for (const f of FINDINGS) {
      const found = all.findings.find((x) => x.ref === files[f.file].ref && x.questionId === f.question)!;
      expect(found).toMatchObject({ note: f.note, fileRef: f.fileRef, unit: files[f.file].unit, markedBy: expect.any(String) });
      expect(found.areaName.length).toBeGreaterThan(0);
    }
    expect(all.areas.find((a) => a.areaId === 'trygghet')!.count).toBe(2);
    const oneArea = await core.call('findings.list', { reviewId, areaId: 'trygghet' });
    expect(oneArea.findings.map((f) => f.questionId)).toEqual(['T2', 'T4']);
    const oneUnit = await core.call('findings.list', { reviewId, unit: files[FINDINGS[0].file].unit });
    expect(oneUnit.findings.every((f) => f.unit === files[FINDINGS[0].file].unit)).toBe(true);
    const byText = await core.call('findings.list', { reviewId, text: 'VÅLD' });
    expect(byText.findings.map((f) => f.questionId)).toEqual(['T4']);

    const file = await core.call('findings.export', { reviewId, areaId: 'trygghet' });
    const csv = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(file.fileName).toBe('Fynd – SOF 2024-543 – internt.csv');
    expect(csv.startsWith('\uFEFFKvalitetsområde;Enhet;Akt;Fråga nr;Fråga;Svar;Anteckning;Var i akten')).toBe(true);
    expect(csv).toContain('Journalanteckning 2024-04-03');
    expect(csv.trim().split('\r\n')).toHaveLength(3);
  });

  it('marks only a note, and a finding goes with its note', async () => {
    const core = open();
    const { reviewId, files } = await writtenReview(core, { done: false });
    const caseId = files[0].caseId;
    expect(await core.fails('findings.mark', { reviewId, caseId, questionId: 'T1', finding: true })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('anteckning') });
    await core.call('answers.save', { reviewId, caseId, questionId: 'T1', value: 'ja', note: 'Beslutet finns.' });
    await core.call('findings.mark', { reviewId, caseId, questionId: 'T1', finding: true });
    expect((await core.call('scoring.caseView', { reviewId, caseId })).findings).toContain('T1');
    await core.call('answers.save', { reviewId, caseId, questionId: 'T1', value: 'ja', note: '' });
    expect((await core.call('scoring.caseView', { reviewId, caseId })).findings).not.toContain('T1');
  });

  it('keeps a meeting per unit with notes per area, and refuses a unit or an area the review does not have', async () => {
    const core = open();
    const { reviewId } = await writtenReview(core, { done: false });
    const { meetings } = await core.call('dialogue.list', { reviewId });
    expect(meetings.map((m) => m.unit)).toEqual(MEETINGS.map((m) => m.unit));
    expect(meetings[0].notes.trygghet).toBe(MEETINGS[0].notes.trygghet);
    expect(await core.fails('dialogue.save', { reviewId, unit: 'Okänd enhet', heldOn: '2024-11-01', participants: 'enhetschef', notes: {} })).toMatchObject({ code: 'VALIDATION', issues: [{ path: '$.unit' }] });
    expect(await core.fails('dialogue.save', { reviewId, unit: MEETINGS[0].unit, heldOn: '2024-02-30', participants: '', notes: {} })).toMatchObject({ code: 'VALIDATION' });
    expect(await core.fails('dialogue.save', { reviewId, unit: MEETINGS[0].unit, heldOn: '2024-11-01', participants: '', notes: { okant: 'x' } })).toMatchObject({ code: 'VALIDATION' });
    const edited = await core.call('dialogue.save', { reviewId, id: meetings[0].id, unit: meetings[0].unit, heldOn: meetings[0].heldOn, participants: 'enhetschef', notes: { trygghet: 'Ny anteckning.', effektivitet: '  ' } });
    expect(edited.notes).toEqual({ trygghet: 'Ny anteckning.' });
    expect((await core.call('dialogue.delete', { reviewId, id: meetings[0].id })).meetings).toHaveLength(MEETINGS.length - 1);
  });
});

describe('sending and approving', () => {
  it('lists what is incomplete and refuses until it is fixed or an approver overrides with a reason', async () => {
    const core = open();
    const { reviewId } = await writtenReview(core, { done: false });
    const report = await core.call('report.get', { reviewId });
    const messages = report.readiness.map((i) => i.message).join(' ');
    expect(messages).toContain('Datum saknas');
    expect(messages).toContain('"…"');
    expect(messages).toMatch(/36 av 36 akter är inte klarmarkerade/);

    await actAs(core, 'granskare');
    expect(await core.fails('report.submit', { reviewId })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Datum saknas') });
    expect(await core.fails('report.submit', { reviewId, override: 'Vi vill skicka ändå' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('avdelningschef eller socialdirektör') });
    await actAs(core, 'avdelningschef');
    await core.call('report.submit', { reviewId, override: 'Datumet sätts av nämndsekreteraren' });
    expect(await core.fails('report.approve', { reviewId })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('inte klarmarkerade') });
    await core.call('report.approve', { reviewId, override: 'Granskningen av de sista akterna påverkar inte slutsatserna' });
    const after = await core.call('report.get', { reviewId });
    expect(after.approvals[0].override).toContain('Granskningen av de sista akterna');
    expect(after.events.filter((e) => e.action === 'undantag')).toHaveLength(2);
  });

  it('takes two approvals in either order, both in Attesterat av, and freezes the documents at the last', async () => {
    const core = open();
    const { reviewId } = await readyReport(core);
    expect((await core.call('report.get', { reviewId })).readiness).toEqual([]);
    await actAs(core, 'granskare');
    await core.call('report.submit', { reviewId });
    expect(await core.fails('report.approve', { reviewId })).toMatchObject({ code: 'VALIDATION' });

    await actAs(core, 'socialdirektor');
    const first = await core.call('report.approve', { reviewId });
    expect(first.status).toBe('for_godkannande');
    expect(await core.fails('report.approve', { reviewId })).toMatchObject({ message: expect.stringContaining('redan godkänt av socialdirektör') });
    // What was approved is not changed afterwards.
    const mid = await core.call('report.get', { reviewId });
    expect(mid.permissions.edit.allowed).toBe(false);
    await actAs(core, 'avdelningschef');
    expect(await core.fails('report.save', { reviewId, revision: mid.revision, draft: mid.draft })).toMatchObject({ code: 'VALIDATION' });
    expect(mid.approvers.map((a) => [a.role, a.approval?.name ?? null])).toEqual([
      ['avdelningschef', null],
      ['socialdirektor', PEOPLE.socialdirektor.name],
    ]);

    const second = await core.call('report.approve', { reviewId });
    expect(second.status).toBe('godkand');
    const done = await core.call('report.get', { reviewId });
    expect(done.approvals.map((a) => a.role)).toEqual(['socialdirektor', 'avdelningschef']);
    expect(done.frozen).not.toBeNull();

    const memo = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    const text = (await docxParagraphs(memo)).join('\n');
    const attested = text.slice(text.lastIndexOf('Attesterat av'));
    for (const role of ['avdelningschef', 'socialdirektor'] as const) {
      expect(attested).toContain(PEOPLE[role].name);
      expect(attested).toContain(PEOPLE[role].title);
    }
  });

  it('gives the same bytes for every copy of the approved memo: two exports, the recorded SHA-256 and the package', async () => {
    const core = open();
    const { reviewId } = await readyReport(core);
    await actAs(core, 'avdelningschef');
    await core.call('report.submit', { reviewId });
    await core.call('report.approve', { reviewId });
    await actAs(core, 'socialdirektor');
    await core.call('report.approve', { reviewId });
    const { frozen } = await core.call('report.get', { reviewId });

    const copies = [];
    for (let i = 0; i < 2; i++) copies.push(Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64'));
    expect(copies[0].equals(copies[1])).toBe(true);
    expect(sha256(copies[0])).toBe(frozen!.memoSha256);
    const bilaga = Buffer.from((await core.call('report.export', { reviewId, document: 'bilaga1' })).contentBase64, 'base64');
    expect(sha256(bilaga)).toBe(frozen!.bilaga1Sha256);

    await actAs(core, 'namndsekreterare');
    const pkg = await core.call('package.export', { reviewId });
    expect(pkg.manifest[0].sha256).toBe(frozen!.memoSha256);
    expect(pkg.manifest[1].sha256).toBe(frozen!.bilaga1Sha256);
    const zip = await JSZip.loadAsync(Buffer.from(pkg.contentBase64, 'base64'));
    expect(sha256(await zip.file(pkg.manifest[0].file)!.async('uint8array'))).toBe(frozen!.memoSha256);
    // The package itself is dated by the approval, so it too is the same every time.
    expect((await core.call('package.export', { reviewId })).contentBase64).toBe(pkg.contentBase64);
  });

  it('fixes the Bilaga list at approval, takes a listed appendix’s file afterwards, and waits for it before packaging', async () => {
    const core = open();
    const { reviewId } = await readyReport(core);
    await actAs(core, 'granskare');
    const listed = await core.call('appendix.plan', { reviewId, title: 'Protokollsutdrag' });
    expect(listed).toMatchObject({ number: 2, attached: false, fileName: null });
    await actAs(core, 'avdelningschef');
    await core.call('report.submit', { reviewId });
    await core.call('report.approve', { reviewId });
    expect(await core.fails('appendix.plan', { reviewId, title: 'Yttrande' })).toMatchObject({ message: expect.stringContaining('återöppna') });
    await actAs(core, 'socialdirektor');
    await core.call('report.approve', { reviewId });

    const memo = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    expect((await docxParagraphs(memo)).join('\n')).toContain('Protokollsutdrag');

    await actAs(core, 'namndsekreterare');
    expect(await core.fails('package.export', { reviewId })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Bilaga 2 (Protokollsutdrag) saknar fil') });
    expect(await core.fails('appendix.update', { reviewId, id: listed.id, title: 'Annat' })).toMatchObject({ message: expect.stringContaining('återöppna') });
    expect(await core.fails('appendix.add', { reviewId, fileName: 'x.pdf', title: 'Ny', contentBase64: b64(PDF) })).toMatchObject({ code: 'VALIDATION' });
    const attached = await core.call('appendix.attach', { reviewId, id: listed.id, fileName: 'protokoll.pdf', contentBase64: b64(PDF) });
    expect(attached).toMatchObject({ attached: true, kind: 'pdf', sha256: sha256(Buffer.from(PDF)) });
    const pkg = await core.call('package.export', { reviewId });
    expect(pkg.manifest.map((m) => m.title)).toContain('Protokollsutdrag');
    // The approved memo is unchanged by the file's arrival.
    const again = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    expect(again.equals(memo)).toBe(true);
  });

  it('reopening revokes the approvals and the frozen version; the next approval writes it anew', async () => {
    const core = open();
    const { reviewId } = await readyReport(core);
    await actAs(core, 'avdelningschef');
    await core.call('report.submit', { reviewId });
    await core.call('report.approve', { reviewId });
    await actAs(core, 'socialdirektor');
    await core.call('report.approve', { reviewId });
    await core.call('report.reopen', { reviewId, reason: 'Nämnden vill ha en ny tabell' });
    const reopened = await core.call('report.get', { reviewId });
    expect(reopened).toMatchObject({ status: 'utkast', approvals: [], frozen: null });
    expect(reopened.approvers.every((a) => a.approval === null)).toBe(true);
  });
});

describe('the CLI', () => {
  it('refuses to approve an incomplete draft, naming the gaps (exit 2), and approves as either role with --override', { timeout: 240_000 }, async () => {
    const core = open();
    const { reviewId } = await writtenReview(core, { done: false });
    const db = ['--db', core.dbPath];
    const as = (role: keyof typeof PEOPLE) => expect(granska([...db, 'profile', 'set', '--name', PEOPLE[role].name, '--title', PEOPLE[role].title, '--role', role]).code).toBe(0);
    as('granskare');
    const refused = granska([...db, 'report', 'submit', reviewId]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Datum saknas i sidhuvudet');
    expect(refused.stderr).toContain('36 av 36 akter är inte klarmarkerade');
    as('socialdirektor');
    expect(granska([...db, 'report', 'submit', reviewId, '--override', 'Datum sätts av nämndsekreteraren']).code).toBe(0);
    const notYet = granska([...db, 'report', 'approve', reviewId]);
    expect(notYet).toMatchObject({ code: 2, stderr: expect.stringContaining('inte klarmarkerade') });
    const first = granska([...db, 'report', 'approve', reviewId, '--override', 'Återstående akter ändrar inte slutsatserna']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Väntar på: avdelningschef');
    as('avdelningschef');
    const second = granska([...db, 'report', 'approve', reviewId, '--override', 'Som socialdirektören', '--json']);
    expect(second.code).toBe(0);
    const answer = JSON.parse(second.stdout) as { status: string; approvals: { name: string; role: string }[]; frozen: { memoSha256: string } };
    expect(answer.status).toBe('godkand');
    expect(answer.approvals.map((a) => a.role)).toEqual(['socialdirektor', 'avdelningschef']);
    expect(answer.frozen.memoSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the first draft written from the review', () => {
  it('writes six different area sections, each with a published figure and its findings, and Bilaga 1 carries the same text plus its tables', async () => {
    const core = open();
    const { reviewId } = await writtenReview(core);
    const { draft } = await core.call('report.get', { reviewId });
    const areas = draft.sections.filter((s) => s.kind === 'area');
    expect(areas).toHaveLength(6);
    const textOf = (blocks: ReportDraft['sections'][number]['blocks']) =>
      blocks
        .flatMap((b) => (b.type === 'paragraph' ? [b.content] : b.type === 'bullets' || b.type === 'numbered' ? b.items : []))
        .flat()
        .map((i) => i.text)
        .join(' ');
    const memoTexts = areas.map((s) => textOf(s.blocks));
    expect(new Set(memoTexts).size).toBe(6);
    for (const [i, section] of areas.entries()) {
      expect(memoTexts[i], section.title).toMatch(/\d+\s%/);
      const mine = FINDINGS.filter((f) => section.areaId === (f.question.startsWith('T') ? 'trygghet' : f.question.startsWith('S') ? 'sjalvbestammande' : f.question.startsWith('A') ? 'tillganglighet' : f.question.startsWith('H') ? 'helhetssyn' : f.question.startsWith('K') ? 'kunskapsbaserad' : 'effektivitet'));
      const full = `${memoTexts[i]} ${textOf(section.detail ?? [])}`;
      for (const f of mine) expect(full, section.title).toContain(f.note);
    }
    expect(draft.sections.some((s) => s.kind === 'likstallighet' && s.blocks.some((b) => b.type === 'unitTable'))).toBe(true);
    expect(draft.sections.some((s) => s.kind === 'slutsatser' && s.blocks.some((b) => b.type === 'bullets' || b.type === 'numbered'))).toBe(true);
    // Public documents quote notes, never a file reference or a pointer into the file.
    expect(JSON.stringify(draft)).not.toContain('Journalanteckning 2024-04-03');

    const bilaga = Buffer.from((await core.call('report.export', { reviewId, document: 'bilaga1' })).contentBase64, 'base64');
    const paragraphs = await docxParagraphs(bilaga);
    const joined = paragraphs.join('\n');
    const firstArea = areas[0];
    const firstSentence = textOf(firstArea.blocks).split(/(?<=\.)\s/)[0];
    expect(joined).toContain(firstSentence);
    expect(joined).toContain(FINDINGS[0].note);
    expect(paragraphs.some((p) => p.startsWith(`Tabell: ${firstArea.title}`))).toBe(true);
  });

  it('rewrites untouched sections from the review and keeps a section a person edited unless asked', async () => {
    const core = open();
    const { reviewId, files } = await writtenReview(core);
    const before = await core.call('report.get', { reviewId });
    const edited = structuredClone(before.draft);
    const area = edited.sections.find((s) => s.kind === 'area')!;
    area.blocks = [{ type: 'paragraph', content: [{ type: 'text', text: 'Min egen text om området.' }] }];
    await core.call('report.save', { reviewId, revision: before.revision, draft: edited });
    await core.call('answers.save', { reviewId, caseId: files[3].caseId, questionId: 'T3', value: 'ja', note: 'Löpande anteckningar saknas under sommaren.' });
    await core.call('findings.mark', { reviewId, caseId: files[3].caseId, questionId: 'T3', finding: true });

    const { revision } = await core.call('report.get', { reviewId });
    const dry = await core.call('report.regenerate', { reviewId, revision, dryRun: true });
    expect(dry.kept.map((s) => s.id)).toEqual([area.id]);
    expect((await core.call('report.get', { reviewId })).revision).toBe(revision);
    const done = await core.call('report.regenerate', { reviewId, revision });
    const after = await core.call('report.get', { reviewId });
    expect(after.revision).toBe(done.revision);
    expect(JSON.stringify(after.draft.sections.find((s) => s.id === area.id))).toContain('Min egen text om området.');
    const forced = await core.call('report.regenerate', { reviewId, revision: after.revision, overwrite: [area.id] });
    expect(forced.replaced.map((s) => s.id)).toContain(area.id);
    const rewritten = (await core.call('report.get', { reviewId })).draft.sections.find((s) => s.id === area.id)!;
    expect(JSON.stringify(rewritten)).not.toContain('Min egen text om området.');
    expect(JSON.stringify(rewritten)).toContain('Löpande anteckningar saknas under sommaren.');
  });
});
