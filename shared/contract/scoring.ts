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
    }),
  }),
  'scoring.overview': method({
    summary: 'Framsteg per akt i granskningen (urvalet, eller alla akter utan urval).',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: z.object({
      cases: z.array(z.object({ caseId: z.string(), ref: z.string(), unit: z.string(), done: z.boolean(), progress: ProgressSchema })),
      progress: ProgressSchema,
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
