import { z } from 'zod';
import { TemplateSchema } from '../templates/schema';
import { CaseSchema } from './cases';
import { method } from './define';
import { freeText, guardedNumber, identifier, RecordIdSchema } from './fields';

/**
 * An answer as the API carries it — text (also a date, a number typed as text, or a scale or
 * option id), option ids, a number or nothing — with the identity-number guard on every form.
 * answers.save and answers.import validate with these same schemas: one rule for the table.
 */
export const AnswerValueSchema = z.union([
  freeText({ max: 20_000, trim: false }),
  z.array(identifier({ max: 200, min: 0 })).max(200),
  guardedNumber(),
  z.null(),
]);
export const AnswerNoteSchema = freeText({ max: 8000, trim: false });
export const AnswerFileRefSchema = freeText({ max: 500, trim: false });

export const AnswerSchema = z.object({
  questionId: z.string(),
  value: AnswerValueSchema,
  note: z.string().nullable(),
  fileRef: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ProgressSchema = z.object({ answered: z.number().int(), total: z.number().int(), requiredMissing: z.number().int() });

/**
 * What the sample says about scoring one file. Without a sample every file is scorable
 * (`no_sample`); with one only selected files and replacements are.
 */
export const SAMPLE_ACCESS_STATUSES = ['selected', 'replacement', 'dropped', 'reserve', 'outside', 'no_sample'] as const;
export const CaseAccessSchema = z.object({
  scorable: z.boolean(),
  sampleStatus: z.enum(SAMPLE_ACCESS_STATUSES),
  /** Swedish banner text when the file is not scorable ("Ej i urvalet – …", "Bortfall – ersatt av akt …"). */
  reason: z.string().nullable(),
  /** For a dropped file: the replacement drawn for it, if any. */
  replacedBy: z.object({ caseId: z.string(), ref: z.string() }).nullable(),
});
export type CaseAccess = z.infer<typeof CaseAccessSchema>;

const CaseRef = { reviewId: RecordIdSchema, caseId: RecordIdSchema };

export const scoringMethods = {
  'scoring.caseView': method({
    summary: 'Allt som behövs för att granska en akt: mallen, akten, svaren och framstegen.',
    input: z.strictObject(CaseRef),
    output: z.object({
      case: CaseSchema,
      template: TemplateSchema,
      answers: z.array(AnswerSchema),
      progress: ProgressSchema,
      areaProgress: z.record(z.string(), ProgressSchema),
      /** Whether the file may be scored (the sample decides); a Swedish banner text when not. */
      access: CaseAccessSchema,
      /** The review's period, to show the legal references valid in it. */
      period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
      /** The next file not done after this one (in the overview's order, wrapping), never this one. */
      next: z.object({ caseId: z.string(), ref: z.string() }).nullable(),
      /** The questions whose note is marked as a finding (fynd) for its quality area. */
      findings: z.array(z.string()),
    }),
  }),
  'scoring.overview': method({
    summary: 'Framsteg per akt i granskningen (urvalet, eller alla akter utan urval).',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: z.object({
      /** The sample's files (selected and replacements) unit by unit in seeded order, or every file when there is no sample. */
      cases: z.array(
        z.object({
          caseId: z.string(),
          ref: z.string(),
          unit: z.string(),
          sex: z.enum(['F', 'M', 'U']),
          ageBand: z.string().nullable(),
          /** null: the review has no sample. */
          status: z.enum(['selected', 'replacement']).nullable(),
          /** Marked done by the inspector (also a legacy mark on an incomplete file). */
          markedDone: z.boolean(),
          /** Marked done and no required question unanswered: only this counts as done. */
          done: z.boolean(),
          progress: ProgressSchema,
        }),
      ),
      progress: ProgressSchema,
      /** In the review's unit order. */
      units: z.array(
        z.object({
          unit: z.string(),
          /** Selected and replacements (every file of the unit when there is no sample). */
          sampled: z.number().int(),
          done: z.number().int(),
          left: z.number().int(),
          dropped: z.number().int(),
        }),
      ),
      files: z.object({ total: z.number().int(), done: z.number().int() }),
      /** The first file (unit order, then seeded order) not done; null when every file is done. */
      next: z.object({ caseId: z.string(), ref: z.string(), unit: z.string() }).nullable(),
      hasSample: z.boolean(),
      /** Any answer or done mark on any file of the review. */
      scoringStarted: z.boolean(),
    }),
  }),
  'answers.save': method({
    summary: 'Sparar ett svar (med anteckning och aktreferens). Varje ändring loggas.',
    input: z.strictObject({
      ...CaseRef,
      questionId: RecordIdSchema,
      value: AnswerValueSchema,
      note: AnswerNoteSchema.nullable().optional(),
      fileRef: AnswerFileRefSchema.nullable().optional(),
    }),
    output: AnswerSchema,
  }),
  'answers.history': method({
    summary: 'Ändringshistoriken för ett svar: vem, när, gammalt och nytt värde.',
    input: z.strictObject({ ...CaseRef, questionId: RecordIdSchema }),
    output: z.object({
      entries: z.array(
        z.object({
          /** What happened to the answer; a deletion has the old values and empty new ones. */
          action: z.enum(['insert', 'update', 'delete']),
          at: z.string(),
          actor: z.string(),
          oldValue: AnswerValueSchema,
          newValue: AnswerValueSchema,
          oldNote: z.string().nullable(),
          newNote: z.string().nullable(),
          oldFileRef: z.string().nullable(),
          newFileRef: z.string().nullable(),
        }),
      ),
    }),
  }),
  'cases.setDone': method({
    summary: 'Markerar en akt som färdiggranskad, eller öppnar den igen.',
    input: z.strictObject({ ...CaseRef, done: z.boolean() }),
    output: z.object({ done: z.boolean() }),
  }),
};
