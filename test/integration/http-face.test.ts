import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startServer, type RunningServer } from '../../main/server/server';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  core = testCore();
  staticDir = path.join(core.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Granskningsbänken</title>');
  server = await startServer({ dispatch: core.dispatch, staticDir });
});
afterAll(async () => {
  await server.close();
  core.dispose();
});

/** Raw requests, so we control Host and Origin exactly as an attacker could. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  request({ path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('HTTP face', () => {
  it('binds 127.0.0.1 and prints a link with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`));
  });

  it('refuses API calls without the token with 403', async () => {
    const res = await api('templates.list', {});
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/Åtkomst nekad/);
    expect((await api('templates.list', { Cookie: `granska_token_${server.port}=fel` })).status).toBe(403);
    expect((await request({ path: '/' })).status).toBe(403);
  });

  it('refuses a foreign Origin, a cross-site fetch and a foreign Host even with the token', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    expect((await api('templates.list', { ...auth, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('templates.list', { ...auth, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('templates.list', { ...auth, Host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('trades the printed token for an HttpOnly cookie and then answers through dispatch', async () => {
    const first = await request({ path: `/?token=${server.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);

    const page = await request({ path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");

    const list = await api('templates.list', { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` });
    expect(list.status).toBe(200);
    const body = JSON.parse(list.body);
    expect(body.ok).toBe(true);
    expect(body.value.templates.length).toBeGreaterThanOrEqual(2);
  });

  it('returns errors as data and rejects non-JSON bodies', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const unknown = JSON.parse((await api('nope.nothing', auth)).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await api('templates.list', auth, '{not json');
    expect(bad.status).toBe(400);
    const form = await request({ path: '/api/templates.list', method: 'POST', headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    expect((await request({ path: '/api/templates.list', headers: auth })).status).toBe(405);
  });

  it('never serves files outside the renderer folder', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const res = await request({ path: '/../../../../etc/passwd', headers: auth });
    expect(res.body).not.toContain('root:');
    const encoded = await request({ path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', headers: auth });
    expect(encoded.body).not.toContain('root:');
  });
});
