import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const base = { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård barn 0-12 år', dnr: 'SOF 2024/543', units: ['Enhet A', 'Enhet B', 'Enhet C'] };

describe('reviews', () => {
  it('creates a review on a frozen template version and lists it', async () => {
    // The bundled template's current version: a review is created on the latest one.
    const { version } = (await core.call('templates.get', { id: 'oppenvard-barn-0-12' })).template;
    const { id } = await core.call('reviews.create', { ...base, subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning', referenceDate: '2024-12-31', inspectors: [{ name: 'Anna Andersson', phone: '08-50825262' }] });
    const review = await core.call('reviews.get', { reviewId: id });
    expect(review).toMatchObject({
      id,
      title: base.title,
      dnr: 'SOF 2024/543',
      targetGroup: 'barn',
      templateId: 'oppenvard-barn-0-12',
      templateVersion: version,
      referenceDate: '2024-12-31',
      units: ['Enhet A', 'Enhet B', 'Enhet C'],
      inspectors: [{ name: 'Anna Andersson', phone: '08-50825262' }],
      archived: false,
      createdBy: 'Test Testsson',
      caseCount: 0,
    });
    expect((await core.call('templates.get', { id: 'oppenvard-barn-0-12' })).frozen).toBe(true);
    expect((await core.call('reviews.list', {})).reviews.map((r) => r.id)).toEqual([id]);
  });

  it('freezes a user template so that editing it creates the next version', async () => {
    const { id: templateId } = await core.call('templates.create', { name: 'Egen mall', from: { id: 'oppenvard-barn-0-12' } });
    await core.call('reviews.create', { ...base, templateId });
    const { template } = await core.call('templates.get', { id: templateId });
    expect(await core.call('templates.save', { template: { ...template, name: 'Egen mall 2' } })).toEqual({ id: templateId, version: 2, newVersion: true });
    expect((await core.fails('templates.delete', { id: templateId })).code).toBe('CONFLICT');
  });

  it('archives and restores', async () => {
    const { id } = await core.call('reviews.create', base);
    await core.call('reviews.archive', { reviewId: id, archived: true });
    expect((await core.call('reviews.list', {})).reviews).toHaveLength(0);
    expect((await core.call('reviews.list', { includeArchived: true })).reviews[0].archived).toBe(true);
    await core.call('reviews.archive', { reviewId: id, archived: false });
    expect((await core.call('reviews.list', {})).reviews).toHaveLength(1);
  });

  it('edits details', async () => {
    const { id } = await core.call('reviews.create', base);
    const updated = await core.call('reviews.update', { reviewId: id, subtitle: 'Ny undertitel', units: ['Enhet A', 'Enhet D'] });
    expect(updated).toMatchObject({ title: base.title, subtitle: 'Ny undertitel', units: ['Enhet A', 'Enhet D'] });
  });

  it('rejects bad input with Swedish messages naming the field', async () => {
    const badDnr = await core.fails('reviews.create', { ...base, dnr: 'hej hopp' });
    expect(badDnr.issues).toEqual([{ path: '$.dnr', message: expect.stringContaining('SOF 2024/543') }]);
    const badDate = await core.fails('reviews.create', { ...base, referenceDate: '2025-02-30' });
    expect(badDate.issues).toEqual([{ path: '$.referenceDate', message: expect.stringContaining('verkligt datum') }]);
    const missing = await core.fails('reviews.create', { ...base, templateId: 'finns-inte' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Det finns ingen mall med id "finns-inte".' });
    const period = await core.fails('reviews.create', { ...base, periodFrom: '2024-12-31', periodTo: '2024-01-01' });
    expect(period.issues?.[0].path).toBe('$.periodTo');
    for (const dnr of ['3.1.1-232/2018', 'SOF 2024/543', 'SOF 2023/625-1-4']) {
      expect((await core.call('reviews.create', { ...base, dnr })).id).toMatch(/^g-/);
    }
  });
});
