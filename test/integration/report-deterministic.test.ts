import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderBilaga1 } from '../../main/core/report/docx/bilaga';
import { renderMemo } from '../../main/core/report/docx/memo';
import { renderDocument } from '../../main/core/report/render';
import type { ReportRenderInput } from '../../shared/report/render-input';
import { buildReportFixture, type ReportFixture } from '../support/report-fixture';

/**
 * The Word export is deterministic: the same content gives the same bytes, whatever the clock says
 * and whatever was rendered before in the process, so the approver's copy, the board package's copy
 * and a re-export are identical. The dates in the file are the input's createdAt; the package opens
 * with [Content_Types].xml as its first entry.
 */

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

type Render = (input: ReportRenderInput) => Promise<Buffer>;
const RENDERERS: [string, Render][] = [
  ['the memo', renderMemo],
  ['Bilaga 1', renderBilaga1],
];

interface LocalEntry {
  name: string;
  /** The DOS date and time of the local header, read as UTC (as the package writes it). */
  date: Date;
  extraLength: number;
}

/** The local file headers in the order they are stored, read straight from the bytes. */
function localEntries(buffer: Buffer): LocalEntry[] {
  const entries: LocalEntry[] = [];
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const time = buffer.readUInt16LE(at + 10);
    const day = buffer.readUInt16LE(at + 12);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const date = new Date(Date.UTC((day >> 9) + 1980, ((day >> 5) & 15) - 1, day & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2));
    entries.push({ name: buffer.toString('utf8', at + 30, at + 30 + nameLength), date, extraLength });
    at += 30 + nameLength + extraLength + size;
  }
  return entries;
}

async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.files[name].async('base64'));
  return out;
}

let fixture: ReportFixture;

beforeAll(async () => {
  fixture = await buildReportFixture();
}, 60_000);
afterAll(() => fixture?.dispose());
afterEach(() => {
  vi.useRealTimers();
});

describe('the Word export is deterministic', () => {
  it.each(RENDERERS)('%s: the same input gives the same bytes at another time and after other documents', async (_, render) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T08:15:01.000Z'));
    const first = await render(fixture.input);
    // Hours later (a DOS timestamp differs from 2 s on), after the other document was rendered too:
    // docx's process-wide counters (chart ids, the table of contents' bookmarks) have moved on.
    vi.setSystemTime(new Date('2026-03-02T17:42:37.000Z'));
    await Promise.all(RENDERERS.map(([, other]) => other(fixture.input)));
    const second = await render(fixture.input);
    vi.setSystemTime(new Date('2031-11-20T23:59:59.000Z'));
    const third = await render(structuredClone(fixture.input));
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(third)).toBe(sha256(first));
  });

  it('renderDocument, the export path, gives the bytes the renderers give', async () => {
    expect(sha256(await renderDocument('memo', fixture.input))).toBe(sha256(await renderMemo(fixture.input)));
    expect(sha256(await renderDocument('bilaga1', fixture.input))).toBe(sha256(await renderBilaga1(fixture.input)));
  });

  it.each(RENDERERS)('%s: every entry is dated by createdAt, [Content_Types].xml first, no extra fields', async (_, render) => {
    const buffer = await render(fixture.input);
    const entries = localEntries(buffer);
    expect(entries[0].name).toBe('[Content_Types].xml');
    expect(entries[1].name).toBe('_rels/.rels');
    expect(entries.every((e) => e.date.toISOString() === '2025-01-21T09:00:00.000Z')).toBe(true);
    expect(entries.every((e) => e.extraLength === 0 && !e.name.endsWith('/'))).toBe(true);
    // It opens as a package, with the same entries in the same order.
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    expect(zip.file('word/document.xml')).not.toBeNull();
  });

  it.each(RENDERERS)('%s: another createdAt changes the bytes, and only the dates', async (_, render) => {
    const a = await render(fixture.input);
    const b = await render({ ...fixture.input, createdAt: '2025-02-03T14:30:10.000Z' });
    expect(sha256(b)).not.toBe(sha256(a));
    expect(localEntries(b).every((e) => e.date.toISOString() === '2025-02-03T14:30:10.000Z')).toBe(true);
    const [pa, pb] = [await parts(a), await parts(b)];
    expect([...pb.keys()]).toEqual([...pa.keys()]);
    for (const [name, data] of pa) {
      if (name === 'docProps/core.xml') continue;
      expect(pb.get(name), name).toBe(data);
    }
    const core = (p: Map<string, string>) => Buffer.from(p.get('docProps/core.xml') ?? '', 'base64').toString('utf8');
    expect(core(pa)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-21T09:00:00Z</dcterms:created>');
    expect(core(pb).replaceAll('2025-02-03T14:30:10Z', '2025-01-21T09:00:00Z')).toBe(core(pa));
  });

  it('a createdAt that is not a date gives 1980-01-01 in the entries and the properties, not the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T08:15:01.000Z'));
    const input = { ...fixture.input, createdAt: 'inte ett datum' };
    const first = await renderMemo(input);
    vi.setSystemTime(new Date('2027-06-30T12:00:00.000Z'));
    expect(sha256(await renderMemo(input))).toBe(sha256(first));
    expect(localEntries(first).every((e) => e.date.toISOString() === '1980-01-01T00:00:00.000Z')).toBe(true);
    const core = await (await JSZip.loadAsync(first)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>');
  });

  it('Bilaga 1 rendered after the memo: chart ids from 1, and every table of contents entry reaches its heading', async () => {
    await renderMemo(fixture.input);
    const xml = await (await JSZip.loadAsync(await renderBilaga1(fixture.input))).file('word/document.xml')!.async('string');
    const docPr = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(docPr.length).toBeGreaterThan(0);
    expect(docPr).toEqual(docPr.map((_, i) => i + 1));
    const starts = [...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)" w:id="(\d+)"\/>/g)].map((m) => ({ name: m[1], id: m[2] }));
    const ends = [...xml.matchAll(/<w:bookmarkEnd w:id="(\d+)"\/>/g)].map((m) => m[1]);
    const anchors = [...xml.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const pagerefs = [...xml.matchAll(/PAGEREF (\S+) \\h/g)].map((m) => m[1]);
    expect(starts.length).toBeGreaterThan(5);
    expect(starts.map((s) => s.id)).toEqual(starts.map((_, i) => String(i + 1)));
    expect(starts.every((s) => s.name === `_Toc${s.id}`)).toBe(true);
    expect([...ends].sort()).toEqual(starts.map((s) => s.id).sort());
    expect(anchors).toEqual(starts.map((s) => s.name));
    expect(pagerefs).toEqual(starts.map((s) => s.name));
  });
});
