/**
 * The basis by age band in the publication set (docs/disclosure.md §4): adjacent bands are merged,
 * youngest first, until every band has no files or at least `threshold`; a band of files without an
 * age ("Saknas") is never merged with an age it does not have. What is still small after merging is
 * hidden, and then the smallest other band with it, so that the total minus the rest does not give
 * it back.
 */

export interface BandCount {
  /** The age band's code ("0-5"), or null for files without one. */
  readonly band: string | null;
  readonly files: number;
}

export interface MergedBand {
  readonly bands: (string | null)[];
  readonly files: number;
  readonly hidden: boolean;
}

const small = (files: number, threshold: number) => files >= 1 && files < threshold;

export function mergeAgeBands(bands: readonly BandCount[], threshold: number): MergedBand[] {
  const known = bands.filter((b) => b.band !== null && b.files > 0).map((b) => ({ bands: [b.band] as (string | null)[], files: b.files }));
  // Merge the smallest small band with its smaller neighbour until none is small (or one is left).
  for (;;) {
    const candidates = known.map((b, i) => ({ i, files: b.files })).filter((c) => small(c.files, threshold));
    if (candidates.length === 0 || known.length < 2) break;
    const { i } = candidates.reduce((a, b) => (b.files < a.files ? b : a));
    const left = i > 0 ? known[i - 1].files : Infinity;
    const right = i < known.length - 1 ? known[i + 1].files : Infinity;
    const j = left <= right ? i - 1 : i + 1;
    const [first, second] = j < i ? [j, i] : [i, j];
    known.splice(first, 2, { bands: [...known[first].bands, ...known[second].bands], files: known[first].files + known[second].files });
  }
  const missing = bands.filter((b) => b.band === null).reduce((sum, b) => sum + b.files, 0);
  const merged = [...known, ...(missing > 0 ? [{ bands: [null], files: missing }] : [])].map((b) => ({ ...b, hidden: small(b.files, threshold) }));
  // One hidden band alone would be the total minus the printed rest.
  if (merged.filter((b) => b.hidden).length === 1) {
    const partner = merged.filter((b) => !b.hidden && b.files > 0).sort((a, b) => a.files - b.files)[0];
    if (partner) partner.hidden = true;
  }
  return merged;
}

/** "0–12 år", "Saknas". */
export function mergedBandLabel(bands: readonly (string | null)[]): string {
  if (bands.length === 1 && bands[0] === null) return 'Ålder saknas';
  const codes = bands.filter((b): b is string => b !== null);
  const low = codes[0].split(/[-+]/)[0];
  const last = codes[codes.length - 1];
  const high = last.endsWith('+') ? '+' : `–${last.split('-')[1]}`;
  return `${low}${high} år`;
}
