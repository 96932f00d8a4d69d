import type { Database } from 'better-sqlite3';
import type { AuditReportOutput } from '../../../shared/contract/publication';
import { auditSystem } from '../../../shared/disclosure/audit';
import type { PublicationSet } from '../../../shared/results/publication/build';
import { loadSolver } from '../disclosure/highs-solver';
import { DomainError } from '../errors';
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
