import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAuditOnOpen, EXPECTED_AUDIT_TRIGGERS, verifyAudit } from '../../main/core/db/audit-chain/check';
import { createCore } from '../../main/core/core';
import { AUDIT_TRIGGERS_V3 } from '../../main/core/db/migrations/003-audit-chain';
import { REPORT_TRIGGERS_V6 } from '../../main/core/db/migrations/006-report';
import { hashOfRow, type ChainedRow } from '../../main/core/db/audit-chain/hash';
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

/**
 * The attack a reviewer ran against the unkeyed chain: every trigger dropped, the history changed,
 * every link recomputed with the published hash function, the triggers recreated from their
 * original SQL. Nothing in the database can tell this from an untouched trail.
 */
function rewriteHistory(db: Database.Database, change: string): void {
  for (const name of Object.keys(AUDIT_TRIGGERS_V3)) db.exec(`DROP TRIGGER ${name}`);
  db.exec(change);
  const heads = new Map<string, string>();
  const relink = db.prepare('UPDATE answer_audit SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of db.prepare('SELECT * FROM answer_audit ORDER BY seq').all() as (ChainedRow & { seq: number })[]) {
    const prev = heads.get(row.review_id!) ?? null;
    const hash = hashOfRow(prev, row);
    relink.run(prev, hash, row.seq);
    heads.set(row.review_id!, hash);
  }
  for (const sql of Object.values(AUDIT_TRIGGERS_V3)) db.exec(sql);
}

const hashOfSeq = (seq: number) => core.db.prepare('SELECT hash FROM answer_audit WHERE seq = ?').pluck().get(seq) as string;

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
    // No report, no done marks: the record chain (händelseloggen) has nothing yet.
    expect(report).toEqual({ ok: true, checked: 4, head: expect.stringMatching(/^[0-9a-f]{64}$/), records: { checked: 0 } });
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
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toEqual({ kind: 'end', seq: 4, at: null, reason: 'Loggens sista rader har tagits bort: rad 4 har skrivits men loggen slutar vid rad 3.' });
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
    expect((await core.call('audit.verify', { reviewId })).firstBroken).toEqual({ kind: 'triggers', seq: null, at: null, reason: expect.stringMatching(/answer_audit_on_update har tagits bort/) });
    core.db.exec(AUDIT_TRIGGERS_V3.answer_audit_on_update.replace('OR OLD.file_ref IS NOT NEW.file_ref', ''));
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/har ändrats \(triggern answer_audit_on_update\)/);
    core.db.exec('DROP TRIGGER answer_audit_on_update');
    core.db.exec(AUDIT_TRIGGERS_V3.answer_audit_on_update);
    core.db.exec(`CREATE TRIGGER sneaky AFTER INSERT ON answer_audit BEGIN SELECT 1; END`);
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/okänd trigger \(sneaky\)/);
  });

  it('the report log and approvals: a dropped, loosened or added trigger on them', async () => {
    for (const name of Object.keys(REPORT_TRIGGERS_V6)) {
      core.db.exec(`DROP TRIGGER ${name}`);
      expect((await core.call('audit.verify', { reviewId })).firstBroken, name).toEqual({ kind: 'triggers', seq: null, at: null, reason: expect.stringContaining(`triggern ${name} har tagits bort`) });
      core.db.exec(EXPECTED_AUDIT_TRIGGERS[name]);
    }
    // Loosened so that the approver's name could be rewritten: the text differs, and that is enough.
    core.db.exec('DROP TRIGGER report_approval_no_update');
    core.db.exec(EXPECTED_AUDIT_TRIGGERS.report_approval_no_update.replace(' OR NEW.name IS NOT OLD.name', ''));
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/har ändrats \(triggern report_approval_no_update\)/);
    core.db.exec('DROP TRIGGER report_approval_no_update');
    core.db.exec(EXPECTED_AUDIT_TRIGGERS.report_approval_no_update);
    core.db.exec(`CREATE TRIGGER quiet_log BEFORE INSERT ON report_event BEGIN SELECT RAISE(IGNORE); END`);
    expect((await core.call('audit.verify', { reviewId })).firstBroken!.reason).toMatch(/okänd trigger \(quiet_log\)/);
    core.db.exec('DROP TRIGGER quiet_log');
    expect((await core.call('audit.verify', { reviewId })).ok).toBe(true);
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

describe('a head hash noted outside the workbench (the anchor)', () => {
  it('LIMIT of the chain alone: a history rewritten and recomputed with the published hash function verifies as intact without an anchor', async () => {
    rewriteHistory(core.db, `UPDATE answer_audit SET new_value = 'delvis', new_note = 'Ändrad i efterhand', actor = 'Någon annan' WHERE seq = 1`);
    expect(core.db.prepare('SELECT new_value FROM answer_audit WHERE seq = 1').pluck().get()).toBe('delvis');
    expect(await core.call('audit.verify', { reviewId })).toEqual({ ok: true, checked: 4, head: expect.stringMatching(/^[0-9a-f]{64}$/), records: { checked: 0 } });
  });

  it('the same rewrite is found against the head hash noted before it', async () => {
    const noted = (await core.call('audit.verify', { reviewId })).head!;
    rewriteHistory(core.db, `UPDATE answer_audit SET new_value = 'delvis', new_note = 'Ändrad i efterhand', actor = 'Någon annan' WHERE seq = 1`);
    expect(await core.call('audit.verify', { reviewId, anchor: noted })).toEqual({
      ok: false,
      checked: 4,
      firstBroken: { kind: 'anchor', seq: null, at: null, reason: 'Den antecknade kontrollsumman finns inte längre i kedjan: historiken före den har skrivits om eller tagits bort.' },
      records: { checked: 0 },
    });
  });

  it('a truncated trail (last rows and their answers removed, sqlite_sequence lowered, chain recomputed) is found against an anchor taken after those rows', async () => {
    const afterFour = (await core.call('audit.verify', { reviewId })).head!;
    const afterTwo = hashOfSeq(2);
    rewriteHistory(
      core.db,
      `DELETE FROM answer_audit WHERE seq > 2;
       DELETE FROM answer WHERE NOT (case_id = '${caseIds[0]}' AND question_id = '${questions[0]}');
       UPDATE sqlite_sequence SET seq = 2 WHERE name = 'answer_audit';`,
    );
    expect(await core.call('audit.verify', { reviewId })).toMatchObject({ ok: true, checked: 2 });
    expect(await core.call('audit.verify', { reviewId, anchor: afterFour })).toMatchObject({ ok: false, firstBroken: { kind: 'anchor' } });
    // An anchor protects the history up to where it was noted, and no further.
    expect(await core.call('audit.verify', { reviewId, anchor: afterTwo })).toMatchObject({ ok: true, checked: 2, anchor: { seq: 2 } });
  });

  it('an intact trail contains every head noted earlier, in either case, and says where', async () => {
    const early = hashOfSeq(2);
    await core.call('answers.save', { reviewId, caseId: caseIds[1], questionId: questions[1], value: 'nej' });
    expect(await core.call('audit.verify', { reviewId, anchor: early.toUpperCase() })).toEqual({
      ok: true,
      checked: 5,
      head: hashOfSeq(5),
      anchor: { seq: 2, at: FIXED_NOW.toISOString() },
      records: { checked: 0 },
    });
  });

  it('a head copied back with spaces or a line break around it is still recognised', async () => {
    const early = hashOfSeq(2);
    expect((await core.call('audit.verify', { reviewId, anchor: ` ${early}\n` })).anchor).toEqual({ seq: 2, at: FIXED_NOW.toISOString() });
  });

  it('a row before the anchor changed without recomputing is named itself, not only as a missing anchor', async () => {
    const noted = hashOfSeq(4);
    withoutTrigger('answer_audit_no_update', `UPDATE answer_audit SET new_note = 'Ändrad' WHERE seq = 1`);
    expect((await core.call('audit.verify', { reviewId, anchor: noted })).firstBroken).toMatchObject({ kind: 'content', seq: 1 });
  });

  it('the anchor must be 64 hex digits; one whose digits read like a personnummer is still compared, not refused by the identity guard', async () => {
    const bad = await core.dispatch('audit.verify', { reviewId, anchor: 'abc' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '$.anchor', message: expect.stringMatching(/64 tecken 0–9 och a–f/) }] } });
    // About 1 SHA-256 hash in 175 holds such a run between two letters; refusing it would refuse the workbench's own output.
    const looksLikeNumber = `ab201701012393${'c'.repeat(50)}`;
    expect(await core.call('audit.verify', { reviewId, anchor: looksLikeNumber })).toMatchObject({ ok: false, firstBroken: { kind: 'anchor' } });
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

describe('opening a database whose report log lost its guard', () => {
  it('opens it for reading only, naming the trigger, like a broken answers trail', async () => {
    core.db.exec('DROP TRIGGER report_event_no_delete');
    core.close();
    const reopened = createCore({ dbPath: path.join(core.dir, 'test.sqlite'), now: () => FIXED_NOW, actor: 'Bo', logError: () => {} });
    try {
      expect(reopened.auditProblem).toMatchObject({ code: 'AUDIT_BROKEN', message: expect.stringMatching(/triggern report_event_no_delete har tagits bort/) });
      expect(checkAuditOnOpen(reopened.db)).toMatchObject({ ok: false, firstBroken: { kind: 'triggers' } });
      const save = await reopened.dispatch('answers.save', { reviewId, caseId: caseIds[0], questionId: questions[2], value: 'ja' });
      expect(save).toEqual({ ok: false, error: reopened.auditProblem });
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
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checked: 1, firstBroken: { kind: 'link', seq: 3 } });
  });

  it('prints the head to note outside the workbench; with --anchor it finds the recomputed rewrite that passes without it (exit 0 → exit 2)', () => {
    core.close();
    const db = path.join(core.dir, 'test.sqlite');
    const intact = granska(['--db', db, 'audit', 'verify', reviewId]);
    expect(intact.code).toBe(0);
    const head = /Kedjans kontrollsumma nu: ([0-9a-f]{64})\n/.exec(intact.stdout)![1];
    expect(intact.stdout).toContain('Anteckna den utanför Granskningsbänken, i diariet eller i tjänsteutlåtandet.');
    expect(intact.stdout).toContain(`granska audit verify ${reviewId} --anchor ${head}`);
    const anchored = granska(['--db', db, 'audit', 'verify', reviewId, '--anchor', head]);
    expect(anchored.code).toBe(0);
    expect(anchored.stdout).toMatch(/Den antecknade kontrollsumman finns i kedjan, vid loggrad 4 \(.+\): allt fram till den är oförändrat/);

    const raw = createCore({ dbPath: db });
    rewriteHistory(raw.db, `UPDATE answer_audit SET old_value = 'delvis' WHERE seq = 2`);
    raw.close();
    expect(granska(['--db', db, 'audit', 'verify', reviewId]).code).toBe(0); // the limit of an unkeyed chain
    const found = granska(['--db', db, 'audit', 'verify', reviewId, '--anchor', head]);
    expect(found.code).toBe(2);
    expect(found.stdout).toBe(
      'Ändringsloggen är BRUTEN. Orsak: Den antecknade kontrollsumman finns inte längre i kedjan: historiken före den har skrivits om eller tagits bort.\n' +
        'Kedjans 4 rader hänger ihop med varandra, men kedjan har alltså räknats om efter att kontrollsumman antecknades.\n',
    );
    expect(JSON.parse(granska(['--db', db, 'audit', 'verify', reviewId, '--anchor', head, '--json']).stdout)).toMatchObject({ ok: false, firstBroken: { kind: 'anchor' } });

    const malformed = granska(['--db', db, 'audit', 'verify', reviewId, '--anchor', head.slice(1)]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/Kontrollsumman ska vara 64 tecken/);
  });

  it('after a trigger break says the rows were not checked, not "0 rader före den stämde"', () => {
    core.close();
    const db = path.join(core.dir, 'test.sqlite');
    const raw = createCore({ dbPath: db });
    raw.db.exec('DROP TRIGGER answer_audit_on_update');
    raw.close();
    const broken = granska(['--db', db, 'audit', 'verify', reviewId]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).not.toMatch(/rader före den stämde/);
    expect(broken.stdout).toMatch(/^Ändringsloggen är BRUTEN\. Orsak: Databasens skydd av ändringsloggen saknas \(triggern answer_audit_on_update har tagits bort\)\.\nFelet sitter i databasens skydd av loggen, inte i en enskild loggrad\. Loggens rader kontrollerades inte/);
  });
});
