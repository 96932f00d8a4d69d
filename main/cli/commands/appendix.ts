import path from 'node:path';
import { MAX_APPENDICES, MAX_APPENDIX_BYTES, type Appendix } from '../../../shared/contract/report';
import { formatNumber } from '../../../shared/util/format-sv';
import { readUserFile } from '../../core/files';
import { reviewReportTitle } from '../../core/report/appendices';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

/*
 * The board secretary's appendices from the command line, through the same contract methods as
 * the screen. Numbers are the ones the memo's Bilaga list and the board package use: Bilaga 1 is
 * always the review report, the attached files are Bilaga 2, 3, …
 */

const KIND_WORDS: Readonly<Record<Appendix['kind'], string>> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

function positionals(list: string[], names: string[], usage: string): string[] {
  const missing = names.find((_, i) => list[i] === undefined);
  if (missing) throw new UsageError(`Ange ${missing}. Användning: ${usage}`);
  if (list.length > names.length) throw new UsageError(`Oväntat argument "${list[names.length]}".`);
  return list;
}

function describe(a: Appendix): string {
  return `Bilaga ${a.number} – ${a.title}  (${a.fileName}, ${KIND_WORDS[a.kind]}, ${formatNumber(a.bytes)} byte, id ${a.id})`;
}

function listing(appendices: readonly Appendix[]): string {
  if (appendices.length === 0) return 'Inga filer är bifogade.';
  return ['Bifogade filer:', ...appendices.map((a) => `  ${describe(a)}`)].join('\n');
}

const ADD = 'granska appendix add <granskning> <fil.pdf|.docx|.xlsx> --title <titel> [--json]';
const LIST = 'granska appendix list <granskning> [--json]';
const REMOVE = 'granska appendix remove <granskning> <id> [--json]';
const MOVE = 'granska appendix move <granskning> <id> --to <bilaganummer> [--json]';

export const appendixCommands: CliCommand[] = [
  {
    words: ['appendix', 'add'],
    usage: ADD,
    summary: `Bifogar en fil (pdf, docx eller xlsx, högst ${formatNumber(MAX_APPENDIX_BYTES / 1024 / 1024)} MB) som nästa bilaga till tjänsteutlåtandet (rollen nämndsekreterare).`,
    options: ['title'],
    async run(ctx, { positionals: args, options }) {
      const [reviewId, fileArg] = positionals(args, ['granskningens id', 'filen som ska bifogas'], ADD);
      const title = options.title;
      if (title === undefined || title === true) throw new UsageError('Ange bilagans titel med --title "…": den står i bilageförteckningen och i filnamnet i nämndpaketet.');
      const file = path.resolve(ctx.cwd, fileArg);
      // The size is checked before a byte is read, and only a regular file is read.
      const content = readUserFile(file, MAX_APPENDIX_BYTES);
      const added = await ctx.call('appendix.add', { reviewId, fileName: path.basename(file), title, contentBase64: content.toString('base64') });
      return { json: added, human: `Bifogade ${added.fileName} som Bilaga ${added.number} – ${added.title} (${formatNumber(added.bytes)} byte, SHA-256 ${added.sha256}, id ${added.id}).` };
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
