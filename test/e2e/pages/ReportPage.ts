import type { Locator, Page } from '@playwright/test';

/** Tjänsteutlåtande: the status bar, the approvals, the two documents' tabs and editors, the appendices. */
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

  /** A Bilaga 1 chapter's text, by its heading. */
  chapterEditor(chapter: string): Locator {
    return this.page.getByRole('textbox', { name: `Text i Bilaga 1: ${chapter}`, exact: true });
  }

  /** The section's card (its list item, named by its heading). */
  section(title: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^\\d+\\. ${title}`) });
  }

  /** "Tjänsteutlåtande" or "Bilaga 1". */
  tab(name: 'Tjänsteutlåtande' | 'Bilaga 1'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A refused step: the summary at the top with each gap as a link to its place. */
  get problem(): Locator {
    return this.page.locator('#report-problem');
  }

  /** "Detta saknas": what is incomplete now. */
  get missing(): Locator {
    return this.page.getByRole('group', { name: /^Detta saknas/ });
  }

  /** The row of a role that must approve ("Avdelningschef", "Socialdirektör"): who approved and when, or "Väntar". */
  approvalRow(role: string): Locator {
    return this.page.getByRole('table', { name: 'Godkännanden' }).getByRole('row', { name: new RegExp(`^${role}`) });
  }

  /** Going on with an incomplete draft: "Gå vidare ändå…", the reason, then "Skicka ändå" / "Godkänn ändå". */
  async goOnAnyway(reason: string, confirm: 'Skicka ändå' | 'Godkänn ändå'): Promise<void> {
    await this.problem.getByRole('button', { name: 'Gå vidare ändå…' }).click();
    await this.page.getByRole('textbox', { name: 'Skäl att gå vidare ändå' }).fill(reason);
    await this.button(confirm).click();
  }

  get appendixTable(): Locator {
    return this.page.getByRole('table', { name: 'Bilagor till tjänsteutlåtandet' });
  }
}
