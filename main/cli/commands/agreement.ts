import path from 'node:path';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { readUserFile } from '../../core/files';
import { DomainError } from '../../core/errors';
import { parseCategories, readRatingsFile, RATINGS_FILE_LIMITS } from '../../../shared/import/ratings-file';
import { agreementReport, formatFixed, type AgreementReport, type Statistic } from '../../../shared/stats/agreement';
import { formatNumber } from '../../../shared/util/format-sv';

const USAGE = 'granska agreement --ratings <fil.csv> --categories "ja,delvis,nej" [--ordered] [--json]';

/**
 * `granska agreement --ratings`: agreement between raters for any ratings at all, read from a long
 * file objekt;bedömare;värde. No workbench is opened. The JSON is the AgreementReport of
 * shared/stats/agreement: n, raters, percentAgreement, cohenKappa (two raters), weightedKappaLinear
 * and weightedKappaQuadratic (two raters, --ordered), fleissKappa, gwetAC1, krippendorffAlpha
 * (nominal, or ordinal with --ordered), each { value, ci95: { lower, upper, replicates } | null,
 * reason? }, plus categories, ordered, bootstrap and reading.
 */
export const agreementCommands: CliCommand[] = [
  {
    words: ['agreement'],
    usage: USAGE,
    summary: 'Överensstämmelse mellan bedömare (andel lika, κ, viktat κ, Fleiss κ, Gwets AC1, Krippendorffs α) med 95 % konfidensintervall och tolkning.',
    options: ['ratings', 'categories'],
    booleans: ['ordered'],
    async run(ctx, { positionals, options }) {
      if (typeof options.ratings !== 'string') {
        throw new UsageError(positionals.length > 0 ? 'Överensstämmelse för en granskning finns inte ännu; ange en fil med --ratings <fil.csv>.' : 'Ange filen med bedömningar: --ratings <fil.csv>.');
      }
      if (positionals.length > 0) throw new UsageError(`Oväntat argument "${positionals[0]}"; filen anges med --ratings.`);
      if (typeof options.categories !== 'string') throw new UsageError('Ange kategorierna från mallen, i ordning: --categories "ja,delvis,nej".');
      const categories = parseCategories(options.categories);
      if (!categories.ok) throw new UsageError(categories.message);
      const ordered = options.ordered === true;

      const file = path.resolve(ctx.cwd, options.ratings);
      const bytes = readUserFile(file, RATINGS_FILE_LIMITS.bytes);
      const read = readRatingsFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), categories.labels);
      if (!read.ok) {
        throw new DomainError('VALIDATION', `${path.basename(file)}: ${read.message}`, read.problems.map((p) => ({ path: '', message: p.message })));
      }
      const report = agreementReport(read.ratings, { labels: categories.labels, ordered });
      return { json: report, human: humanReport(report) };
    },
  },
];

interface Row {
  name: string;
  statistic: Statistic;
}

const DECIMALS = 3;
const interval = (s: Statistic) => (s.ci95 ? `${formatFixed(s.ci95.lower, DECIMALS)} till ${formatFixed(s.ci95.upper, DECIMALS)}` : '–');

/** The Swedish table and reading. */
export function humanReport(report: AgreementReport): string {
  const rows: Row[] = [
    { name: 'Andel lika bedömningar', statistic: report.percentAgreement },
    ...(report.cohenKappa ? [{ name: 'Cohens κ', statistic: report.cohenKappa }] : []),
    ...(report.weightedKappaLinear ? [{ name: 'Viktat κ, linjära vikter', statistic: report.weightedKappaLinear }] : []),
    ...(report.weightedKappaQuadratic ? [{ name: 'Viktat κ, kvadratiska vikter', statistic: report.weightedKappaQuadratic }] : []),
    { name: 'Fleiss κ', statistic: report.fleissKappa },
    { name: 'Gwets AC1', statistic: report.gwetAC1 },
    { name: `Krippendorffs α (${report.krippendorffAlpha.metric})`, statistic: report.krippendorffAlpha },
  ];
  const table = [['Mått', 'Värde', '95 % konfidensintervall'], ...rows.map(({ name, statistic }) => [name, statistic.value === null ? '–' : formatFixed(statistic.value, DECIMALS), interval(statistic)])];
  const widths = [0, 1].map((c) => Math.max(...table.map((cells) => cells[c].length)));
  const lines = table.map(([name, value, ci]) => `${name.padEnd(widths[0])}  ${value.padStart(widths[1])}  ${ci}`);
  const reasons = rows.filter((r) => r.statistic.value === null).map((r) => `${r.name} går inte att beräkna: ${r.statistic.reason}`);
  return [
    'Överensstämmelse mellan bedömare',
    `Objekt: ${formatNumber(report.n)}. Bedömare: ${formatNumber(report.raters)}. Kategorier${report.ordered ? ' (ordnade)' : ''}: ${report.categories.join(', ')}.`,
    '',
    ...lines,
    ...(reasons.length > 0 ? ['', ...reasons] : []),
    '',
    `Intervallen är percentilintervall från ${formatNumber(report.bootstrap.replicates)} bootstrapdragningar av objekten med återläggning (frö "${report.bootstrap.seed}"), så samma fil ger alltid samma intervall.`,
    '',
    'Tolkning',
    ...report.reading.flatMap((paragraph, i) => (i === 0 ? [paragraph] : ['', paragraph])),
  ].join('\n');
}
