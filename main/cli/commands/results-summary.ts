import type { PublishedQuestionResult, PublishedShareCounts, QuestionResult, Results, ShareCounts } from '../../../shared/contract/results';
import type { Distribution, PublishedDistribution } from '../../../shared/contract/results-parts';
import { formatPercent } from '../../../shared/stats/format-stats';
import { formatNumber } from '../../../shared/util/format-sv';
import { akter, countOf } from '../../../shared/util/plural-sv';

/** The Swedish summary `granska results` prints without --format: one line per question, then splits, measures and the comparison. */

const GROUP_WORDS = { barn: { F: 'flickor', M: 'pojkar' }, vuxna: { F: 'kvinnor', M: 'män' } } as const;

/** "7 av 10 (70 %)", or "0 av 0" where there is nothing to divide by: no share is invented. */
function ofApplicable(counts: ShareCounts, noun = ''): string {
  const base = `${formatNumber(counts.yes)} av ${formatNumber(counts.applicable)}${noun}`;
  return counts.applicable === 0 ? base : `${base} (${formatPercent(counts.yes / counts.applicable)})`;
}

/** A published count: the number, or "–" where it is suppressed. */
const shown = (n: number | null): string => (n === null ? '–' : formatNumber(n));

/** "7 av 10 (70 %)" as published: a suppressed figure is "–", a withheld percentage left out. */
function ofApplicablePublished(counts: PublishedShareCounts, noun = ''): string {
  const base = `${shown(counts.yes)} av ${shown(counts.applicable)}${noun}`;
  return counts.percent === null ? base : `${base} (${formatPercent(counts.percent / 100)})`;
}

function publishedQuestionLine(q: PublishedQuestionResult, words: { F: string; M: string }): string {
  const head = `Fråga ${q.number} (${q.questionId})`;
  if (q.share) {
    const { total, F, M, U } = q.share;
    const groups = [`${words.F} ${ofApplicablePublished(F)}`, `${words.M} ${ofApplicablePublished(M)}`, ...(U.applicable !== 0 ? [`okänt kön ${ofApplicablePublished(U)}`] : [])];
    return `${head}: ja ${ofApplicablePublished(total, ' tillämpliga')}; ${groups.join(', ')} – ${q.verdict!.text}`;
  }
  const answered = `${shown(q.answered)} ${q.answered === 1 ? 'besvarad akt' : 'besvarade akter'}`;
  if (q.counts.length === 0) return `${head}: ${answered}.`;
  return `${head}: ${answered}; ${q.counts.map((c) => `${c.answer} ${shown(c.count)}`).join(', ')}.`;
}

function questionLine(q: QuestionResult, words: { F: string; M: string }): string {
  const head = `Fråga ${q.number} (${q.questionId})`;
  if (q.share) {
    const { total, F, M, U } = q.share;
    const groups = [`${words.F} ${ofApplicable(F)}`, `${words.M} ${ofApplicable(M)}`, ...(U.applicable > 0 ? [`okänt kön ${ofApplicable(U)}`] : [])];
    const excluded = total.notApplicable > 0 ? `, ej tillämpligt ${formatNumber(total.notApplicable)}` : '';
    return `${head}: ja ${ofApplicable(total, ' tillämpliga')}${excluded}; ${groups.join(', ')} – ${q.verdict!.text}`;
  }
  const answered = `${formatNumber(q.answered)} ${q.answered === 1 ? 'besvarad akt' : 'besvarade akter'}`;
  if (q.counts.length === 0) return `${head}: ${answered}.`;
  const perAnswer = new Map<string, number>();
  for (const cell of q.counts) perAnswer.set(cell.answer, (perAnswer.get(cell.answer) ?? 0) + cell.count);
  return `${head}: ${answered}; ${[...perAnswer].map(([answer, n]) => `${answer} ${formatNumber(n)}`).join(', ')}.`;
}

export function resultsSummary(results: Results): string {
  const words = GROUP_WORDS[results.targetGroup];
  const { done } = results.basis;
  const files = shown(results.basis.files);
  const bySex = { F: shown(results.basis.bySex.F), M: shown(results.basis.bySex.M), U: shown(results.basis.bySex.U) };
  const lines = [
    results.view === 'published' ? `Publicerad version – granskningens publiceringsunderlag (gräns ${results.threshold} akter)` : 'Internt – utan röjandeskydd, visa inte utanför förvaltningen.',
    ...(results.view === 'published' ? results.publication.notes : []),
    ...(results.split.filters.length > 0 ? [`Urval: ${results.split.filters.map((f) => f.label).join(', ')}.`] : []),
    `Underlag: ${files} akter (${words.F} ${bySex.F}, ${words.M} ${bySex.M}, okänt kön ${bySex.U}), varav ${formatNumber(done)} klara.`,
    '',
    ...results.questions.flatMap((q) => [
      results.view === 'published' ? publishedQuestionLine(q as PublishedQuestionResult, words) : questionLine(q as QuestionResult, words),
      ...groupLines(q.groups, results.split.by?.label),
      ...(q.distribution ? [`  ${distributionText(q.distribution.total)}; ${words.F} ${distributionText(q.distribution.F)}; ${words.M} ${distributionText(q.distribution.M)}`] : []),
    ]),
    ...measureLines(results, words),
    ...comparisonLines(results),
  ];
  return lines.join('\n');
}

/** Per group of the split, the share ja by sex as percentages ("–" where withheld or nothing to divide). */
function groupLines(groups: QuestionResult['groups'] | PublishedQuestionResult['groups'], label: string | undefined): string[] {
  if (!groups) return [];
  return groups.flatMap((g) => (g.share ? [`  ${label}: ${g.label}: ja ${percentText(g.share.total)}`] : []));
}

function percentText(c: ShareCounts | PublishedShareCounts): string {
  if ('percent' in c) return c.percent === null ? '–' : formatPercent(c.percent / 100);
  return c.applicable === 0 ? '–' : `${formatPercent(c.yes / c.applicable)} av ${formatNumber(c.applicable)}`;
}

const decimal = (n: number) => formatNumber(Math.round(n * 10) / 10);

/** "median 14 (kvartiler 12–22), n = 3", or "–" where nothing is shown. */
function distributionText(d: Distribution | PublishedDistribution): string {
  const n = d.n === null ? 'n = –' : `n = ${formatNumber(d.n)}`;
  if (d.median === null) return `median –, ${n}`;
  return `median ${decimal(d.median)} (kvartiler ${decimal(d.q1!)}–${decimal(d.q3!)}), ${n}`;
}

function measureLines(results: Results, words: { F: string; M: string }): string[] {
  if (results.derived.length === 0) return [];
  return [
    '',
    ...results.derived.map((m) => {
      const unit = m.unit ? ` ${m.unit}` : '';
      const excluded = m.excluded === null ? ', akter som inte kan räknas: –' : m.excluded > 0 ? `, ${akter(m.excluded)} kan inte räknas` : '';
      return `${m.label}${unit}: ${distributionText(m.bySex.total)}; ${words.F} ${distributionText(m.bySex.F)}; ${words.M} ${distributionText(m.bySex.M)}${excluded}.`;
    }),
  ];
}

function comparisonLines(results: Results): string[] {
  const comparison = results.comparison;
  if (!comparison) return [];
  const side = (s: { percent: number | null } | null) => (s?.percent == null ? '–' : formatPercent(s.percent / 100));
  const change = (points: number | null) => (points === null ? '' : ` (${points >= 0 ? '+' : '−'}${decimal(Math.abs(points))} procentenheter)`);
  return [
    '',
    `Jämfört med "${comparison.title}":`,
    ...comparison.questions.map((q) => `Fråga ${q.number} (${q.questionId}): ja ${side(q.before)} → ${side(q.after)}${change(q.changePoints)} – ${q.verdict?.text ?? ''}`),
    ...(comparison.unmatched > 0 ? [`${countOf(comparison.unmatched, 'fråga', 'frågor')} fanns inte i den tidigare granskningen.`] : []),
  ];
}
