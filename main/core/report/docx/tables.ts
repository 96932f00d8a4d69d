import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { STYLE, TEXT_WIDTH } from './styles';

/**
 * The one table form of both documents: fixed column widths (Word and LibreOffice lay it out the
 * same), a shaded header row that repeats on every page the table runs over, thin rules.
 */

export interface TableSpec {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Relative column widths; scaled to the text width. */
  widths: readonly number[];
  /** Columns whose cells are right-aligned (figures). */
  numeric?: readonly number[];
  /** Printed as the one row when `rows` is empty ("Inga svar ännu"). */
  empty?: string;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

function cell(text: string, width: number, options: { header?: boolean; right?: boolean; span?: number } = {}): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { left: 80, right: 80 },
    children: lines.map(
      (line) =>
        new Paragraph({
          style: STYLE.tableText,
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          keepNext: options.header,
          children: [new TextRun({ text: line, bold: options.header })],
        }),
    ),
  });
}

export function docxTable(spec: TableSpec): Table {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const widths = spec.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const right = new Set(spec.numeric ?? []);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: spec.headers.map((h, i) => cell(h, widths[i], { header: true, right: right.has(i) })) });
  const body =
    spec.rows.length === 0 && spec.empty
      ? [new TableRow({ children: [cell(spec.empty, TEXT_WIDTH, { span: widths.length })] })]
      : spec.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i], { right: right.has(i) })) }));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [header, ...body],
  });
}
