import { CONFIRMED_NO_PERSONAL_DATA_PATH } from '../../../shared/contract/report';
import { findIdentityNumbers, type IdentityNumberHit } from '../../../shared/identity/pii-guard';
import { formatNumber } from '../../../shared/util/format-sv';
import { DomainError, invalid } from '../errors';
import { PDF_READ_LIMITS, PdfReaderUnavailable, readPdfText, type PdfLimits, type PdfTextPart, type PdfUnreadable } from './pdf-text';

/**
 * What an attached PDF says is searched for personal and coordination numbers before it is stored,
 * as a Word document's or workbook's is (appendix-content-scan.ts): the board package hands the
 * file on unchanged. pdf.js reads it in a bounded worker (pdf-text.ts); searched are every page's
 * text, each line as pdf.js's text layer joins it and the page as a whole (a number may be split
 * over text items, or wrapped over two lines), the document's properties (title, author, subject,
 * keywords) and XMP metadata, bookmarks, comments and other annotations, and form field values.
 * A hit is refused naming the page or the part, never repeating the number.
 *
 * A file that cannot be read through — damaged, password-protected, over the limits, too slow,
 * with a page that is only an image (a scan: a number in a picture is not found), with embedded
 * files, JavaScript or an XFA form — is refused saying why, unless the board secretary confirms
 * that it holds no personal data; the caller logs that confirmation in the report's history. A
 * number found in what could be read is refused even with the confirmation.
 */

/** The path of the input field that confirms an unreadable file holds no personal data; a refusal that can be confirmed carries it. */
export const CONFIRMATION_PATH = CONFIRMED_NO_PERSONAL_DATA_PATH;

/** Part of the refusal: why the file could not be read through. */
export function unreadableReason(u: PdfUnreadable, limits: PdfLimits = PDF_READ_LIMITS): string {
  switch (u.reason) {
    case 'damaged':
      return 'den går inte att öppna som PDF (den kan vara skadad)';
    case 'encrypted':
      return 'den är lösenordsskyddad';
    case 'pages':
      return `den har fler än ${formatNumber(limits.pages)} sidor, det högsta antal som läses`;
    case 'chars':
      return `den innehåller mer än ${formatNumber(limits.chars)} tecken text, det mesta som läses`;
    case 'timeout':
      return `genomläsningen tog längre tid än ${formatNumber(limits.milliseconds / 1000)} sekunder`;
    case 'memory':
      return 'den kräver för mycket minne för att läsas';
    case 'image':
      return `sidan ${u.page ?? 1} har ingen text, bara bild eller grafik (den kan vara inskannad), och text i en bild kan inte läsas`;
    case 'attachments':
      return 'den innehåller inbäddade filer, som inte kan kontrolleras';
    case 'javascript':
      return 'den innehåller JavaScript, som kan ändra vad filen visar';
    case 'xfa':
      return 'den är ett XFA-formulär, vars innehåll inte kan läsas';
  }
}

/** Where a hit was, as the refusal names it. */
function placeOf(part: PdfTextPart): string {
  switch (part.where) {
    case 'page':
      return `på sidan ${part.page}`;
    case 'info':
      return 'i dokumentets egenskaper (titel, författare, ämne eller nyckelord)';
    case 'metadata':
      return 'i dokumentets metadata';
    case 'outline':
      return 'i bokmärkena';
    case 'form':
      return 'i ett formulärfält';
    case 'annotation':
      return `i en kommentar eller anteckning på sidan ${part.page}`;
    case 'javascript':
      return 'i dokumentets JavaScript';
  }
}

/** The first identity number in a part: each text alone, then (for a page) the lines joined with a line break and with nothing. */
export function firstHit(part: PdfTextPart): IdentityNumberHit | undefined {
  for (const text of part.texts) {
    const hit = findIdentityNumbers(text)[0];
    if (hit) return hit;
  }
  if (part.texts.length < 2) return undefined;
  return findIdentityNumbers(part.texts.join('\n'))[0] ?? findIdentityNumbers(part.texts.join(''))[0];
}

/** The outcome of a scan that did not refuse: null when everything was read, otherwise why not (for the log). */
export interface PdfScanOutcome {
  unreadable: string | null;
}

/**
 * Refuses a PDF with an identity number in it, or one that cannot be read through unless
 * `confirmed`; otherwise says what could not be read (null: nothing).
 */
export async function scanPdfAppendix(fileName: string, content: Uint8Array, confirmed: boolean, limits: PdfLimits = PDF_READ_LIMITS): Promise<PdfScanOutcome> {
  let found: { hit: IdentityNumberHit; part: PdfTextPart } | undefined;
  let unreadable: PdfUnreadable[];
  try {
    unreadable = await readPdfText(
      content,
      (part) => {
        const hit = firstHit(part);
        if (hit) found = { hit, part };
        return found !== undefined;
      },
      limits,
    );
  } catch (error) {
    if (error instanceof PdfReaderUnavailable) throw new DomainError('INTERNAL', 'PDF-läsaren i programmet kunde inte startas, så PDF-filen kunde inte kontrolleras. Installera programmet på nytt eller kontakta den som förvaltar det.');
    throw error;
  }
  if (found) {
    const what = found.hit.kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
    const message =
      `Bilagan innehåller något som ser ut som ${what} (${placeOf(found.part)}). Ta bort det i filen och bifoga den på nytt. ` +
      'Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.';
    throw invalid(message, [{ path: '$.contentBase64', message }]);
  }
  if (unreadable.length === 0) return { unreadable: null };
  // Not a PDF at all but a zip behind a PDF header: never attached, confirmed or not.
  if (unreadable.some((u) => u.reason === 'damaged') && containsLocalZipHeader(content)) {
    const message = `Filen "${fileName}" går inte att läsa som PDF och innehåller ett zip-arkiv. Den kan inte bifogas; spara den på nytt som PDF från programmet där den skapades.`;
    throw invalid(message, [{ path: '$.contentBase64', message }]);
  }
  const why = unreadable.map((u) => unreadableReason(u, limits)).join('; ');
  if (confirmed) return { unreadable: why };
  const message =
    `PDF-filen "${fileName}" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer: ${why}. ` +
    'Spara den på nytt som PDF med sökbar text och bifoga den igen, eller bekräfta att du har gått igenom filen och att den inte innehåller några personuppgifter; ' +
    'då bifogas den, och bekräftelsen sparas med ditt namn i utlåtandets historik.';
  throw invalid(message, [{ path: CONFIRMATION_PATH, message: 'Bekräfta att filen inte innehåller några personuppgifter, eller välj en annan fil.' }]);
}

/** A zip's local file header anywhere after the PDF header: only a zip puts these raw into a file (a PDF compresses with Flate, inside streams). */
function containsLocalZipHeader(content: Uint8Array): boolean {
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength).indexOf('PK\u0003\u0004', 5, 'latin1') >= 0;
}
