import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { formatNumber } from '../../../shared/util/format-sv';

function count(value: string | true | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} ska vara ett heltal, 1 eller större.`);
  return n;
}

export const sampleCommands: CliCommand[] = [
  {
    words: ['sample'],
    usage: 'granska sample <granskning> (--per-unit N | --total N | --all) [--seed S] [--replace] [--json]',
    summary: 'Drar ett seedat urval per enhet; samma ram och frö ger samma urval.',
    options: ['per-unit', 'total', 'seed'],
    booleans: ['all', 'replace'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const perUnit = count(options['per-unit'], 'per-unit');
      const total = count(options.total, 'total');
      const all = options.all === true;
      if ([perUnit !== undefined, total !== undefined, all].filter(Boolean).length !== 1) throw new UsageError('Välj exakt en metod: --per-unit N, --total N eller --all.');
      const method = perUnit !== undefined ? { kind: 'per-unit' as const, n: perUnit } : total !== undefined ? { kind: 'total' as const, n: total } : { kind: 'all' as const };
      if (options.seed === true) throw new UsageError('Flaggan --seed behöver ett värde.');
      const result = await ctx.call('sampling.draw', { reviewId, method, seed: options.seed, replace: options.replace === true });
      const human = [
        `Urval med frö ${result.seed}: ${formatNumber(result.sample.length)} akter.`,
        ...Object.entries(result.frame).map(([unit, size]) => `  ${unit}: ram ${formatNumber(size)} akter`),
        ...(result.shortfall > 0 ? [`Obs: ${formatNumber(result.shortfall)} akter saknas för att nå önskat antal (för små enheter).`] : []),
        '',
        ...result.sample,
      ].join('\n');
      return { json: { seed: result.seed, frame: result.frame, sample: result.sample }, human };
    },
  },
];
