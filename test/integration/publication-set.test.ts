import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSolver } from '../../main/core/disclosure/highs-solver';
import { requireUndisclosed } from '../../main/core/results/publication-audit';
import { publicationSetOf } from '../../main/core/results/publication-set';
import type { InternalResults, PublishedResults } from '../../shared/contract/results';
import { auditSystem } from '../../shared/disclosure/audit';
import type { LinearSystem } from '../../shared/disclosure/linear-system';
import { testCore, type TestCore } from '../support/core';
import { docxParagraphs } from '../support/docx-text';
import { generateReview, REFERENCE_003_UNITS, type ReviewShape } from '../support/reference-003';

/**
 * Issue 14's "Done when", on a review shaped like reference 003 (3 units × 12 files; 10 girls, 21
 * boys, 5 of unknown sex; every question answered with a realistic spread): the published memo and
 * Bilaga 1 say something, and the attacker's audit over the complete publication set finds nothing.
 * Then the same audit over many random reviews (small units, few girls, a few files of unknown sex),
 * and proof that the audit is not vacuous: publish one more figure and it names the cell it gives away.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function importReview(core: TestCore, seed: string, shape?: ReviewShape, units: readonly string[] = REFERENCE_003_UNITS): Promise<string> {
  const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård barn 0–12 år', dnr: 'SOF 2024/543', referenceDate: '2024-12-31', units: [...units] });
  const generated = generateReview(seed, shape);
  await core.call('cases.import', { reviewId: id, contentBase64: b64(generated.casesCsv) });
  const answers = await core.call('answers.import', { reviewId: id, contentBase64: b64(generated.answersCsv) });
  expect(answers.rejected).toEqual([]);
  return id;
}

let core: TestCore;
let reviewId: string;
let internal: InternalResults;
let published: PublishedResults;

beforeAll(async () => {
  core = testCore();
  reviewId = await importReview(core, 'referens-003');
  internal = (await core.call('results.get', { reviewId })) as InternalResults;
  published = (await core.call('results.get', { reviewId, published: true })) as PublishedResults;
}, 60_000);
afterAll(() => core.dispose());

const shareQuestions = () => published.questions.filter((q) => q.share && (q.type === 'scale' || q.type === 'choice'));

describe('a review shaped like reference 003', () => {
  it('has the shape: 36 files, 10 girls, 21 boys, 5 of unknown sex, every question answered', () => {
    expect(internal.basis).toEqual({ files: 36, done: 0, bySex: { F: 10, M: 21, U: 5 } });
    expect(published.basis).toEqual(internal.basis);
    expect(internal.questions.filter((q) => q.type !== 'text').every((q) => q.answered === 36)).toBe(true);
  });

  it('publishes a share for every quality area and the overall share for at least 90 % of the scale and choice questions', () => {
    expect(published.areas.every((a) => a.share !== null && a.share.total.percent !== null)).toBe(true);
    const questions = shareQuestions();
    const shown = questions.filter((q) => q.share!.total.percent !== null);
    expect(shown.length / questions.length).toBeGreaterThanOrEqual(0.9);
  });

  it('compares girls and boys wherever each has at least 10 applicable answers, and says the honest sentence elsewhere', () => {
    let compared = 0;
    for (const q of shareQuestions()) {
      const truth = internal.questions.find((i) => i.questionId === q.questionId)!.share!;
      const both = truth.F.applicable >= 10 && truth.M.applicable >= 10;
      expect(q.share!.F.percent !== null && q.share!.M.percent !== null, `fråga ${q.number}`).toBe(both);
      if (both) {
        compared++;
        expect(q.verdict!.code).not.toBe('too_small');
        expect(q.share!.F).toMatchObject({ yes: truth.F.yes, applicable: truth.F.applicable });
      } else expect(q.verdict).toMatchObject({ code: 'too_small', text: 'Underlaget är för litet för att dra slutsatser.' });
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('writes a share into every area of the memo and the overall shares into Bilaga 1', async () => {
    const report = await core.call('report.get', { reviewId });
    const text = JSON.stringify(report.draft);
    expect(text).not.toContain('Underlaget är för litet för att redovisa en sammanlagd andel');
    for (const area of published.areas) {
      const percent = `${Math.round(area.share!.total.percent!)}\u00a0%`;
      const section = report.draft.sections.find((s) => s.kind === 'area' && s.areaId === area.areaId)!;
      expect(JSON.stringify(section.blocks), area.name).toContain(percent);
    }
    const bilaga = await core.call('report.export', { reviewId, document: 'bilaga1' });
    const paragraphs = await docxParagraphs(Buffer.from(bilaga.contentBase64, 'base64'));
    for (const q of shareQuestions().filter((s) => s.share!.total.percent !== null)) {
      expect(paragraphs.some((p) => p.startsWith('Andel ja:') && p.includes(`totalt ${Math.round(q.share!.total.percent!)}\u00a0% (n = ${q.share!.total.applicable})`)), `fråga ${q.number}`).toBe(true);
    }
  });

  it('gives the attacker nothing: the audit over the complete set finds 0 disclosed cells', async () => {
    const audit = await core.call('results.audit', { reviewId });
    expect(audit.published).toBeGreaterThan(500);
    expect(audit.hidden).toBeGreaterThan(0);
    expect(audit.disclosed).toEqual([]);
  });
});

describe('the issue\u2019s repros no longer work', () => {
  it('a unit filter, an age-band split and a threshold per export are refused for the published view', async () => {
    expect((await core.fails('results.get', { reviewId, published: true, filters: [{ field: 'unit', value: 'Stadsdel Söder' }] })).code).toBe('VALIDATION');
    expect((await core.fails('results.get', { reviewId, published: true, by: 'ageBand' })).code).toBe('VALIDATION');
    expect((await core.fails('results.export', { reviewId, format: 'json', published: true, threshold: 3 })).code).toBe('VALIDATION');
  });

  it('the files of unknown sex answer in no published figure: each of their counts stays open from 0', async () => {
    const set = publicationSetOf(core.db, reviewId);
    const unknown = set.audit.hidden.filter((h) => /^question\.[^.]+\.U\.yes$/.test(h.id));
    expect(unknown).toHaveLength(shareQuestions().length);
    const solver = await loadSolver();
    const session = solver.open(set.audit.system, unknown.map((h) => h.cells));
    try {
      unknown.forEach((_, i) => expect(Math.round(session.min(i))).toBe(0));
    } finally {
      session.close();
    }
  });

  it('the audit is not vacuous: publishing the total over every file as well gives the unknown group away, and it says which', async () => {
    const set = publicationSetOf(core.db, reviewId);
    const q = shareQuestions()[0];
    const truth = internal.questions.find((i) => i.questionId === q.questionId)!.share!;
    const cellOf = (sex: string) => set.audit.hidden.find((h) => h.id === `question.${q.questionId}.${sex}.yes`)!;
    // Girls' and boys' yes are printed; one more row, the yes over all files, is the old view's total.
    const coveredYes = set.audit.system.rows.find((r) => r.source === `fråga ${q.number}, totalt, ja`)!;
    const allYes = { terms: [...coveredYes.terms, ...cellOf('U').cells.map((variable) => ({ variable, coefficient: 1 }))], lower: truth.total.yes, upper: truth.total.yes, source: 'ja i alla akter' };
    const leaky: LinearSystem = { ...set.audit.system, rows: [...set.audit.system.rows, allYes] };
    const report = auditSystem(leaky, set.audit.printed + 1, set.audit.hidden, set.results.threshold, await loadSolver());
    expect(report.disclosed).toContainEqual(expect.objectContaining({ id: `question.${q.questionId}.U.yes`, interval: { min: truth.U.yes, max: truth.U.yes }, reason: 'single-value' }));
    // What every published way out calls: such a set is refused in Swedish, naming the cell.
    const refused = await requireUndisclosed({ ...set, audit: { ...set.audit, system: leaky } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect((refused as Error).message).toMatch(/^Exporten stoppades: de publicerade talen tillsammans avslöjar/);
    expect((refused as Error).message).toContain(`Fråga ${q.number}, okänt kön, ja (= ${truth.U.yes})`);
  });
});

describe('many random reviews', () => {
  it('the publication set is safe on every one: small units, few girls, a handful of files of unknown sex', async () => {
    const shapes: { shape: ReviewShape; units: string[] }[] = [];
    for (let i = 0; i < 10; i++) {
      const perUnit = [12, 3 + ((i * 7) % 10), 1 + ((i * 5) % 4), 12].slice(0, 2 + (i % 3));
      const total = perUnit.reduce((a, b) => a + b, 0);
      const U = i % 4;
      const F = Math.max(0, Math.min(total - U, [2, 4, 6, 9, 12][i % 5]));
      shapes.push({ shape: { perUnit, sexes: { F, M: total - U - F, U }, notApplicable: 0.1 + 0.05 * (i % 3) }, units: perUnit.map((_, u) => REFERENCE_003_UNITS[u] ?? `Enhet ${u + 1}`) });
    }
    for (const [i, { shape, units }] of shapes.entries()) {
      const id = await importReview(core, `slump-${i}`, shape, units);
      const audit = await core.call('results.audit', { reviewId: id });
      expect(audit.disclosed, `granskning ${i}: ${JSON.stringify(shape)} ${JSON.stringify(audit.disclosed)}`).toEqual([]);
    }
  }, 120_000);
});
