import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_EVENT_TRIGGERS_V5 } from '../../main/core/db/migrations/005-workspace';
import type { Template } from '../../shared/templates/schema';
import { validAnswer } from '../support/answer-all';
import { granska } from '../support/cli';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';

/**
 * Issue 7, item 4: done means complete. A file is marked done only with every required question
 * answered, reopening is logged, and every count of progress counts only complete files.
 */

let core: TestCore;
let reviewId: string;
let template: Template;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const FRAME = 'akt;enhet\nA1;Enhet A\nA2;Enhet A\nA3;Enhet A\nA4;Enhet A\nA5;Enhet A\nB1;Enhet B\nB2;Enhet B\nB3;Enhet B\n';

const required = () => template.questions.map((q, i) => ({ q, number: i + 1 })).filter(({ q }) => q.required);
const events = (caseId: string) => core.db.prepare('SELECT action, at, actor FROM case_event WHERE case_id = ? ORDER BY seq').all(caseId);

async function answerRequired(caseId: string, except: string[] = []): Promise<void> {
  for (const { q } of required()) if (!except.includes(q.id)) await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: validAnswer(template, q) });
}

beforeEach(async () => {
  core = testCore();
  // Enhet B first: the review's own unit order, not the alphabet, orders the workspace.
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Klarmarkering', referenceDate: '2024-12-31', periodFrom: '2024-01-01', periodTo: '2024-12-31', units: ['Enhet B', 'Enhet A'] }));
  await core.call('cases.import', { reviewId, contentBase64: b64(FRAME) });
  await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'klar' });
  template = (await core.call('templates.get', { id: 'oppenvard-barn-0-12' })).template as Template;
});
afterEach(() => core.dispose());

const sampled = async (unit: string) => (await core.call('sampling.get', { reviewId }))!.cases.filter((c) => c.unit === unit && c.status !== 'dropped');

describe('marking a file done', () => {
  it('is refused while required questions are unanswered, listing them; nothing is written', async () => {
    const [file] = await sampled('Enhet A');
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: required()[0].q.id, value: validAnswer(template, required()[0].q) });
    const missing = required().slice(1);

    const error = await core.fails('cases.setDone', { reviewId, caseId: file.caseId, done: true });
    expect(error.code).toBe('VALIDATION');
    const named = missing.slice(0, 5).map(({ q, number }) => `fråga ${number} (${q.id})`);
    expect(error.message).toBe(`${missing.length} obligatoriska frågor saknar svar: ${named.join(', ')} och ${missing.length - 5} till.`);
    expect(error.issues).toHaveLength(missing.length);
    expect(error.issues![0]).toEqual({ path: `$.answers.${missing[0].q.id}`, message: expect.stringContaining(`Fråga ${missing[0].number} (${missing[0].q.id}) saknar svar: ${missing[0].q.text.slice(0, 30)}`) });
    expect(error.issues!.map((i) => i.path)).toEqual(missing.map(({ q }) => `$.answers.${q.id}`));
    expect(core.db.prepare('SELECT done_at FROM case_file WHERE id = ?').pluck().get(file.caseId)).toBeNull();
    expect(events(file.caseId)).toEqual([]);

    // One left: the singular, and the one question named.
    const last = required()[required().length - 1];
    await answerRequired(file.caseId, [last.q.id]);
    expect((await core.fails('cases.setDone', { reviewId, caseId: file.caseId, done: true })).message).toBe(`1 obligatorisk fråga saknar svar: fråga ${last.number} (${last.q.id}).`);
  });

  it('is allowed once complete, logged once, and reopening is logged with who did it', async () => {
    const [file] = await sampled('Enhet A');
    await answerRequired(file.caseId);
    expect(await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: true })).toEqual({ done: true });
    expect(await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: true })).toEqual({ done: true });
    expect(events(file.caseId)).toEqual([{ action: 'done', at: FIXED_NOW.toISOString(), actor: 'Test Testsson' }]);

    // Another inspector at the same workbench reopens it: the log names her, not the first one.
    const other = testCore({ dbFile: path.join(core.dir, 'test.sqlite'), actor: 'Anna Andersson' });
    try {
      expect(await other.call('cases.setDone', { reviewId, caseId: file.caseId, done: false })).toEqual({ done: false });
      await other.call('cases.setDone', { reviewId, caseId: file.caseId, done: false });
    } finally {
      other.close();
    }
    expect(events(file.caseId)).toEqual([
      { action: 'done', at: FIXED_NOW.toISOString(), actor: 'Test Testsson' },
      { action: 'reopened', at: FIXED_NOW.toISOString(), actor: 'Anna Andersson' },
    ]);
    expect((await core.call('scoring.caseView', { reviewId, caseId: file.caseId })).case.done).toBe(false);
  });

  it('is logged by a trigger the opening check guards like the answers trail', async () => {
    core.db.exec('DROP TRIGGER case_file_done_logged');
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toEqual({ kind: 'triggers', seq: null, at: null, reason: expect.stringMatching(/triggern case_file_done_logged har tagits bort/) });
    core.db.exec(CASE_EVENT_TRIGGERS_V5.case_file_done_logged);
    core.db.exec('CREATE TRIGGER quiet_reopen BEFORE UPDATE OF done_at ON case_file BEGIN SELECT 1; END');
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/okänd trigger \(quiet_reopen\)/);
  });

  it('keeps a done file complete: clearing a required answer needs the file reopened, other corrections are logged', async () => {
    const [file] = await sampled('Enhet A');
    await answerRequired(file.caseId);
    await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: true });
    const [first] = required();
    const optional = template.questions.find((q) => !q.required)!;

    const cleared = await core.fails('answers.save', { reviewId, caseId: file.caseId, questionId: first.q.id, value: null });
    expect(cleared.code).toBe('VALIDATION');
    expect(cleared.message).toBe(`Akt ${file.ref} är markerad som klar och fråga ${first.number} (${first.q.id}) är obligatorisk. Öppna akten igen innan du tar bort svaret.`);
    const viaFile = await core.fails('answers.import', { reviewId, contentBase64: b64(`akt;fråga;svar\n${file.ref};${first.q.id};\n`) });
    expect(viaFile.issues).toEqual([{ path: 'rad 2', message: expect.stringMatching(/Öppna akten igen/) }]);

    const audit = () => core.db.prepare('SELECT COUNT(*) FROM answer_audit WHERE case_id = ?').pluck().get(file.caseId) as number;
    const before = audit();
    const other = first.q.type === 'scale' ? template.scales[first.q.scale][1].id : validAnswer(template, first.q);
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: first.q.id, value: other, note: 'Rättat efter ny genomläsning' });
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: optional.id, value: validAnswer(template, optional) });
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: optional.id, value: null });
    expect(audit()).toBe(before + 3);
    expect((await core.call('scoring.overview', { reviewId })).cases.find((c) => c.caseId === file.caseId)).toMatchObject({ markedDone: true, done: true });

    // Reopened, the answer may be cleared.
    await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: false });
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: first.q.id, value: null });
  });
});

describe('the workspace counts only complete files', () => {
  it('gives per-unit progress, the next file and the file counts of a small review', async () => {
    const [b0, b1] = await sampled('Enhet B');
    const [a0, a1] = await sampled('Enhet A');
    await answerRequired(b0.caseId);
    await core.call('cases.setDone', { reviewId, caseId: b0.caseId, done: true });
    // Marked done before the rule existed, with questions unanswered: it does not count.
    await core.call('answers.save', { reviewId, caseId: b1.caseId, questionId: 'T1', value: 'ja' });
    core.db.prepare('UPDATE case_file SET done_at = ? WHERE id = ?').run('2025-01-01T10:00:00.000Z', b1.caseId);
    const { replacement } = await core.call('sampling.dropout', { reviewId, caseId: a0.caseId, reason: 'ej_framtagbar' });
    await core.call('answers.save', { reviewId, caseId: a1.caseId, questionId: 'T1', value: 'nej' });

    const overview = await core.call('scoring.overview', { reviewId });
    const total = template.questions.length;
    expect(overview.cases.map((c) => [c.ref, c.unit, c.status, c.markedDone, c.done])).toEqual([
      [b0.ref, 'Enhet B', 'selected', true, true],
      [b1.ref, 'Enhet B', 'selected', true, false],
      [a1.ref, 'Enhet A', 'selected', false, false],
      [replacement!.ref, 'Enhet A', 'replacement', false, false],
    ]);
    expect(overview.cases[0]).toMatchObject({ sex: 'U', ageBand: null, progress: { answered: required().length, total, requiredMissing: 0 } });
    expect(overview.units).toEqual([
      { unit: 'Enhet B', sampled: 2, done: 1, left: 1, dropped: 0 },
      { unit: 'Enhet A', sampled: 2, done: 0, left: 2, dropped: 1 },
    ]);
    expect(overview.files).toEqual({ total: 4, done: 1 });
    expect(overview.next).toEqual({ caseId: b1.caseId, ref: b1.ref, unit: 'Enhet B' });
    expect(overview).toMatchObject({ hasSample: true, scoringStarted: true });
    expect(overview.progress).toEqual({ answered: required().length + 2, total: 4 * total, requiredMissing: 3 * required().length - 2 });

    // The same one definition everywhere else.
    expect((await core.call('reviews.get', { reviewId })).doneCount).toBe(1);
    expect((await core.call('sampling.get', { reviewId }))!.cases.filter((c) => c.done).map((c) => c.ref)).toEqual([b0.ref]);

    // A file's "next": the following file not done, wrapping, never itself.
    const nextOf = async (caseId: string) => (await core.call('scoring.caseView', { reviewId, caseId })).next;
    expect(await nextOf(b0.caseId)).toEqual({ caseId: b1.caseId, ref: b1.ref });
    expect(await nextOf(b1.caseId)).toEqual({ caseId: a1.caseId, ref: a1.ref });
    expect(await nextOf(replacement!.caseId)).toEqual({ caseId: b1.caseId, ref: b1.ref });
    // A file outside the sample opens read-only; its next is the first file to score.
    expect(await nextOf(a0.caseId)).toEqual({ caseId: b1.caseId, ref: b1.ref });
    expect((await core.call('scoring.caseView', { reviewId, caseId: a0.caseId })).period).toEqual({ from: '2024-01-01', to: '2024-12-31' });

    // Everything complete and done: nothing is next.
    await answerRequired(b1.caseId);
    for (const c of [a1.caseId, replacement!.caseId]) {
      await answerRequired(c);
      await core.call('cases.setDone', { reviewId, caseId: c, done: true });
    }
    const finished = await core.call('scoring.overview', { reviewId });
    expect(finished.files).toEqual({ total: 4, done: 4 });
    expect(finished.next).toBeNull();
    expect(await nextOf(b0.caseId)).toBeNull();
  });

  it('without a sample counts every file of the review', async () => {
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Utan urval', units: ['Enhet A', 'Enhet B'] });
    await core.call('cases.import', { reviewId: id, contentBase64: b64('akt;enhet\nB1;Enhet B\nA1;Enhet A\n') });
    const overview = await core.call('scoring.overview', { reviewId: id });
    expect(overview.cases.map((c) => [c.ref, c.status])).toEqual([
      ['A1', null],
      ['B1', null],
    ]);
    expect(overview).toMatchObject({ hasSample: false, scoringStarted: false, files: { total: 2, done: 0 }, next: { ref: 'A1', unit: 'Enhet A' } });
    expect(overview.units.map((u) => [u.unit, u.sampled, u.left])).toEqual([
      ['Enhet A', 1, 1],
      ['Enhet B', 1, 1],
    ]);
  });
});

describe('granska cases done', () => {
  it('marks a complete file done, refuses an incomplete one with the questions, and reopens', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--units', 'Enhet A', '--json']).stdout);
    const frame = path.join(core.dir, 'ram.csv');
    fs.writeFileSync(frame, 'akt;enhet\nK1;Enhet A\nK2;Enhet A\n');
    expect(granska(['--db', db, 'cases', 'import', id, frame]).code).toBe(0);
    expect(granska(['--db', db, 'sample', id, '--all', '--seed', '1']).code).toBe(0);
    const cell = (value: ReturnType<typeof validAnswer>) => (Array.isArray(value) ? value.join('|') : String(value));
    const answers = path.join(core.dir, 'svar.csv');
    fs.writeFileSync(answers, ['akt;fråga;svar', ...required().map(({ q }) => `K1;${q.id};${cell(validAnswer(template, q))}`)].join('\n'));
    expect(granska(['--db', db, 'answers', 'import', id, answers]).code).toBe(0);

    const incomplete = granska(['--db', db, 'cases', 'done', id, 'K2']);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(new RegExp(`^Fel: ${required().length} obligatoriska frågor saknar svar: fråga ${required()[0].number} \\(${required()[0].q.id}\\)`));

    const done = granska(['--db', db, 'cases', 'done', id, 'K1']);
    expect(done).toMatchObject({ code: 0, stdout: 'Akt K1 är markerad som klar.\n' });
    const reopened = granska(['--db', db, 'cases', 'done', id, 'K1', '--reopen', '--json']);
    expect(reopened.code).toBe(0);
    expect(JSON.parse(reopened.stdout)).toMatchObject({ ref: 'K1', done: false });
    expect(granska(['--db', db, 'cases', 'done', id, 'K9']).stderr).toMatch(/^Fel: Akten K9 finns inte i granskningen\./);
  });
});

describe('cases.list: search and pages', () => {
  it('filters by reference or unit in any case, pages in SQL and counts the matches', async () => {
    const units = { Östermalm: 'ÖM', Skarpnäck: 'SK', Årsta: 'ÅR' };
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Sök', units: Object.keys(units) });
    const rows = ['akt;enhet'];
    Object.entries(units).forEach(([unit, prefix], u) => {
      for (let i = 1; i <= 10 - u; i++) rows.push(`${prefix}-${String(i).padStart(3, '0')};${unit}`);
    });
    await core.call('cases.import', { reviewId: id, contentBase64: b64(rows.join('\n')) });

    const all = await core.call('cases.list', { reviewId: id });
    expect(all.total).toBe(27);
    expect(all.cases).toHaveLength(27);
    // Pages put back together are the whole list, in the same order.
    const pages = [];
    for (let offset = 0; offset < 27; offset += 10) pages.push(...(await core.call('cases.list', { reviewId: id, offset, limit: 10 })).cases);
    expect(pages.map((c) => c.ref)).toEqual(all.cases.map((c) => c.ref));
    expect(await core.call('cases.list', { reviewId: id, offset: 25, limit: 10 })).toMatchObject({ total: 27, cases: [{ ref: 'ÖM-009' }, { ref: 'ÖM-010' }] });

    const refsOf = async (input: { query?: string; unit?: string; offset?: number; limit?: number }) => {
      const page = await core.call('cases.list', { reviewId: id, ...input });
      return { total: page.total, refs: page.cases.map((c) => c.ref) };
    };
    // Case-insensitive beyond A–Z: "öst" finds Östermalm, "SKARPNÄCK" finds Skarpnäck.
    expect((await refsOf({ query: 'öst' })).total).toBe(10);
    expect((await refsOf({ query: 'SKARPNÄCK', limit: 3 }))).toEqual({ total: 9, refs: ['SK-001', 'SK-002', 'SK-003'] });
    expect(await refsOf({ query: 'åR-00' })).toEqual({ total: 8, refs: ['ÅR-001', 'ÅR-002', 'ÅR-003', 'ÅR-004', 'ÅR-005', 'ÅR-006', 'ÅR-007', 'ÅR-008'] });
    expect(await refsOf({ unit: 'Årsta', offset: 5, limit: 5 })).toEqual({ total: 8, refs: ['ÅR-006', 'ÅR-007', 'ÅR-008'] });
    expect(await refsOf({ unit: 'Årsta', query: '1' })).toEqual({ total: 1, refs: ['ÅR-001'] });
    expect(await refsOf({ query: 'finns inte' })).toEqual({ total: 0, refs: [] });
    // Wildcards mean nothing: the text is matched as typed.
    expect((await refsOf({ query: '%' })).total).toBe(0);

    expect((await core.fails('cases.list', { reviewId: id, limit: 0 })).issues?.[0].path).toBe('$.limit');
    expect((await core.fails('cases.list', { reviewId: id, limit: 1001 })).issues?.[0].path).toBe('$.limit');
    expect((await core.fails('cases.list', { reviewId: id, offset: -1 })).issues?.[0].path).toBe('$.offset');
  });
});
