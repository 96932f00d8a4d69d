import path from 'node:path';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { readUserFile } from '../../core/files';
import { formatNumber } from '../../../shared/util/format-sv';
import { akter, rader } from '../../../shared/util/plural-sv';
import { MAX_CASE_LIST_BYTES } from '../../../shared/contract/cases';

export const caseCommands: CliCommand[] = [
  {
    words: ['cases', 'import'],
    usage: 'granska cases import <granskning> <fil.csv> [--pseudonymise --key-out <fil>] [--on-existing skip|update] [--unknown-units add|skip] [--all-or-nothing] [--json]',
    summary:
      'Importerar en akt-lista. Giltiga rader importeras och avvisade rader listas (med --all-or-nothing: allt eller inget). ' +
      'Enheter som granskningen saknar läggs till, eller hoppas över med --unknown-units skip.',
    options: ['key-out', 'on-existing', 'unknown-units'],
    booleans: ['pseudonymise', 'all-or-nothing'],
    async run(ctx, { positionals, options }) {
      const [reviewId, fileArg] = positionals;
      if (!reviewId || !fileArg) throw new UsageError('Ange granskningens id och filen som ska importeras.');
      const pseudonymise = options.pseudonymise === true;
      const keyOut = typeof options['key-out'] === 'string' ? path.resolve(ctx.cwd, options['key-out']) : undefined;
      if (pseudonymise && !keyOut) throw new UsageError('Med --pseudonymise måste kodnyckeln skrivas till en fil: ange --key-out <fil>.');
      if (keyOut && !pseudonymise) throw new UsageError('--key-out används bara tillsammans med --pseudonymise.');
      const onExisting = options['on-existing'];
      if (onExisting !== undefined && onExisting !== 'skip' && onExisting !== 'update') throw new UsageError('--on-existing ska vara skip eller update.');
      const unknownUnits = options['unknown-units'];
      if (unknownUnits !== undefined && unknownUnits !== 'add' && unknownUnits !== 'skip') throw new UsageError('--unknown-units ska vara add (lägg till enheterna i granskningen) eller skip (hoppa över raderna).');
      const file = path.resolve(ctx.cwd, fileArg);
      const bytes = readUserFile(file, MAX_CASE_LIST_BYTES);
      // The core writes the key durably before it commits the cases, and removes it if the
      // commit fails; a leftover of an interrupted run is recognised and replaced on retry.
      const result = await ctx.call('cases.import', {
        reviewId,
        fileName: path.basename(file),
        contentBase64: bytes.toString('base64'),
        onExisting,
        unknownUnits,
        validRowsOnly: options['all-or-nothing'] !== true,
        pseudonymise,
        keyFile: keyOut,
      });
      const lines = [
        `Importerade ${akter(result.imported)}${result.updated ? `, uppdaterade ${formatNumber(result.updated)}` : ''}${result.skipped ? `, hoppade över ${formatNumber(result.skipped)} som redan fanns` : ''}.`,
        `Teckenkodning: ${result.encoding}; enheter: ${result.units.join(', ')}.`,
        ...unknownUnitLines(result),
        ...result.rejected.map((r) => `Rad ${formatNumber(r.row)}${r.ref ? `, akt ${r.ref}` : ''}${r.column ? ` (${r.column})` : ''}: ${r.reason}`),
      ];
      if (result.keyFile) lines.push(`Kodnyckeln skrevs till ${result.keyFile}. Förvara den säkert; den finns inte i databasen.`);
      const json = {
        imported: result.imported,
        updated: result.updated,
        skipped: result.skipped,
        skippedUnknown: result.skippedUnknown,
        unknownUnits: result.unknownUnits.map(({ unit, rows }) => ({ unit, rows })),
        rejected: result.rejected.map(({ row, reason, column, ref }) => ({ row, reason, ...(column ? { column } : {}), ...(ref ? { ref } : {}) })),
        ...(result.keyFile ? { keyFile: result.keyFile } : {}),
      };
      return { json, human: lines.join('\n') };
    },
  },
  {
    words: ['cases', 'list'],
    usage: 'granska cases list <granskning> [--json]',
    summary: 'Listar akterna i en granskning.',
    async run(ctx, { positionals }) {
      const [reviewId] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id.');
      const { cases } = await ctx.call('cases.list', { reviewId });
      const sexLabel = { F: 'flicka/kvinna', M: 'pojke/man', U: 'okänt' };
      return { json: cases, human: cases.length ? cases.map((c) => `${c.ref}  ${c.unit}  ${sexLabel[c.sex]}  ${c.ageBand ?? 'ålder okänd'}`).join('\n') : 'Inga akter.' };
    },
  },
];

/** What happened to the units the review did not have: added, or their rows skipped. */
function unknownUnitLines(result: { unknownUnits: { unit: string; rows: number }[]; skippedUnknown: number }): string[] {
  if (result.unknownUnits.length === 0) return [];
  const list = result.unknownUnits.map((u) => `${u.unit} (${rader(u.rows)})`).join(', ');
  return result.skippedUnknown > 0
    ? [`Hoppade över ${rader(result.skippedUnknown)} med enheter som granskningen inte har: ${list}.`]
    : [`Enheter som granskningen inte hade lades till: ${list}. Använd --unknown-units skip för att hoppa över sådana rader.`];
}
