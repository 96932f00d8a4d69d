import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Result } from '../../shared/result';
import { testCore, type TestCore } from '../support/core';
import { startServerProcess, type ServerHandle } from '../support/server-process';

/*
 * Browser mode keeps answering during a long import: `npm run serve`'s server as a real process
 * gets a 100,000-row case list, and a cheap request sent while it is imported is answered before
 * the import is. The import's progress can be followed meanwhile, and its answer (and its
 * refusal of a bad file) is the one the core gives in its own thread.
 */
const ROWS = 100_000;
// Skatteverket's test numbers only.
const NUMBERS = ['20170101-2393', '20190408-2383', '18900101-9802', '19140168-2396'];
const caseList = (rows: number, bad?: number) => {
  const lines = ['akt;personnummer;enhet;insats;beslutsdatum'];
  for (let i = 0; i < rows; i++) lines.push(`AKT-${i};${i === bad ? '20171301-0000' : NUMBERS[i % 4]};Enhet ${i % 11};FFT;2024-03-12`);
  return Buffer.from(lines.join('\r\n')).toString('base64');
};
const progressId = (n: number) => `importprogress${'abcdefghij'[n]}${'x'.repeat(6)}`;

let server: ServerHandle;
let session: string;
let local: TestCore;

function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const url = new URL(server.origin);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) };
    if (token) headers.Authorization = `Bearer ${token}`;
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}
const api = async (method: string, input: unknown) => (await post(`/api/${method}`, input, session)).json as Result<unknown>;
const value = async <T>(method: string, input: unknown): Promise<T> => {
  const result = await api(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
};

beforeAll(async () => {
  server = await startServerProcess();
  const link = new URL(server.url).hash.replace(/^#t=/, '');
  session = ((await post('/session', { link })).json as { value: { sessionToken: string } }).value.sessionToken;
  local = testCore();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  local?.dispose();
});

const REVIEW = { templateId: 'oppenvard-barn-0-12', title: 'Stor import', referenceDate: '2024-12-31' };

describe('a large import in browser mode', () => {
  it('leaves the server answering, reports its progress and ends as the import in the core thread does', async () => {
    const { id: reviewId } = await value<{ id: string }>('reviews.create', REVIEW);
    const contentBase64 = caseList(ROWS);
    const id = progressId(0);

    let finished = false;
    const started = performance.now();
    const importing = api('cases.import', { reviewId, contentBase64, progressId: id }).then((result) => {
      finished = true;
      return { result, ms: performance.now() - started };
    });
    // One cheap request after another, and the import's progress, until the import answers.
    const answeredDuring: number[] = [];
    const seen: { phase: string; done: number; total: number }[] = [];
    let longestWait = 0;
    while (!finished) {
      const sent = performance.now();
      const list = await api('reviews.list', {});
      longestWait = Math.max(longestWait, performance.now() - sent);
      expect(list.ok).toBe(true);
      if (!finished) answeredDuring.push(performance.now() - started);
      const { progress } = await value<{ progress: { phase: string; done: number; total: number } | null }>('imports.progress', { id });
      if (progress && !finished) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { result, ms } = await importing;
    expect(result.ok).toBe(true);

    // Ordering, not speed: requests were answered while the import ran, none waited anywhere near its length.
    expect(answeredDuring.length).toBeGreaterThan(0);
    expect(longestWait).toBeLessThan(ms / 2);
    // Rows were counted as they were checked or written, out of the file's rows.
    const counted = seen.filter((p) => (p.phase === 'checking' || p.phase === 'writing') && p.done > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const p of counted) expect(p.total).toBe(ROWS);
    expect((await value<{ progress: unknown }>('imports.progress', { id })).progress).toEqual({ phase: 'done', done: ROWS, total: ROWS });

    // The same file imported by a core in this thread gives the same answer and the same case list.
    const { id: localReview } = await local.call('reviews.create', REVIEW);
    const expected = await local.call('cases.import', { reviewId: localReview, contentBase64 });
    expect(result.ok && result.value).toEqual(expected);
    const page = (list: { cases: { id: string }[]; total: number }) => ({ total: list.total, cases: list.cases.map(({ id: _id, ...c }) => c) });
    const served = await value<{ cases: { id: string }[]; total: number }>('cases.list', { reviewId, offset: 54_321, limit: 30 });
    expect(page(served)).toEqual(page(await local.call('cases.list', { reviewId: localReview, offset: 54_321, limit: 30 })));
  }, 300_000);

  it('refuses a bad file exactly as the core thread does, and imports nothing', async () => {
    const { id: reviewId } = await value<{ id: string }>('reviews.create', REVIEW);
    const contentBase64 = caseList(30_000, 12_345);
    const refused = await api('cases.import', { reviewId, contentBase64, progressId: progressId(1) });
    const { id: localReview } = await local.call('reviews.create', REVIEW);
    const expected: ApiError = await local.fails('cases.import', { reviewId: localReview, contentBase64 });
    expect(expected.code).toBe('VALIDATION');
    expect(refused).toEqual({ ok: false, error: expected });
    expect((await value<{ total: number }>('cases.list', { reviewId, limit: 1 })).total).toBe(0);
    expect((await value<{ progress: { phase: string } }>('imports.progress', { id: progressId(1) })).progress.phase).toBe('done');
  }, 120_000);
});
