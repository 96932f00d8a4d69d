import type { DistributionBySex } from '../contract/results-parts';
import { distributionOf } from '../stats/distribution';
import type { Sex, ValueRow } from './shape';

const SEXES: readonly Sex[] = ['F', 'M', 'U'];

/** Values of one sex and of all; a stored value that is not a finite number (none should be) is left out rather than counted as 0. */
export function distributionBySex(rows: readonly { sex: Sex; value: number }[]): DistributionBySex {
  const of = (sex?: Sex) => distributionOf(rows.filter((r) => sex === undefined || r.sex === sex).map((r) => r.value));
  const [F, M, U] = SEXES.map((sex) => of(sex));
  return { F, M, U, total: of() };
}

/** A number question's stored answers (plain decimals) by sex. */
export function numberDistributionBySex(rows: readonly ValueRow[]): DistributionBySex {
  return distributionBySex(rows.map((r) => ({ sex: r.sex, value: Number(r.value) })).filter((r) => Number.isFinite(r.value)));
}
