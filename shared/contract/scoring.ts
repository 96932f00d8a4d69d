import { z } from 'zod';
import { TemplateSchema } from '../templates/schema';
import { CaseSchema } from './cases';
import { method } from './define';

export const AnswerValueSchema = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(200), z.number(), z.null()]);

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

const CaseRef = { reviewId: z.string().min(1), caseId: z.string().min(1) };

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
    input: z.strictObject({ reviewId: z.string().min(1) }),
    output: z.object({
      cases: z.array(z.object({ caseId: z.string(), ref: z.string(), unit: z.string(), done: z.boolean(), progress: ProgressSchema })),
      progress: ProgressSchema,
    }),
  }),
  'answers.save': method({
    summary: 'Sparar ett svar (med anteckning och aktreferens). Varje ändring loggas.',
    input: z.strictObject({
      ...CaseRef,
      questionId: z.string().min(1),
      value: AnswerValueSchema,
      note: z.string().max(8000).nullable().optional(),
      fileRef: z.string().max(500).nullable().optional(),
    }),
    output: AnswerSchema,
  }),
  'answers.history': method({
    summary: 'Ändringshistoriken för ett svar: vem, när, gammalt och nytt värde.',
    input: z.strictObject({ ...CaseRef, questionId: z.string().min(1) }),
    output: z.object({
      entries: z.array(
        z.object({
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
