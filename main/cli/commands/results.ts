import path from 'node:path';
import { MAX_PUBLISH_THRESHOLD, MIN_PUBLISH_THRESHOLD, type PublishedQuestionResult, PublishedShareCounts, QuestionResult, Results, ShareCounts } from '../../../shared/contract/results';
import { tidyCsv } from '../../../shared/results/tidy-csv';
import { formatPercent } from '../../../shared/stats/format-stats';
import { formatNumber } from '../../../shared/util/format-sv';
import { writeFileAtomic } from '../../core/files';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const GROUP_WORDS = { barn: { F: 'flickor', M: 'pojkar' }, vuxna: { F: 'kvinnor', M: 'män' } } as const;

export const resultCommands: CliCommand[] = [
  {
    words: ['results'],
    usage: 'granska results <granskning> [--published [--threshold N]] [--format json|csv] [--out <fil>] [--json]',
    summary: 'Visar resultaten per fråga uppdelat på kön (internt, eller med --published små tal dolda), eller skriver dem som json eller tidy csv.',
    options: ['format', 'out', 'threshold'],
    booleans: ['published'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const format = options.format;
      if (format !== undefined && !FORMATS.includes(format as Format)) throw new UsageError('Flaggan --format ska vara json eller csv.');
      if (options.out === true) throw new UsageError('Flaggan --out behöver ett filnamn.');
      if (options.out !== undefined && format === undefined) throw new UsageError('Ange --format json eller --format csv tillsammans med --out.');
      const published = options.published === true;
      if (options.threshold !== undefined && !published) throw new UsageError('Flaggan --threshold gäller bara tillsammans med --published.');
      const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
      const outOfRange = threshold !== undefined && (threshold < MIN_PUBLISH_THRESHOLD || threshold > MAX_PUBLISH_THRESHOLD);
      if (threshold !== undefined && (!/^\d+$/.test(String(options.threshold)) || outOfRange)) throw new UsageError(`Flaggan --threshold ska vara ett heltal mellan ${MIN_PUBLISH_THRESHOLD} och ${MAX_PUBLISH_THRESHOLD}.`);
      const results = await ctx.call('results.get', { reviewId, ...(published ? { published, threshold } : {}) });
      if (format === undefined) return { json: results, human: summary(results) };
      const content = format === 'csv' ? tidyCsv(results) : `${JSON.stringify(results, null, 2)}\n`;
      if (typeof options.out !== 'string') return { json: results, human: content };
      const file = path.resolve(ctx.cwd, options.out);
      writeFileAtomic(file, content);
      return { json: { file }, human: `Skrev resultaten (${format}) till ${file}.` };
    },
  },
];

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
  return `${head}: ${answered}; ${q.counts.map((c) => `${c.answer} ${c.sex} ${shown(c.count)}`).join(', ')}.`;
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

function summary(results: Results): string {
  const words = GROUP_WORDS[results.targetGroup];
  const { done } = results.basis;
  const files = shown(results.basis.files);
  const bySex = { F: shown(results.basis.bySex.F), M: shown(results.basis.bySex.M), U: shown(results.basis.bySex.U) };
  const lines = [
    results.view === 'published' ? `Publicerad version – små tal dolda (gräns ${results.threshold})` : 'Internt – utan röjandeskydd, visa inte utanför förvaltningen.',
    `Underlag: ${files} akter (${words.F} ${bySex.F}, ${words.M} ${bySex.M}, okänt kön ${bySex.U}), varav ${formatNumber(done)} klara.`,
    '',
    ...(results.view === 'published' ? results.questions.map((q) => publishedQuestionLine(q, words)) : results.questions.map((q) => questionLine(q, words))),
  ];
  return lines.join('\n');
}
