import { Document, Packer, type FileChild, type Header } from 'docx';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { corePropertiesXml } from './core-properties';
import { deterministicDocx } from './deterministic-zip';
import { firstPageHeader, runningHeader, type HeaderText } from './header-footer';
import { PAGE, reportNumbering, reportStyles } from './styles';
import { dnrLine, statusLabel, textOr, unapprovedMark } from './text';

/**
 * One Word document of the report (the memo or Bilaga 1): A4, the draft's font, a first-page
 * header and a running header with real page fields, and the document properties — title,
 * subject = Dnr, author, and a description that carries the status, so a file lifted out of its
 * folder still says whether it was approved. Byte for byte the same for the same input: every date
 * in the file is the input's `createdAt`, never the clock.
 */

export interface ReportDocument {
  input: ReportRenderInput;
  /** "Tjänsteutlåtande" or "Bilaga 1 – granskningsrapport": what the description calls the document. */
  kind: string;
  /** The running header's first line: "Tjänsteutlåtande", or the report's title in Bilaga 1. */
  headerKind?: string;
  /** The first page's header; by default the sender beside the document block. */
  firstPage?: (text: HeaderText) => Header;
  children: FileChild[];
  /** Ask Word to update fields (the table of contents) when it opens the file. */
  updateFields?: boolean;
}

export function headerTextOf(input: ReportRenderInput, kind: string): HeaderText {
  const { header } = input.draft;
  return { kind, dnrLine: dnrLine(header.dnr || input.review.dnr), sender: [header.administration, header.department], mark: unapprovedMark(input.status) };
}

export async function packReport(doc: ReportDocument): Promise<Buffer> {
  const { input } = doc;
  const { header } = input.draft;
  const text = headerTextOf(input, doc.headerKind ?? doc.kind);
  const title = textOr(header.title, textOr(input.review.title, 'Titel saknas'));
  const dnr = textOr(header.dnr, textOr(input.review.dnr, 'Dnr saknas'));
  const properties = {
    title,
    subject: dnr,
    creator: textOr(input.author, 'Okänd'),
    description: `${doc.kind}. Status: ${statusLabel(input.status)}.`,
    keywords: [doc.kind, dnr].join('; '),
    created: input.createdAt,
  };
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    lastModifiedBy: properties.creator,
    description: properties.description,
    keywords: properties.keywords,
    styles: reportStyles(header.font),
    numbering: reportNumbering,
    features: doc.updateFields ? { updateFields: true } : undefined,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
        },
        headers: { first: (doc.firstPage ?? firstPageHeader)(text), default: runningHeader(text) },
        children: doc.children,
      },
    ],
  });
  // Packed again: the same content and createdAt give the same bytes (see deterministic-zip.ts).
  return deterministicDocx(await Packer.toBuffer(document, false, [corePropertiesXml(properties)]), input.createdAt);
}
