import { z } from 'zod';
import { IdSchema, TARGET_GROUPS } from '../templates/schema';
import { isValidIsoDate } from '../util/iso-date';
import { DNR_MESSAGE, isPlausibleDnr } from '../reviews/dnr';
import { method } from './define';

export const IsoDateSchema = z.string().refine(isValidIsoDate, { message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' });
const Dnr = z.string().trim().min(1).max(60).refine(isPlausibleDnr, { message: DNR_MESSAGE });
const UnitName = z.string().trim().min(1).max(120);

export const InspectorSchema = z.strictObject({ name: z.string().trim().min(1).max(120), phone: z.string().trim().max(40).optional() });

const ReviewFields = {
  title: z.string().trim().min(1).max(200),
  subtitle: z.string().trim().max(300).optional(),
  dnr: Dnr.optional(),
  theme: z.string().trim().max(2000).optional(),
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
  caseCount: z.number().int(),
  sampledCount: z.number().int(),
  doneCount: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ReviewRef = z.strictObject({ reviewId: z.string().min(1) });

export const reviewMethods = {
  'reviews.create': method({
    summary: 'Skapar en granskning på en låst version av en mall.',
    input: z.strictObject({ templateId: IdSchema, templateVersion: z.number().int().min(1).optional(), ...ReviewFields }),
    output: z.object({ id: z.string() }),
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
    input: z.strictObject({ reviewId: z.string().min(1), ...ReviewFields, title: ReviewFields.title.optional() }),
    output: ReviewSchema,
  }),
  'reviews.archive': method({
    summary: 'Arkiverar en granskning, eller tar fram den ur arkivet.',
    input: z.strictObject({ reviewId: z.string().min(1), archived: z.boolean() }),
    output: ReviewSchema,
  }),
};
