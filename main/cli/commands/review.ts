import { UsageError } from '../args';
import type { CliCommand } from '../command';

const text = (options: Record<string, string | true>, name: string): string | undefined => {
  const value = options[name];
  if (value === true) throw new UsageError(`Flaggan --${name} behöver ett värde.`);
  return value;
};

export const reviewCommands: CliCommand[] = [
  {
    words: ['review', 'create'],
    usage: 'granska review create --template <id> --title <titel> [--dnr <dnr>] [--units "A;B;C"] [--subtitle <text>] [--reference-date ÅÅÅÅ-MM-DD] [--template-version N] [--json]',
    summary: 'Skapar en granskning; mallversionen låses.',
    options: ['template', 'template-version', 'title', 'dnr', 'units', 'subtitle', 'reference-date', 'theme', 'period-from', 'period-to'],
    async run(ctx, { options }) {
      const templateId = text(options, 'template');
      const title = text(options, 'title');
      if (!templateId) throw new UsageError('Ange mallen med --template <id>.');
      if (!title) throw new UsageError('Ange granskningens titel med --title <titel>.');
      const versionText = text(options, 'template-version');
      const templateVersion = versionText === undefined ? undefined : Number(versionText);
      if (templateVersion !== undefined && !(Number.isInteger(templateVersion) && templateVersion >= 1)) throw new UsageError('--template-version ska vara ett heltal, 1 eller större.');
      const units = text(options, 'units')?.split(';').map((u) => u.trim()).filter(Boolean);
      const { id, warnings } = await ctx.call('reviews.create', {
        templateId,
        templateVersion,
        title,
        dnr: text(options, 'dnr'),
        subtitle: text(options, 'subtitle'),
        theme: text(options, 'theme'),
        referenceDate: text(options, 'reference-date'),
        periodFrom: text(options, 'period-from'),
        periodTo: text(options, 'period-to'),
        units,
      });
      return { json: { id, warnings }, human: [`Skapade granskningen "${title}" med id ${id}.`, ...warnings.map((w) => `Observera: ${w}`)].join('\n') };
    },
  },
  {
    words: ['review', 'list'],
    usage: 'granska review list [--archived] [--json]',
    summary: 'Listar granskningarna.',
    booleans: ['archived'],
    async run(ctx, { options }) {
      const { reviews } = await ctx.call('reviews.list', { includeArchived: options.archived === true });
      const lines = reviews.map(
        (r) => `${r.id}  ${r.title}${r.dnr ? `  (${r.dnr})` : ''}  – ${r.templateName} v${r.templateVersion}, ${r.caseCount} akter, ${r.doneCount} av ${r.sampledCount} granskade${r.archived ? ', arkiverad' : ''}${r.example ? ', exempel' : ''}`,
      );
      return { json: reviews, human: reviews.length ? lines.join('\n') : 'Inga granskningar.' };
    },
  },
  {
    words: ['review', 'example'],
    usage: 'granska review example [--json]',
    summary: 'Skapar en exempelgranskning med påhittade akter att öva på (finns den redan visas den).',
    async run(ctx) {
      const { id } = await ctx.call('reviews.createExample', {});
      const review = await ctx.call('reviews.get', { reviewId: id });
      return { json: { id }, human: `Exempelgranskningen "${review.title}" har id ${id}. Ta bort den med: granska review delete ${id}` };
    },
  },
  {
    words: ['review', 'delete'],
    usage: 'granska review delete <granskning> [--json]',
    summary: 'Tar bort en exempelgranskning, eller en granskning där inget har besvarats eller markerats klart.',
    async run(ctx, { positionals }) {
      const reviewId = positionals[0];
      if (!reviewId) throw new UsageError('Ange granskningens id (se granska review list).');
      const review = await ctx.call('reviews.get', { reviewId });
      const result = await ctx.call('reviews.delete', { reviewId });
      return { json: result, human: `Granskningen "${review.title}" togs bort.` };
    },
  },
  {
    words: ['review', 'threshold'],
    usage: 'granska review threshold <granskning> [N --reason "skäl"] [--json]',
    summary: 'Visar granskningens gräns för små tal i publiceringsunderlaget, eller ändrar den (skälet loggas; allt publicerat räknas om).',
    options: ['reason'],
    async run(ctx, { positionals, options }) {
      const [reviewId, value] = positionals;
      if (!reviewId) throw new UsageError('Ange granskningens id (se granska review list).');
      if (value === undefined) {
        const review = await ctx.call('reviews.get', { reviewId });
        return { json: { threshold: review.publishThreshold }, human: `Gränsen för små tal är ${review.publishThreshold} akter: grupper med färre akter redovisas inte i publiceringsunderlaget.` };
      }
      if (!/^\d+$/.test(value)) throw new UsageError('Gränsen ska vara ett heltal, t.ex. granska review threshold <granskning> 5 --reason "…".');
      const reason = text(options, 'reason');
      if (!reason) throw new UsageError('Ange varför gränsen ändras med --reason "…": ändringen loggas och allt publicerat räknas om.');
      const result = await ctx.call('reviews.setPublishThreshold', { reviewId, threshold: Number(value), reason });
      return {
        json: result,
        human: result.previous === result.threshold ? `Gränsen är redan ${result.threshold}.` : `Gränsen för små tal är nu ${result.threshold} (var ${result.previous}). Ändringen och skälet är loggade; allt publicerat räknas om med den nya gränsen.`,
      };
    },
  },
];
