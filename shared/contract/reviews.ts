import { z } from 'zod';
import { IdSchema, TARGET_GROUPS, TemplateVersionSchema } from '../templates/schema';
import { isValidIsoDate } from '../util/iso-date';
import { DNR_MESSAGE, isPlausibleDnr } from '../reviews/dnr';
import { method } from './define';
import { freeText, opaque, RecordIdSchema } from './fields';

export const IsoDateSchema = opaque(
  z.string().refine(isValidIsoDate, { message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' }),
  'a real YYYY-MM-DD date: eight digits cannot spell a ten-digit number',
);
const Dnr = freeText({ min: 1, max: 60 }).refine(isPlausibleDnr, { message: DNR_MESSAGE });
const UnitName = freeText({ min: 1, max: 120 });

export const InspectorSchema = z.strictObject({ name: freeText({ min: 1, max: 120 }), phone: freeText({ max: 40 }).optional() });

const ReviewFields = {
  title: freeText({ min: 1, max: 200 }),
  subtitle: freeText({ max: 300 }).optional(),
  dnr: Dnr.optional(),
  theme: freeText({ max: 2000 }).optional(),
  periodFrom: IsoDateSchema.optional(),
  periodTo: IsoDateSchema.optional(),
  /** Ages and age bands are computed at this date. */
  referenceDate: IsoDateSchema.optional(),
  units: z.array(UnitName).max(200).optional(),
  inspectors: z.array(InspectorSchema).max(20).optional(),
};

export const ReviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  dnr: z.string().nullable(),
  theme: z.string().nullable(),
  targetGroup: z.enum(TARGET_GROUPS),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  referenceDate: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  templateName: z.string(),
  units: z.array(z.string()),
  inspectors: z.array(z.object({ name: z.string(), phone: z.string().optional() })),
  archived: z.boolean(),
  /** The example review offered on first start: fictional cases, may be deleted outright. */
  example: z.boolean(),
  /** The publication set's threshold: groups of 1..N−1 files are protected (docs/disclosure.md). Changed only with a logged reason. */
  publishThreshold: z.number().int(),
  /** reviews.delete would accept it: the example, or nothing was ever answered or marked done in it. */
  deletable: z.boolean(),
  caseCount: z.number().int(),
  sampledCount: z.number().int(),
  doneCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ReviewRef = z.strictObject({ reviewId: RecordIdSchema });

export const reviewMethods = {
  'reviews.create': method({
    summary: 'Skapar en granskning på en låst version av en mall.',
    input: z.strictObject({ templateId: IdSchema, templateVersion: TemplateVersionSchema.optional(), ...ReviewFields }),
    /** `warnings`: what looks like a mistake but is allowed (another review with the same Dnr and title), in Swedish. */
    output: z.object({ id: z.string(), warnings: z.array(z.string()) }),
  }),
  'reviews.createExample': method({
    summary: 'Skapar en exempelgranskning med påhittade akter, ett draget urval och några svar, att öva på och sedan ta bort.',
    input: z.strictObject({}),
    output: z.object({ id: z.string() }),
  }),
  'reviews.delete': method({
    summary: 'Tar bort en exempelgranskning, eller en granskning där inget har besvarats eller markerats klart.',
    input: ReviewRef,
    output: z.object({ deleted: z.literal(true) }),
  }),
  'reviews.list': method({
    summary: 'Listar granskningarna.',
    input: z.strictObject({ includeArchived: z.boolean().optional() }),
    output: z.object({ reviews: z.array(ReviewSchema) }),
  }),
  'reviews.get': method({
    summary: 'Hämtar en granskning.',
    input: ReviewRef,
    output: ReviewSchema,
  }),
  'reviews.update': method({
    summary: 'Ändrar en gransknings uppgifter.',
    input: z.strictObject({ reviewId: RecordIdSchema, ...ReviewFields, title: ReviewFields.title.optional() }),
    output: ReviewSchema,
  }),
  'reviews.archive': method({
    summary: 'Arkiverar en granskning, eller tar fram den ur arkivet.',
    input: z.strictObject({ reviewId: RecordIdSchema, archived: z.boolean() }),
    output: ReviewSchema,
  }),
};
