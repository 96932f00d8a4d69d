import { readCsv } from './csv';
import { normalizeHeader } from './headers';
import { ANSWER_FILE_LIMITS, type TableLimits } from './limits';
import type { Ratings } from '../stats/agreement/ratings';
import { formatNumber } from '../util/format-sv';

/**
 * A ratings file for `granska agreement --ratings`: long format, one rating a row,
 * `objekt;bedömare;värde` (header row; semicolon, as Swedish Excel writes it; UTF-8 with or
 * without BOM, or what else the answers import reads). An empty värde is a missing rating. Every
 * värde must be one of the given categories (case and surrounding spaces aside); every problem is
 * named by its row and field, and any problem refuses the whole file: a statistic over the rows
 * that happened to parse would describe another data set.
 */

/** As an answers file: many rows of a few short columns. */
export const RATINGS_FILE_LIMITS: TableLimits = { ...ANSWER_FILE_LIMITS, splitAdvice: 'Dela upp bedömningsfilen i flera filer.' };

export interface RowProblem {
  row: number;
  /** The field as the header names it (objekt, bedömare, värde), or undefined for the row as a whole. */
  field?: 'objekt' | 'bedömare' | 'värde';
  message: string;
}

export type RatingsFileResult =
  | { ok: true; ratings: Ratings; items: string[]; raters: string[] }
  | { ok: false; message: string; problems: RowProblem[] };

/** Problems listed in full before the rest are counted. */
export const PROBLEMS_SHOWN = 20;

const comparable = (text: string) => text.trim().normalize('NFC').toLocaleLowerCase('sv-SE');

/** The category list of --categories: "ja,delvis,nej" → ['ja', 'delvis', 'nej'], or why not. */
export function parseCategories(text: string): { ok: true; labels: string[] } | { ok: false; message: string } {
  const labels = text.split(',').map((c) => c.trim());
  if (labels.some((c) => c === '')) return { ok: false, message: `Kategorierna ska skrivas med komma emellan, till exempel "ja,delvis,nej"; "${text}" har en tom kategori.` };
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(comparable(label))) return { ok: false, message: `Kategorin "${label}" anges två gånger i --categories.` };
    seen.add(comparable(label));
  }
  return { ok: true, labels };
}

export function readRatingsFile(bytes: Uint8Array, categories: readonly string[]): RatingsFileResult {
  const csv = readCsv(bytes, { limits: RATINGS_FILE_LIMITS });
  if (!csv.ok) return { ok: false, message: csv.message, problems: [] };
  const column = new Map(csv.header.map((h, i) => [normalizeHeader(h), i] as const));
  const col = { objekt: column.get('objekt'), bedomare: column.get('bedomare'), varde: column.get('varde') };
  const missing = [col.objekt === undefined && 'objekt', col.bedomare === undefined && 'bedömare', col.varde === undefined && 'värde'].filter(Boolean);
  if (missing.length > 0) {
    return { ok: false, message: `Rubrikraden (rad ${csv.headerRow}) ska vara objekt;bedömare;värde. Saknas: ${missing.join(', ')}.`, problems: [] };
  }

  const category = new Map(categories.map((c, i) => [comparable(c), i] as const));
  const problems: RowProblem[] = csv.problems.map((p) => ({ row: p.row, message: p.message }));
  const items = new Map<string, number>();
  const raters = new Map<string, number>();
  const cells: { item: number; rater: number; value: number | null }[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells: record } of csv.rows) {
    const item = (record[col.objekt!] ?? '').trim();
    const rater = (record[col.bedomare!] ?? '').trim();
    const raw = (record[col.varde!] ?? '').trim();
    const problem = (field: RowProblem['field'], message: string) => problems.push({ row, field, message: `Rad ${formatNumber(row)}, fältet ${field}: ${message}` });
    if (item === '') problem('objekt', 'objektet saknas.');
    if (rater === '') problem('bedömare', 'bedömaren saknas.');
    const value = raw === '' ? null : category.get(comparable(raw));
    if (value === undefined) problem('värde', `"${raw}" är inte en av kategorierna (${categories.join(', ')}). Lämna fältet tomt om bedömningen saknas.`);
    if (item === '' || rater === '' || value === undefined) continue;
    const key = `${item}\u0000${rater}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problem('bedömare', `bedömaren "${rater}" har redan bedömt objektet "${item}" på rad ${formatNumber(earlier)}.`);
      continue;
    }
    firstRow.set(key, row);
    if (!items.has(item)) items.set(item, items.size);
    if (!raters.has(rater)) raters.set(rater, raters.size);
    cells.push({ item: items.get(item)!, rater: raters.get(rater)!, value });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    const count = problems.length === 1 ? 'ett fel' : `${formatNumber(problems.length)} fel`;
    const more = problems.length > PROBLEMS_SHOWN ? ` De första ${PROBLEMS_SHOWN} visas.` : '';
    return { ok: false, message: `Bedömningsfilen har ${count} och lästes inte; inget beräknades.${more}`, problems: problems.slice(0, PROBLEMS_SHOWN) };
  }
  const rows = Array.from({ length: items.size }, () => new Array<number | null>(raters.size).fill(null));
  for (const { item, rater, value } of cells) rows[item][rater] = value;
  return { ok: true, ratings: { categoryCount: categories.length, rows }, items: [...items.keys()], raters: [...raters.keys()] };
}
