import { expect, expectAccessible, openLink, test } from './fixtures';
import { TemplateListPage } from './pages/TemplateListPage';

const BUNDLED = 'Öppenvård barn 0–12 år';

test('the printed link signs one tab in once: it survives a reload, leaves no token behind and is refused a second time', async ({ page, server, context }) => {
  const list = new TemplateListPage(page);

  // Open the link: the page trades the token, drops it from the address bar and shows data.
  await openLink(page, server);
  await expect(list.row(BUNDLED)).toContainText('Inbyggd');
  expect(page.url()).toBe(`${server.origin}/`);

  // Reload the same tab: still signed in, still no token in the address.
  await page.reload();
  await expect(list.row(BUNDLED)).toContainText('Inbyggd');
  expect(page.url()).toBe(`${server.origin}/`);

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
