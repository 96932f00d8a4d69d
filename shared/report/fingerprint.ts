import type { Block, Inline, Section } from '../contract/report-model';

/**
 * The fingerprint of a section's text (`Section.generated`): 64-bit FNV-1a over the UTF-8 bytes of
 * the canonical JSON of its blocks and detail, as 16 letters a–p (the hex digits 0–f spelt as
 * letters: a run of digits in a stored field could look like a personnummer to the guard every
 * text of a draft passes, and a fingerprint must never make a draft unsavable). Not a security measure — it only
 * tells "still the text the workbench wrote" from "a person changed it", so a rewrite of the draft
 * never replaces what someone wrote without asking. Pure (no node: imports): it runs in the core
 * and in the editor alike.
 *
 * Canonical means: object keys sorted, undefined left out, a missing `detail` the same as an empty
 * one, `bold: false`/`italic: false` the same as absent, and adjacent runs of the same formatting
 * merged — an editor that splits or re-marks runs without changing the text does not count as an edit.
 */

const encoder = new TextEncoder();

/** FNV-1a, 64 bits, in four 16-bit limbs (no BigInt in the inner loop). */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // h × 0x100000001b3 = h × 0x1b3 + (h << 40), modulo 2^64.
    let t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + ((h0 & 0xff) << 8);
    let t3 = h3 * 0x1b3 + (h0 >>> 8) + ((h1 & 0xff) << 8);
    t1 += t0 >>> 16;
    t0 &= 0xffff;
    t2 += t1 >>> 16;
    t1 &= 0xffff;
    t3 += t2 >>> 16;
    t2 &= 0xffff;
    t3 &= 0xffff;
    h0 = t0;
    h1 = t1;
    h2 = t2;
    h3 = t3;
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** JSON with object keys sorted and undefined members left out: one spelling for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

function normalInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type !== 'text') {
      out.push({ type: 'footnote', text: inline.text });
      continue;
    }
    const run: Inline = { type: 'text', text: inline.text, ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) };
    const last = out[out.length - 1];
    if (last && last.type === 'text' && !!last.bold === !!run.bold && !!last.italic === !!run.italic) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

function normalBlock(block: Block): Block {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: normalInlines(block.content) };
    case 'bullets':
    case 'numbered':
      return { type: block.type, items: block.items.map(normalInlines) };
    default:
      return block;
  }
}

/** The fingerprint of a section's blocks and detail (what `generated` records). */
export function sectionFingerprint(section: Pick<Section, 'blocks' | 'detail'>): string {
  return asLetters(fnv1a64(canonicalJson({ blocks: section.blocks.map(normalBlock), detail: (section.detail ?? []).map(normalBlock) })));
}

/** "cbf2…" → "mclc…": each hex digit as the letter at its value from "a". */
const asLetters = (hex: string): string => hex.replace(/[0-9a-f]/g, (d) => String.fromCharCode(97 + parseInt(d, 16)));

/** The section with `generated` set to the fingerprint of its text as it is now. */
export const stamped = (section: Section): Section => ({ ...section, generated: sectionFingerprint(section) });

/** Whether no person has changed the section's text since the workbench wrote it. */
export const untouched = (section: Section): boolean => section.generated !== undefined && section.generated === sectionFingerprint(section);
