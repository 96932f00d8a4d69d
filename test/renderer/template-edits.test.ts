import { describe, expect, it } from 'vitest';
import * as edits from '../../renderer/src/state/template-edits';
import { sampleTemplate } from './fake-api';

const ids = (d: edits.Draft) => d.template.questions.map((q) => `${q.id}@${q.area}`);

describe('template edits', () => {
  it('moves a question within its area and keeps keys aligned', () => {
    const d = edits.draftOf(sampleTemplate());
    const k2 = d.keys[1];
    const up = edits.moveQuestion(d, k2, -1);
    expect(ids(up)).toEqual(['T2@trygghet', 'T1@trygghet', 'T3@trygghet', 'A1@tillganglighet']);
    expect(up.keys[0]).toBe(k2);
    // The first question of an area cannot move up, the last cannot move into the next area.
    expect(edits.moveQuestion(up, k2, -1)).toBe(up);
    const t3 = d.keys[2];
    expect(edits.moveQuestion(d, t3, 1)).toBe(d);
  });

  it('drops a question before another one, taking over its area', () => {
    const d = edits.draftOf(sampleTemplate());
    const moved = edits.moveQuestionTo(d, d.keys[0], d.keys[3], 'before');
    expect(ids(moved)).toEqual(['T2@trygghet', 'T3@trygghet', 'T1@tillganglighet', 'A1@tillganglighet']);
    const after = edits.moveQuestionTo(d, d.keys[3], d.keys[0], 'after');
    expect(ids(after)).toEqual(['T1@trygghet', 'A1@trygghet', 'T2@trygghet', 'T3@trygghet']);
  });

  it('makes new question ids from the prefix the area already uses', () => {
    const t = sampleTemplate();
    expect(edits.newQuestionId(t, 'trygghet')).toBe('T4');
    expect(edits.newQuestionId(t, 'tillganglighet')).toBe('A2');
    const empty = { ...t, areas: [...t.areas, { id: 'effektivitet', name: 'Effektivitet' }] };
    expect(edits.newQuestionId(empty, 'effektivitet')).toBe('E1');
  });

  it('adds a question after the last one of its area', () => {
    const d = edits.draftOf(sampleTemplate());
    const { draft, key } = edits.addQuestion(d, 'trygghet', 'choice');
    expect(ids(draft)).toEqual(['T1@trygghet', 'T2@trygghet', 'T3@trygghet', 'T4@trygghet', 'A1@tillganglighet']);
    expect(draft.keys[3]).toBe(key);
    expect(draft.template.questions[3]).toMatchObject({ type: 'choice', options: [{ id: 'alt1' }, { id: 'alt2' }] });
  });

  it('refuses to delete an area that still has questions, and the last area', () => {
    const d = edits.draftOf(sampleTemplate());
    expect(edits.deleteArea(d, 'trygghet').refused).toMatch(/har 3 frågor och kan inte tas bort/);
    const oneArea = edits.draftOf(sampleTemplate({ areas: [{ id: 'trygghet', name: 'Trygghet' }], questions: [] }));
    expect(edits.deleteArea(oneArea, 'trygghet').refused).toMatch(/minst ett kvalitetsområde/);
    const { draft: added } = edits.addArea(d, 'Effektivitet');
    expect(added.template.areas.at(-1)).toEqual({ id: 'effektivitet', name: 'Effektivitet' });
    expect(edits.deleteArea(added, 'effektivitet').draft.template.areas.map((a) => a.id)).toEqual(['trygghet', 'tillganglighet']);
  });

  it('restores a deleted question at its old place with its key', () => {
    const d = edits.draftOf(sampleTemplate());
    const { draft, deleted } = edits.deleteQuestion(d, d.keys[1]);
    expect(ids(draft)).not.toContain('T2@trygghet');
    const back = edits.restoreQuestion(draft, deleted!);
    expect(ids(back)).toEqual(ids(d));
    expect(back.keys).toEqual(d.keys);
  });

  it('keeps id, text and legal references when the type changes', () => {
    const t = sampleTemplate();
    t.questions[0] = { ...t.questions[0], legal: [{ act: 'SoL (2001:453)', chapter: 11, section: '1' }] };
    const d = edits.draftOf(t);
    const changed = edits.changeQuestionType(d, d.keys[0], 'text');
    expect(changed.template.questions[0]).toEqual({ id: 'T1', area: 'trygghet', type: 'text', text: 'Finns ett beslut?', required: true, legal: [{ act: 'SoL (2001:453)', chapter: 11, section: '1' }] });
  });
});
