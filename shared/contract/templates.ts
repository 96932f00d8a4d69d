import { z } from 'zod';
import { IdSchema, TemplateSchema, TemplateVersionSchema, TARGET_GROUPS } from '../templates/schema';
import { method } from './define';
import { freeText, opaque } from './fields';

/** A template file is text; the bundled ones are about 50 kB, so 20 MB is generous and bounded. */
export const MAX_TEMPLATE_FILE_BYTES = 20_000_000;

export const TEMPLATE_ORIGINS = ['bundled', 'user', 'imported'] as const;

const TemplateRef = z.strictObject({ id: IdSchema, version: TemplateVersionSchema.optional() });

export const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The newest version; `versions` lists them all, oldest first. */
  version: z.number().int(),
  versions: z.array(z.number().int()),
  targetGroup: z.enum(TARGET_GROUPS),
  origin: z.enum(TEMPLATE_ORIGINS),
  areaCount: z.number().int(),
  questionCount: z.number().int(),
  /** The newest version is used by a review and can no longer change. */
  frozen: z.boolean(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateRecordSchema = z.object({
  template: TemplateSchema,
  origin: z.enum(TEMPLATE_ORIGINS),
  frozen: z.boolean(),
  versions: z.array(z.number().int()),
  updatedAt: z.string(),
});
export type TemplateRecord = z.infer<typeof TemplateRecordSchema>;

export const templateMethods = {
  'templates.list': method({
    summary: 'Listar granskningsmallarna (senaste versionen av varje).',
    input: z.strictObject({}),
    output: z.object({ templates: z.array(TemplateSummarySchema) }),
  }),
  'templates.get': method({
    summary: 'Hämtar en mall; utan version den senaste.',
    input: TemplateRef,
    output: TemplateRecordSchema,
  }),
  'templates.create': method({
    summary: 'Skapar en ny mall, tom eller som kopia av en befintlig.',
    input: z.strictObject({
      name: freeText({ min: 1, max: 200 }),
      from: TemplateRef.optional(),
    }),
    /** `warnings`: another template already has this name (allowed, but easy to mix up), in Swedish. */
    output: z.object({ id: z.string(), version: z.number().int(), warnings: z.array(z.string()) }),
  }),
  'templates.save': method({
    summary: 'Sparar en mall. Är versionen låst av en granskning sparas nästa version.',
    /** An imported template may be as large as templates.import allows, and the editor saves it whole. */
    maxInputBytes: 3 * 20_000_000 + 1024 * 1024,
    input: z.strictObject({ template: TemplateSchema }),
    output: z.object({ id: z.string(), version: z.number().int(), newVersion: z.boolean() }),
  }),
  'templates.import': method({
    summary: 'Importerar en mallfil (granskningsmall/1). En ogiltig fil importeras inte alls.',
    /** 20 million characters of template text, JSON-escaped as UTF-8 (up to three bytes each). */
    maxInputBytes: 3 * 20_000_000 + 1024 * 1024,
    input: z.strictObject({
      /** The parsed file, or its text: validated here so every face reports the same problems. */
      document: opaque(z.unknown(), 'parsed by parseTemplate against TemplateSchema, whose every text is guarded').optional(),
      text: opaque(z.string().max(MAX_TEMPLATE_FILE_BYTES), 'JSON parsed by parseTemplateText against TemplateSchema, whose every text is guarded').optional(),
      /** Import under a new id when the id and version already exist with other content. */
      asCopy: z.boolean().optional(),
    }),
    output: z.object({
      id: z.string(),
      version: z.number().int(),
      name: z.string(),
      status: z.enum(['imported', 'identical']),
      /** Another template already has this name (allowed, but easy to mix up), in Swedish. */
      warnings: z.array(z.string()),
    }),
  }),
  'templates.export': method({
    summary: 'Exporterar en mall som fil (granskningsmall/1).',
    input: TemplateRef,
    output: z.object({ document: TemplateSchema, fileName: z.string() }),
  }),
  'templates.delete': method({
    summary: 'Tar bort en mall med alla versioner, om ingen granskning använder den.',
    input: z.strictObject({ id: IdSchema }),
    output: z.object({ id: z.string(), deletedVersions: z.number().int() }),
  }),
};
