import type { Cell, Workbook } from 'exceljs';
import { NOT_APPLICABLE_ID } from '../../../shared/results/shape';
import type { Question, Template } from '../../../shared/templates/schema';
import { formatNumber } from '../../../shared/util/format-sv';
import { answerLabels, questionTypeLabel } from './answer-labels';
import type { RawAnswer } from './raw-answers';
import { DATE_FORMAT, fitColumns, freezeRows, groupWords, styleHeader } from './xlsx-cells';

/**
 * The two sheets for analysis: "Svar" (one row per counted file and answered question, internal
 * view only) and "Kodbok" (what every question, code and label means). Both start with their
 * header row, so a pivot table or R reads them without skipping anything.
 */

export const RAW_SHEET = 'Svar';
export const CODEBOOK_SHEET = 'Kodbok';

export function addRawAnswerSheet(workbook: Workbook, template: Template, answers: readonly RawAnswer[]): void {
  const sheet = workbook.addWorksheet(RAW_SHEET);
  const header = sheet.getRow(1);
  header.values = ['Akt', 'Enhet', 'Kön', 'Åldersgrupp', 'Nr', 'Fråga', 'Svar', 'Svarskod'];
  styleHeader(header);
  freezeRows(sheet, 1);

  const questions = new Map(template.questions.map((q, i) => [q.id, { question: q, number: i + 1, labels: answerLabels(template, q) }]));
  const sexWords = groupWords(template.targetGroup).singular;
  // The query lists the files in the review's order; within a file the questions follow the template.
  const fileOrder = new Map<string, number>();
  for (const a of answers) if (!fileOrder.has(a.caseRef)) fileOrder.set(a.caseRef, fileOrder.size);
  const sorted = [...answers].sort(
    (a, b) => fileOrder.get(a.caseRef)! - fileOrder.get(b.caseRef)! || (questions.get(a.questionId)?.number ?? Infinity) - (questions.get(b.questionId)?.number ?? Infinity),
  );

  let rowNumber = 2;
  for (const answer of sorted) {
    const row = sheet.getRow(rowNumber++);
    const known = questions.get(answer.questionId);
    row.getCell(1).value = answer.caseRef;
    row.getCell(2).value = answer.unit;
    row.getCell(3).value = sexWords[answer.sex];
    row.getCell(4).value = answer.ageBand ?? '';
    if (known) row.getCell(5).value = known.number;
    row.getCell(6).value = answer.questionId;
    writeAnswer(row.getCell(7), row.getCell(8), known?.question, known?.labels ?? new Map(), answer.value);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowNumber - 1), column: 8 } };
  fitColumns(sheet, 1, { max: 60 });
}

/** The answer as a person reads it (labels, a real date, a number) and, for scale and choice, its codes. */
function writeAnswer(cell: Cell, codeCell: Cell, question: Question | undefined, labels: ReadonlyMap<string, string>, stored: string): void {
  if (question?.type === 'scale' || (question?.type === 'choice' && !question.multiple)) {
    cell.value = labels.get(stored) ?? stored;
    codeCell.value = stored;
  } else if (question?.type === 'choice') {
    const ids = parseIds(stored);
    cell.value = ids.map((id) => labels.get(id) ?? id).join('; ');
    codeCell.value = ids.join(';');
  } else if (question?.type === 'number' && Number.isFinite(Number(stored))) {
    // Stored as a plain decimal within ±999 999 999 999 999, so the number is exact in the sheet.
    cell.value = Number(stored);
  } else if (question?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(stored)) {
    cell.value = new Date(`${stored}T00:00:00.000Z`);
    cell.numFmt = DATE_FORMAT;
  } else cell.value = stored;
}

function parseIds(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [stored];
  } catch {
    return [stored];
  }
}

/** One row per question and answer code (one row for a question without codes), with the scale each step belongs to. */
export function addCodebookSheet(workbook: Workbook, template: Template): void {
  const sheet = workbook.addWorksheet(CODEBOOK_SHEET);
  const header = sheet.getRow(1);
  header.values = ['Nr', 'Fråga', 'Område', 'Områdets namn', 'Typ', 'Frågetext', 'Obligatorisk', 'Skala', 'Svarskod', 'Svar', 'Tillämpligt', 'Anmärkning'];
  styleHeader(header);
  freezeRows(sheet, 1);
  const areaNames = new Map(template.areas.map((a) => [a.id, a.name]));
  const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');

  let rowNumber = 2;
  template.questions.forEach((question, i) => {
    const base = [i + 1, question.id, question.area, areaNames.get(question.area) ?? '', questionTypeLabel(question), question.text, yesNo(question.required === true), question.type === 'scale' ? question.scale : ''];
    const codes = codesOf(template, question);
    if (codes.length === 0) sheet.getRow(rowNumber++).values = [...base, '', '', '', remarkOf(question)];
    for (const code of codes) sheet.getRow(rowNumber++).values = [...base, code.id, code.label, yesNo(code.applicable), code.remark];
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowNumber - 1), column: 12 } };
  fitColumns(sheet, 1, { max: 60 });
}

interface Code {
  id: string;
  label: string;
  /** Counted in the denominator of the share ja (shape.ts decides the same way). */
  applicable: boolean;
  remark: string;
}

function codesOf(template: Template, question: Question): Code[] {
  if (question.type === 'scale') {
    return (template.scales[question.scale] ?? []).map((step) => ({ id: step.id, label: step.label, applicable: step.applicable !== false, remark: '' }));
  }
  if (question.type === 'choice') {
    return question.options.map((option) => ({
      id: option.id,
      label: option.label,
      applicable: option.id !== NOT_APPLICABLE_ID,
      remark: option.exclusive ? 'Utesluter andra val' : '',
    }));
  }
  return [];
}

/** What a number answer may be: "Heltal, 0–365 dagar". */
function remarkOf(question: Question): string {
  if (question.type !== 'number') return '';
  const bound = (n: number | undefined) => (n === undefined ? '' : formatNumber(n));
  const range = question.min !== undefined || question.max !== undefined ? `${bound(question.min)}–${bound(question.max)}` : '';
  const amount = [range, question.unit ?? ''].filter(Boolean).join(' ');
  return [question.integer ? 'Heltal' : 'Tal', amount].filter(Boolean).join(', ');
}
