import type { InternalResults, QuestionResult, ResultCell, ShareBySex, ShareCounts } from '../contract/results';
import type { SplitValue } from '../contract/results-parts';
import { compareSexes } from '../stats/verdict';
import { numberDistributionBySex } from './distributions';
import { verdictOf, withHolm } from './verdicts';
import type { Question, Template } from '../templates/schema';

/**
 * Turns the review's grouped answers into results: cells, shares `ja` by sex, the girls-vs-boys
 * verdict and area aggregates. Pure: the SQL that groups the answers lives in main/core/results.
 */

export type Sex = 'F' | 'M' | 'U';
const SEXES: readonly Sex[] = ['F', 'M', 'U'];

/** One group of identical answers: `count` counted files answered `value` (the stored text form). */
export interface AnswerGroup {
  questionId: string;
  /** The stored value for scale and choice questions; null for the types whose cells come later. */
  value: string | null;
  sex: Sex;
  unit: string;
  ageBand: string | null;
  /** The file's value of the split dimension (`by`); null without a split, or where the file has none. */
  grp: string | null;
  count: number;
}

/** One file's stored answer to a number or date question. */
export interface ValueRow {
  caseId: string;
  sex: Sex;
  grp: string | null;
  questionId: string;
  value: string;
}

export interface Basis {
  files: number;
  done: number;
  bySex: Record<Sex, number>;
  /** The files by split value and sex (one entry, null, without a split). */
  byGroup: ReadonlyMap<string | null, Record<Sex, number>>;
}

/** The step and option id that makes a question a share question (DOMAIN.md §2). */
export const YES_ID = 'ja';
/** The option id a choice question uses for "does not apply", kept out of the denominator like the scale's step. */
export const NOT_APPLICABLE_ID = 'ej_tillampligt';

/** Scale and choice questions have cells; their answers are categories. */
export const isCategorical = (question: Question): boolean => question.type === 'scale' || question.type === 'choice';

const emptyCounts = (): ShareCounts => ({ yes: 0, applicable: 0, other: 0, notApplicable: 0 });
const emptyShare = (): ShareBySex => ({ F: emptyCounts(), M: emptyCounts(), U: emptyCounts(), total: emptyCounts() });

function addCounts(into: ShareCounts, from: ShareCounts): void {
  into.yes += from.yes;
  into.applicable += from.applicable;
  into.other += from.other;
  into.notApplicable += from.notApplicable;
}

/** The chosen ids of a stored categorical value: a multiple choice is a JSON array, anything else one id. */
function chosenIds(question: Question, stored: string): string[] {
  if (question.type === 'choice' && question.multiple) {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  }
  return [stored];
}

/** The order answers are listed in: the scale's steps or the question's options, as the template has them. */
export function answerOrder(template: Template, question: Question): string[] {
  if (question.type === 'scale') return (template.scales[question.scale] ?? []).map((s) => s.id);
  if (question.type === 'choice') return question.options.map((o) => o.id);
  return [];
}

/**
 * How one file's answer counts toward the share, or null where the question has no share. A
 * scale step is applicable unless the template marks it `applicable: false`; a choice is
 * applicable unless it is the option `ej_tillampligt`.
 */
function shareClassifier(template: Template, question: Question): ((ids: string[]) => 'yes' | 'other' | 'notApplicable') | null {
  if (question.type === 'scale') {
    const steps = template.scales[question.scale] ?? [];
    if (!steps.some((s) => s.id === YES_ID)) return null;
    const notApplicable = new Set(steps.filter((s) => s.applicable === false).map((s) => s.id));
    return ([id]) => (id === YES_ID ? 'yes' : notApplicable.has(id!) ? 'notApplicable' : 'other');
  }
  if (question.type === 'choice') {
    if (!question.options.some((o) => o.id === YES_ID)) return null;
    // A file that chose `ja` among several options counts once as yes.
    return (ids) => (ids.includes(YES_ID) ? 'yes' : ids.every((id) => id === NOT_APPLICABLE_ID) ? 'notApplicable' : 'other');
  }
  return null;
}

/** One collator for every comparison: `localeCompare(…, 'sv')` builds one per call, and a review has thousands of cells. */
const collate = new Intl.Collator('sv').compare;

function compareCells(order: Map<string, number>) {
  const rank = (answer: string) => order.get(answer) ?? Number.MAX_SAFE_INTEGER;
  return (a: ResultCell, b: ResultCell): number =>
    rank(a.answer) - rank(b.answer) ||
    collate(a.answer, b.answer) ||
    SEXES.indexOf(a.sex) - SEXES.indexOf(b.sex) ||
    collate(a.unit, b.unit) ||
    // Files without an age band come last.
    (a.ageBand === b.ageBand ? 0 : a.ageBand === null ? 1 : b.ageBand === null ? -1 : collate(a.ageBand, b.ageBand));
}

/** What shapeResults needs beyond the grouped answers. */
export interface ShapeInput {
  groups: readonly AnswerGroup[];
  basis: Basis;
  /** The split's values in display order; null without a split. */
  splitValues: readonly SplitValue[] | null;
  /** Each file's answers to the number questions. */
  numbers: readonly ValueRow[];
}

function questionResult(template: Template, question: Question, number: number, groups: readonly AnswerGroup[], input: ShapeInput, numbers: readonly ValueRow[]): QuestionResult {
  const categorical = isCategorical(question);
  const classify = shareClassifier(template, question);
  const share = classify ? emptyShare() : null;
  const cells = new Map<string, ResultCell>();
  const perGroup = new Map<string | null, { answered: number; share: ShareBySex | null }>((input.splitValues ?? []).map((v) => [v.value, { answered: 0, share: classify ? emptyShare() : null }]));
  let answered = 0;
  for (const group of groups) {
    answered += group.count;
    const slot = input.splitValues ? perGroup.get(group.grp) : undefined;
    if (slot) slot.answered += group.count;
    if (!categorical || group.value === null) continue;
    const ids = chosenIds(question, group.value);
    for (const answer of ids) {
      const key = JSON.stringify([answer, group.sex, group.unit, group.ageBand]);
      const cell = cells.get(key);
      if (cell) cell.count += group.count;
      else cells.set(key, { answer, sex: group.sex, unit: group.unit, ageBand: group.ageBand, count: group.count });
    }
    if (share && classify) {
      const kind = classify(ids);
      const add = { ...emptyCounts(), [kind]: group.count, applicable: kind === 'notApplicable' ? 0 : group.count };
      addCounts(share[group.sex], add);
      addCounts(share.total, add);
      if (slot?.share) {
        addCounts(slot.share[group.sex], add);
        addCounts(slot.share.total, add);
      }
    }
  }
  const order = new Map(answerOrder(template, question).map((id, i) => [id, i]));
  const verdict = share ? compareSexes(share.F, share.M, template.targetGroup) : null;
  return {
    questionId: question.id,
    number,
    areaId: question.area,
    type: question.type,
    answered,
    counts: [...cells.values()].sort(compareCells(order)),
    share,
    verdict: verdict ? verdictOf(verdict) : null,
    groups: input.splitValues ? input.splitValues.map((v) => ({ ...v, ...perGroup.get(v.value)! })) : null,
    distribution: question.type === 'number' ? numberDistributionBySex(numbers) : null,
  };
}

/** The per-question, per-area and basis part of the results; the handler adds the split echo, derived measures and the comparison. */
export type ShapedResults = Omit<InternalResults, 'split' | 'derived' | 'comparison'>;

function byQuestionId<T extends { questionId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.questionId);
    if (list) list.push(row);
    else map.set(row.questionId, [row]);
  }
  return map;
}

/** Results of a review from its frozen template, the grouped answers of its counted files and their basis. */
export function shapeResults(template: Template, input: ShapeInput): ShapedResults {
  const { basis } = input;
  const byQuestion = byQuestionId(input.groups);
  const numbers = byQuestionId(input.numbers);
  const questions = withHolm(template.questions.map((q, i) => questionResult(template, q, i + 1, byQuestion.get(q.id) ?? [], input, numbers.get(q.id) ?? [])));
  const areas = template.areas.map((area) => {
    const shares = questions.filter((q) => q.areaId === area.id && q.share !== null).map((q) => q.share!);
    if (shares.length === 0) return { areaId: area.id, name: area.name, share: null };
    const pooled = emptyShare();
    for (const share of shares) for (const key of [...SEXES, 'total'] as const) addCounts(pooled[key], share[key]);
    return { areaId: area.id, name: area.name, share: pooled };
  });
  return { view: 'internal', threshold: null, targetGroup: template.targetGroup, basis: { files: basis.files, done: basis.done, bySex: { ...basis.bySex } }, questions, areas };
}
