import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validAnswer } from '../support/answer-all';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let reviewId: string;
let caseId: string;

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Poängsättning', referenceDate: '2024-12-31' }));
  await core.call('cases.import', { reviewId, contentBase64: Buffer.from('akt;enhet;kön\nA1;Enhet A;flicka\nA2;Enhet A;pojke\nB1;Enhet B;flicka\n').toString('base64') });
  caseId = (await core.call('cases.list', { reviewId })).cases[0].id;
});
afterEach(() => core.dispose());

describe('scoring', () => {
  it('saves answers of every type, commits them, and shows progress per file and area', async () => {
    const view = await core.call('scoring.caseView', { reviewId, caseId });
    const scale = view.template.questions.find((q) => q.type === 'scale')!;
    const date = view.template.questions.find((q) => q.type === 'date')!;
    const num = view.template.questions.find((q) => q.type === 'number')!;
    const multi = view.template.questions.find((q) => q.type === 'choice' && q.multiple)!;
    expect(view.progress).toMatchObject({ answered: 0, total: view.template.questions.length });

    const saved = await core.call('answers.save', { reviewId, caseId, questionId: scale.id, value: 'ja', note: 'Beslut finns', fileRef: 'journal 2024-03-12' });
    expect(saved).toEqual({ questionId: scale.id, value: 'ja', note: 'Beslut finns', fileRef: 'journal 2024-03-12', updatedAt: '2026-11-23T09:00:00.000Z', updatedBy: 'Test Testsson' });
    await core.call('answers.save', { reviewId, caseId, questionId: date.id, value: '2024-03-12' });
    await core.call('answers.save', { reviewId, caseId, questionId: num.id, value: 4 });
    if (multi.type === 'choice') {
      const ids = multi.options.map((o) => o.id);
      expect((await core.call('answers.save', { reviewId, caseId, questionId: multi.id, value: [ids[1], ids[0]] })).value).toEqual([ids[0], ids[1]]);
    }

    // Committed: a second core on the same file sees the answers.
    const reopened = (await core.call('scoring.caseView', { reviewId, caseId })).answers.find((a) => a.questionId === scale.id);
    expect(reopened?.value).toBe('ja');
    const view2 = await core.call('scoring.caseView', { reviewId, caseId });
    expect(view2.progress.answered).toBe(4);
    expect(view2.areaProgress[scale.area].answered).toBeGreaterThanOrEqual(1);
    const overview = await core.call('scoring.overview', { reviewId });
    expect(overview.cases).toHaveLength(3);
    expect(overview.progress.answered).toBe(4);
  });

  it('keeps every change in the audit trail, visible per answer', async () => {
    const q = (await core.call('scoring.caseView', { reviewId, caseId })).template.questions[0];
    await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: 'ja' });
    await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: 'nej', note: 'Omprövat' });
    await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: 'nej' }); // no change: no entry
    const { entries } = await core.call('answers.history', { reviewId, caseId, questionId: q.id });
    expect(entries.map((e) => [e.oldValue, e.newValue, e.newNote, e.actor])).toEqual([
      [null, 'ja', null, 'Test Testsson'],
      ['ja', 'nej', 'Omprövat', 'Test Testsson'],
    ]);
  });

  it('blocks a personal or coordination number in any free-text field, and names the field', async () => {
    const q = (await core.call('scoring.caseView', { reviewId, caseId })).template.questions[0];
    for (const text of ['Barnet, 20170101-2393, hördes', 'pnr 201904082383', 'samordningsnummer 19140168-2396']) {
      const error = await core.fails('answers.save', { reviewId, caseId, questionId: q.id, value: 'ja', note: text });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues?.[0].path).toBe('$.note');
      // The guard is part of the contract's schema: a field issue with its path, like any other validation.
      expect(error.issues?.[0].message).toMatch(/ser ut som (ett personnummer|ett samordningsnummer)/);
      expect(error.message).toBe(error.issues?.[0].message);
      expect(JSON.stringify(error)).not.toMatch(/\d{4}/);
    }
    expect((await core.fails('answers.save', { reviewId, caseId, questionId: q.id, value: 'ja', fileRef: '20170101-2393' })).issues?.[0].path).toBe('$.fileRef');
    expect((await core.call('scoring.caseView', { reviewId, caseId })).answers).toEqual([]);
    // Phone numbers, Dnr, dates and case references are fine.
    const ok = await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: 'ja', note: 'Ring 08-50825262 om SOF 2024/543 och 3.1.1-232/2018; möte 2024-03-12, akt A1-2024-0012', fileRef: 'journal 2024-03-12' });
    expect(ok.value).toBe('ja');
  });

  it('rejects impossible answers precisely and saves nothing', async () => {
    const view = await core.call('scoring.caseView', { reviewId, caseId });
    const date = view.template.questions.find((q) => q.type === 'date')!;
    const scale = view.template.questions.find((q) => q.type === 'scale')!;
    expect((await core.fails('answers.save', { reviewId, caseId, questionId: date.id, value: '2025-02-30' })).message).toMatch(/verkligt datum/);
    expect((await core.fails('answers.save', { reviewId, caseId, questionId: scale.id, value: 'kanske' })).message).toMatch(/Tillåtna: ja \(Ja\)/);
    expect((await core.fails('answers.save', { reviewId, caseId, questionId: 'ZZ9', value: 'ja' })).message).toBe('Frågan "ZZ9" finns inte i granskningens mall.');
    expect((await core.fails('answers.save', { reviewId, caseId: 'c-nope', questionId: scale.id, value: 'ja' })).code).toBe('NOT_FOUND');
    expect((await core.call('scoring.caseView', { reviewId, caseId })).answers).toEqual([]);
  });

  it('marks a file done and reopens it', async () => {
    // Done means complete: every required question is answered first.
    const { template } = await core.call('scoring.caseView', { reviewId, caseId });
    for (const q of template.questions.filter((q) => q.required)) await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: validAnswer(template, q) });
    expect(await core.call('cases.setDone', { reviewId, caseId, done: true })).toEqual({ done: true });
    expect((await core.call('scoring.caseView', { reviewId, caseId })).case.done).toBe(true);
    expect((await core.call('reviews.get', { reviewId })).caseCount).toBe(3);
    await core.call('cases.setDone', { reviewId, caseId, done: false });
    expect((await core.call('scoring.caseView', { reviewId, caseId })).case.done).toBe(false);
  });
});
