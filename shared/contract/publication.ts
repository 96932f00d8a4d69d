import { z } from 'zod';
import { method } from './define';
import { freeText, RecordIdSchema } from './fields';
import { MAX_PUBLISH_THRESHOLD, MIN_PUBLISH_THRESHOLD } from './results';

/**
 * The review's publication set as a whole (docs/disclosure.md): its threshold, changed only with a
 * logged reason, and the attacker's audit over every figure the set prints.
 */

const Count = z.number().int().min(0);

export const AuditReportSchema = z.object({
  /** The review's threshold the set was built and audited with. */
  threshold: z.number().int(),
  /** Printed figures (counts and percentages), each an equation the attacker starts from. */
  published: Count,
  /** Hidden cells the audit tried to pin down: groups of fewer than `threshold` files and every figure about them. */
  hidden: Count,
  /** Every hidden cell whose feasible interval is one value or lies inside [1, threshold − 1]; empty when the set is safe. */
  disclosed: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      interval: z.object({ min: Count, max: Count }),
      reason: z.enum(['single-value', 'small-range']),
    }),
  ),
});
export type AuditReportOutput = z.infer<typeof AuditReportSchema>;

export const publicationMethods = {
  'results.audit': method({
    summary: 'Angriparens granskning av publiceringsunderlaget: räknar för varje dold cell fram vilka värden som går att sluta sig till ur alla publicerade tal tillsammans.',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: AuditReportSchema,
  }),
  'reviews.setPublishThreshold': method({
    summary: 'Ändrar granskningens gräns för små tal i publiceringsunderlaget (med ett skäl som loggas); allt publicerat räknas om.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      threshold: z.number().int().min(MIN_PUBLISH_THRESHOLD).max(MAX_PUBLISH_THRESHOLD),
      reason: freeText({ min: 10, max: 2000 }),
    }),
    output: z.object({ threshold: z.number().int(), previous: z.number().int() }),
  }),
};
