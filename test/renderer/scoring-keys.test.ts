import { describe, expect, it } from 'vitest';
import { choiceKeys, optionForKey, scaleKeys, stepForKey, toggledChoice } from '../../renderer/src/screens/scoring/keys';
import { STANDARD_SCALE } from '../../shared/templates/defaults';

describe('scoring keys', () => {
  it('gives the default scale J, D, N, F, E and the digits 1–5 in order', () => {
    expect(scaleKeys(STANDARD_SCALE)).toEqual([
      { stepId: 'ja', keys: ['j', '1'] },
      { stepId: 'delvis', keys: ['d', '2'] },
      { stepId: 'nej', keys: ['n', '3'] },
      { stepId: 'framgar_ej', keys: ['f', '4'] },
      { stepId: 'ej_tillampligt', keys: ['e', '5'] },
    ]);
    expect(stepForKey(STANDARD_SCALE, 'J')).toBe('ja');
    expect(stepForKey(STANDARD_SCALE, '4')).toBe('framgar_ej');
    expect(stepForKey(STANDARD_SCALE, 'g')).toBeUndefined();
  });

  it('uses a key set by the template, and never gives its letter to another step by default', () => {
    const steps = [
      { id: 'ja', label: 'Ja', key: 'y' },
      { id: 'nej', label: 'Nej', key: 'j' },
    ];
    expect(stepForKey(steps, 'y')).toBe('ja');
    expect(stepForKey(steps, 'j')).toBe('nej');
    expect(stepForKey(steps, '2')).toBe('nej');
  });

  it('digits pick options; multiple choice toggles in template order', () => {
    const q = { id: 'K', area: 'a', type: 'choice' as const, text: 'Metod?', multiple: true, options: [
      { id: 'fft', label: 'FFT' },
      { id: 'annan', label: 'Annan', key: 'x' },
    ] };
    expect(choiceKeys(q.options)).toEqual([
      { optionId: 'fft', keys: ['1'] },
      { optionId: 'annan', keys: ['x', '2'] },
    ]);
    expect(optionForKey(q.options, 'X')).toBe('annan');
    expect(toggledChoice(q, ['annan'], 'fft')).toEqual(['fft', 'annan']);
    expect(toggledChoice(q, ['fft', 'annan'], 'fft')).toEqual(['annan']);
    expect(toggledChoice({ ...q, multiple: false }, 'fft', 'annan')).toBe('annan');
  });

  it('gives every option of a long multiple choice a key: digits 1–9, then letters without g and without keys the template set', () => {
    const options = Array.from({ length: 12 }, (_, i) => ({ id: `o${i + 1}`, label: `Alternativ ${i + 1}`, ...(i === 0 ? { key: 'a' } : {}) }));
    const keys = choiceKeys(options).map((o) => o.keys);
    expect(keys.slice(0, 9)).toEqual([['a', '1'], ['2'], ['3'], ['4'], ['5'], ['6'], ['7'], ['8'], ['9']]);
    // "a" is option 1's own key, so the letters start at b.
    expect(keys.slice(9)).toEqual([['b'], ['c'], ['d']]);
    expect(optionForKey(options, 'B')).toBe('o10');
    expect(optionForKey(options, 'a')).toBe('o1');
    const many = Array.from({ length: 16 }, (_, i) => ({ id: `o${i + 1}`, label: `Alternativ ${i + 1}` }));
    expect(choiceKeys(many).slice(9).map((o) => o.keys[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'h']);
    expect(optionForKey(many, 'g')).toBeUndefined();
  });

  it('an exclusive option clears the others when chosen, and choosing another clears it', () => {
    const q = { id: 'H3', area: 'a', type: 'choice' as const, text: 'Samverkan?', multiple: true, options: [
      { id: 'skola', label: 'Skola' },
      { id: 'bvc', label: 'BVC' },
      { id: 'ingen', label: 'Ingen samverkan framgår', exclusive: true },
    ] };
    expect(toggledChoice(q, ['skola', 'bvc'], 'ingen')).toEqual(['ingen']);
    expect(toggledChoice(q, ['ingen'], 'bvc')).toEqual(['bvc']);
    expect(toggledChoice(q, ['ingen'], 'ingen')).toEqual([]);
    expect(toggledChoice(q, ['bvc'], 'skola')).toEqual(['skola', 'bvc']);
  });
});
