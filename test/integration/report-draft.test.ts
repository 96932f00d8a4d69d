import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportDraftSchema } from '../../shared/contract/report-model';
import { defaultDraft } from '../../shared/report/generate';
import { DEFAULT_REPORT_SETTINGS } from '../../shared/report/settings';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

/**
 * Issue 9: the first draft of the memo is written from the review's published results, in the
 * order of reference 003, and passes the draft's own schema (every text guarded).
 */

const b64 = (text: string) => Buffer.from(text).toString('base64');
let core: TestCore;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

async function draftFor(rows: string, answers: (ref: string) => string | null) {
  await core.call('templates.import', { document: miniTemplate({ id: 'utkast', name: 'Öppenvård barn 0–12 år' }) });
  const { id: reviewId } = await core.call('reviews.create', { templateId: 'utkast', title: 'Öppenvård barn 0-12 år', dnr: 'SOF 2024/543', referenceDate: '2024-12-31', units: ['Kungsholmen', 'Skarpnäck'] });
  await core.call('cases.import', { reviewId, contentBase64: b64(rows) });
  const cases = (await core.call('cases.list', { reviewId, limit: 500 })).cases;
  for (const c of cases) {
    const value = answers(c.ref);
    if (value) await core.call('answers.save', { reviewId, caseId: c.id, questionId: 'T1', value });
  }
  const review = await core.call('reviews.get', { reviewId });
  const template = (await core.call('templates.get', { id: 'utkast' })).template;
  const results = await core.call('results.get', { reviewId, published: true });
  if (results.view !== 'published') throw new Error('expected the published view');
  return defaultDraft({ review, template, results, sample: null, settings: DEFAULT_REPORT_SETTINGS, officers: [{ name: 'Karin Lind', phone: '08-50825262' }], earlier: [{ title: 'Förhandsbedömningar Barn 0-12 år', subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning', year: '2024' }] });
}

const textOf = (draft: ReturnType<typeof defaultDraft>) => JSON.stringify(draft);

describe('defaultDraft', () => {
  it('writes every section of the memo in order from the published figures, and passes its schema', async () => {
    // 40 girls and 40 boys: girls ja 30 of 40, boys ja 12 of 40 — a difference the test carries.
    const rows = ['akt;enhet;kön;ålder', ...Array.from({ length: 80 }, (_, i) => `A${i + 1};${i % 2 ? 'Kungsholmen' : 'Skarpnäck'};${i < 40 ? 'flicka' : 'pojke'};8`)].join('\n');
    const draft = await draftFor(rows, (ref) => (Number(ref.slice(1)) <= 30 || (Number(ref.slice(1)) > 40 && Number(ref.slice(1)) <= 52) ? 'ja' : 'nej'));
    expect(ReportDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.header).toMatchObject({ to: 'Socialnämnden', dnr: 'SOF 2024/543', title: 'Öppenvård barn 0-12 år', subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning', officers: [{ name: 'Karin Lind', phone: '08-50825262' }] });
    expect(draft.proposals).toEqual([
      'Socialnämnden godkänner socialtjänstinspektörernas rapport.',
      'Socialnämnden överlämnar rapporten till berörda stadsdelsnämnder.',
      'Socialnämnden överlämnar rapporten till övriga stadsdelsnämnder för kännedom.',
    ]);
    expect(draft.sections.map((s) => s.kind)).toEqual(['sammanfattning', 'bakgrund', 'arendet', 'likstallighet', 'area', 'area', 'area', 'area', 'area', 'jamstalldhet', 'slutsatser', 'barnratt', 'beredning', 'synpunkter', 'signatures']);
    expect(draft.bilaga1!.sections.map((s) => s.kind)).toEqual(['sammanfattning', 'inledning', 'metod', 'resultat', 'likstallighet', 'jamstalldhet', 'slutsatser', 'slutord']);
    expect(draft.sections.find((s) => s.kind === 'barnratt')!.enabled).toBe(false);
    const text = textOf(draft);
    expect(text).toContain('Granskningen avser öppenvård barn 0–12 år vid Kungsholmen och Skarpnäck. Sammanlagt omfattades 80 akter.');
    expect(text).toContain('Förvaltningen föreslår att socialnämnden godkänner denna kvalitetsgranskning.');
    expect(text).toContain('Socialförvaltningen (2024) Förhandsbedömningar Barn 0-12 år - Socialtjänstinspektörernas kvalitetsgranskning');
    expect(text).toContain('Sammantaget var svaret ja i 53\u00a0% av de tillämpliga svaren på områdets enda fråga.');
    // The units compared on published figures only: every unit's share of the one scored area.
    expect(draft.sections.find((s) => s.kind === 'likstallighet')!.blocks).toContainEqual({ type: 'unitTable' });
    expect(text).toMatch(/Socialtjänstinspektörerna rekommenderar att/);
    expect(text).toContain('Underlaget omfattar 80 akter: 40 flickor, 40 pojkar.');
    expect(text).toContain('Andelen ja är högre för flickor (75\u00a0%) än för pojkar (30\u00a0%)');
    expect(text).not.toMatch(/null|undefined|NaN/);
  });

  it('gives the basis as it is, and writes no share the publication set withholds', async () => {
    const rows = 'akt;enhet;kön;ålder\nB1;Kungsholmen;flicka;8\nB2;Kungsholmen;pojke;8\nB3;Skarpnäck;pojke;8\n';
    const draft = await draftFor(rows, () => 'ja');
    const text = textOf(draft);
    expect(text).toContain('Underlaget omfattar 3 akter: 1 flicka, 2 pojkar.');
    expect(text).toContain('Underlaget är för litet för att redovisa en sammanlagd andel ja för området.');
    expect(text).not.toMatch(/\d+\u00a0%/);
    expect(ReportDraftSchema.safeParse(draft).success).toBe(true);
  });
});

describe('report.get: the first draft cites earlier reviews on the same template', () => {
  it('names the earlier review in Bakgrund’s footnote, and nothing for the first review', async () => {
    await core.call('templates.import', { document: miniTemplate({ id: 'utkast', name: 'Öppenvård barn 0–12 år' }) });
    const create = (title: string, periodTo: string) =>
      core.call('reviews.create', { templateId: 'utkast', title, subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning', periodFrom: `${periodTo.slice(0, 4)}-01-01`, periodTo, referenceDate: periodTo, units: ['Norr'] });
    const first = await create('Förhandsbedömningar Barn 0-12 år', '2023-12-31');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await create('Öppenvård barn 0-12 år', '2024-12-31');
    const footnotes = (draft: { sections: { kind: string; blocks: unknown[] }[] }) => JSON.stringify(draft.sections.find((s) => s.kind === 'bakgrund')!.blocks);
    expect(footnotes((await core.call('report.get', { reviewId: second.id })).draft)).toContain('Socialförvaltningen (2023) Förhandsbedömningar Barn 0-12 år - Socialtjänstinspektörernas kvalitetsgranskning');
    expect(footnotes((await core.call('report.get', { reviewId: first.id })).draft)).not.toContain('footnote');
  });
});
