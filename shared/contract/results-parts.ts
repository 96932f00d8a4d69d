import { z } from 'zod';
import { freeText } from './fields';

/**
 * The parts of a review's results beyond the per-question tables (issue 8): splits and filters,
 * distributions of numbers and derived intervals, and the comparison with an earlier review.
 * Referenced from results.ts; kept apart so each file stays one job.
 */

const Count = z.number().int().min(0);
const PublishedCount = Count.nullable();

/**
 * A dimension to split or filter by, as one string:
 * - `unit`, `ageBand` — the case file's unit and age band;
 * - `attribute:<key>` — a column of the case list kept as an attribute (e.g. `attribute:insats`);
 * - `question:<id>` — the answer to a scale or single choice question.
 */
export const SplitFieldSchema = freeText({ max: 300 }).refine((field) => field === 'unit' || field === 'ageBand' || /^(attribute|question):.+$/.test(field), {
  message: 'Ska vara unit, ageBand, attribute:<namn> eller question:<id>.',
});
export type SplitField = z.infer<typeof SplitFieldSchema>;

/** Keep only the files whose `field` has `value`; null means "saknas" (no age band, no attribute, not answered). */
export const ResultFilterSchema = z.strictObject({ field: SplitFieldSchema, value: freeText({ max: 500 }).nullable() });
export type ResultFilter = z.infer<typeof ResultFilterSchema>;

export const MAX_RESULT_FILTERS = 5;

/** One value a dimension takes among the counted files. */
export const SplitValueSchema = z.object({
  /** The stored value (a unit, an age band, an attribute value, an answer id); null = saknas. */
  value: z.string().nullable(),
  /** What a person reads: the unit itself, "0–5 år", an option's label, "Saknas". */
  label: z.string(),
});
export type SplitValue = z.infer<typeof SplitValueSchema>;

/** A dimension the review's data offers for splitting and filtering, with its values in display order. */
export const SplitDimensionSchema = z.object({ field: z.string(), label: z.string(), values: z.array(SplitValueSchema) });
export type SplitDimension = z.infer<typeof SplitDimensionSchema>;

/** Five numbers and a mean over `n` values; every statistic null where n = 0. */
export const DistributionSchema = z.object({
  n: Count,
  mean: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

/** As published: n null where it is 1..threshold−1; mean, median and quartiles only where n ≥ 10; min and max never (an extreme is one child). */
export const PublishedDistributionSchema = DistributionSchema.extend({ n: PublishedCount, min: z.null(), max: z.null() });
export type PublishedDistribution = z.infer<typeof PublishedDistributionSchema>;

const bySex = <T extends z.ZodType>(schema: T) => z.object({ F: schema, M: schema, U: schema, total: schema });
export const DistributionBySexSchema = bySex(DistributionSchema);
export type DistributionBySex = z.infer<typeof DistributionBySexSchema>;
export const PublishedDistributionBySexSchema = bySex(PublishedDistributionSchema);
export type PublishedDistributionBySex = z.infer<typeof PublishedDistributionBySexSchema>;

/** A measure the template derives from two questions (template `measures`). */
export const MEASURE_KINDS = ['interval', 'ratio'] as const;

const derivedBase = {
  id: z.string(),
  kind: z.enum(MEASURE_KINDS),
  label: z.string(),
  /** interval: the earlier date question; ratio: the planned number question. */
  from: z.string(),
  /** interval: the later date question; ratio: the actual number question. */
  to: z.string(),
  /** "dagar" for an interval; null for a ratio (actual ÷ planned per file). */
  unit: z.string().nullable(),
  /** Files with both answers where the measure cannot be computed (a negative interval, a planned 0): counted, never hidden. */
  excluded: Count,
};

export const DerivedMeasureSchema = z.object({
  ...derivedBase,
  bySex: DistributionBySexSchema,
  /** Per value of the split (`by`), the distribution over all sexes; null without a split. */
  groups: z.array(SplitValueSchema.extend({ distribution: DistributionSchema })).nullable(),
});
export type DerivedMeasure = z.infer<typeof DerivedMeasureSchema>;

export const PublishedDerivedMeasureSchema = z.object({
  ...derivedBase,
  excluded: PublishedCount,
  bySex: PublishedDistributionBySexSchema,
  groups: z.array(SplitValueSchema.extend({ distribution: PublishedDistributionSchema })).nullable(),
});
export type PublishedDerivedMeasure = z.infer<typeof PublishedDerivedMeasureSchema>;

/** One side of a comparison: the share `ja` among applicable answers. */
export const ComparedShareSchema = z.object({ yes: Count, applicable: Count, percent: z.number().min(0).max(100).nullable() });

const comparisonLine = <S extends z.ZodType>(share: S) =>
  z.object({
    before: share.nullable(),
    after: share.nullable(),
    /** after − before in percentage points; null unless both percents are shown. */
    changePoints: z.number().nullable(),
    /** Fisher's exact test on the two reviews' answers, as one Swedish sentence. */
    verdict: z.object({ code: z.enum(['difference', 'no_difference', 'too_small', 'no_variation']), text: z.string() }).nullable(),
  });

const comparisonOf = <S extends z.ZodType>(share: S) =>
  z.object({
    reviewId: z.string(),
    title: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    /** Questions of this review matched by id in the earlier one; questions it did not have are left out and counted in `unmatched`. */
    questions: z.array(comparisonLine(share).extend({ questionId: z.string(), number: z.number().int() })),
    areas: z.array(comparisonLine(share).extend({ areaId: z.string(), name: z.string() })),
    unmatched: Count,
  });

export const ComparisonSchema = comparisonOf(ComparedShareSchema);
export type Comparison = z.infer<typeof ComparisonSchema>;
