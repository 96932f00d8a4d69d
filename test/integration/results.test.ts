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
    expect(t1.verdict).toMatchObject({ code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' });

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
    const run = granska(['--db', core.dbPath, 'results', reviewId, '--format', 'tidy', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Skrev resultaten (tidy)');
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
    expect(bad.stderr).toContain('--format ska vara json, csv eller tidy');
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

  it('is the publication set: shares by sex over the covered files, each share with its counts, percentages from 10 applicable', async () => {
    const results = await core.call('results.get', { reviewId, published: true });
    expect(results).toMatchObject({ view: 'published', threshold: 5 });
    if (results.view !== 'published') throw new Error('expected the published view');
    expect(results.publication.totalCovers).toEqual(['F', 'M']);
    expect(results.basis).toEqual({ files: 35, done: 0, bySex: { F: 22, M: 13, U: 0 } });
    const [t1, , , j1] = results.questions;
    // The answers over the covered files, every answer of the scale, not split by sex.
    expect(t1.counts.map((c) => [c.answer, c.sex, c.count])).toEqual([
      ['ja', null, 23],
      ['delvis', null, 0],
      ['nej', null, 12],
      ['framgar_ej', null, 0],
      ['ej_tillampligt', null, 0],
    ]);
    // A published group's share comes with its counts, the 2 boys' nej included (docs/disclosure.md §2).
    expect(t1.share!.F).toEqual({ yes: 12, applicable: 22, other: 10, notApplicable: 0, percent: (100 * 12) / 22, withheld: null });
    expect(t1.share!.M).toEqual({ yes: 11, applicable: 13, other: 2, notApplicable: 0, percent: (100 * 11) / 13, withheld: null });
    expect(t1.share!.U).toMatchObject({ yes: null, percent: null, withheld: 'group-not-published' });
    // J1: 6 and 5 applicable are under 10: the sexes' shares are not printed; the total (11) is.
    expect(j1.share!.F).toEqual({ yes: null, applicable: null, other: null, notApplicable: null, percent: null, withheld: 'denominator-too-small' });
    expect(j1.share!.total).toEqual({ yes: 11, applicable: 11, other: 0, notApplicable: 0, percent: 100, withheld: null });
    expect(j1.verdict).toMatchObject({ code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' });
    const trygghet = results.areas.find((a) => a.areaId === 'trygghet')!;
    expect(trygghet.share!.total).toMatchObject({ yes: 23, applicable: 35, percent: (100 * 23) / 35 });
    expect(results.publication.units).toEqual([
      { unit: 'Enhet A', files: 35 },
      { unit: 'Enhet B', files: 0 },
    ]);
    expect(await core.call('results.audit', { reviewId })).toMatchObject({ threshold: 5, disclosed: [] });
  });

  it('keeps the internal view unchanged when published is absent', async () => {
    const internal = await core.call('results.get', { reviewId });
    expect(internal).toMatchObject({ view: 'internal', threshold: null });
    expect(await core.call('results.get', { reviewId, published: false })).toEqual(internal);
    const t1 = internal.questions[0];
    expect(t1.counts).toContainEqual({ answer: 'nej', sex: 'M', unit: 'Enhet A', ageBand: '6-12', count: 2 });
    expect(t1.share!.M).toEqual(counts(11, 13, 0));
  });

  it("takes no threshold, filter, split or comparison: the threshold is the review's, changed with a logged reason", async () => {
    expect(await core.fails('results.get', { reviewId, published: true, threshold: 3 })).toMatchObject({ code: 'VALIDATION' });
    for (const extra of [{ filters: [{ field: 'unit', value: 'Enhet A' }] }, { by: 'ageBand' }, { compareWith: reviewId }]) {
      const error = await core.fails('results.get', { reviewId, published: true, ...extra });
      expect(error.code).toBe('VALIDATION');
      expect(JSON.stringify(error)).toContain('Finns bara i den interna vyn');
    }
    expect(await core.fails('reviews.setPublishThreshold', { reviewId, threshold: 12, reason: 'kort' })).toMatchObject({ code: 'VALIDATION' });
    expect(await core.call('reviews.setPublishThreshold', { reviewId, threshold: 12, reason: 'Nämnden vill ha en högre gräns för små grupper.' })).toEqual({ threshold: 12, previous: 5 });
    expect((await core.call('reviews.get', { reviewId })).publishThreshold).toBe(12);
    const at12 = await core.call('results.get', { reviewId, published: true });
    if (at12.view !== 'published') throw new Error('expected the published view');
    expect(at12.threshold).toBe(12);
    // 13 boys and 22 girls are still groups of at least 12: both covered.
    expect(at12.publication.totalCovers).toEqual(['F', 'M']);
    const logged = core.db.prepare('SELECT from_threshold, to_threshold, reason, actor FROM publication_event WHERE review_id = ?').all(reviewId);
    expect(logged).toEqual([{ from_threshold: 5, to_threshold: 12, reason: 'Nämnden vill ha en högre gräns för små grupper.', actor: 'Test Testsson' }]);
    expect(await core.fails('reviews.setPublishThreshold', { reviewId, threshold: 2, reason: 'Alldeles för låg gräns.' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps the answers of a sex group under the threshold out of every per-question figure', async () => {
    const small = await reviewWith(FRAME);
    await core.call('answers.save', { reviewId: small.reviewId, caseId: small.ids.get('A1')!, questionId: 'T1', value: 'ja' });
    const results = await core.call('results.get', { reviewId: small.reviewId, published: true });
    if (results.view !== 'published') throw new Error('expected the published view');
    // 4 girls, 3 boys, 1 unknown (B3 is counted: no sample): the basis as it is, no group large enough for per-question figures.
    expect(results.basis).toMatchObject({ files: 8, bySex: { F: 4, M: 3, U: 1 } });
    expect(results.publication.totalCovers).toEqual([]);
    expect(results.questions[0]).toMatchObject({ questionId: 'T1', answered: 0 });
    expect(results.questions[0].share!.F.withheld).toBe('group-not-published');
    expect((await core.call('results.audit', { reviewId: small.reviewId })).disclosed).toEqual([]);
  });

  it('prints the CSV for Excel and a marked summary; the CLI refuses a threshold, filters and tidy csv for the published view', () => {
    const csv = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFOmråde;Fråga nr;Fråga;Grupp;Ja;Tillämpliga svar;Ej tillämpligt;Andel ja (%)');
    expect(lines).toContain('Trygghet och säkerhet;1;Finns ett beslut?;Pojkar;11;13;0;84,6');
    expect(lines).toContain('Trygghet och säkerhet;1;Finns ett beslut?;Okänt kön;–;–;–;–');

    const human = granska(['--db', core.dbPath, 'results', reviewId, '--published']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Publicerad version – granskningens publiceringsunderlag (gräns 5 akter)');
    expect(human.stdout).not.toContain('Internt');

    const audit = granska(['--db', core.dbPath, 'results', reviewId, '--published', '--audit', '--json']);
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.stdout) as { published: number; hidden: number; disclosed: unknown[] };
    expect(report.published).toBeGreaterThan(20);
    expect(report.disclosed).toEqual([]);

    const refusals: [string[], string][] = [
      [['--published', '--threshold', '4'], 'granska review threshold'],
      [['--published', '--filter', 'unit=Enhet A'], 'bara i den interna vyn'],
      [['--published', '--by', 'ageBand'], 'bara i den interna vyn'],
      [['--published', '--format', 'tidy'], 'bara i den interna vyn'],
      [['--audit'], '--published'],
    ];
    for (const [flags, text] of refusals) {
      const run = granska(['--db', core.dbPath, 'results', reviewId, ...flags]);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr).toContain(text);
    }

    // The review's threshold: shown, refused without a reason, changed with one and logged.
    expect(granska(['--db', core.dbPath, 'review', 'threshold', reviewId]).stdout).toContain('Gränsen för små tal är 5 akter');
    const noReason = granska(['--db', core.dbPath, 'review', 'threshold', reviewId, '6']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const changed = granska(['--db', core.dbPath, 'review', 'threshold', reviewId, '6', '--reason', 'Beslut i ledningsgruppen 2026-12-01.', '--json']);
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({ threshold: 6, previous: 5 });
    expect(JSON.parse(granska(['--db', core.dbPath, 'results', reviewId, '--published', '--format', 'json']).stdout)).toMatchObject({ threshold: 6 });
  });
});
