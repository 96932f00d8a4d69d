import { expect, type Locator, type Page } from '@playwright/test';

/** One review: "Akter" (import a case list) and "Urval" (draw the sample). */
export class ReviewPage {
  constructor(readonly page: Page) {}

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  get status(): Locator {
    return this.page.locator('#app-status');
  }

  get casesSection(): Locator {
    return this.page.getByRole('region', { name: 'Akter', exact: true });
  }

  get samplingSection(): Locator {
    return this.page.getByRole('region', { name: 'Urval', exact: true });
  }

  /** Picks a case list in the file dialog; the preview (dry run) opens. */
  async pickCaseList(file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Importera akt-lista…' }).click();
    await (await chooser).setFiles(file);
    const preview = this.page.getByRole('region', { name: `Förhandsgranskning: ${file.name}` });
    await expect(preview).toBeVisible();
    return preview;
  }

  async drawPerUnit(n: number, seed: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Dra urval' });
    await form.getByRole('radio', { name: 'Lika många per enhet' }).check();
    await form.getByRole('textbox', { name: 'Antal per enhet' }).fill(String(n));
    await form.getByRole('textbox', { name: 'Frö' }).fill(seed);
    await form.getByRole('button', { name: 'Dra urval' }).click();
    await expect(this.page.getByTestId('sample-seed')).toHaveText(seed);
  }

  /** The links into scoring, in the sample's order. */
  sampledCaseLinks(): Locator {
    return this.samplingSection.getByRole('link', { name: /^Granska akt / });
  }
}
