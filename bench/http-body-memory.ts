import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startServer } from '../main/server/server';
import { benchCore, must } from './support';

/*
 * What a large file upload costs browser mode in memory: for each body size, a fresh server
 * process (core + startServer, as `npm run serve` runs it) receives one `answers.import` whose
 * JSON body is that large, sent with Content-Length as a browser's fetch sends it. Printed: the
 * server's RSS when ready, its peak RSS (maxRSS over its whole life) after the answer, and the
 * time to the answer. Two review ids: one that does not exist (the transport alone, before the
 * core refuses the id) and one that does with a file the importer refuses at once (the transport
 * plus the core's decode of the base64).
 */
const self = fileURLToPath(import.meta.url);
const SIZES_MB = [50, 100, 150];
const LINK = 'bench-link-token';

if (process.argv[2] === '--serve') {
  await serve();
} else {
  console.log('body | review | answer | time | RSS ready | peak RSS');
  for (const mb of SIZES_MB) {
    for (const review of ['missing', 'existing'] as const) {
      const { answer, seconds, readyMb, peakMb } = await measure(mb, review);
      console.log(`${mb} MB | ${review} | ${answer.slice(0, 70)} | ${seconds.toFixed(2)} s | ${readyMb} MB | ${peakMb} MB`);
    }
  }
}

/** The child: a server on a fresh database; prints its port, then its peak RSS when stdin closes. */
async function serve(): Promise<void> {
  const core = benchCore();
  const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
  const server = await startServer({ dispatch: core.dispatch, staticDir: core.dir, linkToken: LINK });
  const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
  console.log(JSON.stringify({ port: server.port, reviewId, readyMb: rssMb() }));
  process.stdin.resume();
  process.stdin.on('end', async () => {
    console.log(JSON.stringify({ peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
    await server.close();
    core.dispose();
    process.exit(0);
  });
}

async function measure(mb: number, review: 'missing' | 'existing'): Promise<{ answer: string; seconds: number; readyMb: number; peakMb: number }> {
  const child = spawn(process.execPath, [...process.execArgv, self, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const ready = JSON.parse((await lines.next()).value as string) as { port: number; reviewId: string; readyMb: number };
  const call = (path: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: ready.port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const session = JSON.parse((await call('/session', {}, Buffer.from(JSON.stringify({ link: LINK })))).text).value.sessionToken as string;

  // A body of the given size: a CSV header and then blank lines, so an existing review's importer refuses it right after decoding.
  const reviewId = review === 'existing' ? ready.reviewId : 'finns-inte';
  const prefix = `{"reviewId":"${reviewId}","fileName":"svar.csv","contentBase64":"`;
  const suffix = '"}';
  const fileBytes = Math.floor(((mb * 1024 * 1024 - prefix.length - suffix.length) * 3) / 4);
  const file = Buffer.alloc(fileBytes, '\n');
  file.write('x;y\n');
  const body = Buffer.from(prefix + file.toString('base64') + suffix);

  const start = performance.now();
  const answer = await call('/api/answers.import', { Authorization: `Bearer ${session}` }, body);
  const seconds = (performance.now() - start) / 1000;
  child.stdin!.end();
  const { peakMb } = JSON.parse((await lines.next()).value as string) as { peakMb: number };
  await new Promise((resolve) => child.once('exit', resolve));
  const parsed = JSON.parse(answer.text) as { ok: boolean; error?: { code: string; message: string } };
  return { answer: `${answer.status} ${parsed.ok ? 'ok' : `${parsed.error!.code}: ${parsed.error!.message}`}`, seconds, readyMb: ready.readyMb, peakMb };
}
