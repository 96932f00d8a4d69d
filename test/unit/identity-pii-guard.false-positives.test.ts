import { describe, expect, it } from 'vitest';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import { FALSE_POSITIVES, KNOWN_OVERLAPS } from '../support/pii-false-positives';

/*
 * Issue 16: the detector reads more spellings than before (by layout, not by a list), and must
 * still find nothing in ordinary text full of numbers — phone numbers in every Swedish format,
 * Dnr, dates and ranges, times, amounts, organisation numbers, postcodes, bankgiro and plusgiro,
 * OCR and card numbers, ISBN, years and lists of counts. Each string is tried alone, inside a
 * sentence, and all of a category joined into one text. What it refuses on purpose is pinned
 * apart, so a change to that list is a decision, not an accident.
 */

const all = Object.values(FALSE_POSITIVES).flat();

describe('ordinary numbers are never taken for a personal number', () => {
  it('the set is large enough to mean something', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    console.info(`identity-pii-guard.false-positives: ${all.length} strings in ${Object.keys(FALSE_POSITIVES).length} categories`);
  });

  it.each(Object.entries(FALSE_POSITIVES))('%s: alone, in a sentence, and all joined', (_category, strings) => {
    const hits: string[] = [];
    for (const text of [...strings, ...strings.map((s) => `Enligt akten: ${s}. Se vidare bilaga 2.`), strings.join('\n'), strings.join(', ')]) {
      for (const hit of findIdentityNumbers(text)) hits.push(`${JSON.stringify(text.slice(hit.start, hit.end))} in ${JSON.stringify(text.slice(0, 80))}`);
    }
    expect(hits).toEqual([]);
  });

  it('the known overlaps are refused, as documented in pii-guard.ts', () => {
    for (const text of KNOWN_OVERLAPS) expect(findIdentityNumbers(`Se ${text} här`), text).toHaveLength(1);
  });
});
