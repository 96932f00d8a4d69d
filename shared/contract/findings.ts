import { z } from 'zod';
import { method } from './define';
import { freeText, identifier, RecordIdSchema } from './fields';

/**
 * What the inspectors gathered besides the answers (issue 15):
 * - findings (fynd): a note on an answer marked as a finding for the question's quality area,
 *   listed per area and unit with the file's reference and the pointer into the file, as material
 *   for the memo;
 * - dialogue meetings (granskningsmodellens dialogmöten) with each unit: the date, who took part
 *   (roles, never clients' names) and notes per quality area.
 * Both are the inspectors' working material: the file reference and the pointer stay inside the
 * workbench (the findings view and its export); the first draft of the memo quotes notes only.
 */

const CaseRef = { reviewId: RecordIdSchema, caseId: RecordIdSchema };

export const FindingSchema = z.object({
  caseId: z.string(),
  /** The file's reference (never a personal identity number). */
  ref: z.string(),
  unit: z.string(),
  questionId: z.string(),
  /** 1-based position in the template. */
  number: z.number().int().min(1),
  questionText: z.string(),
  areaId: z.string(),
  areaName: z.string(),
  /** The answer as a person reads it ("Delvis", "2024-03-12"), or null where unanswered. */
  answer: z.string().nullable(),
  note: z.string(),
  /** The pointer into the file ("Journal 2024-03-12"), or null. */
  fileRef: z.string().nullable(),
  markedAt: z.string(),
  markedBy: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

const FindingFilter = {
  reviewId: RecordIdSchema,
  /** Only this quality area. */
  areaId: identifier({ max: 200 }).optional(),
  /** Only files of this unit. */
  unit: freeText({ min: 1, max: 200 }).optional(),
  /** Words that must occur in the note, the question or the pointer (case-insensitive). */
  text: freeText({ max: 200 }).optional(),
};

/** The notes of one quality area from one meeting. */
const DialogueNotes = z.record(identifier({ max: 200 }), freeText({ max: 8_000, trim: false })).refine((notes) => Object.keys(notes).length <= 50, { message: 'Högst 50 områden.' });

export const DialogueMeetingSchema = z.object({
  id: z.string(),
  unit: z.string(),
  /** ISO date. */
  heldOn: z.string(),
  participants: z.string(),
  notes: z.record(z.string(), z.string()),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DialogueMeeting = z.infer<typeof DialogueMeetingSchema>;

const IsoDate = identifier({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'Ska vara ett datum i formen ÅÅÅÅ-MM-DD.' });

export const findingMethods = {
  'findings.mark': method({
    summary: 'Markerar anteckningen på ett svar som fynd för frågans kvalitetsområde (eller tar bort markeringen).',
    input: z.strictObject({ ...CaseRef, questionId: RecordIdSchema, finding: z.boolean() }),
    output: z.object({ questionId: z.string(), finding: z.boolean() }),
  }),
  'findings.list': method({
    summary: 'Granskningens fynd per kvalitetsområde och enhet, med aktens referens och var i akten det står.',
    input: z.strictObject(FindingFilter),
    output: z.object({
      findings: z.array(FindingSchema),
      /** Every quality area of the template, with its number of findings (before the filter's text and unit). */
      areas: z.array(z.object({ areaId: z.string(), name: z.string(), count: z.number().int() })),
      /** The review's units in order, with their number of findings. */
      units: z.array(z.object({ unit: z.string(), count: z.number().int() })),
    }),
  }),
  'findings.export': method({
    summary: 'Fynden som csv-fil för Excel (område, enhet, akt, fråga, svar, anteckning, var i akten), med samma urval som listan.',
    input: z.strictObject(FindingFilter),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string(), bytes: z.number().int().min(0) }),
  }),
  'dialogue.list': method({
    summary: 'Dialogmötena med enheterna: datum, deltagare (roller) och anteckningar per kvalitetsområde.',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: z.object({ meetings: z.array(DialogueMeetingSchema) }),
  }),
  'dialogue.save': method({
    summary: 'Sparar ett dialogmöte med en enhet (nytt utan id): datum, deltagare (roller, inte klienters namn) och anteckningar per kvalitetsområde.',
    input: z.strictObject({
      reviewId: RecordIdSchema,
      id: RecordIdSchema.optional(),
      unit: freeText({ min: 1, max: 200 }),
      heldOn: IsoDate,
      participants: freeText({ max: 2_000 }),
      notes: DialogueNotes,
    }),
    output: DialogueMeetingSchema,
  }),
  'dialogue.delete': method({
    summary: 'Tar bort ett dialogmöte.',
    input: z.strictObject({ reviewId: RecordIdSchema, id: RecordIdSchema }),
    output: z.object({ meetings: z.array(DialogueMeetingSchema) }),
  }),
};
