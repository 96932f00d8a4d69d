import type { Database } from 'better-sqlite3';
import type { Template } from '../../../shared/templates/schema';
import { notFound } from '../errors';
import { findTemplate } from '../templates/repository';
import { requireReview } from './repository';

/** A review's template version is frozen, so its parsed form can be kept (keyed per database). */
const templateCache = new WeakMap<Database, Map<string, Template>>();

export function reviewTemplate(db: Database, reviewId: string): Template {
  const ref = db.prepare('SELECT template_id, template_version FROM review WHERE id = ?').get(reviewId) as { template_id: string; template_version: number } | undefined;
  if (!ref) requireReview(db, reviewId);
  const key = `${ref!.template_id}@${ref!.template_version}`;
  const cache = templateCache.get(db) ?? new Map<string, Template>();
  templateCache.set(db, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const row = findTemplate(db, ref!.template_id, ref!.template_version);
  if (!row) throw notFound(`Granskningens mall (${ref!.template_id} version ${ref!.template_version}) finns inte längre.`);
  const template = JSON.parse(row.document) as Template;
  cache.set(key, template);
  return template;
}
