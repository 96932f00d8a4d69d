import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freezeTemplate } from '../../main/core/templates/repository';
import { miniTemplate } from '../support/template-fixtures';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

describe('templates through dispatch', () => {
  it('lists both bundled templates on a fresh database', async () => {
    const { templates } = await core.call('templates.list', {});
    const byId = Object.fromEntries(templates.map((t) => [t.id, t]));
    expect(byId['oppenvard-barn-0-12']).toMatchObject({ name: 'Öppenvård barn 0–12 år', origin: 'bundled', targetGroup: 'barn', areaCount: 6 });
    expect(byId['oppenvard-barn-0-12'].questionCount).toBeGreaterThanOrEqual(25);
    expect(byId['genomlysning-barnarenden']).toMatchObject({ name: 'Genomlysning barnärenden', origin: 'bundled' });
  });

  it('covers all six quality areas in the bundled öppenvård template', async () => {
    const { template } = await core.call('templates.get', { id: 'oppenvard-barn-0-12' });
    const areasWithQuestions = new Set(template.questions.map((q) => q.area));
    expect([...areasWithQuestions].sort()).toEqual(['effektivitet', 'helhetssyn', 'kunskapsbaserad', 'sjalvbestammande', 'tillganglighet', 'trygghet']);
    expect(template.questions.every((q) => q.type !== 'scale' || (q.guidance ?? '').length > 0)).toBe(true);
  });

  it('exports a template and imports it into another workbench unchanged', async () => {
    const exported = await core.call('templates.export', { id: 'oppenvard-barn-0-12' });
    expect(exported.fileName).toBe(`oppenvard-barn-0-12-v${exported.document.version}.granskningsmall.json`);
    const other = testCore();
    try {
      const text = JSON.stringify(exported.document, null, 2);
      expect(await other.call('templates.import', { text })).toMatchObject({ status: 'identical' });
      const copy = { ...exported.document, id: 'delad-mall', name: 'Delad mall' };
      expect(await other.call('templates.import', { document: copy })).toEqual({ id: 'delad-mall', version: exported.document.version, name: 'Delad mall', status: 'imported', warnings: [] });
      const back = await other.call('templates.export', { id: 'delad-mall' });
      expect(back.document).toEqual(copy);
    } finally {
      other.dispose();
    }
  });

  it('imports nothing from a broken file and lists every problem with its path', async () => {
    const broken = miniTemplate() as unknown as { questions: Record<string, unknown>[] };
    broken.questions.push({ id: 'T1', area: 'nowhere', type: 'scale', scale: 'standard', text: 'x' });
    const error = await core.fails('templates.import', { document: broken });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/importerades inte: 2 fel/);
    expect(error.issues?.map((i) => i.path)).toEqual(['$.questions[5].id', '$.questions[5].area']);
    const { templates } = await core.call('templates.list', {});
    expect(templates.map((t) => t.id)).not.toContain('mini');
  });

  it('refuses to overwrite a different template with the same id and version unless imported as a copy', async () => {
    await core.call('templates.import', { document: miniTemplate() });
    const changed = miniTemplate({ name: 'Ändrad minimall' });
    const error = await core.fails('templates.import', { document: changed });
    expect(error.code).toBe('CONFLICT');
    expect(await core.call('templates.import', { document: changed, asCopy: true })).toEqual({ id: 'mini-2', version: 1, name: 'Ändrad minimall', status: 'imported', warnings: [] });
  });

  it('creates an editable copy of a bundled template, which itself stays read-only', async () => {
    const created = await core.call('templates.create', { name: 'Min öppenvårdsmall', from: { id: 'oppenvard-barn-0-12' } });
    expect(created).toEqual({ id: 'min-oppenvardsmall', version: 1, warnings: [] });
    const { template } = await core.call('templates.get', { id: created.id, version: created.version });
    const bundled = await core.call('templates.get', { id: 'oppenvard-barn-0-12' });
    expect(template.questions).toEqual(bundled.template.questions);

    const error = await core.fails('templates.save', { template: { ...bundled.template, name: 'Hackad' } });
    expect(error).toMatchObject({ code: 'FROZEN', message: expect.stringContaining('Skapa en kopia') });

    const edited = { ...template, questions: [template.questions[1], template.questions[0], ...template.questions.slice(2)] };
    expect(await core.call('templates.save', { template: edited })).toEqual({ id: created.id, version: 1, newVersion: false });
    expect((await core.call('templates.get', { id: created.id, version: created.version })).template.questions.map((q) => q.id).slice(0, 2)).toEqual([template.questions[1].id, template.questions[0].id]);
  });

  it('keeps a frozen version as it was and saves the edit as the next version', async () => {
    await core.call('templates.create', { name: 'Låst mall' });
    const { template } = await core.call('templates.get', { id: 'last-mall' });
    const withQuestion = { ...template, questions: miniTemplate().questions };
    await core.call('templates.save', { template: withQuestion });
    freezeTemplate(core.db, 'last-mall', 1);

    const result = await core.call('templates.save', { template: { ...withQuestion, name: 'Låst mall, reviderad' } });
    expect(result).toEqual({ id: 'last-mall', version: 2, newVersion: true });
    expect((await core.call('templates.get', { id: 'last-mall', version: 1 })).template.name).toBe('Låst mall');
    const latest = await core.call('templates.get', { id: 'last-mall' });
    expect(latest).toMatchObject({ frozen: false, versions: [1, 2], template: { version: 2, name: 'Låst mall, reviderad' } });
    expect((await core.fails('templates.delete', { id: 'last-mall' })).code).toBe('CONFLICT');
  });

  it('applies the cross-field rules to saves and names the field', async () => {
    await core.call('templates.import', { document: miniTemplate() });
    const bad = miniTemplate();
    bad.questions[1] = { ...bad.questions[1], id: 'T1' };
    const error = await core.fails('templates.save', { template: bad });
    expect(error.issues).toEqual([{ path: '$.template.questions[1].id', message: expect.stringContaining('"T1" finns redan') }]);
  });

  it('deletes a user template with all its versions, never a bundled one', async () => {
    await core.call('templates.import', { document: miniTemplate() });
    expect(await core.call('templates.delete', { id: 'mini' })).toEqual({ id: 'mini', deletedVersions: 1 });
    expect((await core.fails('templates.get', { id: 'mini' })).code).toBe('NOT_FOUND');
    expect((await core.fails('templates.delete', { id: 'oppenvard-barn-0-12' })).code).toBe('FROZEN');
  });

  it('keeps the per-question index in step with the document', async () => {
    await core.call('templates.import', { document: miniTemplate() });
    const rows = core.db.prepare(`SELECT question_id, area_id, type FROM template_question WHERE template_id = 'mini' ORDER BY position`).all();
    expect(rows).toEqual([
      { question_id: 'T1', area_id: 'trygghet', type: 'scale' },
      { question_id: 'H1', area_id: 'helhetssyn', type: 'choice' },
      { question_id: 'A1', area_id: 'tillganglighet', type: 'date' },
      { question_id: 'E1', area_id: 'effektivitet', type: 'number' },
      { question_id: 'K1', area_id: 'kunskapsbaserad', type: 'text' },
    ]);
  });
});

describe('dispatch', () => {
  it('answers an unknown method and a wrong shape with errors as data, never a throw', async () => {
    expect(await core.fails('templates.explode', {})).toMatchObject({ code: 'UNKNOWN_METHOD', message: expect.stringContaining('Okänd åtgärd') });
    const error = await core.fails('templates.get', { id: 42, extra: true });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: '$.id', message: 'Ska vara en text men är ett tal.' },
        { path: '$.extra', message: 'Okänd nyckel "extra" (stavfel?).' },
      ]),
    );
    expect((await core.fails('templates.get', null)).code).toBe('VALIDATION');
  });

  it('reports the app and schema version', async () => {
    const info = await core.call('app.info', {});
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
