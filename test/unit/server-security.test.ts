import { describe, expect, it } from 'vitest';
import { hasUtf8Charset, isAllowedHost, isAllowedOrigin, isCrossSiteFetch, isJsonContentType, tokenFromAuthorization, tokensMatch } from '../../main/server/security';
import { parseJsonBody } from '../../main/server/json-body';
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

  it('takes the body as UTF-8 only: no charset or utf-8 in any case, quoted or not', () => {
    for (const ok of [undefined, 'application/json', 'application/json; charset=utf-8', 'application/json;CHARSET="UTF-8"', 'application/json; q=1; charset=utf-8']) expect(hasUtf8Charset(ok), ok).toBe(true);
    for (const bad of ['application/json; charset=latin1', 'application/json; charset=utf8', 'application/json; charset=utf-8; charset=latin1', 'application/json; charset', 'application/json; charset="utf-16"']) {
      expect(hasUtf8Charset(bad), bad).toBe(false);
    }
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

describe('the JSON body parser that makes a large file member a string once', () => {
  const parse = (text: string | Buffer, longStringBytes = 1) => parseJsonBody(typeof text === 'string' ? Buffer.from(text) : text, { longStringBytes });
  const BOY = '20170101-2393';

  it('gives what JSON.parse gives, whatever is cut out: escapes, non-ASCII, keys, nesting, duplicates, __proto__', () => {
    const texts = [
      '{"reviewId":"r1","contentBase64":"QUJD","fileName":"svar – vår.csv"}',
      '{ "a" : "x\\"y" , "b":"\\\\", "c":"\\u00e5\\n\\t", "d" :"😀 åäö", "e":"" }',
      '{"long key that stays a key":"v","n":[1,"in an array",{"deep":"nested"}],"t":true,"z":null,"f":-1.5e3}',
      '{"a":"first","a":"second"}',
      '{"__proto__":"a member, not a prototype","x":"y"}',
      '["an array at the top","is never cut"]',
      '"just a string"',
      '  {"ws":"around"}  ',
      `{"note":"${BOY}"}`,
    ];
    for (const text of texts) {
      for (const threshold of [0, 1, 3, 10_000]) {
        const result = parse(text, threshold);
        expect(result, `${text} @${threshold}`).toEqual({ ok: true, value: JSON.parse(text) });
      }
    }
    const proto = parse('{"__proto__":"a member","x":"y"}');
    expect(proto.ok && Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
    expect(proto.ok && Object.keys(proto.value as object)).toEqual(['__proto__', 'x']);
  });

  it('matches JSON.parse on generated objects with long members (seeded)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'Z', '9', '+', '/', '=', '"', '\\', '\n', '\u0001', 'å', '€', '😀', ' ', ':', '{', ']'];
    const randomText = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 200; i++) {
      const value: Record<string, unknown> = {};
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) value[randomText(3)] = random() < 0.7 ? randomText(Math.floor(random() * 200)) : [randomText(5), { x: randomText(4) }];
      const text = JSON.stringify(value, null, random() < 0.5 ? 1 : undefined);
      expect(parse(text, 16)).toEqual({ ok: true, value: JSON.parse(text) });
    }
  });

  it('refuses what JSON.parse refuses, inside a cut string too', () => {
    for (const text of ['{"a":"raw\ncontrol character"}', '{"a":"bad \\x escape"}', '{"a":"unterminated}', '{"a":"x",}', '{"a":"x"', '{"a" "x"}', '{"a":"\u0000"}']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(parse(text), text).toEqual({ ok: false, problem: 'json' });
    }
  });

  it('refuses invalid UTF-8 and nesting deeper than the limit before parsing; skips a byte order mark; an empty body is {}', () => {
    expect(parse(Buffer.from('{"x":"\xe5"}', 'latin1'))).toEqual({ ok: false, problem: 'utf8' });
    expect(parse(`{"a":${'['.repeat(70)}${']'.repeat(70)}}`)).toEqual({ ok: false, problem: 'depth' });
    expect(parse(`{"a":"${'['.repeat(70)}"}`)).toEqual({ ok: true, value: { a: '['.repeat(70) } });
    expect(parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"b"}')]))).toEqual({ ok: true, value: { a: 'b' } });
    expect(parse('')).toEqual({ ok: true, value: {} });
  });

  it('cuts a base64 member of a realistic body and gives it back whole', () => {
    const file = Buffer.alloc(300_000, 'akt;fråga;svar\n').toString('base64');
    const result = parseJsonBody(Buffer.from(JSON.stringify({ reviewId: 'r', contentBase64: file, validRowsOnly: true })));
    expect(result).toEqual({ ok: true, value: { reviewId: 'r', contentBase64: file, validRowsOnly: true } });
  });
});
