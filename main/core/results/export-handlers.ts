import type { Results } from '../../../shared/contract/results';
import { RESULT_EXPORT_MIME_TYPES } from '../../../shared/contract/results-export';
import { excelCsv } from '../../../shared/results/excel-csv';
import { resultFileName } from '../../../shared/results/export-file-name';
import { tidyCsv } from '../../../shared/results/tidy-csv';
import type { HandlerMap } from '../dispatch';
import { requireReview } from '../reviews/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { internalResults } from './handlers';
import { auditedPublicationSet } from './publication-audit';
import { rawAnswers, type RawAnswer } from './raw-answers';
import { scopeOf } from './scope';
import { buildResultsWorkbook } from './xlsx-workbook';

/**
 * results.export: the published figures are the review's publication set, audited before a byte is
 * written (the same set the screen, the memo and Bilaga 1 print); the internal ones are results.get's
 * internal view under the screen's filters.
 */
export const resultExportHandlers: HandlerMap = {
  'results.export': async ({ reviewId, format, published, filters, csvLayout }, ctx) => {
    const { db } = ctx;
    const review = requireReview(db, reviewId);
    const template = reviewTemplate(db, reviewId);
    let results: Results;
    let raw: RawAnswer[] | null = null;
    if (published) {
      results = (await auditedPublicationSet(db, reviewId)).results;
    } else {
      // One read transaction: the figures and the raw rows are of the same moment while scoring goes on.
      ({ results, raw } = db.transaction(() => ({
        results: internalResults(db, reviewId, { filters }),
        // The raw rows identify files: only the internal workbook carries them.
        raw: format === 'xlsx' ? rawAnswers(db, scopeOf(db, reviewId, template, filters)) : null,
      }))());
    }
    const content =
      format === 'xlsx'
        ? await buildResultsWorkbook({ review, template, results, rawAnswers: raw, createdAt: ctx.now() })
        : Buffer.from(format === 'csv' ? (csvLayout === 'tidy' ? tidyCsv(results) : excelCsv(results, template)) : `${JSON.stringify(results, null, 2)}\n`, 'utf8');
    return {
      fileName: resultFileName(review, results.view, format),
      mimeType: RESULT_EXPORT_MIME_TYPES[format],
      contentBase64: content.toString('base64'),
      bytes: content.length,
    };
  },
};
