import { timingSafeEqual } from 'node:crypto';

/**
 * The browser-mode server holds case data, so no other web page, no other local program and no
 * other machine may reach it. These checks are pure so they can be unit-tested one by one.
 *
 * Deliberately absent: cookies and HTTP authentication. A browser sends both by itself, and cookies
 * ignore ports, so any other listener on 127.0.0.1 (another user's, on a terminal server) would
 * receive them. The only credential is a bearer token the page's own script attaches.
 */

/** Only our own loopback names: a foreign Host header means DNS rebinding or a proxy. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site and on same-origin POSTs; only our own origin may call. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Browsers label requests from other sites; refuse them whatever they carry. */
export function isCrossSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === 'cross-site';
}

/** Constant-time, so the time an answer takes tells nothing about how much of a guess was right. */
export function tokensMatch(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenFromAuthorization(header: string | undefined): string | undefined {
  const m = header ? /^Bearer +([\w-]+)$/i.exec(header) : null;
  return m ? m[1] : undefined;
}

/**
 * Exactly `application/json`, with optional parameters (`; charset=utf-8`). A cross-site form post
 * cannot send this type without a CORS preflight, which we never grant.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The body is read as UTF-8 (as JSON must be, RFC 8259), so a request that says it is something
 * else would be read as other text than its sender meant: only no charset, or utf-8 in any case
 * and optionally quoted, is accepted.
 */
export function hasUtf8Charset(header: string | undefined): boolean {
  const parameters = (header ?? '').split(';').slice(1);
  return parameters.every((parameter) => {
    const eq = parameter.indexOf('=');
    const name = (eq === -1 ? parameter : parameter.slice(0, eq)).trim().toLowerCase();
    if (name !== 'charset') return true;
    const value = parameter.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    return value.toLowerCase() === 'utf-8';
  });
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
