import { expect, type Locator, type Page } from '@playwright/test';

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

  note(id: string): Locator {
    return this.question(id).getByRole('textbox', { name: 'Anteckning' });
  }

  fileRef(id: string): Locator {
    return this.question(id).getByRole('textbox', { name: 'Var i akten' });
  }

  get fileProgress(): Locator {
    return this.page.locator('.scoring-progress .progress-item').first();
  }

  async expectFocused(id: string): Promise<void> {
    await expect(this.question(id)).toBeFocused();
  }
}
