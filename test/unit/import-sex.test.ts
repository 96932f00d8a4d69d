import { describe, expect, it } from 'vitest';
import { parseSex } from '../../shared/import/sex';

describe('parseSex', () => {
  it.each([
    ['F', ['F', 'f', 'K', 'flicka', 'Flicka', 'FLICKA', 'flickor', 'tjej', 'kvinna', 'Kvinnor', 'kv.', 'kvinnlig', '2', ' f ']],
    ['M', ['M', 'm', 'P', 'pojke', 'Pojke', 'pojkar', 'kille', 'man', 'Män', 'manlig', '1', ' M. ']],
    ['U', ['', '   ', 'U', 'okänt', 'Okänt', 'okant', 'ej känt', 'Ej  känt', 'inte känt', 'vet ej', 'saknas', 'uppgift saknas', '-']],
  ])('%s', (sex, values) => {
    for (const value of values) expect([value, parseSex(value)]).toEqual([value, { ok: true, sex }]);
  });

  it('refuses anything else and names the accepted values, in Swedish', () => {
    expect(parseSex('annat')).toEqual({
      ok: false,
      reason: 'Okänt värde för kön "annat" – använd flicka, pojke, kvinna, man, F, M eller okänt (tom cell betyder okänt).',
    });
    for (const value of ['x', '0', '9', 'flick', 'mamma']) expect(parseSex(value).ok).toBe(false);
  });

  it('does not repeat a value containing digits — it could be a misplaced identity number', () => {
    const result = parseSex('20170101-2393');
    expect(result).toEqual({ ok: false, reason: expect.not.stringMatching(/\d/) });
  });
});
