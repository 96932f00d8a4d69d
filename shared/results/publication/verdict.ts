import type { PublishedShareBySex, Verdict } from '../../contract/results';
import { compareSexes, TOO_SMALL_SENTENCE, type Population } from '../../stats/verdict';
import { verdictOf } from '../verdicts';

/**
 * The girls-vs-boys verdict of the publication set, computed from the PRINTED counts only, so the
 * sentence (its shares, its p) says nothing the printed figures do not. Where either share is not
 * printed, the one honest sentence: the figures are too few to conclude anything.
 */
export function sexVerdict(share: PublishedShareBySex, population: Population): Verdict {
  const { F, M } = share;
  if (F.percent === null || M.percent === null || F.yes === null || F.applicable === null || M.yes === null || M.applicable === null) {
    return { code: 'too_small', text: TOO_SMALL_SENTENCE, p: null, pAdjusted: null, difference: null };
  }
  return verdictOf(compareSexes({ yes: F.yes, applicable: F.applicable }, { yes: M.yes, applicable: M.applicable }, population));
}
