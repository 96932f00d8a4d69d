import { escapeXml, zip, type ZipEntry } from './zip';

/*
 * Small Word documents and workbooks built part by part, in memory (never committed), for the
 * appendix content scan: a clean base that must be accepted, and the same base with a value put
 * in one of the many places an Office file keeps text — under part names Word and Excel do not
 * care about, since they follow the relationships, not the names.
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  x: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: REL,
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  dgm: 'http://schemas.openxmlformats.org/drawingml/2006/diagram',
} as const;

/** Relationship types, by their last segment (the officeDocument namespace unless a full URI). */
export const REL_TYPE = (type: string): string => (type.includes('://') ? type : `${REL}/${type}`);

/** Content types used below. */
export const CT = {
  docxMain: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsxMain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  footnotes: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
  comments: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  glossary: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  sheetComments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  pivotCacheDefinition: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  pivotCacheRecords: 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  threadedComments: 'application/vnd.ms-excel.threadedcomments+xml',
  person: 'application/vnd.ms-excel.person+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  diagramData: 'application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
} as const;

export interface Part {
  /** Name in the zip (no leading slash). */
  name: string;
  data: string | Uint8Array;
  /** Declared with an Override in [Content_Types].xml; otherwise the Default for its extension. */
  contentType?: string;
}

export interface Relationship {
  type: string;
  target: string;
  external?: boolean;
}

export interface OfficePackage {
  parts: Part[];
  /** Relationships by source part ('' for the package itself), in order. */
  rels: Record<string, Relationship[]>;
}

/** The zip: [Content_Types].xml, every relationships part, every part. */
export function buildPackage(pkg: OfficePackage, extra: ZipEntry[] = []): Buffer {
  const overrides = pkg.parts.filter((p) => p.contentType).map((p) => `<Override PartName="/${p.name}" ContentType="${p.contentType}"/>`);
  const types =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Default Extension="png" ContentType="image/png"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>${overrides.join('')}</Types>`;
  const entries: ZipEntry[] = [{ name: '[Content_Types].xml', data: types }];
  for (const [source, list] of Object.entries(pkg.rels)) {
    const slash = source.lastIndexOf('/');
    const relsName = source === '' ? '_rels/.rels' : `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    const body = list
      .map((r, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('');
    entries.push({ name: relsName, data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>` });
  }
  for (const part of pkg.parts) entries.push({ name: part.name, data: part.data });
  return zip([...entries, ...extra]);
}

/** A one-pixel PNG: a binary part the scan must skip. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const coreXml = (title: string) =>
  `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Stadsdelsförvaltningen</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-03-12T09:30:00Z</dcterms:created></cp:coreProperties>`;
const appXml = (company: string) =>
  `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Office Word</Application><Company>${escapeXml(company)}</Company></Properties>`;

/** A paragraph of plain runs. */
export const para = (...runs: string[]) => `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`).join('')}</w:p>`;

export interface DocxOptions {
  /** The main part's name (Word follows `_rels/.rels`, so any name works). */
  main?: string;
  /** What goes inside `<w:body>`, before the section properties. */
  body?: string;
  title?: string;
  company?: string;
  altText?: string;
  header?: string;
  footer?: string;
  footnote?: string;
  /** Relationships of other parts, by source part. */
  moreRels?: Record<string, Relationship[]>;
  /** Parts related from the main part: relationship type, target relative to the main part's folder, the part. */
  related?: { id?: string; type: string; target: string; part?: Part; external?: boolean }[];
  /** Parts related from the package root (custom properties). */
  rootRelated?: { type: string; part: Part }[];
  /** Parts nothing points to. */
  loose?: Part[];
}

/** A small, complete Word document: text, header, footer, footnote, a picture with alt text, properties. */
export function docx(options: DocxOptions = {}): Buffer {
  const main = options.main ?? 'word/document.xml';
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const w = `xmlns:w="${NS.w}" xmlns:r="${NS.r}"`;
  const picture =
    `<w:p><w:r><w:drawing><wp:inline xmlns:wp="${NS.wp}"><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Bild 1" descr="${escapeXml(options.altText ?? 'Stadsdelens logotyp')}"/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}"><pic:nvPicPr><pic:cNvPr id="0" name="logo.png" descr="${escapeXml(options.altText ?? 'Stadsdelens logotyp')}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    '<pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const body =
    options.body ??
    para('Yttrande från stadsdelsnämnden, telefon 08-508 252 62, den 12 mars 2024.') +
      '<w:p><w:r><w:t>Se fotnot</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
  const document = `${HEAD}<w:document ${w}><w:body>${body}${picture}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr></w:body></w:document>`;
  const parts: Part[] = [
    { name: main, data: document, contentType: CT.docxMain },
    { name: `${folder}header1.xml`, data: `${HEAD}<w:hdr ${w}>${para(options.header ?? 'Tjänsteutlåtande')}</w:hdr>`, contentType: CT.header },
    { name: `${folder}footer1.xml`, data: `${HEAD}<w:ftr ${w}>${para(options.footer ?? 'Dnr SOF 2024/543')}</w:ftr>`, contentType: CT.footer },
    { name: `${folder}footnotes.xml`, data: `${HEAD}<w:footnotes ${w}><w:footnote w:id="1">${para(options.footnote ?? 'Källa: Socialstyrelsen 2024.')}</w:footnote></w:footnotes>`, contentType: CT.footnotes },
    { name: `${folder}media/image1.png`, data: PNG },
    { name: 'docProps/core.xml', data: coreXml(options.title ?? 'Yttrande'), contentType: CT.core },
    { name: 'docProps/app.xml', data: appXml(options.company ?? 'Stockholms stad'), contentType: CT.app },
  ];
  // The relationships Word writes, with the Ids the document uses.
  const mainRels: (Relationship & { id: string })[] = [
    { id: 'rIdHeader', type: 'header', target: 'header1.xml' },
    { id: 'rIdFooter', type: 'footer', target: 'footer1.xml' },
    { id: 'rIdFootnotes', type: 'footnotes', target: 'footnotes.xml' },
    { id: 'rIdImage', type: 'image', target: 'media/image1.png' },
  ];
  for (const [i, r] of (options.related ?? []).entries()) {
    mainRels.push({ id: r.id ?? `rId${i + 1}`, type: r.type, target: r.target, external: r.external });
    if (r.part) parts.push(r.part);
  }
  const rootRels: Relationship[] = [
    { type: 'officeDocument', target: main },
    { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
    { type: 'extended-properties', target: 'docProps/app.xml' },
  ];
  for (const r of options.rootRelated ?? []) {
    rootRels.push({ type: r.type, target: r.part.name });
    parts.push(r.part);
  }
  parts.push(...(options.loose ?? []));
  return buildWithIds(parts, { '': rootRels, ...options.moreRels }, main, mainRels);
}

/** As buildPackage, but the main part's relationships get the Ids its XML refers to. */
function buildWithIds(parts: Part[], rels: Record<string, Relationship[]>, main: string, mainRels: (Relationship & { id: string })[]): Buffer {
  const slash = main.lastIndexOf('/');
  const relsName = `${main.slice(0, slash + 1)}_rels/${main.slice(slash + 1)}.rels`;
  const body = mainRels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL_TYPE(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return buildPackage({ parts, rels }, [{ name: relsName, data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>` }]);
}

export interface XlsxOptions {
  /** The sheet's part name (Excel follows the workbook's relationships). */
  sheetPart?: string;
  sheetName?: string;
  /** Cells of row 3 (B3 holds a formula in the clean base). */
  cells?: string;
  /** Inside `<worksheet>` after sheetData (headerFooter, dataValidations, hyperlinks …), in schema order. */
  afterData?: string;
  /** Inside `<workbook>` after sheets (definedNames, pivotCaches). */
  workbookExtra?: string;
  strings?: string[];
  title?: string;
  /** Parts related from the sheet. */
  sheetRelated?: { type: string; target: string; part?: Part; external?: boolean }[];
  /** Relationships of other parts, by source part. */
  moreRels?: Record<string, Relationship[]>;
  /** Parts related from the workbook. */
  workbookRelated?: { type: string; target: string; part: Part }[];
  loose?: Part[];
}

/** A small, complete workbook: one sheet with strings, numbers and a formula, shared strings, properties. */
export function xlsx(options: XlsxOptions = {}): Buffer {
  const sheetPart = options.sheetPart ?? 'xl/worksheets/sheet1.xml';
  const x = `xmlns="${NS.x}" xmlns:r="${NS.r}"`;
  const strings = options.strings ?? ['Enhet', 'Antal', 'Norr'];
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12</v></c></row>' +
    `<row r="3">${options.cells ?? '<c r="A3" t="inlineStr"><is><t>Summa</t></is></c><c r="B3"><f>SUM(B2:B2)&amp;" st"</f><v>12 st</v></c>'}</row>`;
  const sheet = `${HEAD}<worksheet ${x}><sheetData>${rows}</sheetData>${options.afterData ?? ''}</worksheet>`;
  const workbook = `${HEAD}<workbook ${x}><sheets><sheet name="${escapeXml(options.sheetName ?? 'Statistik')}" sheetId="1" r:id="rId1"/></sheets>${options.workbookExtra ?? ''}</workbook>`;
  const sst = `${HEAD}<sst xmlns="${NS.x}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  const parts: Part[] = [
    { name: 'xl/workbook.xml', data: workbook, contentType: CT.xlsxMain },
    { name: sheetPart, data: sheet, contentType: CT.worksheet },
    { name: 'xl/sharedStrings.xml', data: sst, contentType: CT.sharedStrings },
    { name: 'docProps/core.xml', data: coreXml(options.title ?? 'Statistik'), contentType: CT.core },
    { name: 'docProps/app.xml', data: appXml('Stockholms stad'), contentType: CT.app },
  ];
  const relative = (from: string, to: string) => {
    const base = from.split('/').slice(0, -1);
    const target = to.split('/');
    let common = 0;
    while (common < base.length && base[common] === target[common]) common++;
    return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  };
  const workbookRels: Relationship[] = [
    { type: 'worksheet', target: relative('xl/workbook.xml', sheetPart) },
    { type: 'sharedStrings', target: 'sharedStrings.xml' },
  ];
  for (const r of options.workbookRelated ?? []) {
    workbookRels.push({ type: r.type, target: r.target });
    parts.push(r.part);
  }
  const sheetRels: Relationship[] = [];
  for (const r of options.sheetRelated ?? []) {
    sheetRels.push({ type: r.type, target: r.target, external: r.external });
    if (r.part) parts.push(r.part);
  }
  parts.push(...(options.loose ?? []));
  const rels: Record<string, Relationship[]> = {
    '': [
      { type: 'officeDocument', target: 'xl/workbook.xml' },
      { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { type: 'extended-properties', target: 'docProps/app.xml' },
    ],
    'xl/workbook.xml': workbookRels,
    ...options.moreRels,
  };
  if (sheetRels.length > 0) rels[sheetPart] = sheetRels;
  return buildPackage({ parts, rels });
}
