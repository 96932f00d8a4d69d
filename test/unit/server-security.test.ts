import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, isCrossSiteFetch, tokenFromAuthorization, tokenFromCookie, tokensMatch } from '../../main/server/security';

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

  it('refuses cross-site fetches even with a cookie', () => {
    expect(isCrossSiteFetch('cross-site')).toBe(true);
    expect(isCrossSiteFetch('same-origin')).toBe(false);
    expect(isCrossSiteFetch(undefined)).toBe(false);
  });

  it('reads the token from the cookie or a bearer header and compares it exactly', () => {
    expect(tokenFromCookie('a=1; granska_token_4000=abc; b=2', 4000)).toBe('abc');
    expect(tokenFromCookie('granska_token_4001=abc', 4000)).toBeUndefined();
    expect(tokenFromCookie('a=1', 4000)).toBeUndefined();
    expect(tokenFromAuthorization('Bearer xyz')).toBe('xyz');
    expect(tokenFromAuthorization('Basic xyz')).toBeUndefined();
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
  });
});
