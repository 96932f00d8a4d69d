import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Write this as the declared uncompressed size instead of the true one (a lying zip). */
  declaredSize?: number;
  /** Already deflated data (e.g. from repeatedDeflate); `data` is then ignored. */
  deflated?: Buffer;
}

/**
 * Raw deflate data that inflates to `chunk` repeated `times` times, built without ever holding
 * the whole: one sync-flushed segment per chunk (each a valid non-final run of blocks with its
 * own window), then an empty final block. How a zip bomb is made small.
 */
export function repeatedDeflate(chunk: string, times: number, prefix = '', suffix = ''): Buffer {
  const segment = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const middle = segment(chunk);
  return Buffer.concat([segment(prefix), ...Array.from({ length: times }, () => middle), deflateRawSync(Buffer.from(suffix, 'utf8'), { level: 9 })]);
}

/**
 * A minimal ZIP writer for tests: local headers, central directory, end record. Enough to build
 * hostile .xlsx files byte by byte (lying sizes, bombs, odd parts) without committing binaries.
 * CRCs are written as zero: the reader under test does not trust them either.
 */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = entry.deflated ? Buffer.alloc(0) : typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const body = entry.deflated ?? (entry.stored ? raw : deflateRawSync(raw, { level: 9 }));
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.stored && !entry.deflated ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.stored && !entry.deflated ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Akter" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;

/** Wraps sheetData content (`<row>` elements) into a worksheet part. */
export const worksheet = (rows: string, before = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${rows}</sheetData></worksheet>`;

/** Shared strings part for the given strings. */
export const sharedStrings = (strings: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A complete .xlsx around one worksheet part. Style 1 is a date (numFmt 14). Parts can be
 * replaced or added to build broken and hostile workbooks.
 */
export function xlsx(sheetXml: string | Uint8Array, options: { strings?: readonly string[]; parts?: Record<string, string | Uint8Array>; sheetEntry?: Partial<ZipEntry>; extra?: ZipEntry[] } = {}): Buffer {
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': sharedStrings(options.strings ?? []),
    ...options.parts,
  };
  const extra = options.extra ?? [];
  const entries: ZipEntry[] = Object.entries(parts).filter(([name]) => !extra.some((e) => e.name === name)).map(([name, data]) => ({ name, data }));
  entries.push(...extra);
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...options.sheetEntry });
  return zip(entries);
}

/** Inline-string cell. */
export const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
