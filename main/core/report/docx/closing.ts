import { Paragraph, TabStopType, TextRun, type Table } from 'docx';
import type { Signature } from '../../../../shared/contract/report-model';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { heading } from './sections';
import { docxTable } from './tables';
import { isoDateOr, textOr } from './text';

/**
 * The memo's closing parts (reference 003, elements 13–15): the signature blocks, "Bilaga" with
 * the numbered appendices, and "Attesterat av" with the recorded approvals — never invented: an
 * unapproved document says it is not approved and has no rows.
 */

/** Name / title / administration per signature; the director first, as the draft orders them. */
export function signatureBlocks(signatures: readonly Signature[]): Paragraph[] {
  return signatures
    .filter((s) => s.name.trim() !== '')
    .flatMap((s) => {
      const lines = [s.name, s.title, s.administration].map((l) => l.trim()).filter(Boolean);
      return lines.map(
        (text, i) =>
          new Paragraph({
            keepNext: i < lines.length - 1,
            keepLines: true,
            spacing: { before: i === 0 ? 480 : 0, after: i === lines.length - 1 ? 120 : 0 },
            children: [new TextRun(text)],
          }),
      );
    });
}

export function appendixList(input: ReportRenderInput): Paragraph[] {
  const items = input.appendices.filter((a) => textOr(a.title, '') !== '');
  if (items.length === 0) return [heading('Bilaga'), new Paragraph('Inga bilagor.')];
  return [
    heading(items.length > 1 ? 'Bilagor' : 'Bilaga'),
    ...items.map(
      (a) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 454 }],
          indent: { left: 454, hanging: 454 },
          spacing: { after: 60 },
          children: [new TextRun(`${Number.isFinite(a.number) ? a.number : ''}.\t${a.title.trim()}`)],
        }),
    ),
  ];
}

export const NOT_APPROVED: Record<ReportRenderInput['status'], string> = {
  utkast: 'Utkast – ännu inte godkänt.',
  for_godkannande: 'Skickat för godkännande – ännu inte godkänt.',
  godkand: 'Inga godkännanden är registrerade.',
};

export function attestation(input: ReportRenderInput): (Paragraph | Table)[] {
  const approvals = input.approvals.filter((a) => textOr(a.name, '') !== '');
  if (approvals.length === 0) return [heading('Attesterat av'), new Paragraph({ children: [new TextRun({ text: NOT_APPROVED[input.status], bold: true })] })];
  return [
    heading('Attesterat av'),
    new Paragraph({ keepNext: true, text: 'Detta dokument har godkänts digitalt av följande personer:' }),
    docxTable({
      headers: ['Namn', 'Datum'],
      widths: [70, 30],
      rows: approvals.map((a) => [[a.name.trim(), textOr(a.title, '')].filter(Boolean).join(', '), isoDateOr(a.date)]),
    }),
  ];
}
