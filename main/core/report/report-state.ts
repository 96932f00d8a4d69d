import { ReportDraftSchema, type ReportDraft } from '../../../shared/contract/report-model';
import { defaultDraft } from '../../../shared/report/generate';
import type { CoreContext } from '../context';
import { DomainError } from '../errors';
import { readProfile } from '../profile/repository';
import { requireReview } from '../reviews/repository';
import { draftInputOf } from './draft-input';
import { sha256Hex } from './package';
import { activeApprovals, insertReport, localIsoDate, logReportEvent, readReport, readReportSettings, type ReportEventAction, type ReportRow } from './repository';
import { requireAllowed, type ReportAction, type ReportState, type WorkingRole } from './workflow';

/** The pieces every report handler shares: the draft created on first use, the rules' state, the revision check. */

export const roleOf = (ctx: CoreContext): WorkingRole => readProfile(ctx.db)?.role ?? null;

/**
 * The review's report, created from its own data on first use (logged as "skapad"). The first
 * draft is checked against the draft schema before it is stored, so a generated text that could
 * not be saved back (or carries a number) is a bug found here, not a draft stuck in the editor.
 */
export function ensureReport(ctx: CoreContext, reviewId: string): ReportRow {
  const { db } = ctx;
  // The usual case reads without taking the write lock; a report row implies its review (foreign key).
  const found = readReport(db, reviewId);
  if (found) return found;
  return db.transaction(() => {
    requireReview(db, reviewId);
    const existing = readReport(db, reviewId);
    if (existing) return existing;
    const draft = ReportDraftSchema.parse(defaultDraft(draftInputOf(ctx, reviewId)));
    const nowIso = ctx.now().toISOString();
    const { actor } = ctx;
    if (insertReport(db, reviewId, draft, nowIso, actor)) logReportEvent(db, reviewId, 'skapad', nowIso, actor);
    return readReport(db, reviewId)!;
  }).immediate();
}

/** What the workflow's rules look at, now. */
export function stateOf(ctx: CoreContext, reviewId: string, report: ReportRow): ReportState {
  return {
    status: report.status,
    role: roleOf(ctx),
    approvers: readReportSettings(ctx.db).approvers,
    approvedBy: activeApprovals(ctx.db, reviewId).map((a) => a.role),
  };
}

/** Refuses `action` unless the rules allow it for this report now. */
export function requireReportAllowed(ctx: CoreContext, reviewId: string, report: ReportRow, action: ReportAction): void {
  requireAllowed(action, stateOf(ctx, reviewId, report));
}

export function requireRevision(report: ReportRow, revision: number | undefined): void {
  if (revision === undefined || revision === report.revision) return;
  const at = new Date(report.updatedAt);
  const when = `${localIsoDate(at)} kl. ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  throw new DomainError(
    'CONFLICT',
    `Utkastet har ändrats sedan du läste in det (senast av ${report.updatedBy}, ${when}). Läs in det igen innan du fortsätter; det du gjorde nu har inte sparats.`,
    [{ path: '$.revision', message: `Du har version ${revision}, den sparade är version ${report.revision}.` }],
  );
}

/** A write that only records what was read (an export) is skipped on a read-only store: reading and exporting still work there. */
export function logIfWritable(ctx: CoreContext, reviewId: string, action: ReportEventAction, note: string): void {
  if (ctx.db.pragma('query_only', { simple: true }) === 1) return;
  logReportEvent(ctx.db, reviewId, action, ctx.now().toISOString(), ctx.actor, note);
}

/** The SHA-256 of the draft's text as an approver approved it (its stored JSON). */
export const draftSha256 = (draft: ReportDraft): string => sha256Hex(Buffer.from(JSON.stringify(draft), 'utf8'));
