import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startServer } from '../main/server/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../main/core/core';
import { TEST_NUMBERS } from './support';

/*
 * Does browser mode keep answering during a large import? A server process (core + startServer,
 * as `npm run serve` runs it) receives one large import over HTTP while this process asks
 * `reviews.list` again and again, one request at a time. Printed per import: its duration, and the
 * longest a `reviews.list` waited for its answer during it (the time the server answered nothing),
 * with how many were answered while the import ran; once with the imports in the server's own
 * thread (as before the import worker) and once as `npm run serve` runs them (in the import worker).
 */
const self = fileURLToPath(import.meta.url);
const LINK = 'bench-link-token';
const CASES = Number(process.env.BENCH_CASES ?? 100_000);

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] === 'worker');
} else {
  console.log('imports run | import | duration | longest wait for reviews.list during it | answered during it');
  for (const where of ['main', 'worker'] as const) await main(where);
}

async function serve(background: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-bench-'));
  const core = createCore({ dbPath: path.join(dir, 'bench.sqlite'), actor: 'bench', background });
  const server = await startServer({ dispatch: core.dispatch, staticDir: dir, linkToken: LINK });
  console.log(JSON.stringify({ port: server.port }));
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await server.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

async function main(where: 'main' | 'worker'): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, self, '--serve', where], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const { port } = JSON.parse((await lines.next()).value as string) as { port: number };
  const post = (path: string, body: unknown, session?: string) =>
    new Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } } }>((resolve, reject) => {
      const bytes = Buffer.from(JSON.stringify(body));
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) };
      if (session) headers.Authorization = `Bearer ${session}`;
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(bytes);
    });
  const session = ((await post('/session', { link: LINK })).json.value as { sessionToken: string }).sessionToken;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const { json } = await post(`/api/${method}`, input, session);
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
    return json.value as T;
  };

  const { id: reviewId } = await call<{ id: string }>('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
  const caseLines = ['akt;personnummer;enhet;insats;beslutsdatum'];
  for (let i = 0; i < CASES; i++) caseLines.push(`AKT-${i};${TEST_NUMBERS[i % 4]};Enhet ${i % 11};FFT;2024-03-12`);
  const cases = Buffer.from(caseLines.join('\r\n')).toString('base64');

  const { template } = await call<{ template: { questions: { id: string; type: string }[] } }>('templates.get', { id: 'oppenvard-barn-0-12' });
  // Four answers per file, without notes: 400,000 rows of three cells, within one answers file's limits.
  const questions = template.questions.filter((q) => q.type === 'scale').slice(0, 4).map((q) => q.id);
  const values = ['ja', 'Delvis', 'nej', 'framgar_ej', 'Ej tillämpligt'];
  const answerLines = ['akt;fråga;svar'];
  for (let i = 0; i < CASES; i++) for (let q = 0; q < questions.length; q++) answerLines.push(`AKT-${i};${questions[q]};${values[(i + q) % 5]}`);
  const answers = Buffer.from(answerLines.join('\n')).toString('base64');

  for (const [label, method, input] of [
    [`cases.import, ${CASES.toLocaleString('sv-SE')} rader`, 'cases.import', { reviewId, contentBase64: cases }],
    [`answers.import, ${(answerLines.length - 1).toLocaleString('sv-SE')} rader`, 'answers.import', { reviewId, contentBase64: answers }],
  ] as const) {
    let running = true;
    const start = performance.now();
    const importing = call(method, input).finally(() => (running = false));
    let longest = 0;
    let answered = 0;
    // One probe at a time: each waits for its answer; its wait is the time the server was silent.
    while (running) {
      const sent = performance.now();
      await call('reviews.list', {});
      longest = Math.max(longest, performance.now() - sent);
      if (running) answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
    await importing;
    const duration = performance.now() - start;
    console.log(`${where === 'main' ? 'server thread' : 'import worker'} | ${label} | ${(duration / 1000).toFixed(2)} s | ${(longest / 1000).toFixed(2)} s | ${answered}`);
  }
  child.stdin!.end();
  await new Promise((r) => child.once('exit', r));
}
