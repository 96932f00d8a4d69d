import path from 'node:path';
import type { QuestionResult, Results, ShareCounts } from '../../../shared/contract/results';
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
    usage: 'granska results <granskning> [--format json|csv] [--out <fil>] [--json]',
    summary: 'Visar resultaten per fråga uppdelat på kön (internt, utan röjandeskydd), eller skriver dem som json eller tidy csv.',
    options: ['format', 'out'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const format = options.format;
      if (format !== undefined && !FORMATS.includes(format as Format)) throw new UsageError('Flaggan --format ska vara json eller csv.');
      if (options.out === true) throw new UsageError('Flaggan --out behöver ett filnamn.');
      if (options.out !== undefined && format === undefined) throw new UsageError('Ange --format json eller --format csv tillsammans med --out.');
      const results = await ctx.call('results.get', { reviewId });
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
  const { files, done, bySex } = results.basis;
  const lines = [
    'Internt – utan röjandeskydd, visa inte utanför förvaltningen.',
    `Underlag: ${formatNumber(files)} akter (${words.F} ${formatNumber(bySex.F)}, ${words.M} ${formatNumber(bySex.M)}, okänt kön ${formatNumber(bySex.U)}), varav ${formatNumber(done)} klara.`,
    '',
    ...results.questions.map((q) => questionLine(q, words)),
  ];
  return lines.join('\n');
}
