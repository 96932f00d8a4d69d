import { FootnoteReferenceRun, Paragraph, TextRun, type ParagraphChild, type Table } from 'docx';
import type { Block, Inline } from '../../../../shared/contract/report-model';
import { resultChart, resultTable, type ResultSource } from './result-blocks';
import { LIST } from './styles';
import { unitTable } from './unit-table';

/**
 * The draft's blocks as Word paragraphs: runs bold or italic, footnotes as real Word footnotes
 * (numbered by Word, printed at the foot of their page), bullet and numbered lists, and the
 * result table and chart of an area.
 */

/**
 * Hands out list instances: each list is its own instance of the shared definition, so every
 * numbered list starts at 1 and no list carries on another's numbers.
 */
/** docx's built-in footnote paragraph style (10 pt); a footnote's paragraph must name it itself. */
const FOOTNOTE_STYLE = 'FootnoteText';

export class ListCounter {
  private next = 0;
  take(): number {
    return ++this.next;
  }
}

export interface BlockContext extends ResultSource {
  lists: ListCounter;
}

export function inlineRuns(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.map((inline) =>
    inline.type === 'footnote'
      ? new FootnoteReferenceRun({ children: [new Paragraph({ style: FOOTNOTE_STYLE, children: [new TextRun(` ${inline.text}`)] })] })
      : new TextRun({ text: inline.text, bold: inline.bold || undefined, italics: inline.italic || undefined }),
  );
}

/** A list of items; `numbered` lists count 1. 2. 3. from their own start. */
export function listParagraphs(items: readonly (readonly Inline[])[], kind: 'numbered' | 'bullets', lists: ListCounter): Paragraph[] {
  if (items.length === 0) return [];
  const instance = lists.take();
  // Items close together, the list as a whole spaced like a paragraph (reference 003's bullets).
  return items.map(
    (item, i) =>
      new Paragraph({
        numbering: { reference: kind === 'numbered' ? LIST.numbered : LIST.bullets, level: 0, instance },
        spacing: i === items.length - 1 ? undefined : { after: 40 },
        children: inlineRuns(item),
      }),
  );
}

export function blockToDocx(block: Block, ctx: BlockContext): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ children: inlineRuns(block.content) })];
    case 'bullets':
    case 'numbered':
      return listParagraphs(block.items, block.type, ctx.lists);
    case 'resultTable':
      return resultTable(ctx, block.areaId);
    case 'resultChart':
      return resultChart(ctx, block.areaId);
    case 'unitTable':
      return unitTable(ctx);
  }
}

export const blocksToDocx = (blocks: readonly Block[], ctx: BlockContext): (Paragraph | Table)[] => blocks.flatMap((b) => blockToDocx(b, ctx));
