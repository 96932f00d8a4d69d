import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../shared/validation/json-syntax';
import { parseTemplateText } from '../../shared/templates/validate';

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a": fa]se}', 1, 7, false],
    ['{"a":1,}', 1, 8, false],
    ['[1,2', 1, 5, true],
    ['{\n  "a" 1}', 2, 7, false],
    ['\u00ff{}', 1, 1, false],
    ['', 1, 1, true],
    ['{"a": "x\u0001"}', 1, 7, false],
    ['[1] [2]', 1, 5, false],
    ['{"a": 01}', 1, 8, false],
  ])('%j breaks at line %i, column %i', (text, line, column, atEnd) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toEqual({ line, column, atEnd });
  });

  it('agrees with JSON.parse: cutting a valid document anywhere is located at or before the cut', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, n) => {
        const cut = json.slice(0, n % (json.length + 1));
        let valid = true;
        try {
          JSON.parse(cut);
        } catch {
          valid = false;
        }
        fc.pre(!valid);
        const at = locateJsonSyntaxError(cut);
        const offset = cut.split('\n').slice(0, at.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + at.column - 1;
        expect(offset).toBeLessThanOrEqual(cut.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is iterative: 100,000 open brackets do not overflow the stack', () => {
    expect(locateJsonSyntaxError('['.repeat(100_000)).atEnd).toBe(true);
  });
});

describe('a template file that is not JSON', () => {
  it('is refused in Swedish with its place, never with the engine\'s English text', () => {
    const result = parseTemplateText('{"format": "granskningsmall/1",\n "name": fa]se}');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.issues[0].message;
    expect(message).toBe('Filen är inte giltig JSON (fel på rad 2, kolumn 10).');
  });
});
