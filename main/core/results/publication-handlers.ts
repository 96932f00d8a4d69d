import type { Database } from 'better-sqlite3';
import type { AuditReportOutput } from '../../../shared/contract/publication';
import { auditSystem } from '../../../shared/disclosure/audit';
import type { PublicationSet } from '../../../shared/results/publication/build';
import { loadSolver } from '../disclosure/highs-solver';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid } from '../errors';
import { readReport } from '../report/repository';
import { requireReview } from '../reviews/handlers';
import { publicationSetOf } from './publication-set';

/** The attacker's audit over a built publication set (docs/disclosure.md §5). */
export async function auditPublication(set: PublicationSet): Promise<AuditReportOutput> {
  const solver = await loadSolver();
  const report = auditSystem(set.audit.system, set.audit.printed, set.audit.hidden, set.results.threshold, solver);
  return { threshold: set.results.threshold, ...report };
}

/**
 * The review's publication set, audited: what every published export writes. Like the personnummer
 * scan, a set the audit finds a way into is refused, naming the cells — nothing is written.
 */
export async function auditedPublicationSet(db: Database, reviewId: string): Promise<PublicationSet> {
  const set = publicationSetOf(db, reviewId);
  await requireUndisclosed(set);
  return set;
}

/** Refuses (VALIDATION, naming every cell) a set whose figures together give a hidden cell away. */
export async function requireUndisclosed(set: PublicationSet): Promise<void> {
  const audit = await auditPublication(set);
  if (audit.disclosed.length > 0) {
    const cells = audit.disclosed.map((d) => `${d.label} (${d.interval.min === d.interval.max ? `= ${d.interval.min}` : `${d.interval.min}–${d.interval.max}`})`);
    throw new DomainError(
      'VALIDATION',
      `Exporten stoppades: de publicerade talen tillsammans avslöjar ${cells.length === 1 ? 'en dold uppgift' : `${cells.length} dolda uppgifter`}: ${cells.join('; ')}. Inget har skrivits. Höj gränsen för små tal eller kontakta förvaltningens statistiker.`,
      audit.disclosed.map((d) => ({ path: `$.publication.${d.id}`, message: d.label })),
    );
  }
}

export const publicationHandlers: HandlerMap = {
  'results.audit': async ({ reviewId }, { db }) => auditPublication(publicationSetOf(db, reviewId)),
  'reviews.setPublishThreshold': ({ reviewId, threshold, reason }, { db, now, actor }) => {
    const review = requireReview(db, reviewId);
    const report = readReport(db, reviewId);
    if (report && report.status !== 'utkast') {
      throw invalid('Gränsen kan inte ändras medan tjänsteutlåtandet är skickat för godkännande eller godkänt: det bygger på de publicerade talen. Återöppna utkastet först.');
    }
    if (threshold === review.publishThreshold) return { threshold, previous: threshold };
    db.transaction(() => {
      db.prepare('UPDATE review SET publish_threshold = ?, updated_at = ? WHERE id = ?').run(threshold, now().toISOString(), reviewId);
      db.prepare('INSERT INTO publication_event (review_id, at, actor, from_threshold, to_threshold, reason) VALUES (?, ?, ?, ?, ?, ?)').run(reviewId, now().toISOString(), actor, review.publishThreshold, threshold, reason.trim());
    })();
    return { threshold, previous: review.publishThreshold };
  },
};
