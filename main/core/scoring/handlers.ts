import type { Database } from 'better-sqlite3';
import { checkAnswerValue, readAnswerValue } from '../../../shared/scoring/answer-value';
import type { Template } from '../../../shared/templates/schema';
import type { HandlerMap } from '../dispatch';
import { invalid, notFound } from '../errors';
import { requireReview } from '../reviews/handlers';
import { findTemplate } from '../templates/repository';
import { findCase, listCases } from '../cases/repository';
import { answersOfCase, progressOf, toAnswer, upsertAnswer } from './repository';

export const scoringHandlers: HandlerMap = {
  'scoring.caseView': ({ reviewId, caseId }, { db }) => {
    const template = reviewTemplate(db, reviewId);
    const theCase = requireCase(db, reviewId, caseId);
    const rows = answersOfCase(db, caseId);
    return { case: theCase, template, answers: rows.map((r) => toAnswer(template, r)), ...progressOf(template, rows) };
  },

  'scoring.overview': ({ reviewId }, { db }) => {
    const template = reviewTemplate(db, reviewId);
    const sampled = db
      .prepare(`SELECT c.id, c.ref, c.unit, c.done_at FROM sample_case s JOIN case_file c ON c.id = s.case_id WHERE s.review_id = ? AND s.status IN ('selected', 'replacement') ORDER BY s.unit, s.seeded_order`)
      .all(reviewId) as { id: string; ref: string; unit: string; done_at: string | null }[];
    const hasSample = db.prepare('SELECT 1 FROM sample WHERE review_id = ?').get(reviewId) !== undefined;
    const cases = hasSample
      ? sampled.map((c) => ({ id: c.id, ref: c.ref, unit: c.unit, done: c.done_at !== null }))
      : listCases(db, reviewId).map((c) => ({ id: c.id, ref: c.ref, unit: c.unit, done: c.done }));
    const answers = db.prepare('SELECT a.case_id, a.question_id, a.value FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ?').all(reviewId) as {
      case_id: string;
      question_id: string;
      value: string | null;
    }[];
    const byCase = new Map<string, { question_id: string; value: string | null }[]>();
    for (const a of answers) {
      const list = byCase.get(a.case_id);
      if (list) list.push(a);
      else byCase.set(a.case_id, [a]);
    }
    const rows = cases.map((c) => ({ caseId: c.id, ref: c.ref, unit: c.unit, done: c.done, progress: progressOf(template, byCase.get(c.id) ?? []).progress }));
    const sum = (k: 'answered' | 'total' | 'requiredMissing') => rows.reduce((s, r) => s + r.progress[k], 0);
    return { cases: rows, progress: { answered: sum('answered'), total: sum('total'), requiredMissing: sum('requiredMissing') } };
  },

  'answers.save': ({ reviewId, caseId, questionId, value, note, fileRef }, { db, now, actor }) => {
    const template = reviewTemplate(db, reviewId);
    requireCase(db, reviewId, caseId);
    const question = template.questions.find((q) => q.id === questionId);
    if (!question) throw invalid(`Frågan "${questionId}" finns inte i granskningens mall.`, [{ path: '$.questionId', message: 'Okänd fråga.' }]);
    const checked = checkAnswerValue(template, question, value);
    if (!checked.ok) throw invalid(checked.message, [{ path: '$.value', message: checked.message }]);

    const existing = answersOfCase(db, caseId).find((r) => r.question_id === questionId);
    const nextNote = note === undefined ? (existing?.note ?? null) : note || null;
    const nextRef = fileRef === undefined ? (existing?.file_ref ?? null) : fileRef || null;
    const nowIso = now().toISOString();
    db.transaction(() => upsertAnswer(db, caseId, questionId, checked.stored, nextNote, nextRef, nowIso, actor))();
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
    requireCase(db, reviewId, caseId);
    db.prepare('UPDATE case_file SET done_at = ? WHERE id = ?').run(done ? now().toISOString() : null, caseId);
    return { done };
  },
};


/** A review's template version is frozen, so its parsed form can be kept (keyed per database). */
const templateCache = new WeakMap<Database, Map<string, Template>>();

export function reviewTemplate(db: Database, reviewId: string): Template {
  const ref = db.prepare('SELECT template_id, template_version FROM review WHERE id = ?').get(reviewId) as { template_id: string; template_version: number } | undefined;
  if (!ref) requireReview(db, reviewId);
  const key = `${ref!.template_id}@${ref!.template_version}`;
  const cache = templateCache.get(db) ?? new Map<string, Template>();
  templateCache.set(db, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const row = findTemplate(db, ref!.template_id, ref!.template_version);
  if (!row) throw notFound(`Granskningens mall (${ref!.template_id} version ${ref!.template_version}) finns inte längre.`);
  const template = JSON.parse(row.document) as Template;
  cache.set(key, template);
  return template;
}

function requireCase(db: Database, reviewId: string, caseId: string) {
  const found = findCase(db, reviewId, caseId);
  if (!found) throw notFound(`Akten finns inte i granskningen.`);
  return found;
}
