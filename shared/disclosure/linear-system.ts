/**
 * What an outsider knows about a review's counts once its publication set is out, as linear
 * constraints over non-negative unknowns (the attacker's model of docs/disclosure.md §5).
 *
 * Unknowns are counts of files (a group's size, the files of a group that gave an answer), so each
 * is ≥ 0. Every published count is an equality over a sum of unknowns; a published percentage with
 * its rounding interval is a pair of inequalities over numerator and denominator. Pure data: the
 * solver that computes intervals lives in main/core/disclosure.
 */

export interface LinearTerm {
  readonly variable: number;
  readonly coefficient: number;
}

/** lower ≤ Σ coefficient·x ≤ upper (lower = upper for an equality). */
export interface LinearRow {
  readonly terms: readonly LinearTerm[];
  readonly lower: number;
  readonly upper: number;
  /** Which published figure this row states, for a person reading the model. */
  readonly source: string;
}

export interface LinearSystem {
  /** Names of the unknowns, in index order. */
  readonly variables: readonly string[];
  /** An upper bound per unknown where one is known (Infinity otherwise); every lower bound is 0. */
  readonly upperBounds: readonly number[];
  readonly rows: readonly LinearRow[];
}

/** A sum of unknowns: the cell of a table as the attacker sees it. */
export type CellSum = readonly number[];

export class LinearSystemBuilder {
  private readonly names: string[] = [];
  private readonly bounds: number[] = [];
  private readonly rows: LinearRow[] = [];
  private readonly byName = new Map<string, number>();

  /** The unknown called `name`, created on first use. */
  variable(name: string, upperBound = Infinity): number {
    const known = this.byName.get(name);
    if (known !== undefined) {
      if (upperBound < this.bounds[known]) this.bounds[known] = upperBound;
      return known;
    }
    const index = this.names.length;
    this.names.push(name);
    this.bounds.push(upperBound);
    this.byName.set(name, index);
    return index;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Σ cells = value: a published count. */
  equal(cells: CellSum, value: number, source: string): void {
    this.rows.push({ terms: unitTerms(cells), lower: value, upper: value, source });
  }

  /** Σ left − Σ right = 0: two sums that must agree (a group's size is the sum of its answer classes). */
  same(left: CellSum, right: CellSum, source: string): void {
    this.rows.push({ terms: [...unitTerms(left), ...unitTerms(right).map((t) => ({ ...t, coefficient: -1 }))], lower: 0, upper: 0, source });
  }

  /** Σ cells ≤ Σ bound. */
  atMost(cells: CellSum, bound: CellSum, source: string): void {
    this.rows.push({ terms: [...unitTerms(cells), ...unitTerms(bound).map((t) => ({ ...t, coefficient: -1 }))], lower: -Infinity, upper: 0, source });
  }

  /**
   * A published percentage p of numerator/denominator, printed to `decimals` decimals: the true
   * value lies in [p − h, p + h] with h half a unit of the last decimal, so
   * (p − h)·den ≤ 100·num ≤ (p + h)·den.
   */
  percent(numerator: CellSum, denominator: CellSum, printed: number, decimals: number, source: string): void {
    const half = 0.5 * 10 ** -decimals;
    const low = Math.max(0, printed - half);
    const high = Math.min(100, printed + half);
    const terms = (factor: number) => [...unitTerms(numerator).map((t) => ({ ...t, coefficient: 100 })), ...unitTerms(denominator).map((t) => ({ ...t, coefficient: -factor }))];
    this.rows.push({ terms: merge(terms(low)), lower: 0, upper: Infinity, source });
    this.rows.push({ terms: merge(terms(high)), lower: -Infinity, upper: 0, source });
  }

  build(): LinearSystem {
    return { variables: [...this.names], upperBounds: [...this.bounds], rows: [...this.rows] };
  }
}

function unitTerms(cells: CellSum): LinearTerm[] {
  return merge(cells.map((variable) => ({ variable, coefficient: 1 })));
}

/** Adds the coefficients of repeated unknowns, so every row names each unknown at most once. */
function merge(terms: readonly LinearTerm[]): LinearTerm[] {
  const sums = new Map<number, number>();
  for (const { variable, coefficient } of terms) sums.set(variable, (sums.get(variable) ?? 0) + coefficient);
  return [...sums].filter(([, c]) => c !== 0).map(([variable, coefficient]) => ({ variable, coefficient }));
}
