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
});
