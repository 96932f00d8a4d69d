import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../core/dispatch';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedHost,
  isAllowedOrigin,
  isCrossSiteFetch,
  tokenFromAuthorization,
  tokenCookieName,
  tokenFromCookie,
  tokensMatch,
} from './security';

export interface ServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Injected in tests; otherwise a fresh random token per run. */
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The address to open, with the token; the page trades it for a cookie at once. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;
const HOST = '127.0.0.1';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Browser mode: the built renderer and POST /api/<method>, on 127.0.0.1 only, behind a per-run token. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internt fel i servern.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port) || isCrossSiteFetch(header(req, 'sec-fetch-site'))) {
      return forbidden(res, 'Förfrågan kommer inte från Granskningsbänkens egen sida.');
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);

    // The printed link carries the token once; swap it for a cookie and drop it from the address bar.
    const queryToken = url.searchParams.get('token') ?? undefined;
    if (req.method === 'GET' && queryToken !== undefined) {
      if (!tokensMatch(queryToken, token)) return forbidden(res, 'Fel eller inaktuell länk. Använd länken som skrevs ut när servern startade.');
      res.setHeader('Set-Cookie', `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`);
      url.searchParams.delete('token');
      res.writeHead(303, { Location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }

    const given = tokenFromCookie(req.headers.cookie, port) ?? tokenFromAuthorization(req.headers.authorization);
    if (!tokensMatch(given, token)) return forbidden(res, 'Åtkomst nekad: öppna länken med token som skrevs ut när servern startade.');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return send(res, 405, 'text/plain; charset=utf-8', 'Använd POST.');
      }
      return api(decodeURIComponent(url.pathname.slice('/api/'.length)), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Metoden stöds inte.');
    return serveStatic(url.pathname, res);
  }

  async function api(method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const contentType = header(req, 'content-type') ?? '';
    if (!contentType.startsWith('application/json')) {
      // A cross-site form post cannot send JSON without a CORS preflight; insisting on it closes that door too.
      return sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: 'Förfrågan ska skickas som JSON.' } });
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Förfrågan är för stor.' } });
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Förfrågan är inte giltig JSON.' } });
    }
    const result = await options.dispatch(method, input);
    sendJson(res, 200, result);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const requested = path.resolve(staticRoot, `.${path.posix.normalize(decodeURIComponent(pathname))}`);
    const inside = requested === staticRoot || requested.startsWith(staticRoot + path.sep);
    const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      return send(res, 500, 'text/plain; charset=utf-8', 'Användargränssnittet är inte byggt. Kör "npm run serve" som bygger det först.');
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('Cache-Control', 'no-store');
    }
    send(res, 200, type, fs.readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function forbidden(res: http.ServerResponse, message: string): void {
  send(res, 403, 'text/plain; charset=utf-8', message);
}
