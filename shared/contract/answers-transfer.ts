import { z } from 'zod';
import { method } from './define';
import { echoedName, opaque, RecordIdSchema } from './fields';
import { ProgressIdSchema } from './imports';
import { ANSWER_FILE_LIMITS } from '../import/limits';

/** The largest answers file any face accepts; sent as base64. */
export const MAX_ANSWER_FILE_BYTES = ANSWER_FILE_LIMITS.bytes;

export const ANSWER_CSV_HEADER = ['akt', 'fråga', 'svar', 'anteckning'] as const;

export const answerTransferMethods = {
  'answers.import': method({
    summary: 'Importerar svar i långt format (akt;fråga;svar;anteckning). Allt eller inget, om inte giltiga rader väljs.',
    /** The core reads answer files of up to twice a case list's size; base64 plus room for the JSON. */
    maxInputBytes: Math.ceil((MAX_ANSWER_FILE_BYTES * 4) / 3) + 1024 * 1024,
    input: z.strictObject({
      reviewId: RecordIdSchema,
      fileName: echoedName(500).optional(),
      contentBase64: opaque(z.string().max(Math.ceil((MAX_ANSWER_FILE_BYTES * 4) / 3) + 1024), 'an answers file: every row is validated with the schemas of answers.save (AnswerValueSchema, AnswerNoteSchema)'),
      validRowsOnly: z.boolean().optional(),
      /** The client's id for asking `imports.progress` while this import runs. */
      progressId: ProgressIdSchema.optional(),
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
