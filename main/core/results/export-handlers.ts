import { contract } from '../../../shared/contract';
import type { Results } from '../../../shared/contract/results';
import { RESULT_EXPORT_MIME_TYPES } from '../../../shared/contract/results-export';
import { resultFileName } from '../../../shared/results/export-file-name';
import { tidyCsv } from '../../../shared/results/tidy-csv';
import type { HandlerMap } from '../dispatch';
import { requireReview } from '../reviews/handlers';
import { reviewTemplate } from '../scoring/handlers';
import { resultHandlers } from './handlers';
import { rawAnswers, type RawAnswer } from './raw-answers';
import { scopeOf } from './scope';
import { buildResultsWorkbook } from './xlsx-workbook';

/**
 * results.export: the figures come from the results.get handler itself (same input, same
 * aggregation and disclosure control), so a file and the screen can never disagree.
 */
export const resultExportHandlers: HandlerMap = {
  'results.export': async ({ reviewId, format, published, threshold, filters }, ctx) => {
    const { db } = ctx;
    const getResults = resultHandlers['results.get']!;
    // Parsed by results.get's own schema, so any default it declares applies here as well.
    const resultsInput = contract['results.get'].input.parse({ reviewId, ...(published ? { published, threshold } : {}), ...(filters ? { filters } : {}) });
    // One read transaction: the figures and the raw rows are of the same moment while scoring goes on.
    const read = db.transaction(() => {
      const review = requireReview(db, reviewId);
      const results = getResults(resultsInput, ctx);
      if (isThenable(results)) throw new Error('results.get must stay synchronous to be read in one transaction with the raw answers');
      // The raw rows identify files: only the internal workbook carries them.
      const raw: RawAnswer[] | null = format === 'xlsx' && results.view === 'internal' ? rawAnswers(db, scopeOf(db, reviewId, reviewTemplate(db, reviewId), filters)) : null;
      return { review, results: results as Results, raw };
    });
    const { review, results, raw } = read();

    const content =
      format === 'xlsx'
        ? await buildResultsWorkbook({ review, template: reviewTemplate(db, reviewId), results, rawAnswers: raw, createdAt: ctx.now() })
        : Buffer.from(format === 'csv' ? tidyCsv(results) : `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    return {
      fileName: resultFileName(review, results.view, format),
      mimeType: RESULT_EXPORT_MIME_TYPES[format],
      contentBase64: content.toString('base64'),
      bytes: content.length,
    };
  },
};

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';
