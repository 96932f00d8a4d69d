import { AlignmentType, BorderStyle, Header, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, TableLayoutType } from 'docx';
import { STYLE, TEXT_WIDTH } from './styles';

/**
 * The running header of every page: the document's kind, its Dnr and "Sida X (Y)" as real PAGE
 * and NUMPAGES fields, right-aligned (reference 001: "Tjänsteutlåtande / Dnr 3.1.1-232/2018 /
 * Sida 5 (7)"). The first page gets its own header (titlePage) with the administration on the
 * left beside the same block. An unapproved document says so at the top of every page.
 */

export interface HeaderText {
  /** "Tjänsteutlåtande", or the report's title in Bilaga 1. */
  kind: string;
  /** "Dnr SOF 2024/543" or "Dnr saknas". */
  dnrLine: string;
  /** Left on the first page: the administration and department. */
  sender: readonly string[];
  /** "UTKAST – ej godkänt", or null once approved. */
  mark: string | null;
}

const line = (text: string, bold = false) => new Paragraph({ style: STYLE.headerText, alignment: AlignmentType.RIGHT, children: [new TextRun({ text, bold })] });

const pageLine = () =>
  new Paragraph({
    style: STYLE.headerText,
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] })],
  });

const markLine = (mark: string | null, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  mark === null ? [] : [new Paragraph({ style: STYLE.status, alignment, children: [new TextRun(mark)] })];

function rightBlock(text: HeaderText): Paragraph[] {
  return [line(text.kind, true), line(text.dnrLine), pageLine()];
}

/** Every page after the first. */
export function runningHeader(text: HeaderText): Header {
  return new Header({ children: [...markLine(text.mark, AlignmentType.RIGHT), ...rightBlock(text), new Paragraph({ style: STYLE.headerText, children: [] })] });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** The first page: the sender on the left, the document block on the right. */
export function firstPageHeader(text: HeaderText): Header {
  const half = Math.floor(TEXT_WIDTH / 2);
  const sender = text.sender.filter((s) => s.trim() !== '');
  const left = sender.length ? sender.map((s, i) => new Paragraph({ style: STYLE.headerText, children: [new TextRun({ text: s, bold: i === 0 })] })) : [new Paragraph({ style: STYLE.headerText, children: [] })];
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: TEXT_WIDTH - half, type: WidthType.DXA }, borders: NO_BORDERS, children: [...markLine(text.mark, AlignmentType.RIGHT), ...rightBlock(text)] }),
        ],
      }),
    ],
  });
  return new Header({ children: [table, new Paragraph({ style: STYLE.headerText, children: [] })] });
}

/** A cover page: no document block, only the mark of an unapproved document. */
export function coverHeader(mark: string | null): Header {
  return new Header({ children: [...markLine(mark, AlignmentType.RIGHT), new Paragraph({ style: STYLE.headerText, children: [] })] });
}
