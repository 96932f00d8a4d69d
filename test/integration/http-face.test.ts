import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { startServer, type RunningServer, type ServerOptions } from '../../main/server/server';
import { DEFAULT_MAX_INPUT_BYTES } from '../../main/server/body';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let server: RunningServer;
let staticDir: string;
let session: string;
const started: RunningServer[] = [];
/** Every response header any test saw: browser mode must never hand out a cookie. */
const seenHeaders: http.IncomingHttpHeaders[] = [];

type Response = { status: number; headers: http.IncomingHttpHeaders; body: string };

async function start(extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const s = await startServer({ dispatch: core.dispatch, staticDir, ...extra });
  started.push(s);
  return s;
}

const linkToken = (s: RunningServer): string => new URL(s.url).hash.replace(/^#t=/, '');

beforeAll(async () => {
  core = testCore();
  staticDir = path.join(core.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Granskningsbänken</title>');
  server = await start();
  const redeemed = await request({ path: '/session', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ link: linkToken(server) }) });
  session = JSON.parse(redeemed.body).value.sessionToken;
});
afterAll(async () => {
  for (const s of started) await s.close();
  core.dispose();
});
afterEach(() => {
  expect(seenHeaders.filter((h) => h['set-cookie'] !== undefined)).toEqual([]);
});

/** Raw requests, so we control Host, Origin and the body exactly as an attacker could. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string; port?: number }): Promise<Response> {
  return new Promise((resolve, reject) => {
    // A body goes with its Content-Length, as a browser's fetch sends a text body.
    const length = options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) };
    const req = http.request({ host: '127.0.0.1', port: options.port ?? server.port, path: options.path, method: options.method ?? 'GET', headers: { ...length, ...options.headers } }, (res) => {
      seenHeaders.push(res.headers);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const bearer = () => ({ Authorization: `Bearer ${session}` });
const api = (method: string, headers: Record<string, string>, body = '{}') =>
  request({ path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
const redeem = (s: RunningServer, link: string) =>
  request({ port: s.port, path: '/session', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${s.port}` }, body: JSON.stringify({ link }) });

/**
 * Sends raw bytes and reads one response (headers plus Content-Length bytes of body), then hangs up:
 * for requests an HTTP client will not send, such as unfinished headers or a body that never comes.
 */
function rawExchange(port: number, text: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let data = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers: http.IncomingHttpHeaders = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (data.length - end - 4 < length) return;
      seenHeaders.push(headers);
      socket.destroy();
      resolve({ status: Number(lines[0].split(' ')[1]), headers, body: data.subarray(end + 4, end + 4 + length).toString('utf8') });
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`connection closed before a full response: ${data.toString('latin1')}`)));
  });
}

const hostLine = (port: number) => `Host: 127.0.0.1:${port}\r\n`;

describe('HTTP face: the one-time link and the session', () => {
  it('binds 127.0.0.1 and prints a link whose token is in the fragment, which browsers never send', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#t=[\\w-]{40,}$`));
  });

  it('trades the link token for a session token exactly once; a second use is refused in Swedish', async () => {
    const s = await start();
    const before = JSON.parse((await request({ port: s.port, path: '/session' })).body);
    expect(before).toEqual({ signedIn: false, linkUsed: false });

    const wrong = await redeem(s, `${linkToken(s).slice(0, -1)}x`);
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body).error.message).toMatch(/Länken gäller inte/);

    const first = await redeem(s, linkToken(s));
    expect(first.status).toBe(200);
    const token = JSON.parse(first.body).value.sessionToken as string;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(token).not.toBe(linkToken(s));

    const again = await redeem(s, linkToken(s));
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.parse(again.body).error.message).toMatch(/redan använts.*starta om "npm run serve"/);

    const after = await request({ port: s.port, path: '/session', headers: { Authorization: `Bearer ${token}` } });
    expect(JSON.parse(after.body)).toEqual({ signedIn: true, linkUsed: true });
    const list = await request({ port: s.port, path: '/api/templates.list', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    expect(JSON.parse(list.body).ok).toBe(true);
  });

  it('serves the data-free shell without a token, but every API call needs the bearer session token', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");

    const none = await api('templates.list', {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/Åtkomst nekad/) } });
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await api('templates.list', { Authorization: 'Bearer fel' })).status).toBe(401);
    expect((await api('templates.list', { Authorization: `Bearer ${linkToken(server)}` })).status).toBe(401);
    expect((await api('templates.list', { Authorization: `Basic ${Buffer.from(`x:${session}`).toString('base64')}` })).status).toBe(401);

    const list = await api('templates.list', { ...bearer(), Origin: `http://127.0.0.1:${server.port}` });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).value.templates.length).toBeGreaterThanOrEqual(2);
  });

  it('never sets a cookie and never accepts one: a cookie would reach every port on 127.0.0.1', async () => {
    const old = await request({ path: `/?token=${session}` });
    expect(old.status).toBe(200);
    expect(old.headers['set-cookie']).toBeUndefined();
    const withCookie = await api('templates.list', { Cookie: `granska_token_${server.port}=${session}; granska_session=${session}` });
    expect(withCookie.status).toBe(401);
    // afterEach checks every response of the file for Set-Cookie as well.
  });

  it('refuses a foreign Origin, a cross-site fetch and a foreign Host even with the session token', async () => {
    expect((await api('templates.list', { ...bearer(), Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('templates.list', { ...bearer(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('templates.list', { ...bearer(), Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await request({ path: '/session', method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: '{}' })).status).toBe(403);
  });

  it('marks every answer no-store: the shell, the session hand-over and the API', async () => {
    const s = await start();
    const answers = [await request({ path: '/' }), await request({ path: '/assets/none.js' }), await request({ path: '/session' }), await redeem(s, linkToken(s)), await redeem(s, linkToken(s)), await api('templates.list', bearer()), await api('templates.list', {})];
    expect(answers.map((a) => a.headers['cache-control'])).toEqual(answers.map(() => 'no-store'));
  });
});

describe('HTTP face: request bodies and paths', () => {
  it('accepts exactly application/json, with or without parameters, and nothing that merely starts like it', async () => {
    const withType = (type: string | undefined) =>
      request({ path: '/api/templates.list', method: 'POST', headers: { ...bearer(), ...(type === undefined ? {} : { 'Content-Type': type }) }, body: '{}' });
    expect((await withType('application/json')).status).toBe(200);
    expect((await withType('application/json; charset=utf-8')).status).toBe(200);
    expect((await withType('Application/JSON;charset=UTF-8')).status).toBe(200);
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const res = await withType(type);
      expect(res.status, String(type)).toBe(415);
      expect(JSON.parse(res.body).error.message).toMatch(/ska skickas som JSON/);
    }
  });

  it('accepts no charset or utf-8 only: a body declared as another charset would be read as other text than was sent', async () => {
    const withType = (type: string) => request({ path: '/api/templates.list', method: 'POST', headers: { ...bearer(), 'Content-Type': type }, body: '{}' });
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=Utf-8', 'application/json; foo=bar']) {
      expect((await withType(type)).status, type).toBe(200);
    }
    for (const type of ['application/json; charset=latin1', 'application/json; charset=ISO-8859-1', 'application/json; charset=utf-16', 'application/json; charset=utf8', 'application/json; charset=']) {
      const res = await withType(type);
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/ska vara kodad som UTF-8/) } });
    }
  });

  it('refuses a chunked upload to a file method with 411 before reading it: a file is read into one buffer of its announced size', async () => {
    const res = await rawExchange(
      server.port,
      `POST /api/answers.import HTTP/1.1\r\n${hostLine(server.port)}Authorization: Bearer ${session}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    expect(res.status).toBe(411);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/måste ange sin storlek \(Content-Length\)/) } });
  });

  it('hands a large file member to the core exactly as sent: the same answer as a direct call', async () => {
    const { id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Stor fil', referenceDate: '2024-12-31' });
    const rows = Array.from({ length: 4000 }, (_, i) => `Å-${i};Enhet ${i % 3 ? 'A' : 'B'};${i % 2 ? 'flicka' : 'pojke'}`);
    const input = { reviewId, fileName: 'akter – vår.csv', contentBase64: Buffer.from(`akt;enhet;kön\n${rows.join('\n')}\n`).toString('base64'), dryRun: true };
    expect(input.contentBase64.length).toBeGreaterThan(64 * 1024);
    const viaHttp = JSON.parse((await api('cases.import', bearer(), JSON.stringify(input, null, 1))).body);
    expect(viaHttp).toEqual(await core.dispatch('cases.import', input));
    expect(viaHttp.value.rows).toBe(4000);
  });

  it('answers an unknown method without reading its body', async () => {
    const res = await rawExchange(
      server.port,
      `POST /api/nope.nothing HTTP/1.1\r\n${hostLine(server.port)}Authorization: Bearer ${session}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
    );
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a body announced over the limit by its Content-Length with 413, before reading any of it', async () => {
    const res = await rawExchange(
      server.port,
      `POST /api/templates.list HTTP/1.1\r\n${hostLine(server.port)}Authorization: Bearer ${session}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`,
    );
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/för stor: högst 1 MB/) } });
  });

  it('does not invite a body over the limit with 100 Continue', async () => {
    const res = await rawExchange(
      server.port,
      `POST /api/templates.list HTTP/1.1\r\n${hostLine(server.port)}Authorization: Bearer ${session}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n`,
    );
    expect(res.status).toBe(413);
  });

  it('counts a chunked body while reading and answers 413 once it is over, before the client has finished sending', async () => {
    const res = await new Promise<Response>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/templates.list', method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (r) => {
        seenHeaders.push(r.headers);
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c) => (body += c));
        r.on('end', () => {
          req.destroy();
          resolve({ status: r.statusCode ?? 0, headers: r.headers, body });
        });
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      // Keeps sending (never ends the request) until the answer arrives; a cap stops a broken server from filling memory.
      const pump = () => {
        while (!req.destroyed && sent < 64 * DEFAULT_MAX_INPUT_BYTES) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/för stor/);
  });

  it('gives the file-carrying methods the larger limit their contract declares', async () => {
    const big = JSON.stringify({ reviewId: 'finns-inte', contentBase64: Buffer.alloc(2 * DEFAULT_MAX_INPUT_BYTES, 0x41).toString('base64') });
    const imported = await api('cases.import', bearer(), big);
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body).ok).toBe(false); // the review does not exist: the core answered, not the size limit
    expect(JSON.parse(imported.body).error.message).not.toMatch(/för stor/);
    expect((await api('templates.list', bearer(), big)).status).toBe(413);
  });

  it('answers a malformed % escape in the path with 400 and a Swedish message', async () => {
    for (const target of ['/%E0%A4%A', '/mallar/%zz', '/api/templates.%']) {
      const res = target.startsWith('/api/') ? await request({ path: target, method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json' }, body: '{}' }) : await request({ path: target });
      expect(res.status, target).toBe(400);
      expect(res.body).toMatch(/ogiltig %-kodning/);
    }
  });

  it('returns errors as data and rejects invalid JSON, invalid UTF-8 and other verbs', async () => {
    const unknown = JSON.parse((await api('nope.nothing', bearer())).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect((await api('templates.list', bearer(), '{not json')).status).toBe(400);
    const latin1 = await new Promise<Response>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/templates.list', method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json' } }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
      });
      req.on('error', reject);
      req.end(Buffer.from('{"x":"\xe5"}', 'latin1'));
    });
    expect(latin1.status).toBe(400);
    expect(latin1.body).toMatch(/UTF-8/);
    expect((await request({ path: '/api/templates.list', headers: bearer() })).status).toBe(405);
  });

  it('answers a "__proto__", "constructor" or "toString" key at any depth with a validation error naming its path, never a 500', async () => {
    const bodies: [string, string, RegExp][] = [
      ['reviews.list', '{"__proto__": {"x": 1}}', /Fältnamnet "__proto__" är reserverat och får inte användas \(\$\.__proto__\)/],
      ['reviews.list', '{"constructor": 1}', /Fältnamnet "constructor" är reserverat .*\(\$\.constructor\)/],
      ['reviews.create', '{"templateId": "oppenvard-barn-0-12", "title": "T", "referenceDate": "2024-12-31", "units": ["A", {"toString": {"constructor": 2}}]}', /\(\$\.units\[1\]\.toString\)/],
    ];
    for (const [method, body, message] of bodies) {
      const response = await api(method, bearer(), body);
      expect([method, body, response.status]).toEqual([method, body, 200]);
      const parsed = JSON.parse(response.body);
      expect(parsed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(parsed.error.message).toMatch(message);
      expect(response.body).not.toMatch(/Internt fel|TypeError|is not a function/);
    }
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await request({ path: '/../../../../etc/passwd' });
    expect(res.body).not.toContain('root:');
    const encoded = await request({ path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' });
    expect(encoded.body).not.toContain('root:');
  });
});

describe('HTTP face: slow clients', () => {
  it('answers a body that stops arriving with 408 and a Swedish message', async () => {
    const s = await start({ timeouts: { bodyIdleMs: 200 } });
    const token = JSON.parse((await redeem(s, linkToken(s))).body).value.sessionToken as string;
    const res = await rawExchange(
      s.port,
      `POST /api/templates.list HTTP/1.1\r\n${hostLine(s.port)}Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.message).toMatch(/tog för lång tid: inga data kom/);
  });

  it('answers headers that never finish with 408 (headersTimeout is set)', async () => {
    const s = await start({ timeouts: { headersMs: 200, checkIntervalMs: 50 } });
    const res = await rawExchange(s.port, `GET / HTTP/1.1\r\n${hostLine(s.port)}X-Slow: `);
    expect(res.status).toBe(408);
    expect(res.body).toMatch(/tog för lång tid/);
  });
});
