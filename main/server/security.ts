import { timingSafeEqual } from 'node:crypto';

/**
 * The browser-mode server holds case data, so no other web page and no other machine may reach it.
 * These checks are pure so they can be unit-tested one by one.
 */

/** Cookies ignore ports: each server's cookie carries its port so two instances never clash. */
export const tokenCookieName = (port: number): string => `granska_token_${port}`;

/** Only our own loopback names: a foreign Host header means DNS rebinding or a proxy. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser sends Origin on cross-site and on same-origin POSTs; only our own origin may call. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Browsers label requests from other sites; refuse them even when they carry our cookie. */
export function isCrossSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === 'cross-site';
}

export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenFromCookie(cookieHeader: string | undefined, port: number): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookieName(port)) return rest.join('=');
  }
  return undefined;
}

export function tokenFromAuthorization(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1] : undefined;
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
