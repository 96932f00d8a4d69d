import type { Page } from '@playwright/test';
import { E2E_PROFILE, expect, expectAccessible, openLink, saveProfile, test } from './fixtures';
import { TemplateListPage } from './pages/TemplateListPage';

const BUNDLED = 'Öppenvård barn 0–12 år';
const firstStart = (page: Page) => page.getByRole('heading', { level: 1, name: 'Välkommen till Granskningsbänken' });

test('the printed link signs one tab in once: it survives a reload, leaves no token behind and is refused a second time', async ({ page, server, context }) => {
  const list = new TemplateListPage(page);

  // Open the link: the page trades the token, drops it from the address bar and shows data
  // (on a fresh workbench the first-start prompt, which the profile read through the API decides).
  await openLink(page, server);
  await expect(firstStart(page)).toBeVisible();
  expect(page.url()).toBe(`${server.origin}/`);

  // Reload the same tab: still signed in, still no token in the address.
  await page.reload();
  await expect(firstStart(page)).toBeVisible();
  expect(page.url()).toBe(`${server.origin}/`);
  // Once someone has said who works here, a reload opens the workbench itself, its data read with the same session.
  await saveProfile(page, server, E2E_PROFILE);
  await page.reload();
  await list.open();
  await expect(list.row(BUNDLED)).toContainText('Inbyggd');

  // No cookie anywhere: the browser would send one to every port on 127.0.0.1.
  expect(await context.cookies()).toEqual([]);

  // The same link in a new tab is spent: refused with a Swedish explanation, and no data shown.
  const second = await context.newPage();
  await second.goto(server.url);
  await expect(second.getByRole('alert')).toContainText('Länken har redan använts');
  await expect(second.getByRole('alert')).toContainText('npm run serve');
  await expect(new TemplateListPage(second).heading).toHaveCount(0);
  expect(second.url()).toBe(`${server.origin}/`);
  await expectAccessible(second);

  // The bare address in a new tab says the link was used elsewhere.
  const third = await context.newPage();
  await third.goto(`${server.origin}/`);
  await expect(third.getByRole('alert')).toContainText('redan använts i en annan flik');

  // A tab that was signed in by the link and then lost its sessionStorage is told exactly that.
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Den här fliken öppnades med länken, men webbläsaren har tappat flikens inloggning');
});
