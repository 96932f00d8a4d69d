import { describe, expect, it } from 'vitest';
import { draftTexts, scanForIdentityNumbers } from '../../main/core/report/pii-scan';
import type { ReportDraft } from '../../shared/contract/report-model';

/*
 * The scan that runs before every export of a report (main/core/report/pii-scan.ts): every text of
 * the draft with its place in words, and one issue per place that holds a personal or coordination
 * number — without repeating it. Only Skatteverket's published test numbers are used.
 */

const draft = (): ReportDraft => ({
  header: {
    officers: [{ name: 'Anna Inspektör', phone: '08-50825262' }],
    to: 'Socialnämnden',
    date: '2025-01-21',
    dnr: 'SOF 2024/543',
    title: 'Öppenvård barn 0-12 år',
    subtitle: 'Socialtjänstinspektörernas kvalitetsgranskning',
    administration: 'Socialförvaltningen',
    department: 'Avdelningen för stöd och styrning',
    font: 'Times New Roman',
  },
  proposals: ['Socialnämnden godkänner rapporten.'],
  sections: [
    {
      id: 'bakgrund',
      kind: 'bakgrund',
      title: 'Bakgrund',
      enabled: true,
      blocks: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Granskningen 2024-03-12 – 2024-06-30, Dnr 3.1.1-232/2018.' }, { type: 'footnote', text: 'Socialförvaltningen (2024) Titel - Undertitel' }] },
        { type: 'bullets', items: [[{ type: 'text', text: 'Trygghet och säkerhet' }], [{ type: 'text', text: 'Kunskapsbaserad verksamhet' }]] },
        { type: 'resultTable', areaId: 'trygghet' },
      ],
    },
  ],
  signatures: [{ name: 'Berit Chef', title: 'Avdelningschef', administration: 'Socialförvaltningen' }],
});

describe('the report scan', () => {
  it('lets an ordinary memo through: phone numbers, Dnr and dates are not identity numbers', () => {
    expect(scanForIdentityNumbers(draftTexts(draft()))).toEqual([]);
  });

  it('names every place in words, in document order, and never the number', () => {
    const d = draft();
    d.header.officers[0].phone = '20190408-2383';
    d.sections[0].title = 'Bakgrund 18900101-9802';
    d.sections[0].blocks[0] = { type: 'paragraph', content: [{ type: 'text', text: 'Se fotnoten.' }, { type: 'footnote', text: 'Akt 19140168-2396' }] };
    // Split over a plain and a bold run: found in the paragraph's joined text.
    d.sections[0].blocks[1] = { type: 'bullets', items: [[{ type: 'text', text: 'ok' }], [{ type: 'text', text: '2017' }, { type: 'text', text: '0101-2393', bold: true }]] };
    d.signatures[0].title = '201701012393';
    const issues = scanForIdentityNumbers(draftTexts(d), '$.draft');
    expect(issues.map((i) => [i.path, i.message.slice(0, i.message.indexOf(': texten'))])).toEqual([
      ['$.draft.header.officers[0].phone', 'Handläggare 1, telefon'],
      ['$.draft.sections[0].title', 'Avsnittet Bakgrund [personnummer dolt], rubriken'],
      ['$.draft.sections[0].blocks[0].content[1].text', 'Avsnittet Bakgrund [personnummer dolt], stycke 1, fotnot 1'],
      ['$.draft.sections[0].blocks[1].items[1][0].text', 'Avsnittet Bakgrund [personnummer dolt], punktlista (stycke 2), punkt 2'],
      ['$.draft.signatures[0].title', 'Underskrift 1, titel'],
    ]);
    expect(issues[2].message).toMatch(/texten innehåller ett samordningsnummer\./);
    expect(issues[0].message).toMatch(/texten innehåller ett personnummer\./);
    for (const digits of ['2383', '9802', '2396', '2393']) expect(JSON.stringify(issues)).not.toContain(digits);
  });

  it('reads a paragraph as its joined text in the new spellings too, and words the advice for a save', () => {
    const d = draft();
    d.sections[0].blocks[0] = { type: 'paragraph', content: [{ type: 'text', text: 'Barnet 17 01 01' }, { type: 'text', text: '-23 93', italic: true }, { type: 'footnote', text: 'Källa.' }] };
    d.sections[0].blocks[1] = { type: 'bullets', items: [[{ type: 'text', text: '(1701' }, { type: 'text', text: '01)-\n2393' }]] };
    const saved = scanForIdentityNumbers(draftTexts(d), '$.draft', 'save');
    expect(saved.map((i) => i.path)).toEqual(['$.draft.sections[0].blocks[0].content[0].text', '$.draft.sections[0].blocks[1].items[0][0].text']);
    for (const issue of saved) expect(issue.message).toMatch(/: texten innehåller ett personnummer\. Ta bort det innan du sparar\./);
    expect(scanForIdentityNumbers(draftTexts(d))[0].message).toMatch(/Ta bort det innan utlåtandet lämnar granskningsbänken\.$/);
  });
});
