import { createInflateRaw } from 'node:zlib';

/**
 * Reads the parts of a ZIP container (an .xlsx file) from memory. Only the central directory is
 * trusted for where each part starts and how long its compressed data is; the uncompressed sizes
 * a zip declares are ignored, and every part is inflated against a byte budget that is enforced
 * while inflating, so a zip bomb stops after `maxBytes` whatever it claims.
 */

/** The file is not a readable zip (truncated, damaged, or uses features an .xlsx never does). */
export class ZipError extends Error {}

/** A part inflated past its budget. */
export class ZipBudgetError extends Error {
  constructor(readonly part: string, readonly maxBytes: number) {
    super(`${part} inflates to more than ${maxBytes} bytes.`);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Far more parts than any workbook has; bounds the directory we index. */
const MAX_ENTRIES = 10_000;
const EOCD = 0x06054b50, ZIP64_LOCATOR = 0x07064b50, ZIP64_EOCD = 0x06064b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50;
const STORED = 0, DEFLATED = 8;
const CHUNK = 64 * 1024;

export class ZipReader {
  /** Part names in lower case (OPC part names are case-insensitive). */
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = findEndOfCentralDirectory(view);
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = readZip64End(view, end));
    if (count > MAX_ENTRIES) throw new ZipError('Too many entries.');
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL) throw new ZipError('Damaged central directory.');
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      let compressedSize = view.getUint32(p + 20, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      let localHeaderOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLength + extraLength > view.byteLength) throw new ZipError('Damaged central directory.');
      const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(p + 46, p + 46 + nameLength));
      if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        ({ compressedSize, localHeaderOffset } = readZip64Extra(view, p + 46 + nameLength, extraLength, view.getUint32(p + 24, true) === 0xffffffff, compressedSize, localHeaderOffset));
      }
      this.entries.set(name.toLowerCase(), { name, method, flags, compressedSize, localHeaderOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Every part's name as the zip spells it, in directory order. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /**
   * The uncompressed bytes of a part, in chunks. Throws ZipBudgetError as soon as more than
   * `maxBytes` come out, ZipError if the data is damaged, and undefined-part errors as ZipError.
   */
  async *read(name: string, maxBytes: number): AsyncGenerator<Uint8Array> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new ZipError(`Missing part ${name}.`);
    const data = this.dataOf(entry);
    if (entry.method === STORED) {
      for (let p = 0; p < data.length; p += CHUNK) {
        if (Math.min(data.length, p + CHUNK) > maxBytes) throw new ZipBudgetError(entry.name, maxBytes);
        yield data.subarray(p, Math.min(data.length, p + CHUNK));
      }
      return;
    }
    const inflater = createInflateRaw({ chunkSize: CHUNK });
    let total = 0;
    try {
      inflater.end(data);
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw new ZipBudgetError(entry.name, maxBytes);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ZipBudgetError) throw error;
      throw new ZipError(`Damaged data in ${entry.name}.`);
    } finally {
      inflater.destroy();
    }
  }

  /** A whole (small) part as text. */
  async text(name: string, maxBytes: number): Promise<string> {
    const decoder = new XmlTextDecoder();
    let text = '';
    for await (const chunk of this.read(name, maxBytes)) text += decoder.decode(chunk);
    return text + decoder.flush();
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    if (entry.flags & 0x1) throw new ZipError('Encrypted entry.');
    if (entry.method !== STORED && entry.method !== DEFLATED) throw new ZipError('Unsupported compression.');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const p = entry.localHeaderOffset;
    if (p + 30 > view.byteLength || view.getUint32(p, true) !== LOCAL) throw new ZipError('Damaged local header.');
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError('Entry runs past the end of the file.');
    return this.bytes.subarray(start, end);
  }
}

/**
 * Text of an XML part from its bytes: UTF-8 unless a byte-order mark says UTF-16 (allowed by
 * the XML standard, rare in spreadsheets). Handles characters split across chunks.
 */
export class XmlTextDecoder {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    if (!this.decoder) {
      const bytes = this.head ? concat(this.head, chunk) : chunk;
      if (bytes.length < 2) {
        this.head = bytes;
        return '';
      }
      this.head = undefined;
      this.decoder = new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8');
      return this.decoder.decode(bytes, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  flush(): string {
    if (!this.decoder) return this.head ? new TextDecoder().decode(this.head) : '';
    return this.decoder.decode();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let p = last; p >= 0 && p >= last - 0xffff; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  throw new ZipError('No end of central directory.');
}

function readZip64End(view: DataView, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipError('Damaged zip64 end record.');
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) throw new ZipError('Damaged zip64 end record.');
  return { count: safeNumber(view.getBigUint64(record + 32, true)), offset: safeNumber(view.getBigUint64(record + 48, true)) };
}

/** Zip64 extra field: the 64-bit values, in order, of whichever header fields were 0xFFFFFFFF. */
function readZip64Extra(view: DataView, start: number, length: number, hasSize: boolean, compressedSize: number, localHeaderOffset: number) {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + size) throw new ZipError('Damaged zip64 extra field.');
        const v = safeNumber(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (hasSize) take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      return { compressedSize, localHeaderOffset };
    }
    p += 4 + size;
  }
  throw new ZipError('Missing zip64 extra field.');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('Offset out of range.');
  return Number(value);
}
