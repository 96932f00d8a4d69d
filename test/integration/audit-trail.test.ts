import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAuditOnOpen, verifyAudit } from '../../main/core/audit/check';
import { createCore } from '../../main/core/core';
import { AUDIT_TRIGGERS_V3 } from '../../main/core/db/migrations/003-audit-chain';
import { granska } from '../support/cli';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';

let core: TestCore;
let reviewId: string;
let caseIds: string[];
let questions: string[];

const trail = () =>
  core.db.prepare('SELECT seq, action, actor, at, old_value, new_value, old_note, new_note FROM answer_audit ORDER BY seq').all() as {
    seq: number;
    action: string;
    actor: string;
    at: string;
    old_value: string | null;
    new_value: string | null;
    old_note: string | null;
    new_note: string | null;
  }[];

/** Raw SQL with one protective trigger out of the way, then put back byte for byte, as a careful forger would. */
function withoutTrigger(name: string, sql: string): void {
  core.db.exec(`DROP TRIGGER ${name}`);
  core.db.exec(sql);
  core.db.exec(AUDIT_TRIGGERS_V3[name]);
}

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Loggen', referenceDate: '2024-12-31' }));
  await core.call('cases.import', { reviewId, contentBase64: Buffer.from('akt;enhet;kön\nA1;Enhet A;flicka\nA2;Enhet A;pojke\n').toString('base64') });
  caseIds = (await core.call('cases.list', { reviewId })).cases.map((c) => c.id);
  const view = await core.call('scoring.caseView', { reviewId, caseId: caseIds[0] });
  questions = view.template.questions.filter((q) => q.type === 'scale').map((q) => q.id);
  await core.call('answers.save', { reviewId, caseId: caseIds[0], questionId: questions[0], value: 'ja', note: 'Första' }); // seq 1
  await core.call('answers.save', { reviewId, caseId: caseIds[0], questionId: questions[0], value: 'nej' }); // seq 2
  await core.call('answers.save', { reviewId, caseId: caseIds[0], questionId: questions[1], value: 'delvis' }); // seq 3
  await core.call('answers.save', { reviewId, caseId: caseIds[1], questionId: questions[0], value: 'ja' }); // seq 4
});
afterEach(() => core.dispose());

describe('what the trail records', () => {
  it('logs a deletion with the old values, the actor and the time, and a cascade from a deleted case too', async () => {
    core.db.prepare('DELETE FROM answer WHERE case_id = ? AND question_id = ?').run(caseIds[0], questions[1]);
    core.db.prepare('DELETE FROM case_file WHERE id = ?').run(caseIds[1]);
    const rows = trail().slice(4);
    expect(rows).toEqual([
      { seq: 5, action: 'delete', actor: 'Test Testsson', at: FIXED_NOW.toISOString(), old_value: 'delvis', new_value: null, old_note: null, new_note: null },
      { seq: 6, action: 'delete', actor: 'Test Testsson', at: FIXED_NOW.toISOString(), old_value: 'ja', new_value: null, old_note: null, new_note: null },
    ]);
    expect(core.db.prepare('SELECT DISTINCT review_id FROM answer_audit').pluck().all()).toEqual([reviewId]);
    expect(verifyAudit(core.db, reviewId)).toMatchObject({ ok: true, checked: 6 });
  });

  it('an INSERT OR REPLACE logs the replaced row with its true old value, never "(tom)"', () => {
    core.db
      .prepare(`INSERT OR REPLACE INTO answer (case_id, question_id, value, note, updated_at, updated_by) VALUES (?, ?, 'delvis', NULL, '2026-11-24T08:00:00.000Z', 'Bo')`)
      .run(caseIds[0], questions[0]);
    expect(trail().slice(4).map((r) => [r.action, r.old_value, r.new_value, r.old_note])).toEqual([
      ['delete', 'nej', null, 'Första'],
      ['insert', null, 'delvis', null],
    ]);
    expect(verifyAudit(core.db).ok).toBe(true);
  });

  it('answers.history shows who deleted an answer and what it was', async () => {
    core.db.prepare('DELETE FROM answer WHERE case_id = ? AND question_id = ?').run(caseIds[0], questions[0]);
    const { entries } = await core.call('answers.history', { reviewId, caseId: caseIds[0], questionId: questions[0] });
    expect(entries.map((e) => [e.action, e.oldValue, e.newValue, e.oldNote, e.newNote])).toEqual([
      ['insert', null, 'ja', null, 'Första'],
      ['update', 'ja', 'nej', 'Första', 'Första'],
      ['delete', 'nej', null, 'Första', null],
    ]);
    expect(trail().map((r) => r.action)).toEqual(['insert', 'update', 'insert', 'insert', 'delete']);
  });

  it('a tool without the app\'s hash function cannot change an answer at all', () => {
    core.close();
    const raw = new Database(path.join(core.dir, 'test.sqlite'));
    expect(() => raw.prepare(`UPDATE answer SET value = 'ja' WHERE question_id = ?`).run(questions[0])).toThrow(/no such function: granska_audit_hash/);
    expect(() => raw.prepare('DELETE FROM answer').run()).toThrow(/no such function/);
    expect(raw.prepare(`SELECT COUNT(*) FROM answer WHERE value = 'nej'`).pluck().get()).toBe(1);
    raw.close();
  });
});

describe('audit.verify finds every kind of tampering', () => {
  it('an intact trail: ok, every row checked, and the head of the chain', async () => {
    const report = await core.call('audit.verify', { reviewId });
    expect(report).toEqual({ ok: true, checked: 4, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a forged value (trigger dropped, row updated, trigger restored)', async () => {
    withoutTrigger('answer_audit_no_update', `UPDATE answer_audit SET old_value = 'delvis' WHERE seq = 2`);
    const report = await core.call('audit.verify', { reviewId });
    expect(report).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, at: FIXED_NOW.toISOString(), reason: 'Radens innehåll har ändrats efter att den skrevs.' } });
  });

  it('a deleted row', async () => {
    withoutTrigger('answer_audit_no_delete', 'DELETE FROM answer_audit WHERE seq = 2');
    const report = await core.call('audit.verify', { reviewId });
    expect(report.firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/Länken till föregående rad stämmer inte/) });
  });

  it('the last row deleted, which no later link points at: found by the end of the table, and by replaying the trail against the answers', async () => {
    withoutTrigger('answer_audit_no_delete', 'DELETE FROM answer_audit WHERE seq = 4');
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toEqual({ seq: 4, at: null, reason: 'Loggens sista rader har tagits bort: rad 4 har skrivits men loggen slutar vid rad 3.' });
    expect(checkAuditOnOpen(core.db).ok).toBe(false);
    core.db.exec(`UPDATE sqlite_sequence SET seq = 3 WHERE name = 'answer_audit'`); // the forger covers that too
    const report = await core.call('audit.verify', { reviewId });
    expect(report.ok).toBe(false);
    expect(report.firstBroken!.reason).toMatch(/Svaret på fråga .* i akt A2 finns inte i ändringsloggen/);
  });

  it('an inserted row, with a made-up hash or with a correctly computed one', async () => {
    const insert = (hashSql: string) =>
      core.db.exec(`INSERT INTO answer_audit (review_id, case_id, question_id, action, at, actor, new_value, prev_hash, hash)
        SELECT '${reviewId}', '${caseIds[1]}', '${questions[0]}', 'update', '2026-11-24T00:00:00.000Z', 'Någon', 'nej', prev, ${hashSql}
        FROM (SELECT (SELECT hash FROM answer_audit WHERE review_id = '${reviewId}' ORDER BY seq DESC LIMIT 1) AS prev)`);
    insert(`'${'0'.repeat(64)}'`);
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toMatchObject({ seq: 5, reason: 'Radens innehåll har ändrats efter att den skrevs.' });

    withoutTrigger('answer_audit_no_delete', 'DELETE FROM answer_audit WHERE seq = 5');
    insert(`granska_audit_hash(prev, '${reviewId}', '${caseIds[1]}', '${questions[0]}', 'update', '2026-11-24T00:00:00.000Z', 'Någon', NULL, 'nej', NULL, NULL, NULL, NULL)`);
    const report = await core.call('audit.verify', { reviewId });
    expect(report.firstBroken).toMatchObject({ seq: 6, reason: expect.stringMatching(/stämmer inte med ändringsloggens senaste rad/) });
  });

  it('a dropped, altered or added trigger', async () => {
    core.db.exec('DROP TRIGGER answer_audit_on_update');
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toEqual({ seq: null, at: null, reason: expect.stringMatching(/answer_audit_on_update har tagits bort/) });
    core.db.exec(AUDIT_TRIGGERS_V3.answer_audit_on_update.replace('OR OLD.file_ref IS NOT NEW.file_ref', ''));
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/har ändrats \(triggern answer_audit_on_update\)/);
    core.db.exec('DROP TRIGGER answer_audit_on_update');
    core.db.exec(AUDIT_TRIGGERS_V3.answer_audit_on_update);
    core.db.exec(`CREATE TRIGGER sneaky AFTER INSERT ON answer_audit BEGIN SELECT 1; END`);
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/okänd trigger \(sneaky\)/);
  });

  it('chains are per review: tampering in one leaves another review intact', async () => {
    const { id: other } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Annan', referenceDate: '2024-12-31' });
    await core.call('cases.import', { reviewId: other, contentBase64: Buffer.from('akt;enhet\nX1;Enhet A\n').toString('base64') });
    const otherCase = (await core.call('cases.list', { reviewId: other })).cases[0].id;
    await core.call('answers.save', { reviewId: other, caseId: otherCase, questionId: questions[0], value: 'ja' });
    withoutTrigger('answer_audit_no_update', `UPDATE answer_audit SET actor = 'Annan' WHERE seq = 1`);
    expect((await core.call('audit.verify', { reviewId })).ok).toBe(false);
    expect(await core.call('audit.verify', { reviewId: other })).toMatchObject({ ok: true, checked: 1 });
  });
});

describe('opening a database whose trail is broken', () => {
  it('opens it for reading only and refuses every write with AUDIT_BROKEN in Swedish', async () => {
    withoutTrigger('answer_audit_no_update', `UPDATE answer_audit SET new_value = 'ja' WHERE seq = 2`);
    core.close();
    const logged: unknown[] = [];
    const reopened = createCore({ dbPath: path.join(core.dir, 'test.sqlite'), now: () => FIXED_NOW, actor: 'Bo', logError: (_m, e) => logged.push(e) });
    try {
      expect(reopened.auditProblem).toMatchObject({ code: 'AUDIT_BROKEN', message: expect.stringMatching(/^Ändringsloggen i databasen går inte att lita på: Radens innehåll har ändrats.*loggrad 2/) });
      const view = await reopened.dispatch('scoring.caseView', { reviewId, caseId: caseIds[0] });
      expect(view.ok).toBe(true);
      const save = await reopened.dispatch('answers.save', { reviewId, caseId: caseIds[0], questionId: questions[2], value: 'ja' });
      expect(save).toEqual({ ok: false, error: reopened.auditProblem });
      expect(reopened.db.prepare('SELECT COUNT(*) FROM answer').pluck().get()).toBe(3);
    } finally {
      reopened.close();
    }
  });
});

describe('granska audit verify', () => {
  it('exit 0 and "hel" when intact; exit 2 naming the first broken link in Swedish when not; --json gives the report', () => {
    core.close();
    const db = path.join(core.dir, 'test.sqlite');
    const intact = granska(['--db', db, 'audit', 'verify', reviewId]);
    expect(intact.stdout).toMatch(/Ändringsloggen är hel: 4 rader kontrollerade\./);
    expect(intact.code).toBe(0);

    const raw = createCore({ dbPath: db });
    raw.db.exec('DROP TRIGGER answer_audit_no_delete; DELETE FROM answer_audit WHERE seq = 2;');
    raw.db.exec(AUDIT_TRIGGERS_V3.answer_audit_no_delete);
    raw.close();
    const broken = granska(['--db', db, 'audit', 'verify', reviewId]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/Ändringsloggen är BRUTEN\. Första brutna länken: loggrad 3 \(.+\)\.\nOrsak: Länken till föregående rad stämmer inte/);
    const json = granska(['--db', db, 'audit', 'verify', reviewId, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 3 } });
  });
});
