import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../main/server/server';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

/**
 * Issue 7, item 3: once a review has a sample, only its selected files and replacements are
 * scored — by every face, since the rule lives in the core behind dispatch.
 */

let core: TestCore;
let reviewId: string;

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Five files in Enhet A, three in Enhet B. */
const FRAME = 'akt;enhet;kön\nA1;Enhet A;flicka\nA2;Enhet A;pojke\nA3;Enhet A;flicka\nA4;Enhet A;pojke\nA5;Enhet A;flicka\nB1;Enhet B;pojke\nB2;Enhet B;flicka\nB3;Enhet B;pojke\n';

const answerRows = () => core.db.prepare('SELECT COUNT(*) FROM answer').pluck().get() as number;
const auditRows = () => core.db.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get() as number;

async function sampleOf() {
  const sample = (await core.call('sampling.get', { reviewId }))!;
  const all = (await core.call('cases.list', { reviewId })).cases;
  const inSample = new Set(sample.cases.map((c) => c.caseId));
  return {
    sample,
    selected: (unit: string) => sample.cases.filter((c) => c.unit === unit && c.status === 'selected'),
    /** A file of the frame the draw did not select (a reserve). */
    reserve: (unit: string) => all.find((c) => c.unit === unit && !inSample.has(c.id))!,
  };
}

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Urvalsregler', referenceDate: '2024-12-31', units: ['Enhet A', 'Enhet B'] }));
  await core.call('cases.import', { reviewId, contentBase64: b64(FRAME) });
});
afterEach(() => core.dispose());

describe('the sample decides what is scored', () => {
  it('without a sample every file may be scored', async () => {
    const caseId = (await core.call('cases.list', { reviewId })).cases[0].id;
    expect((await core.call('scoring.caseView', { reviewId, caseId })).access).toEqual({ scorable: true, sampleStatus: 'no_sample', reason: null, replacedBy: null });
    await core.call('answers.save', { reviewId, caseId, questionId: 'T1', value: 'ja' });
  });

  it('refuses an answer to a file outside the sample, names it, and writes nothing; reading still works', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'regler' });
    const { reserve, selected } = await sampleOf();
    const outside = reserve('Enhet A');

    const view = await core.call('scoring.caseView', { reviewId, caseId: outside.id });
    expect(view.access).toEqual({ scorable: false, sampleStatus: 'reserve', reason: 'Ej i urvalet – akten ingår inte i urvalet och kan inte granskas.', replacedBy: null });

    const error = await core.fails('answers.save', { reviewId, caseId: outside.id, questionId: 'T1', value: 'ja' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(new RegExp(`^Akt ${outside.ref} ingår inte i urvalet och kan inte granskas`));
    expect(error.issues?.[0].path).toBe('$.caseId');
    expect(answerRows()).toBe(0);
    expect((await core.fails('cases.setDone', { reviewId, caseId: outside.id, done: true })).message).toMatch(new RegExp(`^Akt ${outside.ref} ingår inte i urvalet`));
    expect(core.db.prepare('SELECT done_at FROM case_file WHERE id = ?').pluck().get(outside.id)).toBeNull();
    expect((await core.call('answers.history', { reviewId, caseId: outside.id, questionId: 'T1' })).entries).toEqual([]);

    // A file imported after the draw was never in the frame the sample was drawn from.
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet\nA9;Enhet A\n') });
    const late = (await core.call('cases.list', { reviewId, query: 'A9' })).cases[0];
    expect((await core.call('scoring.caseView', { reviewId, caseId: late.id })).access.sampleStatus).toBe('outside');
    expect((await core.fails('answers.save', { reviewId, caseId: late.id, questionId: 'T1', value: 'ja' })).message).toMatch(/^Akt A9 ingår inte i urvalet/);

    // A selected file is scored as before.
    const chosen = selected('Enhet A')[0];
    expect((await core.call('scoring.caseView', { reviewId, caseId: chosen.caseId })).access).toMatchObject({ scorable: true, sampleStatus: 'selected' });
    await core.call('answers.save', { reviewId, caseId: chosen.caseId, questionId: 'T1', value: 'ja' });
    expect(answerRows()).toBe(1);
  });

  it('refuses a dropped file and names the file that replaced it, following a replacement that dropped out too', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'regler' });
    const { selected } = await sampleOf();
    const first = selected('Enhet A')[0];
    const { replacement } = await core.call('sampling.dropout', { reviewId, caseId: first.caseId, reason: 'ej_framtagbar' });

    const view = await core.call('scoring.caseView', { reviewId, caseId: first.caseId });
    expect(view.access).toEqual({ scorable: false, sampleStatus: 'dropped', reason: `Bortfall – ersatt av akt ${replacement!.ref}.`, replacedBy: replacement });
    const error = await core.fails('answers.save', { reviewId, caseId: first.caseId, questionId: 'T1', value: 'ja' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`Akt ${first.ref} är bortfall och ersatt av akt ${replacement!.ref}. Granska akt ${replacement!.ref} i stället.`);
    expect((await core.call('scoring.caseView', { reviewId, caseId: replacement!.caseId })).access).toMatchObject({ scorable: true, sampleStatus: 'replacement' });

    // The replacement drops out as well: the first file now points at the one standing in today.
    const second = await core.call('sampling.dropout', { reviewId, caseId: replacement!.caseId, reason: 'fel_malgrupp' });
    expect((await core.call('scoring.caseView', { reviewId, caseId: first.caseId })).access.replacedBy).toEqual(second.replacement);
    expect((await core.call('scoring.caseView', { reviewId, caseId: replacement!.caseId })).access.replacedBy).toEqual(second.replacement);

    // Enhet B has three files: after one dropout its frame is used up.
    const b = selected('Enhet B');
    await core.call('sampling.dropout', { reviewId, caseId: b[0].caseId, reason: 'annat', note: 'Flyttat' });
    const exhausted = await core.call('sampling.dropout', { reviewId, caseId: b[1].caseId, reason: 'annat', note: 'Flyttat' });
    expect(exhausted.replacement).toBeNull();
    expect((await core.call('scoring.caseView', { reviewId, caseId: b[1].caseId })).access).toMatchObject({ sampleStatus: 'dropped', reason: 'Bortfall – ingen ersättare dragen ännu.', replacedBy: null });
    expect(answerRows()).toBe(0);
  });

  it('names the right replacement whatever the sampling method', async () => {
    // A total of 3 over 5 + 3 files: 2 from Enhet A, 1 from Enhet B (largest remainder).
    await core.call('sampling.draw', { reviewId, method: { kind: 'total', n: 3 }, seed: 'total' });
    const [b] = (await sampleOf()).selected('Enhet B');
    const first = await core.call('sampling.dropout', { reviewId, caseId: b.caseId, reason: 'ej_framtagbar' });
    expect((await core.call('scoring.caseView', { reviewId, caseId: b.caseId })).access.replacedBy).toEqual(first.replacement);
    const second = await core.call('sampling.dropout', { reviewId, caseId: first.replacement!.caseId, reason: 'ej_framtagbar' });
    expect((await core.call('scoring.caseView', { reviewId, caseId: b.caseId })).access.replacedBy).toEqual(second.replacement);
    expect(second.replacement).not.toBeNull();

    // Every file drawn: a dropout has no replacement to name.
    await core.call('sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'alla', replace: true });
    const [a] = (await sampleOf()).selected('Enhet A');
    expect((await core.call('sampling.dropout', { reviewId, caseId: a.caseId, reason: 'fel_malgrupp' })).replacement).toBeNull();
    expect((await core.call('scoring.caseView', { reviewId, caseId: a.caseId })).access).toMatchObject({ sampleStatus: 'dropped', replacedBy: null });
  });

  it('refuses an answers file with a row for a file outside the sample as a whole, naming the files', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'regler' });
    const { reserve, selected } = await sampleOf();
    const inside = selected('Enhet A')[0].ref;
    const outsideA = reserve('Enhet A').ref;
    const outsideB = reserve('Enhet B').ref;
    await core.call('answers.save', { reviewId, caseId: selected('Enhet A')[0].caseId, questionId: 'T1', value: 'nej' });
    const before = { answers: answerRows(), audit: auditRows() };

    const file = `akt;fråga;svar\n${inside};T1;ja\n${inside};T2;ja\n${outsideA};T1;ja\n${outsideB};T1;ja\n`;
    const error = await core.fails('answers.import', { reviewId, fileName: 'svar.csv', contentBase64: b64(file) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`svar.csv: 2 rader gäller akter som inte granskas (utanför urvalet eller bortfall): ${outsideA}, ${outsideB}, så inga svar importerades.`);
    expect(error.issues).toEqual([
      { path: 'rad 4', message: expect.stringMatching(new RegExp(`^Akt ${outsideA} ingår inte i urvalet`)) },
      { path: 'rad 5', message: expect.stringMatching(new RegExp(`^Akt ${outsideB} ingår inte i urvalet`)) },
    ]);
    // Atomic: not even the valid rows were written.
    expect({ answers: answerRows(), audit: auditRows() }).toEqual(before);
    expect((await core.call('scoring.caseView', { reviewId, caseId: selected('Enhet A')[0].caseId })).answers.map((a) => [a.questionId, a.value])).toEqual([['T1', 'nej']]);

    // Asked for explicitly, the valid rows alone go in; the refused ones are listed and never written.
    const partial = await core.call('answers.import', { reviewId, contentBase64: b64(file), validRowsOnly: true });
    expect(partial.imported).toBe(2);
    expect(partial.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(core.db.prepare('SELECT COUNT(*) FROM answer a JOIN case_file c ON c.id = a.case_id WHERE c.ref IN (?, ?)').pluck().get(outsideA, outsideB)).toBe(0);
  });

  it('refuses to draw the sample again once scoring has started, and says how far it has come', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'regler' });
    expect((await core.call('sampling.get', { reviewId }))!.scoringStarted).toBe(false);
    // Before any work a confirmed redraw is allowed.
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'nytt', replace: true });
    const { selected } = await sampleOf();

    await core.call('answers.save', { reviewId, caseId: selected('Enhet A')[0].caseId, questionId: 'T1', value: 'ja' });
    expect((await core.call('sampling.get', { reviewId }))!.scoringStarted).toBe(true);
    const one = await core.fails('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 3 }, seed: 'annat', replace: true });
    expect(one).toMatchObject({ code: 'CONFLICT', message: 'Urvalet kan inte dras om när granskningen har börjat: 1 akt har svar eller är klarmarkerad.' });

    await core.call('answers.save', { reviewId, caseId: selected('Enhet B')[0].caseId, questionId: 'T1', value: 'nej' });
    await core.call('answers.save', { reviewId, caseId: selected('Enhet B')[1].caseId, questionId: 'T1', value: 'nej' });
    expect((await core.fails('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 3 }, seed: 'annat', replace: true })).message).toBe(
      'Urvalet kan inte dras om när granskningen har börjat: 3 akter har svar eller är klarmarkerade.',
    );
    expect((await core.call('sampling.get', { reviewId }))!.seed).toBe('nytt');
  });
});

describe('the same rules from the CLI and over HTTP', () => {
  it('granska refuses scoring and marking done outside the sample, and a redraw after scoring began (exit 2)', async () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--units', 'Enhet A;Enhet B', '--json']).stdout);
    const frame = path.join(core.dir, 'ram.csv');
    fs.writeFileSync(frame, FRAME);
    expect(granska(['--db', db, 'cases', 'import', id, frame]).code).toBe(0);
    const drawn = JSON.parse(granska(['--db', db, 'sample', id, '--per-unit', '2', '--seed', '42', '--json']).stdout) as { sample: string[] };
    const outside = ['A1', 'A2', 'A3', 'A4', 'A5'].find((r) => !drawn.sample.includes(r))!;
    const inside = drawn.sample[0];

    const answers = path.join(core.dir, 'svar.csv');
    fs.writeFileSync(answers, `akt;fråga;svar\n${inside};T1;ja\n${outside};T1;ja\n`);
    const refused = granska(['--db', db, 'answers', 'import', id, answers]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Fel: svar.csv: En rad gäller akter som inte granskas (utanför urvalet eller bortfall): ${outside}, så inga svar importerades.`);
    expect(refused.stderr).toContain(`Akt ${outside} ingår inte i urvalet`);

    const done = granska(['--db', db, 'cases', 'done', id, outside, '--json']);
    expect(done.code).toBe(2);
    expect(JSON.parse(done.stderr).error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^Akt ${outside} ingår inte i urvalet`)) });

    fs.writeFileSync(answers, `akt;fråga;svar\n${inside};T1;ja\n`);
    expect(granska(['--db', db, 'answers', 'import', id, answers]).code).toBe(0);
    const redraw = granska(['--db', db, 'sample', id, '--per-unit', '3', '--seed', '7', '--replace']);
    expect(redraw.code).toBe(2);
    expect(redraw.stderr).toContain('Urvalet kan inte dras om när granskningen har börjat: 1 akt har svar eller är klarmarkerad.');
  });

  it('the browser-mode server gives the same refusal as dispatch', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'regler' });
    const outside = (await sampleOf()).reserve('Enhet B');
    const staticDir = path.join(core.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Granskningsbänken</title>');
    const server = await startServer({ dispatch: core.dispatch, staticDir });
    try {
      const link = new URL(server.url).hash.replace(/^#t=/, '');
      const session = JSON.parse((await post(server.port, '/session', { link })).body).value.sessionToken as string;
      const save = await post(server.port, '/api/answers.save', { reviewId, caseId: outside.id, questionId: 'T1', value: 'ja' }, session);
      expect(save.status).toBe(200);
      expect(JSON.parse(save.body)).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(new RegExp(`^Akt ${outside.ref} ingår inte i urvalet`)), issues: [{ path: '$.caseId', message: expect.any(String) }] },
      });
      const view = JSON.parse((await post(server.port, '/api/scoring.caseView', { reviewId, caseId: outside.id }, session)).body);
      expect(view.value.access).toMatchObject({ scorable: false, sampleStatus: 'reserve' });
      expect(answerRows()).toBe(0);

      // Done means complete, over HTTP too: a sampled file with nothing answered is refused, listing the questions.
      const inSample = (await sampleOf()).selected('Enhet B')[0];
      const done = JSON.parse((await post(server.port, '/api/cases.setDone', { reviewId, caseId: inSample.caseId, done: true }, session)).body);
      expect(done).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^\d+ obligatoriska frågor saknar svar: fråga 1 \(T1\)/) } });
      expect(done.error.issues[0]).toEqual({ path: '$.answers.T1', message: expect.stringMatching(/^Fråga 1 \(T1\) saknar svar/) });
      expect(core.db.prepare('SELECT done_at FROM case_file WHERE id = ?').pluck().get(inSample.caseId)).toBeNull();
    } finally {
      await server.close();
    }
  });
});

/** One JSON POST to the local server, as the browser client sends it. */
function post(port: number, target: string, body: unknown, session?: string): Promise<{ status: number; body: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), Origin: `http://127.0.0.1:${port}` };
    if (session) headers.Authorization = `Bearer ${session}`;
    const req = http.request({ host: '127.0.0.1', port, path: target, method: 'POST', headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(text);
  });
}
