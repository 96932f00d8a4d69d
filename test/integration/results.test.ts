import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../shared/scoring/answer-value';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

/**
 * Issue 8, first slice: counts, shares `ja` and the sex split for scale and choice questions, from
 * the files that count (the sample's selected and replacement files). Every expected figure below
 * is worked out by hand from the fixture.
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Two scale questions (trygghet), a multiple choice, a single choice with `ja`, and a date. */
const TEMPLATE = miniTemplate({
  id: 'resultat',
  name: 'Resultatmall',
  questions: [
    { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?' },
    { id: 'T2', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns en genomförandeplan?' },
    {
      id: 'M1',
      area: 'helhetssyn',
      type: 'choice',
      multiple: true,
      text: 'Samverkan med',
      options: [
        { id: 'skola', label: 'Skola' },
        { id: 'bvc', label: 'BVC' },
        { id: 'bup', label: 'BUP' },
      ],
    },
    {
      id: 'J1',
      area: 'sjalvbestammande',
      type: 'choice',
      text: 'Framgår barnets åsikt?',
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt' },
      ],
    },
    { id: 'A1', area: 'tillganglighet', type: 'date', text: 'Beslutsdatum' },
  ],
});

/** Counted: A1–A5, B1, B2 (F: A1, A3, B1; M: A2, A4, B2; U: A5). B3 is dropped; B9 arrives after the draw. */
const FRAME = 'akt;enhet;kön;ålder\nA1;Enhet A;flicka;4\nA2;Enhet A;pojke;4\nA3;Enhet A;flicka;9\nA4;Enhet A;pojke;9\nA5;Enhet A;;3\nB1;Enhet B;flicka;8\nB2;Enhet B;pojke;\nB3;Enhet B;flicka;8\n';

const ANSWERS: Record<string, Record<string, AnswerValue>> = {
  A1: { T1: 'ja', T2: 'ej_tillampligt', M1: ['skola', 'bvc'], J1: 'ja', A1: '2024-03-12' },
  A2: { T1: 'nej', T2: 'ja', M1: ['bvc'], J1: 'ej_tillampligt', A1: '2024-04-01' },
  A3: { T1: 'ja', M1: ['bvc', 'skola'] },
  A4: { T1: 'ej_tillampligt' },
  A5: { T1: 'framgar_ej' },
  B1: { T1: 'delvis', J1: 'nej' },
  B2: { T1: 'ja' },
  // Answered while selected, then dropped: none of it may count.
  B3: { T1: 'ja', T2: 'ja', M1: ['bup'], J1: 'ja' },
};

const counts = (yes: number, applicable: number, notApplicable: number) => ({ yes, applicable, other: applicable - yes, notApplicable });

let core: TestCore;

async function reviewWith(frame: string): Promise<{ reviewId: string; ids: Map<string, string> }> {
  const { id: reviewId } = await core.call('reviews.create', { templateId: 'resultat', title: 'Resultat', referenceDate: '2024-12-31', units: ['Enhet A', 'Enhet B'] });
  await core.call('cases.import', { reviewId, contentBase64: b64(frame) });
  const ids = new Map((await core.call('cases.list', { reviewId })).cases.map((c) => [c.ref, c.id]));
  return { reviewId, ids };
}

beforeEach(async () => {
  core = testCore();
  await core.call('templates.import', { document: TEMPLATE });
});
afterEach(() => core.dispose());

describe('results.get', () => {
  let reviewId: string;

  beforeEach(async () => {
    let ids: Map<string, string>;
    ({ reviewId, ids } = await reviewWith(FRAME));
    await core.call('sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'resultat' });
    for (const [ref, answers] of Object.entries(ANSWERS)) {
      for (const [questionId, value] of Object.entries(answers)) await core.call('answers.save', { reviewId, caseId: ids.get(ref)!, questionId, value });
    }
    // Done counts only for counted files: B3 is marked done, then dropped.
    for (const ref of ['A1', 'B3']) await core.call('cases.setDone', { reviewId, caseId: ids.get(ref)!, done: true });
    await core.call('sampling.dropout', { reviewId, caseId: ids.get('B3')!, reason: 'ej_framtagbar' });
    // A file imported after the draw is outside the sample. The API refuses to score it, so its
    // answer is written as a store from before that rule could hold it: it must not count either.
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet;kön;ålder\nB9;Enhet B;flicka;8\n') });
    const late = (await core.call('cases.list', { reviewId, query: 'B9' })).cases[0].id;
    core.db.prepare(`INSERT INTO answer (case_id, question_id, value, updated_at, updated_by) VALUES (?, 'T1', 'ja', '2026-01-01T00:00:00.000Z', 'Test')`).run(late);
  });

  it('counts only the sample, cell by cell, with shares over applicable answers', async () => {
    const results = await core.call('results.get', { reviewId });
    expect(results.targetGroup).toBe('barn');
    expect(results.basis).toEqual({ files: 7, done: 1, bySex: { F: 3, M: 3, U: 1 } });
    const [t1, t2, m1, j1, a1] = results.questions;

    expect(t1).toMatchObject({ questionId: 'T1', number: 1, areaId: 'trygghet', type: 'scale', answered: 7 });
    expect(t1.counts).toEqual([
      { answer: 'ja', sex: 'F', unit: 'Enhet A', ageBand: '0-5', count: 1 },
      { answer: 'ja', sex: 'F', unit: 'Enhet A', ageBand: '6-12', count: 1 },
      { answer: 'ja', sex: 'M', unit: 'Enhet B', ageBand: null, count: 1 },
      { answer: 'delvis', sex: 'F', unit: 'Enhet B', ageBand: '6-12', count: 1 },
      { answer: 'nej', sex: 'M', unit: 'Enhet A', ageBand: '0-5', count: 1 },
      { answer: 'framgar_ej', sex: 'U', unit: 'Enhet A', ageBand: '0-5', count: 1 },
      { answer: 'ej_tillampligt', sex: 'M', unit: 'Enhet A', ageBand: '6-12', count: 1 },
    ]);
    // framgar_ej stays in the denominator as "other"; ej_tillampligt leaves it.
    expect(t1.share).toEqual({ F: counts(2, 3, 0), M: counts(1, 2, 1), U: counts(0, 1, 0), total: counts(3, 6, 1) });
    expect(t1.verdict).toEqual({ code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' });

    expect(t2).toMatchObject({ answered: 2, share: { F: counts(0, 0, 1), M: counts(1, 1, 0), U: counts(0, 0, 0), total: counts(1, 1, 1) } });

    // Each chosen option counts; the answered files are the denominator.
    expect(m1).toMatchObject({ type: 'choice', answered: 3, share: null, verdict: null });
    expect(m1.counts).toEqual([
      { answer: 'skola', sex: 'F', unit: 'Enhet A', ageBand: '0-5', count: 1 },
      { answer: 'skola', sex: 'F', unit: 'Enhet A', ageBand: '6-12', count: 1 },
      { answer: 'bvc', sex: 'F', unit: 'Enhet A', ageBand: '0-5', count: 1 },
      { answer: 'bvc', sex: 'F', unit: 'Enhet A', ageBand: '6-12', count: 1 },
      { answer: 'bvc', sex: 'M', unit: 'Enhet A', ageBand: '0-5', count: 1 },
    ]);

    expect(j1).toMatchObject({ answered: 3, share: { F: counts(1, 2, 0), M: counts(0, 0, 1), U: counts(0, 0, 0), total: counts(1, 2, 1) } });
    expect(j1.verdict?.code).toBe('too_small');

    // Dates have no cells yet, but their answered count is there.
    expect(a1).toMatchObject({ type: 'date', answered: 2, counts: [], share: null, verdict: null });

    const area = (id: string) => results.areas.find((a) => a.areaId === id)!;
    expect(area('trygghet')).toEqual({ areaId: 'trygghet', name: 'Trygghet och säkerhet', share: { F: counts(2, 3, 1), M: counts(2, 3, 1), U: counts(0, 1, 0), total: counts(4, 7, 2) } });
    expect(area('sjalvbestammande').share).toEqual(j1.share);
    expect(area('helhetssyn').share).toBeNull();
    expect(area('tillganglighet').share).toBeNull();
    expect(results.areas.map((a) => a.areaId)).toEqual(TEMPLATE.areas.map((a) => a.id));
  });

  it('writes the tidy CSV and a Swedish summary through the CLI', () => {
    const out = path.join(core.dir, 'resultat.csv');
    const run = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Skrev resultaten (csv)');
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('area,question,unit,sex,age_band,answer,count');
    expect(lines).toContain('trygghet,T1,Enhet B,M,,ja,1');
    expect(lines).toContain('helhetssyn,M1,Enhet A,F,6-12,skola,1');
    // 7 + 0 + 5 + 3 cells (T2's two answers add two more), header, and the final line break.
    expect(lines).toHaveLength(1 + 7 + 2 + 5 + 3 + 1);
    expect(fs.statSync(out).mode & 0o077).toBe(0);

    const human = granska(['--db', core.dbPath, 'results', reviewId]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Underlag: 7 akter (flickor 3, pojkar 3, okänt kön 1), varav 1 klara.');
    expect(human.stdout).toContain('Fråga 1 (T1): ja 3 av 6 tillämpliga (50\u00a0%), ej tillämpligt 1; flickor 2 av 3 (67\u00a0%), pojkar 1 av 2 (50\u00a0%), okänt kön 0 av 1 (0\u00a0%) – Underlaget är för litet');
    expect(human.stdout).toContain('Fråga 3 (M1): 3 besvarade akter; skola 2, bvc 3.');

    const json = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ basis: { files: 7 }, questions: [{ questionId: 'T1', answered: 7 }, {}, {}, {}, {}] });

    const bad = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format ska vara json eller csv');
  });
});

describe('results.get edge cases', () => {
  it('a review with no answers: zero counts, no NaN', async () => {
    const { reviewId } = await reviewWith(FRAME);
    const results = await core.call('results.get', { reviewId });
    // Without a sample every file counts.
    expect(results.basis).toEqual({ files: 8, done: 0, bySex: { F: 4, M: 3, U: 1 } });
    expect(results.questions.every((q) => q.answered === 0 && q.counts.length === 0)).toBe(true);
    expect(results.questions[0].share).toEqual({ F: counts(0, 0, 0), M: counts(0, 0, 0), U: counts(0, 0, 0), total: counts(0, 0, 0) });
    expect(results.questions[0].verdict?.code).toBe('too_small');
    expect(JSON.stringify(results)).not.toMatch(/NaN|null,"count"|Infinity/);
    const human = granska(['--db', core.dbPath, 'results', reviewId]);
    expect(human.stdout).toContain('Fråga 1 (T1): ja 0 av 0 tillämpliga; flickor 0 av 0, pojkar 0 av 0 – Underlaget');
    expect(human.stdout).not.toMatch(/NaN/);
  });

  it('all files of one sex, and sex unknown for everyone', async () => {
    for (const [frame, sex] of [
      ['akt;enhet;kön\nX1;Enhet A;pojke\nX2;Enhet A;pojke\n', 'M'],
      ['akt;enhet\nX1;Enhet A\nX2;Enhet A\n', 'U'],
    ] as const) {
      const { reviewId, ids } = await reviewWith(frame);
      await core.call('answers.save', { reviewId, caseId: ids.get('X1')!, questionId: 'T1', value: 'ja' });
      await core.call('answers.save', { reviewId, caseId: ids.get('X2')!, questionId: 'T1', value: 'nej' });
      const results = await core.call('results.get', { reviewId });
      expect(results.basis.bySex[sex]).toBe(2);
      const share = results.questions[0].share!;
      expect(share[sex]).toEqual(counts(1, 2, 0));
      expect(share.total).toEqual(counts(1, 2, 0));
      expect(results.questions[0].verdict?.code).toBe('too_small');
      expect(results.questions[0].counts.map((c) => [c.answer, c.sex, c.ageBand])).toEqual([
        ['ja', sex, null],
        ['nej', sex, null],
      ]);
    }
  });

  it('states a difference between girls and boys when the numbers carry one', async () => {
    const refs = Array.from({ length: 24 }, (_, i) => `X${i + 1}`);
    const { reviewId, ids } = await reviewWith(`akt;enhet;kön\n${refs.map((ref, i) => `${ref};Enhet A;${i < 12 ? 'flicka' : 'pojke'}`).join('\n')}\n`);
    for (const [i, ref] of refs.entries()) await core.call('answers.save', { reviewId, caseId: ids.get(ref)!, questionId: 'T1', value: i < 12 ? 'ja' : 'nej' });
    const [t1] = (await core.call('results.get', { reviewId })).questions;
    expect(t1.share).toMatchObject({ F: counts(12, 12, 0), M: counts(0, 12, 0) });
    expect(t1.verdict?.code).toBe('difference');
    expect(t1.verdict?.text).toMatch(/^Andelen ja är högre för flickor \(100\u00a0%\) än för pojkar \(0\u00a0%\); skillnaden är statistiskt säkerställd/);
  });

  it('refuses an unknown review', async () => {
    expect((await core.fails('results.get', { reviewId: 'g-finnsinte' })).code).toBe('NOT_FOUND');
  });
});

describe('results.get, published view', () => {
  // T1: girls 12 ja + 10 nej, boys 11 ja + 2 nej (the small cell). J1: girls 6 ja, boys 5 ja (denominators under 10).
  const girls = Array.from({ length: 22 }, (_, i) => ({ ref: `F${i + 1}`, sex: 'flicka', t1: i < 12 ? 'ja' : 'nej', j1: i < 6 ? 'ja' : undefined }));
  const boys = Array.from({ length: 13 }, (_, i) => ({ ref: `M${i + 1}`, sex: 'pojke', t1: i < 11 ? 'ja' : 'nej', j1: i < 5 ? 'ja' : undefined }));
  let reviewId: string;

  beforeEach(async () => {
    let ids: Map<string, string>;
    ({ reviewId, ids } = await reviewWith(`akt;enhet;kön;ålder\n${[...girls, ...boys].map((f) => `${f.ref};Enhet A;${f.sex};8`).join('\n')}\n`));
    for (const file of [...girls, ...boys]) {
      await core.call('answers.save', { reviewId, caseId: ids.get(file.ref)!, questionId: 'T1', value: file.t1 });
      if (file.j1) await core.call('answers.save', { reviewId, caseId: ids.get(file.ref)!, questionId: 'J1', value: file.j1 });
    }
  });

  it('suppresses the small cell and enough others that none can be worked back', async () => {
    const results = await core.call('results.get', { reviewId, published: true });
    expect(results).toMatchObject({ view: 'published', threshold: 5 });
    if (results.view !== 'published') throw new Error('expected the published view');
    const [t1, , , j1] = results.questions;
    // Only answer × sex cells, every one of them, in template order then F, M, U.
    expect(t1.counts).toHaveLength(5 * 3);
    expect(t1.counts.every((c) => c.unit === null && c.ageBand === null)).toBe(true);
    const cell = (answer: string, sex: string) => t1.counts.find((c) => c.answer === answer && c.sex === sex)!.count;
    expect(cell('nej', 'M')).toBeNull();
    const hidden = t1.counts.filter((c) => c.count === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const h of hidden) {
      expect(hidden.filter((o) => o !== h && o.answer === h.answer).length).toBeGreaterThanOrEqual(1);
      expect(hidden.filter((o) => o !== h && o.sex === h.sex).length).toBeGreaterThanOrEqual(1);
    }
    // The boys' share would give the hidden cell back (13 applicable − 11 ja), so it is withheld whole.
    expect(t1.share!.M).toMatchObject({ applicable: null, other: null, notApplicable: null, percent: null });
    expect(t1.share!.M.withheld).not.toBeNull();
    expect(t1.verdict).toEqual({ code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' });
    // Area pooling cannot reveal what the question hides.
    const trygghet = results.areas.find((a) => a.areaId === 'trygghet')!;
    expect(trygghet.share!.M.applicable).toBeNull();

    // J1: nothing small, but 6 and 5 applicable are under 10: counts shown, percentages withheld.
    expect(j1.counts.filter((c) => c.count === null)).toEqual([]);
    expect(j1.share!.F).toEqual({ yes: 6, applicable: 6, other: 0, notApplicable: 0, percent: null, withheld: 'denominator-too-small' });
    expect(j1.share!.total).toEqual({ yes: 11, applicable: 11, other: 0, notApplicable: 0, percent: 100, withheld: null });
  });

  it('keeps the internal view unchanged when published is absent', async () => {
    const internal = await core.call('results.get', { reviewId });
    expect(internal).toMatchObject({ view: 'internal', threshold: null });
    expect(await core.call('results.get', { reviewId, published: false })).toEqual(internal);
    const t1 = internal.questions[0];
    expect(t1.counts).toContainEqual({ answer: 'nej', sex: 'M', unit: 'Enhet A', ageBand: '6-12', count: 2 });
    expect(t1.share!.M).toEqual(counts(11, 13, 0));
  });

  it('a higher threshold hides more; a threshold outside 3..20 is refused', async () => {
    const at5 = await core.call('results.get', { reviewId, published: true });
    const at12 = await core.call('results.get', { reviewId, published: true, threshold: 12 });
    // J1's 6 and 5 are published at 5 and hidden at 12.
    const hiddenCount = (r: typeof at5) => r.questions[3].counts.filter((c) => c.count === null).length;
    expect(at12.threshold).toBe(12);
    expect(hiddenCount(at5)).toBe(0);
    expect(hiddenCount(at12)).toBeGreaterThanOrEqual(2);
    expect(await core.fails('results.get', { reviewId, published: true, threshold: 2 })).toMatchObject({ code: 'VALIDATION', message: 'Gräns för små tal: Måste vara minst 3.' });
  });

  it('suppresses small groups in the basis and a small answered count', async () => {
    const small = await reviewWith(FRAME);
    await core.call('answers.save', { reviewId: small.reviewId, caseId: small.ids.get('A1')!, questionId: 'A1', value: '2024-03-12' });
    const results = await core.call('results.get', { reviewId: small.reviewId, published: true });
    // 4 girls, 3 boys, 1 unknown: all small; the total 8 alone gives none of them back.
    expect(results.basis).toEqual({ files: 8, done: 0, bySex: { F: null, M: null, U: null } });
    expect(results.questions[4]).toMatchObject({ questionId: 'A1', answered: null, counts: [] });
    expect(results.questions[0]).toMatchObject({ questionId: 'T1', answered: 0 });
  });

  it('writes suppressed counts as empty CSV fields and marks the human output', () => {
    const csv = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('area,question,unit,sex,age_band,answer,count');
    expect(lines).toContain('trygghet,T1,,M,,nej,');
    expect(lines).toContain('sjalvbestammande,J1,,F,,ja,6');

    const human = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--threshold', '4']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Publicerad version – små tal dolda (gräns 4)');
    expect(human.stdout).not.toContain('Internt');

    const json = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ view: 'published', threshold: 5 });

    const bad = granska(['--db', core.dbPath, 'results', reviewId, '--threshold', '4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--published');
    const low = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--threshold', '2']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('--threshold ska vara ett heltal mellan 3 och 20');
  });
});
