import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import type { ReportHeader } from '../../../../shared/contract/report-model';

/**
 * Page, paragraph styles and list definitions of the memo and Bilaga 1.
 *
 * The title's style has the id "Rubrik1" and the name "Rubrik 1", as Swedish Word calls its
 * Heading 1: a municipality's own template pulls the title into its running header with
 * STYLEREF "Rubrik 1" and shows an error where no paragraph carries that style (reference 001).
 * Every heading style carries an outline level, or LibreOffice, PDF bookmarks and the table of
 * contents see no headings at all (docx's own heading styles have none).
 *
 * Line spacing always names its rule: LibreOffice reads a bare w:line as a fixed height and
 * clips an inline chart to its last line.
 */

export type ReportFont = ReportHeader['font'];

/** A4 in twips, with the margins of a Stockholm memo: 2.5 cm at the sides and top, 2 cm at the foot. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1418, bottom: 1134, left: 1418, right: 1418, header: 567, footer: 567 },
} as const;

/** The width of the text column in twips: what tables and the chart are sized to. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const STYLE = {
  heading1: 'Rubrik1',
  heading2: 'Rubrik2',
  heading3: 'Rubrik3',
  subtitle: 'Underrubrik',
  coverTitle: 'Titel',
  /** A heading left out of the table of contents ("Innehåll" itself). */
  plainHeading: 'Mellanrubrik',
  headerText: 'Sidhuvudtext',
  tableText: 'Tabelltext',
  caption: 'Bildtext',
  status: 'Statusrad',
} as const;

export const LIST = { numbered: 'numrerad-lista', bullets: 'punktlista' } as const;

/** Half-points: 12 pt body text in Times New Roman, 11 pt in Arial (which runs wider). */
const bodySize = (font: ReportFont) => (font === 'Arial' ? 22 : 24);

const heading = (id: string, name: string, outlineLevel: number, size: number, before: number) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { bold: true, size },
  paragraph: { outlineLevel, keepNext: true, keepLines: true, spacing: { before, after: 120 } },
});

export function reportStyles(font: ReportFont): IStylesOptions {
  const size = bodySize(font);
  return {
    default: {
      document: { run: { font, size, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } } },
    },
    paragraphStyles: [
      heading(STYLE.heading1, 'Rubrik 1', 0, 36, 240),
      heading(STYLE.heading2, 'Rubrik 2', 1, 28, 320),
      heading(STYLE.heading3, 'Rubrik 3', 2, size + 2, 240),
      { id: STYLE.subtitle, name: 'Underrubrik', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: size + 4 }, paragraph: { spacing: { after: 360 } } },
      { id: STYLE.coverTitle, name: 'Titel', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 52 }, paragraph: { spacing: { before: 2400, after: 240 } } },
      { id: STYLE.plainHeading, name: 'Mellanrubrik', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 28 }, paragraph: { keepNext: true, spacing: { before: 320, after: 120 } } },
      { id: STYLE.headerText, name: 'Sidhuvudtext', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tableText, name: 'Tabelltext', basedOn: 'Normal', run: { size: size - 4 }, paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.caption, name: 'Bildtext', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: size - 4 }, paragraph: { spacing: { before: 60, after: 240 } } },
      { id: STYLE.status, name: 'Statusrad', basedOn: 'Normal', run: { bold: true, size: 20, color: 'B00020' }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}

/**
 * One numbered and one bullet definition. Every list in the document is its own instance of
 * one of them (ListCounter), so each numbered list starts again at 1.
 */
export const reportNumbering: INumberingOptions = {
  config: [
    {
      reference: LIST.numbered,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 454, hanging: 454 } } } }],
    },
    {
      reference: LIST.bullets,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2013', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 454, hanging: 454 } } } }],
    },
  ],
};
