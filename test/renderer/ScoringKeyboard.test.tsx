import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { Template } from '../../shared/templates/schema';
import type { FakeReviewApi } from './fake-review-api';
import { freshReviewFake, statusText } from './review-helpers';

let fake: FakeReviewApi;

const question = (id: string) => document.querySelector<HTMLElement>(`[data-question-id="${id}"] > [role="group"]`)!;
const answerInput = (id: string) => document.getElementById(`answer-${id}`) as HTMLInputElement;
const saves = () => fake.callsOf('answers.save').map((c) => [c.input.questionId, c.input.value]);
/** A question's text: a click on it opens the question (only the current one shows its note fields). */
const questionText = (id: string) => within(question(id)).getByRole('heading', { level: 3 });

const COOPERATION = ['Förskola', 'Skola', 'BVC', 'BUP', 'Habilitering', 'Vårdcentral', 'Vuxenpsykiatri', 'Vuxenverksamhet', 'Polis', 'Annan aktör'];

/** Every question type in the order the bundled template mixes them. */
function mixedTemplate(): Template {
  return {
    format: 'granskningsmall/1',
    id: 'blandad',
    name: 'Blandad mall',
    version: 1,
    targetGroup: 'barn',
    areas: [{ id: 'omrade', name: 'Helhetssyn och samordning' }],
    scales: {
      standard: [
        { id: 'ja', label: 'Ja' },
        { id: 'delvis', label: 'Delvis' },
        { id: 'nej', label: 'Nej' },
        { id: 'framgar_ej', label: 'Framgår ej' },
        { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
      ],
    },
    questions: [
      { id: 'S1', area: 'omrade', type: 'scale', scale: 'standard', text: 'Finns ett beslut?', required: true },
      { id: 'M1', area: 'omrade', type: 'choice', text: 'Vilken metod?', options: [
        { id: 'fft', label: 'FFT' },
        { id: 'annan', label: 'Annan metod' },
        { id: 'framgar_ej', label: 'Framgår ej' },
      ] },
      { id: 'H3', area: 'omrade', type: 'choice', multiple: true, text: 'Med vilka aktörer?', options: [
        ...COOPERATION.map((label, i) => ({ id: `a${i + 1}`, label })),
        { id: 'ingen', label: 'Ingen samverkan framgår', exclusive: true },
      ] },
      { id: 'D1', area: 'omrade', type: 'date', text: 'Datum för beslut' },
      { id: 'D2', area: 'omrade', type: 'date', text: 'Datum för start' },
      { id: 'S2', area: 'omrade', type: 'scale', scale: 'standard', text: 'Startade insatsen i tid?' },
      { id: 'S3', area: 'omrade', type: 'scale', scale: 'standard', text: 'Anpassades tiderna?' },
      { id: 'N1', area: 'omrade', type: 'number', integer: true, min: 0, text: 'Antal träffar' },
      { id: 'S4', area: 'omrade', type: 'scale', scale: 'standard', text: 'Följdes insatsen upp?' },
    ],
  };
}

async function openCase(caseId = 'c-AKT-1') {
  window.location.hash = `#/granskningar/r1/akt/${caseId}`;
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: /^Akt / });
}

/** Focus a question by the keyboard, as the reviewer would reach it (arrows from where the file opened). */
async function goTo(id: string, from = 'S1') {
  const ids = mixedTemplate().questions.map((q) => q.id);
  await waitFor(() => expect(document.activeElement).toBe(question(from)));
  const user = userEvent.setup();
  for (let i = ids.indexOf(from); i < ids.indexOf(id); i++) {
    // A typed field takes ↓ as "save and go on"; a question box as "go on".
    await user.keyboard('{ArrowDown}');
  }
  const target = answerInput(id) ?? question(id);
  await waitFor(() => expect(document.activeElement).toBe(target));
  return user;
}

describe('one key per answer, for every question type', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(mixedTemplate());
    fake.addCase('r1', 'AKT-1');
    fake.addCase('r1', 'AKT-2');
  });

  it('a single choice is answered by one key, which also moves on', async () => {
    await openCase();
    const user = await goTo('M1');
    await user.keyboard('2');
    await waitFor(() => expect(document.activeElement).toBe(question('H3')));
    await waitFor(() => expect(saves()).toEqual([['M1', 'annan']]));
    expect((within(question('M1')).getByRole('radio', { name: /Annan metod/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('a multiple choice has a key for every option (letters after 9), shown on it; keys toggle and keep focus; Enter moves on', async () => {
    await openCase();
    const user = await goTo('H3');
    const box = question('H3');
    expect(within(box).getByRole('checkbox', { name: /Annan aktör/ }).closest('label')!.querySelector('kbd')!.textContent).toBe('A');
    expect(within(box).getByRole('checkbox', { name: /Ingen samverkan framgår/ }).closest('label')!.querySelector('kbd')!.textContent).toBe('B');
    await user.keyboard('1');
    await user.keyboard('a');
    expect(document.activeElement).toBe(box);
    await waitFor(() => expect(saves()).toEqual([['H3', ['a1']], ['H3', ['a1', 'a10']]]));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(answerInput('D1')));
  });

  it('the exclusive option clears the others and another option clears it — by key and by mouse', async () => {
    await openCase();
    const user = await goTo('H3');
    const box = question('H3');
    await user.keyboard('3');
    await user.keyboard('9');
    await user.keyboard('b'); // "Ingen samverkan framgår"
    await waitFor(() => expect(saves().at(-1)).toEqual(['H3', ['ingen']]));
    expect(within(box).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(1);
    expect(within(box).getByText('(utesluter andra val)')).toBeTruthy();
    await user.click(within(box).getByRole('checkbox', { name: /BVC/ }));
    await waitFor(() => expect(saves().at(-1)).toEqual(['H3', ['a3']]));
    expect((within(box).getByRole('checkbox', { name: /Ingen samverkan framgår/ }) as HTMLInputElement).checked).toBe(false);
    // Nothing the core would refuse was ever sent.
    expect(within(box).getByText('Sparat')).toBeTruthy();
  });

  it('dates: 20240312, 240312 and 2024-03-12 are accepted, and a complete date moves on by itself', async () => {
    await openCase();
    const user = await goTo('D1');
    await user.keyboard('20240312');
    await waitFor(() => expect(document.activeElement).toBe(answerInput('D2')));
    expect(answerInput('D1').value).toBe('2024-03-12');
    await user.keyboard('240401');
    await waitFor(() => expect(document.activeElement).toBe(question('S2')));
    expect(answerInput('D2').value).toBe('2024-04-01');
    await waitFor(() => expect(saves()).toEqual([['D1', '2024-03-12'], ['D2', '2024-04-01']]));
    // The ISO form, typed again over the first one, moves on as well.
    await user.click(answerInput('D1'));
    await user.clear(answerInput('D1'));
    await user.keyboard('2024-03-13');
    await waitFor(() => expect(document.activeElement).toBe(answerInput('D2')));
    await waitFor(() => expect(saves().at(-1)).toEqual(['D1', '2024-03-13']));
  });

  it('a six-digit date that could begin an eight-digit one waits for Enter; an unreal date is refused in place', async () => {
    await openCase();
    const user = await goTo('D1');
    await user.keyboard('200312');
    expect(document.activeElement).toBe(answerInput('D1'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(answerInput('D2')));
    expect(answerInput('D1').value).toBe('2020-03-12');
    await user.keyboard('20250230{Enter}');
    expect(document.activeElement).toBe(answerInput('D2'));
    expect(screen.getByText(/Ange ett verkligt datum/)).toBeTruthy();
    expect(saves()).toEqual([['D1', '2020-03-12']]);
  });

  it('a number is digits and Enter', async () => {
    await openCase();
    const user = await goTo('N1');
    await user.keyboard('12{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(question('S4')));
    await waitFor(() => expect(saves()).toEqual([['N1', 12]]));
  });

  it('digits typed one question too early answer that question only; the rest go into the field it moves to', async () => {
    await openCase();
    const user = await goTo('S3');
    // Meant for "Antal träffar" (N1), typed while "Anpassades tiderna?" (S3) still has focus.
    await user.keyboard('12');
    await waitFor(() => expect(document.activeElement).toBe(answerInput('N1')));
    expect(answerInput('N1').value).toBe('2');
    await waitFor(() => expect(saves()).toEqual([['S3', 'ja']]));
    expect(within(question('S4')).getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('digits typed into the note of a question that was not current go into the note (focus is not taken back to the question)', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('S1')));
    const user = userEvent.setup();
    await user.click(questionText('S3'));
    const note = within(question('S3')).getByRole('textbox', { name: 'Anteckning' });
    await user.click(note);
    await user.keyboard('12 träffar');
    expect((note as HTMLTextAreaElement).value).toBe('12 träffar');
    await user.tab();
    await waitFor(() => expect(saves()).toEqual([['S3', null]]));
    expect(fake.callsOf('answers.save')[0].input.note).toBe('12 träffar');
  });

  it('a key typed into a note or an answer field never answers a question', async () => {
    await openCase();
    const user = await goTo('S2');
    await user.tab();
    expect(document.activeElement).toBe(within(question('S2')).getByRole('textbox', { name: 'Anteckning' }));
    await user.keyboard('1 2 j d');
    await user.click(answerInput('D1'));
    await user.keyboard('12');
    expect(answerInput('D1').value).toBe('12');
    expect(saves().filter(([q]) => q !== 'S2')).toEqual([]);
    expect(fake.callsOf('answers.save').every((c) => c.input.value === null)).toBe(true);
  });

  it('clicking into another question keeps focus where it was clicked (no focus or scroll taken back)', async () => {
    await openCase();
    await waitFor(() => expect(document.activeElement).toBe(question('S1')));
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const user = userEvent.setup();
      await user.click(questionText('S3'));
      expect(question('S3').getAttribute('aria-current')).toBe('step');
      const note = within(question('S3')).getByRole('textbox', { name: 'Anteckning' });
      await user.click(note);
      expect(document.activeElement).toBe(note);
      expect(question('S3').getAttribute('aria-current')).toBe('step');
      await user.click(questionText('D1'));
      expect(document.activeElement).not.toBe(answerInput('D1'));
      await user.click(within(question('D1')).getByText('Historik'));
      expect(document.activeElement).not.toBe(answerInput('D1'));
      expect(scrolled).toEqual([]);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('a held key answers one question, not the ones after it', async () => {
    await openCase();
    const user = await goTo('S2');
    await user.keyboard('{1>3/}'); // pressed, repeated twice by the keyboard, released
    await waitFor(() => expect(document.activeElement).toBe(question('S3')));
    await waitFor(() => expect(saves()).toEqual([['S2', 'ja']]));
  });

  it('after the last question focus lands on "Klar – nästa akt" with what is answered and missing; the next file is announced', async () => {
    await openCase();
    const user = await goTo('S4');
    await user.keyboard('n');
    const finish = screen.getByRole('button', { name: /Klar – nästa akt/ });
    await waitFor(() => expect(document.activeElement).toBe(finish));
    const summary = document.getElementById(finish.getAttribute('aria-describedby')!)!;
    await waitFor(() => expect(summary.textContent).toBe('1 av 9 frågor besvarade · 1 obligatorisk fråga saknar svar.'));
    await user.keyboard('{ArrowUp}'); // the button ignores arrows: S4 stays answered
    expect(saves()).toEqual([['S4', 'nej']]);
  });
});

describe('moving on to the next file', () => {
  beforeEach(() => {
    fake = freshReviewFake();
    fake.addReview(mixedTemplate());
    fake.addCase('r1', 'AKT-1');
    fake.addCase('r1', 'AKT-2');
  });

  it('Enter on "Klar – nästa akt" opens the next file, its heading in view, and says so', async () => {
    fake.setAnswer('c-AKT-1', 'S1', 'ja');
    await openCase();
    const user = await goTo('S4', 'M1'); // the file opens at its first unanswered question
    await user.keyboard('j');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /Klar – nästa akt/ })));
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await user.keyboard('{Enter}');
      const heading = await screen.findByRole('heading', { level: 1, name: 'Akt AKT-2' });
      await waitFor(() => expect(scrolled).toContain(heading));
    } finally {
      Element.prototype.scrollIntoView = original;
    }
    expect(fake.callsOf('cases.setDone')[0].input).toEqual({ reviewId: 'r1', caseId: 'c-AKT-1', done: true });
    await waitFor(() => expect(statusText()).toBe('Akt AKT-1 är klar. Akt AKT-2 öppnad: 0 av 9 frågor besvarade.'));
    await waitFor(() => expect(document.activeElement).toBe(question('S1')));
  });
});
