import { afterEach, describe, expect, it } from 'vitest';
import { firstHit, scanPdfAppendix } from '../../main/core/report/appendix-pdf-scan';
import { isAlsoZip } from '../../main/core/report/appendix-sniff';
import { PDF_READ_LIMITS } from '../../main/core/report/pdf-text';
import { checkAuditOnOpen, verifyAudit } from '../../main/core/db/audit-chain/check';
import { testCore, type TestCore } from '../support/core';
import { pdfDocument, simplePdf } from '../support/pdf';
import { zip } from '../support/zip';

/*
 * Issue 16: an attached PDF is read (pdf.js, in a bounded worker thread) and searched for identity
 * numbers like a Word document or workbook, since the board package hands it on unchanged. A PDF
 * that cannot be read through is refused unless the board secretary confirms it holds no
 * personal data; the confirmation is logged in the record chain. Only Skatteverket's published
 * test number is used.
 */

const BOY = '20170101-2393';
const FRAME = 'Ta bort det i filen och bifoga den på nytt. Personnummer och samordningsnummer får inte lämna granskningen, inte heller i en bilaga.';
const b64 = (content: Uint8Array) => Buffer.from(content).toString('base64');

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

async function secretary() {
  const core = testCore({ actor: 'Cecilia Sekreterare' });
  opened.push(core);
  const { id: reviewId } = await core.call('reviews.createExample', {});
  await core.call('profile.save', { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' });
  const input = (fileName: string, content: Uint8Array, confirmed?: boolean) => ({ reviewId, fileName, title: 'Yttrande', contentBase64: b64(content), ...(confirmed ? { confirmedNoPersonalData: true } : {}) });
  const add = (fileName: string, content: Uint8Array, confirmed?: boolean) => core.call('appendix.add', input(fileName, content, confirmed));
  const refused = (fileName: string, content: Uint8Array, confirmed?: boolean) => core.fails('appendix.add', input(fileName, content, confirmed));
  const stored = () => core.db.prepare('SELECT COUNT(*) FROM appendix WHERE content IS NOT NULL').pluck().get() as number;
  const events = () => core.db.prepare('SELECT actor, action, note FROM report_event WHERE review_id = ? ORDER BY seq').all(reviewId) as { actor: string; action: string; note: string | null }[];
  return { core, reviewId, add, refused, stored, events };
}

const noNumberIn = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/2393|20170101|170101/);

describe('an attached PDF with text', () => {
  it('is accepted when it holds no identity number (dates, phone numbers and a Dnr are fine), in plain and compressed streams', async () => {
    const { add, events } = await secretary();
    const lines = ['Yttrande från stadsdelsnämnden Norr', 'Telefon 08-508 252 62. Dnr SOF 2024/543.', 'Sammanträde den 2024-03-12 kl. 14.30.'];
    expect(await add('yttrande.pdf', pdfDocument([{ lines }, { lines: ['Sida 2'] }], { info: { Title: 'Yttrande', Author: 'Anna Andersson' } }))).toMatchObject({ kind: 'pdf', number: 2 });
    expect(await add('svar.pdf', pdfDocument([{ lines }], { compress: true }))).toMatchObject({ kind: 'pdf', number: 3 });
    // Nothing had to be confirmed, so nothing is logged as an exception.
    expect(events().filter((e) => e.action === 'undantag')).toEqual([]);
  });

  it('is refused for a number on page 2, naming the page and never the number', async () => {
    const { refused, stored } = await secretary();
    const error = await refused('yttrande.pdf', pdfDocument([{ lines: ['Yttrande'] }, { lines: ['Barnet', `med nummer ${BOY} har utretts.`] }, { lines: ['Sida 3'] }]));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: `Bilagan innehåller något som ser ut som ett personnummer (på sidan 2). ${FRAME}`,
      issues: [{ path: '$.contentBase64', message: expect.stringMatching(/^Bilagan innehåller/) }],
    });
    noNumberIn(error);
    expect(stored()).toBe(0);
  });

  it('finds a number split over text items (other fonts in one line) and over two lines, compressed or not', async () => {
    const { refused } = await secretary();
    const split = pdfDocument([{ lines: ['Inledning'] }, { lines: [['Nummer 2017', '0101-', '2393 i en mening.']] }]);
    expect((await refused('a.pdf', split)).message).toBe(`Bilagan innehåller något som ser ut som ett personnummer (på sidan 2). ${FRAME}`);
    const wrapped = pdfDocument([{ lines: ['Barnets nummer 201701', '01-2393 står i akten.'] }], { compress: true });
    expect((await refused('b.pdf', wrapped)).message).toMatch(/\(på sidan 1\)/);
  });

  it('is refused for a number in the title, the keywords, a comment or a form field, each named', async () => {
    const { refused, stored } = await secretary();
    const page = [{ lines: ['Yttrande'] }];
    const inTitle = await refused('a.pdf', pdfDocument(page, { info: { Title: `Utredning ${BOY}` } }));
    expect(inTitle.message).toBe(`Bilagan innehåller något som ser ut som ett personnummer (i dokumentets egenskaper (titel, författare, ämne eller nyckelord)). ${FRAME}`);
    noNumberIn(inTitle);
    expect((await refused('b.pdf', pdfDocument(page, { info: { Keywords: `barn, ${BOY}` } }))).message).toMatch(/i dokumentets egenskaper/);
    expect((await refused('c.pdf', pdfDocument([{ lines: ['Sida 1'] }, { lines: ['Sida 2'], comments: [`Kolla ${BOY}`] }]))).message).toMatch(/\(i en kommentar eller anteckning på sidan 2\)/);
    expect((await refused('d.pdf', pdfDocument(page, { field: { name: 'personnummer', value: BOY } }))).message).toMatch(/\(i ett formulärfält\)/);
    expect(stored()).toBe(0);
  });

  it('finds a number a crop hides (outside the visible page, still in the file)', async () => {
    const { refused } = await secretary();
    // The crop tool of a PDF editor hides the header; the text is still there for anyone who uncrops or copies it.
    const cropped = pdfDocument([{ lines: [`Barnets personnummer ${BOY}`, '', '', '', '', '', 'Yttrande'], cropBox: [0, 0, 612, 700] }]);
    expect((await refused('a.pdf', cropped)).message).toBe(`Bilagan innehåller något som ser ut som ett personnummer (på sidan 1). ${FRAME}`);
  });

  it('a number in what could be read is refused even with the confirmation', async () => {
    const { refused, stored } = await secretary();
    const scanWithText = pdfDocument([{ lines: [`Gäller ${BOY}`] }, { image: true }]);
    expect((await refused('a.pdf', scanWithText, true)).message).toMatch(/^Bilagan innehåller något som ser ut som ett personnummer \(på sidan 1\)/);
    expect(stored()).toBe(0);
  });
});

describe('a PDF that cannot be read through', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ['damaged', () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'), /den går inte att öppna som PDF \(den kan vara skadad\)/],
    ['password-protected', () => pdfDocument([{ lines: ['Hemligt'] }], { password: true }), /den är lösenordsskyddad/],
    ['a scan (a page that is only an image)', () => pdfDocument([{ lines: ['Följebrev'] }, { image: true }]), /sidan 2 har ingen text, bara bild eller grafik \(den kan vara inskannad\)/],
    ['with an embedded file', () => pdfDocument([{ lines: ['Yttrande'] }], { embeddedFile: { name: 'lista.txt', content: 'vad som helst' } }), /den innehåller inbäddade filer/],
    ['with JavaScript', () => pdfDocument([{ lines: ['Yttrande'] }], { javascript: 'app.alert("hej")' }), /den innehåller JavaScript/],
  ];

  it.each(cases)('%s is refused saying why and that the secretary may confirm it holds no personal data; nothing is stored', async (_name, make, why) => {
    const { refused, stored } = await secretary();
    const error = await refused('yttrande.pdf', make());
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^PDF-filen "yttrande\.pdf" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer: /);
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/bekräfta att du har gått igenom filen och att den inte innehåller några personuppgifter/);
    expect(error.issues).toEqual([{ path: '$.confirmedNoPersonalData', message: expect.stringMatching(/^Bekräfta att filen inte innehåller några personuppgifter/) }]);
    expect(stored()).toBe(0);
  });

  it('is accepted with the confirmation, logged under the secretary’s name with the file and the reason, in a record chain that still verifies', async () => {
    const { core, reviewId, add, events } = await secretary();
    const damaged = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const added = await add('protokoll.pdf', damaged, true);
    expect(added).toMatchObject({ number: 2, kind: 'pdf', fileName: 'protokoll.pdf', attached: true });
    expect(events().slice(-2)).toEqual([
      { actor: 'Cecilia Sekreterare', action: 'bilaga_tillagd', note: 'Yttrande' },
      {
        actor: 'Cecilia Sekreterare',
        action: 'undantag',
        note: 'Bilaga 2 (Yttrande): protokoll.pdf bifogades utan kontroll av personnummer, eftersom filen inte kunde läsas igenom (den går inte att öppna som PDF (den kan vara skadad)). Bekräftat att filen inte innehåller några personuppgifter.',
      },
    ]);
    // The report's history (what the screen shows) has it too.
    const report = await core.call('report.get', { reviewId });
    expect(report.events.some((e) => e.action === 'undantag' && e.actor === 'Cecilia Sekreterare' && /protokoll\.pdf/.test(e.note ?? ''))).toBe(true);

    // A listed appendix's file attached later, with the confirmation: logged the same way.
    const listed = await core.call('appendix.plan', { reviewId, title: 'Skannat protokoll' });
    await core.call('appendix.attach', { reviewId, id: listed.id, fileName: 'skannat.pdf', contentBase64: b64(pdfDocument([{ image: true }])), confirmedNoPersonalData: true });
    expect(events().at(-1)).toEqual({
      actor: 'Cecilia Sekreterare',
      action: 'undantag',
      note: expect.stringMatching(/^Bilaga 3 \(Skannat protokoll\): skannat\.pdf bifogades utan kontroll av personnummer, eftersom filen inte kunde läsas igenom \(sidan 1 har ingen text/),
    });

    // Both entries are in the record chain, which verifies.
    const logged = core.db.prepare(`SELECT body FROM record_log WHERE review_id = ? AND kind = 'report_event'`).pluck().all(reviewId) as string[];
    expect(logged.filter((b) => JSON.parse(b).action === 'undantag')).toHaveLength(2);
    expect(await core.call('audit.verify', { reviewId })).toMatchObject({ ok: true });
    expect(verifyAudit(core.db)).toMatchObject({ ok: true });
    expect(checkAuditOnOpen(core.db)).toMatchObject({ ok: true });
  });

  it('a readable file given the confirmation anyway is simply attached: nothing to log', async () => {
    const { add, events } = await secretary();
    await add('yttrande.pdf', simplePdf('Yttrande'), true);
    expect(events().filter((e) => e.action === 'undantag')).toEqual([]);
  });

  it('over the page, text or time limit is unreadable, not partly trusted', async () => {
    const many = pdfDocument(Array.from({ length: 4 }, (_, i) => ({ lines: [`Sida ${i + 1}`] })));
    await expect(scanPdfAppendix('m.pdf', many, false, { ...PDF_READ_LIMITS, pages: 3 })).rejects.toMatchObject({ message: expect.stringMatching(/den har fler än 3 sidor, det högsta antal som läses/) });
    // The pages within the limit are still searched: a number there is refused as such.
    const numberFirst = pdfDocument([{ lines: [BOY] }, ...Array.from({ length: 4 }, () => ({ lines: ['x'] }))]);
    await expect(scanPdfAppendix('n.pdf', numberFirst, true, { ...PDF_READ_LIMITS, pages: 3 })).rejects.toMatchObject({ message: expect.stringMatching(/\(på sidan 1\)/) });
    const wordy = pdfDocument([{ lines: ['a'.repeat(400), 'b'.repeat(400)] }]);
    await expect(scanPdfAppendix('w.pdf', wordy, false, { ...PDF_READ_LIMITS, chars: 500 })).rejects.toMatchObject({ message: expect.stringMatching(/mer än 500 tecken text/) });
    await expect(scanPdfAppendix('t.pdf', many, false, { ...PDF_READ_LIMITS, milliseconds: 1 })).rejects.toMatchObject({ message: expect.stringMatching(/genomläsningen tog längre tid än 0,001 sekunder/) });
    expect(await scanPdfAppendix('t.pdf', many, true, { ...PDF_READ_LIMITS, milliseconds: 1 })).toEqual({ unreadable: 'genomläsningen tog längre tid än 0,001 sekunder' });
  });
});

describe('a PDF that is also a zip (a polyglot)', () => {
  const zipped = () => zip([{ name: 'word/document.xml', data: '<w:document/>' }]);

  it('is refused, with or without the confirmation: a zip appended to a real PDF, or a zip behind a PDF header', async () => {
    const { refused, stored } = await secretary();
    const appended = Buffer.concat([simplePdf('Yttrande'), zipped()]);
    for (const confirmed of [false, true]) {
      const error = await refused('yttrande.pdf', appended, confirmed);
      expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Filen "yttrande\.pdf" är både en PDF-fil och ett zip-arkiv och kan inte bifogas/) });
    }
    // The zip's directory cut off: no zip reader opens it, but it is no PDF either.
    const headed = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), zipped().subarray(0, 60)]);
    expect((await refused('b.pdf', headed, true)).message).toMatch(/^Filen "b\.pdf" går inte att läsa som PDF och innehåller ett zip-arkiv\. Den kan inte bifogas/);
    expect(stored()).toBe(0);
  });

  it('is told apart from real PDFs by a zip directory where zip readers look, not by four bytes anywhere', () => {
    expect(isAlsoZip(Buffer.concat([simplePdf('x'), zipped()]))).toBe(true);
    // Data put in front of a whole zip: readers still find its directory just before the end record.
    expect(isAlsoZip(Buffer.concat([simplePdf('x'), Buffer.alloc(1000, 0x20), zipped()]))).toBe(true);
    expect(isAlsoZip(simplePdf('x'))).toBe(false);
    expect(isAlsoZip(pdfDocument([{ lines: ['x'] }], { compress: true }))).toBe(false);
    // The end record's signature alone, pointing at nothing, is not a zip.
    expect(isAlsoZip(Buffer.concat([simplePdf('x'), Buffer.from('PK\u0005\u0006', 'latin1'), Buffer.alloc(18, 0x41)]))).toBe(false);
  });
});

describe('the page scan', () => {
  it('joins a page’s lines both with a line break and without, and searches each line alone', () => {
    expect(firstHit({ where: 'page', page: 1, texts: ['Nummer 2017', '0101-2393'] })).toBeDefined();
    expect(firstHit({ where: 'page', page: 1, texts: [`${BOY}`] })).toBeDefined();
    expect(firstHit({ where: 'page', page: 1, texts: ['Telefon 08-508 252 62', 'Dnr SOF 2024/543'] })).toBeUndefined();
  });
});
