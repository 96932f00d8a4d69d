import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startServerProcess, type ServerHandle } from '../support/server-process';

/** Each test gets its own browser-mode server on a fresh database, already signed in with the token. */
export const test = base.extend<{ server: ServerHandle; app: Page }>({
  server: async ({}, use) => {
    const server = await startServerProcess();
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await use(page);
  },
});

export { expect };

/** Fails on serious or critical accessibility violations (axe-core), listing them readably. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
