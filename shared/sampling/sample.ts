import { fail, ok, type Result } from '../result';
import { formatNumber } from '../util/format-sv';
import { allocateProportionally } from './allocate';
import { compareCodeUnits, seededOrder } from './order';

/** How many cases to draw: n from every unit, n in total split by unit size, or every case. */
export type SamplingMethod = { kind: 'per-unit'; n: number } | { kind: 'total'; n: number } | { kind: 'all' };

/** The seed the user sees and the review stores; an integer means its decimal digits (42 ≡ "42"). */
export type Seed = string | number;

/** One case in the sampling frame: its reference (akt) and its unit. */
export interface FrameCase {
  ref: string;
  unit: string;
}

export interface UnitSample {
  unit: string;
  frameSize: number;
  /** What the method asks of this unit: n (per-unit), its proportional share (total) or its whole frame (all). */
  requested: number;
  /** The sample: the first min(requested, frameSize) cases of `order`. */
  selected: string[];
  /** requested − selected.length: how many the unit could not supply. */
  shortfall: number;
  /** The unit's whole frame in seeded order; `selected` is its start and replacements follow it. */
  order: string[];
}

/**
 * Names the algorithm of docs/sampling.md. Store it with every sample: should the algorithm ever
 * have to change, old samples stay reproducible under the name they were drawn with.
 */
export const SAMPLING_ALGORITHM = 'fnv1a32-mulberry32-fisher-yates/1';

export interface SampleResult {
  algorithm: typeof SAMPLING_ALGORITHM;
  /** The seed as text, exactly as it went into the generators. */
  seed: string;
  method: SamplingMethod;
  frameSize: number;
  /** One entry per unit, in code-unit order of the unit names. */
  units: UnitSample[];
  /** Every selected case: unit by unit in the order of `units`, within a unit in seeded order. */
  sample: string[];
  shortfall: number;
}

/** Far above any real review, low enough that n × frame size stays exact in double arithmetic. */
export const MAX_SAMPLE_SIZE = 1_000_000;
const MAX_SEED_LENGTH = 200;

/**
 * Draws a stratified, seeded sample (algorithm: docs/sampling.md). Pure: the same frame, method and
 * seed give the same result on every machine and in every later version — a golden test pins it.
 * `units` lists the review's units so that a unit without cases still shows a frame of 0.
 */
export function drawSample(frame: readonly FrameCase[], method: SamplingMethod, seed: Seed, units: readonly string[] = []): Result<SampleResult> {
  const text = seedToText(seed);
  if (text === undefined) return invalid(`Fröet ska vara ett heltal (0 eller större) eller en text på 1–${MAX_SEED_LENGTH} tecken.`);
  if (method.kind !== 'all' && (!Number.isInteger(method.n) || method.n < 1 || method.n > MAX_SAMPLE_SIZE)) {
    return invalid(`Antalet akter i urvalet ska vara ett heltal från 1 till ${formatNumber(MAX_SAMPLE_SIZE)}.`);
  }
  if (frame.length === 0) return invalid('Urvalsramen är tom – importera akterna innan du drar ett urval.');
  const duplicates = findDuplicates(frame.map((c) => c.ref));
  if (duplicates.length > 0) {
    return invalid(`Samma aktreferens förekommer flera gånger i urvalsramen: ${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ' …' : ''}.`);
  }

  const refsByUnit = new Map<string, string[]>(units.map((u) => [u, []]));
  for (const c of frame) {
    const refs = refsByUnit.get(c.unit);
    if (refs) refs.push(c.ref);
    else refsByUnit.set(c.unit, [c.ref]);
  }
  const unitNames = [...refsByUnit.keys()].sort(compareCodeUnits);
  const sizes = unitNames.map((unit) => ({ unit, size: refsByUnit.get(unit)!.length }));
  const requested =
    method.kind === 'per-unit' ? sizes.map(() => method.n)
    : method.kind === 'total' ? allocateProportionally(method.n, sizes)
    : sizes.map((s) => s.size);

  const unitSamples = sizes.map(({ unit, size }, i): UnitSample => {
    const order = seededOrder(refsByUnit.get(unit)!, text, unit);
    const selected = order.slice(0, Math.min(requested[i], size));
    return { unit, frameSize: size, requested: requested[i], selected, shortfall: requested[i] - selected.length, order };
  });

  return ok({
    algorithm: SAMPLING_ALGORITHM,
    seed: text,
    method,
    frameSize: frame.length,
    units: unitSamples,
    sample: unitSamples.flatMap((u) => u.selected),
    shortfall: unitSamples.reduce((sum, u) => sum + u.shortfall, 0),
  });
}

/**
 * The replacement for a dropout (bortfall): the first case in the unit's seeded order that has not
 * been used yet — neither selected nor drawn as an earlier replacement. Undefined when the unit's
 * frame is exhausted. Give it the `order` stored when the sample was drawn: re-deriving it from a
 * frame that has changed since (cases added or removed) gives a different order.
 */
export function nextReplacement(order: readonly string[], alreadyUsed: ReadonlySet<string> | readonly string[]): string | undefined {
  const used = alreadyUsed instanceof Set ? alreadyUsed : new Set(alreadyUsed as readonly string[]);
  return order.find((ref) => !used.has(ref));
}

/** The seed as the text the generators hash, or undefined if it is not an acceptable seed. */
export function seedToText(seed: Seed): string | undefined {
  if (typeof seed === 'number') return Number.isSafeInteger(seed) && seed >= 0 ? String(seed) : undefined;
  if (typeof seed !== 'string' || seed.trim() === '' || seed.length > MAX_SEED_LENGTH) return undefined;
  return seed;
}

function findDuplicates(refs: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const ref of refs) (seen.has(ref) ? duplicates : seen).add(ref);
  return [...duplicates];
}

const invalid = (message: string): Result<never> => fail({ code: 'VALIDATION', message });
