import { findingsOfCase, unmarkFinding } from '../findings/repository';
import type { Database } from 'better-sqlite3';
import { checkAnswerValue, readAnswerValue } from '../../../shared/scoring/answer-value';
import { reviewTemplate } from '../reviews/frozen-template';
import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { findCase } from '../cases/repository';
import { answersOfCase, progressOf, toAnswer, upsertAnswer } from './repository';
import { accessOf, clearsRequiredOfDoneFile, requireComplete, requireScorable } from './scorable';
import { nextAfter, overviewOf } from './workspace';

export const scoringHandlers: HandlerMap = {
  'scoring.caseView': ({ reviewId, caseId }, { db }) => {
    const template = reviewTemplate(db, reviewId);
    const theCase = requireCase(db, reviewId, caseId);
    const rows = answersOfCase(db, caseId);
    const period = db.prepare('SELECT period_from AS "from", period_to AS "to" FROM review WHERE id = ?').get(reviewId) as { from: string | null; to: string | null };
    return {
      case: theCase,
      template,
      answers: rows.map((r) => toAnswer(template, r)),
      ...progressOf(template, rows),
      // Reading is never refused: a file the sample leaves out opens read-only with this reason.
      access: accessOf(db, reviewId, caseId),
      period: { from: period.from, to: period.to },
      next: nextAfter(db, reviewId, caseId),
      findings: findingsOfCase(db, caseId),
    };
  },

  'scoring.overview': ({ reviewId }, { db }) => overviewOf(db, reviewId, reviewTemplate(db, reviewId)),

  'answers.save': ({ reviewId, caseId, questionId, value, note, fileRef }, { db, now, actor }) => {
    const template = reviewTemplate(db, reviewId);
    const theCase = requireCase(db, reviewId, caseId);
    requireScorable(db, reviewId, theCase);
    const question = template.questions.find((q) => q.id === questionId);
    if (!question) throw invalid(`Frågan "${questionId}" finns inte i granskningens mall.`, [{ path: '$.questionId', message: 'Okänd fråga.' }]);
    const checked = checkAnswerValue(template, question, value);
    if (!checked.ok) throw invalid(checked.message, [{ path: '$.value', message: checked.message }]);
    const existing = answersOfCase(db, caseId).find((r) => r.question_id === questionId);
    const clears = clearsRequiredOfDoneFile(template, question, { before: existing?.value ?? null, after: checked.stored }, theCase);
    if (clears) throw invalid(clears, [{ path: '$.value', message: clears }]);
    const nextNote = note === undefined ? (existing?.note ?? null) : note || null;
    const nextRef = fileRef === undefined ? (existing?.file_ref ?? null) : fileRef || null;
    const nowIso = now().toISOString();
    db.transaction(() => {
      upsertAnswer(db, caseId, questionId, checked.stored, nextNote, nextRef, nowIso, actor);
      // A finding is its note: with the note gone there is nothing left to report.
      if (nextNote === null || nextNote.trim() === '') unmarkFinding(db, caseId, questionId);
    })();
    return { questionId, value: readAnswerValue(question, checked.stored), note: nextNote, fileRef: nextRef, updatedAt: nowIso, updatedBy: actor };
  },

  'answers.history': ({ reviewId, caseId, questionId }, { db }) => {
    const template = reviewTemplate(db, reviewId);
    requireCase(db, reviewId, caseId);
    const question = template.questions.find((q) => q.id === questionId);
    const rows = db
      .prepare('SELECT action, at, actor, old_value, new_value, old_note, new_note, old_file_ref, new_file_ref FROM answer_audit WHERE case_id = ? AND question_id = ? ORDER BY seq')
      .all(caseId, questionId) as Record<string, string | null>[];
    return {
      entries: rows.map((r) => ({
        action: r.action as 'insert' | 'update' | 'delete',
        at: r.at!,
        actor: r.actor!,
        oldValue: readAnswerValue(question, r.old_value),
        newValue: readAnswerValue(question, r.new_value),
        oldNote: r.old_note,
        newNote: r.new_note,
        oldFileRef: r.old_file_ref,
        newFileRef: r.new_file_ref,
      })),
    };
  },

  'cases.setDone': ({ reviewId, caseId, done }, { db, now }) => {
    const template = reviewTemplate(db, reviewId);
    // Checked and written under one write lock: no answer can be cleared between the check and the mark.
    db.transaction(() => {
      const theCase = requireCase(db, reviewId, caseId);
      requireScorable(db, reviewId, theCase);
      if (done) requireComplete(template, answersOfCase(db, caseId));
      // Only a change of state is written, so marking done twice logs one event (the trigger on done_at).
      if (done !== theCase.done) db.prepare('UPDATE case_file SET done_at = ? WHERE id = ?').run(done ? now().toISOString() : null, caseId);
    }).immediate();
    return { done };
  },
};



function requireCase(db: Database, reviewId: string, caseId: string) {
  const found = findCase(db, reviewId, caseId);
  if (!found) throw notFound(`Akten finns inte i granskningen.`);
  return found;
}
