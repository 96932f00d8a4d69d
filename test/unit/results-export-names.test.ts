import { describe, expect, it } from 'vitest';
import { sheetNamer } from '../../main/core/results/xlsx-cells';
import { resultFileName } from '../../shared/results/export-file-name';

describe('the results file name', () => {
  it('names the review by its Dnr, or its title without one, and the view', () => {
    expect(resultFileName({ dnr: 'SOF 2024/543', title: 'Barn' }, 'published', 'xlsx')).toBe('Resultat – SOF 2024-543 – publicerad.xlsx');
    expect(resultFileName({ dnr: null, title: 'Barn i öppenvård' }, 'internal', 'csv')).toBe('Resultat – Barn i öppenvård – internt.csv');
  });

  it('never points into a folder or carries a character a file system refuses', () => {
    const name = resultFileName({ dnr: null, title: '../..\\C:/x*?"<>|\u0001\nslut.' }, 'internal', 'json');
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
    expect(name).toBe('Resultat – -..-C--x------- slut – internt.json');
    expect(resultFileName({ dnr: null, title: ' ... ' }, 'internal', 'xlsx')).toBe('Resultat – internt.xlsx');
    expect(resultFileName({ dnr: null, title: 'x'.repeat(500) }, 'internal', 'xlsx').length).toBeLessThanOrEqual(110);
  });
});

describe('sheet names', () => {
  it('are at most 31 characters, without []:*?/\\, and unique regardless of case', () => {
    const name = sheetNamer(['Sammanfattning', 'Svar', 'Kodbok']);
    expect(name('Trygghet och säkerhet', 'Område 1')).toBe('Trygghet och säkerhet');
    expect(name('Självbestämmande och integritet i vården', 'Område 2')).toBe('Självbestämmande och integritet');
    expect(name('Självbestämmande och integritet i hemmet', 'Område 3')).toBe('Självbestämmande och integr (2)');
    expect(name('svar', 'Område 4')).toBe('svar (2)');
    expect(name('History', 'Område 5')).toBe('History (2)');
    expect(name('Mål [1/2]: *vad?* \\ ', 'Område 6')).toBe('Mål 1 2 vad');
    expect(name("'citat'", 'Område 7')).toBe('citat');
    expect(name('[]:*?', 'Område 8')).toBe('Område 8');
  });
});
