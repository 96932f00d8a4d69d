import { expect, type Locator, type Page } from '@playwright/test';

/**
 * One review, the inspector's workspace: "Framsteg" (progress per unit and "Fortsätt granska"),
 * or "Nästa steg" before a sample exists; "Urval" (the sample per unit); "Akter" (the case list).
 */
export class ReviewPage {
  constructor(readonly page: Page) {}

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  get status(): Locator {
    return this.page.locator('#app-status');
  }

  get progressSection(): Locator {
    return this.page.getByRole('region', { name: 'Framsteg', exact: true });
  }

  get nextStepsSection(): Locator {
    return this.page.getByRole('region', { name: 'Nästa steg', exact: true });
  }

  get casesSection(): Locator {
    return this.page.getByRole('region', { name: 'Akter', exact: true });
  }

  get samplingSection(): Locator {
    return this.page.getByRole('region', { name: 'Urval', exact: true });
  }

  /** "Fortsätt granska": a link to the next file not done. */
  get continueLink(): Locator {
    return this.page.getByRole('link', { name: 'Fortsätt granska', exact: true });
  }

  /** The cells of one unit's row (or "Totalt") in "Framsteg per enhet": I urvalet, Klara, Kvar, Bortfall. */
  unitProgress(unit: string): Locator {
    return this.progressSection.getByRole('table', { name: 'Framsteg per enhet' }).getByRole('row', { name: new RegExp(`^${unit}\\b`) }).getByRole('cell');
  }

  /** Opens the folded case list, if it is folded. */
  async openCaseList(): Promise<void> {
    const toggle = this.casesSection.getByRole('button', { name: 'Akt-listan', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
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

  /** The links into scoring of the files in the sample (not the dropped ones), unit by unit in seeded order. */
  sampledCaseLinks(): Locator {
    return this.samplingSection.getByRole('link', { name: /^Granska akt / });
  }
}
