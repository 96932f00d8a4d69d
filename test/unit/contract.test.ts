import { describe, expect, it } from 'vitest';
import { assertUniqueNames, methodNames } from '../../shared/contract';
import { METHOD_NAMES } from '../../shared/contract/method-names';
import { allHandlers } from '../../main/core/core';

describe('the contract', () => {
  it('lists the same method names for the preload as the contract declares', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort());
  });

  it('has a handler for every method and refuses a name declared twice', () => {
    expect(Object.keys(allHandlers()).sort()).toEqual([...methodNames].sort());
    expect(() => assertUniqueNames([{ 'a.b': {} as never }, { 'a.b': {} as never }])).toThrow(/declared twice/);
  });
});
