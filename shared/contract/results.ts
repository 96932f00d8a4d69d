import { z } from 'zod';
import { method } from './define';
import { RecordIdSchema } from './fields';
import { TARGET_GROUPS } from '../templates/schema';

/**
 * The review's results: every figure computed from the answers of the files that count — the
 * sample's selected and replacement files, or every file where the review has no sample; never a
 * dropped file or one outside the sample.
 *
 * Two views, told apart by `view`:
 * - `internal` (the default): nothing suppressed, every cell of answer × sex × unit × age band —
 *   what the inspector's own screens show.
 * - `published` (input `published: true`): disclosure control applied (rules in
 *   shared/results/publish.ts). Here, and only here, counts and share figures may be null (=
 *   suppressed or withheld), and `counts` holds the answer × sex table only (unit and age band null).
 */

const Count = z.number().int().min(0);
const SexSchema = z.enum(['F', 'M', 'U']);

/** Answers to a share question in one group: `yes` + `other` = `applicable`; `notApplicable` is outside the denominator. */
export const ShareCountsSchema = z.object({
  yes: Count,
  /** Every answer whose step (or option) is applicable: the denominator of the share `ja`. */
  applicable: Count,
  /** Applicable answers other than `ja` (delvis, nej, framgar_ej …). */
  other: Count,
  /** ej_tillampligt and any other step marked not applicable. */
  notApplicable: Count,
});
export type ShareCounts = z.infer<typeof ShareCountsSchema>;

export const ShareBySexSchema = z.object({ F: ShareCountsSchema, M: ShareCountsSchema, U: ShareCountsSchema, total: ShareCountsSchema });
export type ShareBySex = z.infer<typeof ShareBySexSchema>;

/** A published count: null where it is suppressed. */
const PublishedCountValue = Count.nullable();

export const SHARE_WITHHELD_REASONS = ['denominator-suppressed', 'numerator-suppressed', 'denominator-too-small'] as const;

/** ShareCounts as published: a figure is null where it could give a suppressed cell away. */
export const PublishedShareCountsSchema = z.object({
  yes: PublishedCountValue,
  applicable: PublishedCountValue,
  other: PublishedCountValue,
  notApplicable: PublishedCountValue,
  /** 100 × yes / applicable, unrounded; null where withheld. */
  percent: z.number().min(0).max(100).nullable(),
  /** Why `percent` is null; null where it is shown. */
  withheld: z.enum(SHARE_WITHHELD_REASONS).nullable(),
});
export type PublishedShareCounts = z.infer<typeof PublishedShareCountsSchema>;

export const PublishedShareBySexSchema = z.object({ F: PublishedShareCountsSchema, M: PublishedShareCountsSchema, U: PublishedShareCountsSchema, total: PublishedShareCountsSchema });
export type PublishedShareBySex = z.infer<typeof PublishedShareBySexSchema>;

export const ResultCellSchema = z.object({
  /** A scale step id or an option id. */
  answer: z.string(),
  sex: SexSchema,
  unit: z.string(),
  ageBand: z.string().nullable(),
  count: Count,
});
export type ResultCell = z.infer<typeof ResultCellSchema>;

/** A cell of the published answer × sex table: every answer × sex pair, zeros included; null = suppressed. */
export const PublishedCellSchema = z.object({
  answer: z.string(),
  sex: SexSchema,
  unit: z.null(),
  ageBand: z.null(),
  count: PublishedCountValue,
});
export type PublishedCell = z.infer<typeof PublishedCellSchema>;

export const VERDICT_CODES = ['difference', 'no_difference', 'too_small'] as const;

export const QuestionResultSchema = z.object({
  questionId: z.string(),
  /** 1-based position in the template, as the scoring screen numbers questions. */
  number: z.number().int().min(1),
  areaId: z.string(),
  type: z.enum(['scale', 'choice', 'date', 'number', 'text']),
  /** Counted files with an answer to this question. */
  answered: Count,
  /**
   * Every non-zero cell of answer × sex × unit × age band; a multiple choice counts each chosen
   * option (so its cells may add up to more than `answered`). Date, number and text questions
   * have no cells yet: their distributions are a later slice of issue 8.
   */
  counts: z.array(ResultCellSchema),
  /** The share `ja` by sex, for scale questions whose scale has a step `ja` and choice questions with an option `ja`; else null. */
  share: ShareBySexSchema.nullable(),
  /** Girls vs boys (women vs men) on the share, in one Swedish sentence; null without a share. */
  verdict: z.object({ code: z.enum(VERDICT_CODES), text: z.string() }).nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

export const PublishedQuestionResultSchema = QuestionResultSchema.extend({
  /** Null where it would give a suppressed count away (see publish.ts). */
  answered: PublishedCountValue,
  /** The answer × sex table (answers in template order, then F, M, U), suppressed; see publish.ts. */
  counts: z.array(PublishedCellSchema),
  share: PublishedShareBySexSchema.nullable(),
});
export type PublishedQuestionResult = z.infer<typeof PublishedQuestionResultSchema>;

export const AreaResultSchema = z.object({
  areaId: z.string(),
  name: z.string(),
  /** The area's share questions pooled (answers summed over them); null where it has none. */
  share: ShareBySexSchema.nullable(),
});

const ResultsBaseSchema = z.object({
  /** The template's target group: children are flickor/pojkar, adults kvinnor/män (DOMAIN.md §5). */
  targetGroup: z.enum(TARGET_GROUPS),
  basis: z.object({
    /** Counted files: the sample's selected and replacement files, or every file without a sample. */
    files: Count,
    /** Of them, done (marked done and complete). */
    done: Count,
    bySex: z.object({ F: Count, M: Count, U: Count }),
  }),
});

export const InternalResultsSchema = ResultsBaseSchema.extend({
  view: z.literal('internal'),
  /** No suppression in the internal view. */
  threshold: z.null(),
  questions: z.array(QuestionResultSchema),
  areas: z.array(AreaResultSchema),
});
export type InternalResults = z.infer<typeof InternalResultsSchema>;

export const PublishedResultsSchema = ResultsBaseSchema.extend({
  view: z.literal('published'),
  /** Counts 1..threshold−1 are suppressed. */
  threshold: z.number().int(),
  /** The files by sex as a suppressed table of one row (its total is `files`); `done` is not by sex and stays. */
  basis: z.object({ files: PublishedCountValue, done: Count, bySex: z.object({ F: PublishedCountValue, M: PublishedCountValue, U: PublishedCountValue }) }),
  questions: z.array(PublishedQuestionResultSchema),
  areas: z.array(AreaResultSchema.extend({ share: PublishedShareBySexSchema.nullable() })),
});
export type PublishedResults = z.infer<typeof PublishedResultsSchema>;

export const ResultsSchema = z.discriminatedUnion('view', [InternalResultsSchema, PublishedResultsSchema]);
export type Results = z.infer<typeof ResultsSchema>;

export const MIN_PUBLISH_THRESHOLD = 3;
export const MAX_PUBLISH_THRESHOLD = 20;

export const resultMethods = {
  'results.get': method({
    summary: 'Granskningens resultat per fråga och område, uppdelat på kön, enhet och åldersgrupp: internt (utan röjandeskydd) eller publicerat (små tal dolda).',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      /** The published view, with disclosure control; the internal view without it. */
      published: z.boolean().optional(),
      /** Published view only: counts 1..threshold−1 are suppressed (default 5). */
      threshold: z.number().int().min(MIN_PUBLISH_THRESHOLD).max(MAX_PUBLISH_THRESHOLD).optional(),
    }),
    output: ResultsSchema,
  }),
};
