import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { REPORT_STATUS_LABELS, REPORT_DOCUMENTS, type ReportDocument } from '../../../shared/contract/report';
import { formatNumber } from '../../../shared/util/format-sv';
import { DomainError } from '../../core/errors';
import { diskFullKind, diskFullMessage, folderOfError } from '../../core/disk-full';
import { DiskFullError, fsyncDirectory, temporaryNameBeside, writeDurably, writeFileAtomic, writeFilesAtomic } from '../../core/files';
import { removeStaleTemporaries } from '../../core/stale-temporaries';
import { UsageError } from '../args';
import type { CliCommand, CommandContext } from '../command';

const DOCUMENT_WORDS: Readonly<Record<ReportDocument, string>> = { memo: 'tjänsteutlåtandet', bilaga1: 'Bilaga 1' };

function reviewArgument(positionals: string[]): string {
  const [reviewId, extra] = positionals;
  if (!reviewId) throw new UsageError('Ange granskningens id.');
  if (extra !== undefined) throw new UsageError(`Oväntat argument "${extra}".`);
  return reviewId;
}

function outOption(options: Record<string, string | true>, what: string): string {
  const out = options.out;
  if (out === undefined || out === true) throw new UsageError(`Ange ${what} med --out.`);
  return out;
}

/**
 * A folder given with --out is created (owner-only) if missing; a file there is refused. Returns
 * the first folder it created (mkdir -p), so a failed write can take the new empty folders away again.
 */
function ensureFolder(dir: string): string | undefined {
  const existing = fs.statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new DomainError('VALIDATION', `${dir} är en fil, inte en mapp.`);
  if (existing) return undefined;
  try {
    return fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const full = diskFullKind(error);
    if (full) throw new DomainError('INTERNAL', diskFullMessage(full, { what: `Mappen ${dir}`, folder: folderOfError(error) ?? path.dirname(dir), outcome: 'Inget har skrivits.' }));
    throw new DomainError('VALIDATION', `Mappen ${dir} kunde inte skapas (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'}).`);
  }
}

/** Removes the folders ensureFolder created, from `dir` up to `created`, as long as they are empty. */
function removeCreatedFolders(dir: string, created: string | undefined): void {
  if (created === undefined) return;
  const top = path.resolve(created);
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    try {
      fs.rmdirSync(folder);
    } catch {
      return;
    }
    if (folder === top || path.dirname(folder) === folder) return;
  }
}

/**
 * Writes the package's files as a folder, never half: they are written into a hidden folder beside
 * the target and renamed into place at the end. An existing folder is used only if it is empty, so
 * two packages never mix. Hidden folders that a killed earlier run left beside the same target are
 * removed first (stale-temporaries.ts). A full disk — creating the hidden folder, writing a file in
 * it, the rename — is said as such, naming the package and its folder, and leaves nothing behind.
 */
async function writePackageFolder(target: string, zipContent: Buffer): Promise<string[]> {
  const parent = path.dirname(target);
  if (!fs.existsSync(parent)) throw new DomainError('VALIDATION', `Mappen ${parent} finns inte.`);
  removeStaleTemporaries(target);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && (!existing.isDirectory() || fs.readdirSync(target).length > 0)) {
    throw new DomainError('VALIDATION', `${target} finns redan och är inte en tom mapp. Välj en ny mapp, eller en fil som slutar på .zip.`);
  }
  const zip = await JSZip.loadAsync(zipContent);
  for (const entry of Object.values(zip.files)) {
    // The names are the package's own (one numbering, sanitised titles): a folder in one would be a bug.
    if (entry.dir || path.basename(entry.name) !== entry.name) throw new Error(`Unexpected package entry ${entry.name}`);
  }
  const tmp = temporaryNameBeside(target);
  const names: string[] = [];
  let emptyRemoved = false;
  try {
    fs.mkdirSync(tmp, { mode: 0o700 });
    for (const entry of Object.values(zip.files)) {
      writeDurably(path.join(tmp, entry.name), await entry.async('nodebuffer'));
      names.push(entry.name);
    }
    fsyncDirectory(tmp);
    // POSIX renames a folder over an empty one; Windows needs the empty one gone first.
    if (existing && process.platform === 'win32') {
      fs.rmdirSync(target);
      emptyRemoved = true;
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      // Left for the next run's tidying (this process will have ended).
    }
    if (emptyRemoved) restoreEmptyFolder(target);
    throw packageFolderError(error, target, existing !== undefined);
  }
  fsyncDirectory(parent);
  return names.map((name) => path.join(target, name));
}

function restoreEmptyFolder(target: string): void {
  try {
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  } catch {
    // The error that stopped the package is the one to tell.
  }
}

/** Why the package folder could not be written, in Swedish: a full disk names the package and its folder. */
function packageFolderError(error: unknown, target: string, existed: boolean): unknown {
  const outcome = existed ? `Inget har skrivits: mappen ${target} är tom som förut, och ingen halvfärdig kopia finns kvar.` : `Inget har skrivits: mappen ${target} har inte skapats, och ingen halvfärdig kopia finns kvar.`;
  const full = error instanceof DiskFullError ? error.kind : diskFullKind(error);
  if (full) return new DomainError('INTERNAL', diskFullMessage(full, { what: `Nämndpaketet ${target}`, folder: path.dirname(target), outcome }));
  if (error instanceof DomainError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return new DomainError('INTERNAL', `Nämndpaketet ${target} kunde inte skrivas (${code}). ${outcome}`);
  return error;
}

async function changeStatus(ctx: CommandContext, method: 'report.submit' | 'report.approve' | 'report.reopen', input: { reviewId: string; reason?: string; override?: string }, done: string) {
  const result = await ctx.call(method, input as never);
  return { json: result, human: `${done} Status: ${REPORT_STATUS_LABELS[result.status]}.` };
}

/** --override "skäl": an approver lets an incomplete draft through; the reason and the gaps are logged. */
function overrideOption(options: Record<string, string | true>): { override?: string } {
  const override = options.override;
  if (override === undefined) return {};
  if (override === true) throw new UsageError('Ange skälet med --override "…": det loggas tillsammans med bristerna.');
  return { override };
}

export const reportCommands: CliCommand[] = [
  {
    words: ['report', 'submit'],
    usage: 'granska report submit <granskning> [--override <skäl>] [--json]',
    summary: 'Skickar tjänsteutlåtandet för godkännande. Ett ofullständigt utkast vägras med bristerna uppräknade; en avdelningschef eller socialdirektör kan gå vidare med --override "skäl".',
    options: ['override'],
    async run(ctx, { positionals, options }) {
      return changeStatus(ctx, 'report.submit', { reviewId: reviewArgument(positionals), ...overrideOption(options) }, 'Tjänsteutlåtandet är skickat för godkännande.');
    },
  },
  {
    words: ['report', 'approve'],
    usage: 'granska report approve <granskning> [--override <skäl>] [--json]',
    summary: 'Godkänner tjänsteutlåtandet med profilens namn, titel och roll (avdelningschef eller socialdirektör, i valfri ordning). När alla har godkänt fastställs dokumenten.',
    options: ['override'],
    async run(ctx, { positionals, options }) {
      const reviewId = reviewArgument(positionals);
      const result = await ctx.call('report.approve', { reviewId, ...overrideOption(options) });
      const report = await ctx.call('report.get', { reviewId });
      const waiting = report.approvers.filter((a) => a.approval === null).map((a) => a.label.toLocaleLowerCase('sv-SE'));
      const human =
        result.status === 'godkand'
          ? `Tjänsteutlåtandet är godkänt av alla och fastställt. SHA-256 tjänsteutlåtande: ${report.frozen?.memoSha256 ?? '–'}; Bilaga 1: ${report.frozen?.bilaga1Sha256 ?? '–'}.`
          : `Ditt godkännande är registrerat. Väntar på: ${waiting.join(', ')}.`;
      return { json: { ...result, approvals: report.approvals, frozen: report.frozen }, human };
    },
  },
  {
    words: ['report', 'regenerate'],
    usage: 'granska report regenerate <granskning> [--overwrite <avsnitt,…>] [--dry-run] [--json]',
    summary: 'Skriver om utkastet från granskningen (siffror, fynd, dialogmöten). Avsnitt som någon har ändrat behålls, om de inte anges med --overwrite; --dry-run visar bara vad som skulle hända.',
    options: ['overwrite'],
    booleans: ['dry-run'],
    async run(ctx, { positionals, options }) {
      const reviewId = reviewArgument(positionals);
      const overwrite = typeof options.overwrite === 'string' ? options.overwrite.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
      if (options.overwrite === true) throw new UsageError('Ange avsnittens id med --overwrite id1,id2 (se --dry-run).');
      const { revision } = await ctx.call('report.get', { reviewId });
      const result = await ctx.call('report.regenerate', { reviewId, revision, overwrite, dryRun: options['dry-run'] === true });
      const lines = [
        options['dry-run'] === true ? 'Provkörning, inget har sparats.' : `Utkastet är omskrivet (version ${result.revision}).`,
        `Omskrivna avsnitt: ${result.replaced.map((s) => s.title).join(', ') || 'inga'}.`,
        ...(result.kept.length > 0 ? [`Behållna, eftersom någon har ändrat dem: ${result.kept.map((s) => `${s.title} (${s.id})`).join(', ')}. Ange --overwrite med deras id för att skriva om dem också.`] : []),
      ];
      return { json: result, human: lines.join('\n') };
    },
  },
  {
    words: ['report', 'reopen'],
    usage: 'granska report reopen <granskning> --reason <skäl> [--json]',
    summary: 'Öppnar ett skickat eller godkänt tjänsteutlåtande igen (rollen avdelningschef); godkännandena återkallas och skälet loggas.',
    options: ['reason'],
    async run(ctx, { positionals, options }) {
      const reviewId = reviewArgument(positionals);
      const reason = options.reason;
      if (reason === undefined || reason === true) throw new UsageError('Ange skälet med --reason "…": det loggas.');
      return changeStatus(ctx, 'report.reopen', { reviewId, reason }, 'Tjänsteutlåtandet är öppnat igen och godkännandena är återkallade.');
    },
  },
  {
    words: ['report'],
    usage: 'granska report <granskning> --out <mapp> [--json]',
    summary: 'Skriver tjänsteutlåtandet och Bilaga 1 (granskningsrapporten) som Word-filer i mappen; filnamnen anger Dnr och status.',
    options: ['out'],
    async run(ctx, { positionals, options }) {
      const reviewId = reviewArgument(positionals);
      const dir = path.resolve(ctx.cwd, outOption(options, 'mappen'));
      // Both are written from the same moment and only once both exist, so a refusal writes nothing.
      const exported = [];
      for (const document of REPORT_DOCUMENTS) exported.push({ document, ...(await ctx.call('report.export', { reviewId, document })) });
      const created = ensureFolder(dir);
      const files = exported.map((e) => ({ document: e.document, file: path.join(dir, e.fileName), bytes: e.bytes }));
      // Both or neither: a full disk at the second leaves the first unwritten too (and no new empty folder).
      try {
        writeFilesAtomic(exported.map((e, i) => ({ file: files[i].file, content: Buffer.from(e.contentBase64, 'base64') })));
      } catch (error) {
        removeCreatedFolders(dir, created);
        throw error;
      }
      const lines = files.map((f) => `  ${f.file} (${DOCUMENT_WORDS[f.document]}, ${formatNumber(f.bytes)} byte)`);
      return { json: { files }, human: ['Skrev:', ...lines].join('\n') };
    },
  },
  {
    words: ['package'],
    usage: 'granska package <granskning> --out <mapp|fil.zip> [--json]',
    summary: 'Skriver nämndpaketet (godkänt tjänsteutlåtande, Bilaga 1, bifogade bilagor och förteckning med kontrollsummor) som zip-fil eller mapp (rollen nämndsekreterare).',
    options: ['out'],
    async run(ctx, { positionals, options }) {
      const reviewId = reviewArgument(positionals);
      const target = path.resolve(ctx.cwd, outOption(options, 'en mapp eller en fil som slutar på .zip'));
      const exported = await ctx.call('package.export', { reviewId });
      const content = Buffer.from(exported.contentBase64, 'base64');
      const asZip = /\.zip$/i.test(target);
      const written = asZip ? [target] : await writePackageFolder(target, content);
      if (asZip) writeFileAtomic(target, content);
      const lines = exported.manifest.map((m) => `  ${m.file}  SHA-256 ${m.sha256}`);
      return {
        json: { [asZip ? 'file' : 'folder']: target, files: asZip ? undefined : written, manifest: exported.manifest },
        human: [`Skrev nämndpaketet ${asZip ? 'som zip-fil' : 'som mapp'}: ${target}`, ...lines, '  (och manifest.json, manifest.txt)'].join('\n'),
      };
    },
  },
];
