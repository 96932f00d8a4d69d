import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../shared/scoring/answer-value';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

/**
 * Issue 8: filters, splits (unit, age band, a case attribute, a question's answer), number
 * distributions, the template's derived intervals and ratios, the drill-down to the files behind a
 * cell, and the comparison with an earlier review. Every expected figure is worked out by hand.
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');

const TEMPLATE = miniTemplate({
  id: 'uppdelning',
  name: 'Uppdelningsmall',
  questions: [
    { id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Finns ett beslut?' },
    { id: 'H1', area: 'helhetssyn', type: 'choice', text: 'Vem gjorde anmälan?', options: [{ id: 'polis', label: 'Polis' }, { id: 'skola', label: 'Skola' }] },
    { id: 'M1', area: 'helhetssyn', type: 'choice', multiple: true, text: 'Samverkan med', options: [{ id: 'bvc', label: 'BVC' }, { id: 'bup', label: 'BUP' }] },
    { id: 'D1', area: 'tillganglighet', type: 'date', text: 'Beslutsdatum' },
    { id: 'D2', area: 'tillganglighet', type: 'date', text: 'Startdatum' },
    { id: 'N1', area: 'effektivitet', type: 'number', text: 'Planerade träffar' },
    { id: 'N2', area: 'effektivitet', type: 'number', text: 'Genomförda träffar' },
  ],
  measures: [
    { id: 'beslut_start', kind: 'interval', label: 'Från beslut till start', from: 'D1', to: 'D2' },
    { id: 'traffar', kind: 'ratio', label: 'Genomförda av planerade träffar', from: 'N1', to: 'N2' },
  ],
});

/** Norr: A1 (F), A2 (M), A6 (M); Söder: A3 (F), A4 (M), A5 (F). A5 has no insats. */
const FRAME = 'akt;enhet;kön;ålder;insats\nA1;Norr;flicka;4;Kontaktperson\nA2;Norr;pojke;8;Familjebehandling\nA3;Söder;flicka;10;Familjebehandling\nA4;Söder;pojke;15;Kontaktperson\nA5;Söder;flicka;3;\nA6;Norr;pojke;7;Familjebehandling\n';

const ANSWERS: Record<string, Record<string, AnswerValue>> = {
  A1: { T1: 'ja', H1: 'polis', M1: ['bvc'], D1: '2024-01-10', D2: '2024-01-20', N1: 10, N2: 8 },
  A2: { T1: 'nej', H1: 'skola', D1: '2024-02-01', D2: '2024-02-15', N1: 4, N2: 4 },
  // Start before the decision and nothing planned: both measures exclude this file, and say so.
  A3: { T1: 'ja', H1: 'skola', D1: '2024-03-01', D2: '2024-02-01', N1: 0, N2: 3 },
  A4: { T1: 'ja', D1: '2024-01-01', D2: '2024-01-31', N1: 5, N2: 10 },
  A5: { T1: 'ej_tillampligt', N1: 6 },
  A6: { T1: 'delvis', H1: 'polis' },
};

const share = (yes: number, applicable: number, notApplicable = 0) => ({ yes, applicable, other: applicable - yes, notApplicable });

let core: TestCore;

async function scoredReview(template: string, title: string, answers: Record<string, Record<string, AnswerValue>>): Promise<string> {
  const { id: reviewId } = await core.call('reviews.create', { templateId: template, title, referenceDate: '2024-12-31', units: ['Norr', 'Söder'] });
  await core.call('cases.import', { reviewId, contentBase64: b64(FRAME) });
  const ids = new Map((await core.call('cases.list', { reviewId })).cases.map((c) => [c.ref, c.id]));
  for (const [ref, values] of Object.entries(answers)) {
    for (const [questionId, value] of Object.entries(values)) await core.call('answers.save', { reviewId, caseId: ids.get(ref)!, questionId, value });
  }
  return reviewId;
}

beforeEach(async () => {
  core = testCore();
  await core.call('templates.import', { document: TEMPLATE });
});
afterEach(() => core.dispose());

describe('results.get: splits and filters', () => {
  let reviewId: string;
  beforeEach(async () => {
    reviewId = await scoredReview('uppdelning', 'Uppdelning', ANSWERS);
  });

  it('offers the dimensions the files have, with Swedish labels, and leaves out a multiple choice', async () => {
    const { split } = await core.call('results.get', { reviewId });
    expect(split.filters).toEqual([]);
    expect(split.by).toBeNull();
    expect(split.groups).toBeNull();
    const dimension = (field: string) => split.dimensions.find((d) => d.field === field);
    expect(dimension('unit')).toEqual({ field: 'unit', label: 'Enhet', values: [{ value: 'Norr', label: 'Norr' }, { value: 'Söder', label: 'Söder' }] });
    expect(dimension('ageBand')!.values).toEqual([
      { value: '0-5', label: '0–5 år' },
      { value: '6-12', label: '6–12 år' },
      { value: '13-17', label: '13–17 år' },
    ]);
    expect(dimension('attribute:insats')!.values).toEqual([
      { value: 'Familjebehandling', label: 'Familjebehandling' },
      { value: 'Kontaktperson', label: 'Kontaktperson' },
      { value: null, label: 'Saknas' },
    ]);
    expect(dimension('question:H1')).toEqual({
      field: 'question:H1',
      label: 'Fråga 2 (H1): Vem gjorde anmälan?',
      values: [{ value: 'polis', label: 'Polis' }, { value: 'skola', label: 'Skola' }, { value: null, label: 'Ej besvarad' }],
    });
    expect(dimension('question:T1')!.values.map((v) => v.value)).toEqual(['ja', 'delvis', 'nej', 'framgar_ej', 'ej_tillampligt', null]);
    expect(dimension('question:M1')).toBeUndefined();
  });

  it('counts only the filtered files, in every figure', async () => {
    const norr = await core.call('results.get', { reviewId, filters: [{ field: 'unit', value: 'Norr' }] });
    expect(norr.split.filters).toEqual([{ field: 'unit', value: 'Norr', label: 'Enhet: Norr' }]);
    expect(norr.basis).toEqual({ files: 3, done: 0, bySex: { F: 1, M: 2, U: 0 } });
    expect(norr.questions[0].share).toEqual({ F: share(1, 1), M: share(0, 2), U: share(0, 0), total: share(1, 3) });
    expect(norr.questions[0].counts.every((c) => c.unit === 'Norr')).toBe(true);

    const withoutInsats = await core.call('results.get', { reviewId, filters: [{ field: 'attribute:insats', value: null }] });
    expect(withoutInsats.basis.files).toBe(1);
    expect(withoutInsats.questions[0].share!.total).toEqual(share(0, 0, 1));

    // Two filters narrow together: boys of Söder through the answer to H1 being unanswered.
    const both = await core.call('results.get', { reviewId, filters: [{ field: 'unit', value: 'Söder' }, { field: 'question:H1', value: null }] });
    expect(both.basis).toEqual({ files: 2, done: 0, bySex: { F: 1, M: 1, U: 0 } });
    expect(both.split.filters.map((f) => f.label)).toEqual(['Enhet: Söder', 'Fråga 2 (H1): Vem gjorde anmälan?: Ej besvarad']);
  });

  it('splits every share by unit, with the files per group and sex', async () => {
    const results = await core.call('results.get', { reviewId, by: 'unit' });
    expect(results.split.by).toEqual({ field: 'unit', label: 'Enhet' });
    expect(results.split.groups).toEqual([
      { value: 'Norr', label: 'Norr', files: { F: 1, M: 2, U: 0, total: 3 } },
      { value: 'Söder', label: 'Söder', files: { F: 2, M: 1, U: 0, total: 3 } },
    ]);
    const t1 = results.questions[0];
    expect(t1.groups).toEqual([
      { value: 'Norr', label: 'Norr', answered: 3, share: { F: share(1, 1), M: share(0, 2), U: share(0, 0), total: share(1, 3) } },
      { value: 'Söder', label: 'Söder', answered: 3, share: { F: share(1, 1, 1), M: share(1, 1), U: share(0, 0), total: share(2, 2, 1) } },
    ]);
    // The totals are the same figures as without a split.
    const plain = await core.call('results.get', { reviewId });
    expect(t1.share).toEqual(plain.questions[0].share);
    // A question without a share still has its groups' answered counts.
    expect(results.questions.find((q) => q.questionId === 'M1')!.groups).toEqual([
      { value: 'Norr', label: 'Norr', answered: 1, share: null },
      { value: 'Söder', label: 'Söder', answered: 0, share: null },
    ]);
  });

  it('splits by a case attribute and by the answer to a question, with the missing value as its own group', async () => {
    const byInsats = await core.call('results.get', { reviewId, by: 'attribute:insats' });
    expect(byInsats.questions[0].groups!.map((g) => [g.label, g.share!.total.yes, g.share!.total.applicable])).toEqual([
      ['Familjebehandling', 1, 3],
      ['Kontaktperson', 2, 2],
      ['Saknas', 0, 0],
    ]);
    const byReporter = await core.call('results.get', { reviewId, by: 'question:H1' });
    expect(byReporter.questions[0].groups!.map((g) => [g.label, g.share!.total])).toEqual([
      ['Polis', share(1, 2)],
      ['Skola', share(1, 2)],
      ['Ej besvarad', share(1, 1, 1)],
    ]);
  });

  it('refuses a split it cannot make, in Swedish, naming what', async () => {
    const multiple = await core.dispatch('results.get', { reviewId, by: 'question:M1' });
    expect(multiple).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!multiple.ok && multiple.error.message).toContain('Fråga M1 kan inte användas för uppdelning');
    const unknown = await core.dispatch('results.get', { reviewId, by: 'attribute:placering' });
    expect(!unknown.ok && unknown.error.message).toContain('Akterna har ingen uppgift "placering" att dela upp efter');
    const noQuestion = await core.dispatch('results.get', { reviewId, filters: [{ field: 'question:ZZ', value: 'ja' }] });
    expect(!noQuestion.ok && noQuestion.error.message).toBe('Frågan "ZZ" finns inte i granskningens mall.');
    const malformed = await core.dispatch('results.get', { reviewId, by: 'kön' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('describes number answers by sex with R type-7 quartiles, and nothing for an empty group', async () => {
    const { questions } = await core.call('results.get', { reviewId });
    const n1 = questions.find((q) => q.questionId === 'N1')!;
    // Values 0, 4, 5, 6, 10; girls 0, 6, 10; boys 4, 5.
    expect(n1.distribution).toEqual({
      total: { n: 5, mean: 5, median: 5, q1: 4, q3: 6, min: 0, max: 10 },
      F: { n: 3, mean: 16 / 3, median: 6, q1: 3, q3: 8, min: 0, max: 10 },
      M: { n: 2, mean: 4.5, median: 4.5, q1: 4.25, q3: 4.75, min: 4, max: 5 },
      U: { n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null },
    });
    expect(questions.find((q) => q.questionId === 'T1')!.distribution).toBeNull();
  });

  it('derives the template’s interval and ratio per file, counting the files it cannot use', async () => {
    const { derived } = await core.call('results.get', { reviewId, by: 'unit' });
    const [interval, ratio] = derived;
    // 10 (A1), 14 (A2), 30 (A4) days; A3 starts before its decision.
    expect(interval).toMatchObject({ id: 'beslut_start', kind: 'interval', unit: 'dagar', from: 'D1', to: 'D2', excluded: 1 });
    expect(interval.bySex.total).toEqual({ n: 3, mean: 18, median: 14, q1: 12, q3: 22, min: 10, max: 30 });
    expect(interval.bySex.F).toMatchObject({ n: 1, median: 10 });
    expect(interval.bySex.M).toMatchObject({ n: 2, median: 22 });
    expect(interval.groups!.map((g) => [g.label, g.distribution.n, g.distribution.median])).toEqual([
      ['Norr', 2, 12],
      ['Söder', 1, 30],
    ]);
    // 0.8 (A1), 1 (A2), 2 (A4); A3 planned none; A5 has no actual count and is not a pair.
    expect(ratio).toMatchObject({ id: 'traffar', kind: 'ratio', unit: null, excluded: 1 });
    expect(ratio.bySex.total).toMatchObject({ n: 3, median: 1, min: 0.8, max: 2 });
  });

  it('lists the files behind a cell, by answer, sex and group', async () => {
    const refs = async (input: Record<string, unknown>) => (await core.call('results.cases', { reviewId, questionId: 'T1', ...input })).files.map((f) => f.ref);
    expect(await refs({ answer: 'ja' })).toEqual(['A1', 'A3', 'A4']);
    expect(await refs({ answer: 'ja', sex: 'F' })).toEqual(['A1', 'A3']);
    expect(await refs({ answer: 'ja', by: 'unit', group: 'Söder' })).toEqual(['A3', 'A4']);
    expect(await refs({ filters: [{ field: 'attribute:insats', value: 'Familjebehandling' }] })).toEqual(['A2', 'A3', 'A6']);
    const chose = await core.call('results.cases', { reviewId, questionId: 'M1', answer: 'bvc' });
    expect(chose).toEqual({ total: 1, files: [{ caseId: expect.any(String), ref: 'A1', unit: 'Norr', sex: 'F', ageBand: '0-5', answer: '["bvc"]', done: false }] });
    const unknown = await core.dispatch('results.cases', { reviewId, questionId: 'ZZ' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is not split in the published view: the publication set has its fixed tables, age bands merged until none is small', async () => {
    const refused = await core.fails('results.get', { reviewId, by: 'unit', published: true });
    expect(refused.code).toBe('VALIDATION');
    const published = await core.call('results.get', { reviewId, published: true });
    if (published.view !== 'published') throw new Error('expected the published view');
    expect(published.split).toEqual({ filters: [], by: null, dimensions: [], groups: null });
    expect(published.publication.units).toEqual([
      { unit: 'Norr', files: 3 },
      { unit: 'Söder', files: 3 },
    ]);
    // 0–5: 2, 6–12: 3, 13–17: 1 → 13–17 joins 6–12 (4), then 0–5 joins them: one band of 6.
    expect(published.publication.ageBands).toEqual([{ label: '0–17 år', bands: ['0-5', '6-12', '13-17'], files: 6 }]);
    // 3 girls and 3 boys: neither is a group of 5, so no per-question figure counts their answers.
    expect(published.publication.totalCovers).toEqual([]);
    const n1 = published.questions.find((q) => q.questionId === 'N1')!;
    expect(n1.distribution!.F).toEqual({ n: null, mean: null, median: null, q1: null, q3: null, min: null, max: null });
    expect(n1.distribution!.total).toEqual({ n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null });
    expect((await core.call('results.audit', { reviewId })).disclosed).toEqual([]);
  });
});

describe('granska results with splits, filters and measures', () => {
  it('prints the groups, the distributions and the measures in Swedish, and refuses a malformed filter', async () => {
    const reviewId = await scoredReview('uppdelning', 'CLI', ANSWERS);
    const run = granska(['--db', core.dbPath, 'results', reviewId, '--by', 'unit', '--filter', 'attribute:insats=Familjebehandling;ageBand=6-12']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Urval: insats: Familjebehandling, Åldersgrupp: 6–12 år.');
    expect(run.stdout).toContain('Underlag: 3 akter (flickor 1, pojkar 2, okänt kön 0), varav 0 klara.');
    expect(run.stdout).toContain('  Enhet: Norr: ja 0\u00a0% av 2');
    expect(run.stdout).toContain('  Enhet: Söder: ja 100\u00a0% av 1');
    const all = granska(['--db', core.dbPath, 'results', reviewId]);
    expect(all.stdout).toContain('  median 5 (kvartiler 4–6), n = 5; flickor median 6 (kvartiler 3–8), n = 3; pojkar median 4,5 (kvartiler 4,3–4,8), n = 2');
    expect(all.stdout).toContain('Från beslut till start dagar: median 14 (kvartiler 12–22), n = 3;');
    expect(all.stdout).toContain(', 1 akt kan inte räknas.');
    const bad = granska(['--db', core.dbPath, 'results', reviewId, '--filter', 'Norr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Filtret "Norr" ska skrivas fält=värde');
    const unknown = granska(['--db', core.dbPath, 'results', reviewId, '--by', 'question:M1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Fråga M1 kan inte användas för uppdelning');
  });
});

describe('results.get: bad input', () => {
  it('an age band with no files, and a template changed after scoring: sensible figures, the frozen questions', async () => {
    const reviewId = await scoredReview('uppdelning', 'Fryst', ANSWERS);
    // Version 2 drops T1 and M1: the review keeps version 1 and its answers.
    await core.call('templates.save', { template: { ...TEMPLATE, questions: TEMPLATE.questions.filter((q) => q.id !== 'T1' && q.id !== 'M1'), measures: TEMPLATE.measures } });
    const results = await core.call('results.get', { reviewId, filters: [{ field: 'ageBand', value: '18+' }], by: 'unit' });
    expect(results.basis).toEqual({ files: 0, done: 0, bySex: { F: 0, M: 0, U: 0 } });
    expect(results.questions.map((q) => q.questionId)).toEqual(['T1', 'H1', 'M1', 'D1', 'D2', 'N1', 'N2']);
    expect(results.questions[0].share!.total).toEqual(share(0, 0));
    expect(results.questions[0].verdict!.code).toBe('too_small');
    expect(results.derived[0].bySex.total).toEqual({ n: 0, mean: null, median: null, q1: null, q3: null, min: null, max: null });
    // Nothing anywhere is NaN or infinite.
    expect(JSON.stringify(results)).not.toMatch(/NaN|Infinity/);
    expect(JSON.stringify(await core.call('results.get', { reviewId, published: true }))).not.toMatch(/NaN|Infinity/);
  });
});

describe('results.get: compared with an earlier review', () => {
  it('gives the change per question and area, with the test’s sentence, and refuses another template', async () => {
    const earlierAnswers: Record<string, Record<string, AnswerValue>> = {
      A1: { T1: 'nej' },
      A2: { T1: 'nej' },
      A3: { T1: 'ja' },
      A4: { T1: 'nej' },
    };
    const earlier = await scoredReview('uppdelning', 'Förra året', earlierAnswers);
    const current = await scoredReview('uppdelning', 'I år', ANSWERS);
    const { comparison } = await core.call('results.get', { reviewId: current, compareWith: earlier });
    expect(comparison).toMatchObject({ reviewId: earlier, title: 'Förra året', period: null, unmatched: 0 });
    // T1: before 1 of 4 (25 %), now 3 of 5 (60 %): +35 points, too few to test.
    expect(comparison!.questions).toEqual([
      {
        questionId: 'T1',
        number: 1,
        before: { yes: 1, applicable: 4, percent: 25 },
        after: { yes: 3, applicable: 5, percent: 60 },
        changePoints: 35,
        verdict: { code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' },
      },
    ]);
    expect(comparison!.areas).toEqual([{ areaId: 'trygghet', name: 'Trygghet och säkerhet', before: { yes: 1, applicable: 4, percent: 25 }, after: { yes: 3, applicable: 5, percent: 60 }, changePoints: 35, verdict: null }]);

    // A comparison is one more table about the same files: the published view refuses it.
    expect((await core.fails('results.get', { reviewId: current, compareWith: earlier, published: true })).code).toBe('VALIDATION');

    const self = await core.dispatch('results.get', { reviewId: current, compareWith: current });
    expect(!self.ok && self.error.message).toBe('En granskning kan inte jämföras med sig själv.');
    await core.call('templates.import', { document: miniTemplate({ id: 'annan', name: 'Annan mall' }) });
    const { id: other } = await core.call('reviews.create', { templateId: 'annan', title: 'Annan', referenceDate: '2024-12-31', units: ['Norr'] });
    const foreign = await core.dispatch('results.get', { reviewId: current, compareWith: other });
    expect(!foreign.ok && foreign.error.message).toContain('bygger på en annan mall');
  });

  it('states a difference between the reviews when the numbers carry one', async () => {
    const many = (prefix: string, n: number, value: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, { T1: value }]));
    const frame = (refs: string[]) => `akt;enhet;kön;ålder\n${refs.map((r, i) => `${r};Norr;${i % 2 ? 'pojke' : 'flicka'};8`).join('\n')}\n`;
    const review = async (title: string, answers: Record<string, Record<string, AnswerValue>>) => {
      const { id } = await core.call('reviews.create', { templateId: 'uppdelning', title, referenceDate: '2024-12-31', units: ['Norr'] });
      await core.call('cases.import', { reviewId: id, contentBase64: b64(frame(Object.keys(answers))) });
      const ids = new Map((await core.call('cases.list', { reviewId: id })).cases.map((c) => [c.ref, c.id]));
      for (const [ref, values] of Object.entries(answers)) await core.call('answers.save', { reviewId: id, caseId: ids.get(ref)!, questionId: 'T1', value: values.T1 });
      return id;
    };
    const before = await review('Före', { ...many('J', 4, 'ja'), ...many('N', 16, 'nej') });
    const after = await review('Efter', { ...many('J', 16, 'ja'), ...many('N', 4, 'nej') });
    const { comparison } = await core.call('results.get', { reviewId: after, compareWith: before });
    expect(comparison!.questions[0].verdict!.code).toBe('difference');
    expect(comparison!.questions[0].verdict!.text).toMatch(/^Andelen ja är högre i denna granskning \(80\u00a0%\) än i den tidigare granskningen \(20\u00a0%\); skillnaden är statistiskt säkerställd/);
  });
});
