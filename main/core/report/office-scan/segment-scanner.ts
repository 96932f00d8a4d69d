import type { IdentityNumberHit } from '../../../../shared/identity/pii-guard';
import type { XmlAttributes, XmlHandler } from '../../xlsx/xml';
import { isPropertiesKind, kindOfRootElement, type Context, type PartKind } from './places';
import { cutTail, MIN_NUMBER_CHARS, searchText } from './text-search';

/**
 * Reads every text and every attribute value of one XML part, as a reader would see them:
 *
 * - Text is joined per segment before the detector runs. Word splits a sentence into runs
 *   wherever formatting, spelling marks or revisions change, so a paragraph (`p`), a shared
 *   string (`si`), a cell (`c`), a comment, a formula (`f`) or a value (`v`) is one segment;
 *   text outside all of these (a document property, a header code, a custom XML element) is
 *   joined per element.
 * - Each attribute value is a segment of its own (alt text, a field's instruction, a sheet name,
 *   a pivot cache item, a link target).
 * - The element stack says where a hit is: inside a field code, a text box, a formula, cell B3.
 */

/** Elements whose text, with all their descendants', is searched as one. */
const SEGMENTS = new Set(['p', 'si', 'c', 'comment', 'f', 'v']);
/** A run-on segment is searched in pieces this long, keeping a tail so a number across a cut is still found. */
const SEGMENT_CHARS = 64 * 1024;
const SEGMENT_OVERLAP = 256;

export interface SegmentHit {
  hit: IdentityNumberHit;
  context?: Context;
  /** The cell ("B3") where a sheet says it. */
  cell?: string;
}

interface Span {
  at: number;
  context?: Context;
  cell?: string;
}

interface Segment {
  text: string;
  /** Characters cut off the front of `text` after searching them. */
  dropped: number;
  /** Where the text came from, in order of `at`. */
  spans: Span[];
}

interface Frame {
  name: string;
  context?: Context;
  cell?: string;
  /** The nearest enclosing segment element's segment, if any. */
  segment?: Segment;
  /** This frame's own segment (an element of SEGMENTS, or text outside them). */
  own?: Segment;
}

/** Element contexts: the element's text and everything inside it is this. */
const ELEMENT_CONTEXTS: Readonly<Record<string, Context['key']>> = {
  instrText: 'fieldCode',
  txbxContent: 'textBox',
  textbox: 'textBox',
  txbx: 'textBox',
  delText: 'deletedText',
  delInstrText: 'fieldCode',
  oddHeader: 'sheetHeader',
  evenHeader: 'sheetHeader',
  firstHeader: 'sheetHeader',
  oddFooter: 'sheetFooter',
  evenFooter: 'sheetFooter',
  firstFooter: 'sheetFooter',
  definedName: 'definedName',
  dataValidation: 'dataValidation',
  hyperlink: 'link',
  sdtPr: 'contentControl',
  docVar: 'documentVariable',
};

/** Elements whose attributes are alt text. */
const ALT_TEXT_ELEMENTS = new Set(['docPr', 'cNvPr', 'shape', 'imagedata', 'rect', 'roundrect', 'oval', 'group']);

export class SegmentScanner implements XmlHandler {
  found: SegmentHit | undefined;
  elements = 0;
  /** What the part is, from its root element when the package does not say. */
  kind: PartKind | undefined;
  private readonly stack: Frame[] = [];

  /** `hook` sees every start tag too (how the package's structure is read in the same pass). */
  constructor(
    kind: PartKind | undefined,
    private readonly hook?: (name: string, attributes: XmlAttributes) => void,
  ) {
    this.kind = kind;
  }

  get wantsText(): boolean {
    return !this.found && this.stack.length > 0;
  }

  open(name: string, attributes: XmlAttributes, _selfClosing: boolean): void {
    this.elements++;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.kind ??= kindOfRootElement(name);
    const context = this.contextOf(name, parent);
    const cellRef = name === 'c' ? attributes.get('r') : name === 'comment' || (name === 'hyperlink' && this.kind === 'worksheet') ? attributes.get('ref') : undefined;
    const frame: Frame = { name, context, cell: cellRef ?? parent?.cell, segment: parent?.segment };
    if (SEGMENTS.has(name)) frame.segment = frame.own = { text: '', dropped: 0, spans: [] };
    this.stack.push(frame);
    if (!this.found) this.searchAttributes(name, attributes, frame);
    this.hook?.(name, attributes);
  }

  close(): void {
    const frame = this.stack.pop();
    if (frame?.own) this.search(frame.own, true);
  }

  text(text: string): void {
    const frame = this.stack[this.stack.length - 1];
    let segment = frame.segment;
    if (!segment) {
      // Text outside any paragraph, string or cell: the element's own.
      if (!frame.own && text.trim() === '') return;
      segment = frame.own ??= { text: '', dropped: 0, spans: [] };
    }
    const last = segment.spans[segment.spans.length - 1];
    if (!last || last.context !== frame.context || last.cell !== frame.cell) segment.spans.push({ at: segment.dropped + segment.text.length, context: frame.context, cell: frame.cell });
    segment.text += text;
    if (segment.text.length > SEGMENT_CHARS) {
      this.search(segment, false);
      const tail = cutTail(segment.text, SEGMENT_OVERLAP);
      segment.dropped += segment.text.length - tail.length;
      segment.text = tail;
      // Keep the span that covers the new start, and those after it.
      const first = segment.spans.findLastIndex((s) => s.at <= segment.dropped);
      if (first > 0) segment.spans.splice(0, first);
    }
  }

  private contextOf(name: string, parent: Frame | undefined): Context | undefined {
    const key = ELEMENT_CONTEXTS[name];
    if (key) return { key };
    if (name === 'f' || name === 'formula' || name === 'formula1' || name === 'formula2') {
      return parent?.context?.key === 'dataValidation' ? parent.context : { key: 'formula' };
    }
    // The top-level elements of core.xml and app.xml are the properties; custom.xml's are named by their `name`.
    if (parent && this.stack.length === 1) {
      if (isPropertiesKind(this.kind)) return name === 'property' ? { key: 'customProperty' } : { key: 'property', detail: name };
      if (this.kind === 'customProperties') return { key: 'customProperty' };
    }
    return parent?.context;
  }

  /** The context an attribute's value is found in. */
  private attributeContext(element: string, attribute: string, attributes: XmlAttributes, frame: Frame): Context | undefined {
    if (element === 'sheet' && attribute === 'name') return { key: 'sheetName' };
    if (element === 'fldSimple' && attribute === 'instr') return { key: 'fieldCode' };
    if (ALT_TEXT_ELEMENTS.has(element) && (attribute === 'descr' || attribute === 'title' || attribute === 'alt' || attribute === 'name')) return { key: 'altText' };
    if ((element === 'tblCaption' || element === 'tblDescription') && attribute === 'val') return { key: 'tableAltText' };
    if (element === 'Relationship' && attribute === 'Target') return attributes.get('TargetMode') === 'External' ? { key: 'link' } : frame.context;
    if (element === 'hlinkClick' || element === 'hlinkHover') return { key: 'link' };
    return frame.context;
  }

  private searchAttributes(element: string, attributes: XmlAttributes, frame: Frame): void {
    for (const [name, value] of attributeEntries(attributes)) {
      if (value.length < MIN_NUMBER_CHARS && !/[eE]/.test(value)) continue;
      const context = this.attributeContext(element, name, attributes, frame);
      const hit = searchText(value, true, [context?.key])?.hit;
      if (hit) {
        this.found = { hit, ...(context ? { context } : {}), ...(frame.cell ? { cell: frame.cell } : {}) };
        return;
      }
    }
  }

  private search(segment: Segment, whole: boolean): void {
    if (this.found || segment.text === '') return;
    const found = searchText(
      segment.text,
      whole && segment.dropped === 0,
      segment.spans.map((s) => s.context?.key),
    );
    if (!found) return;
    // Where the number starts; a number seen only in a context's reading is placed in that context.
    const at = segment.dropped + Math.min(found.hit.start, segment.text.length - 1);
    const span = found.variantOf ? segment.spans.find((s) => s.context?.key === found.variantOf) : segment.spans.findLast((s) => s.at <= at);
    this.found = { hit: found.hit, ...(span?.context ? { context: span.context } : {}), ...(span?.cell ? { cell: span.cell } : {}) };
  }
}

/**
 * The attributes of the current start tag, every one. XmlAttributes offers lookup by name only;
 * this reads the parallel arrays it keeps (names, values, count). If that shape ever changes the
 * test "reads every attribute" fails rather than attributes going unread.
 */
export function attributeEntries(attributes: XmlAttributes): [string, string][] {
  const inner = attributes as unknown as { names?: unknown; values?: unknown; count?: unknown };
  if (!Array.isArray(inner.names) || !Array.isArray(inner.values) || typeof inner.count !== 'number') {
    throw new Error('XmlAttributes no longer keeps names, values and count: the attribute scan cannot read it.');
  }
  const out: [string, string][] = [];
  for (let i = 0; i < inner.count; i++) out.push([String(inner.names[i]), String(inner.values[i])]);
  return out;
}
