import { z } from 'zod';
import { isValidIsoDate } from '../util/iso-date';
import { freeText, guardedNumber, identifier, opaque } from '../contract/fields';

/**
 * The review-template file format `granskningsmall/1` — a user-facing interface (inspectors share
 * these files), documented in docs/template-format.md. Objects are strict: a misspelt key is
 * reported rather than silently dropped. New optional keys may be added within version 1;
 * anything incompatible gets `granskningsmall/2`.
 */
export const TEMPLATE_FORMAT = 'granskningsmall/1';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const ID_MESSAGE = 'Id får bara innehålla bokstäverna A–Z och a–z (utan å, ä, ö), siffror, punkt, bindestreck och understreck, och måste börja med bokstav eller siffra.';

export const IdSchema = identifier({ max: 80, pattern: idPattern, message: ID_MESSAGE });
// Every text of a template ends up in reviews, memos and exports: all of it is guarded free text.
const Text = (max: number) => freeText({ min: 1, max });
const IsoDate = opaque(z.string().refine(isValidIsoDate, { message: 'Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.' }), 'a real YYYY-MM-DD date: eight digits cannot spell a ten-digit number');
const KeyboardKey = opaque(z.string().length(1), 'a single keyboard key');
/** Counts and numbers in the file are whole and below 10 digits, so none can spell an identity number. */
const MAX_COUNT = 999_999_999;

export const TemplateVersionSchema = z.number().int().min(1).max(MAX_COUNT);

export const LegalRefSchema = z.strictObject({
  /** The act with its SFS number, e.g. "SoL (2001:453)" or "SOSFS 2014:5". */
  act: Text(120),
  chapter: z.union([z.number().int().min(0).max(MAX_COUNT), Text(20)]).optional(),
  section: Text(20).optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
});

export const AreaSchema = z.strictObject({
  id: IdSchema,
  name: Text(200),
  description: freeText({ max: 4000, trim: false }).optional(),
});

export const ScaleStepSchema = z.strictObject({
  id: IdSchema,
  label: Text(100),
  /** false for steps like "Ej tillämpligt" that are left out of the denominator. */
  applicable: z.boolean().optional(),
  /** Optional keyboard key for scoring; defaults come from the step's position and label. */
  key: KeyboardKey.optional(),
});

export const OptionSchema = z.strictObject({
  id: IdSchema,
  label: Text(300),
  key: KeyboardKey.optional(),
  /** In a multiple choice: choosing this option clears the others, and choosing another clears it ("Ingen samverkan framgår"). */
  exclusive: z.boolean().optional(),
});

const questionBase = {
  id: IdSchema,
  area: IdSchema,
  text: Text(2000),
  guidance: freeText({ max: 8000, trim: false }).optional(),
  required: z.boolean().optional(),
  legal: z.array(LegalRefSchema).optional(),
};

export const ScaleQuestionSchema = z.strictObject({ ...questionBase, type: z.literal('scale'), scale: IdSchema });
export const ChoiceQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('choice'),
  multiple: z.boolean().optional(),
  options: z.array(OptionSchema).min(1),
});
export const DateQuestionSchema = z.strictObject({ ...questionBase, type: z.literal('date') });
export const NumberQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('number'),
  integer: z.boolean().optional(),
  min: guardedNumber().optional(),
  max: guardedNumber().optional(),
  unit: freeText({ max: 40, trim: false }).optional(),
});
export const TextQuestionSchema = z.strictObject({ ...questionBase, type: z.literal('text') });

export const QUESTION_TYPES = ['scale', 'choice', 'date', 'number', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QuestionSchema = z.discriminatedUnion('type', [
  ScaleQuestionSchema,
  ChoiceQuestionSchema,
  DateQuestionSchema,
  NumberQuestionSchema,
  TextQuestionSchema,
]);

export const TARGET_GROUPS = ['barn', 'vuxna'] as const;

/**
 * A figure derived from two answers of the same file, for the results: `interval` — days from the
 * date question `from` to the date question `to` (e.g. decision → start); `ratio` — the number
 * question `to` (actual) divided by the number question `from` (planned).
 */
export const MeasureSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(['interval', 'ratio']),
  label: Text(200),
  from: IdSchema,
  to: IdSchema,
});

export const TemplateSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  id: IdSchema,
  name: Text(200),
  version: TemplateVersionSchema,
  targetGroup: z.enum(TARGET_GROUPS),
  description: freeText({ max: 8000, trim: false }).optional(),
  areas: z.array(AreaSchema).min(1),
  scales: z.record(IdSchema, z.array(ScaleStepSchema).min(2)),
  questions: z.array(QuestionSchema),
  measures: z.array(MeasureSchema).optional(),
});

export type LegalRef = z.infer<typeof LegalRefSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type ScaleStep = z.infer<typeof ScaleStepSchema>;
export type ChoiceOption = z.infer<typeof OptionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
