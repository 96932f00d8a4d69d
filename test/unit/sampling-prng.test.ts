import { describe, expect, it } from 'vitest';
import { fnv1a32, mulberry32, prngFromSeed, randomBelow, type Prng } from '../../shared/sampling/prng';

/** A stand-in generator that returns the given outputs in turn. */
const scripted = (outputs: number[]): Prng & { calls: () => number } => {
  let i = 0;
  const next = (() => outputs[i++]) as Prng & { calls: () => number };
  next.calls = () => i;
  return next;
};

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('matches the worked example in docs/sampling.md', () => {
    expect(fnv1a32('7:A')).toBe(0x5dd6ccff);
  });

  it('hashes UTF-8 bytes after NFC, so Ö typed either way gives one seed', () => {
    expect(fnv1a32('\u00d6stermalm')).toBe(fnv1a32('O\u0308stermalm'));
    expect(fnv1a32('\u00d6stermalm')).not.toBe(fnv1a32('Ostermalm'));
  });
});

describe('mulberry32', () => {
  it('produces the worked example of docs/sampling.md from the state 0x5dd6ccff', () => {
    const next = mulberry32(0x5dd6ccff);
    expect([next(), next(), next(), next()]).toEqual([3_212_875_942, 77_221_559, 2_103_060_727, 476_611_990]);
  });

  it('equals the reference implementation as published (float-free, 32-bit) over many outputs', () => {
    // Tommy Ettinger's Mulberry32, verbatim apart from the variable names.
    const reference = (a: number) => () => {
      a |= 0;
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    for (const seed of [0, 1, 0x5dd6ccff, 0xffffffff]) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 10_000; i++) expect(ours()).toBe(theirs());
    }
  });

  it('always returns unsigned 32-bit integers', () => {
    const next = prngFromSeed('kontroll');
    for (let i = 0; i < 1000; i++) {
      const u = next();
      expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
    }
  });

  it('is a pure function of the seed text', () => {
    const a = prngFromSeed('urval-2025');
    const b = prngFromSeed('urval-2025');
    const c = prngFromSeed('urval-2026');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });
});

describe('randomBelow', () => {
  it('is u mod n when u is below the largest multiple of n', () => {
    expect(randomBelow(scripted([3_212_875_942]), 5)).toBe(2);
    expect(randomBelow(scripted([77_221_559]), 4)).toBe(3);
  });

  it('rejects outputs at or above 2^32 − (2^32 mod n) and draws again', () => {
    // For n = 3 the limit is 4 294 967 295: the single output 4 294 967 295 would favour 0.
    const next = scripted([4_294_967_295, 7]);
    expect(randomBelow(next, 3)).toBe(1);
    expect(next.calls()).toBe(2);
    // For n = 2^31 + 1 almost half of all outputs are rejected.
    const wide = scripted([2 ** 31 + 1, 2 ** 32 - 1, 5]);
    expect(randomBelow(wide, 2 ** 31 + 1)).toBe(5);
    expect(wide.calls()).toBe(3);
  });

  it('never rejects when n divides 2^32, and consumes one output even for n = 1', () => {
    const next = scripted([4_294_967_295, 4_294_967_295]);
    expect(randomBelow(next, 4)).toBe(3);
    expect(randomBelow(next, 1)).toBe(0);
    expect(next.calls()).toBe(2);
  });

  it('covers [0, n) evenly', () => {
    const next = prngFromSeed('jämn fördelning');
    const counts = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 70_000; i++) counts[randomBelow(next, 7)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400); // > 4 standard deviations
  });

  it('refuses n outside 1 … 2^32', () => {
    const next = prngFromSeed('x');
    for (const n of [0, -1, 1.5, 2 ** 32 + 1]) expect(() => randomBelow(next, n)).toThrow(RangeError);
  });
});
