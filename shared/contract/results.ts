import { z } from 'zod';
import { method } from './define';
import { freeText, RecordIdSchema } from './fields';
import { TARGET_GROUPS } from '../templates/schema';
import {
  ComparisonSchema,
  DerivedMeasureSchema,
  DistributionBySexSchema,
  MAX_RESULT_FILTERS,
  PublishedDerivedMeasureSchema,
  PublishedDistributionBySexSchema,
  ResultFilterSchema,
  SplitDimensionSchema,
  SplitFieldSchema,
  SplitValueSchema,
} from './results-parts';

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

export const SHARE_WITHHELD_REASONS = [
  /** Fewer than 10 applicable answers: too few for a percentage (a rule of meaning, docs/disclosure.md §2). */
  'denominator-too-small',
  /** The group's answers are not in the publication set at all (files of unknown sex, a group of fewer than the threshold's files). */
  'group-not-published',
  /** Hidden so that a smaller group's hidden figures cannot be worked back from this one (secondary suppression). */
  'protects-other',
] as const;

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

/**
 * A cell of the published answer distribution: every answer of the question, zeros included, over
 * the files the publication's totals cover (publication.totalCovers); not split by sex, unit or age
 * band — by sex the set publishes the share `ja` only.
 */
export const PublishedCellSchema = z.object({
  answer: z.string(),
  sex: z.null(),
  unit: z.null(),
  ageBand: z.null(),
  count: PublishedCountValue,
});
export type PublishedCell = z.infer<typeof PublishedCellSchema>;

/** no_variation: every applicable answer of both groups is ja, or none is: there is no difference to test (not "too few"). */
export const VERDICT_CODES = ['difference', 'no_difference', 'too_small', 'no_variation'] as const;

/** Girls vs boys (women vs men) on one question: the sentence, and the figures behind it. */
export const VerdictSchema = z.object({
  code: z.enum(VERDICT_CODES),
  text: z.string(),
  /** Fisher's two-sided p; null where the groups were not tested (too few answers, no variation). */
  p: z.number().min(0).max(1).nullable(),
  /** p adjusted by Holm's method over every question of the review that was tested; null where p is. */
  pAdjusted: z.number().min(0).max(1).nullable(),
  /** The first share minus the second (girls − boys) with Newcombe's hybrid score 95 % interval; null where either share is missing. */
  difference: z.object({ estimate: z.number().min(-1).max(1), lower: z.number().min(-1).max(1), upper: z.number().min(-1).max(1) }).nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

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
  /** Girls vs boys (women vs men) on the share, in one Swedish sentence with its figures; null without a share. */
  verdict: VerdictSchema.nullable(),
  /** Per value of the split (`by`): answered and the share `ja` by sex; null without a split. */
  groups: z.array(SplitValueSchema.extend({ answered: Count, share: ShareBySexSchema.nullable() })).nullable(),
  /** Number questions: the distribution of the answers by sex; null for other types. */
  distribution: DistributionBySexSchema.nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

export const PublishedQuestionResultSchema = QuestionResultSchema.extend({
  /** Null where it would give a suppressed count away (see publish.ts). */
  answered: PublishedCountValue,
  /** The answer × sex table (answers in template order, then F, M, U), suppressed; see publish.ts. */
  counts: z.array(PublishedCellSchema),
  share: PublishedShareBySexSchema.nullable(),
  /** Per group only percentages are published (counts null), each under the same rules as a share. */
  groups: z.array(SplitValueSchema.extend({ answered: PublishedCountValue, share: PublishedShareBySexSchema.nullable() })).nullable(),
  distribution: PublishedDistributionBySexSchema.nullable(),
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

const SplitEchoSchema = z.object({
  /** The filters applied, with a label a person reads ("Enhet: Norr"). */
  filters: z.array(z.object({ field: z.string(), value: z.string().nullable(), label: z.string() })),
  /** The split dimension, or null. */
  by: z.object({ field: z.string(), label: z.string() }).nullable(),
  /** Every dimension the counted files offer, with its values: what the screen's filters list. */
  dimensions: z.array(SplitDimensionSchema),
});

export const InternalResultsSchema = ResultsBaseSchema.extend({
  view: z.literal('internal'),
  /** No suppression in the internal view. */
  threshold: z.null(),
  split: SplitEchoSchema.extend({
    /** Per value of `by`: the counted files by sex; null without a split. */
    groups: z.array(SplitValueSchema.extend({ files: z.object({ F: Count, M: Count, U: Count, total: Count }) })).nullable(),
  }),
  questions: z.array(QuestionResultSchema),
  areas: z.array(AreaResultSchema),
  /** Intervals and ratios the template derives from two questions (template `measures`). */
  derived: z.array(DerivedMeasureSchema),
  /** The change since an earlier review on the same template (input `compareWith`); null without one. */
  comparison: ComparisonSchema.nullable(),
});
export type InternalResults = z.infer<typeof InternalResultsSchema>;

/**
 * What the publication set adds beyond the per-question figures (docs/disclosure.md): the basis by
 * unit and by age band, each area by unit, and which files the totals cover.
 */
export const PublicationSchema = z.object({
  /** The sex groups the per-question and per-area totals cover: girls and boys (women and men) with at least `threshold` files. */
  totalCovers: z.array(SexSchema),
  /** Files per unit, as drawn (the sample's design). */
  units: z.array(z.object({ unit: z.string(), files: Count })),
  /** Files per age band, adjacent bands merged until each has at least `threshold` files; null = hidden. */
  ageBands: z.array(z.object({ label: z.string(), bands: z.array(z.string().nullable()), files: PublishedCountValue })),
  /** Per quality area, the pooled share `ja` per unit over the files the totals cover. */
  areaUnits: z.array(z.object({ areaId: z.string(), units: z.array(z.object({ unit: z.string(), share: PublishedShareCountsSchema })) })),
  /** Sentences for the reader: what the totals cover and what a "–" means. */
  notes: z.array(z.string()),
});
export type Publication = z.infer<typeof PublicationSchema>;

export const PublishedResultsSchema = ResultsBaseSchema.extend({
  view: z.literal('published'),
  /** The review's threshold: groups of 1..threshold−1 files are protected. */
  threshold: z.number().int(),
  publication: PublicationSchema,
  /** The files by sex as a suppressed table of one row (its total is `files`); `done` is not by sex and stays. */
  basis: z.object({ files: PublishedCountValue, done: Count, bySex: z.object({ F: PublishedCountValue, M: PublishedCountValue, U: PublishedCountValue }) }),
  split: SplitEchoSchema.extend({
    /** The files by group × sex as one suppressed table (its totals row is `basis.bySex`). */
    groups: z.array(SplitValueSchema.extend({ files: z.object({ F: PublishedCountValue, M: PublishedCountValue, U: PublishedCountValue, total: PublishedCountValue }) })).nullable(),
  }),
  questions: z.array(PublishedQuestionResultSchema),
  areas: z.array(AreaResultSchema.extend({ share: PublishedShareBySexSchema.nullable() })),
  derived: z.array(PublishedDerivedMeasureSchema),
  /** Comparisons stay in the internal view. */
  comparison: z.null(),
});
export type PublishedResults = z.infer<typeof PublishedResultsSchema>;

export const ResultsSchema = z.discriminatedUnion('view', [InternalResultsSchema, PublishedResultsSchema]);
export type Results = z.infer<typeof ResultsSchema>;

/**
 * Why the published view takes no filter, split or comparison: each would be one more table about
 * the same files, and tables are attacked together (docs/disclosure.md). The publication set is one
 * fixed set of tables, protected and audited as a whole.
 */
export const ONLY_INTERNAL = 'Finns bara i den interna vyn: den publicerade versionen är granskningens fasta publiceringsunderlag, skyddat som en helhet.';

export const MIN_PUBLISH_THRESHOLD = 3;
export const MAX_PUBLISH_THRESHOLD = 20;

export const resultMethods = {
  'results.get': method({
    summary: 'Granskningens resultat per fråga och område, uppdelat på kön, enhet och åldersgrupp: internt (utan röjandeskydd) eller granskningens publiceringsunderlag.',
    input: z
      .strictObject({
        reviewId: RecordIdSchema,
        /** The review's publication set (docs/disclosure.md); the internal view without it. */
        published: z.boolean().optional(),
        /** Internal view only: count only the files matching every filter (a unit, an age band, an attribute value, an answer). */
        filters: z.array(ResultFilterSchema).max(MAX_RESULT_FILTERS).optional(),
        /** Internal view only: split every share and distribution by this dimension as well as by sex. */
        by: SplitFieldSchema.optional(),
        /** Internal view only: an earlier review on the same template to compare with, question by question. */
        compareWith: RecordIdSchema.optional(),
      })
      .superRefine((input, ctx) => {
        if (!input.published) return;
        for (const key of ['filters', 'by', 'compareWith'] as const) {
          if (input[key] === undefined || (key === 'filters' && input.filters!.length === 0)) continue;
          ctx.addIssue({ code: 'custom', path: [key], message: ONLY_INTERNAL });
        }
      }),
    output: ResultsSchema,
  }),
  'results.cases': method({
    summary: 'Akterna bakom en cell i resultaten (bara internt): de räknade akter som svarat så på frågan, med kön, enhet och åldersgrupp.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      questionId: RecordIdSchema,
      /** A scale step or option id; omitted: every file that answered the question. */
      answer: RecordIdSchema.optional(),
      sex: z.enum(['F', 'M', 'U']).optional(),
      filters: z.array(ResultFilterSchema).max(MAX_RESULT_FILTERS).optional(),
      /** With `group`: only the files whose `by` value is `group` (null = saknas). */
      by: SplitFieldSchema.optional(),
      group: freeText({ max: 500 }).nullable().optional(),
    }),
    output: z.object({
      files: z.array(z.object({ caseId: z.string(), ref: z.string(), unit: z.string(), sex: SexSchema, ageBand: z.string().nullable(), answer: z.string().nullable(), done: z.boolean() })),
      /** All matching files; `files` holds at most the first 500 by reference. */
      total: Count,
    }),
  }),
};
