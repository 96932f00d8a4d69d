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

/**
 * The head hashes, and why and how to keep them: without a copy outside the database a rewritten
 * chain cannot be told from an intact one. The answers' chain and the record chain have one each.
 */
function headAdvice(reviewId: string, head: string | undefined, recordsHead: string | undefined): string[] {
  const heads = [head, recordsHead].filter((h): h is string => h !== undefined);
  return [
    ...(head ? [`${recordsHead ? 'Ändringsloggens' : 'Kedjans'} kontrollsumma nu: ${head}`] : []),
    ...(recordsHead ? [`Händelseloggens kontrollsumma nu: ${recordsHead}`] : []),
    `Anteckna ${heads.length === 1 ? 'den' : 'dem'} utanför Granskningsbänken, i diariet eller i tjänsteutlåtandet. Den som skriver om historiken i databasen kan räkna om hela kedjan så att den ser hel ut, men kan inte ändra det du har antecknat. Kontrollera senare mot anteckningen med:`,
    ...heads.map((h) => `  granska audit verify ${reviewId} --anchor ${h}`),
  ];
}

function intact(reviewId: string, report: AuditReport): string {
  const lines = [`Ändringsloggen är hel: ${rows(report.checked)} kontrollerade.`];
  if (report.records.checked > 0) {
    lines.push(`Händelseloggen (godkännanden, återöppningar, utlåtandets versioner, bilagor, fynd och klarmarkeringar) är hel och stämmer med databasen: ${rows(report.records.checked)} kontrollerade.`);
  }
  if (report.anchor) {
    lines.push(`Den antecknade kontrollsumman finns i kedjan, vid loggrad ${formatNumber(report.anchor.seq)}${when(report.anchor.at)}: allt fram till den är oförändrat sedan den antecknades.`);
  }
  if (report.records.anchor) {
    lines.push(
      `Den antecknade kontrollsumman finns i händelseloggen, vid rad ${formatNumber(report.records.anchor.seq)}${when(report.records.anchor.at)}: allt fram till den är oförändrat sedan den antecknades.`,
    );
  }
  if (report.head || report.records.head) lines.push(...headAdvice(reviewId, report.head, report.records.head));
  else lines.push('Granskningen har ännu inga ändringar i loggen, så det finns ingen kontrollsumma att anteckna.');
  return lines.join('\n');
}

/** Where the break is and what was checked before it, worded for its kind: a trigger or a rewritten chain has no row to point at. */
function broken(report: AuditReport, breakAt: AuditBreak): string {
  const where =
    (breakAt.kind === 'link' || breakAt.kind === 'content') && breakAt.seq !== null
      ? `Första brutna länken: loggrad ${formatNumber(breakAt.seq)}${when(breakAt.at)}.\n`
      : (breakAt.kind === 'record-link' || breakAt.kind === 'record-content') && breakAt.seq !== null
        ? `Första brutna länken: händelseloggens rad ${formatNumber(breakAt.seq)}${when(breakAt.at)}.\n`
        : breakAt.kind === 'answers' && breakAt.seq !== null
          ? `Svarets senaste loggrad: ${formatNumber(breakAt.seq)}${when(breakAt.at)}.\n`
          : breakAt.kind === 'records' && breakAt.seq !== null
            ? `Händelseloggens rad: ${formatNumber(breakAt.seq)}.\n`
            : '';
  const before = (checked: number) => (checked === 0 ? 'Det är granskningens första rad i loggen.' : `${rows(checked)} före den stämde.`);
  const context: Record<AuditBreak['kind'], string> = {
    triggers: 'Felet sitter i databasens skydd av loggen, inte i en enskild loggrad. Loggens rader kontrollerades inte: medan skyddet var borta kan vad som helst ha ändrats utan att loggas.',
    end: 'Felet sitter i loggens slut, inte i en enskild loggrad. Loggens övriga rader kontrollerades inte.',
    link: report.checked === 0 ? 'Det är granskningens första loggrad.' : `${rows(report.checked)} före den stämde.`,
    content: report.checked === 0 ? 'Det är granskningens första loggrad.' : `${rows(report.checked)} före den stämde.`,
    answers: `Kedjans ${rows(report.checked)} hänger ihop, men svaren i databasen stämmer inte med loggen.`,
    anchor: `Kedjans ${rows(report.checked)} hänger ihop med varandra, men kedjan har alltså räknats om efter att kontrollsumman antecknades.`,
    'record-end': 'Felet sitter i händelseloggens slut, inte i en enskild rad. Loggarnas övriga rader kontrollerades inte.',
    'record-link': `Ändringsloggens ${rows(report.checked)} stämde. I händelseloggen: ${before(report.records.checked)}`,
    'record-content': `Ändringsloggens ${rows(report.checked)} stämde. I händelseloggen: ${before(report.records.checked)}`,
    records: `Händelseloggens ${rows(report.records.checked)} hänger ihop, men databasen stämmer inte med den: godkännanden, återöppningar, utlåtandet, bilagor, fynd eller klarmarkeringar har ändrats utan att loggas.`,
  };
  const log = breakAt.kind === 'records' || breakAt.kind.startsWith('record-') ? 'Händelseloggen' : 'Ändringsloggen';
  return `${log} är BRUTEN. ${where}Orsak: ${breakAt.reason}\n${context[breakAt.kind]}`;
}

export const auditCommands: CliCommand[] = [
  {
    words: ['audit', 'verify'],
    usage: 'granska audit verify <granskning> [--anchor <kontrollsumma>] [--json]',
    summary:
      'Kontrollerar granskningens ändringslogg och händelselogg (godkännanden, återöppningar, utlåtandets versioner, bilagor, fynd och klarmarkeringar): hashkedjorna, databasens skydd och att loggarna stämmer med databasen. Skriver ut kedjornas kontrollsummor att anteckna. Med --anchor: att en tidigare antecknad kontrollsumma finns kvar i sin kedja. Slutkod 2 om loggen är bruten.',
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
