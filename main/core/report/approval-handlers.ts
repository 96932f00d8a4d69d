import { ROLE_LABELS } from '../../../shared/contract/profile';
import type { ReportDraft } from '../../../shared/contract/report-model';
import type { Issue } from '../../../shared/result';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid } from '../errors';
import { readProfile } from '../profile/repository';
import { sha256Hex } from './package';
import { readinessIssues } from './readiness';
import { auditedRenderSource, renderDocument, requireNoIdentityNumbers } from './render';
import { draftSha256, ensureReport, requireRevision, roleOf, stateOf } from './report-state';
import { activeApprovals, insertApproval, insertFrozen, localIsoDate, logReportEvent, readReport, revokeApprovals, updateReport, type RecordedApproval } from './repository';
import { isApproverRole, pendingApprovers, requireAllowed } from './workflow';

/**
 * Sending, approving and reopening the memo (issue 15): the approvers the settings name approve in
 * any order, each with the name, title and role of the profile; an incomplete draft is refused
 * with every gap named unless an approver records an override with a reason; the last approval
 * writes the memo and Bilaga 1 once, dated by the approval, and keeps those bytes with their
 * SHA-256 — every later copy (an export, the board package) is exactly these bytes.
 */

function readinessRefusal(what: string, issues: readonly Issue[], canOverride: boolean): DomainError {
  const hint = canOverride
    ? ' Åtgärda bristerna, eller ange ett skäl för att gå vidare ändå (undantag).'
    : ' Åtgärda bristerna; en avdelningschef eller socialdirektör kan också gå vidare med ett angivet skäl.';
  return invalid(`${what}: ${issues.map((i) => i.message).join(' ')}${hint}`, [...issues]);
}

/** The override is recorded only where there was something to override; without one the gaps refuse. */
function checkReadiness(ctx: CoreContext, reviewId: string, draft: ReportDraft, what: string, override: string | undefined): string | null {
  const issues = readinessIssues(ctx.db, reviewId, draft);
  if (issues.length === 0) return null;
  const role = roleOf(ctx);
  if (override === undefined) throw readinessRefusal(what, issues, isApproverRole(role));
  if (!isApproverRole(role)) throw invalid('Bara en avdelningschef eller socialdirektör kan gå vidare med ett ofullständigt utkast.', [{ path: '$.override', message: 'Kräver rollen avdelningschef eller socialdirektör.' }]);
  return `${override.trim()} (Brister: ${issues.map((i) => i.message).join(' ')})`.slice(0, 2_000);
}

const personOf = (a: { name: string; title: string }) => (a.title ? `${a.name}, ${a.title}` : a.name);

export const approvalHandlers: HandlerMap = {
  'report.submit': ({ reviewId, revision, override }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireAllowed('submit', stateOf(ctx, reviewId, report));
      requireRevision(report, revision);
      const overridden = checkReadiness(ctx, reviewId, report.draft, 'Utkastet kan inte skickas för godkännande ännu', override);
      const nowIso = ctx.now().toISOString();
      const next = updateReport(db, reviewId, { status: 'for_godkannande' }, nowIso, ctx.actor);
      if (overridden) logReportEvent(db, reviewId, 'undantag', nowIso, ctx.actor, `Skickat trots brister: ${overridden}`);
      logReportEvent(db, reviewId, 'skickad', nowIso, ctx.actor, null);
      return { status: 'for_godkannande' as const, revision: next };
    }).immediate();
  },

  'report.approve': async ({ reviewId, revision, override }, ctx) => {
    const { db } = ctx;
    // The name and title fill "Attesterat av": an approval without a name would be no approval at all.
    const profile = readProfile(db);
    if (!profile || profile.name.trim() === '') {
      throw invalid('Ett godkännande behöver ett namn: spara ditt namn, din titel och rollen (avdelningschef eller socialdirektör) i profilen först.');
    }
    const report = ensureReport(ctx, reviewId);
    const state = stateOf(ctx, reviewId, report);
    requireAllowed('approve', state);
    requireRevision(report, revision);
    const overridden = checkReadiness(ctx, reviewId, report.draft, 'Utkastet kan inte godkännas ännu', override);
    const role = profile.role;
    const now = ctx.now();
    const nowIso = now.toISOString();
    const given = activeApprovals(db, reviewId);
    const mine: RecordedApproval = { name: profile.name, title: profile.title, date: localIsoDate(now), role, override: overridden, approvedAt: nowIso };
    const last = pendingApprovers(state).every((r) => r === role);

    // The last approval writes the documents once, before anything is recorded: dated by the approval, audited and scanned like every export.
    let frozen: { memo: Buffer; bilaga1: Buffer; appendices: { number: number; title: string }[] } | null = null;
    if (last) {
      const source = await auditedRenderSource(ctx, reviewId, report.draft, 'godkand', { approvals: [...given, mine], createdAt: nowIso, author: profile.name });
      requireNoIdentityNumbers(report.draft, source.appendices);
      frozen = {
        memo: await renderDocument('memo', source.input),
        bilaga1: await renderDocument('bilaga1', source.input),
        appendices: source.input.appendices.map((a) => ({ number: a.number, title: a.title })),
      };
    }

    return db.transaction(() => {
      // Nothing may have changed while the documents were written: the same revision, the same approvals.
      const now2 = readReport(db, reviewId)!;
      const state2 = stateOf(ctx, reviewId, now2);
      if (now2.revision !== report.revision || state2.approvedBy.length !== state.approvedBy.length) {
        throw new DomainError('CONFLICT', 'Tjänsteutlåtandet ändrades eller godkändes av någon annan medan dokumenten skrevs. Läs in det igen och godkänn på nytt; ditt godkännande har inte sparats.');
      }
      requireAllowed('approve', state2);
      insertApproval(db, reviewId, { name: profile.name, title: profile.title, role, draftSha256: draftSha256(report.draft), override: overridden }, nowIso, ctx.actor);
      if (overridden) logReportEvent(db, reviewId, 'undantag', nowIso, ctx.actor, `Godkänt trots brister: ${overridden}`);
      logReportEvent(db, reviewId, 'godkand', nowIso, ctx.actor, `${personOf(profile)} (${ROLE_LABELS[role].toLocaleLowerCase('sv-SE')})`);
      if (!frozen) {
        const next = updateReport(db, reviewId, {}, nowIso, ctx.actor);
        return { status: 'for_godkannande' as const, revision: next };
      }
      const next = updateReport(db, reviewId, { status: 'godkand' }, nowIso, ctx.actor);
      insertFrozen(db, reviewId, {
        frozenAt: nowIso,
        revision: next,
        memo: frozen.memo,
        memoSha256: sha256Hex(frozen.memo),
        bilaga1: frozen.bilaga1,
        bilaga1Sha256: sha256Hex(frozen.bilaga1),
        appendices: frozen.appendices,
      });
      return { status: 'godkand' as const, revision: next };
    }).immediate();
  },

  'report.reopen': ({ reviewId, reason }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireAllowed('reopen', stateOf(ctx, reviewId, report));
      const nowIso = ctx.now().toISOString();
      revokeApprovals(db, reviewId, nowIso);
      const next = updateReport(db, reviewId, { status: 'utkast' }, nowIso, ctx.actor);
      logReportEvent(db, reviewId, 'ateroppnad', nowIso, ctx.actor, reason);
      return { status: 'utkast' as const, revision: next };
    }).immediate();
  },
};
