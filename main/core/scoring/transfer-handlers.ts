import type { Database } from 'better-sqlite3';
import { MAX_ANSWER_FILE_BYTES } from '../../../shared/contract/answers-transfer';
import { AnswerNoteSchema, AnswerValueSchema } from '../../../shared/contract/scoring';
import { csvLine, UTF8_BOM } from '../../../shared/export/csv-write';
import { redactIdentityNumbers } from '../../../shared/identity/redact';
import { readCsv } from '../../../shared/import/csv';
import { ANSWER_FILE_LIMITS } from '../../../shared/import/limits';
import { normalizeHeader } from '../../../shared/import/headers';
import { checkAnswerValue, type AnswerValue } from '../../../shared/scoring/answer-value';
import type { Question, Template } from '../../../shared/templates/schema';
import { formatNumber } from '../../../shared/util/format-sv';
import { plainDecimal } from '../../../shared/util/plain-decimal';
import { issuesFromZod } from '../../../shared/validation/zod-issues';
import type { HandlerMap } from '../dispatch';
import { DomainError, invalid } from '../errors';
import { requireReview } from '../reviews/repository';
import { reviewTemplate } from '../reviews/frozen-template';
import { accessReader, clearsRequiredOfDoneFile, notScorableMessage } from './scorable';
import { reportProgress, reportRow } from '../jobs/progress';

interface Rejected {
  row: number;
  reason: string;
}

export const answerTransferHandlers: HandlerMap = {
  'answers.import': ({ reviewId, fileName, contentBase64, validRowsOnly }, { db, now, actor, progress }) => {
    requireReview(db, reviewId);
    const template = reviewTemplate(db, reviewId);
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length > MAX_ANSWER_FILE_BYTES) throw invalid(`Filen är för stor (${formatNumber(Math.ceil(bytes.length / 1024 / 1024))} MB). En svarsfil får vara högst ${formatNumber(MAX_ANSWER_FILE_BYTES / 1024 / 1024)} MB.`);
    reportProgress({ progress }, 'reading', 0, 0);
    const csv = readCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { limits: ANSWER_FILE_LIMITS });
    const where = fileName ? `${fileName}: ` : '';
    if (!csv.ok) throw invalid(`${where}${csv.message}`);
    const columns = Object.fromEntries(csv.header.map((h, i) => [normalizeHeader(h), i]));
    const col = { akt: columns.akt, fraga: columns.fraga, svar: columns.svar, anteckning: columns.anteckning };
    const missing = (['akt', 'fraga', 'svar'] as const).filter((k) => col[k] === undefined);
    if (missing.length) throw invalid(`${where}Rubrikraden ska vara akt;fråga;svar;anteckning (anteckning kan utelämnas). Saknas: ${missing.map((m) => (m === 'fraga' ? 'fråga' : m)).join(', ')}.`);

    const caseIds = new Map((db.prepare('SELECT ref, id FROM case_file WHERE review_id = ?').all(reviewId) as { ref: string; id: string }[]).map((r) => [r.ref, r.id]));
    const questions = new Map(template.questions.map((q) => [q.id, q]));
    const accessOfCase = accessReader(db, reviewId);
    const doneAnswers = answersOfDoneFiles(db, reviewId);
    const rejected: Rejected[] = csv.problems.map((p) => ({ row: p.row, reason: redactIdentityNumbers(p.message) }));
    /** Files the sample leaves out, named in the refusal: such rows are never written. */
    const outOfSample: { row: number; ref: string }[] = [];
    const accepted: { caseId: string; questionId: string; value: string | null; note: string | null }[] = [];
    const seen = new Map<string, number>();

    for (const [i, { row, cells }] of csv.rows.entries()) {
      reportRow({ progress }, 'checking', i, csv.rows.length);
      const ref = (cells[col.akt] ?? '').trim();
      const questionId = (cells[col.fraga] ?? '').trim();
      const raw = (cells[col.svar] ?? '').trim();
      const note = col.anteckning === undefined ? '' : (cells[col.anteckning] ?? '').trim();
      const caseId = caseIds.get(ref);
      const question = questions.get(questionId);
      const reject = (reason: string) => rejected.push({ row, reason: redactIdentityNumbers(reason) });
      if (!caseId) {
        reject(ref ? `Akten "${ref}" finns inte i granskningen.` : 'Akt saknas.');
        continue;
      }
      const notScorable = notScorableMessage(ref, accessOfCase(caseId));
      if (notScorable) {
        reject(notScorable);
        outOfSample.push({ row, ref });
        continue;
      }
      if (!question) {
        reject(questionId ? `Frågan "${questionId}" finns inte i mallen.` : 'Fråga saknas.');
        continue;
      }
      const key = `${caseId}\u0000${questionId}`;
      if (seen.has(key)) {
        reject(`Akt "${ref}" och fråga "${questionId}" finns redan på rad ${seen.get(key)}.`);
        continue;
      }
      const value = fromCell(template, question, raw);
      const problem = rowProblem(value, note);
      if (problem) {
        reject(problem);
        continue;
      }
      const checked = checkAnswerValue(template, question, value);
      if (!checked.ok) {
        reject(checked.message);
        continue;
      }
      const done = doneAnswers.get(caseId);
      const clears = done && clearsRequiredOfDoneFile(template, question, { before: done.get(questionId) ?? null, after: checked.stored }, { ref, done: true });
      if (clears) {
        reject(clears);
        continue;
      }
      seen.set(key, row);
      accepted.push({ caseId, questionId, value: checked.stored, note: note || null });
    }
    rejected.sort((a, b) => a.row - b.row);
    if (rejected.length > 0 && !validRowsOnly) {
      throw new DomainError('VALIDATION', `${where}${refusalSummary(rejected.length, outOfSample)}, så inga svar importerades.`, rejected.map((r) => ({ path: `rad ${r.row}`, message: r.reason })));
    }
    const nowIso = now().toISOString();
    // One statement, one transaction: a million rows commit together or not at all.
    const upsert = db.prepare(
      `INSERT INTO answer (case_id, question_id, value, note, file_ref, updated_at, updated_by) VALUES (?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT (case_id, question_id) DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    db.transaction(() => {
      for (const [i, a] of accepted.entries()) {
        reportRow({ progress }, 'writing', i, accepted.length);
        upsert.run(a.caseId, a.questionId, a.value, a.note, nowIso, actor);
      }
    })();
    return { imported: accepted.length, rejected };
  },

  'answers.export': ({ reviewId }, { db }) => {
    const review = requireReview(db, reviewId);
    const template = reviewTemplate(db, reviewId);
    const position = new Map(template.questions.map((q, i) => [q.id, i]));
    const questions = new Map(template.questions.map((q) => [q.id, q]));
    const rows = db
      .prepare('SELECT c.ref, a.question_id, a.value, a.note FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ? ORDER BY c.ref')
      .all(reviewId) as { ref: string; question_id: string; value: string | null; note: string | null }[];
    rows.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : (position.get(a.question_id) ?? 0) - (position.get(b.question_id) ?? 0)));
    const lines = [csvLine(['akt', 'fråga', 'svar', 'anteckning'])];
    for (const r of rows) lines.push(csvLine([r.ref, r.question_id, toCell(questions.get(r.question_id), r.value), r.note]));
    return { csv: `${UTF8_BOM}${lines.join('\r\n')}\r\n`, rows: rows.length, fileName: `svar-${review.id}.csv` };
  },
};

const rowCount = (n: number) => (n === 1 ? 'En rad' : `${formatNumber(n)} rader`);

/** "2 rader gäller akter som inte granskas (utanför urvalet eller bortfall): A-7, A-9" and/or "3 rader kunde inte läsas". */
function refusalSummary(rejectedCount: number, outOfSample: readonly { row: number; ref: string }[]): string {
  const unreadable = rejectedCount - outOfSample.length;
  const refs = [...new Set(outOfSample.map((r) => r.ref))];
  const named = refs.length > 5 ? `${refs.slice(0, 5).join(', ')} och ${formatNumber(refs.length - 5)} till` : refs.join(', ');
  const parts = [
    ...(outOfSample.length > 0 ? [`${rowCount(outOfSample.length)} gäller akter som inte granskas (utanför urvalet eller bortfall): ${named}`] : []),
    ...(unreadable > 0 ? [`${outOfSample.length > 0 ? rowCount(unreadable).toLowerCase() : rowCount(unreadable)} kunde inte läsas`] : []),
  ];
  return parts.join(' och ');
}

/** The answers of the files marked done, by file and question: a row may not clear a required one. */
function answersOfDoneFiles(db: Database, reviewId: string): Map<string, Map<string, string | null>> {
  const rows = db
    .prepare('SELECT a.case_id, a.question_id, a.value FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ? AND c.done_at IS NOT NULL')
    .all(reviewId) as { case_id: string; question_id: string; value: string | null }[];
  const byCase = new Map<string, Map<string, string | null>>();
  for (const id of db.prepare('SELECT id FROM case_file WHERE review_id = ? AND done_at IS NOT NULL').pluck().all(reviewId) as string[]) byCase.set(id, new Map());
  for (const r of rows) byCase.get(r.case_id)!.set(r.question_id, r.value);
  return byCase;
}

/**
 * A row's value and note checked with the very schemas answers.save validates its input with, so
 * every path into the answer table keeps one rule (length limits, the identity-number guard).
 */
function rowProblem(value: AnswerValue, note: string): string | undefined {
  const checkedValue = AnswerValueSchema.safeParse(value);
  if (!checkedValue.success) return `Svaret: ${issuesFromZod(checkedValue.error)[0].message}`;
  const checkedNote = AnswerNoteSchema.safeParse(note);
  if (!checkedNote.success) return `Anteckningen: ${issuesFromZod(checkedNote.error)[0].message}`;
  return undefined;
}

/** A cell as written by people: a scale or option id or its label, several options with "|", a date, a number. */
function fromCell(template: Template, question: Question, raw: string): AnswerValue {
  if (raw === '') return null;
  const byLabel = (items: { id: string; label: string }[], text: string) => {
    const t = text.trim().toLowerCase();
    return items.find((i) => i.id.toLowerCase() === t || i.label.toLowerCase() === t)?.id ?? text.trim();
  };
  if (question.type === 'scale') return byLabel(template.scales[question.scale] ?? [], raw);
  if (question.type === 'choice') {
    const parts = raw.split('|').map((p) => byLabel(question.options, p));
    return question.multiple ? parts : parts.length === 1 ? parts[0] : parts;
  }
  return raw;
}

function toCell(question: Question | undefined, stored: string | null): string {
  if (stored === null) return '';
  if (question?.type === 'choice' && question.multiple) return (JSON.parse(stored) as string[]).join('|');
  // Written out as a plain decimal even if an older version stored "1e+23": the file must read back.
  if (question?.type === 'number') return plainDecimal(Number(stored));
  return stored;
}
