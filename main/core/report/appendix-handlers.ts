import { MAX_APPENDICES, MAX_APPENDIX_BYTES } from '../../../shared/contract/report';
import { formatNumber } from '../../../shared/util/format-sv';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid, notFound } from '../errors';
import { baseFileName, sniffAppendix } from './appendix-sniff';
import { scanAppendixContent } from './appendix-content-scan';
import { scanPdfAppendix } from './appendix-pdf-scan';
import { appendixContent, attachAppendixFile, deleteAppendix, findAppendix, insertAppendix, listAppendices, moveAppendix, planAppendix, retitleAppendix } from './appendices';
import { packagedMemoFileName, packageFileName } from './file-names';
import { buildBoardPackage, sha256Hex, type PackageFile } from './package';
import { boardAppendices } from './appendices';
import { requireNoIdentityNumbers } from './render';
import { ensureReport, logIfWritable, requireReportAllowed } from './report-state';
import { activeApprovals, activeFrozen, logReportEvent } from './repository';

/**
 * The memo's appendices and the board package. The Bilaga LIST is part of the memo an approver
 * signs: it is changed (listed, retitled, moved, removed) only while nobody has approved. A listed
 * appendix's FILE is the board secretary's and may arrive after approval; the package waits until
 * every listed appendix has its file, and carries the approved memo and Bilaga 1 as they were
 * written at the last approval, byte for byte.
 */

function requireAppendix(ctx: CoreContext, reviewId: string, id: string) {
  const found = findAppendix(ctx.db, reviewId, id);
  if (!found) throw notFound('Bilagan finns inte (längre) i tjänsteutlåtandet.');
  return found;
}

/**
 * Reads, checks the type by content and scans an attached file for identity numbers, before any
 * write. `unreadable` says why a PDF the board secretary confirmed to hold no personal data could
 * not be read through (null when it was read, or is not a PDF): the caller logs it.
 */
async function checkedFile(fileName: string, contentBase64: string, confirmedNoPersonalData: boolean) {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length > MAX_APPENDIX_BYTES) {
    throw invalid(`Filen är för stor (${formatNumber(Math.ceil(content.length / 1024 / 1024))} MB; högst ${formatNumber(MAX_APPENDIX_BYTES / 1024 / 1024)} MB).`, [{ path: '$.contentBase64', message: 'Filen är större än 50 MB.' }]);
  }
  const kind = await sniffAppendix(fileName, content);
  const { unreadable } = kind === 'pdf' ? await scanPdfAppendix(baseFileName(fileName), content, confirmedNoPersonalData) : { unreadable: null };
  await scanAppendixContent(baseFileName(fileName), kind, content);
  return { content, kind, unreadable, fileName: baseFileName(fileName).slice(0, 255) || `bilaga.${kind}` };
}

/** The log's line for a file attached unread on the secretary's word: who is the entry's actor. */
function confirmationNote(appendix: { number: number; title: string }, fileName: string, unreadable: string): string {
  return `Bilaga ${appendix.number} (${appendix.title}): ${fileName} bifogades utan kontroll av personnummer, eftersom filen inte kunde läsas igenom (${unreadable}). Bekräftat att filen inte innehåller några personuppgifter.`;
}

function requireRoom(ctx: CoreContext, reviewId: string): void {
  if (listAppendices(ctx.db, reviewId).length >= MAX_APPENDICES) throw invalid(`Tjänsteutlåtandet har redan ${MAX_APPENDICES} bilagor, det högsta antalet. Slå ihop några eller ta bort en.`);
}

export const appendixHandlers: HandlerMap = {
  'appendix.add': async ({ reviewId, fileName, title, contentBase64, confirmedNoPersonalData }, ctx) => {
    const { db } = ctx;
    const report = ensureReport(ctx, reviewId);
    requireReportAllowed(ctx, reviewId, report, 'listAppendices');
    requireReportAllowed(ctx, reviewId, report, 'attach');
    requireRoom(ctx, reviewId);
    const file = await checkedFile(fileName, contentBase64, confirmedNoPersonalData === true);
    const id = ctx.newId('bil');
    const nowIso = ctx.now().toISOString();
    db.transaction(() => {
      // Checked again under the write lock: the rules and the count may have changed while the file was read.
      const now = ensureReport(ctx, reviewId);
      requireReportAllowed(ctx, reviewId, now, 'listAppendices');
      requireReportAllowed(ctx, reviewId, now, 'attach');
      requireRoom(ctx, reviewId);
      insertAppendix(db, { id, reviewId, title, fileName: file.fileName, kind: file.kind, sha256: sha256Hex(file.content), content: file.content }, nowIso, ctx.actor);
      logReportEvent(db, reviewId, 'bilaga_tillagd', nowIso, ctx.actor, title);
      if (file.unreadable !== null) logReportEvent(db, reviewId, 'undantag', nowIso, ctx.actor, confirmationNote(findAppendix(db, reviewId, id)!, file.fileName, file.unreadable));
    }).immediate();
    return findAppendix(db, reviewId, id)!;
  },

  'appendix.plan': ({ reviewId, title }, ctx) => {
    const { db } = ctx;
    const id = ctx.newId('bil');
    db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireReportAllowed(ctx, reviewId, report, 'listAppendices');
      requireRoom(ctx, reviewId);
      const nowIso = ctx.now().toISOString();
      planAppendix(db, { id, reviewId, title }, nowIso, ctx.actor);
      logReportEvent(db, reviewId, 'bilaga_tillagd', nowIso, ctx.actor, `${title} (filen bifogas senare)`);
    }).immediate();
    return findAppendix(db, reviewId, id)!;
  },

  'appendix.attach': async ({ reviewId, id, fileName, contentBase64, confirmedNoPersonalData }, ctx) => {
    const { db } = ctx;
    const report = ensureReport(ctx, reviewId);
    requireReportAllowed(ctx, reviewId, report, 'attach');
    requireAppendix(ctx, reviewId, id);
    const file = await checkedFile(fileName, contentBase64, confirmedNoPersonalData === true);
    db.transaction(() => {
      requireReportAllowed(ctx, reviewId, ensureReport(ctx, reviewId), 'attach');
      const listed = requireAppendix(ctx, reviewId, id);
      const nowIso = ctx.now().toISOString();
      attachAppendixFile(db, { id, reviewId, fileName: file.fileName, kind: file.kind, sha256: sha256Hex(file.content), content: file.content }, nowIso, ctx.actor);
      logReportEvent(db, reviewId, 'bilaga_fil', nowIso, ctx.actor, `Bilaga ${listed.number} (${listed.title}): ${file.fileName}${listed.attached ? ' ersatte den tidigare filen' : ''}`);
      if (file.unreadable !== null) logReportEvent(db, reviewId, 'undantag', nowIso, ctx.actor, confirmationNote(listed, file.fileName, file.unreadable));
    }).immediate();
    return findAppendix(db, reviewId, id)!;
  },

  'appendix.update': ({ reviewId, id, title, position }, ctx) => {
    const { db } = ctx;
    return db.transaction(() => {
      const report = ensureReport(ctx, reviewId);
      requireReportAllowed(ctx, reviewId, report, 'listAppendices');
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
      requireReportAllowed(ctx, reviewId, report, 'listAppendices');
      const before = requireAppendix(ctx, reviewId, id);
      deleteAppendix(db, reviewId, id);
      logReportEvent(db, reviewId, 'bilaga_borttagen', ctx.now().toISOString(), ctx.actor, `Bilaga ${before.number}: ${before.title}`);
      return { appendices: listAppendices(db, reviewId) };
    }).immediate();
  },

  'package.export': async ({ reviewId }, ctx) => {
    const { db } = ctx;
    const report = ensureReport(ctx, reviewId);
    requireReportAllowed(ctx, reviewId, report, 'exportPackage');
    const { frozen, appendices, files, approvals } = db.transaction(() => {
      const frozen = activeFrozen(db, reviewId);
      const appendices = boardAppendices(db, reviewId, report.draft);
      const files = appendices.filter((a) => a.appendixId !== null).map((a) => ({ appendix: a, content: appendixContent(db, reviewId, a.appendixId!) }));
      return { frozen, appendices, files, approvals: activeApprovals(db, reviewId) };
    })();
    if (!frozen) throw new DomainError('INTERNAL', 'Det godkända tjänsteutlåtandet saknas i arbetsbänken. Öppna det igen och godkänn det på nytt.');
    // The approved memo lists these appendices; a list that differs could only come from outside the program.
    const listed = appendices.map((a) => `${a.number}:${a.title}`).join('\n');
    if (listed !== frozen.appendices.map((a) => `${a.number}:${a.title}`).join('\n')) {
      throw invalid('Bilagorna stämmer inte med bilageförteckningen i det godkända tjänsteutlåtandet. Öppna det igen och godkänn det på nytt.');
    }
    const missing = files.filter((f) => f.content === null);
    if (missing.length > 0) {
      throw invalid(
        `Nämndpaketet väntar på ${missing.length === 1 ? 'en fil' : `${missing.length} filer`}: ${missing.map((f) => `Bilaga ${f.appendix.number} (${f.appendix.title})`).join(', ')} saknar fil. Bifoga den och försök igen.`,
        missing.map((f) => ({ path: `$.appendices[${f.appendix.number - 2}]`, message: `Bilaga ${f.appendix.number} saknar fil.` })),
      );
    }
    requireNoIdentityNumbers(report.draft, appendices);
    const packaged: PackageFile[] = [
      { file: packagedMemoFileName(report.draft), title: `Tjänsteutlåtande: ${report.draft.header.title}`, content: frozen.memo },
      { file: appendices[0].fileName!, title: appendices[0].title, content: frozen.bilaga1 },
      ...files.map((f) => ({ file: f.appendix.fileName!, title: f.appendix.title, content: f.content! })),
    ];
    const { zip, manifest } = await buildBoardPackage(packaged, {
      dnr: report.draft.header.dnr,
      title: report.draft.header.title,
      approvals: approvals.map((a) => ({ name: a.name, title: a.title, date: a.date })),
      // The package is dated by the approval like its documents, so the same approved memo gives the same package.
      createdAt: frozen.frozenAt,
      createdBy: ctx.actor,
    });
    const fileName = packageFileName(report.draft);
    logIfWritable(ctx, reviewId, 'paket_exporterat', `${fileName} (${packaged.length} filer)`);
    return { fileName, contentBase64: zip.toString('base64'), bytes: zip.length, manifest };
  },
};
