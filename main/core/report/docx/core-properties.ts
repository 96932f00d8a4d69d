/**
 * docProps/core.xml written by us rather than by docx, which stamps the packing time and offers
 * no way to set it: the document's date is the export's `createdAt`, so the same export gives
 * the same properties, and the file says when the workbench wrote it.
 */

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string;
  description: string;
  /** ISO timestamp. */
  created: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * A W3CDTF timestamp without milliseconds, as Word writes it. An invalid one gives 1980-01-01, the
 * date the zip entries then carry too: never the clock, so the same input gives the same file.
 */
function w3cdtf(iso: string): string {
  const date = new Date(iso);
  return (Number.isNaN(date.getTime()) ? new Date(Date.UTC(1980, 0, 1)) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function corePropertiesXml(p: CoreProperties): { path: string; data: string } {
  const when = w3cdtf(p.created);
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title><dc:subject>${escapeXml(p.subject)}</dc:subject><dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords><dc:description>${escapeXml(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>';
  return { path: 'docProps/core.xml', data };
}
