import { z } from 'zod';
import { method } from './define';
import { RecordIdSchema } from './fields';
import { TARGET_GROUPS } from '../templates/schema';

/**
 * The review's results, internal view: every figure computed from the answers of the files that
 * count — the sample's selected and replacement files, or every file where the review has no
 * sample; never a dropped file or one outside the sample. Nothing is suppressed here: this is
 * what the inspector's own screens show (the published view, with disclosure control, is a later
 * slice of issue 8).
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

export const ResultCellSchema = z.object({
  /** A scale step id or an option id. */
  answer: z.string(),
  sex: SexSchema,
  unit: z.string(),
  ageBand: z.string().nullable(),
  count: Count,
});
export type ResultCell = z.infer<typeof ResultCellSchema>;

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

export const AreaResultSchema = z.object({
  areaId: z.string(),
  name: z.string(),
  /** The area's share questions pooled (answers summed over them); null where it has none. */
  share: ShareBySexSchema.nullable(),
});

export const ResultsSchema = z.object({
  /** The template's target group: children are flickor/pojkar, adults kvinnor/män (DOMAIN.md §5). */
  targetGroup: z.enum(TARGET_GROUPS),
  basis: z.object({
    /** Counted files: the sample's selected and replacement files, or every file without a sample. */
    files: Count,
    /** Of them, done (marked done and complete). */
    done: Count,
    bySex: z.object({ F: Count, M: Count, U: Count }),
  }),
  questions: z.array(QuestionResultSchema),
  areas: z.array(AreaResultSchema),
});
export type Results = z.infer<typeof ResultsSchema>;

export const resultMethods = {
  'results.get': method({
    summary: 'Granskningens resultat per fråga och område, uppdelat på kön, enhet och åldersgrupp (internt, utan röjandeskydd).',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: ResultsSchema,
  }),
};
