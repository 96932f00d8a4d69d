import type { Block, Inline, ReportDraft, Section } from '../contract/report-model';
import type { PublishedResults } from '../contract/results';
import type { Review } from '../contract/reviews';
import type { SampleRecord } from '../contract/sampling';
import { testedCount } from '../results/verdicts';
import { formatPercent } from '../stats/format-stats';
import { belowLevel } from '../stats/verdict';
import type { Template } from '../templates/schema';
import { formatNumber } from '../util/format-sv';
import { listSv, midSentence } from '../util/list-sv';
import { countOf } from '../util/plural-sv';
import type { DialogueMaterial, FindingMaterial, ScoringProgressMaterial } from './material';
import type { ReportSettings } from './settings';

/**
 * The first draft of a review's tjänsteutlåtande, written from its own data in the order and
 * wording of reference 003 (DOMAIN.md §3). Every figure comes from the PUBLISHED results, so the
 * draft can say nothing the published tables hide. The writer edits everything afterwards; the
 * generated text is a start, not a conclusion (the verdicts' sentences are the statistics' own).
 */

export interface EarlierReport {
  title: string;
  subtitle: string | null;
  /** The year it was published, "2024". */
  year: string;
}

export interface DraftInput {
  review: Review;
  template: Template;
  results: PublishedResults;
  sample: SampleRecord | null;
  settings: ReportSettings;
  officers: readonly { name: string; phone?: string }[];
  /** Earlier reviews to cite in Bakgrund's footnote (reference 003 cites two). */
  earlier?: readonly EarlierReport[];
  /** Notes marked as findings while reading, in template order then unit and file. */
  findings?: readonly FindingMaterial[];
  /** Dialogue meetings with the units, by unit then date. */
  dialogue?: readonly DialogueMaterial[];
  progress?: ScoringProgressMaterial;
}

export const DEFAULT_SUBTITLE = 'Socialtjänstinspektörernas kvalitetsgranskning';

const run = (text: string): Inline => ({ type: 'text', text });
const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });
const section = (id: string, kind: Section['kind'], title: string, blocks: Block[], extra: Partial<Section> = {}): Section => ({ id, kind, title, enabled: true, blocks, ...extra });

const GROUP_WORDS = { barn: { F: 'flickor', M: 'pojkar' }, vuxna: { F: 'kvinnor', M: 'män' } } as const;
const ONE_WORDS = { barn: { F: 'flicka', M: 'pojke' }, vuxna: { F: 'kvinna', M: 'man' } } as const;

/** "45 %", or null where the published view withholds it. */
const shownPercent = (percent: number | null): string | null => (percent === null ? null : formatPercent(percent / 100));

export function defaultDraft(input: DraftInput): ReportDraft {
  const { review, template, settings } = input;
  const board = settings.board;
  return {
    header: {
      officers: input.officers.map((o) => ({ name: o.name, ...(o.phone ? { phone: o.phone } : {}) })),
      to: board,
      date: '',
      dnr: review.dnr ?? '',
      title: review.title,
      subtitle: review.subtitle ?? DEFAULT_SUBTITLE,
      administration: settings.administration,
      department: settings.department,
      font: settings.font,
    },
    proposals: [
      `${board} godkänner socialtjänstinspektörernas rapport.`,
      `${board} överlämnar rapporten till berörda stadsdelsnämnder.`,
      `${board} överlämnar rapporten till övriga stadsdelsnämnder för kännedom.`,
    ],
    sections: [
      section('sammanfattning', 'sammanfattning', 'Sammanfattning', summaryBlocks(input)),
      section('bakgrund', 'bakgrund', 'Bakgrund', backgroundBlocks(input)),
      section('arendet', 'arendet', 'Ärendet', [paragraph(run('Nedan följer en analys av granskningsresultatet utifrån de kvalitetsområden SKR och Socialstyrelsen tagit fram samt en jämställdhetsanalys.'))]),
      ...template.areas
        .filter((area) => template.questions.some((q) => q.area === area.id))
        .map((area) => section(`omrade-${area.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-'), 'area', area.name, areaBlocks(input, area.id), { areaId: area.id })),
      section('jamstalldhet', 'jamstalldhet', 'Jämställdhetsanalys', genderBlocks(input)),
      section('barnratt', 'barnratt', 'Barnrättsperspektiv', [], { enabled: false }),
      section('beredning', 'beredning', 'Ärendets beredning', [
        paragraph(run(`Ärendet har beretts inom ${midSentence(settings.department)}. Förvaltningsgruppen har behandlat ärendet den … . Funktionshinderrådet har haft möjlighet att behandla ärendet den … .`)),
      ]),
      section('synpunkter', 'synpunkter', 'Förvaltningens synpunkter och förslag', [
        paragraph(run(`Förvaltningen föreslår att ${midSentence(board)} godkänner socialtjänstinspektörernas rapport och överlämnar den till berörda stadsdelsnämnder samt till övriga stadsdelsnämnder för kännedom.`)),
      ]),
      section('underskrifter', 'signatures', 'Underskrifter', []),
    ],
    signatures: [],
  };
}

function summaryBlocks({ review, results, template, settings }: DraftInput): Block[] {
  const units = review.units.length > 0 ? ` vid ${listSv(review.units)}` : '';
  const files = results.basis.files;
  const extent = files === null ? '' : ` Sammanlagt omfattades ${countOf(files, 'akt', 'akter')}.`;
  return [
    paragraph(run(`Granskningen avser ${midSentence(template.name)}${units}.${extent}`)),
    paragraph(run(`Förvaltningen föreslår att ${midSentence(settings.board)} godkänner denna kvalitetsgranskning.`)),
  ];
}

function backgroundBlocks({ template, earlier, settings }: DraftInput): Block[] {
  const citations = (earlier ?? []).map((e) => `${settings.administration} (${e.year}) ${e.title}${e.subtitle ? ` - ${e.subtitle}` : ''}`);
  const lead: Inline[] = [run('Granskningsarbetet planeras utifrån en granskningsmodell som dels bygger på lagstiftningens bestämmelser om god kvalitet inom socialtjänsten och dels på de kvalitetsområden som 2010 utformats av Socialstyrelsen och Sveriges Kommuner och Regioner (SKR):')];
  const blocks: Block[] = [];
  if (citations.length > 0) {
    blocks.push(paragraph(run('Granskningen följer upp tidigare genomförda kvalitetsgranskningar.'), { type: 'footnote', text: citations.join('\n') }));
  }
  blocks.push(paragraph(...lead), { type: 'bullets', items: template.areas.map((a) => [run(a.name)]) });
  return blocks;
}

function areaBlocks({ template, results }: DraftInput, areaId: string): Block[] {
  const area = results.areas.find((a) => a.areaId === areaId);
  const questions = results.questions.filter((q) => q.areaId === areaId && q.share !== null);
  if (!area?.share || questions.length === 0) {
    return [paragraph(run('Området redovisas i bilaga 1.'))];
  }
  const percent = shownPercent(area.share.total.percent);
  const lines: string[] = [
    percent === null
      ? `Inom området bedömdes ${countOf(questions.length, 'fråga', 'frågor')}. Underlaget är för litet för att redovisa en sammanlagd andel.`
      : `Inom området bedömdes ${countOf(questions.length, 'fråga', 'frågor')}. Sammantaget var svaret ja i ${percent} av de tillämpliga svaren.`,
  ];
  const shown = questions.filter((q) => q.share!.total.percent !== null).sort((a, b) => b.share!.total.percent! - a.share!.total.percent! || a.number - b.number);
  if (shown.length >= 2) {
    const text = (n: number) => template.questions[n - 1]?.text ?? '';
    const [high, low] = [shown[0], shown[shown.length - 1]];
    lines.push(
      `Högst andel ja hade fråga ${high.number} (${text(high.number)}), ${shownPercent(high.share!.total.percent)}, och lägst fråga ${low.number} (${text(low.number)}), ${shownPercent(low.share!.total.percent)}.`,
    );
  }
  return [paragraph(run(lines.join(' ')))];
}

function genderBlocks({ results, template }: DraftInput): Block[] {
  const words = GROUP_WORDS[results.targetGroup];
  const one = ONE_WORDS[results.targetGroup];
  const few = `färre än ${formatNumber(results.threshold)}`;
  const count = (n: number | null) => (n === null ? few : formatNumber(n));
  const group = (sex: 'F' | 'M', n: number | null) => `${count(n)} ${n === 1 ? one[sex] : words[sex]}`;
  const { bySex, files } = results.basis;
  const unknown = bySex.U === 0 ? '' : ` och ${count(bySex.U)} med okänt kön`;
  const blocks: Block[] = [
    paragraph(run(`Resultatet för varje fråga har analyserats utifrån kön. Underlaget omfattar ${files === null ? few : formatNumber(files)} akter: ${group('F', bySex.F)}, ${group('M', bySex.M)}${unknown}.`)),
  ];
  const withVerdict = results.questions.filter((q) => q.verdict !== null);
  const differences = withVerdict.filter((q) => q.verdict!.code === 'difference');
  if (differences.length > 0) {
    blocks.push(paragraph(run('Skillnader som är statistiskt säkerställda:')));
    blocks.push({ type: 'bullets', items: differences.map((q) => [run(`Fråga ${q.number} (${template.questions[q.number - 1]?.text ?? q.questionId}): ${q.verdict!.text}`)]) });
  }
  const tested = testedCount(results.questions);
  if (differences.length > 0 && tested > 1) {
    const remaining = differences.filter((q) => q.verdict!.pAdjusted !== null && belowLevel(q.verdict!.pAdjusted));
    const kept = remaining.length === 0 ? 'ingen av skillnaderna kvarstår' : remaining.length === differences.length ? 'alla skillnaderna kvarstår' : `${countOf(remaining.length, 'skillnad', 'skillnader')} kvarstår`;
    blocks.push(paragraph(run(`Eftersom ${countOf(tested, 'fråga', 'frågor')} prövades samtidigt har p-värdena också justerats för flera jämförelser med Holms metod: ${kept}.`)));
  }
  const none = withVerdict.filter((q) => q.verdict!.code === 'no_difference').length;
  const small = withVerdict.filter((q) => q.verdict!.code === 'too_small').length;
  const alike = withVerdict.filter((q) => q.verdict!.code === 'no_variation').length;
  const parts = [
    ...(none > 0 ? [`för ${countOf(none, 'fråga', 'frågor')} kan ingen skillnad mellan ${words.F} och ${words.M} påvisas`] : []),
    ...(alike > 0 ? [`för ${countOf(alike, 'fråga', 'frågor')} var alla tillämpliga svar ja (eller inget), så där finns ingen skillnad att pröva`] : []),
    ...(small > 0 ? [`för ${countOf(small, 'fråga', 'frågor')} är underlaget för litet för att dra slutsatser`] : []),
  ];
  if (parts.length > 0) blocks.push(paragraph(run(`${capitalise(listSv(parts))}.`)));
  blocks.push(
    paragraph(
      run(
        `Andelar redovisas bara där minst tio svar är tillämpliga, och en grupp med färre än ${formatNumber(results.threshold)} akter redovisas inte per fråga. Med ett litet urval kan en skillnad mellan ${words.F} och ${words.M} bero på slumpen; jämförelsen prövas därför med Fishers exakta test och redovisas i bilaga 1.`,
      ),
    ),
  );
  return blocks;
}

const capitalise = (text: string): string => (text.length === 0 ? text : text[0].toLocaleUpperCase('sv-SE') + text.slice(1));
