import type { Block, Inline } from '../../../../shared/contract/report-model';

/**
 * The one translation between the editor's document (TipTap/ProseMirror JSON) and the draft's
 * own text blocks (shared/contract/report-model.ts). The draft stays the stable shape the Word
 * renderer reads; the editor is replaceable behind these two functions.
 *
 * Rules, the same both ways:
 * - paragraphs, bullet lists and numbered lists; one paragraph per list item (the editor's list
 *   items hold exactly one paragraph; anything deeper that reaches here is flattened in order);
 * - bold and italic are the only marks: any other mark is dropped and its text kept;
 * - a footnote is an inline atom holding its text; one whose text is blank is dropped (the model
 *   requires text);
 * - empty paragraphs between text are kept as paragraphs without content; empty paragraphs at the
 *   start and the end are dropped (the editor always holds at least one, where the caret rests),
 *   so an empty editor is a section without text blocks;
 * - neighbouring runs with the same marks are joined, and no run is empty (the model requires
 *   text of at least one character).
 * Result tables and charts are not text: they are not in the editor, and `toEditorDoc` skips them.
 */

/** The part of TipTap's JSONContent this module reads and writes. */
export interface EditorNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export type TextBlock = Extract<Block, { type: 'paragraph' | 'bullets' | 'numbered' }>;

export const FOOTNOTE_NODE = 'footnote';

const LIST_TYPES: Readonly<Record<string, 'bullets' | 'numbered'>> = { bulletList: 'bullets', orderedList: 'numbered' };
const EDITOR_LIST: Readonly<Record<'bullets' | 'numbered', string>> = { bullets: 'bulletList', numbered: 'orderedList' };

export const isTextBlock = (block: Block): block is TextBlock => block.type === 'paragraph' || block.type === 'bullets' || block.type === 'numbered';

// ---- draft → editor ----

function inlineToEditor(inline: Inline): EditorNode | null {
  if (inline.type === 'footnote') return inline.text.trim() === '' ? null : { type: FOOTNOTE_NODE, attrs: { text: inline.text } };
  if (inline.text === '') return null;
  const marks = [...(inline.bold ? [{ type: 'bold' }] : []), ...(inline.italic ? [{ type: 'italic' }] : [])];
  return { type: 'text', text: inline.text, ...(marks.length > 0 ? { marks } : {}) };
}

function paragraphToEditor(content: readonly Inline[]): EditorNode {
  const inlines = content.map(inlineToEditor).filter((n): n is EditorNode => n !== null);
  return { type: 'paragraph', ...(inlines.length > 0 ? { content: inlines } : {}) };
}

/** The editor document of a section's text blocks (result tables and charts are left out). */
export function toEditorDoc(blocks: readonly Block[]): EditorNode {
  const content: EditorNode[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') content.push(paragraphToEditor(block.content));
    else if (block.type === 'bullets' || block.type === 'numbered') {
      if (block.items.length === 0) continue;
      content.push({ type: EDITOR_LIST[block.type], content: block.items.map((item) => ({ type: 'listItem', content: [paragraphToEditor(item)] })) });
    }
  }
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

// ---- editor → draft ----

/** The runs and footnotes of one paragraph-like node, marks reduced to bold and italic, neighbours joined. */
function inlinesOf(node: EditorNode): Inline[] {
  const out: Inline[] = [];
  const push = (inline: Inline) => {
    const last = out[out.length - 1];
    if (inline.type === 'text' && last?.type === 'text' && Boolean(last.bold) === Boolean(inline.bold) && Boolean(last.italic) === Boolean(inline.italic)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  };
  const walk = (n: EditorNode) => {
    if (n.type === 'text') {
      if (!n.text) return;
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      push({ type: 'text', text: n.text, ...(marks.has('bold') ? { bold: true } : {}), ...(marks.has('italic') ? { italic: true } : {}) });
    } else if (n.type === FOOTNOTE_NODE) {
      const text = typeof n.attrs?.text === 'string' ? n.attrs.text.trim() : '';
      if (text !== '') out.push({ type: 'footnote', text });
    } else if (n.type === 'hardBreak') {
      push({ type: 'text', text: ' ' });
    } else n.content?.forEach(walk);
  };
  node.content?.forEach(walk);
  return out;
}

/** A list item's paragraphs (and anything nested in it) as the items of one flat list. */
function listItems(list: EditorNode): Inline[][] {
  const items: Inline[][] = [];
  for (const item of list.content ?? []) {
    const parts = item.content ?? [];
    if (parts.length === 0) items.push([]);
    for (const part of parts) {
      if (part.type && part.type in LIST_TYPES) items.push(...listItems(part));
      else items.push(inlinesOf(part));
    }
  }
  return items;
}

/** A section's text blocks from the editor document. */
export function fromEditorDoc(doc: EditorNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const node of doc.content ?? []) {
    const list = node.type ? LIST_TYPES[node.type] : undefined;
    if (list) {
      const items = listItems(node);
      if (items.length > 0) blocks.push({ type: list, items });
    } else blocks.push({ type: 'paragraph', content: inlinesOf(node) });
  }
  const empty = (b: TextBlock | undefined) => b?.type === 'paragraph' && b.content.length === 0;
  while (empty(blocks[0])) blocks.shift();
  while (empty(blocks[blocks.length - 1])) blocks.pop();
  return blocks;
}

// ---- the section around the text ----

export interface AreaFigures {
  table: boolean;
  chart: boolean;
}

/** Which published figures an area section includes. */
export function figuresOf(blocks: readonly Block[]): AreaFigures {
  return { table: blocks.some((b) => b.type === 'resultTable'), chart: blocks.some((b) => b.type === 'resultChart') };
}

/**
 * A section's blocks from its text and its figures: the published table and chart follow the
 * text (table first), as in the memo's area sections.
 */
export function sectionBlocks(text: readonly TextBlock[], figures: AreaFigures, areaId: string | undefined): Block[] {
  if (!areaId) return [...text];
  return [...text, ...(figures.table ? [{ type: 'resultTable' as const, areaId }] : []), ...(figures.chart ? [{ type: 'resultChart' as const, areaId }] : [])];
}

/** The footnotes of a section's text, in order: the editor's side list. */
export function footnotesOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const from = (inlines: readonly Inline[]) => inlines.forEach((i) => i.type === 'footnote' && out.push(i.text));
  for (const block of blocks) {
    if (block.type === 'paragraph') from(block.content);
    else if (block.type === 'bullets' || block.type === 'numbered') block.items.forEach(from);
  }
  return out;
}

/**
 * A section's blocks with its text replaced by `text` and every block that is not text (a table or
 * chart drawn at export, the unit comparison) kept, each after as many text blocks as stood before
 * it (at the end where the text is now shorter). The editor holds only text, so what it cannot
 * show is never lost by typing.
 */
export function withText(blocks: readonly Block[], text: readonly TextBlock[]): Block[] {
  const fixed: { before: number; block: Block }[] = [];
  let seen = 0;
  for (const block of blocks) {
    if (isTextBlock(block)) seen++;
    else fixed.push({ before: seen, block });
  }
  if (fixed.length === 0) return [...text];
  const out: Block[] = [];
  let next = 0;
  text.forEach((block, i) => {
    while (next < fixed.length && fixed[next].before <= i) out.push(fixed[next++].block);
    out.push(block);
  });
  while (next < fixed.length) out.push(fixed[next++].block);
  return out;
}

/** Whether the blocks include the comparison of the units. */
export const hasUnitTable = (blocks: readonly Block[]): boolean => blocks.some((b) => b.type === 'unitTable');

/** The blocks with the comparison of the units after the text, or without it. */
export function withUnitTable(blocks: readonly Block[], on: boolean): Block[] {
  const rest = blocks.filter((b) => b.type !== 'unitTable');
  return on ? [...rest, { type: 'unitTable' }] : rest;
}
