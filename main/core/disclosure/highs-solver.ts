import loadHighs from 'highs';
import type { IntervalSession, IntervalSolver } from '../../../shared/disclosure/audit';
import type { CellSum, LinearSystem } from '../../../shared/disclosure/linear-system';

/**
 * The audit's LP solver: HiGHS (University of Edinburgh) compiled to WebAssembly, from the npm
 * package `highs` — no native code, no download at install. Loading the WebAssembly is
 * asynchronous and done once; every solve after that is synchronous.
 *
 * One model per audit: the system's rows are passed once, then per hidden cell the objective is set
 * to that cell's sum and minimised and maximised (HiGHS keeps the basis between solves, so each is a
 * few pivots from the last).
 */

type HighsModule = Awaited<ReturnType<typeof loadHighs>>;

let loading: Promise<HighsModule> | null = null;

/** Loads HiGHS once per process. */
export function loadSolver(): Promise<IntervalSolver> {
  // The package stays external to the Electron bundle (scripts/build.mjs): its loader finds highs.wasm beside itself.
  loading ??= loadHighs();
  return loading.then((highs) => ({ open: (system, cells) => openSession(highs, system, cells) }));
}

function openSession(highs: HighsModule, system: LinearSystem, cells: readonly CellSum[]): IntervalSession {
  const n = system.variables.length;
  // One auxiliary column per cell equal to its sum keeps each objective a single unit cost.
  const columns = n + cells.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const inf = highs.infinity;
  for (const row of system.rows) {
    for (const term of row.terms) {
      indices.push(term.variable);
      values.push(term.coefficient);
    }
    starts.push(indices.length);
    lower.push(row.lower === -Infinity ? -inf : row.lower);
    upper.push(row.upper === Infinity ? inf : row.upper);
  }
  cells.forEach((cell, k) => {
    const counts = new Map<number, number>();
    for (const v of cell) {
      if (!(Number.isInteger(v) && v >= 0 && v < n)) throw new RangeError(`disclosure audit: a hidden cell names unknown ${v}, the system has ${n}`);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const [v, c] of counts) {
      indices.push(v);
      values.push(c);
    }
    indices.push(n + k);
    values.push(-1);
    starts.push(indices.length);
    lower.push(0);
    upper.push(0);
  });
  const numRows = starts.length - 1;
  const colUpper = [...system.upperBounds.map((b) => (b === Infinity ? inf : b)), ...cells.map(() => inf)];
  const model = highs.createModel({
    numCols: columns,
    numRows,
    colCost: new Float64Array(columns),
    colLower: new Float64Array(columns),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: { format: 'csr', numRows, numCols: columns, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
  });
  try {
    // Primal simplex: a new objective leaves the last basis primal feasible, so each solve starts from
    // it (a few dozen pivots) — the dual simplex would start over (measured: 10 ms against 440 ms per
    // solve on 1,500 unknowns).
    model.options.set({ output_flag: false, solver: 'simplex', simplex_strategy: 4, presolve: 'off' });
  } catch (error) {
    model.dispose();
    throw error;
  }
  const optimum = (column: number, sense: 'min' | 'max'): number => {
    model.changeColsCost({ kind: 'set', indices: [column] }, [sense === 'min' ? 1 : -1]);
    try {
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.unbounded) return sense === 'max' ? Infinity : 0;
      if (status !== highs.constants.modelStatus.optimal) throw new Error(`the disclosure audit's LP ended with HiGHS status ${status}`);
      return model.getSolution().colValue[column];
    } finally {
      model.changeColsCost({ kind: 'set', indices: [column] }, [0]);
    }
  };
  return {
    min: (k) => optimum(n + k, 'min'),
    max: (k) => optimum(n + k, 'max'),
    close: () => model.dispose(),
  };
}
