import path from 'node:path';
import type { AuditReportOutput } from '../../../shared/contract/publication';
import type { ResultFilter } from '../../../shared/contract/results-parts';
import { tidyCsv } from '../../../shared/results/tidy-csv';
import { writeFileAtomic } from '../../core/files';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { resultsSummary } from './results-summary';

/** csv opens right in Swedish Excel; tidy is the analyst's long format. */
const FORMATS = ['json', 'csv', 'tidy', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export const resultCommands: CliCommand[] = [
  {
    words: ['results'],
    usage: 'granska results <granskning> [--published [--audit]] [--filter "fält=värde;…"] [--by fält] [--compare <granskning>] [--format json|csv|tidy|xlsx] [--out <fil>] [--json]',
    summary:
      'Visar resultaten per fråga uppdelat på kön (internt, eller med --published granskningens publiceringsunderlag; --audit visar angriparens granskning av det), eller skriver dem som json, csv för Excel, tidy csv eller en Excel-arbetsbok (xlsx, kräver --out).',
    options: ['format', 'out', 'threshold', 'filter', 'by', 'compare'],
    booleans: ['published', 'audit'],
    async run(ctx, { positionals, options }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const format = options.format;
      if (format !== undefined && !FORMATS.includes(format as Format)) throw new UsageError('Flaggan --format ska vara json, csv eller tidy, eller xlsx tillsammans med --out.');
      if (options.out === true) throw new UsageError('Flaggan --out behöver ett filnamn.');
      if (options.out !== undefined && format === undefined) throw new UsageError('Ange --format json, csv, tidy eller xlsx tillsammans med --out.');
      // A workbook is binary: on a terminal it is noise, and a pipe is better served by csv or json.
      if (format === 'xlsx' && options.out === undefined) throw new UsageError('En Excel-arbetsbok skrivs inte till skärmen: ange filen med --out <fil.xlsx>, eller välj --format csv eller json.');
      const published = options.published === true;
      if (options.threshold !== undefined) throw new UsageError('Gränsen för små tal hör till granskningen, inte till en export: visa eller ändra den med granska review threshold <granskning> [N --reason "…"].');
      if (published) {
        const internalOnly = (['filter', 'by', 'compare'] as const).find((flag) => options[flag] !== undefined);
        if (internalOnly) throw new UsageError(`Flaggan --${internalOnly} finns bara i den interna vyn: den publicerade versionen är granskningens fasta publiceringsunderlag, skyddat som en helhet.`);
        if (format === 'tidy') throw new UsageError('Tidy csv (en rad per cell med enhet och åldersgrupp) finns bara i den interna vyn; välj --format csv eller json för den publicerade.');
      }
      if (options.audit === true) {
        if (!published) throw new UsageError('Flaggan --audit gäller publiceringsunderlaget: använd den tillsammans med --published.');
        const audit = await ctx.call('results.audit', { reviewId });
        return { json: audit, human: auditSummary(audit), exitCode: audit.disclosed.length > 0 ? 2 : 0 };
      }
      const filters = parseFilters(options.filter);
      if (options.by === true || options.compare === true) throw new UsageError(`Flaggan --${options.by === true ? 'by' : 'compare'} behöver ett värde.`);
      const by = options.by;
      const compareWith = options.compare;
      const view = { ...(published ? { published } : {}), ...(filters ? { filters } : {}) };
      if (typeof options.out === 'string' && format !== undefined) {
        if (by !== undefined || compareWith !== undefined) throw new UsageError('Flaggorna --by och --compare visas på skärmen eller i json; en fil med --out innehåller hela uppdelningen på kön (och --filter).');
        // Every file comes from results.export, the same bytes the app saves.
        const layout = format === 'csv' || format === 'tidy' ? { format: 'csv' as const, csvLayout: format === 'tidy' ? ('tidy' as const) : ('excel' as const) } : { format: format as 'json' | 'xlsx' };
        const exported = await ctx.call('results.export', { reviewId, ...layout, ...view });
        const file = path.resolve(ctx.cwd, options.out);
        writeFileAtomic(file, Buffer.from(exported.contentBase64, 'base64'));
        return { json: { file, bytes: exported.bytes }, human: `Skrev resultaten (${format}) till ${file}.` };
      }
      if (format === 'csv') {
        // The same bytes as the saved file, so a pipe and a file never differ.
        const exported = await ctx.call('results.export', { reviewId, format: 'csv', csvLayout: 'excel', ...view });
        const csv = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
        return { json: csv, human: csv };
      }
      const results = await ctx.call('results.get', { reviewId, ...view, ...(by ? { by } : {}), ...(compareWith ? { compareWith } : {}) });
      if (format === undefined) return { json: results, human: resultsSummary(results) };
      return { json: results, human: format === 'tidy' ? tidyCsv(results) : `${JSON.stringify(results, null, 2)}\n` };
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

/** The audit in Swedish: how many figures and hidden cells, and every cell the figures give away. */
function auditSummary(audit: AuditReportOutput): string {
  const head = `Angriparens granskning av publiceringsunderlaget (gräns ${audit.threshold} akter): ${audit.published} publicerade tal, ${audit.hidden} dolda uppgifter.`;
  if (audit.disclosed.length === 0) return `${head}\nIngen dold uppgift går att räkna fram ur de publicerade talen tillsammans.`;
  return [head, `${audit.disclosed.length} dolda uppgifter går att räkna fram:`, ...audit.disclosed.map((d) => `  ${d.label}: ${d.interval.min === d.interval.max ? `exakt ${d.interval.min}` : `mellan ${d.interval.min} och ${d.interval.max}`}`)].join('\n');
}
