import type { Database } from 'better-sqlite3';
import { allocateProportionally } from '../../../shared/sampling/allocate';
import { compareCodeUnits } from '../../../shared/sampling/order';

interface UnitRow {
  case_id: string;
  seeded_order: number;
  status: 'selected' | 'replacement' | 'dropped' | 'reserve';
  changed_at: string | null;
}

interface SampleRow {
  method: 'per-unit' | 'total' | 'all';
  n: number | null;
  frame: string;
}

/**
 * For each dropped file of one unit, the file that now stands in for it: its replacement, or, if
 * that replacement was dropped too, the replacement's own, and so on; null when the unit's frame
 * ran out. The store keeps no link between a dropout and its replacement, but it does not need to:
 * a replacement is always the first unused file of the seeded order (sampling.dropout), so the
 * files in use are a prefix of the order — the drawn sample (the first `drawnCount`), then the
 * replacements in the order the dropouts happened. The i-th dropout (by time; equal times by
 * seeded order, which only a frozen test clock produces) got the i-th replacement.
 */
export function standInsOfUnit(db: Database, reviewId: string, unit: string): Map<string, string | null> {
  const rows = db
    .prepare('SELECT case_id, seeded_order, status, changed_at FROM sample_case WHERE review_id = ? AND unit = ? ORDER BY seeded_order')
    .all(reviewId, unit) as UnitRow[];
  const drawn = Math.min(drawnCount(db, reviewId, unit), rows.length);
  const replacements = rows.slice(drawn).filter((r) => r.status !== 'reserve');
  const dropouts = rows
    .filter((r) => r.status === 'dropped')
    .sort((a, b) => compareCodeUnits(a.changed_at ?? '', b.changed_at ?? '') || a.seeded_order - b.seeded_order);
  const direct = new Map(dropouts.map((d, i) => [d.case_id, replacements[i] ?? null]));
  const standIns = new Map<string, string | null>();
  for (const d of dropouts) {
    let next = direct.get(d.case_id) ?? null;
    const seen = new Set([d.case_id]);
    while (next && next.status === 'dropped' && !seen.has(next.case_id)) {
      seen.add(next.case_id);
      next = direct.get(next.case_id) ?? null;
    }
    standIns.set(d.case_id, next && next.status !== 'dropped' ? next.case_id : null);
  }
  return standIns;
}

/** How many files of the unit the draw itself selected (before any replacement), from the stored method and frame. */
function drawnCount(db: Database, reviewId: string, unit: string): number {
  const sample = db.prepare('SELECT method, n, frame FROM sample WHERE review_id = ?').get(reviewId) as SampleRow | undefined;
  if (!sample) return 0;
  const frame = JSON.parse(sample.frame) as Record<string, number>;
  const size = frame[unit] ?? 0;
  if (sample.method === 'all') return size;
  if (sample.method === 'per-unit') return Math.min(sample.n ?? 0, size);
  // The same allocation drawSample made: units in code-unit order, sizes as stored at the draw.
  const sizes = Object.keys(frame)
    .sort(compareCodeUnits)
    .map((u) => ({ unit: u, size: frame[u] }));
  const counts = allocateProportionally(sample.n ?? 0, sizes);
  return Math.min(counts[sizes.findIndex((s) => s.unit === unit)] ?? 0, size);
}
