import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/core';
import { ProgressBoard } from '../../main/core/jobs/progress';
import { BackgroundImports } from '../../main/core/jobs/background';
import type { Result } from '../../shared/result';
import { testCore, type TestCore } from '../support/core';

/*
 * The import worker (main/core/jobs/background.ts) gives the same answers as the core's own
 * thread: a core that sends every file import there (minChars 0) and one that runs them in place
 * get the same files and must answer alike, refusals word for word. And an import reports its
 * progress, phase by phase, for `imports.progress`.
 */
let dir: string;
let worker: Core;
let local: TestCore;
const errors: unknown[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-worker-'));
  worker = createCore({ dbPath: path.join(dir, 'worker.sqlite'), actor: 'Test Testsson', validateOutput: true, background: { minChars: 0 }, logError: (_m, e) => errors.push(e) });
  local = testCore();
});
afterAll(() => {
  worker.close();
  local.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
const REVIEW = { templateId: 'oppenvard-barn-0-12', title: 'T', referenceDate: '2024-12-31', units: ['Enhet A'] };

/** Both cores' answers to the same calls, ids and times left out. */
async function both(calls: (reviewId: string) => [string, unknown][]): Promise<[Result<unknown>[], Result<unknown>[]]> {
  const answers: Result<unknown>[][] = [];
  for (const core of [worker, local]) {
    const created = await core.dispatch('reviews.create', REVIEW);
    const reviewId = (created as { value: { id: string } }).value.id;
    const out: Result<unknown>[] = [];
    for (const [method, input] of calls(reviewId)) out.push(await core.dispatch(method, input));
    answers.push(JSON.parse(JSON.stringify(out).replaceAll(reviewId, 'REVIEW')));
  }
  return [answers[0], answers[1]];
}

describe('the import worker answers as the core thread does', () => {
  it('a case list: preview, import, a conflict, a refused row and the list that results', async () => {
    const good = b64('akt;personnummer;enhet;kön\r\nA1;20170101-2393;Enhet A;\r\nA2;;enhet a;flicka\r\nA3;;Enhet B;pojke\r\n');
    const bad = b64('akt;enhet;ålder\r\nB1;Enhet A;7\r\nB2;Enhet A;äldre\r\n');
    const [viaWorker, inPlace] = await both((reviewId) => [
      ['cases.import', { reviewId, contentBase64: good, dryRun: true }],
      ['cases.import', { reviewId, contentBase64: good, fileName: 'lista.csv' }],
      ['cases.import', { reviewId, contentBase64: good }],
      ['cases.import', { reviewId, contentBase64: bad, fileName: 'fel.csv' }],
      ['cases.import', { reviewId, contentBase64: b64('inte en akt-lista') }],
      ['cases.import', { reviewId: 'finns-inte', contentBase64: good }],
      ['cases.import', { reviewId, contentBase64: 12 }],
    ]);
    expect(viaWorker).toEqual(inPlace);
    expect(inPlace.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'CONFLICT', 'VALIDATION', 'VALIDATION', 'NOT_FOUND', 'VALIDATION']);
    const list = async (core: Core) => {
      const reviews = (await core.dispatch('reviews.list', {})) as { value: { reviews: { id: string }[] } };
      const cases = (await core.dispatch('cases.list', { reviewId: reviews.value.reviews[0].id })) as { value: { cases: { id: string }[] } };
      return cases.value.cases.map(({ id: _id, ...c }) => c);
    };
    expect(await list(worker)).toEqual(await list(local));
  }, 60_000);

  it('an answers file: imported, and a refused one imports nothing', async () => {
    const [viaWorker, inPlace] = await both((reviewId) => [
      ['cases.import', { reviewId, contentBase64: b64('akt;enhet\nA1;Enhet A\nA2;Enhet A\n') }],
      ['answers.import', { reviewId, contentBase64: b64('akt;fråga;svar;anteckning\nA1;T1;ja;\nA2;T1;nej;en anteckning\n') }],
      ['answers.import', { reviewId, contentBase64: b64('akt;fråga;svar\nA1;T1;nej\nA9;T1;ja\nA2;finns-inte;ja\n') }],
      ['answers.export', { reviewId }],
    ]);
    expect(viaWorker).toEqual(inPlace);
    expect(inPlace.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'VALIDATION', 'ok']);
  }, 60_000);
});

describe('progress', () => {
  it('an import reports reading, checking and writing, then done; a finished id reads done', async () => {
    const calls: { phase: string; done: number; total: number }[] = [];
    const original = ProgressBoard.prototype.set;
    ProgressBoard.prototype.set = function (id, progress) {
      if (id === 'progressbyrowsxyz') calls.push(progress);
      return original.call(this, id, progress);
    };
    try {
      const rows = ['akt;enhet'];
      for (let i = 0; i < 5_000; i++) rows.push(`A${i};Enhet A`);
      const { id: reviewId } = await local.call('reviews.create', REVIEW);
      await local.call('cases.import', { reviewId, contentBase64: b64(rows.join('\n')), progressId: 'progressbyrowsxyz' });
    } finally {
      ProgressBoard.prototype.set = original;
    }
    expect(calls).toEqual([
      { phase: 'starting', done: 0, total: 0 },
      { phase: 'reading', done: 0, total: 0 },
      ...[0, 2_000, 4_000].map((done) => ({ phase: 'checking', done, total: 5_000 })),
      ...[0, 2_000, 4_000].map((done) => ({ phase: 'writing', done, total: 5_000 })),
    ]);
    expect(await local.call('imports.progress', { id: 'progressbyrowsxyz' })).toEqual({ progress: { phase: 'done', done: 5_000, total: 5_000 } });
    expect(await local.call('imports.progress', { id: 'nosuchimportever' })).toEqual({ progress: null });
  });

  it('through the worker, the progress of an import reaches the core that asked', async () => {
    const { value } = (await worker.dispatch('reviews.create', REVIEW)) as { value: { id: string } };
    const rows = ['akt;enhet'];
    for (let i = 0; i < 5_000; i++) rows.push(`W${i};Enhet A`);
    const result = await worker.dispatch('cases.import', { reviewId: value.id, contentBase64: b64(rows.join('\n')), progressId: 'workerprogressabc' });
    expect(result.ok).toBe(true);
    expect(await worker.dispatch('imports.progress', { id: 'workerprogressabc' })).toEqual({ ok: true, value: { progress: { phase: 'done', done: 5_000, total: 5_000 } } });
  }, 60_000);
});

describe('a worker that cannot start', () => {
  it('is logged once, and the imports run in the calling thread instead', async () => {
    const logged: string[] = [];
    const fallback = async (method: string) => ({ ok: true as const, value: `ran ${method} here` });
    // The worker's connection cannot open a file that does not exist: it fails before it is ready.
    const background = new BackgroundImports({ dbPath: path.join(dir, 'saknas', 'ingen.sqlite'), board: new ProgressBoard(), minChars: 0, fallback, logError: (method) => logged.push(method) });
    try {
      expect(background.takes('cases.import', { contentBase64: 'x' })).toBe(true);
      const [first, second] = await Promise.all([background.run('cases.import', { contentBase64: 'x' }, 'a'), background.run('answers.import', { contentBase64: 'y' }, 'a')]);
      expect([first, second]).toEqual([{ ok: true, value: 'ran cases.import here' }, { ok: true, value: 'ran answers.import here' }]);
      expect(logged).toEqual(['cases.import']);
      expect(background.takes('cases.import', { contentBase64: 'x' })).toBe(false);
    } finally {
      background.close();
    }
  }, 60_000);
});
