import type { AppendixKind } from '../../../shared/contract/report';
import { formatNumber } from '../../../shared/util/format-sv';
import { invalid } from '../errors';
import { XmlElementLimitError } from '../xlsx/xml';
import { ZipBudgetError, ZipReader } from '../xlsx/zip';
import { NestingTooDeepError, scanPackage, type Finding } from './office-scan/scan-package';

/**
 * What an attached Word document or workbook says is searched for personal and coordination
 * numbers before it is stored: the board package hands it on unchanged, so a number in it would
 * leave the workbench with the memo. The file is read as Word and Excel read it, so no part name
 * matters (office-scan/): the parts are found through [Content_Types].xml and the relationships,
 * and EVERY part of the zip is read, whatever it is called and whether or not anything points to
 * it: the text and the attribute values of each XML part (document properties, field codes, alt
 * texts, formulas, sheet names, pivot caches, link targets …), other text as text, an embedded
 * package as a package. All with the project's bounded zip reader and XML tokenizer, never more
 * than APPENDIX_SCAN_LIMITS unpacked in all, so a zip bomb is refused, not inflated.
 *
 * A PDF is routed elsewhere (its text is extracted by another reader); it passes here unread. The
 * number itself is never repeated in the refusal.
 */

export const APPENDIX_SCAN_LIMITS = {
  /** Uncompressed text read from one file, all its parts together (a picture counts the few KB looked at). */
  textBytes: 20 * 1024 * 1024,
  /** Start tags in one file: each costs work whatever its size. */
  elements: 4_000_000,
} as const;

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
  const tooDeep = () =>
    refuse(`Filen "${fileName}" innehåller ett inbäddat objekt som i sin tur innehåller inbäddade filer, och kan inte kontrolleras för personnummer. Ta bort det inbäddade objektet eller spara filen som PDF.`);

  let found: Finding | undefined;
  try {
    found = await scanPackage(new ZipReader(content), { bytes: APPENDIX_SCAN_LIMITS.textBytes, elements: APPENDIX_SCAN_LIMITS.elements });
  } catch (error) {
    if (error instanceof ZipBudgetError || error instanceof XmlElementLimitError) throw tooMuch();
    if (error instanceof NestingTooDeepError) throw tooDeep();
    throw unreadable();
  }
  if (found) {
    const what = found.hit.kind === 'samordningsnummer' ? 'ett samordningsnummer' : 'ett personnummer';
    const where = `${found.place}${found.cell ? `, cell ${found.cell}` : ''}${found.part ? `: ${found.part}` : ''}`;
    throw refuse(
      `Bilagan innehåller något som ser ut som ${what} (${where}). Ta bort det i filen och bifoga den på nytt. ` +
        'Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.',
    );
  }
}
