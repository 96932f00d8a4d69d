import { describe, expect, it } from 'vitest';
import { entryDate } from '../../main/core/report/docx/deterministic-zip';
import { hasRenumberableIds, newIdCounters, renumberIds } from '../../main/core/report/docx/stable-ids';

/** The renumbering of docx's process-wide ids, and the date the zip entries carry. */

const toc = (id: number) =>
  `<w:hyperlink w:history="1" w:anchor="_Toc${id}"><w:r><w:instrText xml:space="preserve">PAGEREF _Toc${id} \\h</w:instrText></w:r></w:hyperlink>`;
const heading = (id: number, text: string) => `<w:p><w:bookmarkStart w:name="_Toc${id}" w:id="${id}"/><w:r><w:t>${text}</w:t></w:r><w:bookmarkEnd w:id="${id}"/></w:p>`;

describe('renumberIds', () => {
  it('numbers the table of contents bookmarks from 1 and keeps every reference to them', () => {
    const xml = toc(21) + toc(22) + heading(21, 'Sammanfattning _Toc21') + heading(22, 'Metod');
    expect(renumberIds(xml, newIdCounters())).toBe(toc(1) + toc(2) + heading(1, 'Sammanfattning _Toc21') + heading(2, 'Metod'));
  });

  it('does not chain renames when old and new numbers overlap', () => {
    const xml = toc(2) + toc(1) + heading(2, 'A') + heading(1, 'B');
    expect(renumberIds(xml, newIdCounters())).toBe(toc(1) + toc(2) + heading(1, 'A') + heading(2, 'B'));
  });

  it('numbers drawings from 1 across the parts of one package, and leaves other ids alone', () => {
    const counters = newIdCounters();
    const drawing = (id: number) => `<wp:docPr id="${id}" name="Diagram" descr="id=&quot;9&quot;"/><pic:cNvPr id="0" name=""/>`;
    const note = '<w:footnoteReference w:id="1"/>';
    expect(renumberIds(drawing(75) + note + drawing(76), counters)).toBe(drawing(1) + note + drawing(2));
    expect(renumberIds(drawing(80), counters)).toBe(drawing(3));
  });

  it('keeps a bookmark name of its own, renumbering only its id', () => {
    const xml = '<w:bookmarkStart w:id="7" w:name="egen"/><w:bookmarkEnd w:id="7"/>';
    expect(renumberIds(xml, newIdCounters())).toBe('<w:bookmarkStart w:id="1" w:name="egen"/><w:bookmarkEnd w:id="1"/>');
  });

  it('applies to the body, headers, footers and notes only', () => {
    expect(['word/document.xml', 'word/header2.xml', 'word/footer1.xml', 'word/footnotes.xml'].every(hasRenumberableIds)).toBe(true);
    expect(['word/styles.xml', 'word/numbering.xml', 'word/media/image1.svg', '[Content_Types].xml'].some(hasRenumberableIds)).toBe(false);
  });
});

describe('entryDate', () => {
  it('is createdAt to the second', () => {
    expect(entryDate('2025-01-21T09:00:01.999Z').toISOString()).toBe('2025-01-21T09:00:01.000Z');
    expect(entryDate('2025-01-21T10:00:00+01:00').toISOString()).toBe('2025-01-21T09:00:00.000Z');
  });

  it('stays within what a zip entry can hold, and is never the clock', () => {
    expect(entryDate('1970-01-01T00:00:00Z').toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(entryDate('2200-01-01T00:00:00Z').toISOString()).toBe('2107-12-31T23:59:58.000Z');
    expect(entryDate('').toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(entryDate('inte ett datum').toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
