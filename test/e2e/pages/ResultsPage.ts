import type { Locator, Page } from '@playwright/test';

/** Resultat: the mode marker and switch, the basis line, filters, and one card per question. */
export class ResultsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "Internt – …" or "Publicerad version – …", with the switch. */
  get mode(): Locator {
    return this.page.getByTestId('results-mode');
  }

  get publishedSwitch(): Locator {
    return this.page.getByRole('switch', { name: 'Visa publicerad version' });
  }

  /** "Underlag: 24 akter (flickor 12, pojkar 12), varav 2 klara" */
  get basis(): Locator {
    return this.page.getByTestId('results-basis');
  }

  /** A filter or "Dela upp efter" by its label. */
  filter(label: string): Locator {
    return this.page.getByRole('form', { name: 'Filter och uppdelning' }).getByRole('combobox', { name: label, exact: true });
  }

  /** The card of question `number` (as the template numbers it). */
  question(number: number): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^${number}\\. `) });
  }

  /** The count cells of one answer's row in a question's answer × sex table: flickor, pojkar, (okänt,) totalt. */
  answerRow(number: number, answer: string): Locator {
    return this.question(number)
      .getByRole('table', { name: `Svar per kön, fråga ${number}` })
      .getByRole('row', { name: new RegExp(`^${answer}\\b`) })
      .getByRole('cell');
  }

  chart(number: number): Locator {
    return this.question(number).getByRole('img', { name: /^Andel ja per kön/ });
  }

  /** The files behind a count (internal view). */
  get casesPanel(): Locator {
    return this.page.getByRole('region', { name: /^Akterna bakom/ });
  }
}
