import { describe, expect, it } from 'vitest';
import { checkAnswerValue } from '../../shared/scoring/answer-value';
import type { Template } from '../../shared/templates/schema';
import { parseTemplate } from '../../shared/templates/validate';

function template(multiple: boolean): Template {
  return {
    format: 'granskningsmall/1',
    id: 'samverkan',
    name: 'Samverkan',
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'helhetssyn', name: 'Helhetssyn och samordning' }],
    scales: { standard: [{ id: 'ja', label: 'Ja' }, { id: 'nej', label: 'Nej' }] },
    questions: [
      {
        id: 'H3',
        area: 'helhetssyn',
        type: 'choice',
        multiple,
        text: 'Med vilka aktörer har behandlaren samverkat?',
        options: [
          { id: 'skola', label: 'Skola' },
          { id: 'bvc', label: 'BVC' },
          { id: 'ingen', label: 'Ingen samverkan framgår', exclusive: true },
        ],
      },
    ],
  };
}

describe('an exclusive option of a multiple choice', () => {
  it('is accepted by the template format in a multiple choice', () => {
    expect(parseTemplate(template(true)).ok).toBe(true);
  });

  it('is refused in a single choice, at its path, in Swedish', () => {
    const result = parseTemplate(template(false));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: '$.questions[0].options[2].exclusive',
      message: 'Alternativet "ingen" i frågan "H3" kan inte utesluta andra val: bara en fråga med flera svar kan ha uteslutande alternativ.',
    });
  });

  it('cannot be combined with another option in an answer; alone, or the others together, it can', () => {
    const t = template(true);
    const q = t.questions[0];
    expect(checkAnswerValue(t, q, ['skola', 'ingen'])).toEqual({ ok: false, message: 'Fråga H3: ”Ingen samverkan framgår” kan inte kombineras med andra alternativ.' });
    expect(checkAnswerValue(t, q, ['ingen'])).toEqual({ ok: true, stored: '["ingen"]' });
    expect(checkAnswerValue(t, q, ['bvc', 'skola'])).toEqual({ ok: true, stored: '["skola","bvc"]' });
  });
});
