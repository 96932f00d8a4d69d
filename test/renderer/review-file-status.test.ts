import { describe, expect, it } from 'vitest';
import { progressStatus } from '../../renderer/src/screens/reviews/review/file-status';
import { range } from '../../renderer/src/screens/reviews/review/counts';
import { akter, countOf } from '../../shared/util/plural-sv';

const file = (over: { answered?: number; total?: number; requiredMissing?: number; markedDone?: boolean; done?: boolean }) => ({
  caseId: 'c1',
  ref: 'AKT-1',
  unit: 'Enhet A',
  sex: 'F' as const,
  ageBand: null,
  status: 'selected' as const,
  markedDone: over.markedDone ?? false,
  done: over.done ?? false,
  progress: { answered: over.answered ?? 0, total: over.total ?? 38, requiredMissing: over.requiredMissing ?? 0 },
});

describe('the status of a sampled file', () => {
  it('is "Ej påbörjad", "Påbörjad n av m" or "Klar"', () => {
    expect(progressStatus(file({}))).toBe('Ej påbörjad');
    expect(progressStatus(file({ answered: 15 }))).toBe('Påbörjad 15 av 38');
    expect(progressStatus(file({ answered: 38, markedDone: true, done: true }))).toBe('Klar');
  });

  it('does not call a file marked done with required questions unanswered "Klar"', () => {
    expect(progressStatus(file({ answered: 15, requiredMissing: 23, markedDone: true }))).toBe('Markerad klar – 23 obligatoriska frågor saknar svar');
    expect(progressStatus(file({ answered: 37, requiredMissing: 1, markedDone: true }))).toBe('Markerad klar – 1 obligatorisk fråga saknar svar');
  });
});

describe('counts in Swedish', () => {
  it('puts the noun in the right number and groups thousands the sv-SE way', () => {
    expect(akter(1)).toBe('1 akt');
    expect(akter(0)).toBe('0 akter');
    expect(akter(120_000)).toBe('120\u00a0000 akter');
    expect(countOf(2, 'enhet', 'enheter')).toBe('2 enheter');
    expect(range(1, 50)).toBe('1–50');
  });
});
