import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { ReportHeader } from '../../../../shared/contract/report-model';
import { STYLE, TEXT_WIDTH } from './styles';
import { isoDateOr, textOr } from './text';

/**
 * The memo's opening block (reference 003, elements 1–3 and 5): "Handläggare" with each case
 * officer and "Telefon: …" on its own line on the left, "Till" with the recipient and the board
 * meeting's date (ISO) on the right; then the title in "Rubrik 1" and the subtitle.
 */

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

const label = (text: string) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold: true })] });
const plain = (text: string, after = 0) => new Paragraph({ spacing: { after }, children: [new TextRun(text)] });

function officerLines(header: ReportHeader): Paragraph[] {
  const officers = header.officers.filter((o) => o.name.trim() !== '');
  if (officers.length === 0) return [plain('Ej angiven')];
  return officers.flatMap((o) => {
    const phone = textOr(o.phone, '');
    return phone ? [plain(o.name.trim()), plain(`Telefon: ${phone}`, 80)] : [plain(o.name.trim(), 80)];
  });
}

export function memoHead(header: ReportHeader, fallbackTitle: string): (Paragraph | Table)[] {
  const left = Math.round(TEXT_WIDTH * 0.55);
  const right = TEXT_WIDTH - left;
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: [label('Handläggare'), ...officerLines(header)] }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [label('Till'), plain(textOr(header.to, 'Mottagare saknas'), 120), plain(isoDateOr(header.date))],
          }),
        ],
      }),
    ],
  });
  const subtitle = textOr(header.subtitle, '');
  return [
    table,
    new Paragraph({ spacing: { after: 480 }, children: [] }),
    new Paragraph({ style: STYLE.heading1, children: [new TextRun(textOr(header.title, fallbackTitle))] }),
    ...(subtitle ? [new Paragraph({ style: STYLE.subtitle, children: [new TextRun(subtitle)] })] : []),
  ];
}
