import type { Database } from 'better-sqlite3';
import type { CaseAccess } from '../../../shared/contract/scoring';
import type { Issue } from '../../../shared/result';
import type { Question, Template } from '../../../shared/templates/schema';
import { formatNumber } from '../../../shared/util/format-sv';
import { missingRequiredText } from '../../../shared/util/plural-sv';
import { invalid } from '../errors';
import { standInsOfUnit } from '../sampling/stand-ins';

/**
 * The rules that decide whether a file may be scored and marked done, in one module so that every
 * method writing an answer or a done mark (answers.save, answers.import, cases.setDone, and any
 * later one) applies the same ones:
 * - once a review has a sample, only its selected files and replacements are scored;
 * - a file is marked done only when no required question is unanswered, and an answer of a done
 *   file cannot be cleared if that leaves a required question unanswered (reopen it first);
 * - a file counts as done only when it is marked done AND complete (`isDoneSql`), so a file marked
 *   done before these rules, while incomplete, does not count.
 *
 * Refusals are VALIDATION, not FORBIDDEN: in this code base FORBIDDEN means the caller itself is
 * refused (no browser session, a foreign origin) and the browser client turns it into "sign in
 * again", while these requests are well-formed but name a file or a value the review's state does
 * not allow — an input the user must change, which is VALIDATION (CLI exit 2) everywhere else too,
 * and the answers importer reports the same rule per row as VALIDATION like every other row fault.
 */

const NOT_IN_SAMPLE_BANNER = 'Ej i urvalet – akten ingår inte i urvalet och kan inte granskas.';
const SCORABLE = (sampleStatus: 'selected' | 'replacement' | 'no_sample'): CaseAccess => ({ scorable: true, sampleStatus, reason: null, replacedBy: null });

interface SampleCaseRow {
  case_id: string;
  unit: string;
  status: 'selected' | 'replacement' | 'dropped' | 'reserve';
}

export const hasSample = (db: Database, reviewId: string): boolean => db.prepare('SELECT 1 FROM sample WHERE review_id = ?').get(reviewId) !== undefined;

/** What the sample says about one file. */
export function accessOf(db: Database, reviewId: string, caseId: string): CaseAccess {
  if (!hasSample(db, reviewId)) return SCORABLE('no_sample');
  const row = db.prepare('SELECT case_id, unit, status FROM sample_case WHERE review_id = ? AND case_id = ?').get(reviewId, caseId) as SampleCaseRow | undefined;
  return describe(db, reviewId, row, new Map());
}

/**
 * The same for many files (an import): the sample is read once and each unit's replacements are
 * worked out once, on first need.
 */
export function accessReader(db: Database, reviewId: string): (caseId: string) => CaseAccess {
  if (!hasSample(db, reviewId)) return () => SCORABLE('no_sample');
  const rows = new Map(
    (db.prepare(`SELECT case_id, unit, status FROM sample_case WHERE review_id = ? AND status <> 'reserve'`).all(reviewId) as SampleCaseRow[]).map((r) => [r.case_id, r]),
  );
  const standIns = new Map<string, Map<string, string | null>>();
  return (caseId) => describe(db, reviewId, rows.get(caseId), standIns);
}

function describe(db: Database, reviewId: string, row: SampleCaseRow | undefined, standInsByUnit: Map<string, Map<string, string | null>>): CaseAccess {
  if (!row) return { scorable: false, sampleStatus: 'outside', reason: NOT_IN_SAMPLE_BANNER, replacedBy: null };
  if (row.status === 'selected' || row.status === 'replacement') return SCORABLE(row.status);
  if (row.status === 'reserve') return { scorable: false, sampleStatus: 'reserve', reason: NOT_IN_SAMPLE_BANNER, replacedBy: null };
  let standIns = standInsByUnit.get(row.unit);
  if (!standIns) {
    standIns = standInsOfUnit(db, reviewId, row.unit);
    standInsByUnit.set(row.unit, standIns);
  }
  const standIn = standIns.get(row.case_id) ?? null;
  const ref = standIn === null ? undefined : (db.prepare('SELECT ref FROM case_file WHERE id = ?').pluck().get(standIn) as string | undefined);
  if (standIn === null || ref === undefined) return { scorable: false, sampleStatus: 'dropped', reason: 'Bortfall – ingen ersättare dragen ännu.', replacedBy: null };
  return { scorable: false, sampleStatus: 'dropped', reason: `Bortfall – ersatt av akt ${ref}.`, replacedBy: { caseId: standIn, ref } };
}

/** Why the file may not be scored, naming it; undefined when it may. */
export function notScorableMessage(ref: string, access: CaseAccess): string | undefined {
  if (access.scorable) return undefined;
  if (access.sampleStatus !== 'dropped') return `Akt ${ref} ingår inte i urvalet och kan inte granskas. Bara akter i urvalet och ersättare för bortfall granskas.`;
  if (access.replacedBy) return `Akt ${ref} är bortfall och ersatt av akt ${access.replacedBy.ref}. Granska akt ${access.replacedBy.ref} i stället.`;
  return `Akt ${ref} är bortfall och kan inte granskas. Ingen ersättare har dragits: enhetens urvalsram är slut.`;
}

/** Refuses a file the sample leaves out (outside it, a reserve, or dropped). */
export function requireScorable(db: Database, reviewId: string, theCase: { id: string; ref: string }): void {
  const message = notScorableMessage(theCase.ref, accessOf(db, reviewId, theCase.id));
  if (message) throw invalid(message, [{ path: '$.caseId', message }]);
}

export interface MissingQuestion {
  question: Question;
  /** Its number in the template, from 1, as the scoring screen shows it. */
  number: number;
}

/** The required questions without an answer (a note alone is no answer). */
export function missingRequired(template: Template, rows: readonly { question_id: string; value: string | null }[]): MissingQuestion[] {
  const answered = new Set(rows.filter((r) => r.value !== null).map((r) => r.question_id));
  return template.questions.flatMap((question, i) => (question.required && !answered.has(question.id) ? [{ question, number: i + 1 }] : []));
}

const NAMED_AT_MOST = 5;
const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);
const questionName = (m: MissingQuestion) => `fråga ${m.number} (${m.question.id})`;

/** Refuses marking a file done while a required question is unanswered; lists each one. */
export function requireComplete(template: Template, rows: readonly { question_id: string; value: string | null }[]): void {
  const missing = missingRequired(template, rows);
  if (missing.length === 0) return;
  const named = missing.slice(0, NAMED_AT_MOST).map(questionName);
  const rest = missing.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} och ${formatNumber(rest)} till` : named.length > 1 ? `${named.slice(0, -1).join(', ')} och ${named[named.length - 1]}` : named[0];
  const count = missingRequiredText(missing.length);
  const issues: Issue[] = missing.map((m) => ({ path: `$.answers.${m.question.id}`, message: `Fråga ${m.number} (${m.question.id}) saknar svar: ${shortText(m.question.text)}` }));
  throw invalid(`${count}: ${list}.`, issues);
}

/**
 * Why this change may not be made to a done file: clearing a required answer would leave the file
 * marked done but incomplete. Other corrections to a done file are allowed (and logged as usual).
 */
export function clearsRequiredOfDoneFile(
  template: Template,
  question: Question,
  value: { before: string | null; after: string | null },
  theCase: { ref: string; done: boolean },
): string | undefined {
  if (!theCase.done || !question.required || value.before === null || value.after !== null) return undefined;
  const number = template.questions.indexOf(question) + 1;
  return `Akt ${theCase.ref} är markerad som klar och fråga ${number} (${question.id}) är obligatorisk. Öppna akten igen innan du tar bort svaret.`;
}

/**
 * SQL condition: the file `c` (a case_file alias) of the review `r` (a review alias) is done — marked
 * done and without an unanswered required question of the review's template version. The one
 * definition of "done" for every count: the overview, a file's next, the sample, reviews' doneCount.
 */
export const isDoneSql = (c: string, r: string): string =>
  `(${c}.done_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM template_question q
     WHERE q.template_id = ${r}.template_id AND q.template_version = ${r}.template_version AND q.required = 1
       AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.case_id = ${c}.id AND a.question_id = q.question_id AND a.value IS NOT NULL)))`;
