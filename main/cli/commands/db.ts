import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { checkDatabaseFile, type FileCheck } from '../../core/db/check-file';
import { backupAdvice, type DamagedObject } from '../../core/db/integrity';
import { resolveDbPath } from '../../core/paths';
import { formatNumber } from '../../../shared/util/format-sv';

/** Exit code when the file is damaged: like a broken audit trail, a finding about the data that scripts can stop on. */
export const DB_DAMAGED_EXIT = 2;

const megabytes = (bytes: number) => formatNumber(Math.max(0.1, Math.round(bytes / 1024 / 102.4) / 10));

function describe(object: DamagedObject): string {
  if (object.kind === 'index') return `index ${object.name} (i tabellen ${object.table})`;
  if (object.kind === 'table') return `tabellen ${object.name}`;
  return 'filens sidstruktur (lediga sidor eller sidor som ingen tabell äger)';
}

function human(check: FileCheck): string {
  if (check.ok) {
    return (
      `Databasen ${check.file} är hel: SQLite:s fullständiga kontroll (integrity_check) av alla sidor, tabeller och index fann inga fel ` +
      `(${formatNumber(check.pages)} sidor, ${megabytes(check.bytes)} MB). Kontrollen skrev ingenting i filen.`
    );
  }
  const lines = check.notADatabase
    ? [`Databasen ${check.file} är skadad: SQLite kan inte läsa den som en databas (filens huvud eller schema är skadat, eller det är en annan sorts fil).`]
    : [
        `Databasen ${check.file} är skadad: SQLite:s fullständiga kontroll (integrity_check) fann ${formatNumber(check.problems)} fel.`,
        'Skadat:',
        ...check.damaged.map((d) => `  ${describe(d)}`),
      ];
  lines.push('Kontrollen skrev ingenting i filen. Programmet öppnar den inte för att skriva så länge den är skadad.');
  if (check.indexesOnly) {
    lines.push(
      'Bara index är skadade; raderna i tabellerna är hela. Index kan byggas om (SQLite:s REINDEX): låt IT-supporten göra det på en kopia av filen ' +
        'och kontrollera kopian med "granska --db <kopian> db check" innan den ersätter originalet.',
    );
  }
  lines.push(backupAdvice(check.file, check.backup));
  return lines.join('\n');
}

export const dbCommands: CliCommand[] = [
  {
    words: ['db', 'check'],
    usage: 'granska db check [--json]',
    summary: 'Kontrollerar hela databasfilen (alla sidor, tabeller och index) utan att skriva i den; slutkod 2 om den är skadad, med vad som är skadat och vilken säkerhetskopia som kan användas.',
    async run(_ctx, { positionals, options }) {
      if (positionals.length > 0) throw new UsageError(`Okänt argument: ${positionals[0]}. Databasen anges med --db FIL.`);
      // The same file every other command opens: --db, else GRANSKA_DB, else the per-user default.
      const file = resolveDbPath(typeof options.db === 'string' ? options.db : undefined, process.env);
      const check = checkDatabaseFile(file);
      const json = {
        file: check.file,
        ok: check.ok,
        problems: check.problems,
        damaged: check.damaged,
        indexesOnly: check.indexesOnly,
        notADatabase: check.notADatabase,
        pages: check.pages,
        bytes: check.bytes,
        ...(check.backup ? { backup: { path: check.backup.path, takenAt: check.backup.takenAt.toISOString() } } : {}),
      };
      return { json, human: human(check), exitCode: check.ok ? 0 : DB_DAMAGED_EXIT };
    },
  },
];
