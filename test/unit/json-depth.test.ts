import { describe, expect, it } from 'vitest';
import { jsonTextTooDeep, MAX_JSON_DEPTH, valueTooDeep } from '../../shared/validation/json-depth';

const nested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`;

describe('JSON depth checks (iterative, safe on any input)', () => {
  it(`allows ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 2}, in text and in parsed values`, () => {
    expect(jsonTextTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTextTooDeep(nested(MAX_JSON_DEPTH + 2))).toBe(true);
    expect(valueTooDeep(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(valueTooDeep(JSON.parse(nested(MAX_JSON_DEPTH + 2)))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = `{"a":"${'[{'.repeat(500)}\\"${'[{'.repeat(500)}","b":[1]}`;
    expect(jsonTextTooDeep(text)).toBe(false);
  });

  it('handles a million levels and cycles without recursion', () => {
    expect(jsonTextTooDeep('['.repeat(1_000_000))).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(valueTooDeep(deep)).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    expect(valueTooDeep(cyclic)).toBe(true);
    expect(valueTooDeep('text')).toBe(false);
  });
});
