import { expect, type Locator, type Page } from '@playwright/test';

/** The template editor: areas with their question cards. */
export class TemplateEditorPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.locator('#app-status');
  }

  async heading(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** Every change is saved by itself; this waits until the last one has been confirmed. */
  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveText(/^Sparat/);
  }

  area(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^\\d+\\. ${name}$`) });
  }

  /** The button that opens a question (also its handle for Alt+Arrow moves). */
  toggle(id: string): Locator {
    return this.page.locator('.question-toggle').filter({ has: this.page.locator('.q-id', { hasText: new RegExp(`^${id}$`) }) });
  }

  question(id: string): Locator {
    return this.page.locator('li.question-card').filter({ has: this.toggle(id) });
  }

  async openQuestion(id: string): Promise<Locator> {
    const toggle = this.toggle(id);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.question(id);
  }

  /** Question ids in one area, top to bottom. */
  async questionIds(areaName: string): Promise<string[]> {
    return this.area(areaName).locator('.question-toggle .q-id').allTextContents();
  }

  async addQuestion(areaName: string, typeLabel: string): Promise<void> {
    const area = this.area(areaName);
    await area.getByRole('combobox', { name: 'Typ av ny fråga' }).selectOption({ label: typeLabel });
    await area.getByRole('button', { name: `Lägg till fråga i ${areaName}` }).click();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
