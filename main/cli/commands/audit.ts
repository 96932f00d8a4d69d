import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { formatDateTime, formatNumber } from '../../../shared/util/format-sv';

/** Exit code when the trail is broken: the same "look at your data" code as bad input, so scripts can stop on it. */
export const AUDIT_BROKEN_EXIT = 2;

export const auditCommands: CliCommand[] = [
  {
    words: ['audit', 'verify'],
    usage: 'granska audit verify <granskning> [--json]',
    summary: 'Kontrollerar granskningens ändringslogg (hashkedjan och databasens skydd). Slutkod 2 om den är bruten.',
    async run(ctx, { positionals }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const report = await ctx.call('audit.verify', { reviewId });
      if (report.ok) {
        const lines = [`Ändringsloggen är hel: ${formatNumber(report.checked)} rader kontrollerade.`];
        if (report.head) lines.push(`Kedjans sista länk (anteckna den utanför Granskningsbänken för att senare kunna visa att inget skrivits om): ${report.head}`);
        return { json: report, human: lines.join('\n') };
      }
      const broken = report.firstBroken!;
      const where = broken.seq === null ? '' : `Första brutna länken: loggrad ${formatNumber(broken.seq)}${broken.at ? ` (${formatDateTime(broken.at)})` : ''}.\n`;
      return {
        json: report,
        human: `Ändringsloggen är BRUTEN. ${where}Orsak: ${broken.reason}\n${formatNumber(report.checked)} rader före den stämde.`,
        exitCode: AUDIT_BROKEN_EXIT,
      };
    },
  },
];
