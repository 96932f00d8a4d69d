import type { Database } from 'better-sqlite3';
import type { Issue } from '../../../shared/result';
import { formatDateTime } from '../../../shared/util/format-sv';
import { sameNameKey } from '../../../shared/util/same-name';
import { invalid } from '../errors';


/**
 * Units that differ only in case ("Skarpnäck"/"skarpnäck") would split one unit's files into two
 * strata of the sample and two rows of every result table: refused, naming both spellings.
 */
export function refuseUnitsDifferingInCase(units: readonly string[]): void {
  const firstByKey = new Map<string, number>();
  const issues: Issue[] = [];
  const pairs: string[] = [];
  units.forEach((unit, i) => {
    const key = sameNameKey(unit);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else if (units[first] !== unit) {
      pairs.push(`"${units[first]}" och "${unit}"`);
      issues.push({ path: `$.units[${i}]`, message: `"${unit}" är samma enhet som "${units[first]}" med annan stavning (stora och små bokstäver). Skriv enheten på ett sätt.` });
    }
  });
  if (issues.length === 0) return;
  throw invalid(
    `${pairs.length === 1 ? 'Enheterna' : 'Enhetsparen'} ${pairs.join(', ')} skiljer sig bara i stora och små bokstäver. Skriv varje enhet på ett sätt, så att dess akter inte delas upp på två enheter.`,
    issues,
  );
}

/** A warning when another review already has this Dnr and title: allowed (a follow-up review may), but often a second click. */
export function sameDnrAndTitleWarnings(db: Database, dnr: string | undefined, title: string, exceptId?: string): string[] {
  if (!dnr) return [];
  const rows = db.prepare('SELECT id, title, dnr, created_at, created_by, archived FROM review WHERE dnr IS NOT NULL').all() as {
    id: string;
    title: string;
    dnr: string;
    created_at: string;
    created_by: string;
    archived: 0 | 1;
  }[];
  const twin = rows.find((r) => r.id !== exceptId && sameNameKey(r.dnr) === sameNameKey(dnr) && sameNameKey(r.title) === sameNameKey(title));
  if (!twin) return [];
  return [
    `Det finns redan en granskning med Dnr ${twin.dnr} och titeln "${twin.title}" (skapad ${formatDateTime(twin.created_at)} av ${twin.created_by}${twin.archived ? ', arkiverad' : ''}). ` +
      'Kontrollera att du inte har skapat samma granskning två gånger; annars kan du arkivera eller ta bort den ena.',
  ];
}
