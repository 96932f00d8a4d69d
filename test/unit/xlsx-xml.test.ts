import { describe, expect, it } from 'vitest';
import { decodeEntities, MAX_XML_DEPTH, XmlElementLimitError, XmlError, XmlTokenizer, type XmlAttributes } from '../../main/core/xlsx/xml';

/** Tokenizes `xml` fed in the given pieces and returns the events as readable strings. */
function events(pieces: string[], options: { attributes?: string[]; maxElements?: number } = {}): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`text:${text}`);
    text = '';
  };
  const tokenizer = new XmlTokenizer(
    {
      wantsText: true,
      open(name: string, attributes: XmlAttributes, selfClosing: boolean) {
        flush();
        const attrs = (options.attributes ?? []).map((a) => attributes.get(a)).filter((v) => v !== undefined);
        out.push(`open:${name}${attrs.length ? `[${attrs.join(',')}]` : ''}${selfClosing ? '/' : ''}`);
      },
      close(name: string) {
        flush();
        out.push(`close:${name}`);
      },
      text(t: string) {
        text += t;
      },
    },
    options.maxElements,
  );
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  flush();
  return out;
}

const SAMPLE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<x:sst xmlns:x="urn:x" count="2"><!-- a comment with <tags> --><x:si><x:t xml:space="preserve"> A &amp; B &lt;3 &#229;&#xE4;</x:t></x:si>' +
  '<x:si a=\'1 > 0\' b="&quot;q&quot;"><x:r><x:t>rich</x:t></x:r><x:t><![CDATA[<raw> & ]]></x:t></x:si></x:sst>';

describe('XmlTokenizer', () => {
  it('reports tags without prefixes, decoded text, CDATA, and attribute values holding ">" and entities', () => {
    expect(events([SAMPLE], { attributes: ['a', 'b'] })).toEqual([
      'open:sst',
      'open:si',
      'open:t',
      'text: A & B <3 åä',
      'close:t',
      'close:si',
      'open:si[1 > 0,"q"]',
      'open:r',
      'open:t',
      'text:rich',
      'close:t',
      'close:r',
      'open:t',
      'text:<raw> & ',
      'close:t',
      'close:si',
      'close:sst',
    ]);
  });

  it('gives the same events however the input is cut into chunks (every split point, and one character at a time)', () => {
    const whole = events([SAMPLE], { attributes: ['a', 'b'] });
    for (let cut = 1; cut < SAMPLE.length; cut++) {
      expect(events([SAMPLE.slice(0, cut), SAMPLE.slice(cut)], { attributes: ['a', 'b'] }), `cut at ${cut}`).toEqual(whole);
    }
    expect(events([...SAMPLE], { attributes: ['a', 'b'] })).toEqual(whole);
  });

  it('does not take namespace declarations for attributes', () => {
    expect(events(['<c xmlns:r="urn:r" r="A1"/>'], { attributes: ['r'] })).toEqual(['open:c[A1]/', 'close:c']);
  });

  it.each([
    ['a DOCTYPE (entity declarations are how XML bombs work)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
    ['an end tag that does not match', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['text outside the root', 'junk<a/>'],
    ['two roots', '<a/><b/>'],
    ['an attribute without quotes', '<a b=1/>'],
    ['an attribute without a value', '<a b/>'],
    ['a tag cut off', '<a><b c="1"'],
    ['nothing at all', ''],
  ])('refuses %s', (_what, xml) => {
    expect(() => events([xml])).toThrow(XmlError);
  });

  it(`refuses nesting deeper than ${MAX_XML_DEPTH} levels, before reading further`, () => {
    expect(() => events(['<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH)])).not.toThrow();
    expect(() => events(['<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1)])).toThrow(/nest too deeply/);
  });

  it('stops at the element limit it is given', () => {
    expect(() => events(['<a>' + '<b/>'.repeat(9) + '</a>'], { maxElements: 10 })).not.toThrow();
    expect(() => events(['<a>' + '<b/>'.repeat(10) + '</a>'], { maxElements: 10 })).toThrow(XmlElementLimitError);
  });

  it('never buffers more than one tag: a comment or text of any length passes through in pieces', () => {
    const tokenizer = new XmlTokenizer({ wantsText: false, open() {}, close() {}, text() {} });
    tokenizer.write('<a><!--');
    for (let i = 0; i < 200; i++) tokenizer.write('x'.repeat(100_000));
    tokenizer.write('--></a>');
    tokenizer.end();
  });

  it('refuses a single tag longer than the limit', () => {
    const tokenizer = new XmlTokenizer({ wantsText: false, open() {}, close() {}, text() {} });
    tokenizer.write('<a><b c="');
    expect(() => {
      for (let i = 0; i < 20; i++) tokenizer.write('x'.repeat(100_000));
    }).toThrow(/longer than the limit/);
  });
});

describe('decodeEntities', () => {
  it('decodes the predefined entities and character references, and keeps unknown ones as written', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &nbsp; &#0; &#xD800; &#x110000;')).toBe('<>&"\' AB &nbsp; \uFFFD \uFFFD \uFFFD');
  });
});
