import JSZip from 'jszip';

/**
 * The paragraphs of a Word file's body as a reader sees them, in order (table cells are paragraphs
 * too): read the way Word reads the file, from the part the package's relationships name.
 */
export async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const rels = await zip.file('_rels/.rels')!.async('string');
  const main = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const part = main?.[1] ?? main?.[2];
  if (!part) throw new Error('the package names no main document');
  const xml = await zip.file(part)!.async('string');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p(?=[\s>])[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''));
}
