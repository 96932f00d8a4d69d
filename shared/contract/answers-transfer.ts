import { z } from 'zod';
import { method } from './define';

export const ANSWER_CSV_HEADER = ['akt', 'fråga', 'svar', 'anteckning'] as const;

export const answerTransferMethods = {
  'answers.import': method({
    summary: 'Importerar svar i långt format (akt;fråga;svar;anteckning). Allt eller inget, om inte giltiga rader väljs.',
    input: z.strictObject({
      reviewId: z.string().min(1),
      fileName: z.string().max(500).optional(),
      contentBase64: z.string(),
      validRowsOnly: z.boolean().optional(),
    }),
    output: z.object({
      imported: z.number().int(),
      rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
    }),
  }),
  'answers.export': method({
    summary: 'Exporterar granskningens svar i långt format (akt;fråga;svar;anteckning).',
    input: z.strictObject({ reviewId: z.string().min(1) }),
    output: z.object({ csv: z.string(), rows: z.number().int(), fileName: z.string() }),
  }),
};
