import type { Database } from 'better-sqlite3';
import type { Template } from '../../../shared/templates/schema';
import { parseTemplate } from '../../../shared/templates/validate';
import oppenvardBarn from '../../../templates/oppenvard-barn-0-12.json';
import genomlysningBarnarenden from '../../../templates/genomlysning-barnarenden.json';
import { findTemplate, insertTemplate } from './repository';

/**
 * The templates that ship with the app, imported as data so every face (Electron, server, CLI)
 * and every packaging gets the same files without looking for them on disk.
 */
const bundledDocuments: unknown[] = [oppenvardBarn, genomlysningBarnarenden];

export function bundledTemplates(): Template[] {
  return bundledDocuments.map((doc) => {
    const parsed = parseTemplate(doc);
    if (!parsed.ok) {
      // A broken bundled template is a build defect; fail loudly in development and tests.
      throw new Error(`Bundled template is invalid: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    return parsed.template;
  });
}

/** Adds bundled template versions the database does not have yet; never touches existing ones. */
export function seedBundledTemplates(db: Database, nowIso: string): void {
  db.transaction(() => {
    for (const t of bundledTemplates()) {
      if (!findTemplate(db, t.id, t.version)) insertTemplate(db, t, 'bundled', nowIso);
    }
  })();
}
