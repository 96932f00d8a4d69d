import { describe, expect, it } from 'vitest';
import { normalizeHeader, recognizeHeader, recognizeHeaders } from '../../shared/import/headers';

describe('recognizeHeader', () => {
  it.each([
    ['akt', ['akt', 'Akt', ' AKT ', 'Aktnummer', 'Akt nr', 'akt-nr', 'AktNr.', 'Ärende', 'ärendenummer', 'Arendenr', 'Ärende-id']],
    ['personnummer', ['personnummer', 'Personnummer', 'PNR', 'Personnr', 'Pers.nr', 'Samordningsnummer', 'Personnummer/samordningsnummer', 'Personnummer (ÅÅÅÅMMDD-NNNN)']],
    ['kon', ['kön', 'Kön', 'KON', 'kon', ' Kön (F/M) ']],
    ['alder', ['ålder', 'Ålder', 'alder', 'ALDER']],
    ['fodelsedatum', ['födelsedatum', 'Födelsedatum', 'fodelsedatum', 'Född', 'Födelse-datum']],
    ['enhet', ['enhet', 'Enhet', 'Stadsdel', 'SDF', 'sdn', 'Stadsdelsförvaltning', 'stadsdelsnämnd']],
  ])('%s', (field, headers) => {
    for (const header of headers) expect([header, recognizeHeader(header)]).toEqual([header, field]);
  });

  it('leaves other columns as attributes', () => {
    for (const header of ['insats', 'Beslutsdatum', 'Handläggare', 'akter', 'enheter', 'kommentar', '']) expect(recognizeHeader(header)).toBeUndefined();
  });

  it('normalises case, diacritics, punctuation, spaces and parenthesised hints', () => {
    expect(normalizeHeader(' Födelse-Datum (ÅÅÅÅ-MM-DD) ')).toBe('fodelsedatum');
    expect(normalizeHeader('Stadsdelsnämnd')).toBe('stadsdelsnamnd');
    expect(normalizeHeader('O\u0308stermalm')).toBe('ostermalm'); // decomposed Ö
  });
});

describe('recognizeHeaders', () => {
  it('maps fields to column indices and keeps the rest as attributes under their own header', () => {
    expect(recognizeHeaders(['Aktnummer', 'Personnr', 'Insats', 'Kön', 'Stadsdel', ' Beslutsdatum ', ''])).toEqual({
      fields: { akt: 0, personnummer: 1, kon: 3, enhet: 4 },
      attributes: [
        { index: 2, name: 'Insats' },
        { index: 5, name: 'Beslutsdatum' },
        { index: 6, name: 'Kolumn 7' },
      ],
      missing: [],
      problems: [],
    });
  });

  it('reports a missing unit or case column in Swedish', () => {
    const result = recognizeHeaders(['personnummer', 'kön']);
    expect(result.missing).toEqual(['akt', 'enhet']);
    expect(result.problems).toEqual([
      expect.stringMatching(/^Kolumnen för akt saknas\./),
      expect.stringMatching(/^Kolumnen för enhet saknas\. Rubriken ska heta till exempel "enhet", "stadsdel" eller "SDF"\./),
    ]);
  });

  it('reports two columns meaning the same field, naming both', () => {
    const result = recognizeHeaders(['akt', 'Enhet', 'SDF']);
    expect(result.fields.enhet).toBe(1);
    expect(result.problems).toEqual(['Både kolumnen "Enhet" och kolumnen "SDF" tolkas som enhet. Byt namn på eller ta bort den ena.']);
  });

  it('reports two attribute columns with the same name', () => {
    expect(recognizeHeaders(['akt', 'enhet', 'Insats', 'insats']).problems).toEqual(['Två kolumner heter "insats" (kolumn 3 och 4). Byt namn på den ena.']);
  });
});
