import { describe, expect, it } from 'vitest';
import { identityCheckDigit } from '../../shared/identity/check-digit';
import { findIdentityNumbers, piiGuardMessage } from '../../shared/identity/pii-guard';

// Only Skatteverket's published test numbers; near misses are derived at run time (see identity-personnummer.test.ts).
const BOY = '20170101-2393';
const GIRL = '20190408-2383';
const WOMAN_OVER_100 = '18900101-9802';
const COORDINATION_MAN = '19140168-2396';
const COORDINATION_TEN = '701063-2391';
const tenDigit = (twelve: string) => twelve.slice(2);

/** The hits as the matched text and kind, which reads better in assertions than offsets. */
/** Full-width digits (U+FF10–FF19) and hyphen, as an Asian input method or a PDF gives them. */
const toFullWidth = (s: string) => s.replace(/[0-9-]/g, (c) => (c === '-' ? '\uff0d' : String.fromCharCode(0xff10 + Number(c))));
const found = (text: string) => findIdentityNumbers(text).map((h) => [text.slice(h.start, h.end), h.kind]);

describe('findIdentityNumbers — finds', () => {
  it('a number inside a sentence, with its exact position', () => {
    const text = `Pojken (${BOY}) bor hos mamma.`;
    expect(findIdentityNumbers(text)).toEqual([{ start: 8, end: 21, kind: 'personnummer', checkDigitValid: true }]);
  });

  it.each([
    ['twelve digits with "-"', GIRL, 'personnummer'],
    ['twelve digits unbroken', GIRL.replace('-', ''), 'personnummer'],
    ['ten digits with "-"', tenDigit(GIRL), 'personnummer'],
    ['ten digits unbroken', tenDigit(GIRL).replace('-', ''), 'personnummer'],
    ['ten digits with "+"', tenDigit(WOMAN_OVER_100).replace('-', '+'), 'personnummer'],
    ['a space as separator', tenDigit(GIRL).replace('-', ' '), 'personnummer'],
    ['a non-breaking space as separator', GIRL.replace('-', '\u00a0'), 'personnummer'],
    ['an en dash as separator', GIRL.replace('-', '\u2013'), 'personnummer'],
    ['a dash with spaces around it', GIRL.replace('-', ' - '), 'personnummer'],
    ['a plus with a space before it', tenDigit(WOMAN_OVER_100).replace('-', ' +'), 'personnummer'],
    ['a coordination number, twelve digits', COORDINATION_MAN, 'samordningsnummer'],
    ['a coordination number, ten digits', COORDINATION_TEN, 'samordningsnummer'],
    ['a coordination number, ten digits unbroken', COORDINATION_TEN.replace('-', ''), 'samordningsnummer'],
    ['a slash', GIRL.replace('-', '/'), 'personnummer'],
    ['a dot', tenDigit(GIRL).replace('-', '.'), 'personnummer'],
    ['an underscore', GIRL.replace('-', '_'), 'personnummer'],
    ['a tab', GIRL.replace('-', '\t'), 'personnummer'],
    ['several spaces', tenDigit(GIRL).replace('-', '    '), 'personnummer'],
    ['a slash with spaces around it', GIRL.replace('-', ' / '), 'personnummer'],
    ['YYYY-MM-DD-NNNN', '2019-04-08-2383', 'personnummer'],
    ['YYYY-MM-DD NNNN', '2019-04-08 2383', 'personnummer'],
    ['YYYY.MM.DD.NNNN', '2019.04.08.2383', 'personnummer'],
    ['YYYY/MM/DD-NNNN', '2019/04/08-2383', 'personnummer'],
    ['YY-MM-DD-NNNN', '19-04-08-2383', 'personnummer'],
    ['YY MM DD NNNN', '19 04 08 2383', 'personnummer'],
    ['YY.MM.DD+NNNN', '90.01.01+9802', 'personnummer'],
    ['full-width digits', toFullWidth(GIRL), 'personnummer'],
    ['full-width digits, unbroken', toFullWidth(GIRL.replace('-', '')), 'personnummer'],
    ['full-width digits and an ideographic space', toFullWidth(tenDigit(GIRL)).replace('\uff0d', '\u3000'), 'personnummer'],
  ])('%s', (_form, number, kind) => {
    expect(found(`Enligt journalen har barnet nummer ${number}, se akten.`)).toEqual([[number, kind]]);
  });

  it('at the very start and end of the text, after a colon, and glued to letters', () => {
    expect(found(BOY)).toEqual([[BOY, 'personnummer']]);
    expect(found(`pnr:${COORDINATION_TEN}`)).toEqual([[COORDINATION_TEN, 'samordningsnummer']]);
    expect(found(`P${BOY.replace('-', '')}x`)).toEqual([[BOY.replace('-', ''), 'personnummer']]);
    expect(found(`Barnet (${tenDigit(BOY)}).`)).toEqual([[tenDigit(BOY), 'personnummer']]);
  });

  it('every number in a text, in order', () => {
    const text = `Mamma ${WOMAN_OVER_100} och barnen ${tenDigit(BOY)} samt ${GIRL}; kontakt ${COORDINATION_TEN}.`;
    expect(found(text)).toEqual([
      [WOMAN_OVER_100, 'personnummer'],
      [tenDigit(BOY), 'personnummer'],
      [GIRL, 'personnummer'],
      [COORDINATION_TEN, 'samordningsnummer'],
    ]);
  });

  it('across a line break between two numbers', () => {
    expect(found(`${BOY}\n${GIRL}`)).toHaveLength(2);
  });

  it.each([BOY, GIRL, WOMAN_OVER_100, COORDINATION_MAN, COORDINATION_TEN])('%s with any other check digit, in every form: a mistyped number still points at a person', (n) => {
    for (const d of '0123456789') {
      if (d === n.at(-1)) continue;
      const miss = n.slice(0, -1) + d;
      const forms = [miss, miss.replace('-', ''), miss.replace('-', ' ')];
      if (miss.length === 13) forms.push(tenDigit(miss), tenDigit(miss).replace('-', '+'));
      for (const form of forms) {
        expect(findIdentityNumbers(`nummer ${form} här`)).toEqual([{ start: 7, end: 7 + form.length, kind: expect.any(String), checkDigitValid: false }]);
      }
    }
  });

  it.each([
    ['a numbered suffix after a real number', `Barn ${BOY}-1 och ${tenDigit(GIRL)}/2`],
    ['a decimal after a real number', `${tenDigit(BOY)}.0`],
    ['a number cell with decimals', `${tenDigit(BOY).replace('-', '')}.0000002`],
    ['a soft hyphen pasted from Word', `Barn ${tenDigit(BOY).replace('-', '\u00ad-')}`],
    ['a zero-width space inside the date', `${BOY.slice(0, 4)}\u200b${BOY.slice(4)}`],
    ['a doubled separator', tenDigit(BOY).replace('-', '--')],
    ['a Dnr after a real number', `Akt ${BOY}/2018`],
    ['a suffix and a year after a real number', `Akt ${tenDigit(BOY)}-1 2024`],
    ['a three-digit suffix', `${BOY}-001`],
    ['three decimals', `${tenDigit(BOY)}.123`],
    ['an en space and em spaces from a web page', `${tenDigit(BOY).replace('-', '\u2002-')} och ${tenDigit(GIRL).replace('-', '\u2003\u2003-')}`],
    ['a combining grapheme joiner', tenDigit(BOY).replace('-', '\u034f-')],
    ['a line separator from a PDF', tenDigit(BOY).replace('-', '\u2028-')],
  ])('%s', (_what, text) => {
    expect(findIdentityNumbers(text).length).toBeGreaterThan(0);
  });

  it('marks the original place of a number with invisible characters inside, so redaction removes all of it', () => {
    const text = `Se ${tenDigit(BOY).replace('-', '\u00ad-')} här`;
    const [hit] = findIdentityNumbers(text);
    expect(text.slice(hit.start, hit.end)).toBe(tenDigit(BOY).replace('-', '\u00ad-'));
  });

  it('the documented overlaps are refused too (a false alarm costs one edit)', () => {
    for (const text of ['0701234567', '240312-1430', '2024-03-12 1430', 'scan_20240312_1430.pdf']) expect(findIdentityNumbers(text)).toHaveLength(1);
  });
});

describe('findIdentityNumbers — leaves alone', () => {
  it.each([
    ['a Stockholm phone number', 'Ring handläggaren på 08-50825262 eller 08-508 252 62.'],
    ['a mobile number', 'Mobil 070-123 45 67, 070-1234567 eller +46 70 123 45 67.'],
    ['a Dnr with a year', 'SOF-2024-00123 och SOF 2024/543'],
    ['European dates and short dates', 'Den 12/3 2024, 12.03.2024 och 12/03/2024.'],
    ['times', 'Klockan 14:30, kl. 1430, kl 14.30.'],
    ['ISO timestamps', '2024-03-12T14:30:00Z, 2024-03-12 14:30:00 och 2024-03-12T14:30:00.123+01:00.'],
    ['date ranges', 'Perioden 2024-01-01–2024-06-30, 2024-01-01 - 2024-06-30 och 20240101-20240630.'],
    ['a date before a phone number', 'Möte 2024-03-12 – 0480-12 34 56.'],
    ['Dnr', 'Dnr SOF 2024/543, 3.1.1-232/2018 och SOF 2023/625-1-4.'],
    ['ISO dates', 'Beslut 2024-03-12, uppföljning 2025-01-21.'],
    ['dates with times', 'Möte 2024-03-12 14:30, 2024-03-12T14:30:00, 2024-03-12 kl. 14.30.'],
    ['case references', 'Se AKT-2024-0012, 2024-0012 och akt 2024/0012.'],
    ['an organisation number (Stockholms stad)', 'Fakturan ställs till 212000-0142.'],
    ['money and counts', 'Kostnad 1 234 567 kr, 8 000 000 kr totalt, 36 akter.'],
    ['a journal reference', 'journal 2024-03-12, sida 14'],
    // Found by fast-check: a date ending a sentence, then a phone number whose first group reads as a serial.
    ['a date, a full stop and a phone number', 'Beslut 2000-09-24. 0680-000000 för frågor.'],
    ['a date followed by a Dnr number', 'Inkom 2024-03-12 2321/2018.'],
    ['a date and a time range with a spaced dash', 'Möte 2024-03-12 0900 - 1200 och 2024-03-12 0900-1200.'],
  ])('%s', (_what, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  it('digits with the right check digit but no real date', () => {
    // Built at run time from dates that do not exist, so no real person's number is written here.
    for (const nine of ['250230123', '231301123', '190100123', '190432123', '190459123', '190192123', '230229123']) {
      const ten = nine + identityCheckDigit(nine);
      expect(findIdentityNumbers(`x ${ten} y`)).toEqual([]);
      expect(findIdentityNumbers(`x 20${ten} y`)).toEqual([]);
    }
  });

  it('a twelve-digit run whose century cannot be a birth year', () => {
    expect(findIdentityNumbers(`nummer 17${tenDigit(BOY)}`)).toEqual([]);
    expect(findIdentityNumbers(`nummer 21${tenDigit(BOY).replace('-', '')}`)).toEqual([]);
  });

  it('a valid number embedded in a longer run of digits', () => {
    expect(findIdentityNumbers(`1${BOY.replace('-', '')}`)).toEqual([]);
    expect(findIdentityNumbers(`${BOY.replace('-', '')}7`)).toEqual([]);
    expect(findIdentityNumbers(`99${COORDINATION_TEN}`)).toEqual([]);
    expect(findIdentityNumbers(`${COORDINATION_TEN}0`)).toEqual([]);
  });
});

describe('piiGuardMessage', () => {
  it('is null when nothing was found', () => {
    expect(piiGuardMessage([])).toBeNull();
  });

  it('words a mistyped number differently, still without repeating it', () => {
    const message = piiGuardMessage(findIdentityNumbers(`Barnet ${BOY.slice(0, -1)}4`));
    expect(message).toMatch(/^Texten innehåller något som ser ut som ett personnummer \(kontrollsiffran stämmer inte/);
    expect(message).not.toMatch(/\d/);
  });

  it('blocks in Swedish and names the kind for one hit', () => {
    expect(piiGuardMessage(findIdentityNumbers(`Barnet ${BOY}`))).toBe(
      'Texten innehåller något som ser ut som ett personnummer. Ta bort det innan du sparar. Personnummer och samordningsnummer får inte sparas i granskningen.',
    );
    expect(piiGuardMessage(findIdentityNumbers(COORDINATION_TEN))).toMatch(/^Texten innehåller något som ser ut som ett samordningsnummer\. Ta bort det innan du sparar\./);
  });

  it('counts several hits', () => {
    expect(piiGuardMessage(findIdentityNumbers(`${BOY} och ${GIRL}`))).toMatch(/^Texten innehåller 2 uppgifter som ser ut som personnummer eller samordningsnummer\. Ta bort dem innan du sparar\./);
  });

  it('never repeats the number or any part of it', () => {
    expect(piiGuardMessage(findIdentityNumbers(BOY))).not.toMatch(/\d/);
    expect(piiGuardMessage(findIdentityNumbers(`${BOY} ${COORDINATION_TEN}`))).not.toMatch(/\d\d/); // only the count
  });
});

describe('findIdentityNumbers — by normalisation and layout (issue 16)', () => {
  it.each([
    ['digits in pairs, the serial split', '17 01 01-23 93'],
    ['the letter O for zero', '17O1O1-2393'],
    ['Cyrillic О and Latin l between digits', '2\u041e17\u041e10l-2393'],
    ['look-alikes beside a separator inside the date', '2017-O1-O1-2393'],
    ['mathematical bold digits', '\u{1d7d0}\u{1d7ce}\u{1d7cf}\u{1d7d5}\u{1d7ce}\u{1d7cf}\u{1d7ce}\u{1d7cf}-\u{1d7d0}\u{1d7d1}\u{1d7d7}\u{1d7d1}'],
    ['double-struck digits, and Devanagari', '\u{1d7d9}\u{1d7df}\u{1d7d8}\u{1d7d9}\u{1d7d8}\u{1d7d9}-\u0968\u0969\u096f\u0969'],
    ['a line break after the hyphen', '170101-\n2393'],
    ['a Windows line break after the hyphen', '170101-\r\n2393'],
    ['brackets around the date', '(170101)-2393'],
    ['brackets around the serial', '170101 (2393)'],
    ['four and six', '1701 012393'],
    ['groups of four', '2017 0101 2393'],
    ['groups of four, a hyphen before the serial', '2017 0101-2393'],
    ['the century apart', '20 17 01 01 23 93'],
    ['a variation selector and an enclosing keycap', '1701\ufe0f01-2393\u20e3'],
  ])('%s', (_form, written) => {
    const text = `Barnet ${written} bor hos mamma.`;
    const hits = findIdentityNumbers(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([written.replace(/^\(/, '').replace(/\)$|\u20e3$/, '')]);
    expect(hits[0].checkDigitValid).toBe(true);
  });

  it('marks the place in the original text, however many code units a folded character took', () => {
    const bold = '\u{1d7cf}\u{1d7d5}\u{1d7ce}\u{1d7cf}\u{1d7ce}\u{1d7cf}-\u{1d7d0}\u{1d7d1}\u{1d7d7}\u{1d7d1}';
    const text = `Se ${bold} och ${BOY}.`;
    const hits = findIdentityNumbers(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([bold, BOY]);
    expect(hits[0]).toMatchObject({ start: 3, end: 3 + bold.length });
  });

  it.each([
    ['a four-digit area code in pairs', 'Ring 0910-73 50 00 eller 0911-12 34 56.'],
    ['a mobile prefix of four digits', 'Mobil 0701-23 45 67, 0701-234567 eller 0701 234567.'],
    ['Stockholm numbers after the area code', '08-12015678, 08-1201 5678, (08) 12 01 56 78.'],
    ['a line starting with a phone number after a date', 'Beslut 20240312\n+46 70 123 45 67'],
    ['a date at the end of a line and a year on the next', 'Beslut 2023-05-12\n2024 års uppföljning'],
    ['a time split by a full stop after a date', '2024-03-12 14.30 och 240312 14.30'],
    ['a list of two-digit counts', 'Antal: 12 04 05 17 23 31'],
    ['a card number in fours', 'Kort 4571 2003 0712 3456'],
    ['letters that are words', 'Olle 17 år, bil 12, I 2017 och lO 1.'],
    ['superscripts are not digits', 'Yta 170101 m² 2393'],
    ['a doubled dash before the next date of a range', 'Från 2024-03-12 -- 2024-06-30'],
  ])('leaves alone %s', (_what, text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });
});
