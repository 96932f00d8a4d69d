import type { Database } from 'better-sqlite3';
import type { TemplateRecord, TemplateSummary } from '../../../shared/contract/templates';
import type { Template } from '../../../shared/templates/schema';
import { blankTemplate } from '../../../shared/templates/defaults';
import { parseTemplate, parseTemplateFile } from '../../../shared/templates/validate';
import { slugify } from '../../../shared/util/slug';
import { TOO_DEEP_MESSAGE, jsonTextTooDeep, valueTooDeep } from '../../../shared/validation/json-depth';
import type { HandlerMap } from '../dispatch';
import { sameTemplateNameWarnings } from './duplicates';
import { DomainError, invalid, notFound } from '../errors';
import {
  countFrozenVersions,
  deleteTemplateVersions,
  findTemplate,
  insertTemplate,
  listLatestTemplates,
  serialiseTemplate,
  templateIdExists,
  templateVersions,
  updateTemplate,
  type TemplateRow,
} from './repository';

export const templateHandlers: HandlerMap = {
  'templates.list': (_input, { db }) => ({ templates: listLatestTemplates(db).map((row) => summarise(db, row)) }),

  'templates.get': ({ id, version }, { db }) => toRecord(db, requireTemplate(db, id, version)),

  'templates.create': ({ name, from }, { db, now }) => {
    const base = from ? readDocument(requireTemplate(db, from.id, from.version)) : undefined;
    const id = uniqueId(db, slugify(name));
    const template: Template = base ? { ...structuredClone(base), id, name, version: 1 } : blankTemplate(id, name);
    const warnings = sameTemplateNameWarnings(db, name);
    db.transaction(() => insertTemplate(db, template, 'user', now().toISOString()))();
    return { id, version: 1, warnings };
  },

  'templates.save': ({ template: input }, { db, now }) => {
    const template = checked(input);
    return db.transaction(() => {
      const existing = findTemplate(db, template.id, template.version);
      if (!existing) throw notFound(`Mallen "${template.id}" version ${template.version} finns inte. Skapa mallen först eller importera den.`);
      if (existing.origin === 'bundled') {
        throw new DomainError('FROZEN', `"${existing.name}" följer med programmet och kan inte ändras. Skapa en kopia och ändra i den.`);
      }
      if (existing.frozen) {
        // A version a review uses is history; the edit becomes the next version.
        const next = Math.max(...templateVersions(db, template.id)) + 1;
        insertTemplate(db, { ...template, version: next }, existing.origin, now().toISOString());
        return { id: template.id, version: next, newVersion: true };
      }
      updateTemplate(db, template, now().toISOString());
      return { id: template.id, version: template.version, newVersion: false };
    })();
  },

  'templates.import': ({ document, text, asCopy }, { db, now }) => {
    if (document === undefined && text === undefined) throw invalid('Ange mallfilens innehåll.', [{ path: '$.document', message: 'Värdet saknas men krävs.' }]);
    // Before anything recursive (validation, messages quoting a value) touches the input.
    if (text !== undefined ? jsonTextTooDeep(text) : valueTooDeep(document)) throw invalid('Mallen importerades inte: filen är inte en granskningsmall.', [{ path: '$', message: TOO_DEEP_MESSAGE }]);
    // Every fault of the file at once, each message saying where ("Fråga 4 (H2): …").
    const parsed = parseTemplateFile(text !== undefined ? { text } : { document });
    if (!parsed.ok) {
      throw invalid(`Mallen importerades inte: ${parsed.issues.length === 1 ? 'ett fel' : `${parsed.issues.length} fel`} i filen.`, parsed.issues);
    }
    let template = parsed.template;
    return db.transaction(() => {
      const existing = findTemplate(db, template.id, template.version);
      if (existing) {
        if (existing.document === serialiseTemplate(template)) {
          return { id: template.id, version: template.version, name: template.name, status: 'identical' as const, warnings: [] };
        }
        if (!asCopy) {
          throw new DomainError(
            'CONFLICT',
            `Mallen "${template.id}" version ${template.version} finns redan med annat innehåll. ` +
              'Importera filen som kopia, eller ändra id eller version i filen.',
          );
        }
        template = { ...template, id: uniqueId(db, template.id), version: 1 };
      }
      const warnings = sameTemplateNameWarnings(db, template.name, template.id);
      insertTemplate(db, template, 'imported', now().toISOString());
      return { id: template.id, version: template.version, name: template.name, status: 'imported' as const, warnings };
    })();
  },

  'templates.export': ({ id, version }, { db }) => {
    const row = requireTemplate(db, id, version);
    return { document: readDocument(row), fileName: `${row.id}-v${row.version}.granskningsmall.json` };
  },

  'templates.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const latest = requireTemplate(db, id);
      if (latest.origin === 'bundled') throw new DomainError('FROZEN', `"${latest.name}" följer med programmet och kan inte tas bort.`);
      if (countFrozenVersions(db, id) > 0) {
        throw new DomainError('CONFLICT', `"${latest.name}" används av en granskning och kan inte tas bort.`);
      }
      return { id, deletedVersions: deleteTemplateVersions(db, id) };
    })(),
};

function requireTemplate(db: Database, id: string, version?: number): TemplateRow {
  const row = findTemplate(db, id, version);
  if (!row) throw notFound(version === undefined ? `Det finns ingen mall med id "${id}".` : `Mallen "${id}" har ingen version ${version}.`);
  return row;
}

/** Cross-field rules (unique ids, known areas and scales) apply to saves exactly as to imports. */
function checked(template: Template): Template {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw invalid(`Mallen sparades inte: ${parsed.issues.length === 1 ? 'ett fel' : `${parsed.issues.length} fel`}.`, parsed.issues.map((i) => ({ ...i, path: i.path.replace(/^\$/, '$.template') })));
  return parsed.template;
}

function readDocument(row: TemplateRow): Template {
  return JSON.parse(row.document) as Template;
}

function uniqueId(db: Database, wanted: string): string {
  if (!templateIdExists(db, wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, 70)}-${n}`;
    if (!templateIdExists(db, candidate)) return candidate;
  }
}

function summarise(db: Database, row: TemplateRow): TemplateSummary {
  const doc = readDocument(row);
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    versions: templateVersions(db, row.id),
    targetGroup: row.target_group,
    origin: row.origin,
    areaCount: doc.areas.length,
    questionCount: doc.questions.length,
    frozen: row.frozen === 1,
    updatedAt: row.updated_at,
  };
}

function toRecord(db: Database, row: TemplateRow): TemplateRecord {
  return {
    template: readDocument(row),
    origin: row.origin,
    frozen: row.frozen === 1,
    versions: templateVersions(db, row.id),
    updatedAt: row.updated_at,
  };
}
