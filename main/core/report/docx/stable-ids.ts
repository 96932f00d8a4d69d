/**
 * The ids docx takes from counters shared by the whole process, renumbered per document.
 *
 * docx numbers two things from module-level counters that are never reset: the drawings'
 * `wp:docPr id` (each chart) and the bookmarks it puts on headings for the table of contents
 * (`w:bookmarkStart w:name="_Toc<id>" w:id="<id>"`, referred to by the TOC's
 * `w:hyperlink w:anchor="_Toc<id>"` and `PAGEREF _Toc<id>`). So the same document packed a second
 * time in the same process, or after another document, gets other numbers. Here they are numbered
 * again from 1 in the order they occur, which depends on the content only.
 */

export interface IdCounters {
  drawing: number;
  bookmark: number;
}

export const newIdCounters = (): IdCounters => ({ drawing: 0, bookmark: 0 });

/** The parts whose XML can hold drawings and bookmarks: the body, headers, footers and notes. */
export const hasRenumberableIds = (path: string): boolean => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(path);

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const setAttr = (tag: string, name: string, value: string): string => tag.replace(new RegExp(`(\\s${name}=")[^"]*(")`), `$1${value}$2`);

/**
 * One part's XML with its drawing and bookmark ids renumbered. `counters` runs on over the parts
 * of one package, so ids stay unique across the document's parts.
 */
export function renumberIds(xml: string, counters: IdCounters): string {
  const drawings = xml.replace(/<wp:docPr\b[^>]*>/g, (tag) => setAttr(tag, 'id', String(++counters.drawing)));

  // Bookmarks: the start decides the new id (in document order); its end and, for docx's own
  // "_Toc<id>" names, every reference to the name follow it.
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  const started = drawings.replace(/<w:bookmarkStart\b[^>]*>/g, (tag) => {
    const id = attr(tag, 'w:id');
    if (id === undefined) return tag;
    const renumbered = String(++counters.bookmark);
    ids.set(id, renumbered);
    let out = setAttr(tag, 'w:id', renumbered);
    const name = attr(tag, 'w:name');
    if (name === `_Toc${id}`) {
      names.set(name, `_Toc${renumbered}`);
      out = setAttr(out, 'w:name', `_Toc${renumbered}`);
    }
    return out;
  });
  if (ids.size === 0) return started;
  const ended = started.replace(/<w:bookmarkEnd\b[^>]*>/g, (tag) => {
    const id = attr(tag, 'w:id');
    const renumbered = id === undefined ? undefined : ids.get(id);
    return renumbered === undefined ? tag : setAttr(tag, 'w:id', renumbered);
  });
  if (names.size === 0) return ended;
  const rename = (name: string) => names.get(name) ?? name;
  return ended
    .replace(/(\sw:anchor=")(_Toc\d+)(")/g, (_, open: string, name: string, close: string) => open + rename(name) + close)
    .replace(/(<w:instrText\b[^>]*>)([^<]*)(<\/w:instrText>)/g, (_, open: string, text: string, close: string) => open + text.replace(/\b_Toc\d+\b/g, rename) + close);
}
