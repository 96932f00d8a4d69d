import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, isCrossSiteFetch, isJsonContentType, tokenFromAuthorization, tokensMatch } from '../../main/server/security';
import * as security from '../../main/server/security';
import { LinkSession } from '../../main/server/session';
import { decodePath } from '../../main/server/http-io';
import { DEFAULT_MAX_INPUT_BYTES, maxInputBytesFor } from '../../main/server/body';

describe('browser-mode request checks', () => {
  it('accepts only our loopback host names on our port (DNS rebinding defence)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('accepts no Origin or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4001', 4000)).toBe(false);
  });

  it('refuses cross-site fetches', () => {
    expect(isCrossSiteFetch('cross-site')).toBe(true);
    expect(isCrossSiteFetch('same-origin')).toBe(false);
    expect(isCrossSiteFetch(undefined)).toBe(false);
  });

  it('reads the token only from a bearer header and compares it exactly', () => {
    expect(tokenFromAuthorization('Bearer xyz')).toBe('xyz');
    expect(tokenFromAuthorization('bearer xyz')).toBe('xyz');
    expect(tokenFromAuthorization('Basic xyz')).toBeUndefined();
    expect(tokenFromAuthorization('Bearer xyz extra')).toBeUndefined();
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
    expect(tokensMatch('abc', undefined)).toBe(false);
    // No cookie reader exists at all: a cookie would also reach every other port on 127.0.0.1.
    expect(Object.keys(security).filter((name) => /cookie/i.test(name))).toEqual([]);
  });

  it('takes exactly application/json as JSON, parameters allowed', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType(' APPLICATION/JSON ;charset=UTF-8')).toBe(true);
    expect(isJsonContentType('application/jsonfoo')).toBe(false);
    expect(isJsonContentType('application/json-seq')).toBe(false);
    expect(isJsonContentType('text/plain; application/json')).toBe(false);
    expect(isJsonContentType('')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('decodes a request path once and refuses malformed escapes and non-path targets', () => {
    expect(decodePath('/mallar/%C3%A5?x=1#y')).toBe('/mallar/å');
    expect(decodePath('/%E0%A4%A')).toBeUndefined();
    expect(decodePath('/%zz')).toBeUndefined();
    expect(decodePath('http://evil.example/')).toBeUndefined();
    expect(decodePath('*')).toBeUndefined();
    expect(decodePath(undefined)).toBeUndefined();
  });

  it('gives the larger body limit only to methods whose contract declares one', () => {
    expect(maxInputBytesFor('templates.list')).toBe(DEFAULT_MAX_INPUT_BYTES);
    expect(maxInputBytesFor('nope.nothing')).toBe(DEFAULT_MAX_INPUT_BYTES);
    for (const name of ['cases.import', 'answers.import', 'templates.import']) expect(maxInputBytesFor(name), name).toBeGreaterThan(DEFAULT_MAX_INPUT_BYTES);
  });
});

describe('the one-time link', () => {
  it('yields one session, then tells a reused link from a wrong one', () => {
    const link = new LinkSession('link-token');
    expect(link.linkUsed).toBe(false);
    expect(link.isSession(undefined)).toBe(false);
    expect(link.redeem('link-tokeN')).toEqual({ ok: false, reason: 'wrong' });
    const first = link.redeem('link-token');
    if (!first.ok) throw new Error('the first use must work');
    expect(first.sessionToken).not.toBe('link-token');
    expect(link.linkUsed).toBe(true);
    expect(link.isSession(first.sessionToken)).toBe(true);
    expect(link.isSession('link-token')).toBe(false);
    expect(link.redeem('link-token')).toEqual({ ok: false, reason: 'used' });
    expect(link.redeem(undefined)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('makes fresh random tokens per run', () => {
    const a = new LinkSession();
    const b = new LinkSession();
    expect(a.linkToken).toMatch(/^[\w-]{40,}$/);
    expect(a.linkToken).not.toBe(b.linkToken);
  });
});
