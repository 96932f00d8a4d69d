/**
 * The seeded random numbers behind every sample. Chosen so that anyone can recompute them, on any
 * engine and in any language, from a published description:
 *
 * - the seed text is hashed to 32 bits with FNV-1a (32-bit) over its UTF-8 bytes (after Unicode
 *   NFC normalisation, so "ö" typed as one or two code points gives the same seed);
 * - that hash is the state of Mulberry32 (Tommy Ettinger, 2017), a 32-bit generator using only
 *   integer additions, XORs, shifts and multiplications modulo 2^32 (Math.imul) — no floating point,
 *   so every engine produces the same sequence;
 * - integers below n are drawn by rejection sampling, so every value is exactly equally likely.
 *
 * docs/sampling.md spells out each step with worked numbers.
 */

/** A generator: each call returns the next unsigned 32-bit integer (0 … 4 294 967 295). */
export type Prng = () => number;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MULBERRY_INCREMENT = 0x6d2b79f5;
const TWO_POW_32 = 4294967296;

const utf8 = new TextEncoder();

/** FNV-1a, 32-bit: for each UTF-8 byte, h = (h XOR byte) × 16777619 mod 2^32, from h = 2166136261. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text.normalize('NFC'))) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash;
}

/** Mulberry32 from a 32-bit state; the reference implementation, written out step by step. */
export function mulberry32(initialState: number): Prng {
  let state = initialState >>> 0;
  return () => {
    state = (state + MULBERRY_INCREMENT) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
    t = ((t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The generator for a seed text: Mulberry32 started from FNV-1a of the text. */
export function prngFromSeed(seedText: string): Prng {
  return mulberry32(fnv1a32(seedText));
}

/**
 * A uniformly distributed integer in [0, n), 1 ≤ n ≤ 2^32. Taking `u mod n` directly would favour
 * small values whenever n does not divide 2^32, so outputs at or above the largest multiple of n
 * (limit = 2^32 − (2^32 mod n)) are discarded and the next output is drawn. For n = 1 one output
 * is still consumed, which keeps the count of draws independent of the values drawn.
 */
export function randomBelow(next: Prng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError('randomBelow: n måste vara ett heltal 1 … 2^32.');
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (;;) {
    const u = next();
    if (u < limit) return u % n;
  }
}
