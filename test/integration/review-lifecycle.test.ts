import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/core';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import type { Template } from '../../shared/templates/schema';
import { validAnswer } from '../support/answer-all';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';

let core: TestCore;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function completeAndReopen(reviewId: string, caseId: string): Promise<void> {
  const { template } = await core.call('templates.get', { id: 'oppenvard-barn-0-12' });
  for (const q of (template as Template).questions) await core.call('answers.save', { reviewId, caseId, questionId: q.id, value: validAnswer(template as Template, q) });
  await core.call('cases.setDone', { reviewId, caseId, done: true });
  await core.call('cases.setDone', { reviewId, caseId, done: false });
}

describe('the example review', () => {
  it('is a review of the bundled template with made-up files, a drawn sample and a few answers', async () => {
    const { id } = await core.call('reviews.createExample', {});
    const review = await core.call('reviews.get', { reviewId: id });
    expect(review).toMatchObject({
      example: true,
      deletable: true,
      templateId: 'oppenvard-barn-0-12',
      units: ['Exempelenheten Norr', 'Exempelenheten Söder'],
      caseCount: 16,
      sampledCount: 6,
      createdBy: 'Test Testsson',
    });
    const { cases } = await core.call('cases.list', { reviewId: id });
    expect(cases.every((c) => /^EX-\d{3}$/.test(c.ref) && (c.sex === 'F' || c.sex === 'M') && c.ageBand !== null)).toBe(true);
    const sample = await core.call('sampling.get', { reviewId: id });
    expect(sample!.drawnBy).toBe('Test Testsson');
    const answered = core.db.prepare('SELECT COUNT(*) FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?').pluck().get(id);
    expect(answered).toBe(4);
    // No personal identity number anywhere in what it wrote.
    const everything = JSON.stringify([review, cases, sample]);
    expect(findIdentityNumbers(everything)).toEqual([]);
  });

  it('is created once: asking again gives the same review', async () => {
    const first = await core.call('reviews.createExample', {});
    expect(await core.call('reviews.createExample', {})).toEqual(first);
    expect((await core.call('reviews.list', {})).reviews).toHaveLength(1);
  });

  it('can be deleted with its answers and case log, and the audit trail still checks out on the next opening', async () => {
    const { id } = await core.call('reviews.createExample', {});
    const sample = await core.call('sampling.get', { reviewId: id });
    await completeAndReopen(id, sample!.cases[0].caseId);
    expect(core.db.prepare('SELECT COUNT(*) FROM case_event WHERE review_id = ?').pluck().get(id)).toBe(2);

    expect(await core.call('reviews.delete', { reviewId: id })).toEqual({ deleted: true });
    expect((await core.fails('reviews.get', { reviewId: id })).code).toBe('NOT_FOUND');
    expect(core.db.prepare('SELECT COUNT(*) FROM case_event WHERE review_id = ?').pluck().get(id)).toBe(0);
    // The trail keeps every answer's history and logs their deletion.
    const actions = core.db.prepare('SELECT action FROM answer_audit WHERE review_id = ? ORDER BY seq').pluck().all(id) as string[];
    expect(actions.filter((a) => a === 'delete').length).toBe(actions.filter((a) => a === 'insert').length);

    const reopened = createCore({ dbPath: core.dbPath, now: () => FIXED_NOW, actor: 'Test Testsson' });
    try {
      expect(reopened.auditProblem).toBeUndefined();
      const result = await reopened.dispatch('reviews.createExample', {});
      expect(result.ok).toBe(true);
    } finally {
      reopened.close();
    }
  });
});

describe('reviews.delete', () => {
  it('deletes a review nobody has worked in, with its case list and sample', async () => {
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Felskapad', units: ['Enhet A'] });
    expect((await core.call('reviews.get', { reviewId: id })).deletable).toBe(true);
    await core.call('cases.import', { reviewId: id, contentBase64: b64('Akt;Enhet;Kön\r\nA-1;Enhet A;flicka\r\nA-2;Enhet A;pojke\r\n') });
    await core.call('sampling.draw', { reviewId: id, method: { kind: 'all' }, seed: 'x' });
    expect(await core.call('reviews.delete', { reviewId: id })).toEqual({ deleted: true });
    expect(core.db.prepare('SELECT COUNT(*) FROM case_file WHERE review_id = ?').pluck().get(id)).toBe(0);
    expect((await core.call('reviews.list', { includeArchived: true })).reviews).toEqual([]);
  });

  it('refuses a review with answers or done marks, in Swedish, suggesting to archive it, and deletes nothing', async () => {
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Pågående', units: ['Enhet A'] });
    await core.call('cases.import', { reviewId: id, contentBase64: b64('Akt;Enhet;Kön\r\nA-1;Enhet A;flicka\r\n') });
    await core.call('sampling.draw', { reviewId: id, method: { kind: 'all' }, seed: 'x' });
    const { cases } = await core.call('cases.list', { reviewId: id });
    await core.call('answers.save', { reviewId: id, caseId: cases[0].id, questionId: 'T1', value: 'ja' });
    // The list offers no delete where the core would refuse it.
    expect((await core.call('reviews.get', { reviewId: id })).deletable).toBe(false);
    const refused = await core.fails('reviews.delete', { reviewId: id });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('"Pågående" kan inte tas bort');
    expect(refused.message).toContain('1 svar');
    expect(refused.message).toContain('Arkivera');
    expect((await core.call('reviews.get', { reviewId: id })).caseCount).toBe(1);

    // Cleared again, the answer's history is still work that a deletion would lose.
    await completeAndReopen(id, cases[0].id);
    core.db.prepare('DELETE FROM answer WHERE case_id = ?').run(cases[0].id);
    expect((await core.call('reviews.get', { reviewId: id })).deletable).toBe(false);
    const still = await core.fails('reviews.delete', { reviewId: id });
    expect(still.message).toMatch(/ändringar i svarsloggen, akter som har markerats klara och öppnats igen/);
  });

  it('names an unknown review', async () => {
    expect((await core.fails('reviews.delete', { reviewId: 'g-finnsinte' })).code).toBe('NOT_FOUND');
  });
});

describe('duplicates', () => {
  const base = { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård barn', dnr: 'SOF 2024/543' };

  it('warns, without refusing, about a second review with the same Dnr and title', async () => {
    expect((await core.call('reviews.create', base)).warnings).toEqual([]);
    const second = await core.call('reviews.create', { ...base, title: ' öppenvård  BARN ' });
    expect(second.warnings).toHaveLength(1);
    expect(second.warnings[0]).toMatch(/^Det finns redan en granskning med Dnr SOF 2024\/543 och titeln "Öppenvård barn" \(skapad .* av Test Testsson\)/);
    expect((await core.call('reviews.list', {})).reviews).toHaveLength(2);
    expect((await core.call('reviews.create', { ...base, title: 'Annan titel' })).warnings).toEqual([]);
    expect((await core.call('reviews.create', { templateId: base.templateId, title: base.title })).warnings).toEqual([]);
  });

  it('refuses units that differ only in case, naming both, on create and on update', async () => {
    const created = await core.fails('reviews.create', { ...base, units: ['Skarpnäck', 'Enskede', 'skarpnäck'] });
    expect(created.code).toBe('VALIDATION');
    expect(created.message).toContain('"Skarpnäck" och "skarpnäck"');
    expect(created.issues).toEqual([{ path: '$.units[2]', message: expect.stringContaining('"skarpnäck" är samma enhet som "Skarpnäck"') }]);
    expect((await core.call('reviews.list', {})).reviews).toEqual([]);

    const { id } = await core.call('reviews.create', { ...base, units: ['Skarpnäck'] });
    const updated = await core.fails('reviews.update', { reviewId: id, units: ['Skarpnäck', 'SKARPNÄCK'] });
    expect(updated.code).toBe('VALIDATION');
    expect(updated.message).toContain('"Skarpnäck" och "SKARPNÄCK"');
    expect((await core.call('reviews.get', { reviewId: id })).units).toEqual(['Skarpnäck']);
  });

  it('warns when another template has the same name, on create and on import', async () => {
    const created = await core.call('templates.create', { name: 'öppenvård barn 0–12 år' });
    expect(created.warnings).toEqual([expect.stringContaining('Det finns redan en mall som heter "Öppenvård barn 0–12 år"')]);
    expect((await core.call('templates.create', { name: 'Egen mall' })).warnings).toEqual([]);

    const { document } = await core.call('templates.export', { id: 'genomlysning-barnarenden' });
    const imported = await core.call('templates.import', { document: { ...document, id: 'annan-id', name: 'Egen mall' } });
    expect(imported.warnings).toEqual([expect.stringContaining('"Egen mall"')]);
    // The same template again is not "another" one.
    expect((await core.call('templates.import', { document: { ...document, id: 'annan-id', name: 'Egen mall' } })).warnings).toEqual([]);
  });
});
