import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import type { Results } from '../../../shared/contract/results';
import type { Review } from '../../../shared/contract/reviews';
import type { Template } from '../../../shared/templates/schema';
import { formatDateTime } from '../../../shared/util/format-sv';
import type { RawAnswer } from './raw-answers';
import { addAreaSheet } from './xlsx-area-sheet';
import { fitColumns, freezeRows, groupWords, SEXES, setCount, shareHeaders, sheetNamer, styleHeader, suppressedCountNote, viewLine, writeShares } from './xlsx-cells';
import { addCodebookSheet, addRawAnswerSheet, CODEBOOK_SHEET, RAW_SHEET } from './xlsx-data-sheets';

/**
 * The review's results as an xlsx workbook: "Sammanfattning", one sheet per quality area, "Svar"
 * (internal view only) and "Kodbok". It writes what results.get returned and computes no figure
 * of its own except sums whose every term is shown.
 */

export const SUMMARY_SHEET = 'Sammanfattning';

export interface ResultsWorkbookInput {
  review: Pick<Review, 'title' | 'subtitle' | 'dnr' | 'periodFrom' | 'periodTo' | 'referenceDate' | 'templateName' | 'templateVersion'>;
  /** The review's frozen template version, the one the results were computed from. */
  template: Template;
  results: Results;
  /** The counted files' answers, for the internal view; must be null for the published view. */
  rawAnswers: readonly RawAnswer[] | null;
  createdAt: Date;
}

export async function buildResultsWorkbook(input: ResultsWorkbookInput): Promise<Buffer> {
  const { review, template, results, rawAnswers, createdAt } = input;
  // Per-file rows identify children: the published workbook must never carry them, whoever calls.
  if (results.view === 'published' && rawAnswers !== null) throw new Error('The published workbook cannot carry raw answers');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Granskningsbänken';
  workbook.lastModifiedBy = 'Granskningsbänken';
  workbook.title = `Resultat – ${review.title}`;
  workbook.subject = viewLine(results);
  workbook.created = createdAt;
  workbook.modified = createdAt;

  addSummarySheet(workbook, input);
  const nameSheet = sheetNamer([SUMMARY_SHEET, RAW_SHEET, CODEBOOK_SHEET]);
  template.areas.forEach((area, i) => addAreaSheet(workbook, nameSheet(area.name, `Område ${i + 1}`), area, template, results));
  if (results.view === 'internal') addRawAnswerSheet(workbook, template, rawAnswers ?? []);
  addCodebookSheet(workbook, template);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSummarySheet(workbook: Workbook, { review, results, createdAt }: ResultsWorkbookInput): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  const words = groupWords(results.targetGroup).plural;
  const threshold = results.view === 'published' ? results.threshold : null;
  const countNote = suppressedCountNote(threshold ?? 0);

  sheet.getCell('A1').value = `Resultat – ${review.title}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = viewLine(results);
  sheet.getCell('A2').font = { bold: true, color: { argb: results.view === 'internal' ? 'FF9C0006' : 'FF1F4E79' } };
  // The view stays in sight however far down the reader scrolls.
  freezeRows(sheet, 2);

  const period = review.periodFrom || review.periodTo ? `${review.periodFrom ?? ''} – ${review.periodTo ?? ''}`.trim() : '–';
  const facts: [string, string][] = [
    ['Granskning', review.subtitle ? `${review.title} – ${review.subtitle}` : review.title],
    ['Dnr', review.dnr ?? '–'],
    ['Period', period],
    ['Referensdatum för ålder', review.referenceDate],
    ['Mall', `${review.templateName}, version ${review.templateVersion}`],
    ['Version', viewLine(results)],
    ['Urval', results.split.filters.length > 0 ? results.split.filters.map((f) => f.label).join(', ') : 'Alla räknade akter (inga filter)'],
    ['Skapad', formatDateTime(createdAt.toISOString())],
    [
      'Rådata',
      results.view === 'internal'
        ? `Bladet ${RAW_SHEET} har en rad per akt och fråga och innehåller uppgifter om enskilda akter.`
        : `Bladet ${RAW_SHEET} (en rad per akt och fråga) ingår inte i den publicerade versionen: rader per akt kan peka ut enskilda barn.`,
    ],
  ];
  // The publication set's own sentences, as the screen and the documents print them.
  if (results.view === 'published') facts.push(['Publiceringsunderlag', results.publication.notes.join(' ')]);
  let rowNumber = 4;
  for (const [label, value] of facts) {
    const row = sheet.getRow(rowNumber++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
  }

  rowNumber++;
  const tablesFrom = rowNumber;
  sheet.getRow(rowNumber++).getCell(1).value = 'Underlag';
  sheet.getRow(rowNumber - 1).font = { bold: true, size: 12 };
  const basisHeader = sheet.getRow(rowNumber++);
  basisHeader.values = ['', ...SEXES.map((sex) => words[sex]), words.total];
  styleHeader(basisHeader);
  const files = sheet.getRow(rowNumber++);
  files.getCell(1).value = 'Akter som räknas';
  SEXES.forEach((sex, i) => setCount(files.getCell(2 + i), results.basis.bySex[sex], countNote));
  setCount(files.getCell(2 + SEXES.length), results.basis.files, countNote);
  const done = sheet.getRow(rowNumber++);
  done.getCell(1).value = 'Varav klara';
  setCount(done.getCell(2 + SEXES.length), results.basis.done, countNote);

  rowNumber++;
  sheet.getRow(rowNumber++).getCell(1).value = 'Andel ja per område';
  sheet.getRow(rowNumber - 1).font = { bold: true, size: 12 };
  const areaHeader = sheet.getRow(rowNumber++);
  areaHeader.values = ['Område', ...shareHeaders(results.targetGroup)];
  styleHeader(areaHeader);
  const withoutShare: number[] = [];
  for (const area of results.areas) {
    const row = sheet.getRow(rowNumber++);
    row.getCell(1).value = area.name;
    if (area.share === null) withoutShare.push(row.number);
    else writeShares(row, 2, area.share, threshold);
  }
  // Sized by the tables; the facts' sentences overflow into the empty cells to their right instead.
  fitColumns(sheet, tablesFrom, { max: 14, perColumn: { 1: 40 } });
  const labels = sheet.getColumn(1);
  labels.width = Math.max(labels.width ?? 0, ...facts.map(([label]) => label.length + 2));
  // Written after sizing, so the remark overflows into the empty share cells instead of widening them.
  for (const row of withoutShare) sheet.getCell(row, 2).value = 'Inga frågor med svaret ja i området.';
}
