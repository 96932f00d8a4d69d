import { findIdentityNumbers, type IdentityNumberHit } from '../../../../shared/identity/pii-guard';
import { decodeEntities, XmlError, XmlTokenizer, type XmlAttributes } from '../../xlsx/xml';
import { XmlTextDecoder, ZipReader } from '../../xlsx/zip';
import { isRelationshipsPart, PackageMap } from './package-map';
import { placeText, type PartKind } from './places';
import { SegmentScanner, type SegmentHit } from './segment-scanner';
import { ChunkedSearch } from './text-search';

/**
 * Searches every part of an Office package for identity numbers, as Word and Excel read it and as
 * it leaves the workbench: the package goes to the board unchanged, so a part Word never shows
 * (unreferenced, or a leftover) is read as well. What a part is decides only what the refusal
 * calls it, never whether it is read. Each part is judged by its content:
 *
 * - markup (`<` first) declared as XML, or not declared at all: tokenized, every text and
 *   attribute value searched (segment-scanner.ts), and the raw text too, for what the tokenizer
 *   passes over (XML comments, processing instructions, namespace declarations);
 * - other markup or plain text (an HTML or RTF alt-chunk, a text file): searched as text, with
 *   and without its tags;
 * - a zip (an embedded workbook, a chart's data): opened and searched the same way, one level
 *   deep at most;
 * - anything else (pictures, fonts, OLE objects): not text, skipped after its first bytes.
 *
 * Everything read counts against one budget for the whole file, enforced while inflating.
 */

export interface ScanBudget {
  bytes: number;
  elements: number;
}

export interface Finding {
  hit: IdentityNumberHit;
  /** Where, in Swedish ("i en formel"). */
  place: string;
  cell?: string;
  /** The part, as the zip spells it; absent when its name is what holds the number. */
  part?: string;
}

/** A package inside an embedded package inside the file: more than Word itself opens. */
export class NestingTooDeepError extends Error {}

/** How many packages deep an embedded package may sit (1: a workbook embedded in the document). */
const MAX_NESTING = 1;
/** What a part that is not text counts against the budget: the bytes looked at to tell. */
const SNIFF_BYTES = 4096;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

type Hook = (name: string, attributes: XmlAttributes) => void;

/** The first identity number in the package, or undefined. Throws the reader's errors (budget, damage). */
export async function scanPackage(zip: ZipReader, budget: ScanBudget, depth = 0): Promise<Finding | undefined> {
  const names = zip.names();
  for (const name of names) {
    const hit = findIdentityNumbers(name)[0];
    if (hit) return { hit, place: 'i namnet på en del av filen' };
  }

  const map = new PackageMap();
  const done = new Set<string>();
  const scan = async (name: string, kind: PartKind | undefined, hook?: Hook): Promise<Finding | undefined> => {
    done.add(name);
    const unreached = map.hasRelationships && !map.isReached(name) && kind !== 'contentTypes' && kind !== 'relationships';
    const found = await scanPart(zip, name, { kind, contentType: map.contentType(name), hook }, budget, depth);
    if (found && unreached) found.place += ' (en del som dokumentet inte hänvisar till)';
    return found;
  };

  // First what says what the parts are: the content types, then every relationships part.
  const contentTypes = names.find((n) => n.toLowerCase() === '[content_types].xml');
  if (contentTypes !== undefined) {
    const found = await scan(contentTypes, 'contentTypes', (element, attributes) => {
      const type = attributes.get('ContentType');
      if (type === undefined) return;
      const extension = attributes.get('Extension');
      const partName = attributes.get('PartName');
      if (element === 'Default' && extension !== undefined) map.addDefault(extension, type);
      else if (element === 'Override' && partName !== undefined) map.addOverride(partName, type);
    });
    if (found) return found;
  }
  for (const name of names.filter(isRelationshipsPart)) {
    const found = await scan(name, 'relationships', (element, attributes) => {
      if (element !== 'Relationship') return;
      map.addRelationship(name, { type: attributes.get('Type') ?? '', target: attributes.get('Target') ?? '', external: attributes.get('TargetMode') === 'External' });
    });
    if (found) return found;
  }
  for (const name of names) {
    if (done.has(name)) continue;
    const found = await scan(name, map.kindOf(name));
    if (found) return found;
  }
  return undefined;
}

interface PartInfo {
  kind: PartKind | undefined;
  contentType: string | undefined;
  hook?: Hook;
}

async function scanPart(zip: ZipReader, name: string, info: PartInfo, budget: ScanBudget, depth: number): Promise<Finding | undefined> {
  const chunks = zip.read(name, budget.bytes);
  try {
    const first = await chunks.next();
    if (first.done) return undefined;
    if (startsWithBytes(first.value, ZIP_MAGIC)) return await scanEmbedded(zip, name, first.value, chunks, budget, depth);
    const decoder = new XmlTextDecoder();
    const text = decoder.decode(first.value);
    const mode = modeOf(text, name, info.contentType);
    if (mode === 'binary') {
      budget.bytes -= Math.min(first.value.length, SNIFF_BYTES);
      return undefined;
    }
    budget.bytes -= first.value.length;
    const rest = async function* () {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        budget.bytes -= next.value.length;
        yield decoder.decode(next.value);
      }
      yield decoder.flush();
    };
    const found = mode === 'xml' ? await scanXml(text, rest(), info, budget) : await scanText(text, rest(), mode === 'markup', info.kind);
    return found && { ...found, part: name };
  } finally {
    await chunks.return(undefined);
  }
}

/** Tokenized: every text and attribute value; the raw text as well, for what lies between them. */
async function scanXml(first: string, rest: AsyncIterable<string>, info: PartInfo, budget: ScanBudget): Promise<Finding | undefined> {
  const scanner = new SegmentScanner(info.kind, info.hook);
  const tokenizer = new XmlTokenizer(scanner, budget.elements);
  const raw = new ChunkedSearch();
  let rawHit: IdentityNumberHit | undefined;
  const found = (hit: SegmentHit): Finding => ({ hit: hit.hit, place: placeText(scanner.kind, hit.context), ...(hit.cell ? { cell: hit.cell } : {}) });
  try {
    tokenizer.write(first);
    rawHit = raw.push(first);
    if (scanner.found) return found(scanner.found);
    for await (const text of rest) {
      tokenizer.write(text);
      if (scanner.found) return found(scanner.found);
      rawHit ??= raw.push(text);
    }
    tokenizer.end();
  } catch (error) {
    // A number before the damage is still a number: say that rather than "damaged".
    if (error instanceof XmlError && rawHit) return { hit: rawHit, place: placeText(scanner.kind, { key: 'markup' }) };
    throw error;
  } finally {
    budget.elements -= scanner.elements;
  }
  if (scanner.found) return found(scanner.found);
  return rawHit && { hit: rawHit, place: placeText(scanner.kind, { key: 'markup' }) };
}

/** Plain text, or markup that is not XML (HTML): searched as written, and with its tags taken out. */
async function scanText(first: string, rest: AsyncIterable<string>, markup: boolean, kind: PartKind | undefined): Promise<Finding | undefined> {
  const raw = new ChunkedSearch();
  const visible = markup ? new ChunkedSearch() : undefined;
  const stripper = new TagStripper();
  const search = (text: string) => raw.push(text) ?? (visible ? visible.push(stripper.push(text)) : undefined);
  let hit = search(first);
  if (hit) return { hit, place: placeText(kind, undefined) };
  for await (const text of rest) {
    hit = search(text);
    if (hit) return { hit, place: placeText(kind, undefined) };
  }
  return undefined;
}

/** A package inside a part (an embedded workbook, a chart's data): read into memory within the budget, then searched alike. */
async function scanEmbedded(zip: ZipReader, name: string, first: Uint8Array, chunks: AsyncGenerator<Uint8Array>, budget: ScanBudget, depth: number): Promise<Finding | undefined> {
  if (depth >= MAX_NESTING) throw new NestingTooDeepError(`${name} holds a package inside a package.`);
  const parts = [first];
  budget.bytes -= first.length;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    budget.bytes -= next.value.length;
    parts.push(next.value);
  }
  const inner = new ZipReader(Buffer.concat(parts));
  const found = await scanPackage(inner, budget, depth + 1);
  if (!found) return undefined;
  return { ...found, place: `i ett inbäddat objekt, ${found.place}`, part: found.part ? `${name} → ${found.part}` : name };
}

/** How to read a part, by what its first chunk holds. */
function modeOf(text: string, name: string, contentType: string | undefined): 'xml' | 'markup' | 'text' | 'binary' {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('<')) {
    const declaredXml = contentType === undefined || /(^|[/+.])xml$|vml/i.test(contentType.trim().replace(/\s*;.*$/, '')) || /\.(xml|rels|vml)$/i.test(name);
    return declaredXml ? 'xml' : 'markup';
  }
  return looksLikeText(text) ? 'text' : 'binary';
}

/** Text has no NUL and few control characters or undecodable bytes; a picture or an OLE object has many. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return false;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd * 50 <= sample.length;
}

function startsWithBytes(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The text of markup as it arrives in pieces, tags taken out (a tag may span pieces). */
class TagStripper {
  private inTag = false;

  push(text: string): string {
    let out = '';
    let pos = 0;
    while (pos < text.length) {
      if (this.inTag) {
        const end = text.indexOf('>', pos);
        if (end === -1) return decodeEntities(out);
        this.inTag = false;
        pos = end + 1;
      } else {
        const start = text.indexOf('<', pos);
        out += text.slice(pos, start === -1 ? text.length : start);
        if (start === -1) break;
        this.inTag = true;
        pos = start + 1;
      }
    }
    return decodeEntities(out);
  }
}
