import path from 'node:path';
import { MAX_APPENDICES, MAX_APPENDIX_BYTES, type Appendix } from '../../../shared/contract/report';
import type { ApiError } from '../../../shared/result';
import { formatNumber } from '../../../shared/util/format-sv';
import { DomainError } from '../../core/errors';
import { readUserFile } from '../../core/files';
import { CONFIRMATION_PATH } from '../../core/report/appendix-pdf-scan';
import { reviewReportTitle } from '../../core/report/appendices';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

/*
 * The board secretary's appendices from the command line, through the same contract methods as
 * the screen. Numbers are the ones the memo's Bilaga list and the board package use: Bilaga 1 is
 * always the review report, the attached files are Bilaga 2, 3, …
 */

const KIND_WORDS: Readonly<Record<NonNullable<Appendix['kind']>, string>> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

function positionals(list: string[], names: string[], usage: string): string[] {
  const missing = names.find((_, i) => list[i] === undefined);
  if (missing) throw new UsageError(`Ange ${missing}. Användning: ${usage}`);
  if (list.length > names.length) throw new UsageError(`Oväntat argument "${list[names.length]}".`);
  return list;
}

function describe(a: Appendix): string {
  if (!a.attached || a.kind === null) return `Bilaga ${a.number} – ${a.title}  (filen saknas ännu, id ${a.id})`;
  return `Bilaga ${a.number} – ${a.title}  (${a.fileName}, ${KIND_WORDS[a.kind]}, ${formatNumber(a.bytes ?? 0)} byte, id ${a.id})`;
}

function listing(appendices: readonly Appendix[]): string {
  if (appendices.length === 0) return 'Inga fler bilagor är listade.';
  return ['Listade bilagor:', ...appendices.map((a) => `  ${describe(a)}`)].join('\n');
}

/** Reads the file to attach: its size is checked before a byte is read, and only a regular file is read. */
function readAttachment(cwd: string, fileArg: string) {
  const file = path.resolve(cwd, fileArg);
  const content = readUserFile(file, MAX_APPENDIX_BYTES);
  return { fileName: path.basename(file), contentBase64: content.toString('base64') };
}

/** The board secretary's word that a PDF which cannot be read through holds no personal data (logged under the profile's name). */
const CONFIRM = 'confirm-no-personal-data';

/** The input field for the flag: only when given, so the core's refusal asks for it otherwise. */
const confirmation = (options: Record<string, string | true>) => (options[CONFIRM] === true ? { confirmedNoPersonalData: true } : {});

/** Calls add or attach; a PDF that could not be read through is refused with how to confirm it here. */
async function withConfirmationHint<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const refused = (error as { error?: ApiError }).error;
    if (refused?.issues?.some((i) => i.path === CONFIRMATION_PATH)) {
      throw new DomainError(refused.code, refused.message, [
        { path: CONFIRMATION_PATH, message: `Har du gått igenom filen och den inte innehåller några personuppgifter: kör kommandot igen med --${CONFIRM}. Bekräftelsen sparas med ditt namn i utlåtandets historik.` },
      ]);
    }
    throw error;
  }
}

const ADD = `granska appendix add <granskning> <fil.pdf|.docx|.xlsx> --title <titel> [--${CONFIRM}] [--json]`;
const LIST = 'granska appendix list <granskning> [--json]';
const REMOVE = 'granska appendix remove <granskning> <id> [--json]';
const PLAN = 'granska appendix plan <granskning> --title <titel> [--json]';
const ATTACH = `granska appendix attach <granskning> <id> <fil.pdf|.docx|.xlsx> [--${CONFIRM}] [--json]`;
const MOVE = 'granska appendix move <granskning> <id> --to <bilaganummer> [--json]';

export const appendixCommands: CliCommand[] = [
  {
    words: ['appendix', 'add'],
    usage: ADD,
    summary: `Bifogar en fil (pdf, docx eller xlsx, högst ${formatNumber(MAX_APPENDIX_BYTES / 1024 / 1024)} MB) som nästa bilaga till tjänsteutlåtandet (rollen nämndsekreterare). Filen får inte innehålla personnummer; en PDF som inte går att läsa igenom (skadad, lösenordsskyddad, inskannad) bifogas bara med --${CONFIRM}.`,
    options: ['title'],
    booleans: [CONFIRM],
    async run(ctx, { positionals: args, options }) {
      const [reviewId, fileArg] = positionals(args, ['granskningens id', 'filen som ska bifogas'], ADD);
      const title = options.title;
      if (title === undefined || title === true) throw new UsageError('Ange bilagans titel med --title "…": den står i bilageförteckningen och i filnamnet i nämndpaketet.');
      const added = await withConfirmationHint(() => ctx.call('appendix.add', { reviewId, title, ...readAttachment(ctx.cwd, fileArg), ...confirmation(options) }));
      return { json: added, human: `Bifogade ${added.fileName} som Bilaga ${added.number} – ${added.title} (${formatNumber(added.bytes ?? 0)} byte, SHA-256 ${added.sha256}, id ${added.id}).` };
    },
  },
  {
    words: ['appendix', 'plan'],
    usage: PLAN,
    summary: 'Listar en bilaga i tjänsteutlåtandets bilageförteckning innan filen finns (t.ex. "Protokollsutdrag"); filen bifogas senare med granska appendix attach.',
    options: ['title'],
    async run(ctx, { positionals: args, options }) {
      const [reviewId] = positionals(args, ['granskningens id'], PLAN);
      const title = options.title;
      if (title === undefined || title === true) throw new UsageError('Ange bilagans titel med --title "…".');
      const listed = await ctx.call('appendix.plan', { reviewId, title });
      return { json: listed, human: `Bilaga ${listed.number} – ${listed.title} är listad (id ${listed.id}); filen bifogas senare.` };
    },
  },
  {
    words: ['appendix', 'attach'],
    usage: ATTACH,
    summary: `Bifogar filen till en listad bilaga, även efter godkännandet (rollen nämndsekreterare); en PDF som inte går att läsa igenom bifogas bara med --${CONFIRM}.`,
    booleans: [CONFIRM],
    async run(ctx, { positionals: args, options }) {
      const [reviewId, id, fileArg] = positionals(args, ['granskningens id', 'bilagans id (se granska appendix list)', 'filen som ska bifogas'], ATTACH);
      const attached = await withConfirmationHint(() => ctx.call('appendix.attach', { reviewId, id, ...readAttachment(ctx.cwd, fileArg), ...confirmation(options) }));
      return { json: attached, human: `Bifogade ${attached.fileName} till Bilaga ${attached.number} – ${attached.title} (SHA-256 ${attached.sha256}).` };
    },
  },
  {
    words: ['appendix', 'list'],
    usage: LIST,
    summary: 'Visar tjänsteutlåtandets bilagor i ordning: Bilaga 1 (granskningsrapporten) och de bifogade filerna.',
    async run(ctx, { positionals: args }) {
      const [reviewId] = positionals(args, ['granskningens id'], LIST);
      const report = await ctx.call('report.get', { reviewId });
      const first = `Bilaga 1 – ${reviewReportTitle(report.draft)}  (granskningsrapporten, skrivs vid export)`;
      return { json: { appendices: report.appendices }, human: [first, listing(report.appendices)].join('\n') };
    },
  },
  {
    words: ['appendix', 'remove'],
    usage: REMOVE,
    summary: 'Tar bort en bifogad fil; bilagorna efter den numreras om (rollen nämndsekreterare).',
    async run(ctx, { positionals: args }) {
      const [reviewId, id] = positionals(args, ['granskningens id', 'bilagans id (se granska appendix list)'], REMOVE);
      const { appendices } = await ctx.call('appendix.remove', { reviewId, id });
      return { json: { appendices }, human: `Bilagan är borttagen.\n${listing(appendices)}` };
    },
  },
  {
    words: ['appendix', 'move'],
    usage: MOVE,
    summary: 'Flyttar en bifogad fil till ett annat bilagenummer (2 är den första bifogade filen); de andra numreras om (rollen nämndsekreterare).',
    options: ['to'],
    async run(ctx, { positionals: args, options }) {
      const [reviewId, id] = positionals(args, ['granskningens id', 'bilagans id (se granska appendix list)'], MOVE);
      const to = options.to;
      if (to === undefined || to === true) throw new UsageError('Ange det nya bilagenumret med --to N (2 är den första bifogade filen).');
      const number = /^\d{1,3}$/.test(to.trim()) ? Number(to.trim()) : NaN;
      if (number === 1) throw new UsageError('Bilaga 1 är alltid granskningsrapporten. Ange --to 2 eller högre.');
      if (!(number >= 2 && number <= MAX_APPENDICES + 1)) throw new UsageError(`--to ska vara ett bilagenummer från 2 till ${MAX_APPENDICES + 1}, inte "${to}".`);
      const { appendices } = await ctx.call('appendix.update', { reviewId, id, position: number - 1 });
      const moved = appendices.find((a) => a.id === id);
      return { json: { appendices }, human: `${moved ? `Bilagan är nu Bilaga ${moved.number}.` : 'Bilagan är flyttad.'}\n${listing(appendices)}` };
    },
  },
];
