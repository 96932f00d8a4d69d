import type { Locator, Page } from '@playwright/test';

/** Tjänsteutlåtande: the status bar, the sections' editors, the appendices. */
export class ReportPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "Utkast", "För godkännande", "Godkänt". */
  get status(): Locator {
    return this.page.getByTestId('report-status');
  }

  /** "Sparat", "Sparar…", "Inte sparat: …". */
  get saveState(): Locator {
    return this.page.getByTestId('report-save');
  }

  /** The editable text of a section, by its heading. */
  editor(section: string): Locator {
    return this.page.getByRole('textbox', { name: `Text: ${section}`, exact: true });
  }

  /** The section's card (its list item, named by its heading). */
  section(title: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^\\d+\\. ${title}`) });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get appendixTable(): Locator {
    return this.page.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' });
  }
}
