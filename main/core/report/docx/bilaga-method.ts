import { Paragraph, TextRun, type Table } from 'docx';
import { DROPOUT_LABELS, DROPOUT_REASONS, type SampleRecord } from '../../../../shared/contract/sampling';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { DEFAULT_MIN_SHARE_DENOMINATOR } from '../../../../shared/disclosure/share';
import { akter, countOf } from '../../../../shared/util/plural-sv';
import { formatNumber } from '../../../../shared/util/format-sv';
import { listParagraphs, type ListCounter } from './blocks';
import { heading } from './sections';
import { docxTable } from './tables';
import { dateInWords } from './text';

/**
 * Bilaga 1, "Metod": the review model (the template's quality areas), the units and the period,
 * the sample and its dropouts from the sampling log (or every file, without a sample), the
 * template by name and version, and how the published figures protect individuals.
 */

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const runs = (text: string) => [{ type: 'text' as const, text }];

/** "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function model(input: ReportRenderInput, lists: ListCounter): (Paragraph | Table)[] {
  const areas = input.template.areas;
  return [
    heading('Granskningsmodell'),
    para(
      'Granskningen bygger på lagstiftningens bestämmelser om god kvalitet inom socialtjänsten och på de kvalitetsområden som ' +
        `Socialstyrelsen och Sveriges Kommuner och Regioner (SKR) utformade 2010. Granskningsmallen har ${countOf(areas.length, 'kvalitetsområde', 'kvalitetsområden')}:`,
    ),
    ...listParagraphs(
      areas.map((a) => runs(a.description ? `${a.name} – ${a.description.trim()}` : a.name)),
      'bullets',
      lists,
    ),
  ];
}

function unitsAndPeriod(input: ReportRenderInput): Paragraph[] {
  const { review } = input;
  const units = review.units.filter((u) => u.trim() !== '');
  const from = dateInWords(review.periodFrom);
  const to = dateInWords(review.periodTo);
  const period =
    from && to ? `Granskningen avser perioden från ${from} till ${to}.`
    : from ? `Granskningen avser tiden från ${from}.`
    : to ? `Granskningen avser tiden till ${to}.`
    : 'Granskningsperioden är inte angiven.';
  const reference = dateInWords(review.referenceDate);
  return [
    heading('Granskade enheter och period'),
    para(units.length ? `Granskningen omfattar ${units.length === 1 ? 'enheten' : 'enheterna'} ${joinSv(units)}.` : 'Inga enheter är angivna.'),
    para(reference ? `${period} ${input.template.targetGroup === 'barn' ? 'Barnens ålder' : 'Åldern'} räknas ${reference}.` : period),
  ];
}

function methodSentence(sample: SampleRecord): string {
  switch (sample.method.kind) {
    case 'per-unit':
      return `Ur varje enhets akter drogs ett slumpmässigt urval om ${akter(sample.method.n)} (stratifierat urval per enhet).`;
    case 'total':
      return `Ett slumpmässigt urval om totalt ${akter(sample.method.n)} drogs, fördelat på enheterna i proportion till deras antal akter.`;
    case 'all':
      return 'Alla akter i ramen ingår (totalurval); urvalsordningen är ändå slumpad och sparad.';
  }
}

function sampleTable(sample: SampleRecord, units: readonly string[]): Table {
  const names = [...new Set([...units, ...Object.keys(sample.frame), ...sample.cases.map((c) => c.unit)])];
  const count = (unit: string | null, status: SampleRecord['cases'][number]['status']) => sample.cases.filter((c) => (unit === null || c.unit === unit) && c.status === status).length;
  const row = (label: string, unit: string | null) => {
    const frame = unit === null ? Object.values(sample.frame).reduce((a, b) => a + b, 0) : (sample.frame[unit] ?? 0);
    const selected = count(unit, 'selected');
    const replacement = count(unit, 'replacement');
    const dropped = count(unit, 'dropped');
    return [label, formatNumber(frame), formatNumber(selected + dropped), formatNumber(dropped), formatNumber(replacement), formatNumber(selected + replacement)];
  };
  return docxTable({
    headers: ['Enhet', 'Akter i ramen', 'Dragna', 'Bortfall', 'Ersättare', 'Granskade'],
    widths: [32, 14, 12, 12, 14, 16],
    numeric: [1, 2, 3, 4, 5],
    rows: [...names.map((u) => row(u, u)), row('Totalt', null)],
  });
}

function dropoutText(sample: SampleRecord): string {
  const dropped = sample.cases.filter((c) => c.status === 'dropped');
  if (dropped.length === 0) return 'Inget bortfall: alla dragna akter kunde granskas.';
  const reasons = DROPOUT_REASONS.map((r) => [DROPOUT_LABELS[r], dropped.filter((c) => c.dropoutReason === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label.toLowerCase()}: ${formatNumber(n)}`);
  const unknown = dropped.filter((c) => c.dropoutReason === null).length;
  if (unknown) reasons.push(`skäl inte angivet: ${formatNumber(unknown)}`);
  const replaced = sample.cases.filter((c) => c.status === 'replacement').length;
  const unreplaced = Math.max(0, dropped.length - replaced);
  return (
    `Bortfall: ${akter(dropped.length)} (${reasons.join('; ')}). ` +
    'Varje bortfall ersattes med nästa akt i enhetens slumpade ordning' +
    (unreplaced ? `; ${akter(unreplaced)} kunde inte ersättas eftersom enhetens ram tog slut.` : '.')
  );
}

function sampling(input: ReportRenderInput): (Paragraph | Table)[] {
  const { sample, review } = input;
  if (!sample) {
    return [heading('Urval och bortfall'), para(`Inget urval har dragits: alla akter i granskningen ingår (${akter(review.caseCount)}).`)];
  }
  const drawn = dateInWords(sample.drawnAt.slice(0, 10));
  return [
    heading('Urval och bortfall'),
    para(methodSentence(sample)),
    para(`Urvalet drogs${drawn ? ` ${drawn}` : ''} med fröet "${sample.seed}"; samma ram och frö ger alltid samma urval, så urvalet kan återskapas och kontrolleras.`),
    sampleTable(sample, review.units),
    para(dropoutText(sample)),
  ];
}

function templateAndRules(input: ReportRenderInput): Paragraph[] {
  const { template, results } = input;
  const scales = Object.values(template.scales).map((steps) =>
    steps.map((s) => (s.applicable === false ? `${s.label} (räknas inte i andelen)` : s.label)).join(', '),
  );
  return [
    heading('Granskningsmall'),
    para(`Akterna granskades med mallen "${template.name}", version ${formatNumber(template.version)}, med ${countOf(template.questions.length, 'fråga', 'frågor')} (se bilagan Granskningsfrågor).`),
    ...(scales.length ? [para(`Svarsskala: ${scales.join('; ')}.`)] : []),
    heading('Redovisning och skydd för enskilda'),
    para(
      'Resultaten redovisas uppdelat på kön. Andelen ja räknas bland de akter där frågan var tillämplig. ' +
        `För att ingen enskild ska kunna identifieras redovisas en grupp med färre än ${formatNumber(results.threshold)} akter inte per fråga eller område, ` +
        `och inget av de redovisade talen gör det möjligt att räkna fram en sådan grupps svar; det har prövats för alla tal i rapporten tillsammans innan den skrevs. ` +
        `Andelar visas bara där minst ${DEFAULT_MIN_SHARE_DENOMINATOR} svar är tillämpliga.`,
    ),
    ...results.publication.notes.slice(0, 1).map((note) => para(note)),
  ];
}

export function methodChapter(input: ReportRenderInput, lists: ListCounter): (Paragraph | Table)[] {
  return [...model(input, lists), ...unitsAndPeriod(input), ...sampling(input), ...templateAndRules(input)];
}
