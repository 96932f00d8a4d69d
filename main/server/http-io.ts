import type http from 'node:http';
import type { ErrorCode } from '../../shared/result';

/** How long a refused request may go on sending before its connection is cut anyway. */
const LINGER_MS = 5_000;

export function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', message);
}

export const failure = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Answers a request whose body we will not read (too large, too slow) and then closes the connection.
 *
 * Closing a socket while the client is still sending makes the kernel answer with a reset, and the
 * client then loses our answer along with the connection. So the whole answer is written first, the
 * rest of the body is read and thrown away (never kept), and only when the client has finished, gone,
 * or kept sending for LINGER_MS is the response ended and the connection closed.
 */
export function refuseAndClose(req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  if (req.complete || req.destroyed) {
    res.end(body);
    return;
  }
  res.write(body);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    res.end();
  };
  const timer = setTimeout(() => {
    end();
    req.socket.destroy();
  }, LINGER_MS);
  timer.unref();
  req.removeAllListeners('data');
  req.on('end', end);
  req.on('close', end);
  req.on('error', end);
  req.resume();
}

/**
 * The path of a request target, percent-decoded once for the whole server. `undefined` when the
 * target is not a plain path (absolute-form, authority-form) or holds a malformed `%` escape.
 */
export function decodePath(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/')) return undefined;
  const raw = target.split(/[?#]/, 1)[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
