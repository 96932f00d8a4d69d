import { z } from 'zod';
import { method } from './define';
import { echoedName, opaque, RecordIdSchema } from './fields';
import { MAX_CASE_LIST_BYTES } from './cases';

export const ANSWER_CSV_HEADER = ['akt', 'fråga', 'svar', 'anteckning'] as const;

export const answerTransferMethods = {
  'answers.import': method({
    summary: 'Importerar svar i långt format (akt;fråga;svar;anteckning). Allt eller inget, om inte giltiga rader väljs.',
    /** The core reads answer files of up to twice a case list's size; base64 plus room for the JSON. */
    maxInputBytes: Math.ceil((MAX_CASE_LIST_BYTES * 2 * 4) / 3) + 1024 * 1024,
    input: z.strictObject({
      reviewId: RecordIdSchema,
      fileName: echoedName(500).optional(),
      contentBase64: opaque(z.string(), 'an answers file: every row is validated with the schemas of answers.save (AnswerValueSchema, AnswerNoteSchema)'),
      validRowsOnly: z.boolean().optional(),
    }),
    output: z.object({
      imported: z.number().int(),
      rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    }),
  }),
  'answers.export': method({
    summary: 'Exporterar granskningens svar i långt format (akt;fråga;svar;anteckning).',
    input: z.strictObject({ reviewId: RecordIdSchema }),
    output: z.object({ csv: z.string(), rows: z.number().int(), fileName: z.string() }),
  }),
};
