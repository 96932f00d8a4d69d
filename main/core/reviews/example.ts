import type { Database } from 'better-sqlite3';
import { ageBand } from '../../../shared/identity/age';
import type { SexCode } from '../../../shared/import/sex';
import { checkAnswerValue } from '../../../shared/scoring/answer-value';
import type { Template } from '../../../shared/templates/schema';
import { insertCase } from '../cases/repository';
import type { CoreContext } from '../context';
import { drawReviewSample } from '../sampling/draw';
import { upsertAnswer } from '../scoring/repository';
import { findTemplate, freezeTemplate } from '../templates/repository';
import { insertReview, replaceUnits } from './repository';

/**
 * The example review offered on first start: the bundled children's template, a small made-up
 * case list (references EX-001…, two made-up units, sex and age given directly: no personal
 * identity number exists anywhere in it), a sample drawn the ordinary way and a few answers, so
 * every screen has something to show. It is marked `example`, which lets it be deleted outright.
 */
export const EXAMPLE_TEMPLATE_ID = 'oppenvard-barn-0-12';
export const EXAMPLE_UNITS = ['Exempelenheten Norr', 'Exempelenheten Söder'] as const;
const EXAMPLE_TITLE = 'Exempelgranskning: öppenvård barn 0–12 år';
const EXAMPLE_SUBTITLE = 'Påhittade akter att öva på. Ta bort granskningen när du har provat klart.';
const FILES_PER_UNIT = 8;
const SAMPLE_PER_UNIT = 3;
const EXAMPLE_SEED = 'exempel';
const AGES = [4, 7, 11, 2, 9, 12, 6, 5];

/** A few answers on the first two sampled files, with a note, so progress and history show. */
const EXAMPLE_ANSWERS: { file: number; questionId: string; value: string; note?: string }[] = [
  { file: 0, questionId: 'T1', value: 'ja' },
  { file: 0, questionId: 'T2', value: 'delvis', note: 'Exempel: genomförandeplanen saknar tidpunkter för aktiviteterna.' },
  { file: 0, questionId: 'T3', value: 'ja' },
  { file: 1, questionId: 'T1', value: 'nej' },
];

export function createExampleReview(ctx: CoreContext): { id: string } {
  const { db } = ctx;
  const existing = db.prepare('SELECT id FROM review WHERE example = 1 AND archived = 0 ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
  // One example is enough: a second click opens the one there is.
  if (existing) return { id: existing };
  const template = findTemplate(db, EXAMPLE_TEMPLATE_ID);
  if (!template) throw new Error(`bundled template ${EXAMPLE_TEMPLATE_ID} is missing`);
  const document = JSON.parse(template.document) as Template;
  const id = ctx.newId('g');
  const nowIso = ctx.now().toISOString();
  const today = ctx.now();
  const referenceDate = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

  db.transaction(() => {
    freezeTemplate(db, template.id, template.version);
    insertReview(db, {
      id,
      title: EXAMPLE_TITLE,
      subtitle: EXAMPLE_SUBTITLE,
      referenceDate,
      targetGroup: template.target_group,
      templateId: template.id,
      templateVersion: template.version,
      createdBy: ctx.actor,
      nowIso,
      example: true,
    });
    replaceUnits(db, id, [...EXAMPLE_UNITS]);
    insertExampleCases(db, ctx, id, nowIso);
    // Synchronous, so the drawing is part of this one transaction.
    drawReviewSample(ctx, { reviewId: id, method: { kind: 'per-unit', n: SAMPLE_PER_UNIT }, seed: EXAMPLE_SEED });
    answerExampleFiles(db, ctx, id, document, nowIso);
  })();
  return { id };
}

function insertExampleCases(db: Database, ctx: CoreContext, reviewId: string, nowIso: string): void {
  let n = 0;
  for (const unit of EXAMPLE_UNITS) {
    for (let i = 0; i < FILES_PER_UNIT; i++, n++) {
      const age = AGES[i % AGES.length];
      const sex: SexCode = n % 2 === 0 ? 'F' : 'M';
      const ref = `EX-${String(n + 1).padStart(3, '0')}`;
      insertCase(db, reviewId, ctx.newId('c'), { row: n + 2, ref, unit, sex, age, ageBand: ageBand(age, 'barn'), attributes: {} }, nowIso);
    }
  }
}

function answerExampleFiles(db: Database, ctx: CoreContext, reviewId: string, template: Template, nowIso: string): void {
  const sampled = db
    .prepare(`SELECT case_id FROM sample_case WHERE review_id = ? AND status = 'selected' ORDER BY unit, seeded_order`)
    .pluck()
    .all(reviewId) as string[];
  for (const answer of EXAMPLE_ANSWERS) {
    const question = template.questions.find((q) => q.id === answer.questionId);
    const caseId = sampled[answer.file];
    if (!question || !caseId) continue;
    const checked = checkAnswerValue(template, question, answer.value);
    if (!checked.ok) continue;
    upsertAnswer(db, caseId, question.id, checked.stored, answer.note ?? null, null, nowIso, ctx.actor);
  }
}
