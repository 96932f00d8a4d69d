import path from 'node:path';
import type { Finding } from '../../../shared/contract/findings';
import { formatNumber } from '../../../shared/util/format-sv';
import { writeFileAtomic } from '../../core/files';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

/*
 * The findings view and the dialogue meetings from the command line, through the same contract
 * methods as the screens.
 */

const FINDINGS = 'granska findings <granskning> [--area <område-id>] [--unit <enhet>] [--text <ord>] [--out <fil.csv>] [--json]';
const MARK = 'granska findings mark <granskning> <akt-id> <fråga-id> [--off] [--json]';
const DIALOGUE = 'granska dialogue <granskning> [--json]';
const DIALOGUE_ADD = 'granska dialogue add <granskning> --unit <enhet> --date <ÅÅÅÅ-MM-DD> --participants <roller> [--note <område-id>=<text>]… [--json]';

const value = (options: Record<string, string | true>, name: string): string | undefined => {
  const v = options[name];
  if (v === true) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
  return v;
};

function findingLine(f: Finding): string {
  const where = f.fileRef ? `, ${f.fileRef}` : '';
  return `  ${f.unit}, akt ${f.ref}, fråga ${f.number}${where}: ${f.note}`;
}

export const findingCommands: CliCommand[] = [
  {
    words: ['findings'],
    usage: FINDINGS,
    summary: 'Visar granskningens fynd per kvalitetsområde (anteckningar markerade som fynd), med akt och var i akten det står; --out skriver dem som csv för Excel.',
    options: ['area', 'unit', 'text', 'out'],
    async run(ctx, { positionals, options }) {
      const [reviewId, extra] = positionals;
      if (!reviewId) throw new UsageError(`Ange granskningens id. Användning: ${FINDINGS}`);
      if (extra !== undefined) throw new UsageError(`Oväntat argument "${extra}".`);
      const filter = { reviewId, areaId: value(options, 'area'), unit: value(options, 'unit'), text: value(options, 'text') };
      const out = value(options, 'out');
      if (out !== undefined) {
        const file = await ctx.call('findings.export', filter);
        const target = path.resolve(ctx.cwd, out);
        writeFileAtomic(target, Buffer.from(file.contentBase64, 'base64'));
        return { json: { file: target, bytes: file.bytes }, human: `Skrev fynden till ${target} (${formatNumber(file.bytes)} byte).` };
      }
      const list = await ctx.call('findings.list', filter);
      const lines: string[] = [];
      for (const area of list.areas) {
        const mine = list.findings.filter((f) => f.areaId === area.areaId);
        if (mine.length === 0) continue;
        lines.push(`${area.name} (${mine.length}):`, ...mine.map(findingLine));
      }
      return { json: list, human: lines.length === 0 ? 'Inga fynd (med detta urval).' : lines.join('\n') };
    },
  },
  {
    words: ['findings', 'mark'],
    usage: MARK,
    summary: 'Markerar anteckningen på ett svar som fynd för frågans kvalitetsområde; --off tar bort markeringen.',
    booleans: ['off'],
    async run(ctx, { positionals, options }) {
      const [reviewId, caseId, questionId, extra] = positionals;
      if (!reviewId || !caseId || !questionId) throw new UsageError(`Användning: ${MARK}`);
      if (extra !== undefined) throw new UsageError(`Oväntat argument "${extra}".`);
      const finding = options.off !== true;
      const result = await ctx.call('findings.mark', { reviewId, caseId, questionId, finding });
      return { json: result, human: finding ? `Anteckningen på fråga ${questionId} är markerad som fynd.` : `Markeringen som fynd är borttagen från fråga ${questionId}.` };
    },
  },
  {
    words: ['dialogue'],
    usage: DIALOGUE,
    summary: 'Visar dialogmötena med enheterna: datum, deltagare och anteckningar per kvalitetsområde.',
    async run(ctx, { positionals }) {
      const [reviewId, extra] = positionals;
      if (!reviewId) throw new UsageError(`Ange granskningens id. Användning: ${DIALOGUE}`);
      if (extra !== undefined) throw new UsageError(`Oväntat argument "${extra}".`);
      const { meetings } = await ctx.call('dialogue.list', { reviewId });
      const human = meetings.length === 0 ? 'Inga dialogmöten är registrerade.' : meetings.map((m) => [`${m.unit}, ${m.heldOn} (${m.participants || 'deltagare ej angivna'}):`, ...Object.entries(m.notes).map(([area, text]) => `  ${area}: ${text}`)].join('\n')).join('\n');
      return { json: { meetings }, human };
    },
  },
  {
    words: ['dialogue', 'add'],
    usage: DIALOGUE_ADD,
    summary: 'Registrerar ett dialogmöte med en enhet: datum, deltagare (roller, inte klienters namn) och anteckningar per kvalitetsområde (--note område=text, flera gånger).',
    options: ['unit', 'date', 'participants', 'note'],
    async run(ctx, { positionals, options, repeated }) {
      const [reviewId, extra] = positionals;
      if (!reviewId) throw new UsageError(`Ange granskningens id. Användning: ${DIALOGUE_ADD}`);
      if (extra !== undefined) throw new UsageError(`Oväntat argument "${extra}".`);
      const unit = value(options, 'unit');
      const heldOn = value(options, 'date');
      if (!unit || !heldOn) throw new UsageError(`Ange --unit och --date. Användning: ${DIALOGUE_ADD}`);
      const notes: Record<string, string> = {};
      for (const note of repeated?.note ?? (typeof options.note === 'string' ? [options.note] : [])) {
        const at = note.indexOf('=');
        if (at <= 0) throw new UsageError(`--note ska vara område-id=text, till exempel --note trygghet="Enheten berättade …", inte "${note}".`);
        notes[note.slice(0, at).trim()] = note.slice(at + 1);
      }
      const meeting = await ctx.call('dialogue.save', { reviewId, unit, heldOn, participants: value(options, 'participants') ?? '', notes });
      return { json: meeting, human: `Dialogmötet med ${meeting.unit} den ${meeting.heldOn} är registrerat (id ${meeting.id}).` };
    },
  },
];
