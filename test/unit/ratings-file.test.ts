import { describe, expect, it } from 'vitest';
import { parseCategories, readRatingsFile } from '../../shared/import/ratings-file';

const bytes = (text: string, bom = false) => new TextEncoder().encode(`${bom ? '\ufeff' : ''}${text}`);

describe('readRatingsFile (objekt;bedömare;värde)', () => {
  const categories = ['ja', 'delvis', 'nej'];
  const text = 'Objekt;Bedömare;Värde\nakt-1;Anna;ja\nakt-1;Bo; Ja \nakt-2;Anna;\nakt-2;Bo;nej\nakt-3;Bo;delvis\n';

  it('reads items × raters in order of first appearance, with or without BOM; empty is missing; case and spaces aside', () => {
    for (const bom of [false, true]) {
      const read = readRatingsFile(bytes(text, bom), categories);
      expect(read).toEqual({
        ok: true,
        items: ['akt-1', 'akt-2', 'akt-3'],
        raters: ['Anna', 'Bo'],
        ratings: { categoryCount: 3, rows: [[0, 0], [null, 2], [null, 1]] },
      });
    }
  });

  it('names each bad row and field, and refuses the whole file', () => {
    const read = readRatingsFile(bytes('objekt;bedömare;värde\na;X;ja\na;;ja\nb;X;kanske\n'), categories);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toBe('Bedömningsfilen har 2 fel och lästes inte; inget beräknades.');
    expect(read.problems).toEqual([
      { row: 3, field: 'bedömare', message: 'Rad 3, fältet bedömare: bedömaren saknas.' },
      { row: 4, field: 'värde', message: 'Rad 4, fältet värde: "kanske" är inte en av kategorierna (ja, delvis, nej). Lämna fältet tomt om bedömningen saknas.' },
    ]);
  });

  it('lists the first 20 problems and says how many there are', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `a${i};X;x`);
    const read = readRatingsFile(bytes(['objekt;bedömare;värde', ...rows].join('\n')), categories);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.message).toBe('Bedömningsfilen har 25 fel och lästes inte; inget beräknades. De första 20 visas.');
    expect(read.problems).toHaveLength(20);
  });

  it('an empty file and a header-only file are refused in Swedish', () => {
    expect(readRatingsFile(bytes(''), categories)).toEqual({ ok: false, message: 'Filen är tom.', problems: [] });
    expect(readRatingsFile(bytes('objekt;bedömare;värde\n'), categories)).toMatchObject({ ok: false, message: 'Filen innehåller bara en rubrikrad och inga rader med data.' });
  });
});

describe('parseCategories', () => {
  it('splits on commas and trims', () => expect(parseCategories(' ja, delvis ,nej')).toEqual({ ok: true, labels: ['ja', 'delvis', 'nej'] }));
  it('refuses empty and repeated categories', () => {
    expect(parseCategories('ja,').ok).toBe(false);
    expect(parseCategories('ja,JA')).toEqual({ ok: false, message: 'Kategorin "JA" anges två gånger i --categories.' });
  });
});
