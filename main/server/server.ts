import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../core/dispatch';
import { maxInputBytesFor, readBody } from './body';
import { decodePath, failure, header, refuseAndClose, send, sendJson, sendText } from './http-io';
import { parseJsonBody } from './json-body';
import { CONTENT_SECURITY_POLICY, hasUtf8Charset, isAllowedHost, isAllowedOrigin, isCrossSiteFetch, isJsonContentType, tokenFromAuthorization } from './security';
import { LinkSession } from './session';
import { TOO_DEEP_MESSAGE } from '../../shared/validation/json-depth';
import { isMethodName } from '../../shared/contract';

export interface ServerOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Injected in tests; otherwise a fresh random link token per run. */
  linkToken?: string;
  /** Shorter in tests; the defaults suit people. */
  timeouts?: Partial<Timeouts>;
}

export interface Timeouts {
  /** All request headers must arrive within this. */
  headersMs: number;
  /** A body that sends nothing for this long is answered 408. */
  bodyIdleMs: number;
  /** The whole request, body included, must arrive within this. */
  requestMs: number;
  /** How often Node looks for requests over headersMs/requestMs. */
  checkIntervalMs: number;
}

const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, bodyIdleMs: 30_000, requestMs: 300_000, checkIntervalMs: 5_000 };

export interface RunningServer {
  port: number;
  /** The address to open. It works once: the page trades the token in its fragment for a session. */
  url: string;
  close(): Promise<void>;
}

/** Where the page trades the link token for its session (POST) and asks what state it is in (GET). */
export const SESSION_PATH = '/session';
const HOST = '127.0.0.1';
const SESSION_BODY_BYTES = 4096;

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

const NOT_SIGNED_IN = 'Åtkomst nekad: fliken har ingen giltig inloggning. Öppna länken som skrevs ut när servern startade.';

/**
 * Browser mode: the built renderer and POST /api/<method>, on 127.0.0.1 only.
 * The static shell holds no data and is served to anyone who passes the Host/Origin checks; every
 * API call needs the session's bearer token (see LinkSession for how the page gets it).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const session = new LinkSession(options.linkToken);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  });
  // Sockets with a request in our hands: a client error there must not write a second response.
  const busy = new WeakSet<Socket>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    busy.add(req.socket);
    res.once('close', () => busy.delete(req.socket));
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internt fel i servern.');
      else res.end();
    });
  };
  server.on('request', onRequest);
  // `Expect: 100-continue` goes through the same checks; api() lets the body come only when it may.
  server.on('checkContinue', onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (busy.has(socket) || !socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, message] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Förfrågan tog för lång tid.'] : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Förfrågans huvuden är för stora.'] : [400, 'Felaktig förfrågan.'];
    const body = Buffer.from(message);
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${message}`,
    );
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // Nothing this server says is worth keeping: the shell is tiny, and answers hold case data or tokens.
    res.setHeader('Cache-Control', 'no-store');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port) || isCrossSiteFetch(header(req, 'sec-fetch-site'))) {
      return sendText(res, 403, 'Förfrågan kommer inte från Granskningsbänkens egen sida.');
    }
    const pathname = decodePath(req.url);
    if (pathname === undefined) return sendText(res, 400, 'Adressen är felaktig: den innehåller en ogiltig %-kodning.');

    if (pathname === SESSION_PATH) return sessionEndpoint(req, res);
    if (pathname.startsWith('/api/')) return api(pathname.slice('/api/'.length), req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Metoden stöds inte.');
    }
    return serveStatic(pathname, res);
  }

  /**
   * GET: is this tab signed in, and has the link been used (so the page can say which case it is in).
   * POST { link }: trades the link token for the session token, once.
   */
  async function sessionEndpoint(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method === 'GET') {
      return sendJson(res, 200, { signedIn: session.isSession(tokenFromAuthorization(req.headers.authorization)), linkUsed: session.linkUsed });
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return sendText(res, 405, 'Metoden stöds inte.');
    }
    const body = await jsonBody(req, res, SESSION_BODY_BYTES);
    if (body === undefined) return;
    const link = typeof body === 'object' && body !== null && typeof (body as { link?: unknown }).link === 'string' ? (body as { link: string }).link : undefined;
    const redemption = session.redeem(link);
    if (redemption.ok) return sendJson(res, 200, { ok: true, value: { sessionToken: redemption.sessionToken } });
    const message =
      redemption.reason === 'used'
        ? 'Länken har redan använts och fungerar bara en gång. Fortsätt i fliken där du öppnade den, eller stoppa servern och starta om "npm run serve" för att få en ny länk.'
        : 'Länken gäller inte för den här servern (den kan vara från en tidigare körning). Öppna länken som skrevs ut senast, eller starta om "npm run serve".';
    return sendJson(res, 403, failure('FORBIDDEN', message));
  }

  async function api(encodedName: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, failure('VALIDATION', 'Använd POST.'));
    }
    // Only the bearer header counts: a cookie (which the browser would also send to other ports) is never read.
    if (!session.isSession(tokenFromAuthorization(req.headers.authorization))) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return refuseAndClose(req, res, 401, failure('FORBIDDEN', NOT_SIGNED_IN));
    }
    // An unknown method is answered before its body is read: dispatch names it without looking at the input.
    if (!isMethodName(encodedName)) return refuseAndClose(req, res, 200, await options.dispatch(encodedName, undefined));
    const input = await jsonBody(req, res, maxInputBytesFor(encodedName));
    if (input === undefined) return;
    sendJson(res, 200, await options.dispatch(encodedName, input));
  }

  /**
   * The parsed JSON body, or undefined once the refusal has been answered. Everything that costs
   * nothing (type, charset, announced size) is checked before a byte is read; the body is then
   * read into one buffer and parsed by parseJsonBody, which makes a large file member a string
   * once. Only the parsed value leaves this function, so the buffer is garbage from here on.
   */
  async function jsonBody(req: http.IncomingMessage, res: http.ServerResponse, maxBytes: number): Promise<unknown> {
    const contentType = header(req, 'content-type');
    if (!isJsonContentType(contentType)) {
      refuseAndClose(req, res, 415, failure('VALIDATION', 'Förfrågan ska skickas som JSON (Content-Type: application/json).'));
      return undefined;
    }
    if (!hasUtf8Charset(contentType)) {
      refuseAndClose(req, res, 415, failure('VALIDATION', 'Förfrågan ska vara kodad som UTF-8: ange charset=utf-8 i Content-Type, eller ingen teckenkodning alls.'));
      return undefined;
    }
    const expectsContinue = /100-continue/i.test(header(req, 'expect') ?? '');
    const body = await readBody(req, { maxBytes, idleMs: timeouts.bodyIdleMs, beforeReading: expectsContinue ? () => res.writeContinue() : undefined });
    if (!body.ok) {
      refuseAndClose(req, res, body.status, failure('VALIDATION', body.message));
      return undefined;
    }
    const parsed = parseJsonBody(body.bytes);
    if (parsed.ok) return parsed.value;
    const message = { utf8: 'Förfrågan är inte giltig UTF-8-text.', json: 'Förfrågan är inte giltig JSON.', depth: TOO_DEEP_MESSAGE }[parsed.problem];
    sendJson(res, 400, failure('VALIDATION', message));
    return undefined;
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const requested = path.resolve(staticRoot, `.${path.posix.normalize(pathname)}`);
    const inside = requested === staticRoot || requested.startsWith(staticRoot + path.sep);
    const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(staticRoot, 'index.html');
    if (!fs.existsSync(file)) {
      return sendText(res, 500, 'Användargränssnittet är inte byggt. Kör "npm run serve" som bygger det först.');
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    send(res, 200, type, fs.readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${HOST}:${port}/#t=${session.linkToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
