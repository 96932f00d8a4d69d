import path from 'node:path';
import { MAX_PUBLISH_THRESHOLD, MIN_PUBLISH_THRESHOLD } from '../../../shared/contract/results';
import type { ResultFilter } from '../../../shared/contract/results-parts';
import { tidyCsv } from '../../../shared/results/tidy-csv';
import { writeFileAtomic } from '../../core/files';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { resultsSummary } from './results-summary';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export const resultCommands: CliCommand[] = [
  {
    words: ['results'],
    usage: 'granska results <granskning> [--published [--threshold N]] [--filter "fält=värde;…"] [--by fält] [--compare <granskning>] [--format json|csv|xlsx] [--out <fil>] [--json]',
    summary: 'Visar resultaten per fråga uppdelat på kön (internt, eller med --published små tal dolda), eller skriver dem som json, tidy csv eller en Excel-arbetsbok (xlsx, kräver --out).',
    options: ['format', 'out', 'threshold', 'filter', 'by', 'compare'],
    booleans: ['published'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const format = options.format;
      if (format !== undefined && !FORMATS.includes(format as Format)) throw new UsageError('Flaggan --format ska vara json eller csv, eller xlsx tillsammans med --out.');
      if (options.out === true) throw new UsageError('Flaggan --out behöver ett filnamn.');
      if (options.out !== undefined && format === undefined) throw new UsageError('Ange --format json, csv eller xlsx tillsammans med --out.');
      // A workbook is binary: on a terminal it is noise, and a pipe is better served by csv or json.
      if (format === 'xlsx' && options.out === undefined) throw new UsageError('En Excel-arbetsbok skrivs inte till skärmen: ange filen med --out <fil.xlsx>, eller välj --format csv eller json.');
      const published = options.published === true;
      if (options.threshold !== undefined && !published) throw new UsageError('Flaggan --threshold gäller bara tillsammans med --published.');
      const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
      const outOfRange = threshold !== undefined && (threshold < MIN_PUBLISH_THRESHOLD || threshold > MAX_PUBLISH_THRESHOLD);
      if (threshold !== undefined && (!/^\d+$/.test(String(options.threshold)) || outOfRange)) throw new UsageError(`Flaggan --threshold ska vara ett heltal mellan ${MIN_PUBLISH_THRESHOLD} och ${MAX_PUBLISH_THRESHOLD}.`);
      const filters = parseFilters(options.filter);
      if (options.by === true || options.compare === true) throw new UsageError(`Flaggan --${options.by === true ? 'by' : 'compare'} behöver ett värde.`);
      const by = options.by;
      const compareWith = options.compare;
      const view = { ...(published ? { published, threshold } : {}), ...(filters ? { filters } : {}) };
      if (typeof options.out === 'string' && format !== undefined) {
        if (by !== undefined || compareWith !== undefined) throw new UsageError('Flaggorna --by och --compare visas på skärmen eller i json; en fil med --out innehåller hela uppdelningen på kön (och --filter).');
        // Every file comes from results.export, the same bytes the app saves.
        const exported = await ctx.call('results.export', { reviewId, format: format as Format, ...view });
        const file = path.resolve(ctx.cwd, options.out);
        writeFileAtomic(file, Buffer.from(exported.contentBase64, 'base64'));
        return { json: { file, bytes: exported.bytes }, human: `Skrev resultaten (${format}) till ${file}.` };
      }
      const results = await ctx.call('results.get', { reviewId, ...view, ...(by ? { by } : {}), ...(compareWith ? { compareWith } : {}) });
      if (format === undefined) return { json: results, human: resultsSummary(results) };
      return { json: results, human: format === 'csv' ? tidyCsv(results) : `${JSON.stringify(results, null, 2)}\n` };
    },
  },
];


/**
 * `--filter "unit=Norr;attribute:insats=Kontaktperson"`: filters separated by semicolons, each
 * `field=value`; an empty value means "saknas". The fields are those of results.get (`unit`,
 * `ageBand`, `attribute:<namn>`, `question:<id>`), checked there.
 */
function parseFilters(option: string | true | undefined): ResultFilter[] | undefined {
  if (option === undefined) return undefined;
  if (option === true) throw new UsageError('Flaggan --filter behöver ett värde, t.ex. --filter "unit=Norr".');
  return option
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new UsageError(`Filtret "${part}" ska skrivas fält=värde, t.ex. unit=Norr eller ageBand=6-12.`);
      const value = part.slice(eq + 1).trim();
      return { field: part.slice(0, eq).trim(), value: value === '' ? null : value };
    });
}
