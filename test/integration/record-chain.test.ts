import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditOnOpen, EXPECTED_AUDIT_TRIGGERS, verifyAudit } from '../../main/core/db/audit-chain/check';
import { hashOfRecord, registerAuditFunctions, type RecordRow } from '../../main/core/db/audit-chain/hash';
import { createCore } from '../../main/core/core';
import { migrations } from '../../main/core/db/migrations';
import { RECORD_BACKFILL_ACTOR, RECORD_TRIGGERS_V9 } from '../../main/core/db/migrations/009-record-chain';
import { openDatabase } from '../../main/core/db/open';
import type { ProfileRole } from '../../shared/contract/profile';
import type { Template } from '../../shared/templates/schema';
import { validAnswer } from '../support/answer-all';
import { granska } from '../support/cli';
import { simplePdf } from '../support/pdf';
import { FIXED_NOW, testCore, type TestCore } from '../support/core';

/*
 * The record chain (händelseloggen, migration 009): approvals, reopenings, the report's revisions
 * and log, the frozen approved version, appendices, findings, done marks and threshold changes are
 * chained per review like the answers, written only by triggers, and `granska audit verify`
 * replays the chain against the tables: a row added, removed or changed outside the program exits 2.
 */

/** A real PDF, read through for personnummer like any attached file. */
const PDF = simplePdf('Yttrande från stadsdelsnämnden Norr.');
const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const OVERRIDE = 'Testet går vidare med ett exempel.';
/** Tests that run `granska` as a process (tsx compiles it on every start): slow on a busy machine. */
const CLI_TIMEOUT = 120_000;

const PEOPLE: Record<ProfileRole, { name: string; title: string }> = {
  granskare: { name: 'Anna Inspektör', title: 'Socialtjänstinspektör' },
  avdelningschef: { name: 'Berit Chef', title: 'Avdelningschef' },
  socialdirektor: { name: 'Dora Direktör', title: 'Socialdirektör' },
  namndsekreterare: { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare' },
};

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

const as = (core: TestCore, role: ProfileRole) => core.call('profile.save', { ...PEOPLE[role], role });

/**
 * The example review worked the way the issue lists: a file completed, marked done, reopened and
 * marked done again; a note marked as a finding and one unmarked; the threshold changed; the memo
 * saved, an appendix listed, attached, renamed and another removed; sent, approved by both roles
 * (the last approval freezes the documents), reopened with a reason (revoking both approvals and
 * the frozen version), sent and approved by both again.
 */
async function workedReview() {
  const core = testCore();
  opened.push(core);
  const { id: reviewId } = await core.call('reviews.createExample', {});
  await core.call('reviews.update', { reviewId, dnr: 'SOF 2024/543', inspectors: [{ name: 'Anna Inspektör', phone: '08-50825262' }] });

  // Done marks: the first sampled file completed, marked done, reopened, done again.
  const template = (await core.call('templates.get', { id: (await core.call('reviews.get', { reviewId })).templateId })).template as Template;
  const file = (await core.call('sampling.get', { reviewId }))!.cases.find((c) => c.status !== 'dropped')!;
  for (const q of template.questions.filter((q) => q.required)) {
    const existing = core.db.prepare('SELECT 1 FROM answer WHERE case_id = ? AND question_id = ?').get(file.caseId, q.id);
    if (!existing) await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: q.id, value: validAnswer(template, q) });
  }
  await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: true });
  await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: false });
  await core.call('cases.setDone', { reviewId, caseId: file.caseId, done: true });

  // Findings: two notes marked (the example has one; a second is written), then one unmarked.
  const marks = core.db
    .prepare(`SELECT a.case_id, a.question_id FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.review_id = ? AND a.note IS NOT NULL ORDER BY a.question_id LIMIT 2`)
    .all(reviewId) as { case_id: string; question_id: string }[];
  if (marks.length < 2) {
    const q = template.questions.find((x) => x.required && !marks.some((n) => n.question_id === x.id))!;
    await core.call('answers.save', { reviewId, caseId: file.caseId, questionId: q.id, value: validAnswer(template, q), note: 'Planen följdes upp i tid.' });
    marks.push({ case_id: file.caseId, question_id: q.id });
  }
  for (const n of marks) await core.call('findings.mark', { reviewId, caseId: n.case_id, questionId: n.question_id, finding: true });
  await core.call('findings.mark', { reviewId, caseId: marks[1].case_id, questionId: marks[1].question_id, finding: false });

  await core.call('reviews.setPublishThreshold', { reviewId, threshold: 6, reason: 'Små enheter ska inte kunna pekas ut.' });

  // The memo and its appendices, before anyone approves.
  await as(core, 'granskare');
  const report = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision: report.revision, draft: report.draft });
  const listed = await core.call('appendix.plan', { reviewId, title: 'Protokollsutdrag' });
  const dropped = await core.call('appendix.plan', { reviewId, title: 'Utkast som inte behövs' });
  await as(core, 'namndsekreterare');
  await core.call('appendix.attach', { reviewId, id: listed.id, fileName: 'protokoll.pdf', contentBase64: b64(PDF) });
  await core.call('appendix.update', { reviewId, id: listed.id, title: 'Protokollsutdrag från nämnden' });
  await core.call('appendix.remove', { reviewId, id: dropped.id });

  // Sent, approved by both roles, reopened, approved again.
  await as(core, 'avdelningschef');
  await core.call('report.submit', { reviewId, override: OVERRIDE });
  await core.call('report.approve', { reviewId, override: OVERRIDE });
  await as(core, 'socialdirektor');
  await core.call('report.approve', { reviewId, override: OVERRIDE });
  await as(core, 'avdelningschef');
  await core.call('report.reopen', { reviewId, reason: 'En siffra i tabellen var fel.' });
  await core.call('report.submit', { reviewId, override: OVERRIDE });
  await core.call('report.approve', { reviewId, override: OVERRIDE });
  await as(core, 'socialdirektor');
  await core.call('report.approve', { reviewId, override: OVERRIDE });
  return { core, reviewId, file: path.join(core.dir, 'test.sqlite') };
}

const kinds = (core: TestCore, reviewId: string) => core.db.prepare('SELECT DISTINCT kind FROM record_log WHERE review_id = ? ORDER BY kind').pluck().all(reviewId);

/** Runs raw SQL on the closed database file as an attacker would: better-sqlite3 without the app's functions. */
function raw<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * The attacker's way round triggers: drop them, write, re-create them byte for byte, so the check of
 * the triggers passes. Without the app's functions every trigger a statement could fire must go:
 * SQLite resolves the functions when it compiles the statement, whether or not the trigger's WHEN holds.
 */
function withoutTrigger(db: Database.Database, names: string | string[], sql: string): void {
  const all = typeof names === 'string' ? [names] : names;
  for (const name of all) db.exec(`DROP TRIGGER ${name}`);
  db.exec(sql);
  for (const name of all) db.exec(EXPECTED_AUDIT_TRIGGERS[name]);
}

const verifyJson = (file: string, reviewId: string) => {
  const run = granska(['--db', file, 'audit', 'verify', reviewId, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as { ok: boolean; firstBroken?: { kind: string; seq: number | null; reason: string }; records: { checked: number; head?: string } } };
};

describe('what the record chain records', () => {
  it('an untouched review with submit, approvals, reopening, done marks, findings and appendices verifies ok, on open, through audit.verify and the CLI (exit 0)', async () => {
    const { core, reviewId, file } = await workedReview();
    expect(kinds(core, reviewId)).toEqual(
      ['approval', 'approval_revoked', 'appendix', 'appendix_deleted', 'case_event', 'finding', 'finding_removed', 'frozen', 'frozen_revoked', 'publication_event', 'report', 'report_event'].sort(),
    );
    const rows = core.db.prepare('SELECT COUNT(*) FROM record_log WHERE review_id = ?').pluck().get(reviewId) as number;
    const report = await core.call('audit.verify', { reviewId });
    expect(report).toMatchObject({ ok: true, records: { checked: rows, head: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(report.records.head).toBe(core.db.prepare('SELECT hash FROM record_log WHERE review_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(reviewId));
    expect(verifyAudit(core.db)).toMatchObject({ ok: true });
    expect(checkAuditOnOpen(core.db)).toMatchObject({ ok: true });

    // Every approval, with its role and the draft it approved, is one entry; the reopening revoked both.
    const approvals = core.db.prepare(`SELECT body FROM record_log WHERE review_id = ? AND kind = 'approval' ORDER BY seq`).pluck().all(reviewId) as string[];
    expect(approvals.map((b) => JSON.parse(b) as { name: string; role: string; draft_sha256: string })).toMatchObject([
      { name: 'Berit Chef', role: 'avdelningschef', draft_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { name: 'Dora Direktör', role: 'socialdirektor' },
      { name: 'Berit Chef', role: 'avdelningschef' },
      { name: 'Dora Direktör', role: 'socialdirektor' },
    ]);
    expect(core.db.prepare(`SELECT COUNT(*) FROM record_log WHERE review_id = ? AND kind = 'approval_revoked'`).pluck().get(reviewId)).toBe(2);

    core.close();
    const cli = granska(['--db', file, 'audit', 'verify', reviewId]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`Händelseloggen (godkännanden, återöppningar, utlåtandets versioner, bilagor, fynd och klarmarkeringar) är hel och stämmer med databasen: ${rows} rader kontrollerade.`);
    expect(cli.stdout).toContain(`Händelseloggens kontrollsumma nu: ${report.records.head}`);
    expect(cli.stdout).toContain(`granska audit verify ${reviewId} --anchor ${report.records.head}`);
    expect(verifyJson(file, reviewId)).toMatchObject({ code: 0, report: { ok: true, records: { checked: rows } } });
  }, CLI_TIMEOUT);

  it('a tool without the app\'s functions cannot approve, reopen, save the memo, attach or mark a finding at all', async () => {
    const { core, reviewId, file } = await workedReview();
    const before = core.db.prepare('SELECT COUNT(*) FROM report_approval').pluck().get();
    core.close();
    raw(file, (db) => {
      expect(() =>
        db.prepare(`INSERT INTO report_approval (review_id, name, title, approved_at, actor, role) VALUES (?, 'Falsk Chef', 'Socialdirektör', '2026-11-24T08:00:00.000Z', 'Falsk Chef', 'socialdirektor')`).run(reviewId),
      ).toThrow(/no such function: granska_record_hash/);
      expect(() => db.prepare(`UPDATE report_approval SET revoked_at = '2026-11-24T08:00:00.000Z' WHERE revoked_at IS NULL`).run()).toThrow(/no such function/);
      expect(() => db.prepare(`UPDATE report SET status = 'utkast'`).run()).toThrow(/no such function/);
      expect(() => db.prepare(`INSERT INTO report_event (review_id, at, actor, action) VALUES (?, 'x', 'x', 'sparad')`).run(reviewId)).toThrow(/no such function/);
      expect(() => db.prepare(`UPDATE appendix SET title = 'Annan titel'`).run()).toThrow(/no such function/);
      expect(() => db.prepare('DELETE FROM finding').run()).toThrow(/no such function/);
      expect(db.prepare('SELECT COUNT(*) FROM report_approval').pluck().get()).toBe(before);
    });
    expect(verifyJson(file, reviewId).code).toBe(0);
  }, CLI_TIMEOUT);

  it('chains per review and hashes what it stores: the stored rows recompute to their hashes', async () => {
    const { core, reviewId } = await workedReview();
    const rows = core.db.prepare('SELECT * FROM record_log WHERE review_id = ? ORDER BY seq').all(reviewId) as (RecordRow & { prev_hash: string | null; hash: string })[];
    let prev: string | null = null;
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(hashOfRecord(prev, row)).toBe(row.hash);
      prev = row.hash;
    }
  });
});

describe('granska audit verify exits 2 on a row forged or removed directly in SQLite', () => {
  it('(a) an approval inserted directly: refused without the app\'s functions; with the trigger dropped and re-created identically, exit 2 naming it', async () => {
    const { core, reviewId, file } = await workedReview();
    core.close();
    const forge = `INSERT INTO report_approval (review_id, name, title, approved_at, actor, role) VALUES ('${reviewId}', 'Falsk Chef', 'Socialdirektör', '2026-11-24T08:00:00.000Z', 'Falsk Chef', 'socialdirektor')`;
    raw(file, (db) => {
      expect(() => db.exec(forge)).toThrow(/no such function: granska_record_hash/);
      withoutTrigger(db, 'report_approval_recorded', forge);
      // The trigger is back byte for byte: the check of the triggers alone would pass.
      expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'report_approval_recorded'`).pluck().get()).toBe(RECORD_TRIGGERS_V9.report_approval_recorded);
    });

    const { code, report } = verifyJson(file, reviewId);
    expect(code).toBe(2);
    expect(report).toMatchObject({ ok: false, firstBroken: { kind: 'records', seq: null, reason: expect.stringMatching(/^Godkännandet av Falsk Chef \(2026-11-24 \d\d:00\) finns inte i händelseloggen: raden har lagts till utanför programmet\.$/) } });
    const human = granska(['--db', file, 'audit', 'verify', reviewId]);
    expect(human.code).toBe(2);
    expect(human.stdout).toMatch(/^Händelseloggen är BRUTEN\. Orsak: Godkännandet av Falsk Chef/);

    // The check on open finds it too (it is among the newest rows): the workbench opens read-only.
    const reopened = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Bo', logError: () => {} });
    try {
      expect(reopened.auditProblem).toMatchObject({ code: 'AUDIT_BROKEN', message: expect.stringContaining('Godkännandet av Falsk Chef') });
    } finally {
      reopened.close();
    }
  }, CLI_TIMEOUT);

  it('(a) the same forgery through a connection that has the app\'s hash but lacks the record trigger (dropped for the insert only) is found by the whole-database check as well', async () => {
    const { core, reviewId } = await workedReview();
    withoutTrigger(core.db, 'report_approval_recorded', `INSERT INTO report_approval (review_id, name, title, approved_at, actor) VALUES ('${reviewId}', 'Falsk Chef', '', '2026-11-24T08:00:00.000Z', 'x')`);
    expect(verifyAudit(core.db)).toMatchObject({ ok: false, firstBroken: { kind: 'records', reason: expect.stringMatching(/^Godkännandet av Falsk Chef/) } });
  });

  it('(b) a report event deleted directly (the guard dropped, the row deleted, the guard re-created): exit 2 naming it', async () => {
    const { core, reviewId, file } = await workedReview();
    const reopening = core.db.prepare(`SELECT seq FROM report_event WHERE review_id = ? AND action = 'ateroppnad'`).pluck().get(reviewId) as number;
    const entry = core.db.prepare(`SELECT seq FROM record_log WHERE kind = 'report_event' AND ref = ?`).pluck().get(String(reopening)) as number;
    core.close();
    raw(file, (db) => withoutTrigger(db, 'report_event_no_delete', `DELETE FROM report_event WHERE seq = ${reopening}`));

    const { code, report } = verifyJson(file, reviewId);
    expect(code).toBe(2);
    expect(report.firstBroken).toEqual({
      kind: 'records',
      seq: entry,
      at: FIXED_NOW.toISOString(),
      reason: expect.stringMatching(/^Händelsen ”öppnades igen” i utlåtandets historik \(2026-11-23 \d\d:00, Test Testsson\) finns i händelseloggen men inte längre i databasen: raden har tagits bort utanför programmet\.$/),
    });
  }, CLI_TIMEOUT);

  it('a revocation erased (the approval back in force), the memo changed, a finding unmarked, an appendix file swapped, a done mark added: each named', async () => {
    const cases: { name: string; tamper: (db: Database.Database, reviewId: string) => void; reason: RegExp }[] = [
      {
        name: 'revocation erased',
        tamper: (db) => withoutTrigger(db, ['report_approval_no_update', 'report_approval_revocation_recorded'], `UPDATE report_approval SET revoked_at = NULL WHERE seq = 1`),
        reason: /^Godkännandet av Berit Chef \(.+\) är återkallat enligt händelseloggen men gäller i databasen: återkallelsen har tagits bort utanför programmet\.$/,
      },
      {
        name: 'memo changed',
        tamper: (db) => withoutTrigger(db, 'report_recorded_on_update', `UPDATE report SET draft = json_set(draft, '$.header.dnr', 'SOF 1999/1')`),
        reason: /^Utlåtandet \(revision \d+, godkänt\) stämmer inte med händelseloggens senaste rad: det har ändrats utanför programmet\.$/,
      },
      {
        name: 'finding unmarked',
        tamper: (db) => withoutTrigger(db, 'finding_recorded_on_delete', 'DELETE FROM finding'),
        reason: /^Fyndmarkeringen på fråga \S+ i akt \S+ finns i händelseloggen men inte längre i databasen: den har tagits bort utanför programmet\.$/,
      },
      {
        // The bytes alone write no entry (the trigger's WHEN is false): the checksum in the chain is compared with them.
        name: 'appendix file swapped',
        tamper: (db) => withoutTrigger(db, 'appendix_recorded_on_update', `UPDATE appendix SET content = CAST('%PDF-1.4 annan fil' AS BLOB), bytes = 18 WHERE content IS NOT NULL`),
        reason: /^Filen i bilagan ”Protokollsutdrag från nämnden” stämmer inte med sin kontrollsumma: den har bytts ut utanför programmet\.$/,
      },
      {
        name: 'done mark added',
        tamper: (db, reviewId) =>
          withoutTrigger(db, 'case_event_recorded', `INSERT INTO case_event (review_id, case_id, action, at, actor) SELECT review_id, id, 'done', '2026-11-24T08:00:00.000Z', 'Någon' FROM case_file WHERE review_id = '${reviewId}' LIMIT 1`),
        reason: /^Markeringen av akt \S+ som klar \(2026-11-24 \d\d:00, Någon\) finns inte i händelseloggen: raden har lagts till utanför programmet\.$/,
      },
    ];
    // One worked review, tampered with in copies of its file (closed, so the WAL is folded in).
    const { core, reviewId, file } = await workedReview();
    core.close();
    for (const [i, c] of cases.entries()) {
      const copy = path.join(core.dir, `kopia-${i}.sqlite`);
      fs.copyFileSync(file, copy);
      raw(copy, (db) => c.tamper(db, reviewId));
      const { db } = openDatabase(copy, { now: () => FIXED_NOW, actor: 'Bo', logError: () => {} });
      try {
        expect(verifyAudit(db, reviewId), c.name).toMatchObject({ ok: false, firstBroken: { kind: 'records', reason: expect.stringMatching(c.reason) } });
      } finally {
        db.close();
      }
    }
    // The untouched original still verifies.
    expect(
      raw(file, (db) => {
        registerAuditFunctions(db, { now: () => FIXED_NOW, actor: 'Bo' });
        return verifyAudit(db, reviewId).ok;
      }),
    ).toBe(true);
  });

  it('the chain itself: a row changed, a row removed from the middle or from the end, a record trigger dropped', async () => {
    const { core, reviewId } = await workedReview();
    const seqs = core.db.prepare('SELECT seq FROM record_log WHERE review_id = ? ORDER BY seq').pluck().all(reviewId) as number[];
    const verify = () => core.call('audit.verify', { reviewId });

    withoutTrigger(core.db, 'record_log_no_update', `UPDATE record_log SET actor = 'Någon annan' WHERE seq = ${seqs[3]}`);
    expect((await verify()).firstBroken).toMatchObject({ kind: 'record-content', seq: seqs[3], reason: 'En rad i händelseloggen har ändrats efter att den skrevs.' });
    expect(checkAuditOnOpen(core.db).ok).toBe(false);
    withoutTrigger(core.db, 'record_log_no_delete', `DELETE FROM record_log WHERE seq = ${seqs[3]}`);
    expect((await verify()).firstBroken).toMatchObject({ kind: 'record-link', seq: seqs[4], reason: expect.stringMatching(/^Länken till föregående rad i händelseloggen stämmer inte/) });

    const last = seqs[seqs.length - 1];
    withoutTrigger(core.db, 'record_log_no_delete', `DELETE FROM record_log WHERE seq = ${last}`);
    expect((await verify()).firstBroken).toEqual({ kind: 'record-end', seq: last, at: null, reason: `Händelseloggens sista rader har tagits bort: rad ${last} har skrivits men loggen slutar vid rad ${last - 1}.` });

    core.db.exec('DROP TRIGGER report_approval_recorded');
    expect((await verify()).firstBroken).toEqual({ kind: 'triggers', seq: null, at: null, reason: 'Databasens skydd av ändringsloggen saknas (triggern report_approval_recorded har tagits bort).' });
  });
});

describe('the anchor and the record chain', () => {
  /** Drops the record chain's triggers, changes the tables and rewrites every entry's body and hash with the published function. */
  function rewriteRecords(db: Database.Database, change: string, entries: string): void {
    for (const name of Object.keys(RECORD_TRIGGERS_V9)) db.exec(`DROP TRIGGER ${name}`);
    for (const name of ['report_approval_no_update']) db.exec(`DROP TRIGGER ${name}`);
    db.exec(change);
    db.exec(entries);
    const heads = new Map<string, string>();
    const relink = db.prepare('UPDATE record_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of db.prepare('SELECT * FROM record_log ORDER BY seq').all() as (RecordRow & { seq: number })[]) {
      const prev = heads.get(row.review_id) ?? null;
      const hash = hashOfRecord(prev, row);
      relink.run(prev, hash, row.seq);
      heads.set(row.review_id, hash);
    }
    for (const name of [...Object.keys(RECORD_TRIGGERS_V9), 'report_approval_no_update']) db.exec(EXPECTED_AUDIT_TRIGGERS[name]);
  }

  it('LIMIT: an approver\'s name rewritten in the table and in a chain recomputed with the published function passes without an anchor; the record head noted before it catches it (exit 2)', async () => {
    const { core, reviewId, file } = await workedReview();
    const noted = (await core.call('audit.verify', { reviewId })).records.head!;
    core.close();
    raw(file, (db) =>
      rewriteRecords(
        db,
        `UPDATE report_approval SET name = 'Falsk Chef' WHERE seq = 1`,
        `UPDATE record_log SET body = json_set(body, '$.name', 'Falsk Chef') WHERE kind = 'approval' AND ref = '1'`,
      ),
    );
    expect(verifyJson(file, reviewId)).toMatchObject({ code: 0, report: { ok: true } });
    const anchored = granska(['--db', file, 'audit', 'verify', reviewId, '--anchor', noted, '--json']);
    expect(anchored.code).toBe(2);
    expect(JSON.parse(anchored.stdout)).toMatchObject({ ok: false, firstBroken: { kind: 'anchor' } });
  }, CLI_TIMEOUT);

  it('an intact chain contains the record head noted earlier, and says where', async () => {
    const { core, reviewId } = await workedReview();
    const early = core.db.prepare(`SELECT seq, at, hash FROM record_log WHERE review_id = ? AND kind = 'approval' ORDER BY seq LIMIT 1`).get(reviewId) as { seq: number; at: string; hash: string };
    const report = await core.call('audit.verify', { reviewId, anchor: early.hash.toUpperCase() });
    expect(report).toMatchObject({ ok: true, records: { anchor: { seq: early.seq, at: early.at } } });
    expect(report.anchor).toBeUndefined();
  });
});

describe('migration 009', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('(d) a database at schema 8 with rows in every logged table migrates, verifies ok, and a later forgery is still found', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-records-'));
    const file = path.join(dir, 'v8.sqlite');
    const stamp = () => new Date('2026-10-01T08:00:00Z');
    const v8 = openDatabase(file, { migrations: migrations.slice(0, 8), now: stamp, actor: 'Anna' }).db;
    const sha = (text: string) => v8.prepare('SELECT granska_sha256(?)').pluck().get(Buffer.from(text)) as string;
    v8.exec(`
      INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
      INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
      INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r2', 'R2', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
      INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) VALUES ('c1', 'r', 'AKT-1', 'A', 'F', 'x'), ('c2', 'r2', 'AKT-2', 'A', 'M', 'x');
      UPDATE case_file SET done_at = '2026-09-01T08:00:00.000Z' WHERE id = 'c1';
      UPDATE case_file SET done_at = NULL WHERE id = 'c1';
      UPDATE case_file SET done_at = '2026-09-02T08:00:00.000Z' WHERE id = 'c2';
      INSERT INTO publication_event (review_id, at, actor, from_threshold, to_threshold, reason) VALUES ('r', '2026-09-03T08:00:00.000Z', 'Anna', 5, 4, 'Nämnden vill se mer.');
      INSERT INTO answer (case_id, question_id, value, note, updated_at, updated_by) VALUES ('c1', 'T1', 'nej', 'Saknas.', '2026-09-04T08:00:00.000Z', 'Anna');
      INSERT INTO finding (case_id, question_id, review_id, marked_at, marked_by) VALUES ('c1', 'T1', 'r', '2026-09-05T08:00:00.000Z', 'Anna');
      INSERT INTO report (review_id, status, draft, revision, created_at, created_by, updated_at, updated_by) VALUES ('r', 'godkand', '{"a":1}', 6, 'x', 'Anna', '2026-09-10T08:00:00.000Z', 'Berit');
      INSERT INTO report_event (review_id, at, actor, action) VALUES ('r', '2026-09-06T08:00:00.000Z', 'Anna', 'skapad'), ('r', '2026-09-08T08:00:00.000Z', 'Berit', 'godkand'),
        ('r', '2026-09-09T08:00:00.000Z', 'Berit', 'ateroppnad'), ('r', '2026-09-10T08:00:00.000Z', 'Berit', 'godkand');
      INSERT INTO report_approval (review_id, name, title, approved_at, actor, revoked_at) VALUES ('r', 'Berit Chef', 'Avdelningschef', '2026-09-08T08:00:00.000Z', 'Berit', '2026-09-09T08:00:00.000Z');
      INSERT INTO report_approval (review_id, name, title, approved_at, actor, role, draft_sha256) VALUES ('r', 'Berit Chef', 'Avdelningschef', '2026-09-10T08:00:00.000Z', 'Berit', 'avdelningschef', '${'b'.repeat(64)}');
      INSERT INTO report_frozen (review_id, revision, frozen_at, memo, memo_sha256, bilaga1, bilaga1_sha256, appendices)
        VALUES ('r', 6, '2026-09-10T08:00:00.000Z', CAST('memo' AS BLOB), '${sha('memo')}', CAST('bilaga' AS BLOB), '${sha('bilaga')}', '[]');
      INSERT INTO appendix (id, review_id, position, title, added_at, added_by) VALUES ('b1', 'r', 1, 'Protokollsutdrag', '2026-09-07T08:00:00.000Z', 'Anna');
      INSERT INTO appendix (id, review_id, position, title, file_name, kind, bytes, sha256, content, added_at, added_by, attached_at, attached_by)
        VALUES ('b2', 'r', 2, 'Yttrande', 'y.pdf', 'pdf', 4, '${sha('%PDF')}', CAST('%PDF' AS BLOB), '2026-09-07T09:00:00.000Z', 'Anna', '2026-09-07T09:00:00.000Z', 'Cecilia');
    `);
    v8.close();

    const { db } = openDatabase(file, { now: stamp, actor: 'Anna', logError: () => {} });
    try {
      const entries = db.prepare(`SELECT kind, actor FROM record_log WHERE review_id = 'r' ORDER BY seq`).all() as { kind: string; actor: string }[];
      // In time order, ties by kind: the reopening was stamped by the schema-8 clock (10-01), the report's state at its last change.
      expect(entries.map((e) => e.kind)).toEqual([
        'case_event',
        'publication_event',
        'finding',
        'report_event',
        'appendix',
        'appendix',
        'report_event',
        'approval',
        'report_event',
        'approval_revoked',
        'report',
        'report_event',
        'approval',
        'frozen',
        'case_event',
      ]);
      expect(entries.find((e) => e.kind === 'frozen')!.actor).toBe(RECORD_BACKFILL_ACTOR);
      expect(verifyAudit(db, 'r')).toMatchObject({ ok: true, records: { checked: 15 } });
      expect(verifyAudit(db, 'r2')).toMatchObject({ ok: true, records: { checked: 1 } });
      expect(verifyAudit(db)).toMatchObject({ ok: true });
      expect(checkAuditOnOpen(db).ok).toBe(true);
      // The chain goes on where the backfill stopped.
      db.exec(`UPDATE case_file SET done_at = NULL WHERE id = 'c2'`);
      expect(verifyAudit(db, 'r2')).toMatchObject({ ok: true, records: { checked: 2 } });
    } finally {
      db.close();
    }

    expect(verifyJson(file, 'r')).toMatchObject({ code: 0, report: { ok: true, records: { checked: 15 } } });
    raw(file, (db) => withoutTrigger(db, 'report_approval_recorded', `INSERT INTO report_approval (review_id, name, title, approved_at, actor) VALUES ('r', 'Falsk Chef', '', '2026-11-24T08:00:00.000Z', 'x')`));
    expect(verifyJson(file, 'r')).toMatchObject({ code: 2, report: { ok: false, firstBroken: { kind: 'records', reason: expect.stringMatching(/^Godkännandet av Falsk Chef/) } } });
  }, CLI_TIMEOUT);

  it('an entry\'s body is the source row\'s fields as canonical JSON (json_object, fixed key order), written by the trigger on a connection with the app\'s functions', () => {
    const db = new Database(':memory:');
    try {
      registerAuditFunctions(db, { now: () => FIXED_NOW, actor: 'Anna' });
      for (const m of migrations) m.up(db);
      db.exec(`
        INSERT INTO template (id, version, name, target_group, origin, document, created_at, updated_at) VALUES ('t', 1, 'T', 'barn', 'user', '{}', 'x', 'x');
        INSERT INTO review (id, title, target_group, reference_date, template_id, template_version, created_at, created_by, updated_at) VALUES ('r', 'R', 'barn', '2024-12-31', 't', 1, 'x', 'x', 'x');
        INSERT INTO report_event (review_id, at, actor, action) VALUES ('r', '2026-09-06T08:00:00.000Z', 'Anna', 'skapad');
      `);
      expect(db.prepare('SELECT kind, actor, body FROM record_log').all()).toEqual([
        { kind: 'report_event', actor: 'Anna', body: '{"seq":1,"at":"2026-09-06T08:00:00.000Z","actor":"Anna","action":"skapad","note":null}' },
      ]);
    } finally {
      db.close();
    }
  });
});
