import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../../renderer/src/routing/routes';

describe('review and scoring routes', () => {
  it('parses and formats the review screens', () => {
    expect(parseHash('#/granskningar')).toEqual({ name: 'reviews' });
    expect(parseHash('#/granskningar/r-1')).toEqual({ name: 'review', id: 'r-1' });
    expect(parseHash('#/granskningar/r-1/akt/c 2')).toEqual({ name: 'scoring', reviewId: 'r-1', caseId: 'c 2' });
    expect(parseHash('#/granskningar/r-1/x/c')).toEqual({ name: 'notFound', hash: '#/granskningar/r-1/x/c' });
    expect(hrefFor({ name: 'scoring', reviewId: 'r 1', caseId: 'c/2' })).toBe('#/granskningar/r%201/akt/c%2F2');
    expect(parseHash(hrefFor({ name: 'scoring', reviewId: 'r 1', caseId: 'c/2' }))).toEqual({ name: 'scoring', reviewId: 'r 1', caseId: 'c/2' });
  });
});
