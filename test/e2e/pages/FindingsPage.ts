import type { Locator, Page } from '@playwright/test';

/** Fynd och dialogmöten: the findings per quality area with the meetings' notes beside them, and the meetings. */
export class FindingsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "3 fynd i granskningen." / "1 fynd med det urvalet (av 3)." */
  get count(): Locator {
    return this.page.getByTestId('findings-count');
  }

  filter(label: 'Kvalitetsområde' | 'Enhet'): Locator {
    return this.page.getByRole('search', { name: 'Urval av fynd' }).getByRole('combobox', { name: label, exact: true });
  }

  get search(): Locator {
    return this.page.getByRole('search', { name: 'Urval av fynd' }).getByRole('textbox', { name: 'Sök' });
  }

  /** One quality area's section. */
  area(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The findings of an area, one list item each. */
  findings(area: string): Locator {
    return this.area(area).getByRole('list', { name: `Fynd för ${area}` }).getByRole('listitem');
  }

  /** What the dialogue meetings noted for an area, beside its findings. */
  dialogueNotes(area: string): Locator {
    return this.area(area).getByRole('group', { name: 'Från dialogmötena' });
  }

  get dialogueSection(): Locator {
    return this.page.getByRole('region', { name: 'Dialogmöten', exact: true });
  }

  get meetingForm(): Locator {
    return this.page.locator('form.dialogue-form');
  }
}
