import { UsageError } from '../args';
import type { CliCommand } from '../command';
import type { OutputOf } from '../../../shared/contract';
import { formatDateTime, formatNumber } from '../../../shared/util/format-sv';

/** Exit code when the trail is broken: the same "look at your data" code as bad input, so scripts can stop on it. */
export const AUDIT_BROKEN_EXIT = 2;

type AuditReport = OutputOf<'audit.verify'>;
type AuditBreak = NonNullable<AuditReport['firstBroken']>;

const rows = (n: number) => `${formatNumber(n)} ${n === 1 ? 'rad' : 'rader'}`;
const when = (at: string | null) => (at ? ` (${formatDateTime(at)})` : '');

/** The head hash, and why and how to keep it: without a copy outside the database a rewritten chain cannot be told from an intact one. */
function headAdvice(reviewId: string, head: string): string[] {
  return [
    `Kedjans kontrollsumma nu: ${head}`,
    'Anteckna den utanför Granskningsbänken, i diariet eller i tjänsteutlåtandet. Den som skriver om historiken i databasen kan räkna om hela kedjan så att den ser hel ut, men kan inte ändra det du har antecknat. Kontrollera senare mot anteckningen med:',
    `  granska audit verify ${reviewId} --anchor ${head}`,
  ];
}

function intact(reviewId: string, report: AuditReport): string {
  const lines = [`Ändringsloggen är hel: ${rows(report.checked)} kontrollerade.`];
  if (report.anchor) {
    lines.push(`Den antecknade kontrollsumman finns i kedjan, vid loggrad ${formatNumber(report.anchor.seq)}${when(report.anchor.at)}: allt fram till den är oförändrat sedan den antecknades.`);
  }
  if (report.head) lines.push(...headAdvice(reviewId, report.head));
  else lines.push('Granskningen har ännu inga ändringar i loggen, så det finns ingen kontrollsumma att anteckna.');
  return lines.join('\n');
}

/** Where the break is and what was checked before it, worded for its kind: a trigger or a rewritten chain has no row to point at. */
function broken(report: AuditReport, breakAt: AuditBreak): string {
  const where =
    (breakAt.kind === 'link' || breakAt.kind === 'content') && breakAt.seq !== null
      ? `Första brutna länken: loggrad ${formatNumber(breakAt.seq)}${when(breakAt.at)}.\n`
      : breakAt.kind === 'answers' && breakAt.seq !== null
        ? `Svarets senaste loggrad: ${formatNumber(breakAt.seq)}${when(breakAt.at)}.\n`
        : '';
  const context: Record<AuditBreak['kind'], string> = {
    triggers: 'Felet sitter i databasens skydd av loggen, inte i en enskild loggrad. Loggens rader kontrollerades inte: medan skyddet var borta kan vad som helst ha ändrats utan att loggas.',
    end: 'Felet sitter i loggens slut, inte i en enskild loggrad. Loggens övriga rader kontrollerades inte.',
    link: report.checked === 0 ? 'Det är granskningens första loggrad.' : `${rows(report.checked)} före den stämde.`,
    content: report.checked === 0 ? 'Det är granskningens första loggrad.' : `${rows(report.checked)} före den stämde.`,
    answers: `Kedjans ${rows(report.checked)} hänger ihop, men svaren i databasen stämmer inte med loggen.`,
    anchor: `Kedjans ${rows(report.checked)} hänger ihop med varandra, men kedjan har alltså räknats om efter att kontrollsumman antecknades.`,
  };
  return `Ändringsloggen är BRUTEN. ${where}Orsak: ${breakAt.reason}\n${context[breakAt.kind]}`;
}

export const auditCommands: CliCommand[] = [
  {
    words: ['audit', 'verify'],
    usage: 'granska audit verify <granskning> [--anchor <kontrollsumma>] [--json]',
    summary:
      'Kontrollerar granskningens ändringslogg (hashkedjan och databasens skydd) och skriver ut kedjans kontrollsumma att anteckna. Med --anchor: att en tidigare antecknad kontrollsumma finns kvar i kedjan. Slutkod 2 om loggen är bruten.',
    options: ['anchor'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const anchor = options.anchor;
      if (anchor === true) throw new UsageError('Flaggan --anchor behöver kontrollsumman som värde.');
      const report = await ctx.call('audit.verify', anchor === undefined ? { reviewId } : { reviewId, anchor });
      if (report.ok) return { json: report, human: intact(reviewId, report) };
      return { json: report, human: broken(report, report.firstBroken!), exitCode: AUDIT_BROKEN_EXIT };
    },
  },
];
