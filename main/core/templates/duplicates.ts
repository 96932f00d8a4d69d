import type { Database } from 'better-sqlite3';
import { sameNameKey } from '../../../shared/util/same-name';
import { listLatestTemplates } from './repository';

/**
 * A warning when another template already has this name: allowed (a copy may start with the same
 * name), but two templates that read alike are easily mixed up when a review is created.
 */
export function sameTemplateNameWarnings(db: Database, name: string, ownId?: string): string[] {
  const key = sameNameKey(name);
  const twin = listLatestTemplates(db).find((t) => t.id !== ownId && sameNameKey(t.name) === key);
  if (!twin) return [];
  return [`Det finns redan en mall som heter "${twin.name}". Byt namn på någon av dem, så att de inte blandas ihop när en granskning skapas.`];
}
