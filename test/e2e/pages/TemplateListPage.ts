import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The "Mallar" screen: the template table and its actions. */
export class TemplateListPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Mallar' });
  }

  get status(): Locator {
    return this.page.locator('#app-status');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mallar' }).click();
    await expect(this.heading).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async copy(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Skapa kopia av ${name}`, exact: true }).click();
  }

  async export(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Exportera ${name}`, exact: true }).click();
    return download;
  }

  /** Chooses a file in the import dialog: a path on disk or a named buffer. */
  async import(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Importera mall…' }).click();
    await (await chooser).setFiles(file);
  }

  importProblem(fileName: string): Locator {
    return this.page.getByRole('alert', { name: `${fileName} importerades inte` });
  }
}
