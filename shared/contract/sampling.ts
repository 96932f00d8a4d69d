import { z } from 'zod';
import { method } from './define';
import { freeText, RecordIdSchema } from './fields';

/** Stored with the sample; below ten digits, so it can never spell an identity number. */
const SampleSize = z.number().int().min(1).max(10_000_000);

export const SamplingMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('per-unit'), n: SampleSize }),
  z.strictObject({ kind: z.literal('total'), n: SampleSize }),
  z.strictObject({ kind: z.literal('all') }),
]);

export const DROPOUT_REASONS = ['ej_framtagbar', 'fel_malgrupp', 'annat'] as const;
export const DROPOUT_LABELS: Record<(typeof DROPOUT_REASONS)[number], string> = {
  ej_framtagbar: 'Akten kunde inte tas fram',
  fel_malgrupp: 'Fel målgrupp',
  annat: 'Annat',
};

const SampledCase = z.object({
  caseId: z.string(),
  ref: z.string(),
  unit: z.string(),
  /** Position in the unit's seeded order, from 1. */
  seededOrder: z.number().int(),
  status: z.enum(['selected', 'replacement', 'dropped', 'reserve']),
  dropoutReason: z.enum(DROPOUT_REASONS).nullable(),
  dropoutNote: z.string().nullable(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  done: z.boolean(),
});

export const SampleRecordSchema = z.object({
  seed: z.string(),
  method: SamplingMethodSchema,
  drawnAt: z.string(),
  drawnBy: z.string(),
  frame: z.record(z.string(), z.number().int()),
  /** Cases in the sample now (selected and replacements, not dropped), unit by unit in seeded order. */
  sample: z.array(z.string()),
  cases: z.array(SampledCase),
  /** Any answer or done mark on any file of the review: the sample can then no longer be drawn again. */
  scoringStarted: z.boolean(),
});
export type SampleRecord = z.infer<typeof SampleRecordSchema>;

export const samplingMethods = {
  'sampling.draw': method({
    summary: 'Drar ett seedat, stratifierat urval per enhet; samma ram och frö ger alltid samma urval.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      method: SamplingMethodSchema,
      /** Shown and stored; a random one is chosen when left out. */
      seed: freeText({ min: 1, max: 200 }).optional(),
      /** Draw again over an earlier sample (only while no file has been scored). */
      replace: z.boolean().optional(),
    }),
    output: z.object({ seed: z.string(), frame: z.record(z.string(), z.number().int()), sample: z.array(z.string()), shortfall: z.number().int() }),
  }),
  'sampling.get': method({
    summary: 'Visar urvalet med metod, frö, ram per enhet och bortfall.',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: SampleRecordSchema.nullable(),
  }),
  'sampling.dropout': method({
    summary: 'Markerar en akt som bortfall och drar ersättaren: nästa akt i enhetens seedade ordning.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      caseId: RecordIdSchema,
      reason: z.enum(DROPOUT_REASONS),
      note: freeText({ max: 1000 }).optional(),
    }),
    output: z.object({ replacement: z.object({ caseId: z.string(), ref: z.string() }).nullable() }),
  }),
};
