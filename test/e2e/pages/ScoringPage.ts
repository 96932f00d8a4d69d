import { expect, type Locator, type Page } from '@playwright/test';
import type { Question } from '../../../shared/templates/schema';

/** "Aktgranskning": one case file scored question by question. */
export class ScoringPage {
  constructor(readonly page: Page) {}

  heading(ref: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Akt ${ref}` });
  }

  /** The focusable box of a question, which takes the answer keys. */
  question(id: string): Locator {
    return this.page.locator(`[data-question-id="${id}"] > [role="group"]`);
  }

  saveStatus(id: string): Locator {
    return this.page.locator(`[data-question-id="${id}"] .save-status`);
  }

  pressed(id: string): Locator {
    return this.question(id).locator('.scoring-scale button[aria-pressed="true"]');
  }

  /** Only the current question shows its note fields, Lagrum and Historik: a click on its text opens it, as a reviewer would. */
  async open(id: string): Promise<void> {
    await this.question(id).locator('.scoring-question-text').click();
    await expect(this.question(id)).toHaveAttribute('aria-current', 'step');
  }

  /** The one-line note summary of a question that is not current. */
  summary(id: string): Locator {
    return this.question(id).locator('.scoring-question-summary');
  }

  note(id: string): Locator {
    return this.question(id).getByRole('textbox', { name: 'Anteckning' });
  }

  fileRef(id: string): Locator {
    return this.question(id).getByRole('textbox', { name: 'Var i akten' });
  }

  /** "Fynd för <område>" beside the note of the current question. */
  finding(id: string, area: string): Locator {
    return this.question(id).getByRole('checkbox', { name: `Fynd för ${area}` });
  }

  get fileProgress(): Locator {
    return this.page.locator('.scoring-progress .progress-item').first();
  }

  /** The field of a date or number question, which takes focus when the question is reached. */
  answerInput(id: string): Locator {
    return this.page.locator(`#answer-${id}`);
  }

  get finishButton(): Locator {
    return this.page.getByRole('button', { name: /^Klar – nästa akt/ });
  }

  /** What is answered and what is missing, read out with "Klar – nästa akt". */
  get finishSummary(): Locator {
    return this.page.locator('#finish-summary');
  }

  /** The read-only banner of a file that cannot be scored. */
  get readOnlyBanner(): Locator {
    return this.page.getByRole('note', { name: 'Akten kan inte granskas' });
  }

  async expectFocused(id: string): Promise<void> {
    await expect(this.question(id)).toBeFocused();
  }

  /** Focus is on the question, or on its field when it is answered by typing. */
  async expectAt(question: Question): Promise<void> {
    if (question.type === 'date' || question.type === 'number') await expect(this.answerInput(question.id)).toBeFocused();
    else if (question.type === 'text') await expect(this.question(question.id).getByRole('textbox', { name: 'Svar' })).toBeFocused();
    else await this.expectFocused(question.id);
  }
}
