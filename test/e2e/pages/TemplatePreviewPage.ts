import type { Locator, Page } from '@playwright/test';

/** "Förhandsvisning": the template as the reviewer meets it. */
export class TemplatePreviewPage {
  constructor(readonly page: Page) {}

  area(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Question texts of one area, in order. */
  async questionTexts(areaName: string): Promise<string[]> {
    return (await this.area(areaName).locator('.preview-question-text').allTextContents()).map((t) => t.replace(/^\d+\.\s*/, '').replace(/\s*\*\s*Obligatorisk$/, '').trim());
  }
}
