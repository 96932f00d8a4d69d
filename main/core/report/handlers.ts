import { ROLE_LABELS } from '../../../shared/contract/profile';
import { APPENDIX_MIME_TYPES, REPORT_STATUS_LABELS, type ReportDocument } from '../../../shared/contract/report';
import { ReportDraftSchema } from '../../../shared/contract/report-model';
import { defaultDraft } from '../../../shared/report/generate';
import { regenerateDraft } from '../../../shared/report/regenerate';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../dispatch';
import { DomainError } from '../errors';
import { listAppendices } from './appendices';
import { approvalHandlers } from './approval-handlers';
import { appendixHandlers } from './appendix-handlers';
import { draftInputOf } from './draft-input';
import { reportFileName } from './file-names';
import { sha256Hex } from './package';
import { requireDraftWithoutIdentityNumbers } from './pii-scan';
import { readinessIssues } from './readiness';
import { auditedRenderSource, renderDocument, requireNoIdentityNumbers } from './render';
import { ensureReport, logIfWritable, requireReportAllowed, requireRevision, stateOf } from './report-state';
import { activeApprovals, activeFrozen, lastReportEvent, listReportEvents, logReportEvent, readReportSettings, updateReport, writeReportSettings } from './repository';
import { permissionsOf } from './workflow';

const DOCX_MIME = APPENDIX_MIME_TYPES.docx;

/** Saves by the same person within this span are one entry in the report's log (autosave runs every few seconds). */
const SAVE_LOG_SPAN_MS = 10 * 60 * 1000;

/**
 * The document of an approved memo is the one written at its last approval (kept with its
 * SHA-256); any other status is written now from the draft, audited and scanned first.
 */
async function exportDocument(ctx: CoreContext, reviewId: string, document: ReportDocument) {
  const report = ensureReport(ctx, reviewId);
  requireReportAllowed(ctx, reviewId, report, 'export');
  const fileName = reportFileName(document, report.draft, report.status);
  let content: Buffer;
  const frozen = report.status === 'godkand' ? activeFrozen(ctx.db, reviewId) : undefined;
  if (frozen) {
    content = document === 'memo' ? frozen.memo : frozen.bilaga1;
    const expected = document === 'memo' ? frozen.memoSha256 : frozen.bilaga1Sha256;
    if (sha256Hex(content) !== expected) throw new DomainError('INTERNAL', 'Det godkända dokumentet stämmer inte med sin kontrollsumma. Kör granska audit verify och kontakta förvaltningens IT-stöd.');
  } else {
    const source = await auditedRenderSource(ctx, reviewId, report.draft, report.status);
    requireNoIdentityNumbers(report.draft, source.appendices);
    content = await renderDocument(document, source.input);
  }
  logIfWritable(ctx, reviewId, 'exporterad', `${document === 'memo' ? 'Tjänsteutlåtande' : 'Bilaga 1'} (${REPORT_STATUS_LABELS[report.status]})`);
  return { fileName, mimeType: DOCX_MIME, contentBase64: content.toString('base64'), bytes: content.length };
}

const sectionLabel = (s: { id: string; title: string }) => ({ id: s.id, title: s.title });

const reportCoreHandlers: HandlerMap = {
  'report.get': ({ reviewId }, ctx) => {
    const report = ensureReport(ctx, reviewId);
    const { db } = ctx;
    const state = stateOf(ctx, reviewId, report);
    const p = permissionsOf(state);
    const approvals = activeApprovals(db, reviewId);
    const frozen = report.status === 'godkand' ? activeFrozen(db, reviewId) : undefined;
    const toApproval = (a: (typeof approvals)[number]) => ({ name: a.name, title: a.title, date: a.date, role: a.role, override: a.override });
    return {
      status: report.status,
      revision: report.revision,
      draft: report.draft,
      approvals: approvals.map(toApproval),
      approvers: state.approvers.map((role) => {
        const given = approvals.find((a) => a.role === role);
        return { role, label: ROLE_LABELS[role], approval: given ? toApproval(given) : null };
      }),
      readiness: report.status === 'godkand' ? [] : readinessIssues(db, reviewId, report.draft),
      frozen: frozen ? { frozenAt: frozen.frozenAt, memoSha256: frozen.memoSha256, bilaga1Sha256: frozen.bilaga1Sha256 } : null,
      events: listReportEvents(db, reviewId),
      appendices: listAppendices(db, reviewId),
      settings: readReportSettings(db),
      role: state.role,
      permissions: p,
    };
  },

  'report.save': ({ reviewId, revision, draft }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireReportAllowed(ctx, reviewId, report, 'edit');
      requireRevision(report, revision);
      requireDraftWithoutIdentityNumbers(draft);
      const now = ctx.now();
      const next = updateReport(db, reviewId, { draft }, now.toISOString(), ctx.actor);
      const last = lastReportEvent(db, reviewId);
      const sameSitting = last?.action === 'sparad' && last.actor === ctx.actor && now.getTime() - Date.parse(last.at) < SAVE_LOG_SPAN_MS;
      if (!sameSitting) logReportEvent(db, reviewId, 'sparad', now.toISOString(), ctx.actor);
      return { revision: next };
    }).immediate();
  },

  'report.regenerate': ({ reviewId, revision, overwrite, dryRun }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireReportAllowed(ctx, reviewId, report, 'edit');
      requireRevision(report, revision);
      const fresh = ReportDraftSchema.parse(defaultDraft(draftInputOf(ctx, reviewId)));
      const merged = regenerateDraft(report.draft, fresh, new Set(overwrite ?? []));
      const answer = { replaced: merged.replaced.map(sectionLabel), kept: merged.kept.map(sectionLabel) };
      if (dryRun || merged.replaced.length === 0) return { revision: report.revision, ...answer };
      const nowIso = ctx.now().toISOString();
      const next = updateReport(db, reviewId, { draft: ReportDraftSchema.parse(merged.draft) }, nowIso, ctx.actor);
      const kept = merged.kept.length > 0 ? ` Behållna (ändrade av någon): ${merged.kept.map((s) => s.title).join(', ')}.` : '';
      logReportEvent(db, reviewId, 'omskriven', nowIso, ctx.actor, `Omskrivna från granskningen: ${merged.replaced.map((s) => s.title).join(', ')}.${kept}`.slice(0, 2_000));
      return { revision: next, ...answer };
    }).immediate();
  },

  'report.export': ({ reviewId, document }, ctx) => exportDocument(ctx, reviewId, document),

  'report.settings.get': (_input, { db }) => readReportSettings(db),

  'report.settings.save': (settings, ctx) => {
    const current = readReportSettings(ctx.db);
    writeReportSettings(ctx.db, { ...settings, approvers: settings.approvers ?? current.approvers }, ctx.now().toISOString(), ctx.actor);
    return readReportSettings(ctx.db);
  },
};

export const reportHandlers: HandlerMap = { ...reportCoreHandlers, ...approvalHandlers, ...appendixHandlers };
