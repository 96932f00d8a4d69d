import type { PublishedShareBySex } from '../../contract/results';
import { compareSexes, TOO_SMALL_SENTENCE, type Population } from '../../stats/verdict';

/**
 * The girls-vs-boys verdict of the publication set, computed from the PRINTED counts only, so the
 * sentence (its shares, its p) says nothing the printed figures do not. Where either share is not
 * printed, the one honest sentence: the figures are too few to conclude anything.
 */
export function sexVerdict(share: PublishedShareBySex, population: Population): { code: 'difference' | 'no_difference' | 'too_small' | 'no_variation'; text: string } {
  const { F, M } = share;
  if (F.percent === null || M.percent === null || F.yes === null || F.applicable === null || M.yes === null || M.applicable === null) {
    return { code: 'too_small', text: TOO_SMALL_SENTENCE };
  }
  const verdict = compareSexes({ yes: F.yes, applicable: F.applicable }, { yes: M.yes, applicable: M.applicable }, population);
  return { code: verdict.code, text: verdict.text };
}
