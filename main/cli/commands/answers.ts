import path from 'node:path';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { readUserFile, writeFileAtomic } from '../../core/files';
import { MAX_ANSWER_FILE_BYTES } from '../../../shared/contract/answers-transfer';
import { formatNumber } from '../../../shared/util/format-sv';

export const answerCommands: CliCommand[] = [
  {
    words: ['answers', 'import'],
    usage: 'granska answers import <granskning> <fil.csv> [--valid-rows-only] [--json]',
    summary: 'Importerar svar i långt format (akt;fråga;svar;anteckning). Allt eller inget som standard.',
    booleans: ['valid-rows-only'],
    async run(ctx, { positionals, options }) {
      const [reviewId, fileArg] = positionals;
      if (!reviewId || !fileArg) throw new UsageError('Ange granskningens id och filen som ska importeras.');
      const file = path.resolve(ctx.cwd, fileArg);
      const result = await ctx.call('answers.import', {
        reviewId,
        fileName: path.basename(file),
        contentBase64: readUserFile(file, MAX_ANSWER_FILE_BYTES).toString('base64'),
        validRowsOnly: options['valid-rows-only'] === true,
      });
      const human = [`Importerade ${formatNumber(result.imported)} svar.`, ...result.rejected.map((r) => `Rad ${r.row}: ${r.reason}`)].join('\n');
      return { json: result, human };
    },
  },
  {
    words: ['answers', 'export'],
    usage: 'granska answers export <granskning> --out <fil.csv> [--json]',
    summary: 'Exporterar svaren i samma långa format.',
    options: ['out'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      if (typeof options.out !== 'string') throw new UsageError('Ange filen att skriva med --out <fil>.');
      const { csv, rows } = await ctx.call('answers.export', { reviewId });
      const file = path.resolve(ctx.cwd, options.out);
      writeFileAtomic(file, csv);
      return { json: { rows, file }, human: `Skrev ${formatNumber(rows)} svar till ${file}.` };
    },
  },
];
