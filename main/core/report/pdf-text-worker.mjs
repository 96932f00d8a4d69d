// The PDF reader's worker thread (started by pdf-text.ts, never imported). It opens one PDF with
// pdf.js and posts, part by part, every text in it: each page's text in reading order and the text
// its operators draw (also outside the visible, cropped page, and in form fields' appearances), the
// document information and XMP metadata, bookmarks, annotations (comments, links, form widgets)
// and form field values. It posts what it cannot read as a reason code and
// does NOT decide anything: the parent thread searches the texts for identity numbers, counts the
// limits and terminates this thread at its deadline. Plain JavaScript, so it runs as it is under
// tsx, vitest and beside the Electron bundle (scripts/build.mjs copies it there).
//
// pdf.js runs here without its own worker (the fake worker, in this thread), without eval, without
// system fonts or font faces, and with the bytes only: no URL is ever given, so nothing is fetched
// except its own character maps and standard font data, read from its package folder on disk.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

const { bytes, maxPages, maxChars } = workerData;

/** Each posted text part: { kind: 'text', where, page?, texts: string[] }. */
const post = (message) => parentPort.postMessage(message);
let chars = 0;
let stopped = false;

/** Posts texts for one place; stops everything once the text budget is spent. */
function texts(where, list, page) {
  if (stopped) return;
  const kept = [];
  for (const text of list) {
    if (typeof text !== 'string' || text === '') continue;
    chars += text.length;
    kept.push(text);
    if (chars > maxChars) break;
  }
  if (kept.length > 0) post({ kind: 'text', where, page, texts: kept });
  if (chars > maxChars) {
    post({ kind: 'unreadable', reason: 'chars' });
    stopped = true;
  }
}

const unreadable = (reason, page) => post({ kind: 'unreadable', reason, page });

/** Every string inside a plain value (annotation data, field objects, outline entries), depth-bounded, skipping binary data. */
function strings(value, out = [], depth = 0) {
  if (depth > 12 || out.length > 10_000) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    for (const v of Object.values(value)) strings(v, out, depth + 1);
  }
  return out;
}

/** A page's text as a reader sees it: the items of a line joined as pdf.js's own text layer joins them (it adds the spaces), one string per line. */
function pageLines(items) {
  const lines = [];
  let line = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // a marked-content marker
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Operators that paint something other than text. */
const PAINT_OPS = [
  'paintImageXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
  'constructPath',
  'shadingFill',
];

const require = createRequire(import.meta.url);
const packageRoot = path.join(path.dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')), '..', '..');
// The worker side of pdf.js in this same thread: no second thread and no import by a relative URL.
// Loaded before anything is read: a reader that cannot start is the program's fault, not the file's.
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { getDocument, OPS, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const PAINTS = new Set(PAINT_OPS.map((name) => OPS[name]).filter((op) => typeof op === 'number'));
const SHOW_TEXT = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
const MOVE_TEXT = new Set([OPS.moveText, OPS.setTextMatrix, OPS.nextLine, OPS.setLeadingMoveText]);
post({ kind: 'ready' });

const OPTIONS = {
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  enableXfa: false,
  stopAtErrors: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  verbosity: VerbosityLevel.ERRORS,
  // Local folders (pdf.js reads them with fs in Node): CJK character maps and the metrics of the
  // 14 standard fonts, so text in those fonts maps to the right characters.
  cMapUrl: path.join(packageRoot, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(packageRoot, 'standard_fonts') + path.sep,
};

/** The text a page's operators draw, one string per text object (BT … ET): glyphs joined, a space where the text moves on. */
function drawnText(ops) {
  const out = [];
  let text = '';
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    if (SHOW_TEXT.has(fn)) {
      const glyphs = ops.argsArray[i]?.[0];
      if (!Array.isArray(glyphs)) continue;
      for (const glyph of glyphs) {
        // A number is a shift in thousandths of the font size: a wide one is a gap between words.
        if (typeof glyph === 'number') text += glyph < -200 && !text.endsWith(' ') ? ' ' : '';
        else if (glyph && typeof glyph.unicode === 'string') text += glyph.unicode;
      }
    } else if (MOVE_TEXT.has(fn)) {
      if (text !== '' && !text.endsWith(' ')) text += ' ';
    } else if (fn === OPS.endText) {
      if (text.trim() !== '') out.push(text);
      text = '';
    }
  }
  if (text.trim() !== '') out.push(text);
  return out;
}

async function main() {
  let doc;
  try {
    // Images are left out (maxImageSize 0): their pixels are not read anyway, and decoding them is
    // most of the work. A second copy with images is opened only to look at a page without text.
    doc = await getDocument({ ...OPTIONS, data: bytes.slice(), maxImageSize: 0 }).promise;
  } catch (error) {
    // pdf.js's exceptions cross its message port as plain objects: their name tells them apart.
    unreadable(error?.name === 'PasswordException' ? 'encrypted' : 'damaged');
    post({ kind: 'done' });
    return;
  }
  let withImages;

  const { info, metadata } = await doc.getMetadata().catch(() => ({ info: null, metadata: null }));
  texts('info', strings(info ?? {}));
  if (metadata) {
    const raw = typeof metadata.getRaw === 'function' ? metadata.getRaw() : '';
    texts('metadata', [raw, ...strings(typeof metadata.getAll === 'function' ? metadata.getAll() : {})]);
  }
  if (info?.IsXFAPresent) unreadable('xfa');
  // A portfolio (collection) is a wrapper around files of its own.
  if (info?.IsCollectionPresent) unreadable('attachments');

  const attachments = await doc.getAttachments().catch(() => null);
  if (attachments && Object.keys(attachments).length > 0) unreadable('attachments');

  // Document-level scripts: the JavaScript name tree, an opening action, the document's own actions.
  const jsActions = await doc.getJSActions().catch(() => null);
  if (jsActions && Object.keys(jsActions).length > 0) {
    texts('javascript', strings(jsActions));
    unreadable('javascript');
  }

  const outline = await doc.getOutline().catch(() => null);
  const titles = (entry) => ({ title: entry.title, url: entry.url, items: (entry.items ?? []).map(titles) });
  if (outline) texts('outline', strings(outline.map(titles)));

  const fields = await doc.getFieldObjects().catch(() => null);
  if (fields) texts('form', strings(fields));

  const pageCount = doc.numPages;
  if (pageCount > maxPages) unreadable('pages');
  let imageOnly = false;
  for (let number = 1; number <= Math.min(pageCount, maxPages) && !stopped; number++) {
    const page = await doc.getPage(number);
    // The text as pdf.js's text layer gives it: the lines a reader sees, in reading order.
    const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
    const lines = pageLines(content.items);
    texts('page', lines, number);
    // The text the page's operators draw: also what lies outside the visible (cropped) page, which
    // the text layer leaves out, and what annotations' appearances (filled-in form fields) draw.
    const ops = await page.getOperatorList({ intent: 'display' });
    const drawn = drawnText(ops);
    texts('page', drawn, number);
    const annotations = await page.getAnnotations({ intent: 'display' }).catch(() => []);
    for (const annotation of annotations) {
      if (annotation.subtype === 'FileAttachment' || annotation.file) unreadable('attachments', number);
      if (annotation.actions && Object.keys(annotation.actions).length > 0) unreadable('javascript', number);
    }
    if (annotations.length > 0) texts('annotation', strings(annotations), number);
    const pageScripts = await page.getJSActions().catch(() => null);
    if (pageScripts && Object.keys(pageScripts).length > 0) {
      texts('javascript', strings(pageScripts), number);
      unreadable('javascript', number);
    }
    // A page without text that still paints something (an image, or text drawn as outlines) shows
    // what cannot be read here: a scanned page, say. One is enough to know, so only the first is looked at.
    if (!imageOnly && lines.every((l) => l.trim() === '') && drawn.length === 0) {
      let paints = ops.fnArray.some((fn) => PAINTS.has(fn));
      if (!paints) {
        withImages ??= await getDocument({ ...OPTIONS, data: bytes.slice() }).promise;
        const again = await (await withImages.getPage(number)).getOperatorList({ intent: 'display' });
        paints = again.fnArray.some((fn) => PAINTS.has(fn));
      }
      if (paints) {
        imageOnly = true;
        unreadable('image', number);
      }
    }
    page.cleanup();
  }
  await doc.destroy();
  await withImages?.destroy();
  post({ kind: 'done' });
}

try {
  await main();
} catch {
  // Anything pdf.js throws while reading pages (a broken content stream, say) is a file that cannot be read through.
  unreadable('damaged');
  post({ kind: 'done' });
}
