import { describe, expect, it } from 'vitest';
import { BlockSchema, type Block } from '../../shared/contract/report-model';
import { figuresOf, footnotesOf, fromEditorDoc, sectionBlocks, toEditorDoc, type EditorNode, type TextBlock } from '../../renderer/src/screens/report/rich-text';

const run = (text: string, marks: { bold?: boolean; italic?: boolean } = {}) => ({ type: 'text' as const, text, ...marks });

/** A section's text as the first draft has it, with every kind of text block and inline. */
const blocks: TextBlock[] = [
  { type: 'paragraph', content: [run('Granskningen följer upp '), run('tidigare', { bold: true }), run(' granskningar', { italic: true }), { type: 'footnote', text: 'Socialförvaltningen (2024) Rapport.' }, run('.')] },
  { type: 'paragraph', content: [] },
  { type: 'bullets', items: [[run('Trygghet och säkerhet')], [run('Helhetssyn', { bold: true, italic: true })], []] },
  { type: 'numbered', items: [[run('Ett')], [run('Två')]] },
];

describe('rich text: the draft model and the editor document', () => {
  it('writes the editor document: paragraphs, lists of one paragraph per item, bold and italic marks, footnote atoms', () => {
    const doc = toEditorDoc(blocks);
    expect(doc.type).toBe('doc');
    expect(doc.content!.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'bulletList', 'orderedList']);
    expect(doc.content![0].content).toEqual([
      { type: 'text', text: 'Granskningen följer upp ' },
      { type: 'text', text: 'tidigare', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' granskningar', marks: [{ type: 'italic' }] },
      { type: 'footnote', attrs: { text: 'Socialförvaltningen (2024) Rapport.' } },
      { type: 'text', text: '.' },
    ]);
    expect(doc.content![1]).toEqual({ type: 'paragraph' });
    expect(doc.content![2].content![1]).toEqual({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Helhetssyn', marks: [{ type: 'bold' }, { type: 'italic' }] }] }] });
    expect(doc.content![2].content![2]).toEqual({ type: 'listItem', content: [{ type: 'paragraph' }] });
  });

  it('round trips both ways without change, and every block it writes is valid in the draft schema', () => {
    const back = fromEditorDoc(toEditorDoc(blocks));
    expect(back).toEqual(blocks);
    expect(toEditorDoc(back)).toEqual(toEditorDoc(blocks));
    for (const block of back) expect(BlockSchema.safeParse(block).success).toBe(true);
  });

  it('an empty section is one empty paragraph in the editor and no blocks in the draft', () => {
    expect(toEditorDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(fromEditorDoc({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual([]);
    expect(fromEditorDoc({ type: 'doc' })).toEqual([]);
  });

  it('drops empty paragraphs at the start and the end and keeps those between text as paragraphs without content', () => {
    const doc: EditorNode = {
      type: 'doc',
      content: [{ type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'A' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'B' }] }, { type: 'paragraph' }],
    };
    expect(fromEditorDoc(doc)).toEqual([
      { type: 'paragraph', content: [run('A')] },
      { type: 'paragraph', content: [] },
      { type: 'paragraph', content: [run('B')] },
    ]);
  });

  it('drops marks the model does not have (keeping their text), joins runs that end up alike, and writes no empty run', () => {
    const doc: EditorNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Se ', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
            { type: 'text', text: 'rapporten', marks: [{ type: 'underline' }] },
            { type: 'text', text: '' },
            { type: 'text', text: ' nu', marks: [{ type: 'strike' }, { type: 'bold' }] },
            { type: 'text', text: '!', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    };
    expect(fromEditorDoc(doc)).toEqual([{ type: 'paragraph', content: [run('Se rapporten'), run(' nu!', { bold: true })] }]);
  });

  it('drops a footnote without text, trims one with text, and reads a line break as a space', () => {
    const doc: EditorNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Rad ett' },
            { type: 'hardBreak' },
            { type: 'text', text: 'rad två' },
            { type: 'footnote', attrs: { text: '   ' } },
            { type: 'footnote', attrs: { text: '  Källa 2023. ' } },
            { type: 'footnote' },
          ],
        },
      ],
    };
    expect(fromEditorDoc(doc)).toEqual([{ type: 'paragraph', content: [run('Rad ett rad två'), { type: 'footnote', text: 'Källa 2023.' }] }]);
  });

  it('flattens list items that hold several paragraphs or a nested list into items of one list, in order', () => {
    const p = (text: string): EditorNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const doc: EditorNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p('Ett'), p('Ett b')] },
            { type: 'listItem', content: [p('Två'), { type: 'orderedList', content: [{ type: 'listItem', content: [p('Två a')] }] }] },
            { type: 'listItem' },
          ],
        },
        { type: 'bulletList', content: [] },
      ],
    };
    expect(fromEditorDoc(doc)).toEqual([{ type: 'bullets', items: [[run('Ett')], [run('Ett b')], [run('Två')], [run('Två a')], []] }]);
  });

  it('skips result tables and charts in the editor; the section puts them back after its text, table first', () => {
    const section: Block[] = [{ type: 'resultChart', areaId: 'trygghet' }, { type: 'paragraph', content: [run('Text')] }, { type: 'resultTable', areaId: 'trygghet' }];
    expect(toEditorDoc(section).content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Text' }] }]);
    expect(figuresOf(section)).toEqual({ table: true, chart: true });
    const text = fromEditorDoc(toEditorDoc(section));
    expect(sectionBlocks(text, figuresOf(section), 'trygghet')).toEqual([
      { type: 'paragraph', content: [run('Text')] },
      { type: 'resultTable', areaId: 'trygghet' },
      { type: 'resultChart', areaId: 'trygghet' },
    ]);
    expect(sectionBlocks(text, { table: false, chart: true }, 'trygghet').map((b) => b.type)).toEqual(['paragraph', 'resultChart']);
    // Only an area section has figures.
    expect(sectionBlocks(text, { table: true, chart: true }, undefined)).toEqual(text);
  });

  it('lists the footnotes of a section in order, from paragraphs and list items', () => {
    expect(footnotesOf([...blocks, { type: 'bullets', items: [[run('x'), { type: 'footnote', text: 'Andra' }]] }])).toEqual(['Socialförvaltningen (2024) Rapport.', 'Andra']);
  });
});
