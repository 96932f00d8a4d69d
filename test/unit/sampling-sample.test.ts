import { describe, expect, it } from 'vitest';
import { allocateProportionally } from '../../shared/sampling/allocate';
import { compareCodeUnits, seededOrder } from '../../shared/sampling/order';
import { prngFromSeed, randomBelow } from '../../shared/sampling/prng';
import { drawSample, nextReplacement, type FrameCase, type SampleResult, type SamplingMethod, type Seed } from '../../shared/sampling/sample';

const refs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);
const frameOf = (units: Record<string, string[]>): FrameCase[] =>
  Object.entries(units).flatMap(([unit, rs]) => rs.map((ref) => ({ ref, unit })));

const small = frameOf({ 'Enhet Norr': refs('NORR', 12), 'Enhet Syd': refs('SYD', 7), Östermalm: refs('ÖST', 5) });

function sample(frame: readonly FrameCase[], method: SamplingMethod, seed: Seed, units?: string[]): SampleResult {
  const result = drawSample(frame, method, seed, units);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('seededOrder', () => {
  it('reproduces the hand-worked example in docs/sampling.md', () => {
    expect(seededOrder(['A-05', 'A-01', 'A-03', 'A-02', 'A-04'], '7', 'A')).toEqual(['A-03', 'A-05', 'A-04', 'A-01', 'A-02']);
  });

  it('does not depend on the order the frame arrives in', () => {
    const rs = refs('NORR', 12);
    expect(seededOrder([...rs].reverse(), 'urval-2025', 'Enhet Norr')).toEqual(seededOrder(rs, 'urval-2025', 'Enhet Norr'));
  });

  it('is a permutation of the frame', () => {
    const rs = refs('X', 200);
    expect([...seededOrder(rs, 's', 'u')].sort()).toEqual(rs);
  });

  it('handles frames of 0 and 1 cases', () => {
    expect(seededOrder([], 's', 'u')).toEqual([]);
    expect(seededOrder(['A'], 's', 'u')).toEqual(['A']);
  });

  it('is the forward Fisher–Yates shuffle of the code-unit-sorted frame', () => {
    const rs = ['b', 'AKT-9', 'AKT-10', 'Å-1', 'a'];
    const expected = [...rs].sort(compareCodeUnits);
    const next = prngFromSeed('s:u');
    for (let i = 0; i < expected.length - 1; i++) {
      const j = i + randomBelow(next, expected.length - i);
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    expect(seededOrder(rs, 's', 'u')).toEqual(expected);
  });
});

describe('compareCodeUnits', () => {
  it('orders by UTF-16 code units, whatever the locale: digits as text, capitals before small letters, Å last', () => {
    expect(['b', 'Å-1', 'AKT-9', 'a', 'AKT-10'].sort(compareCodeUnits)).toEqual(['AKT-10', 'AKT-9', 'a', 'b', 'Å-1']);
  });
});

describe('drawSample — golden samples (must never change: a changed value means old samples cannot be reproduced)', () => {
  it('n per unit', () => {
    const result = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2025');
    expect(result.units.map((u) => [u.unit, u.frameSize, u.selected])).toEqual([
      ['Enhet Norr', 12, ['NORR-0009', 'NORR-0005', 'NORR-0012']],
      ['Enhet Syd', 7, ['SYD-0006', 'SYD-0001', 'SYD-0003']],
      ['Östermalm', 5, ['ÖST-0004', 'ÖST-0002', 'ÖST-0001']],
    ]);
    expect(result.units[0].order).toEqual([
      'NORR-0009', 'NORR-0005', 'NORR-0012', 'NORR-0001', 'NORR-0010', 'NORR-0003',
      'NORR-0007', 'NORR-0002', 'NORR-0011', 'NORR-0008', 'NORR-0006', 'NORR-0004',
    ]);
    expect(result.sample).toEqual(['NORR-0009', 'NORR-0005', 'NORR-0012', 'SYD-0006', 'SYD-0001', 'SYD-0003', 'ÖST-0004', 'ÖST-0002', 'ÖST-0001']);
  });

  it('an integer seed, with a shortfall in the smallest unit', () => {
    const result = sample(small, { kind: 'per-unit', n: 6 }, 4711);
    expect(result.seed).toBe('4711');
    expect(result.algorithm).toBe('fnv1a32-mulberry32-fisher-yates/1');
    expect(result.units.map((u) => [u.unit, u.requested, u.selected, u.shortfall])).toEqual([
      ['Enhet Norr', 6, ['NORR-0009', 'NORR-0007', 'NORR-0012', 'NORR-0002', 'NORR-0004', 'NORR-0003'], 0],
      ['Enhet Syd', 6, ['SYD-0001', 'SYD-0005', 'SYD-0004', 'SYD-0002', 'SYD-0003', 'SYD-0006'], 0],
      ['Östermalm', 6, ['ÖST-0003', 'ÖST-0002', 'ÖST-0005', 'ÖST-0001', 'ÖST-0004'], 1],
    ]);
    expect(result.shortfall).toBe(1);
  });

  it('36 in total over three districts of 120, 95 and 85 cases (the size tie-break decides the last case)', () => {
    const frame = frameOf({ Farsta: refs('F', 120), Skärholmen: refs('S', 95), 'Spånga-Tensta': refs('T', 85) });
    const result = sample(frame, { kind: 'total', n: 36 }, 'kvalitetsgranskning 2025');
    expect(result.units.map((u) => [u.unit, u.frameSize, u.requested])).toEqual([
      ['Farsta', 120, 15],
      ['Skärholmen', 95, 11],
      ['Spånga-Tensta', 85, 10],
    ]);
    expect(result.sample).toEqual([
      'F-0039', 'F-0013', 'F-0092', 'F-0021', 'F-0111', 'F-0049', 'F-0116', 'F-0112', 'F-0059', 'F-0037', 'F-0028', 'F-0001', 'F-0035', 'F-0119', 'F-0005',
      'S-0038', 'S-0019', 'S-0077', 'S-0059', 'S-0072', 'S-0017', 'S-0082', 'S-0080', 'S-0025', 'S-0062', 'S-0073',
      'T-0074', 'T-0033', 'T-0010', 'T-0018', 'T-0048', 'T-0061', 'T-0063', 'T-0073', 'T-0007', 'T-0071',
    ]);
  });
});

describe('drawSample — methods', () => {
  it('an integer seed is the same as its decimal digits as text', () => {
    expect(sample(small, { kind: 'per-unit', n: 4 }, 4711)).toEqual(sample(small, { kind: 'per-unit', n: 4 }, '4711'));
  });

  it('does not depend on the order of the frame', () => {
    const reversed = [...small].reverse();
    expect(sample(reversed, { kind: 'total', n: 10 }, 'urval-2025')).toEqual(sample(small, { kind: 'total', n: 10 }, 'urval-2025'));
  });

  it('total: the sample is the start of the same per-unit orders, sized by the Hamilton split', () => {
    const total = sample(small, { kind: 'total', n: 10 }, 'urval-2025');
    const perUnit = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2025');
    // 10 × 12/24 = 5, 10 × 7/24 = 2.92, 10 × 5/24 = 2.08: whole parts 5 + 2 + 2, the last seat to the largest fraction.
    expect(total.units.map((u) => u.requested)).toEqual([5, 3, 2]);
    expect(total.sample).toHaveLength(10);
    total.units.forEach((u, i) => expect(u.order).toEqual(perUnit.units[i].order));
    total.units.forEach((u) => expect(u.selected).toEqual(u.order.slice(0, u.requested)));
  });

  it('total larger than the frame: everything, with the shortfall spread by the same split', () => {
    const result = sample(small, { kind: 'total', n: 30 }, 's');
    expect(result.sample).toHaveLength(24);
    expect(result.units.map((u) => [u.requested, u.shortfall])).toEqual([[15, 3], [9, 2], [6, 1]]);
    expect(result.shortfall).toBe(6);
  });

  it('all: every case, each unit in its seeded order', () => {
    const result = sample(small, { kind: 'all' }, 'urval-2025');
    expect(result.sample).toHaveLength(24);
    expect(result.units.map((u) => [u.requested, u.shortfall])).toEqual([[12, 0], [7, 0], [5, 0]]);
    expect(result.units[0].selected).toEqual(sample(small, { kind: 'per-unit', n: 12 }, 'urval-2025').units[0].selected);
  });

  it('adding a unit leaves every other unit’s order and sample untouched', () => {
    const before = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2025');
    const after = sample([...small, ...frameOf({ 'Enhet Mitt': refs('MITT', 9) })], { kind: 'per-unit', n: 3 }, 'urval-2025');
    expect(after.units.map((u) => u.unit)).toEqual(['Enhet Mitt', 'Enhet Norr', 'Enhet Syd', 'Östermalm']);
    expect(after.units.slice(1)).toEqual(before.units);
  });

  it('the seed changes the sample', () => {
    const a = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2025');
    const b = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2026');
    expect(b.sample).not.toEqual(a.sample);
  });

  it('lists a review unit without cases with a frame of 0 and reports its shortfall', () => {
    const result = sample(small, { kind: 'per-unit', n: 2 }, 's', ['Enhet Norr', 'Kungsholmen']);
    expect(result.units.find((u) => u.unit === 'Kungsholmen')).toEqual({ unit: 'Kungsholmen', frameSize: 0, requested: 2, selected: [], shortfall: 2, order: [] });
    expect(result.frameSize).toBe(24);
  });

  it.each([
    ['an empty frame', [], { kind: 'all' }, 's', /Urvalsramen är tom/],
    ['n = 0', small, { kind: 'per-unit', n: 0 }, 's', /heltal från 1/],
    ['a fractional n', small, { kind: 'total', n: 2.5 }, 's', /heltal från 1/],
    ['an empty seed', small, { kind: 'all' }, '  ', /Fröet/],
    ['a negative seed', small, { kind: 'all' }, -1, /Fröet/],
    ['a fractional seed', small, { kind: 'all' }, 1.5, /Fröet/],
    ['a duplicate case reference', [...small, { ref: 'SYD-0003', unit: 'Östermalm' }], { kind: 'all' }, 's', /SYD-0003/],
  ] as [string, FrameCase[], SamplingMethod, Seed, RegExp][])('refuses %s with a Swedish message', (_what, frame, method, seed, message) => {
    const result = drawSample(frame, method, seed);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
  });
});

describe('allocateProportionally (largest remainder)', () => {
  it('gives the extra seats to the largest fractional parts', () => {
    expect(allocateProportionally(10, [{ unit: 'A', size: 12 }, { unit: 'B', size: 7 }, { unit: 'C', size: 5 }])).toEqual([5, 3, 2]);
  });

  it('breaks ties in the remainder by the larger frame, then by unit name in code-unit order', () => {
    // 5 × 3/10 = 1.5 and 5 × 7/10 = 3.5: equal remainders; B has the larger frame although A sorts first.
    expect(allocateProportionally(5, [{ unit: 'A', size: 3 }, { unit: 'B', size: 7 }])).toEqual([1, 4]);
    // 2 × 1/3 each: all equal; names decide, whatever the input order.
    expect(allocateProportionally(2, [{ unit: 'C', size: 1 }, { unit: 'B', size: 1 }, { unit: 'A', size: 1 }])).toEqual([0, 1, 1]);
  });

  it('always sums to n and keeps every count within one of its exact quota', () => {
    const next = prngFromSeed('egenskapstest');
    for (let round = 0; round < 500; round++) {
      const sizes = Array.from({ length: 1 + randomBelow(next, 12) }, (_, i) => ({ unit: `U${i}`, size: randomBelow(next, 300) }));
      const total = sizes.reduce((s, u) => s + u.size, 0);
      if (total === 0) continue;
      const n = 1 + randomBelow(next, total);
      const counts = allocateProportionally(n, sizes);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      counts.forEach((c, i) => {
        const quota = (n * sizes[i].size) / total;
        expect(c).toBeGreaterThanOrEqual(Math.floor(quota));
        expect(c).toBeLessThanOrEqual(Math.ceil(quota));
        expect(c).toBeLessThanOrEqual(sizes[i].size);
      });
    }
  });

  it('gives nothing when the frame is empty', () => {
    expect(allocateProportionally(5, [{ unit: 'A', size: 0 }])).toEqual([0]);
  });
});

describe('nextReplacement', () => {
  const unit = sample(small, { kind: 'per-unit', n: 3 }, 'urval-2025').units[0];

  it('takes the next case of the unit in seeded order, then the one after', () => {
    const used = new Set(unit.selected);
    const first = nextReplacement(unit.order, used);
    expect(first).toBe('NORR-0001');
    used.add(first!);
    expect(nextReplacement(unit.order, used)).toBe('NORR-0010');
  });

  it('accepts the used cases as an array', () => {
    expect(nextReplacement(unit.order, [...unit.selected, 'NORR-0001'])).toBe('NORR-0010');
  });

  it('skips any case already used, wherever it sits in the order', () => {
    expect(nextReplacement(unit.order, [...unit.selected, 'NORR-0010'])).toBe('NORR-0001');
  });

  it('is undefined when the unit has no cases left', () => {
    expect(nextReplacement(unit.order, unit.order)).toBeUndefined();
    expect(nextReplacement([], [])).toBeUndefined();
  });
});
