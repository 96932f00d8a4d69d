import { describe, expect, it } from 'vitest';
import {
  formatLegalRef,
  formatValidity,
  legalRefsInPeriod,
  NO_PERIOD,
  validityNoteInPeriod,
  validThroughoutPeriod,
} from '../../shared/templates/legal-in-period';
import type { LegalRef } from '../../shared/templates/schema';

const oldSol: LegalRef = { act: 'SoL (2001:453)', chapter: 11, section: '1 a', validTo: '2025-06-30' };
const newSol: LegalRef = { act: 'SoL (2025:400)', chapter: 20, section: '2', validFrom: '2025-07-01' };
const sosfs: LegalRef = { act: 'SOSFS 2014:5', chapter: 6 };
const refs = [oldSol, sosfs, newSol];

const acts = (list: LegalRef[]) => list.map((r) => r.act);

describe('legalRefsInPeriod', () => {
  it('keeps only the old law for a period that ends before 1 July 2025', () => {
    expect(acts(legalRefsInPeriod(refs, { from: '2024-01-01', to: '2024-12-31' }))).toEqual(['SOSFS 2014:5', 'SoL (2001:453)']);
  });

  it('keeps only the new law for a period that starts on or after 1 July 2025', () => {
    expect(acts(legalRefsInPeriod(refs, { from: '2025-07-01', to: '2026-06-30' }))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5']);
  });

  it('keeps both laws, newest first, for a period across the change', () => {
    expect(acts(legalRefsInPeriod(refs, { from: '2025-01-01', to: '2025-12-31' }))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5', 'SoL (2001:453)']);
  });

  it('counts both ends of a validity as in force', () => {
    expect(acts(legalRefsInPeriod(refs, { from: '2025-06-30', to: '2025-06-30' }))).toEqual(['SOSFS 2014:5', 'SoL (2001:453)']);
    expect(acts(legalRefsInPeriod(refs, { from: '2025-07-01', to: '2025-07-01' }))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5']);
  });

  it('treats a missing period bound as open', () => {
    expect(acts(legalRefsInPeriod(refs, { from: null, to: '2025-03-31' }))).toEqual(['SOSFS 2014:5', 'SoL (2001:453)']);
    expect(acts(legalRefsInPeriod(refs, { from: '2025-09-01', to: null }))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5']);
    expect(acts(legalRefsInPeriod(refs, { from: null, to: '2025-07-01' }))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5', 'SoL (2001:453)']);
  });

  it('returns every reference, the current ones first, without a period', () => {
    expect(acts(legalRefsInPeriod(refs, NO_PERIOD))).toEqual(['SoL (2025:400)', 'SOSFS 2014:5', 'SoL (2001:453)']);
  });

  it('keeps the template order among references with the same validity', () => {
    const a: LegalRef = { act: 'SoL (2001:453)', chapter: 11, section: '2', validTo: '2025-06-30' };
    const b: LegalRef = { act: 'SoL (2001:453)', chapter: 5, section: '1 a', validTo: '2025-06-30' };
    expect(legalRefsInPeriod([a, b], NO_PERIOD)).toEqual([a, b]);
    expect(legalRefsInPeriod([b, a], NO_PERIOD)).toEqual([b, a]);
  });

  it('answers an empty list for a question without references', () => {
    expect(legalRefsInPeriod(undefined, NO_PERIOD)).toEqual([]);
    expect(legalRefsInPeriod([], { from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
  });
});

describe('validity within a period', () => {
  it('says whether a reference covers every day of the period', () => {
    expect(validThroughoutPeriod(oldSol, { from: '2024-01-01', to: '2025-06-30' })).toBe(true);
    expect(validThroughoutPeriod(oldSol, { from: '2025-01-01', to: '2025-12-31' })).toBe(false);
    expect(validThroughoutPeriod(newSol, { from: '2025-07-01', to: null })).toBe(true);
    expect(validThroughoutPeriod(newSol, NO_PERIOD)).toBe(false);
    expect(validThroughoutPeriod(sosfs, NO_PERIOD)).toBe(true);
  });

  it('notes when a reference applies only where it covers part of the period', () => {
    const across = { from: '2025-01-01', to: '2025-12-31' };
    expect(validityNoteInPeriod(newSol, across)).toBe('gäller från den 1 juli 2025');
    expect(validityNoteInPeriod(oldSol, across)).toBe('gäller till och med den 30 juni 2025');
    expect(validityNoteInPeriod(sosfs, across)).toBe('');
    expect(validityNoteInPeriod(newSol, { from: '2025-08-01', to: '2025-12-31' })).toBe('');
  });
});

describe('formatLegalRef', () => {
  it('cites chapter and section before the act, as Swedish citations do', () => {
    expect(formatLegalRef(newSol)).toBe('20 kap. 2 § SoL (2025:400)');
    expect(formatLegalRef({ act: 'SoL (2025:400)', chapter: 11, section: '1' })).toBe('11 kap. 1 § SoL (2025:400)');
    expect(formatLegalRef(oldSol)).toBe('11 kap. 1 a § SoL (2001:453)');
  });

  it('leaves out the parts a reference does not have', () => {
    expect(formatLegalRef(sosfs)).toBe('6 kap. SOSFS 2014:5');
    expect(formatLegalRef({ act: 'Förvaltningslag (2017:900)', section: '32' })).toBe('32 § Förvaltningslag (2017:900)');
    expect(formatLegalRef({ act: 'SoL (2025:400)' })).toBe('SoL (2025:400)');
    expect(formatLegalRef({ act: 'SoL (2025:400)', chapter: '', section: '' })).toBe('SoL (2025:400)');
    expect(formatLegalRef({ act: 'SoL (2001:453)', chapter: '2 a', section: '1' })).toBe('2 a kap. 1 § SoL (2001:453)');
  });
});

describe('formatValidity', () => {
  it('writes the dates in words', () => {
    expect(formatValidity(newSol)).toBe('gäller från den 1 juli 2025');
    expect(formatValidity(oldSol)).toBe('gäller till och med den 30 juni 2025');
    expect(formatValidity({ act: 'SoL (2001:453)', validFrom: '2002-01-01', validTo: '2025-06-30' })).toBe('gäller från den 1 januari 2002 till och med den 30 juni 2025');
    expect(formatValidity(sosfs)).toBe('');
  });
});
