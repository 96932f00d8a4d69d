import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { DomainError } from '../../core/errors';

export const caseDoneCommands: CliCommand[] = [
  {
    words: ['cases', 'done'],
    usage: 'granska cases done <granskning> <akt> [--reopen] [--json]',
    summary: 'Markerar en akt i urvalet som klar (alla obligatoriska frågor besvarade), eller öppnar den igen med --reopen.',
    booleans: ['reopen'],
    async run(ctx, { positionals, options }) {
      const [reviewId, ref] = positionals;
      if (!reviewId || !ref) throw new UsageError('Ange granskningens id och aktens referens.');
      // Found by its reference as people write it; the search narrows the list, the match is exact.
      const { cases } = await ctx.call('cases.list', { reviewId, query: ref });
      const theCase = cases.find((c) => c.ref === ref);
      if (!theCase) throw new DomainError('NOT_FOUND', `Akten ${ref} finns inte i granskningen.`);
      const done = options.reopen !== true;
      await ctx.call('cases.setDone', { reviewId, caseId: theCase.id, done });
      return {
        json: { caseId: theCase.id, ref: theCase.ref, done },
        human: done ? `Akt ${theCase.ref} är markerad som klar.` : `Akt ${theCase.ref} är öppnad igen.`,
      };
    },
  },
];
