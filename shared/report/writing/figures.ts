import type { PublishedResults } from '../../contract/results';
import type { Template } from '../../templates/schema';
import { shown } from './words';

/**
 * What the published results say about each quality area, read out of the publication set and
 * nothing else: the area's share ja, its questions' shares, the share per unit, the derived times
 * and ratios, the answers to choice questions and the numbers. A null stays null — a withheld
 * figure is never worked out from the others. The writers turn these facts into sentences.
 */

export interface QuestionShare {
  number: number;
  questionId: string;
  text: string;
  percent: number;
}

export interface UnitShare {
  unit: string;
  /** Null where the publication set withholds it. */
  percent: number | null;
}

export interface DerivedFact {
  id: string;
  kind: 'interval' | 'ratio';
  label: string;
  unit: string | null;
  n: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** Files with both answers where the measure could not be computed; null where withheld. */
  excluded: number | null;
}

export interface ChoiceFact {
  number: number;
  questionId: string;
  text: string;
  multiple: boolean;
  /** Files that answered (the published total); null where withheld. */
  total: number | null;
  options: { id: string; label: string; count: number | null }[];
}

export interface NumberFact {
  number: number;
  text: string;
  n: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface AreaFacts {
  areaId: string;
  name: string;
  /** Position among the areas the memo writes (0 for the first): what varies the phrasing. */
  index: number;
  /** The area's pooled share ja over its questions; null where withheld or where it has none. */
  percent: number | null;
  /** The area has questions with a share ja at all (scale, or choice with an option ja). */
  hasShare: boolean;
  /** Questions with a share ja. */
  shareQuestions: number;
  /** Scale questions whose share is shown, highest first. */
  scaleShares: QuestionShare[];
  /** Share questions whose share is withheld. */
  withheldQuestions: number;
  /** The share per unit, in the publication's unit order; empty where the set has no row for the area. */
  units: UnitShare[];
  derived: DerivedFact[];
  choices: ChoiceFact[];
  numbers: NumberFact[];
}

/** The quality areas the memo writes a section for: those with at least one question, in template order. */
export const writtenAreas = (template: Template) => template.areas.filter((area) => template.questions.some((q) => q.area === area.id));

export function areaFacts(results: PublishedResults, template: Template, areaId: string, index: number): AreaFacts {
  const area = template.areas.find((a) => a.id === areaId);
  const textOf = (id: string) => template.questions.find((q) => q.id === id)?.text ?? id;
  const inArea = results.questions.filter((q) => q.areaId === areaId);
  const withShare = inArea.filter((q) => q.share !== null);
  const published = results.areas.find((a) => a.areaId === areaId);
  const scaleShares = withShare
    .filter((q) => q.type === 'scale' && q.share!.total.percent !== null)
    .map((q) => ({ number: q.number, questionId: q.questionId, text: textOf(q.questionId), percent: q.share!.total.percent! }))
    .sort((a, b) => b.percent - a.percent || a.number - b.number);
  const choices: ChoiceFact[] = [];
  for (const q of inArea) {
    const question = template.questions.find((t) => t.id === q.questionId);
    if (q.type !== 'choice' || question?.type !== 'choice') continue;
    choices.push({
      number: q.number,
      questionId: q.questionId,
      text: question.text,
      multiple: question.multiple === true,
      total: q.answered,
      options: question.options.map((o) => {
        const cell = q.counts.find((c) => c.answer === o.id);
        return { id: o.id, label: o.label, count: cell ? cell.count : null };
      }),
    });
  }
  const numbers = inArea
    .filter((q) => q.type === 'number' && q.distribution !== null)
    .map((q) => ({ number: q.number, text: textOf(q.questionId), n: q.distribution!.total.n, median: q.distribution!.total.median, q1: q.distribution!.total.q1, q3: q.distribution!.total.q3 }));
  const areaOf = (questionId: string) => template.questions.find((q) => q.id === questionId)?.area;
  const derived = results.derived
    .filter((m) => areaOf(m.from) === areaId)
    .map((m) => ({ id: m.id, kind: m.kind, label: m.label, unit: m.unit, n: m.bySex.total.n, median: m.bySex.total.median, q1: m.bySex.total.q1, q3: m.bySex.total.q3, excluded: m.excluded }));
  const units = (results.publication.areaUnits.find((a) => a.areaId === areaId)?.units ?? []).map((u) => ({ unit: u.unit, percent: u.share.percent }));
  return {
    areaId,
    name: area?.name ?? published?.name ?? areaId,
    index,
    percent: published?.share?.total.percent ?? null,
    hasShare: withShare.length > 0,
    shareQuestions: withShare.length,
    scaleShares,
    withheldQuestions: withShare.filter((q) => q.share!.total.percent === null).length,
    units,
    derived,
    choices,
    numbers,
  };
}

export const allAreaFacts = (results: PublishedResults, template: Template): AreaFacts[] => writtenAreas(template).map((area, i) => areaFacts(results, template, area.id, i));

/** The areas with a shown share, highest first (ties in template order). */
export const rankedAreas = (facts: readonly AreaFacts[]): (AreaFacts & { percent: number })[] =>
  facts.filter((f): f is AreaFacts & { percent: number } => f.percent !== null).sort((a, b) => b.percent - a.percent || a.index - b.index);

/** Where this area stands among the areas with a shown share: strongest or weakest only where no other area reads the same. */
export function standing(facts: readonly AreaFacts[], area: AreaFacts): 'strongest' | 'weakest' | null {
  const ranked = rankedAreas(facts);
  if (ranked.length < 3 || area.percent === null) return null;
  const top = shown(ranked[0].percent);
  const bottom = shown(ranked[ranked.length - 1].percent);
  const mine = shown(area.percent);
  const same = ranked.filter((f) => shown(f.percent) === mine).length;
  if (same > 1) return null;
  return mine === top ? 'strongest' : mine === bottom ? 'weakest' : null;
}

/** A choice question's options with a shown, non-zero count, most common first (ties in template order). */
export const commonOptions = (choice: ChoiceFact) =>
  choice.options
    .map((o, i) => ({ ...o, i }))
    .filter((o): o is typeof o & { count: number } => o.count !== null && o.count > 0)
    .sort((a, b) => b.count - a.count || a.i - b.i);
