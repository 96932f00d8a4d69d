import type { AppendixKind } from '../../../shared/contract/report';
import { findIdentityNumbers, findIdentityNumbersInNumber, type IdentityNumberHit } from '../../../shared/identity/pii-guard';
import { formatNumber } from '../../../shared/util/format-sv';
import { invalid } from '../errors';
import { XmlElementLimitError, XmlTokenizer, type XmlAttributes, type XmlHandler } from '../xlsx/xml';
import { XmlTextDecoder, ZipBudgetError, ZipReader } from '../xlsx/zip';

/**
 * What an attached Word document or workbook says is searched for personal and coordination
 * numbers before it is stored: the board package hands it on unchanged, so a number in it would
 * leave the workbench with the memo. Only the parts that hold text people wrote are read (the
 * body, headers, footers, foot- and endnotes, comments; the shared strings, the sheets' cells and
 * comments), with the project's bounded zip reader and XML tokenizer, never more than
 * APPENDIX_SCAN_LIMITS unpacked in all, so a zip bomb is refused, not inflated.
 *
 * Word splits a sentence into runs wherever formatting, spelling marks or revisions change, so a
 * number may be spread over several `<w:t>`: the text is joined per paragraph (per cell or shared
 * string in a workbook) before the detector runs. A PDF is not parsed (its text may be compressed,
 * encoded per font or be an image): what a PDF says is the board secretary's responsibility, and
 * the screen says so. The number itself is never repeated in the refusal.
 */

export const APPENDIX_SCAN_LIMITS = {
  /** Uncompressed XML read from one file, all its text parts together. */
  textBytes: 20 * 1024 * 1024,
  /** Start tags in one file: each costs work whatever its size. */
  elements: 4_000_000,
} as const;

/** The parts with written text, and what to call each in a message. */
const TEXT_PARTS: Readonly<Record<'docx' | 'xlsx', readonly { pattern: RegExp; place: (name: string) => string }[]>> = {
  docx: [
    { pattern: /^word\/document\d*\.xml$/i, place: () => 'i dokumentets text' },
    { pattern: /^word\/header\d*\.xml$/i, place: () => 'i ett sidhuvud' },
    { pattern: /^word\/footer\d*\.xml$/i, place: () => 'i en sidfot' },
    { pattern: /^word\/footnotes\.xml$/i, place: () => 'i fotnoterna' },
    { pattern: /^word\/endnotes\.xml$/i, place: () => 'i slutnoterna' },
    { pattern: /^word\/comments\w*\.xml$/i, place: () => 'i kommentarerna' },
  ],
  xlsx: [
    { pattern: /^xl\/sharedStrings\.xml$/i, place: () => 'i arbetsbokens texter' },
    { pattern: /^xl\/worksheets\/sheet\d*\.xml$/i, place: () => 'i ett kalkylblad' },
    { pattern: /^xl\/comments\d*\.xml$/i, place: () => 'i kommentarerna' },
  ],
};

/** Elements whose text is joined and searched as one: a paragraph, a shared string, a cell, a comment. */
const SEGMENTS = new Set(['p', 'si', 'c', 'comment']);
/** Elements that hold the text itself: runs (also deleted ones, still in the file), cell values. */
const TEXT_ELEMENTS = new Set(['t', 'delText', 'v']);
/** A run-on segment is searched in pieces this long, keeping a tail so a number across a cut is still found. */
const SEGMENT_CHARS = 64 * 1024;
const SEGMENT_OVERLAP = 256;

interface Found {
  hit: IdentityNumberHit;
  /** The cell ("B3") where a sheet says it. */
  cell?: string;
}

/** Refuses a Word document or workbook whose text holds an identity number; a PDF passes unread. */
export async function scanAppendixContent(fileName: string, kind: AppendixKind, content: Uint8Array): Promise<void> {
  if (kind === 'pdf') return;
  const refuse = (message: string) => invalid(message, [{ path: '$.contentBase64', message }]);
  const unreadable = () => refuse(`Filen "${fileName}" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer (den kan vara skadad). Spara den på nytt och bifoga den igen.`);
  const tooMuch = () =>
    refuse(
      `Filen "${fileName}" packas upp till mer än ${formatNumber(APPENDIX_SCAN_LIMITS.textBytes / 1024 / 1024)} MB text och kan inte kontrolleras för personnummer; ` +
        'den kan vara skadad eller gjord för att sänka programmet. Dela upp den eller spara den som PDF.',
    );

  let zip: ZipReader;
  try {
    zip = new ZipReader(content);
  } catch {
    throw unreadable();
  }
  const budget = { bytes: APPENDIX_SCAN_LIMITS.textBytes, elements: APPENDIX_SCAN_LIMITS.elements };
  for (const name of zip.names()) {
    const part = TEXT_PARTS[kind].find((p) => p.pattern.test(name));
    if (!part) continue;
    let found: Found | undefined;
    try {
      found = await scanPart(zip, name, budget);
    } catch (error) {
      if (error instanceof ZipBudgetError || error instanceof XmlElementLimitError) throw tooMuch();
      throw unreadable();
    }
    if (found) {
      const what = found.hit.kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
      const where = `${part.place(name)}${found.cell ? `, cell ${found.cell}` : ''}: ${name}`;
      throw refuse(
        `Bilagan innehåller något som ser ut som ${what} (${where}). Ta bort det i filen och bifoga den på nytt. ` +
          'Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.',
      );
    }
  }
}

/** Reads one part within what is left of the file's budget; the first hit, or undefined. */
async function scanPart(zip: ZipReader, name: string, budget: { bytes: number; elements: number }): Promise<Found | undefined> {
  const collector = new SegmentCollector();
  const tokenizer = new XmlTokenizer(collector, budget.elements);
  const decoder = new XmlTextDecoder();
  try {
    for await (const chunk of zip.read(name, budget.bytes)) {
      budget.bytes -= chunk.length;
      tokenizer.write(decoder.decode(chunk));
      if (collector.found) return collector.found;
    }
    tokenizer.write(decoder.flush());
    tokenizer.end();
  } finally {
    budget.elements -= collector.elements;
  }
  return collector.found;
}

/** Joins the text of each segment (nested ones, such as a text box in a paragraph, on their own) and searches it. */
class SegmentCollector implements XmlHandler {
  found: Found | undefined;
  elements = 0;
  private readonly segments: { text: string; cell?: string }[] = [];
  private inText = 0;

  get wantsText(): boolean {
    return this.inText > 0 && this.segments.length > 0 && !this.found;
  }

  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void {
    this.elements++;
    if (selfClosing) return;
    if (SEGMENTS.has(name)) this.segments.push({ text: '', cell: name === 'c' ? attributes.get('r') : undefined });
    else if (TEXT_ELEMENTS.has(name)) this.inText++;
  }

  close(name: string): void {
    if (TEXT_ELEMENTS.has(name)) this.inText = Math.max(0, this.inText - 1);
    else if (SEGMENTS.has(name)) {
      const segment = this.segments.pop();
      if (segment) this.search(segment, true);
    }
  }

  text(text: string): void {
    const segment = this.segments[this.segments.length - 1];
    segment.text += text;
    if (segment.text.length > SEGMENT_CHARS) {
      this.search(segment, false);
      segment.text = segment.text.slice(-SEGMENT_OVERLAP);
    }
  }

  private search(segment: { text: string; cell?: string }, whole: boolean): void {
    if (this.found || segment.text === '') return;
    const hits = findIdentityNumbers(segment.text);
    // A cell value Excel stored as a number (201701012393, or 2.01701012393E+11).
    const numeric = whole && hits.length === 0 && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(segment.text) ? findIdentityNumbersInNumber(Number(segment.text)) : [];
    const hit = hits[0] ?? numeric[0];
    if (hit) this.found = { hit, ...(segment.cell ? { cell: segment.cell } : {}) };
  }
}
