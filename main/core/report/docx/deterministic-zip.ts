import JSZip from 'jszip';
import { hasRenumberableIds, newIdCounters, renumberIds } from './stable-ids';

/**
 * The package docx packs, packed again so the same content gives the same bytes: an approver's
 * copy, the copy in the board package and a re-export are identical.
 *
 * What docx leaves to chance, and what is done about it here:
 * - Every zip entry is stamped with the packing time (its zip writer, fflate, takes `Date.now()`,
 *   in local time). Here every entry is dated by the export's `createdAt`, in UTC.
 * - The charts' `wp:docPr` ids and the table of contents' heading bookmarks come from counters
 *   shared by the whole process (see stable-ids.ts). Here they are numbered from 1 per document.
 * - The entries come in the order docx compiles them. Here `[Content_Types].xml` comes first (as
 *   Word writes it, and as some readers expect), then `_rels/.rels`, then the rest by path.
 * Every entry is compressed with DEFLATE at one fixed level; there are no folder entries, extra
 * fields or comments. (A `mimetype` entry is ODF's convention; OOXML has none.)
 */

const FIRST = ['[Content_Types].xml', '_rels/.rels'];
const DOS_EPOCH = Date.UTC(1980, 0, 1);
/** The last instant a DOS date can hold (even seconds). */
const DOS_END = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * The date every entry carries: `createdAt` to the second, within what a zip entry can hold
 * (1980–2107). A `createdAt` that is not a date gives 1980-01-01, never the clock.
 */
export function entryDate(createdAt: string): Date {
  const time = new Date(createdAt).getTime();
  if (Number.isNaN(time)) return new Date(DOS_EPOCH);
  return new Date(Math.min(DOS_END, Math.max(DOS_EPOCH, Math.floor(time / 1000) * 1000)));
}

function entryOrder(a: string, b: string): number {
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The package in `packed` with its entries in a fixed order, dated by `createdAt`, and stable ids. */
export async function deterministicDocx(packed: Uint8Array, createdAt: string): Promise<Buffer> {
  const source = await JSZip.loadAsync(packed);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name].dir)
    .sort(entryOrder);
  const date = entryDate(createdAt);
  const counters = newIdCounters();
  const out = new JSZip();
  for (const name of names) {
    const entry = source.files[name];
    const data = hasRenumberableIds(name) ? renumberIds(await entry.async('string'), counters) : await entry.async('uint8array');
    out.file(name, data, { date, createFolders: false, binary: typeof data !== 'string' });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
