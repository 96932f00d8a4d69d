import type { Workbook, Worksheet } from 'exceljs';
import type { PublishedQuestionResult, QuestionResult, Results } from '../../../shared/contract/results';
import { answerOrder } from '../../../shared/results/shape';
import { testedCount, verdictDetail } from '../../../shared/results/verdicts';
import type { Area, Template } from '../../../shared/templates/schema';
import { answerLabels } from './answer-labels';
import { fitColumns, freezeRows, groupWords, SEXES, setCount, SHARE_COLUMNS, shareHeaders, styleHeader, suppressedCountNote, viewLine, writeShares } from './xlsx-cells';

/**
 * One sheet per quality area: a row per question (answered, the share ja by sex, the verdict),
 * then the answer × sex table of each scale and choice question with the template's labels.
 */

const HEADER_ROW = 4;
const FIRST_SHARE_COL = 5;
const QUESTION_TEXT_COL = 3;

type AnyQuestionResult = QuestionResult | PublishedQuestionResult;

export function addAreaSheet(workbook: Workbook, name: string, area: Area, template: Template, results: Results): void {
  const sheet = workbook.addWorksheet(name);
  const threshold = results.view === 'published' ? results.threshold : null;
  const countNote = suppressedCountNote(threshold ?? 0);
  const questions: AnyQuestionResult[] = results.questions.filter((q) => q.areaId === area.id);
  const texts = new Map(template.questions.map((q) => [q.id, q.text]));
  const tested = testedCount(results.questions);

  sheet.getCell('A1').value = area.name;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = viewLine(results);
  sheet.getCell('A2').font = { italic: true };

  const header = sheet.getRow(HEADER_ROW);
  header.values = ['Nr', 'Id', 'Fråga', 'Besvarade akter', ...shareHeaders(results.targetGroup), 'Ej tillämpligt', 'Bedömning', 'Skillnad och justerat p'];
  styleHeader(header);
  freezeRows(sheet, HEADER_ROW);

  let rowNumber = HEADER_ROW + 1;
  for (const q of questions) {
    const row = sheet.getRow(rowNumber++);
    row.getCell(1).value = q.number;
    row.getCell(2).value = q.questionId;
    row.getCell(QUESTION_TEXT_COL).value = texts.get(q.questionId) ?? '';
    setCount(row.getCell(4), q.answered, countNote);
    writeShares(row, FIRST_SHARE_COL, q.share, threshold);
    if (q.share) setCount(row.getCell(FIRST_SHARE_COL + SHARE_COLUMNS), q.share.total.notApplicable, countNote);
    if (q.verdict) row.getCell(FIRST_SHARE_COL + SHARE_COLUMNS + 1).value = q.verdict.text;
    const detail = q.verdict && verdictDetail(q.verdict, results.targetGroup, tested);
    if (detail) row.getCell(FIRST_SHARE_COL + SHARE_COLUMNS + 2).value = detail;
  }
  if (questions.length === 0) sheet.getRow(rowNumber++).getCell(QUESTION_TEXT_COL).value = 'Området har inga frågor i mallen.';

  rowNumber++;
  const tables = questions.filter((q) => q.type === 'scale' || q.type === 'choice');
  if (tables.length > 0) {
    sheet.getRow(rowNumber++).getCell(1).value = results.view === 'published' ? 'Svar' : 'Svar per kön';
    sheet.getRow(rowNumber - 1).font = { bold: true, size: 12 };
  }
  for (const q of tables) rowNumber = writeAnswerTable(sheet, rowNumber, q, template, results, countNote) + 1;

  fitColumns(sheet, HEADER_ROW, { perColumn: { [QUESTION_TEXT_COL]: 60, [FIRST_SHARE_COL + SHARE_COLUMNS + 1]: 60, [FIRST_SHARE_COL + SHARE_COLUMNS + 2]: 60 }, max: 14 });
}

/** The answer × sex table of one question with row and column sums; returns the next free row. */
function writeAnswerTable(sheet: Worksheet, startRow: number, q: AnyQuestionResult, template: Template, results: Results, countNote: string): number {
  const question = template.questions.find((t) => t.id === q.questionId);
  const labels = question ? answerLabels(template, question) : new Map<string, string>();
  const order = question ? answerOrder(template, question) : [];
  const answers = [...order, ...new Set(q.counts.map((c) => c.answer).filter((a) => !order.includes(a)))];
  const words = groupWords(results.targetGroup).plural;
  let rowNumber = startRow;

  const title = sheet.getRow(rowNumber++);
  title.getCell(1).value = q.number;
  title.getCell(2).value = q.questionId;
  title.getCell(QUESTION_TEXT_COL).value = question?.text ?? '';
  title.font = { bold: true };
  if (question?.type === 'choice' && question.multiple) {
    sheet.getRow(rowNumber++).getCell(QUESTION_TEXT_COL).value = 'Flerval: en akt kan ha flera svar, så summan kan vara större än antalet besvarade akter.';
  }
  const header = sheet.getRow(rowNumber++);
  if (results.view === 'published') {
    // The publication set prints the answers over the files its totals cover, not split by sex: exactly its figures, no sum of our own.
    header.values = ['', 'Svarskod', 'Svar', 'Antal akter'];
    styleHeader(header);
    for (const answer of answers) {
      const row = sheet.getRow(rowNumber++);
      row.getCell(2).value = answer;
      row.getCell(3).value = labels.get(answer) ?? answer;
      setCount(row.getCell(4), (q.counts as PublishedQuestionResult['counts']).find((c) => c.answer === answer)?.count ?? 0, countNote);
    }
    return rowNumber;
  }
  header.values = ['', 'Svarskod', 'Svar', ...SEXES.map((sex) => words[sex]), 'Summa'];
  styleHeader(header);

  // The internal view sums its cells over unit and age band.
  const counts: readonly { answer: string; sex: string; count: number | null }[] = (q as QuestionResult).counts;
  const table = answers.map((answer) =>
    SEXES.map((sex) => {
      const cells = counts.filter((c) => c.answer === answer && c.sex === sex);
      return cells.some((c) => c.count === null) ? null : cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
    }),
  );
  // A sum is shown only where nothing it adds up is hidden: otherwise it would give the hidden cell back.
  const sum = (values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));
  answers.forEach((answer, i) => {
    const row = sheet.getRow(rowNumber++);
    row.getCell(2).value = answer;
    row.getCell(3).value = labels.get(answer) ?? answer;
    table[i].forEach((value, col) => setCount(row.getCell(4 + col), value, countNote));
    setCount(row.getCell(4 + SEXES.length), sum(table[i]), countNote);
  });
  const totals = sheet.getRow(rowNumber++);
  totals.getCell(3).value = 'Summa';
  totals.font = { bold: true };
  const columnSums = SEXES.map((_, col) => sum(table.map((line) => line[col])));
  columnSums.forEach((value, col) => setCount(totals.getCell(4 + col), value, countNote));
  setCount(totals.getCell(4 + SEXES.length), sum(columnSums), countNote);
  return rowNumber;
}
