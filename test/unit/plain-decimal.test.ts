import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswerValue, MAX_NUMBER_ANSWER, readAnswerValue } from '../../shared/scoring/answer-value';
import { findIdentityNumbersInNumber } from '../../shared/identity/pii-guard';
import { plainDecimal } from '../../shared/util/plain-decimal';
import { miniTemplate } from '../support/template-fixtures';

const RUNS = 5000;
const template = miniTemplate({ questions: [{ id: 'N1', area: 'trygghet', type: 'number', text: 'Ett tal' }] });
const question = template.questions[0];

describe('plainDecimal', () => {
  it.each([
    [1e23, '100000000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [1.2345e21, '1234500000000000000000'],
    [123.456, '123.456'],
    [-0, '0'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('%s → %s', (n, text) => {
    expect(plainDecimal(n)).toBe(text);
  });

  it(`reads back as the very same number and never has an exponent (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainDecimal(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Object.is(Number(text), n) || (n === 0 && Number(text) === 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('number answers', () => {
  it(`every valid number is stored as text the importer reads back to the same number (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.double({ min: -MAX_NUMBER_ANSWER, max: MAX_NUMBER_ANSWER, noNaN: true }), (n) => {
        fc.pre(findIdentityNumbersInNumber(n).length === 0);
        const saved = checkAnswerValue(template, question, n);
        if (!saved.ok) throw new Error(saved.message);
        // The export writes the stored text; the importer gets it back as a cell.
        const imported = checkAnswerValue(template, question, saved.stored!);
        expect(imported).toEqual(saved);
        expect(readAnswerValue(question, saved.stored)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses numbers beyond the cap and numbers that spell an identity number, in any typed form', () => {
    expect(checkAnswerValue(template, question, 1e15)).toMatchObject({ ok: false, message: expect.stringMatching(/högst/) });
    expect(checkAnswerValue(template, question, MAX_NUMBER_ANSWER)).toEqual({ ok: true, stored: '999999999999999' });
    // The published test number 20170101-2393, with and without its century; the ten-digit forms are derived.
    const ten = '201701012393'.slice(2);
    for (const typed of [201701012393, Number(ten), Number(ten) + 0.5, '0201701012393', `${ten},0`]) {
      expect(checkAnswerValue(template, question, typed)).toMatchObject({ ok: false, message: expect.stringMatching(/ser ut som ett personnummer/) });
    }
  });
});
