import { expect, expectAccessible, openLink, sessionHeaders, test } from './fixtures';

const EXAMPLE = 'Exempelgranskning: öppenvård barn 0–12 år';

// A fresh workbench as a new inspector meets it: `page`, not `app`, so no profile is saved beforehand.
test('first start asks who is working, opens on Granskningar with "Kom igång", records the name, and the example review can be opened and deleted', async ({ page, server }) => {
  await openLink(page, server);

  // 1. The profile prompt comes before anything else.
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Granskningsbänken' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: /^Namn/ }).fill('Karin Lind');
  await page.getByRole('textbox', { name: 'Titel' }).fill('Socialtjänstinspektör');
  await page.getByRole('radio', { name: 'Granskare' }).check();
  await page.getByRole('button', { name: 'Spara och börja' }).click();

  // 2. Then Granskningar, with the steps first and who is working in the header.
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningar' })).toBeVisible();
  const gettingStarted = page.getByRole('region', { name: 'Kom igång' });
  await expect(gettingStarted.getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('banner').getByRole('link', { name: /Karin Lind\s*Granskare/ })).toBeVisible();
  await expectAccessible(page);

  // 3. A review created in the UI is "Skapad av" the profile's name (the server sets no actor of its own).
  await page.getByRole('button', { name: 'Ny granskning' }).click();
  const form = page.getByRole('form', { name: 'Skapa granskning' });
  await form.getByRole('textbox', { name: /Titel/ }).fill('Öppenvård barn 2026');
  await form.getByRole('textbox', { name: 'Dnr' }).fill('SOF 2026/12');
  await form.getByRole('button', { name: 'Skapa granskning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öppenvård barn 2026' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningar' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Öppenvård barn 2026' }) });
  await expect(row.getByRole('cell', { name: 'Karin Lind', exact: true })).toBeVisible();
  const listed = await page.request.post(`${server.origin}/api/reviews.list`, { data: {}, headers: await sessionHeaders(page) });
  expect(((await listed.json()) as { value: { reviews: { createdBy: string }[] } }).value.reviews.map((r) => r.createdBy)).toEqual(['Karin Lind']);

  // 4. The example review: created from "Kom igång" (folded now that a review exists), opened, deleted after confirming.
  await page.getByText('Kom igång', { exact: true }).click();
  await page.getByRole('button', { name: 'Skapa exempelgranskning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE })).toBeVisible();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningar' }).click();
  await expect(page.getByRole('rowheader', { name: new RegExp(`^${EXAMPLE}`) })).toContainText('Exempel');
  await page.getByRole('button', { name: `Ta bort ${EXAMPLE}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Ta bort exempelgranskningen "${EXAMPLE}"?` });
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await expect(page.locator('#app-status')).toHaveText(`Granskningen "${EXAMPLE}" togs bort.`);
  await expect(page.getByRole('rowheader', { name: new RegExp(`^${EXAMPLE}`) })).toHaveCount(0);
  // A review with recorded work offers no delete; this one has none, so it may go too.
  await expect(page.getByRole('button', { name: 'Ta bort Öppenvård barn 2026' })).toBeVisible();

  // 5. The profile can be changed under Inställningar.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inställningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Namn/ })).toHaveValue('Karin Lind');
  await expectAccessible(page);
});
