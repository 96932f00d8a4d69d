import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv, type CsvParseResult } from '../../shared/import/csv';
import { decodeText, describeEncoding } from '../../shared/import/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Bytes as written by hand: strings are ASCII, numbers are single bytes. */
const bytes = (...parts: (string | number)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));

// Windows-1252 codes of the Swedish letters, as Swedish Excel writes them.
const Å = 0xc5, Ä = 0xc4, Ö = 0xd6, å = 0xe5, ä = 0xe4, ö = 0xf6, é = 0xe9, EURO = 0x80;

function parsed(text: string): Extract<CsvParseResult, { ok: true }> {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('decodeText', () => {
  it('reads Windows-1252 when the bytes are not valid UTF-8', () => {
    const result = decodeText(bytes(Å, 'sa;', Ö, 'stermalm\r\n', 'Kung', 's', 'holmen;', é, EURO, ä, å, ö, Ä));
    expect(result).toEqual({ ok: true, text: 'Åsa;Östermalm\r\nKungsholmen;é€äåöÄ', encoding: 'windows-1252', bom: false });
  });

  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(utf8('Åsa;Östermalm'))).toEqual({ ok: true, text: 'Åsa;Östermalm', encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a byte-order mark and removes the mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('kön;enhet')))).toEqual({ ok: true, text: 'kön;enhet', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 little and big endian with a byte-order mark (Excel "Unicode-text")', () => {
    expect(decodeText(bytes(0xff, 0xfe, 'Å'.charCodeAt(0), 0, 0x09, 0, 'a', 0))).toEqual({ ok: true, text: 'Å\ta', encoding: 'utf-16le', bom: true });
    expect(decodeText(bytes(0xfe, 0xff, 0, 'Ö'.charCodeAt(0)))).toEqual({ ok: true, text: 'Ö', encoding: 'utf-16be', bom: true });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('akt;enhet'))).toMatchObject({ encoding: 'utf-8' });
  });

  it.each([
    ['an .xlsx workbook', bytes('PK', 3, 4, 20, 0), /Excel-arbetsbok \(\.xlsx\)/],
    ['an old .xls workbook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /äldre format \(\.xls\)/],
    ['a binary file', bytes('akt', 0, 'x'), /inte vara en textfil/],
    ['UTF-8 marked but broken', bytes(0xef, 0xbb, 0xbf, 'a', 0xff), /märkt som UTF-8/],
  ])('refuses %s with a Swedish reason', (_what, input, reason) => {
    expect(decodeText(input)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('names the encoding in Swedish for the preview', () => {
    expect(describeEncoding('utf-8', true)).toBe('UTF-8 (med BOM)');
    expect(describeEncoding('windows-1252', false)).toMatch(/^Windows-1252/);
  });
});

describe('parseCsv — separators', () => {
  it.each([
    ['semicolon', 'akt;enhet;kön\nA1;Norr;F\n', ';'],
    ['comma', 'akt,enhet,kön\nA1,Norr,F\n', ','],
    ['tab', 'akt\tenhet\tkön\nA1\tNorr\tF\n', '\t'],
  ])('detects %s from the header line', (_name, text, separator) => {
    const result = parsed(text);
    expect(result.separator).toBe(separator);
    expect(result.header).toEqual(['akt', 'enhet', 'kön']);
    expect(result.rows).toEqual([{ row: 2, line: 2, cells: ['A1', 'Norr', 'F'] }]);
  });

  it('counts only separators outside quotes on the header line', () => {
    const result = parsed('"akt; nummer","enhet; namn",kön\n1,Norr,F');
    expect(result.separator).toBe(',');
    expect(result.header).toEqual(['akt; nummer', 'enhet; namn', 'kön']);
  });

  it('detects the separator on the header even after blank lines, and numbers rows from the top', () => {
    const result = parsed('\n\nakt,enhet\nA1,Norr');
    expect(result).toMatchObject({ separator: ',', headerRow: 3, rows: [{ row: 4, line: 4, cells: ['A1', 'Norr'] }] });
  });

  it('prefers ";" on a tie, as Swedish Excel writes it', () => {
    expect(parsed('a;b,c\n1;2,3').separator).toBe(';');
  });

  it('follows Excel’s "sep=" first line and does not count it as a row', () => {
    const result = parsed('sep=,\r\nakt,enhet\r\nA1,Norr;Syd\r\n');
    expect(result.separator).toBe(',');
    expect(result.rows).toEqual([{ row: 2, line: 3, cells: ['A1', 'Norr;Syd'] }]);
  });

  it('uses a separator given by the caller', () => {
    expect(parseCsv('a;b,c\n1;2,3', { separator: ',' })).toMatchObject({ ok: true, header: ['a;b', 'c'] });
  });

  it('treats a header without separators as one column', () => {
    expect(parsed('akt\nA1\nA2').rows.map((r) => r.cells)).toEqual([['A1'], ['A2']]);
  });
});

describe('parseCsv — quotes and line breaks', () => {
  it('keeps separators, doubled quotes and line breaks inside quotes', () => {
    const result = parsed('akt;anteckning;enhet\r\nA1;"Sa ""hej""; gick";Norr\r\nA2;"rad ett\r\nrad två\nrad tre";Syd\r\nA3;;Norr');
    expect(result.rows).toEqual([
      { row: 2, line: 2, cells: ['A1', 'Sa "hej"; gick', 'Norr'] },
      { row: 3, line: 3, cells: ['A2', 'rad ett\r\nrad två\nrad tre', 'Syd'] },
      { row: 4, line: 6, cells: ['A3', '', 'Norr'] },
    ]);
  });

  it('reads LF, CRLF and lone CR (old Mac Excel) line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parsed(['akt;enhet', 'A1;Norr', 'A2;Syd', ''].join(eol)).rows.map((r) => [r.row, r.line, r.cells])).toEqual([
        [2, 2, ['A1', 'Norr']],
        [3, 3, ['A2', 'Syd']],
      ]);
    }
  });

  it('keeps a quote inside an unquoted cell, and text after a closing quote, as written', () => {
    expect(parsed('a;b\n5" skärm;"x"y').rows[0].cells).toEqual(['5" skärm', 'xy']);
  });

  it('keeps white space inside cells (trimming is the caller’s choice)', () => {
    expect(parsed('a;b\n  A1 ; Norr ').rows[0].cells).toEqual(['  A1 ', ' Norr ']);
  });

  it('ignores a byte-order mark left in the text', () => {
    expect(parsed('\ufeffakt;enhet\nA1;Norr').header).toEqual(['akt', 'enhet']);
  });
});

describe('parseCsv — blank rows and ragged rows', () => {
  it('skips blank rows and Excel’s rows of bare separators but keeps counting them', () => {
    const result = parsed('akt;enhet\n\nA1;Norr\n;;\n  ;\nA2;Syd\n\n\n');
    expect(result.rows.map((r) => [r.row, r.cells[0]])).toEqual([[3, 'A1'], [6, 'A2']]);
    expect(result.problems).toEqual([]);
  });

  it('drops empty header cells at the end and tolerates empty extra cells in rows', () => {
    const result = parsed('akt;enhet;;\nA1;Norr;;\nA2;Syd');
    expect(result.header).toEqual(['akt', 'enhet']);
    expect(result.rows.map((r) => r.cells)).toEqual([['A1', 'Norr'], ['A2', 'Syd']]);
  });

  it('reports every row with the wrong number of cells by its row number, and keeps the others', () => {
    const result = parsed('akt;enhet;kön\nA1;Norr;F\nA2;Syd\nA3;Norr;M;extra;;\nA4,Syd,F\nA5;Syd;M');
    expect(result.rows.map((r) => r.cells[0])).toEqual(['A1', 'A5']);
    expect(result.problems).toEqual([
      { row: 3, line: 3, message: 'Rad 3 har 2 kolumner, men rubrikraden har 3. Kontrollera avgränsare och citattecken på raden.' },
      { row: 4, line: 4, message: 'Rad 4 har 4 kolumner med innehåll, men rubrikraden har bara 3. Kontrollera avgränsare och citattecken på raden.' },
      { row: 5, line: 5, message: 'Rad 5 har 1 kolumn, men rubrikraden har 3. Kontrollera avgränsare och citattecken på raden.' },
    ]);
  });

  it('numbers rows as Excel does even after a cell spanning lines; `line` is the text line', () => {
    const result = parsed('akt;anteckning\nA1;"två\nrader"\nA2;x;för mycket');
    expect(result.problems).toEqual([expect.objectContaining({ row: 3, line: 4 })]);
  });
});

describe('parseCsv — files that cannot be read', () => {
  it.each([
    ['an empty file', ''],
    ['only white space', ' \r\n\t\n'],
    ['only blank rows', ';;\n;;\n'],
  ])('%s: "Filen är tom."', (_what, text) => {
    expect(parseCsv(text)).toEqual({ ok: false, message: 'Filen är tom.' });
  });

  it('a header and no data', () => {
    expect(parseCsv('akt;enhet\r\n;\r\n')).toEqual({ ok: false, message: 'Filen innehåller bara en rubrikrad och inga rader med data.' });
  });

  it('an unterminated quote, with the row and text line where it starts', () => {
    expect(parseCsv('akt;anteckning\nA1;ok\nA2;"börjar\nmen slutar aldrig\nA3;x')).toEqual({
      ok: false,
      row: 3,
      line: 3,
      message: 'Ett citattecken (") som börjar på rad 3 (textrad 3) avslutas aldrig. Kontrollera att varje citattecken har ett avslutande citattecken.',
    });
  });
});

describe('readCsv', () => {
  it('decodes Windows-1252 from Swedish Excel and parses it, reporting the encoding', () => {
    const file = bytes('akt;k', ö, 'n;enhet\r\n', 'A1;flicka;', Ö, 'stermalm\r\n', 'A2;pojke;Sk', ä, 'rholmen\r\n');
    expect(readCsv(file)).toEqual({
      ok: true,
      encoding: 'windows-1252',
      bom: false,
      separator: ';',
      header: ['akt', 'kön', 'enhet'],
      headerRow: 1,
      rows: [
        { row: 2, line: 2, cells: ['A1', 'flicka', 'Östermalm'] },
        { row: 3, line: 3, cells: ['A2', 'pojke', 'Skärholmen'] },
      ],
      problems: [],
    });
  });

  it('decodes UTF-8 with a BOM (Excel "CSV UTF-8")', () => {
    expect(readCsv(bytes(0xef, 0xbb, 0xbf, ...utf8('akt;enhet\nÅ1;Älvsjö')))).toMatchObject({ ok: true, encoding: 'utf-8', bom: true, header: ['akt', 'enhet'], rows: [{ cells: ['Å1', 'Älvsjö'] }] });
  });

  it('passes on the decoding error', () => {
    expect(readCsv(bytes('PK', 3, 4))).toEqual({ ok: false, message: expect.stringMatching(/xlsx/) });
  });

  it('reads 100 000 rows in reasonable time', () => {
    const text = 'akt;enhet;kön;insats\n' + Array.from({ length: 100_000 }, (_, i) => `AKT-${i};Enhet ${i % 11};${i % 2 ? 'F' : 'M'};"Familjebehandling; FFT"`).join('\r\n');
    const started = performance.now();
    const result = readCsv(utf8(text));
    expect(result.ok && result.rows.length).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
