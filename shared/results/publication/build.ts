import type {
  InternalResults,
  Publication,
  PublishedCell,
  PublishedQuestionResult,
  PublishedResults,
  PublishedShareBySex,
  PublishedShareCounts,
  QuestionResult,
  ShareBySex,
  ShareCounts,
} from '../../contract/results';
import type { Distribution, PublishedDistribution, PublishedDistributionBySex } from '../../contract/results-parts';
import type { HiddenCell } from '../../disclosure/audit';
import type { CellSum, LinearSystem } from '../../disclosure/linear-system';
import { DEFAULT_MIN_SHARE_DENOMINATOR } from '../../disclosure/share';
import { AGE_BANDS } from '../../identity/age';
import type { Question, Template } from '../../templates/schema';
import { answerOrder, isCategorical, type Sex } from '../shape';
import { AttackerModel, type ShareKind } from './attacker-model';
import { mergeAgeBands, mergedBandLabel } from './age-bands';
import { publicationNotes } from './notes';
import { sexVerdict } from './verdict';
import { withHolm } from '../verdicts';

/**
 * The publication set of a review (docs/disclosure.md): the ONE place the published figures are
 * made. Every face that shows published figures — the screen's published view, xlsx, csv, json, the
 * memo and Bilaga 1 — gets them from here, and every figure printed here also becomes an equation
 * of the attacker's model that the audit solves before anything leaves.
 *
 * The set, fixed:
 * 1. The basis: files in all, done, by sex and by unit as they are; by age band with adjacent bands
 *    merged until none is small, what is still small hidden (with a partner).
 * 2. Per question, over the files of the sex groups the totals cover (girls and boys — women and
 *    men — with at least `threshold` files; never files of unknown sex): the answers, and the share
 *    `ja` among applicable answers overall and per covered sex, a share where at least 10 are
 *    applicable; the girls-vs-boys verdict where both shares are printed.
 * 3. Per quality area: the same pooled over its questions; and per unit, where the unit's covered
 *    files are not a small group (a small one is hidden together with a partner unit).
 * 4. Number questions and derived measures: n per covered sex and in all; mean, median and
 *    quartiles where n ≥ 10; never min or max.
 * Hidden for protection (the audit's cells): what is still small in the age bands, every figure of
 * a sex group outside the totals, per question every figure of a small unit, the units hidden per
 * area, and every small group the printed dimensions combine into (sex × unit, sex × age band,
 * unit × age band, a merged age band).
 */

export interface Stratum {
  readonly sex: Sex;
  readonly unit: string;
  readonly ageBand: string | null;
  readonly files: number;
}

export interface PublicationInput {
  readonly template: Template;
  /** The review's threshold: a group of 1..threshold−1 files is protected. */
  readonly threshold: number;
  /** Every counted file, by sex × unit × age band. */
  readonly strata: readonly Stratum[];
  /** Counted files marked done. */
  readonly done: number;
  /** The review's units in display order (a unit without files is printed with 0). */
  readonly units: readonly string[];
  /** Internal results over every counted file, not split: the truth of what the set does not print. */
  readonly all: InternalResults;
  /** Internal results over the covered sexes' files, split by unit. */
  readonly covered: InternalResults;
}

export interface PublicationAudit {
  readonly system: LinearSystem;
  /** Printed figures (counts and percentages). */
  readonly printed: number;
  readonly hidden: readonly HiddenCell[];
}

export interface PublicationSet {
  readonly results: PublishedResults;
  readonly audit: PublicationAudit;
}

const SEXES: readonly Sex[] = ['F', 'M', 'U'];
const SEX_WORDS: Record<Sex, string> = { F: 'flickor/kvinnor', M: 'pojkar/män', U: 'okänt kön' };

export function buildPublicationSet(input: PublicationInput): PublicationSet {
  const { template, threshold, strata } = input;
  const small = (n: number) => n >= 1 && n < threshold;
  const files = (match: (s: Stratum) => boolean) => strata.filter(match).reduce((sum, s) => sum + s.files, 0);
  const units = [...new Set([...input.units, ...strata.map((s) => s.unit)])];
  const bands: (string | null)[] = [...new Set<string | null>([...AGE_BANDS[template.targetGroup], ...strata.map((s) => s.ageBand), null])];
  const bySex = Object.fromEntries(SEXES.map((sex) => [sex, files((s) => s.sex === sex)])) as Record<Sex, number>;
  const covers: Sex[] = (['F', 'M'] as const).filter((sex) => bySex[sex] >= threshold);
  const coveredFilesOf = (unit: string) => files((s) => s.unit === unit && covers.includes(s.sex));

  const model = new AttackerModel(template, SEXES, units, bands);
  const hidden: HiddenCell[] = [];
  const hide = (id: string, label: string, cells: CellSum, value: number) => hidden.push({ id, label, cells, value });

  // 1. The basis.
  const basis = {
    files: model.print(files(() => true), model.size(SEXES, units), 'akter i alla'),
    done: input.done,
    bySex: { F: model.print(bySex.F, model.size(['F'], units), 'akter, F'), M: model.print(bySex.M, model.size(['M'], units), 'akter, M'), U: model.print(bySex.U, model.size(['U'], units), 'akter, U') },
  };
  const unitRows = units.map((unit) => ({ unit, files: model.print(files((s) => s.unit === unit), model.size(SEXES, [unit]), `akter, ${unit}`) }));
  const merged = mergeAgeBands(bands.map((band) => ({ band, files: files((s) => s.ageBand === band) })), threshold);
  const ageBands = merged.map((m) => {
    const label = mergedBandLabel(m.bands);
    const cells = model.size(SEXES, units, m.bands);
    if (m.hidden) hide(`basis.ageBand.${m.bands.join('+')}`, `Underlag, ${label}`, cells, m.files);
    return { label, bands: m.bands, files: m.hidden ? null : model.print(m.files, cells, `akter, ${label}`) };
  });
  hideSmallGroups(input, covers, units, bands, model, hide, small);

  // 2. Per question.
  const truthOf = new Map(input.all.questions.map((q) => [q.questionId, q]));
  const questions = withHolm(input.covered.questions.map((q): PublishedQuestionResult => {
    const question = template.questions.find((t) => t.id === q.questionId)!;
    const printShare = (counts: ShareCounts, sexes: readonly Sex[], unitList: readonly string[], where: string) => shareFigures(model, question, counts, sexes, unitList, where);
    const share: PublishedShareBySex | null = q.share && {
      total: printShare(q.share.total, covers, units, `fråga ${q.number}, totalt`),
      ...perSex(q.share, covers, (sex) => printShare(q.share![sex], [sex], units, `fråga ${q.number}, ${sex}`)),
    };
    if (q.share) {
      const truth = truthOf.get(q.questionId)!.share!;
      for (const sex of SEXES.filter((s) => !covers.includes(s) && bySex[s] > 0)) {
        hide(`question.${q.questionId}.${sex}.yes`, `Fråga ${q.number}, ${SEX_WORDS[sex]}, ja`, model.share(question, 'yes', [sex], units), truth[sex].yes);
        hide(`question.${q.questionId}.${sex}.applicable`, `Fråga ${q.number}, ${SEX_WORDS[sex]}, tillämpliga`, model.share(question, 'applicable', [sex], units), truth[sex].applicable);
      }
      for (const group of q.groups ?? []) {
        if (group.value === null || !small(coveredFilesOf(group.value)) || !group.share) continue;
        hide(`question.${q.questionId}.unit.${group.value}.yes`, `Fråga ${q.number}, ${group.label}, ja`, model.share(question, 'yes', covers, [group.value]), group.share.total.yes);
        hide(`question.${q.questionId}.unit.${group.value}.applicable`, `Fråga ${q.number}, ${group.label}, tillämpliga`, model.share(question, 'applicable', covers, [group.value]), group.share.total.applicable);
      }
    }
    const answeredCells = isCategorical(question) ? model.share(question, 'answered', covers, units) : model.valued('h', question.id, covers, units);
    return {
      questionId: q.questionId,
      number: q.number,
      areaId: q.areaId,
      type: q.type,
      answered: model.print(q.answered, answeredCells, `fråga ${q.number}, besvarade`),
      counts: answerCounts(model, template, question, q, covers, units),
      share,
      verdict: share ? sexVerdict(share, template.targetGroup) : null,
      groups: null,
      distribution: q.distribution && {
        ...(Object.fromEntries(SEXES.map((sex) => [sex, covers.includes(sex) ? printDistribution(model, q.distribution![sex], model.valued('h', question.id, [sex], units), `fråga ${q.number}, ${sex}, n`) : EMPTY_DISTRIBUTION])) as Record<Sex, PublishedDistribution>),
        total: printDistribution(model, q.distribution.total, model.valued('h', question.id, covers, units), `fråga ${q.number}, n`),
      },
    };
  }));

  // 3. Per area, and per area and unit.
  const areas = input.covered.areas.map((area) => {
    const inArea = template.questions.filter((q) => q.area === area.areaId && questions.find((p) => p.questionId === q.id)?.share);
    if (!area.share || inArea.length === 0) return { areaId: area.areaId, name: area.name, share: null };
    const pooled = (sexes: readonly Sex[]): PoolCells => ({ sexes, units, questions: inArea });
    return {
      areaId: area.areaId,
      name: area.name,
      share: {
        total: pooledFigures(model, area.share.total, pooled(covers), `${area.name}, totalt`),
        ...perSex(area.share, covers, (sex) => pooledFigures(model, area.share![sex], pooled([sex]), `${area.name}, ${sex}`)),
      },
    };
  });
  const areaUnits = areas.filter((a) => a.share).map((area) => {
    const inArea = template.questions.filter((q) => q.area === area.areaId && questions.find((p) => p.questionId === q.id)?.share);
    const perUnit = units.map((unit) => ({ unit, counts: poolUnit(input.covered, inArea, unit), files: coveredFilesOf(unit) }));
    const protectedUnits = new Set(perUnit.filter((u) => small(u.files)).map((u) => u.unit));
    const withheldUnits = perUnit.filter((u) => protectedUnits.has(u.unit) || (u.files > 0 && u.counts.applicable < DEFAULT_MIN_SHARE_DENOMINATOR));
    // One unit without figures would be the area's total minus the printed units.
    if (withheldUnits.length === 1 && protectedUnits.size === 1) {
      const partner = perUnit.filter((u) => !protectedUnits.has(u.unit) && u.files > 0).sort((a, b) => a.files - b.files)[0];
      if (partner) protectedUnits.add(partner.unit);
    }
    return {
      areaId: area.areaId,
      units: perUnit.map(({ unit, counts, files: n }) => {
        const cells = { sexes: covers, units: [unit], questions: inArea };
        if (protectedUnits.has(unit)) {
          hide(`area.${area.areaId}.unit.${unit}.yes`, `${area.name}, ${unit}, ja`, poolCells(model, cells, 'yes'), counts.yes);
          hide(`area.${area.areaId}.unit.${unit}.applicable`, `${area.name}, ${unit}, tillämpliga`, poolCells(model, cells, 'applicable'), counts.applicable);
          return { unit, share: withheld(small(n) ? 'group-not-published' : 'protects-other') };
        }
        if (counts.applicable < DEFAULT_MIN_SHARE_DENOMINATOR) return { unit, share: withheld('denominator-too-small') };
        return { unit, share: pooledFigures(model, counts, cells, `${area.name}, ${unit}`) };
      }),
    };
  });

  // 4. Derived measures.
  const derived = input.covered.derived.map((m) => ({
    id: m.id,
    kind: m.kind,
    label: m.label,
    from: m.from,
    to: m.to,
    unit: m.unit,
    excluded: model.print(m.excluded, model.valued('x', m.id, covers, units), `${m.label}, kan inte räknas`),
    bySex: {
      ...(Object.fromEntries(SEXES.map((sex) => [sex, covers.includes(sex) ? printDistribution(model, m.bySex[sex], model.valued('v', m.id, [sex], units), `${m.label}, ${sex}, n`) : EMPTY_DISTRIBUTION])) as Record<Sex, PublishedDistribution>),
      total: printDistribution(model, m.bySex.total, model.valued('v', m.id, covers, units), `${m.label}, n`),
    } as PublishedDistributionBySex,
    groups: null,
  }));

  const publication: Publication = {
    totalCovers: covers,
    units: unitRows,
    ageBands,
    areaUnits,
    notes: publicationNotes({ targetGroup: template.targetGroup, threshold, covers, bySex }),
  };
  const results: PublishedResults = {
    view: 'published',
    threshold,
    targetGroup: template.targetGroup,
    basis,
    publication,
    split: { filters: [], by: null, dimensions: [], groups: null },
    questions,
    areas,
    derived,
    comparison: null,
  };
  return { results, audit: { system: model.build(), printed: model.printed, hidden } };
}

/**
 * A share per sex as the set prints it: not at all for a group outside the totals, without figures
 * under 10 applicable answers, otherwise through `print` (which records its equations).
 */
function perSex(share: ShareBySex, covers: readonly Sex[], print: (sex: Sex) => PublishedShareCounts): Record<Sex, PublishedShareCounts> {
  return Object.fromEntries(
    SEXES.map((sex) => {
      if (!covers.includes(sex)) return [sex, withheld('group-not-published')];
      if (share[sex].applicable < DEFAULT_MIN_SHARE_DENOMINATOR) return [sex, withheld('denominator-too-small')];
      return [sex, print(sex)];
    }),
  ) as Record<Sex, PublishedShareCounts>;
}

const withheld = (reason: PublishedShareCounts['withheld']): PublishedShareCounts => ({ yes: null, applicable: null, other: null, notApplicable: null, percent: null, withheld: reason });

const EMPTY_DISTRIBUTION: PublishedDistribution = { n: null, mean: null, median: null, q1: null, q3: null, min: null, max: null };

/** Prints a share's counts, and its percentage where at least 10 answers are applicable. */
function shareFigures(model: AttackerModel, question: Question, counts: ShareCounts, sexes: readonly Sex[], units: readonly string[], where: string): PublishedShareCounts {
  const cells = (kind: ShareKind) => model.share(question, kind, sexes, units);
  return printedShare(model, counts, cells, where);
}

function printedShare(model: AttackerModel, counts: ShareCounts, cells: (kind: ShareKind) => CellSum, where: string): PublishedShareCounts {
  const shown = counts.applicable >= DEFAULT_MIN_SHARE_DENOMINATOR;
  return {
    yes: model.print(counts.yes, cells('yes'), `${where}, ja`),
    applicable: model.print(counts.applicable, cells('applicable'), `${where}, tillämpliga`),
    other: model.print(counts.other, cells('other'), `${where}, annat tillämpligt svar`),
    notApplicable: model.print(counts.notApplicable, cells('notApplicable'), `${where}, ej tillämpligt`),
    percent: shown ? model.printPercent((100 * counts.yes) / counts.applicable, cells('yes'), cells('applicable'), `${where}, andel ja`) : null,
    withheld: shown ? null : 'denominator-too-small',
  };
}

interface PoolCells {
  readonly sexes: readonly Sex[];
  readonly units: readonly string[];
  readonly questions: readonly Question[];
}

function poolCells(model: AttackerModel, pool: PoolCells, kind: ShareKind): CellSum {
  return pool.questions.flatMap((q) => model.share(q, kind, pool.sexes, pool.units));
}

function pooledFigures(model: AttackerModel, counts: ShareCounts, pool: PoolCells, where: string): PublishedShareCounts {
  return printedShare(model, counts, (kind) => poolCells(model, pool, kind), where);
}

/** A unit's answers pooled over an area's share questions (all covered sexes). */
function poolUnit(covered: InternalResults, questions: readonly Question[], unit: string): ShareCounts {
  const sum: ShareCounts = { yes: 0, applicable: 0, other: 0, notApplicable: 0 };
  for (const question of questions) {
    const group = covered.questions.find((q) => q.questionId === question.id)?.groups?.find((g) => g.value === unit);
    const counts = group?.share?.total;
    if (!counts) continue;
    sum.yes += counts.yes;
    sum.applicable += counts.applicable;
    sum.other += counts.other;
    sum.notApplicable += counts.notApplicable;
  }
  return sum;
}

/** The answer distribution over the covered files: every answer of the question, zeros included. */
function answerCounts(model: AttackerModel, template: Template, question: Question, q: QuestionResult, covers: readonly Sex[], units: readonly string[]): PublishedCell[] {
  const order = answerOrder(template, question);
  return order.map((answer) => {
    const count = q.counts.filter((c) => c.answer === answer).reduce((sum, c) => sum + c.count, 0);
    return { answer, sex: null, unit: null, ageBand: null, count: model.print(count, model.answer(question, answer, covers, units), `fråga ${q.number}, ${answer}`) };
  });
}

/** n as it is (the group is covered); mean, median and quartiles where n ≥ 10; never min or max. */
function printDistribution(model: AttackerModel, d: Distribution, cells: CellSum, where: string): PublishedDistribution {
  const enough = d.n >= DEFAULT_MIN_SHARE_DENOMINATOR;
  return { n: model.print(d.n, cells, where), mean: enough ? d.mean : null, median: enough ? d.median : null, q1: enough ? d.q1 : null, q3: enough ? d.q3 : null, min: null, max: null };
}

/**
 * Every group the printed dimensions combine into — an age band merged away, a covered sex × unit,
 * a covered sex × age band, unit × age band — that has 1..threshold−1 files is a hidden cell: it is
 * never printed, and the audit proves it cannot be worked out either. Left out: a sex group outside
 * the totals (its answers are in no figure, and its size is printed in the basis), and the parts of
 * a unit smaller than the threshold (the unit's size is the sample's design and printed; its own
 * answers are protected, so a part of it is no smaller a secret than the whole).
 */
function hideSmallGroups(
  input: PublicationInput,
  covers: readonly Sex[],
  units: readonly string[],
  bands: readonly (string | null)[],
  model: AttackerModel,
  hide: (id: string, label: string, cells: CellSum, value: number) => void,
  small: (n: number) => boolean,
): void {
  const count = (match: (s: Stratum) => boolean) => input.strata.filter(match).reduce((sum, s) => sum + s.files, 0);
  const bandName = (band: string | null) => band ?? 'saknas';
  for (const band of bands) {
    const n = count((s) => s.ageBand === band);
    if (small(n)) hide(`group.ageBand.${bandName(band)}`, `Åldersgrupp ${bandName(band)}`, model.size(SEXES, units, [band]), n);
  }
  const largeUnits = units.filter((unit) => !small(count((s) => s.unit === unit)));
  for (const sex of covers) {
    for (const unit of largeUnits) {
      const n = count((s) => s.sex === sex && s.unit === unit);
      if (small(n)) hide(`group.${sex}.unit.${unit}`, `${SEX_WORDS[sex]}, ${unit}`, model.size([sex], [unit]), n);
    }
    for (const band of bands) {
      const n = count((s) => s.sex === sex && s.ageBand === band);
      if (small(n)) hide(`group.${sex}.ageBand.${bandName(band)}`, `${SEX_WORDS[sex]}, åldersgrupp ${bandName(band)}`, model.size([sex], units, [band]), n);
    }
  }
  for (const unit of largeUnits) {
    for (const band of bands) {
      const n = count((s) => s.unit === unit && s.ageBand === band);
      if (small(n)) hide(`group.unit.${unit}.ageBand.${bandName(band)}`, `${unit}, åldersgrupp ${bandName(band)}`, model.size(SEXES, [unit], [band]), n);
    }
  }
}
