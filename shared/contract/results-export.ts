import { z } from 'zod';
import { method } from './define';
import { RecordIdSchema } from './fields';
import { ONLY_INTERNAL } from './results';
import { MAX_RESULT_FILTERS, ResultFilterSchema } from './results-parts';

/**
 * The review's results as a file to save: an xlsx workbook for people (summary, one sheet per
 * quality area, raw answers in the internal view only, code book), the tidy CSV for R, Python or a
 * pivot table, or the JSON of `results.get`. The figures are those of `results.get` with the same
 * input, so a file never says anything the screen does not.
 */

export const RESULT_EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export type ResultExportFormat = (typeof RESULT_EXPORT_FORMATS)[number];

export const RESULT_EXPORT_MIME_TYPES: Readonly<Record<ResultExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
};

export const resultExportMethods = {
  'results.export': method({
    summary: 'Granskningens resultat som fil: en Excel-arbetsbok (xlsx), tidy csv eller json, internt eller publicerat (små tal dolda).',
    input: z
      .strictObject({
        reviewId: RecordIdSchema,
        format: z.enum(RESULT_EXPORT_FORMATS),
        /** The published view, with disclosure control; the internal view (with the raw answers in xlsx) without it. */
        published: z.boolean().optional(),
        /** Internal view only: the same filters as the screen, so the file holds what the inspector sees. */
        filters: z.array(ResultFilterSchema).max(MAX_RESULT_FILTERS).optional(),
        /** csv only: `excel` (the default) opens right in Swedish Excel; `tidy` is the analyst's long format (internal view). */
        csvLayout: z.enum(['excel', 'tidy']).optional(),
      })
      .refine((input) => !input.published || !input.filters?.length, { path: ['filters'], message: ONLY_INTERNAL })
      .refine((input) => input.csvLayout === undefined || input.format === 'csv', { path: ['csvLayout'], message: 'Gäller bara csv.' }),
    output: z.object({
      /** "Resultat – SOF 2024-543 – publicerad.xlsx": no folder, no character a file system refuses. */
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      /** The decoded file's size. */
      bytes: z.number().int().min(0),
    }),
  }),
};
