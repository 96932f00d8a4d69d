import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A PDF's text, read by pdf.js in a worker thread (pdf-text-worker.mjs) within hard limits.
 *
 * Why a worker and not pdf.js in this thread: pdf.js parses a page's content, fonts and images in
 * long synchronous stretches. A hostile or merely huge file could hold the main process (the
 * Electron app's, or browser mode's server) for as long as it likes, and a Promise.race timeout
 * cannot interrupt synchronous code. A worker thread is terminated at the deadline whatever it is
 * doing, its heap is capped (a file that needs more is reported, not the whole program killed),
 * and whatever pdf.js prints goes nowhere.
 *
 * The worker only extracts; the caller decides what the texts mean. Texts arrive part by part as
 * pages are read, so a hit on page 2 of a slow 400-page file is found without waiting for the rest.
 */

/** What the reader gives up at. A file over a limit is reported as unreadable, never partly trusted. */
export const PDF_READ_LIMITS = {
  /**
   * Pages read. A board appendix is a statement, minutes or a report: tens of pages, rarely a few
   * hundred. Beyond this the file is not read through.
   */
  pages: 500,
  /** Characters of text in all (pages, properties, comments, fields): some 2,000 dense pages. */
  chars: 5_000_000,
  /** Wall time for the whole file, worker start included; pdf.js reads a normal 50-page PDF in well under a second. */
  milliseconds: 20_000,
  /** The worker's heap. pdf.js holds the file and decoded page resources; a 50 MB file of text fits easily. */
  heapMb: 512,
} as const;

export type PdfLimits = { [K in keyof typeof PDF_READ_LIMITS]: number };

/** Where a text was found in the file. */
export type PdfTextPlace = 'page' | 'info' | 'metadata' | 'outline' | 'form' | 'annotation' | 'javascript';

export interface PdfTextPart {
  where: PdfTextPlace;
  /** The page (1-based) for page text and annotations. */
  page?: number;
  /** A page's lines in reading order, or the strings of a property, field or annotation. */
  texts: string[];
}

/** Why a file, or part of it, could not be read through. */
export type PdfUnreadableReason =
  | 'damaged'
  | 'encrypted'
  | 'pages'
  | 'chars'
  | 'timeout'
  | 'memory'
  /** A page without text that paints an image or drawn shapes: a scan, or text turned into outlines. */
  | 'image'
  | 'attachments'
  | 'javascript'
  | 'xfa';

export interface PdfUnreadable {
  reason: PdfUnreadableReason;
  page?: number;
}

/** The reader itself could not start (pdf.js missing from the installation): the program's fault, never the file's. */
export class PdfReaderUnavailable extends Error {}

type WorkerMessage = { kind: 'ready' } | { kind: 'done' } | ({ kind: 'text' } & PdfTextPart) | ({ kind: 'unreadable' } & PdfUnreadable);

/**
 * The worker script beside this module (the build copies it beside the Electron bundle, where
 * `import.meta.url` is the bundle's). A path, not `new URL('./…', import.meta.url)`: bundlers
 * rewrite that pattern into an asset URL.
 */
function workerPath(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pdf-text-worker.mjs');
  // In the installed app the bundle is inside app.asar, which a worker thread cannot start from;
  // electron-builder.yml unpacks the worker (and pdf.js, which it imports) beside the archive.
  return beside.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * Reads the file, handing each text part to `onPart` as it arrives; `onPart` returns true to stop
 * reading (a hit: the rest need not be read). Resolves with what could not be read, in the order
 * found (empty: every page and property was read). Rejects only with PdfReaderUnavailable.
 */
export function readPdfText(content: Uint8Array, onPart: (part: PdfTextPart) => boolean, limits: PdfLimits = PDF_READ_LIMITS): Promise<PdfUnreadable[]> {
  return new Promise((resolve, reject) => {
    const unreadable: PdfUnreadable[] = [];
    // A copy the worker owns: the caller's buffer stays as it is (it is stored and hashed afterwards).
    const bytes = new Uint8Array(content);
    let ready = false;
    let settled = false;
    let chars = 0;
    const worker = new Worker(workerPath(), {
      workerData: { bytes, maxPages: limits.pages, maxChars: limits.chars },
      transferList: [bytes.buffer],
      // Plain JavaScript: none of the parent's loaders (tsx under the CLI) are wanted in it, and they cost a second to start.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
      // pdf.js warns in English on its console; none of that reaches the user's terminal or the log.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (outcome: 'resolve' | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      if (outcome === 'resolve') resolve(unreadable);
      else reject(outcome);
    };
    const give = (reason: PdfUnreadableReason, page?: number) => {
      if (!unreadable.some((u) => u.reason === reason)) unreadable.push(page === undefined ? { reason } : { reason, page });
    };
    const deadline = setTimeout(() => {
      give('timeout');
      finish('resolve');
    }, limits.milliseconds);

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      switch (message.kind) {
        case 'ready':
          ready = true;
          return;
        case 'done':
          return finish('resolve');
        case 'unreadable':
          return give(message.reason, message.page);
        case 'text': {
          // The worker counts too; this is the bound that holds whatever it does.
          chars += message.texts.reduce((sum, t) => sum + t.length, 0);
          const part: PdfTextPart = { where: message.where, texts: message.texts, ...(message.page !== undefined ? { page: message.page } : {}) };
          if (onPart(part)) return finish('resolve');
          if (chars > limits.chars) {
            give('chars');
            finish('resolve');
          }
          return;
        }
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!ready) return finish(new PdfReaderUnavailable(`The PDF reader could not start: ${error.message}`));
      give(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'damaged');
      finish('resolve');
    });
    worker.on('exit', () => {
      if (settled) return;
      if (!ready) return finish(new PdfReaderUnavailable('The PDF reader stopped before it started.'));
      give('damaged');
      finish('resolve');
    });
  });
}
