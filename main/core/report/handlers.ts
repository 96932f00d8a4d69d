import { APPENDIX_MIME_TYPES, MAX_APPENDICES, MAX_APPENDIX_BYTES, REPORT_STATUS_LABELS, type ReportDocument } from '../../../shared/contract/report';
import { ReportDraftSchema, type ReportDraft } from '../../../shared/contract/report-model';
import { defaultDraft, type EarlierReport } from '../../../shared/report/generate';
import { formatNumber } from '../../../shared/util/format-sv';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid, notFound } from '../errors';
import { readProfile } from '../profile/repository';
import { requireReview } from '../reviews/handlers';
import { readSample } from '../sampling/handlers';
import { reviewTemplate } from '../scoring/handlers';
import { sniffAppendix, baseFileName } from './appendix-sniff';
import { scanAppendixContent } from './appendix-content-scan';
import { appendixContent, deleteAppendix, findAppendix, insertAppendix, listAppendices, moveAppendix, retitleAppendix } from './appendices';
import { packagedMemoFileName, packageFileName, reportFileName } from './file-names';
import { buildBoardPackage, sha256Hex, type PackageFile } from './package';
import { readinessIssues } from './readiness';
import { auditedRenderSource, publishedResults, renderDocument, requireNoIdentityNumbers } from './render';
import {
  activeApprovals,
  insertApproval,
  insertReport,
  lastReportEvent,
  listReportEvents,
  localIsoDate,
  logReportEvent,
  readReport,
  readReportSettings,
  revokeApprovals,
  updateReport,
  writeReportSettings,
  type ReportEventAction,
  type ReportRow,
} from './repository';
import { NEXT_STATUS, permissionsOf, requireAllowed, type WorkingRole } from './workflow';

const DOCX_MIME = APPENDIX_MIME_TYPES.docx;

/** Saves by the same person within this span are one entry in the report's log (autosave runs every few seconds). */
const SAVE_LOG_SPAN_MS = 10 * 60 * 1000;

const roleOf = (ctx: CoreContext): WorkingRole => readProfile(ctx.db)?.role ?? null;

/**
 * The review's report, created from its own data on first use (logged as "skapad"). The first
 * draft is checked against the draft schema before it is stored, so a generated text that could
 * not be saved back (or carries a number) is a bug found here, not a draft stuck in the editor.
 */
function ensureReport(ctx: CoreContext, reviewId: string): ReportRow {
  const { db } = ctx;
  // The usual case reads without taking the write lock; a report row implies its review (foreign key).
  const found = readReport(db, reviewId);
  if (found) return found;
  return db.transaction(() => {
    const review = requireReview(db, reviewId);
    const existing = readReport(db, reviewId);
    if (existing) return existing;
    const draft = ReportDraftSchema.parse(
      defaultDraft({
        review,
        template: reviewTemplate(db, reviewId),
        results: publishedResults(reviewId, ctx),
        sample: readSample(db, reviewId),
        settings: readReportSettings(db),
        officers: review.inspectors,
        earlier: earlierReviews(db, reviewId),
      }),
    );
    const nowIso = ctx.now().toISOString();
    const { actor } = ctx;
    if (insertReport(db, reviewId, draft, nowIso, actor)) logReportEvent(db, reviewId, 'skapad', nowIso, actor);
    return readReport(db, reviewId)!;
  }).immediate();
}

/**
 * Earlier reviews on the same template, newest first, for Bakgrund's footnote (reference 003 cites
 * the two before it): only reviews created before this one, never the example.
 */
function earlierReviews(db: CoreContext['db'], reviewId: string): EarlierReport[] {
  const rows = db
    .prepare(
      `SELECT e.title AS title, e.subtitle AS subtitle, substr(COALESCE(e.period_to, e.created_at), 1, 4) AS year
         FROM review r JOIN review e ON e.template_id = r.template_id AND e.id <> r.id AND (e.created_at, e.rowid) < (r.created_at, r.rowid) AND e.example = 0
        WHERE r.id = ?
        ORDER BY COALESCE(e.period_to, e.created_at) DESC
        LIMIT 3`,
    )
    .all(reviewId) as EarlierReport[];
  return rows;
}

function requireRevision(report: ReportRow, revision: number | undefined): void {
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
function logIfWritable(ctx: CoreContext, reviewId: string, action: ReportEventAction, note: string): void {
  if (ctx.db.pragma('query_only', { simple: true }) === 1) return;
  logReportEvent(ctx.db, reviewId, action, ctx.now().toISOString(), ctx.actor, note);
}

function changeStatus(ctx: CoreContext, reviewId: string, step: 'submit' | 'approve' | 'reopen', revision: number | undefined, before: (report: ReportRow) => string | null) {
  const { db } = ctx;
  return db.transaction(() => {
    const report = ensureReport(ctx, reviewId);
    requireAllowed(step, report.status, roleOf(ctx));
    requireRevision(report, revision);
    const note = before(report);
    const nowIso = ctx.now().toISOString();
    const next = updateReport(db, reviewId, { status: NEXT_STATUS[step] }, nowIso, ctx.actor);
    const action: Record<typeof step, ReportEventAction> = { submit: 'skickad', approve: 'godkand', reopen: 'ateroppnad' };
    logReportEvent(db, reviewId, action[step], nowIso, ctx.actor, note);
    return { status: NEXT_STATUS[step], revision: next };
  }).immediate();
}

/** Sending on or approving a draft that is not ready (no Dnr, an empty section, nothing scored) is refused, naming each gap. */
function requireReady(ctx: CoreContext, reviewId: string, draft: ReportDraft, what: string): void {
  const issues = readinessIssues(ctx.db, reviewId, draft);
  if (issues.length > 0) throw invalid(`${what}: ${issues.map((i) => i.message).join(' ')}`, issues);
}

async function exportDocument(ctx: CoreContext, reviewId: string, document: ReportDocument) {
  const report = ensureReport(ctx, reviewId);
  requireAllowed('export', report.status, roleOf(ctx));
  const source = await auditedRenderSource(ctx, reviewId, report.draft, report.status);
  requireNoIdentityNumbers(report.draft, source.appendices);
  const content = await renderDocument(document, source.input);
  const fileName = reportFileName(document, report.draft, report.status);
  logIfWritable(ctx, reviewId, 'exporterad', `${document === 'memo' ? 'Tjänsteutlåtande' : 'Bilaga 1'} (${REPORT_STATUS_LABELS[report.status]})`);
  return { fileName, mimeType: DOCX_MIME, contentBase64: content.toString('base64'), bytes: content.length };
}

function requireAppendix(ctx: CoreContext, reviewId: string, id: string) {
  const found = findAppendix(ctx.db, reviewId, id);
  if (!found) throw notFound('Bilagan finns inte (längre) i tjänsteutlåtandet.');
  return found;
}

export const reportHandlers: HandlerMap = {
  'report.get': ({ reviewId }, ctx) => {
    const report = ensureReport(ctx, reviewId);
    const { db } = ctx;
    const role = roleOf(ctx);
    const p = permissionsOf(report.status, role);
    return {
      status: report.status,
      revision: report.revision,
      draft: report.draft,
      approvals: activeApprovals(db, reviewId),
      events: listReportEvents(db, reviewId),
      appendices: listAppendices(db, reviewId),
      settings: readReportSettings(db),
      role,
      permissions: { edit: p.edit, submit: p.submit, approve: p.approve, reopen: p.reopen, export: p.export, attach: p.attach, exportPackage: p.exportPackage },
    };
  },

  'report.save': ({ reviewId, revision, draft }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireAllowed('edit', report.status, roleOf(ctx));
      requireRevision(report, revision);
      const now = ctx.now();
      const next = updateReport(db, reviewId, { draft }, now.toISOString(), ctx.actor);
      const last = lastReportEvent(db, reviewId);
      const sameSitting = last?.action === 'sparad' && last.actor === ctx.actor && now.getTime() - Date.parse(last.at) < SAVE_LOG_SPAN_MS;
      if (!sameSitting) logReportEvent(db, reviewId, 'sparad', now.toISOString(), ctx.actor);
      return { revision: next };
    }).immediate();
  },

  'report.submit': ({ reviewId, revision }, ctx) =>
    changeStatus(ctx, reviewId, 'submit', revision, (report) => {
      requireReady(ctx, reviewId, report.draft, 'Utkastet kan inte skickas för godkännande ännu');
      return null;
    }),

  'report.approve': ({ reviewId, revision }, ctx) => {
    // The name and title fill "Attesterat av": an approval without a name would be no approval at all.
    const profile = readProfile(ctx.db);
    if (!profile || profile.name.trim() === '') {
      throw invalid('Ett godkännande behöver ett namn: spara ditt namn, din titel och rollen avdelningschef i profilen först.');
    }
    return changeStatus(ctx, reviewId, 'approve', revision, (report) => {
      requireReady(ctx, reviewId, report.draft, 'Utkastet kan inte godkännas ännu');
      insertApproval(ctx.db, reviewId, { name: profile.name, title: profile.title }, ctx.now().toISOString(), ctx.actor);
      return profile.title ? `${profile.name}, ${profile.title}` : profile.name;
    });
  },

  'report.reopen': ({ reviewId, reason }, ctx) =>
    changeStatus(ctx, reviewId, 'reopen', undefined, () => {
      revokeApprovals(ctx.db, reviewId, ctx.now().toISOString());
      return reason;
    }),

  'report.export': ({ reviewId, document }, ctx) => exportDocument(ctx, reviewId, document),

  'report.settings.get': (_input, { db }) => readReportSettings(db),

  'report.settings.save': (settings, ctx) => {
    writeReportSettings(ctx.db, settings, ctx.now().toISOString(), ctx.actor);
    return readReportSettings(ctx.db);
  },

  'appendix.add': async ({ reviewId, fileName, title, contentBase64 }, ctx) => {
    const { db } = ctx;
    const report = ensureReport(ctx, reviewId);
    requireAllowed('attach', report.status, roleOf(ctx));
    if (listAppendices(db, reviewId).length >= MAX_APPENDICES) throw invalid(`Tjänsteutlåtandet har redan ${MAX_APPENDICES} bilagor, det högsta antalet. Slå ihop några eller ta bort en.`);
    const content = Buffer.from(contentBase64, 'base64');
    if (content.length > MAX_APPENDIX_BYTES) {
      throw invalid(`Filen är för stor (${formatNumber(Math.ceil(content.length / 1024 / 1024))} MB; högst ${formatNumber(MAX_APPENDIX_BYTES / 1024 / 1024)} MB).`, [{ path: '$.contentBase64', message: 'Filen är större än 50 MB.' }]);
    }
    const kind = await sniffAppendix(fileName, content);
    await scanAppendixContent(baseFileName(fileName), kind, content);
    const id = ctx.newId('bil');
    const nowIso = ctx.now().toISOString();
    db.transaction(() => {
      // Checked again under the write lock: the rules and the count may have changed while the file was read.
      requireAllowed('attach', ensureReport(ctx, reviewId).status, roleOf(ctx));
      if (listAppendices(db, reviewId).length >= MAX_APPENDICES) throw invalid(`Tjänsteutlåtandet har redan ${MAX_APPENDICES} bilagor, det högsta antalet.`);
      insertAppendix(db, { id, reviewId, title, fileName: baseFileName(fileName).slice(0, 255) || `bilaga.${kind}`, kind, sha256: sha256Hex(content), content }, nowIso, ctx.actor);
      logReportEvent(db, reviewId, 'bilaga_tillagd', nowIso, ctx.actor, title);
    }).immediate();
    return findAppendix(db, reviewId, id)!;
  },

  'appendix.update': ({ reviewId, id, title, position }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireAllowed('attach', report.status, roleOf(ctx));
      const before = requireAppendix(ctx, reviewId, id);
      const changes: string[] = [];
      if (title !== undefined && title !== before.title) {
        retitleAppendix(db, reviewId, id, title);
        changes.push(`titel: ${title}`);
      }
      if (position !== undefined && position !== before.number - 1) {
        moveAppendix(db, reviewId, id, position);
        changes.push(`nu bilaga ${requireAppendix(ctx, reviewId, id).number}`);
      }
      if (changes.length > 0) logReportEvent(db, reviewId, 'bilaga_andrad', ctx.now().toISOString(), ctx.actor, `Bilaga ${before.number} (${before.title}): ${changes.join(', ')}`);
      return { appendices: listAppendices(db, reviewId) };
    }).immediate();
  },

  'appendix.remove': ({ reviewId, id }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireAllowed('attach', report.status, roleOf(ctx));
      const before = requireAppendix(ctx, reviewId, id);
      deleteAppendix(db, reviewId, id);
      logReportEvent(db, reviewId, 'bilaga_borttagen', ctx.now().toISOString(), ctx.actor, `Bilaga ${before.number}: ${before.title}`);
      return { appendices: listAppendices(db, reviewId) };
    }).immediate();
  },

  'package.export': async ({ reviewId }, ctx) => {
    const report = ensureReport(ctx, reviewId);
    requireAllowed('exportPackage', report.status, roleOf(ctx));
    const source = await auditedRenderSource(ctx, reviewId, report.draft, report.status);
    requireNoIdentityNumbers(report.draft, source.appendices);
    const memo = await renderDocument('memo', source.input);
    const bilaga1 = await renderDocument('bilaga1', source.input);
    // The files follow the very list the memo's Bilaga list was drawn from (source.appendices).
    const files: PackageFile[] = [
      { file: packagedMemoFileName(report.draft), title: `Tjänsteutlåtande: ${report.draft.header.title}`, content: memo },
      ...source.appendices.map((a) => ({ file: a.fileName, title: a.title, content: a.appendixId === null ? bilaga1 : appendixContent(ctx.db, reviewId, a.appendixId) })),
    ];
    const { zip, manifest } = await buildBoardPackage(files, {
      dnr: report.draft.header.dnr,
      title: report.draft.header.title,
      approvals: source.input.approvals,
      createdAt: source.input.createdAt,
      createdBy: ctx.actor,
    });
    const fileName = packageFileName(report.draft);
    logIfWritable(ctx, reviewId, 'paket_exporterat', `${fileName} (${files.length} filer)`);
    return { fileName, contentBase64: zip.toString('base64'), bytes: zip.length, manifest };
  },
};
