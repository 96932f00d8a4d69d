import { beforeEach, describe, expect, it } from 'vitest';
import type { Template } from '../../shared/templates/schema';
import { sampleTemplate, type FakeApi } from './fake-api';
import { draftIds, editor, freshFake, keyOf, status } from './helpers';

let fake: FakeApi;
const savedIds = () => fake.latest('prov')!.questions.map((q) => q.id);
const lastSaved = () => fake.callsOf('templates.save').at(-1)?.input.template as Template | undefined;

beforeEach(async () => {
  fake = freshFake().add(sampleTemplate());
  await editor().load('prov');
});

describe('template editor store', () => {
  it('loads the template and starts saved', () => {
    expect(editor().loadState).toBe('ready');
    expect(draftIds()).toEqual(['T1', 'T2', 'T3', 'A1']);
    expect(editor().saveState).toBe('saved');
  });

  it('reorders a question and saves the new order at once', async () => {
    expect(editor().moveQuestion(keyOf('T2'), -1)).toBe(true);
    expect(draftIds()).toEqual(['T2', 'T1', 'T3', 'A1']);
    expect(status()).toBe('Sparar…');
    await editor().flush();
    expect(savedIds()).toEqual(['T2', 'T1', 'T3', 'A1']);
    expect(editor().saveState).toBe('saved');
    expect(status()).toBe('Sparat');
  });

  it('waits for the typing pause, and saves only the newest text', async () => {
    editor().updateQuestion(keyOf('T1'), (q) => ({ ...q, text: 'Finns' }), true);
    editor().updateQuestion(keyOf('T1'), (q) => ({ ...q, text: 'Finns ett skriftligt beslut?' }), true);
    expect(fake.callsOf('templates.save')).toHaveLength(0);
    expect(editor().saveState).toBe('pending');
    await editor().flush();
    expect(fake.callsOf('templates.save')).toHaveLength(1);
    expect(fake.latest('prov')!.questions[0].text).toBe('Finns ett skriftligt beslut?');
  });

  it('says "Sparat" only after the save call has answered', async () => {
    let open!: () => void;
    fake.saveGate = new Promise((resolve) => (open = resolve));
    editor().setTemplateFields({ targetGroup: 'vuxna' });
    await Promise.resolve();
    expect(editor().saveState).toBe('saving');
    expect(status()).toBe('Sparar…');
    open();
    await editor().flush();
    expect(status()).toBe('Sparat');
  });

  it('deletes a question and undo puts it back in place, both saved', async () => {
    editor().deleteQuestion(keyOf('T2'));
    await editor().flush();
    expect(savedIds()).toEqual(['T1', 'T3', 'A1']);
    expect(editor().undoNoticeVisible).toBe(true);
    expect(editor().undoDelete()).toBe(true);
    await editor().flush();
    expect(draftIds()).toEqual(['T1', 'T2', 'T3', 'A1']);
    expect(savedIds()).toEqual(['T1', 'T2', 'T3', 'A1']);
    expect(editor().undoDelete()).toBe(false);
  });

  it('does not save a duplicate question id and points at the field', async () => {
    editor().updateQuestion(keyOf('T3'), (q) => ({ ...q, id: 'T1' }), true);
    await editor().flush();
    expect(fake.callsOf('templates.save')).toHaveLength(0);
    expect(editor().saveState).toBe('invalid');
    expect(editor().issues.map((i) => i.path)).toContain('$.questions[2].id');
    expect(status()).toMatch(/Inte sparat/);
    // Fixing it saves.
    editor().updateQuestion(keyOf('T1'), (q) => ({ ...q, id: 'T3' }), true);
    editor().updateQuestion(editor().draft!.keys[0], (q) => ({ ...q, id: 'T9' }), true);
    await editor().flush();
    expect(savedIds()).toEqual(['T9', 'T2', 'T1', 'A1']);
  });

  it('keeps the edit and shows the server refusal; retry sends it again', async () => {
    fake.failNext('templates.save', { code: 'INTERNAL', message: 'Databasen är upptagen.', issues: [{ path: '$.template.name', message: 'Testfel.' }] });
    editor().setTemplateFields({ name: 'Nytt namn' });
    await editor().flush();
    expect(editor().saveState).toBe('error');
    expect(editor().saveError).toMatchObject({ message: 'Databasen är upptagen.', issues: [{ path: '$.name', message: 'Testfel.' }] });
    expect(editor().draft!.template.name).toBe('Nytt namn');
    expect(status()).toBe('Databasen är upptagen.');
    await editor().retry();
    expect(fake.latest('prov')!.name).toBe('Nytt namn');
    expect(editor().saveState).toBe('saved');
  });

  it('switches to the next version when the open one is used by a review', async () => {
    fake = freshFake().add(sampleTemplate(), 'user', true);
    await editor().load('prov');
    expect(editor().frozen).toBe(true);
    editor().updateQuestion(keyOf('T1'), (q) => ({ ...q, text: 'Ändrad' }));
    await editor().flush();
    expect(editor().draft!.template.version).toBe(2);
    expect(editor().frozen).toBe(false);
    expect(editor().versions).toEqual([1, 2]);
    expect(status()).toMatch(/^Sparat som version 2/);
    // The next edit goes to version 2 itself, not to a version 3.
    editor().updateQuestion(keyOf('T1'), (q) => ({ ...q, text: 'Ändrad igen' }));
    await editor().flush();
    expect(lastSaved()!.version).toBe(2);
    expect(fake.latest('prov')!.version).toBe(2);
    expect(fake.latest('prov')!.questions[0].text).toBe('Ändrad igen');
  });

  it('does not edit or save a bundled template', async () => {
    fake = freshFake().add(sampleTemplate(), 'bundled');
    await editor().load('prov');
    expect(editor().readOnly()).toBe(true);
    editor().deleteQuestion(keyOf('T1'));
    editor().setTemplateFields({ name: 'X' });
    await editor().flush();
    expect(draftIds()).toEqual(['T1', 'T2', 'T3', 'A1']);
    expect(fake.callsOf('templates.save')).toHaveLength(0);
  });

  it('refuses to delete an area with questions and says why', () => {
    expect(editor().deleteArea('trygghet')).toMatch(/Trygghet och säkerhet.*3 frågor/);
    expect(editor().areaNotice?.areaId).toBe('trygghet');
    expect(editor().draft!.template.areas).toHaveLength(2);
  });

  it('moving a question to another area puts it last there', async () => {
    editor().setQuestionArea(keyOf('T1'), 'tillganglighet');
    await editor().flush();
    expect(fake.latest('prov')!.questions.map((q) => `${q.id}@${q.area}`)).toEqual(['T2@trygghet', 'T3@trygghet', 'A1@tillganglighet', 'T1@tillganglighet']);
  });
});
