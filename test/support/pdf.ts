import { deflateSync } from 'node:zlib';

/*
 * A tiny PDF writer for tests: real PDF syntax a viewer opens (a catalog, a page tree, pages with
 * content streams in Helvetica, a cross-reference table with correct offsets), made in code so
 * the tests need no office suite. Only what the appendix tests need: text lines (a line may be
 * given in pieces, each drawn in another font so pdf.js makes separate text items of them),
 * document properties, comments, a form field, an image-only page, a cropped page, an embedded
 * file, JavaScript, a password, and compressed content streams.
 */

export interface PdfPage {
  /** Lines from the top; a line given as pieces is drawn piece by piece, alternating two fonts. */
  lines?: (string | string[])[];
  /** A full-page grey image and no text: what a scanner makes. */
  image?: boolean;
  /** Text comments (sticky notes) on the page. */
  comments?: string[];
  /** The visible part of the page (a crop, as a PDF editor's crop tool sets it); the lines are drawn from the top of the full page. */
  cropBox?: [number, number, number, number];
}

export interface PdfOptions {
  /** Title, Author, Subject, Keywords … */
  info?: Record<string, string>;
  /** A text form field on the first page, with its value. */
  field?: { name: string; value: string };
  /** An attached file in the document's EmbeddedFiles. */
  embeddedFile?: { name: string; content: string };
  /** A document-level JavaScript. */
  javascript?: string;
  /** A standard security handler whose user password is not empty: viewers ask for it. */
  password?: boolean;
  /** Content streams with FlateDecode, as real producers write them. */
  compress?: boolean;
}

/** A PDF literal string in WinAnsi (Latin-1) with ( ) \ escaped. */
const literal = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
/** A text string as UTF-16BE with a byte order mark, in hex: any character, as producers write properties. */
const utf16 = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

export function pdfDocument(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => {
    objects.push(body);
    return objects.length;
  };
  const reserve = () => add('');
  const stream = (dict: string, data: Buffer) => {
    const body = options.compress ? deflateSync(data) : data;
    const filter = options.compress ? ' /Filter /FlateDecode' : '';
    return Buffer.concat([Buffer.from(`<< ${dict}${filter} /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
  };

  const catalog = reserve();
  const pageTree = reserve();
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const image = add(stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.from([0x20, 0x80, 0xc0, 0xff])));
  const fieldRefs: number[] = [];
  const pageRefs: number[] = [];

  pages.forEach((page, index) => {
    const ops: string[] = [];
    (page.lines ?? []).forEach((line, i) => {
      const pieces = typeof line === 'string' ? [line] : line;
      ops.push(`BT /F1 12 Tf 72 ${760 - i * 18} Td`);
      pieces.forEach((piece, p) => ops.push(`/F${(p % 2) + 1} 12 Tf ${literal(piece)} Tj`));
      ops.push('ET');
    });
    if (page.image) ops.push('q 468 0 0 648 72 72 cm /Im1 Do Q');
    const content = add(stream('', Buffer.from(ops.join('\n'), 'latin1')));
    const annots: number[] = (page.comments ?? []).map((text, i) => add(`<< /Type /Annot /Subtype /Text /Rect [${72 + i * 30} 700 ${92 + i * 30} 720] /Contents ${utf16(text)} /T ${utf16('Granskare')} >>`));
    if (index === 0 && options.field) {
      const field = add(`<< /Type /Annot /Subtype /Widget /FT /Tx /T ${literal(options.field.name)} /V ${utf16(options.field.value)} /Rect [72 600 300 620] /F 4 >>`);
      annots.push(field);
      fieldRefs.push(field);
    }
    const annotsEntry = annots.length > 0 ? ` /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}]` : '';
    pageRefs.push(
      add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792]${page.cropBox ? ` /CropBox [${page.cropBox.join(' ')}]` : ''} /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R${annotsEntry} >>`),
    );
  });
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageRefs.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageRefs.length} >>`;

  const names: string[] = [];
  if (options.embeddedFile) {
    const data = add(stream('/Type /EmbeddedFile', Buffer.from(options.embeddedFile.content, 'utf8')));
    const spec = add(`<< /Type /Filespec /F ${literal(options.embeddedFile.name)} /UF ${utf16(options.embeddedFile.name)} /EF << /F ${data} 0 R >> >>`);
    names.push(`/EmbeddedFiles << /Names [${literal(options.embeddedFile.name)} ${spec} 0 R] >>`);
  }
  if (options.javascript) {
    const action = add(`<< /S /JavaScript /JS ${literal(options.javascript)} >>`);
    names.push(`/JavaScript << /Names [(start) ${action} 0 R] >>`);
  }
  const acroForm = fieldRefs.length > 0 ? ` /AcroForm << /Fields [${fieldRefs.map((f) => `${f} 0 R`).join(' ')}] >>` : '';
  const namesEntry = names.length > 0 ? ` /Names << ${names.join(' ')} >>` : '';
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R${acroForm}${namesEntry} >>`;

  const infoEntries = Object.entries(options.info ?? {});
  const info = infoEntries.length > 0 ? add(`<< ${infoEntries.map(([k, v]) => `/${k} ${utf16(v)}`).join(' ')} >>`) : undefined;
  const encrypt = options.password
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'4f'.repeat(32)}> /U <${'55'.repeat(32)}> >>`)
    : undefined;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = [
    `/Size ${objects.length + 1}`,
    `/Root ${catalog} 0 R`,
    info ? `/Info ${info} 0 R` : '',
    encrypt ? `/Encrypt ${encrypt} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : '',
  ]
    .filter(Boolean)
    .join(' ');
  chunks.push(Buffer.from(`${xref}trailer\n<< ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** A one-page PDF with these lines. */
export const simplePdf = (...lines: string[]): Buffer => pdfDocument([{ lines }]);
