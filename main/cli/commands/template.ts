import path from 'node:path';
import type { TemplateSummary } from '../../../shared/contract/templates';
import type { Template } from '../../../shared/templates/schema';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { readUserFile, writeFileAtomic } from '../../core/files';
import { MAX_TEMPLATE_FILE_BYTES } from '../../../shared/contract/templates';
import { formatDateTime } from '../../../shared/util/format-sv';

const originLabel: Record<TemplateSummary['origin'], string> = { bundled: 'inbyggd', user: 'egen', imported: 'importerad' };

function requirePositional(args: { positionals: string[] }, index: number, what: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`Ange ${what}.`);
  return value;
}

function versionOption(options: Record<string, string | true>): number | undefined {
  const raw = options.version;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw === true || !Number.isInteger(n) || n < 1) throw new UsageError('--version ska vara ett heltal, 1 eller större.');
  return n;
}

export const templateCommands: CliCommand[] = [
  {
    words: ['template', 'list'],
    usage: 'granska template list [--json]',
    summary: 'Listar granskningsmallarna.',
    async run(ctx) {
      const { templates } = await ctx.call('templates.list', {});
      const lines = templates.map(
        (t) => `${t.id}  v${t.version}  ${t.name}  (${t.targetGroup}, ${t.areaCount} områden, ${t.questionCount} frågor, ${originLabel[t.origin]}${t.frozen ? ', låst' : ''})`,
      );
      return { json: templates, human: templates.length ? lines.join('\n') : 'Inga mallar.' };
    },
  },
  {
    words: ['template', 'show'],
    usage: 'granska template show <id> [--version N] [--json]',
    summary: 'Visar en mall med områden och frågor.',
    options: ['version'],
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'mallens id');
      const record = await ctx.call('templates.get', { id, version: versionOption(args.options) });
      return { json: record, human: describeTemplate(record.template, record.versions, record.updatedAt) };
    },
  },
  {
    words: ['template', 'import'],
    usage: 'granska template import <fil> [--as-copy] [--json]',
    summary: 'Importerar en mallfil (granskningsmall/1). En ogiltig fil importeras inte alls.',
    booleans: ['as-copy'],
    async run(ctx, args) {
      const file = path.resolve(ctx.cwd, requirePositional(args, 0, 'filen som ska importeras'));
      const text = readUserFile(file, MAX_TEMPLATE_FILE_BYTES).toString('utf8');
      const result = await ctx.call('templates.import', { text, asCopy: args.options['as-copy'] === true });
      const human =
        result.status === 'identical'
          ? `Mallen "${result.name}" (${result.id} v${result.version}) finns redan med samma innehåll; inget ändrades.`
          : `Importerade "${result.name}" som ${result.id} v${result.version}.`;
      return { json: result, human: [human, ...result.warnings.map((w) => `Observera: ${w}`)].join('\n') };
    },
  },
  {
    words: ['template', 'export'],
    usage: 'granska template export <id> --out <fil> [--version N] [--json]',
    summary: 'Exporterar en mall till en fil.',
    options: ['out', 'version'],
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'mallens id');
      const out = args.options.out;
      if (typeof out !== 'string') throw new UsageError('Ange filen att skriva med --out <fil>.');
      const { document } = await ctx.call('templates.export', { id, version: versionOption(args.options) });
      const file = path.resolve(ctx.cwd, out);
      writeFileAtomic(file, `${JSON.stringify(document, null, 2)}\n`);
      return { json: { id: document.id, version: document.version, file }, human: `Sparade ${document.id} v${document.version} i ${file}.` };
    },
  },
];

function describeTemplate(t: Template, versions: number[], updatedAt: string): string {
  const lines = [
    // The versions this workbench holds need not start at 1 (a bundled template arrives at its current version).
    `${t.name} (${t.id}, version ${t.version}${versions.length > 1 ? `; versioner i arbetsbänken: ${versions.join(', ')}` : ''}, målgrupp ${t.targetGroup})`,
    `Senast ändrad ${formatDateTime(updatedAt)}`,
  ];
  for (const area of t.areas) {
    const questions = t.questions.filter((q) => q.area === area.id);
    lines.push('', `${area.name} (${questions.length} frågor)`);
    for (const q of questions) lines.push(`  ${q.id}  ${q.text}${q.required ? ' *' : ''}`);
  }
  return lines.join('\n');
}
