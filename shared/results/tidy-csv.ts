import type { Results } from '../contract/results';
import { csvLine } from '../export/csv-write';

/** The tidy CSV's header, exactly: one row per non-zero cell, ids rather than labels. */
export const TIDY_HEADER = ['area', 'question', 'unit', 'sex', 'age_band', 'answer', 'count'] as const;

/**
 * The results as tidy CSV for R, Python or a pivot table: comma separated (the header is the
 * interface), CRLF, no byte-order mark so the first column reads `area`; a file without an age
 * band has an empty `age_band`. Zero cells are omitted.
 */
export function tidyCsv(results: Results): string {
  const lines = [csvLine(TIDY_HEADER, ',')];
  for (const q of results.questions) {
    for (const cell of q.counts) lines.push(csvLine([q.areaId, q.questionId, cell.unit, cell.sex, cell.ageBand, cell.answer, cell.count], ','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
