import fs from 'node:fs';
import path from 'node:path';
import type { Block, Inline, ReportDraft, Section } from '../../shared/contract/report-model';
import type { Review } from '../../shared/contract/reviews';
import type { Approval, ReportRenderInput, ReportStatus } from '../../shared/report/render-input';
import type { Question, Template } from '../../shared/templates/schema';
import { testCore, type TestCore } from './core';

/**
 * A realistic ReportRenderInput built through a real core, as the export will build it: the
 * bundled öppenvård template imported under its own id, a review with a Dnr over three units
 * (reference 003: 36 files, three districts), a seeded sample per unit with one dropout and its
 * replacement, answers for every sampled file, and the PUBLISHED results, the sampling log and the
 * review read back through the API. The draft is written by hand with every section kind, a
 * footnote, bold text, a bullet list, a numbered list and result table and chart blocks.
 * No personal identity numbers: the case list has sex and age only.
 */

export const FIXTURE_TEMPLATE_ID = 'rapport-oppenvard-barn';
export const FIXTURE_DNR = 'SOF 2024/543';
export const FIXTURE_UNITS = ['Hässelby-Vällingby', 'Kungsholmen', 'Skarpnäck'];
export const FOOTNOTE_TEXT = 'Socialförvaltningen (2024) Förhandsbedömningar Barn 0-12 år - Socialtjänstinspektörernas kvalitetsgranskning';

export interface ReportFixtureOptions {
  /** Files imported per unit (default 15). */
  casesPerUnit?: number;
  /** Files drawn per unit; null = every file (method `all`). Default 12: 36 files as in reference 003. */
  samplePerUnit?: number | null;
  status?: ReportStatus;
  approvals?: Approval[];
}

export interface ReportFixture {
  core: TestCore;
  reviewId: string;
  input: ReportRenderInput;
  dispose(): void;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A fixed pseudo-random number in [0, 1) for file i and question k: the same data every run. */
function noise(i: number, k: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

/** Where a file stands among the scored files of its sex: what decides its ja/nej answers. */
interface Rank {
  sex: 'F' | 'M';
  rank: number;
  of: number;
}

/**
 * The answer of file i to question k, in the answers file's form; null = left unanswered.
 * Most ja/nej questions get a clean split per sex (every answer × sex cell 0 or at least 5, so the
 * share is published); every fourth scatters over the whole scale, so small cells are suppressed
 * and its shares print "–"; the second question differs clearly between girls and boys.
 */
function answerOf(template: Template, q: Question, i: number, k: number, who: Rank): string | null {
  const r = noise(i, k);
  const share = k === 1 ? (who.sex === 'F' ? 0.72 : 0.34) : 0.4 + 0.2 * noise(k, 999);
  const yes = who.rank < Math.round(share * who.of);
  switch (q.type) {
    case 'scale': {
      const steps = template.scales[q.scale].map((s) => s.id);
      if (k % 4 !== 3) return yes ? 'ja' : 'nej';
      return steps[Math.floor(r * steps.length)];
    }
    case 'choice': {
      const ids = q.options.map((o) => o.id);
      if (q.multiple) return r < 0.1 && ids.includes('ingen') ? 'ingen' : ids.filter((id, n) => id !== 'ingen' && noise(i * 31 + n, k) < 0.3).slice(0, 3).join('|') || ids[0];
      if (ids.includes('ja') && ids.includes('nej')) return yes ? 'ja' : 'nej';
      return ids[Math.floor(r * ids.length)];
    }
    case 'date':
      return new Date(Date.UTC(2024, 0, 1) + Math.floor(r * 300) * 86_400_000).toISOString().slice(0, 10);
    case 'number':
      return String(Math.floor(r * 20));
    case 'text':
      return null;
  }
}

const t = (text: string, extra: Partial<Extract<Inline, { type: 'text' }>> = {}): Inline => ({ type: 'text', text, ...extra });
const p = (...content: Inline[]): Block => ({ type: 'paragraph', content });
const section = (id: string, kind: Section['kind'], title: string, blocks: Block[], extra: Partial<Section> = {}): Section => ({ id, kind, title, enabled: true, blocks, ...extra });

/** The hand-written draft: reference 003's memo in the model, with every section kind. */
export function fixtureDraft(review: Review, template: Template): ReportDraft {
  const areas = template.areas;
  return {
    header: {
      officers: [
        { name: 'Johanna Lidman-Strauss', phone: '08-50825262' },
        { name: 'Anna Forsström', phone: '08-50825085' },
      ],
      to: 'Socialnämnden',
      date: '2025-01-21',
      dnr: review.dnr ?? '',
      title: 'Öppenvård barn 0–12 år',
      subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning',
      administration: 'Socialförvaltningen',
      department: 'Avdelningen för stöd och styrning',
      font: 'Times New Roman',
    },
    proposals: [
      'Socialnämnden godkänner socialtjänstinspektörernas rapport.',
      'Socialnämnden överlämnar rapporten till berörda stadsdelsnämnder.',
      'Socialnämnden överlämnar rapporten till övriga stadsdelsnämnder för kännedom.',
    ],
    sections: [
      section('sammanfattning', 'sammanfattning', 'Sammanfattning', [
        p(t(`Granskningen avser öppenvårdsinsatser gällande barn 0–12 år vid stadsdelsförvaltningarna ${FIXTURE_UNITS.join(', ').replace(/, ([^,]*)$/, ' och $1')}. Sammanlagt omfattades 36 insatsärenden.`)),
        p(t('Förvaltningen föreslår att socialnämnden '), t('godkänner', { bold: true }), t(' denna kvalitetsgranskning.')),
      ]),
      section('bakgrund', 'bakgrund', 'Bakgrund', [
        p(
          t('Det aktuella granskningstemat valdes för att komplettera tidigare genomförda kvalitetsgranskningar i syfte att följa '),
          t('barnets resa', { italic: true }),
          t(' i socialtjänsten.'),
          { type: 'footnote', text: FOOTNOTE_TEXT },
          t(' Granskningen bygger på de kvalitetsområden som Socialstyrelsen och SKR utformade 2010:'),
        ),
        { type: 'bullets', items: areas.map((a) => [t(a.name)]) },
      ]),
      section('arendet', 'arendet', 'Ärendet', [p(t('Nedan följer en analys av granskningsresultatet utifrån kvalitetsområdena samt en jämställdhetsanalys.'))]),
      ...areas.map((a, n) =>
        section(`area-${a.id}`, 'area', a.name, [
          p(t(`Iakttagelser inom området ${a.name.toLowerCase()}.`)),
          ...(n < 2 ? [{ type: 'resultTable', areaId: a.id } as Block, { type: 'resultChart', areaId: a.id } as Block] : []),
        ], { areaId: a.id }),
      ),
      section('jamstalldhet', 'jamstalldhet', 'Jämställdhetsanalys', [
        p(t('Resultaten på samtliga granskningsfrågor har analyserats uppdelat på kön för att hitta eventuella omotiverade skillnader mellan flickors och pojkars ärenden.')),
      ]),
      section('barnratt', 'barnratt', 'Barnrättsperspektiv', [p(t('Barnets röst behöver i högre utsträckning framträda i genomförandeplan och uppföljning.'))]),
      section('beredning', 'beredning', 'Ärendets beredning', [
        p(t('Ärendet har beretts inom avdelningen för stöd och styrning. Förvaltningsgruppen har behandlat ärendet den 15 januari 2025. Funktionshinderrådet har haft möjlighet att behandla ärendet den 16 januari 2025.')),
      ]),
      section('synpunkter', 'synpunkter', 'Förvaltningens synpunkter och förslag', [
        p(t('Förvaltningen föreslår att socialnämnden godkänner socialtjänstinspektörernas kvalitetsgranskning.')),
        { type: 'numbered', items: [[t('Rutin för avslutande anteckning.')], [t('Uppföljning av barns synpunkter.')]] },
      ]),
      section('uppfoljning', 'custom', 'Fortsatt arbete', [p(t('Granskningen följs upp under 2026.'))]),
      section('dolt', 'custom', 'Dolt avsnitt som inte ska synas', [p(t('Denna text ska inte synas.'))], { enabled: false }),
      section('underskrifter', 'signatures', 'Underskrifter', []),
    ],
    signatures: [
      { name: 'Veronica Wolgast Carstorp', title: 'Socialdirektör', administration: 'Socialförvaltningen' },
      { name: 'Lina Blombergsson', title: 'Avdelningschef', administration: 'Socialförvaltningen' },
    ],
  };
}

export async function buildReportFixture(options: ReportFixtureOptions = {}): Promise<ReportFixture> {
  const casesPerUnit = options.casesPerUnit ?? 15;
  const samplePerUnit = options.samplePerUnit === undefined ? 12 : options.samplePerUnit;
  const core = testCore();
  try {
    const bundled = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../templates/oppenvard-barn-0-12.json'), 'utf8')) as Template;
    await core.call('templates.import', { document: { ...bundled, id: FIXTURE_TEMPLATE_ID, version: 1 } });
    const template = (await core.call('templates.get', { id: FIXTURE_TEMPLATE_ID })).template;

    const { id: reviewId } = await core.call('reviews.create', {
      templateId: FIXTURE_TEMPLATE_ID,
      title: 'Öppenvård barn 0–12 år',
      subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning',
      dnr: FIXTURE_DNR,
      periodFrom: '2024-01-01',
      periodTo: '2024-10-31',
      referenceDate: '2024-12-31',
      units: FIXTURE_UNITS,
      inspectors: [{ name: 'Johanna Lidman-Strauss', phone: '08-50825262' }],
    });

    const lines = ['akt;enhet;kön;ålder'];
    const sexOf = new Map<string, 'F' | 'M'>();
    FIXTURE_UNITS.forEach((unit, u) => {
      for (let n = 0; n < casesPerUnit; n++) {
        const i = u * casesPerUnit + n;
        const ref = `2024-${String(i + 1).padStart(4, '0')}`;
        sexOf.set(ref, (i + u) % 2 === 0 ? 'F' : 'M');
        lines.push(`${ref};${unit};${sexOf.get(ref) === 'F' ? 'flicka' : 'pojke'};${Math.floor(noise(i, 500) * 13)}`);
      }
    });
    await core.call('cases.import', { reviewId, contentBase64: b64(lines.join('\n')) });

    await core.call('sampling.draw', { reviewId, method: samplePerUnit === null ? { kind: 'all' } : { kind: 'per-unit', n: samplePerUnit }, seed: 'rapport-2025' });
    let sample = await core.call('sampling.get', { reviewId });
    if (samplePerUnit !== null && samplePerUnit < casesPerUnit) {
      const first = sample!.cases.find((c) => c.status === 'selected')!;
      await core.call('sampling.dropout', { reviewId, caseId: first.caseId, reason: 'ej_framtagbar' });
      sample = await core.call('sampling.get', { reviewId });
    }
    const scored = sample!.cases.filter((c) => c.status === 'selected' || c.status === 'replacement');

    const ranks = new Map<string, Rank>();
    for (const sex of ['F', 'M'] as const) {
      const ofSex = scored.filter((c) => sexOf.get(c.ref) === sex);
      ofSex.forEach((c, rank) => ranks.set(c.ref, { sex, rank, of: ofSex.length }));
    }
    const rows = ['akt;fråga;svar;anteckning'];
    scored.forEach((c, i) =>
      template.questions.forEach((q, k) => {
        const value = answerOf(template, q, i, k, ranks.get(c.ref)!);
        // One answer goes through answers.save below, as the scoring screen saves it.
        if (value !== null && !(i === 0 && k === 0)) rows.push(`${c.ref};${q.id};${value};`);
      }),
    );
    await core.call('answers.import', { reviewId, contentBase64: b64(rows.join('\n')) });
    await core.call('answers.save', { reviewId, caseId: scored[0].caseId, questionId: template.questions[0].id, value: 'ja', note: 'Beslut finns i akten.' });
    for (const c of scored.slice(0, Math.min(scored.length, 40))) await core.call('cases.setDone', { reviewId, caseId: c.caseId, done: true });

    const results = await core.call('results.get', { reviewId, published: true });
    if (results.view !== 'published') throw new Error('expected the published view');
    const review = await core.call('reviews.get', { reviewId });
    const input: ReportRenderInput = {
      draft: fixtureDraft(review, template),
      status: options.status ?? 'utkast',
      review,
      template,
      results,
      sample,
      approvals: options.approvals ?? [],
      appendices: [
        { number: 1, title: 'Öppenvård barn 0–12 år – Socialtjänstinspektörernas kvalitetsgranskning, rapport' },
        { number: 2, title: 'Granskningsmall Öppenvård barn 0–12 år' },
      ],
      createdAt: '2025-01-21T09:00:00.000Z',
      author: 'Johanna Lidman-Strauss',
    };
    return { core, reviewId, input, dispose: () => core.dispose() };
  } catch (error) {
    core.dispose();
    throw error;
  }
}
