import type { CellSum, LinearSystem } from './linear-system';

/**
 * The attacker's audit (docs/disclosure.md §5): given everything a publication set prints, as a
 * linear system, how far can each hidden cell be pinned down? A hidden cell is DISCLOSED when its
 * feasible interval is a single value, or lies inside [1, threshold − 1] (then the attacker knows
 * a small group exists, which is what the threshold is there to hide).
 *
 * The solver computes, per cell, the minimum and maximum of its sum over every non-negative real
 * solution of the system (the LP relaxation, as tau-argus and sdcTable audit linked tables), and
 * rounds them inward to whole numbers: a count is an integer, so [2.3, 4.7] means 3..4.
 */

export interface HiddenCell {
  /** Stable id, e.g. "basis.sex.U" or "question.q3.U.yes". */
  readonly id: string;
  /** What a person reads: "Underlag, okänt kön". */
  readonly label: string;
  readonly cells: CellSum;
  /**
   * The cell's true value, known to the publisher. The audit uses it only to stop early: once the
   * minimum is below it (two values possible) and 0 or the value is at least the threshold, the
   * cell cannot be disclosed whatever the maximum is. The verdict is the same as with both bounds.
   */
  readonly value?: number;
}

export interface CellInterval {
  readonly min: number;
  readonly max: number;
}

/** One system loaded into the solver; min and max of the i-th cell sum over its real solutions. */
export interface IntervalSession {
  min(index: number): number;
  max(index: number): number;
  close(): void;
}

/** Opens sessions; implemented over an LP solver in main/core/disclosure. */
export interface IntervalSolver {
  open(system: LinearSystem, cells: readonly CellSum[]): IntervalSession;
}

/** Every cell's whole-number interval (both bounds). */
export function intervalsOf(solver: IntervalSolver, system: LinearSystem, cells: readonly CellSum[]): CellInterval[] {
  const session = solver.open(system, cells);
  try {
    return cells.map((_, i) => integerInterval(session.min(i), session.max(i)));
  } finally {
    session.close();
  }
}

export interface DisclosedCell {
  readonly id: string;
  readonly label: string;
  readonly interval: CellInterval;
  /** Why: one value left, or only small non-zero values left. */
  readonly reason: 'single-value' | 'small-range';
}

export interface AuditReport {
  /** Published figures (counts and percentages) the attacker starts from. */
  readonly published: number;
  /** Hidden cells the audit tried to pin down. */
  readonly hidden: number;
  /** Every hidden cell whose interval gives it away; empty when the set is safe. */
  readonly disclosed: DisclosedCell[];
}

/** Whether an interval gives its cell away under `threshold`. */
export function disclosureOf(interval: CellInterval, threshold: number): DisclosedCell['reason'] | null {
  if (interval.min === interval.max) return 'single-value';
  if (interval.min >= 1 && interval.max <= threshold - 1) return 'small-range';
  return null;
}

/** Rounds a solver's real bounds inward to whole counts, forgiving the solver's tolerance. */
export function integerInterval(min: number, max: number, tolerance = 1e-6): CellInterval {
  const low = Math.max(0, Math.ceil(min - tolerance));
  const high = Math.floor(max + tolerance);
  // An empty integer range can only come from rounding noise around one value.
  return high < low ? { min: low, max: low } : { min: low, max: high };
}

export function auditSystem(system: LinearSystem, published: number, hidden: readonly HiddenCell[], threshold: number, solver: IntervalSolver): AuditReport {
  const disclosed: DisclosedCell[] = [];
  if (hidden.length === 0) return { published, hidden: 0, disclosed };
  const session = solver.open(system, hidden.map((h) => h.cells));
  try {
    hidden.forEach((cell, i) => {
      const low = integerInterval(session.min(i), Infinity).min;
      if (cell.value !== undefined) {
        if (low > cell.value) throw new Error(`disclosure audit: the published figures exclude the true value of ${cell.id}`);
        // At least two values remain (low and the true one), and the range reaches 0 or the threshold.
        if (low < cell.value && (low === 0 || cell.value >= threshold)) return;
      }
      const interval = integerInterval(session.min(i), session.max(i));
      const reason = disclosureOf(interval, threshold);
      if (reason) disclosed.push({ id: cell.id, label: cell.label, interval, reason });
    });
  } finally {
    session.close();
  }
  return { published, hidden: hidden.length, disclosed };
}
