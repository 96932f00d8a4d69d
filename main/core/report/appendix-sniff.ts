import type { AppendixKind } from '../../../shared/contract/report';
import { invalid } from '../errors';
import { readXml } from '../xlsx/limits';
import { ZipReader } from '../xlsx/zip';

/**
 * An attached file must BE what its name says: it is handed to the board as such, and a .pdf that
 * is really a text file, or a .docx that is some other zip, would reach the members as a file they
 * cannot open. The content decides, read within bounds: a PDF starts with `%PDF-`; a .docx or
 * .xlsx is a zip whose [Content_Types].xml declares a Word document or Excel workbook main part
 * that is present in the zip (read with the project's own bounded zip reader, never inflating more
 * than the small budget below).
 */

const EXTENSIONS: Readonly<Record<string, AppendixKind>> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

const WHAT: Readonly<Record<AppendixKind, string>> = {
  pdf: 'en PDF-fil',
  docx: 'ett Word-dokument (.docx)',
  xlsx: 'en Excel-arbetsbok (.xlsx)',
};

/** The content type of the main part of each Office kind (macro-enabled and template variants are other kinds). */
const MAIN_PART_TYPES: Readonly<Record<'docx' | 'xlsx', string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

/** [Content_Types].xml lists a few dozen parts; a megabyte is far more than any real one. */
const CONTENT_TYPES_BUDGET = 1024 * 1024;

/** The file's own name without any folder a client sent with it ("../../x.pdf" → "x.pdf"). */
export function baseFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.trim();
}

/** The kind its name claims, or a Swedish refusal. */
export function kindOfFileName(fileName: string): AppendixKind {
  const base = baseFileName(fileName);
  const dot = base.lastIndexOf('.');
  const kind = dot > 0 ? EXTENSIONS[base.slice(dot + 1).toLowerCase()] : undefined;
  if (!kind) throw invalid(`Filen "${base || fileName}" kan inte bifogas: en bilaga ska vara en PDF-fil (.pdf), ett Word-dokument (.docx) eller en Excel-arbetsbok (.xlsx).`, [{ path: '$.fileName', message: 'Filtypen ska vara .pdf, .docx eller .xlsx.' }]);
  return kind;
}

/** Checks that the content is what the name claims; returns the kind. */
export async function sniffAppendix(fileName: string, content: Uint8Array): Promise<AppendixKind> {
  const kind = kindOfFileName(fileName);
  const base = baseFileName(fileName);
  const refuse = (detail: string) => {
    const message = `Filen "${base}" är inte ${WHAT[kind]}, fast namnet slutar på .${kind}: ${detail}. Spara den på nytt i rätt format, eller välj rätt fil.`;
    return invalid(message, [{ path: '$.contentBase64', message }]);
  };
  if (content.length === 0) throw refuse('filen är tom');
  if (kind === 'pdf') {
    if (!startsWith(content, '%PDF-')) throw refuse('den börjar inte som en PDF-fil gör');
    if (isAlsoZip(content)) {
      const message = `Filen "${base}" är både en PDF-fil och ett zip-arkiv och kan inte bifogas: ett zip-program öppnar den som något annat än det en PDF-läsare visar. Spara den på nytt som PDF från programmet där den skapades.`;
      throw invalid(message, [{ path: '$.contentBase64', message }]);
    }
    return kind;
  }
  if (!startsWith(content, 'PK\u0003\u0004')) throw refuse(startsWith(content, '\u00d0\u00cf\u0011\u00e0') ? 'den är i det äldre Office-formatet eller lösenordsskyddad' : 'den är inte en Office-fil');
  const declared = await declaredMainParts(content).catch(() => undefined);
  if (declared === undefined) throw refuse('den går inte att läsa som en Office-fil (den kan vara skadad)');
  const wanted = MAIN_PART_TYPES[kind];
  if (!declared.some((p) => p.contentType === wanted && p.present)) {
    const other = kind === 'docx' ? declared.some((p) => p.contentType === MAIN_PART_TYPES.xlsx) : declared.some((p) => p.contentType === MAIN_PART_TYPES.docx);
    throw refuse(other ? `den är ${WHAT[kind === 'docx' ? 'xlsx' : 'docx']}` : `huvuddelen för ${kind === 'docx' ? 'Word-dokumentet' : 'arbetsboken'} saknas`);
  }
  return kind;
}

function startsWith(content: Uint8Array, magic: string): boolean {
  if (content.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (content[i] !== magic.charCodeAt(i)) return false;
  return true;
}

const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const CENTRAL_DIRECTORY_ENTRY = [0x50, 0x4b, 0x01, 0x02];
/** The record is 22 bytes and may be followed by a comment of up to 65,535: where every zip reader searches. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * Whether a file is also a zip (a polyglot: "%PDF-" up front, a zip at the end, where zip readers
 * look for it). A zip reader searches the file's last 64 KiB for the end-of-central-directory
 * record and follows it to the central directory; this does the same and says yes only when the
 * record points at a real central directory entry (at its stated offset, or just before the record
 * when data was put in front of the zip) or is a ZIP64 one. Real PDFs compress with Flate inside
 * streams, so these signatures do not occur raw in them; a random four-byte match somewhere is not
 * enough, it must also point at a second signature.
 */
export function isAlsoZip(content: Uint8Array): boolean {
  const from = Math.max(0, content.length - EOCD_SEARCH);
  for (let i = content.length - 22; i >= from; i--) {
    if (!matchesAt(content, i, END_OF_CENTRAL_DIRECTORY)) continue;
    const view = new DataView(content.buffer, content.byteOffset + i, 22);
    const size = view.getUint32(12, true);
    const offset = view.getUint32(16, true);
    if (size === 0xffffffff || offset === 0xffffffff) return true;
    if (matchesAt(content, offset, CENTRAL_DIRECTORY_ENTRY) || matchesAt(content, i - size, CENTRAL_DIRECTORY_ENTRY)) return true;
  }
  return false;
}

function matchesAt(content: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (at < 0 || at + signature.length > content.length) return false;
  return signature.every((byte, k) => content[at + k] === byte);
}

/** The parts [Content_Types].xml declares by name (Override), with whether each is really in the zip. */
async function declaredMainParts(content: Uint8Array): Promise<{ contentType: string; present: boolean }[]> {
  const zip = new ZipReader(content);
  if (!zip.has('[Content_Types].xml')) return [];
  const parts: { contentType: string; present: boolean }[] = [];
  await readXml(zip, '[Content_Types].xml', CONTENT_TYPES_BUDGET, (name, attributes) => {
    if (name.replace(/^.*:/, '') !== 'Override') return;
    const partName = attributes.get('PartName');
    const contentType = attributes.get('ContentType');
    if (!partName || !contentType) return;
    parts.push({ contentType: contentType.trim(), present: zip.has(partName.replace(/^\//, '')) });
  });
  return parts;
}
