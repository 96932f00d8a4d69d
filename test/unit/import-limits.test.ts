import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/import/csv';
import { ANSWER_FILE_LIMITS, CASE_LIST_LIMITS } from '../../shared/import/limits';

const rows = (n: number, row = (i: number) => `A${i};E`) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('CSV case lists share the limits of Excel files', () => {
  it(`reads ${CASE_LIST_LIMITS.rows.toLocaleString('sv-SE')} data rows and refuses one more, whatever the blank lines`, () => {
    const ok = parseCsv(`akt;enhet\n\n${rows(CASE_LIST_LIMITS.rows)}\n\n\n`);
    expect(ok.ok && ok.rows.length).toBe(CASE_LIST_LIMITS.rows);
    expect(parseCsv(`akt;enhet\n${rows(CASE_LIST_LIMITS.rows + 1)}`)).toEqual({
      ok: false,
      message: 'Filen har fler än 200\u00a0000 rader med data; högst 200\u00a0000 rader läses. Dela upp akt-listan i flera filer.',
    });
  });

  it('keeps row numbers counting the blank lines it no longer stores', () => {
    const parsed = parseCsv('\nakt;enhet\n\nA;E\n ; \nB;E\n');
    expect(parsed.ok && [parsed.headerRow, ...parsed.rows.map((r) => r.row)]).toEqual([2, 4, 6]);
  });

  it(`reads ${CASE_LIST_LIMITS.columns} columns, drops empty padding beyond them, and refuses a value beyond them`, () => {
    const header = Array.from({ length: CASE_LIST_LIMITS.columns }, (_, i) => `k${i}`).join(';');
    const full = Array.from({ length: CASE_LIST_LIMITS.columns }, () => 'x').join(';');
    const padded = parseCsv(`${header}${';'.repeat(5000)}\n${full}${';'.repeat(5000)}\n`);
    expect(padded.ok && [padded.header.length, padded.rows[0].cells.length]).toEqual([CASE_LIST_LIMITS.columns, CASE_LIST_LIMITS.columns]);
    const wide = parseCsv(`${header}\n${full};x\n`);
    expect(wide).toMatchObject({ ok: false, row: 2, message: 'Rad 2 har fler än 256 kolumner; högst 256 kolumner läses. Kontrollera avgränsaren, eller ta bort kolumner som inte behövs.' });
  });

  it('refuses a file with more cells than the limit, however they are shaped', () => {
    const header = Array.from({ length: 200 }, (_, i) => `k${i}`).join(';');
    const row = Array.from({ length: 200 }, () => '1').join(';');
    expect(parseCsv(`${header}\n${rows(CASE_LIST_LIMITS.cells / 200, () => row)}`)).toMatchObject({ ok: false, message: expect.stringMatching(/^Filen har fler än 2\s000\s000 celler/) });
  });

  it('rejects the row of a cell longer than Excel allows, and keeps the others', () => {
    const parsed = parseCsv(`akt;enhet\nA;${'x'.repeat(CASE_LIST_LIMITS.cellChars + 1)}\nB;E\n`);
    expect(parsed.ok && parsed.rows.map((r) => r.cells[0])).toEqual(['B']);
    expect(parsed.ok && parsed.problems).toEqual([{ row: 2, line: 2, message: 'Rad 2, kolumn 2 har fler än 32\u00a0767 tecken, mer än en cell får ha. Raden lästes inte.' }]);
  });
});

describe('an answers file has limits of its own kind', () => {
  it('reads far more rows than a case list (one row per answer), and names the answers file when refusing', () => {
    const many = parseCsv(`akt;fråga;svar\n${rows(CASE_LIST_LIMITS.rows + 1, (i) => `A${i};q1;ja`)}`, { limits: ANSWER_FILE_LIMITS });
    expect(many.ok && many.rows.length).toBe(CASE_LIST_LIMITS.rows + 1);
    const wide = parseCsv(`akt;fråga;svar\nA;q;${'x;'.repeat(ANSWER_FILE_LIMITS.columns)}x`, { limits: ANSWER_FILE_LIMITS });
    expect(wide).toMatchObject({ ok: false, message: expect.stringContaining(`fler än ${ANSWER_FILE_LIMITS.columns} kolumner`) });
  });

  it('says "svarsfilen", not "akt-listan", when an answers file is too long', () => {
    const limits = { ...ANSWER_FILE_LIMITS, rows: 3 };
    expect(parseCsv(`akt;fråga;svar\n${rows(4, (i) => `A${i};q1;ja`)}`, { limits })).toEqual({
      ok: false,
      message: 'Filen har fler än 3 rader med data; högst 3 rader läses. Dela upp svarsfilen i flera filer.',
    });
  });
});
