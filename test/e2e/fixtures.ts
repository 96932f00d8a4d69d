import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SESSION_STORAGE_KEY } from '../../renderer/src/api/browser-session';
import { startServerProcess, type ServerHandle } from '../support/server-process';

/** Who works at the test workbench: saved by the `app` fixture, so the first-start prompt is behind it. */
export const E2E_PROFILE = { name: 'Eva Testgranskare', title: 'Socialtjänstinspektör', role: 'granskare' } as const;

/**
 * Each test gets its own browser-mode server on a fresh database, and `app` is a tab signed in the way
 * a person does it: by opening the printed one-time link, which the page trades for its session.
 * `app` has also been through the first start (a profile saved, the page reloaded); a test of the
 * first start itself uses `page` with openLink.
 */
export const test = base.extend<{ server: ServerHandle; app: Page }>({
  server: async ({}, use) => {
    const server = await startServerProcess();
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await openLink(page, server);
    await saveProfile(page, server, E2E_PROFILE);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
    await use(page);
  },
});

/** Calls the API beside the page, as the page does (with the tab's session token), and returns the value. */
export async function callApi<T = unknown>(page: Page, server: ServerHandle, method: string, data: unknown): Promise<T> {
  const response = await page.request.post(`${server.origin}/api/${method}`, { data, headers: await sessionHeaders(page) });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Saves the workbench's profile through the API, as the first-start prompt does. */
export async function saveProfile(page: Page, server: ServerHandle, profile: { name: string; title: string; role: string }): Promise<void> {
  await callApi(page, server, 'profile.save', profile);
}

export { expect };

/** Opens the printed link and waits until the page has traded it (the token is gone from the address). */
export async function openLink(page: Page, server: ServerHandle): Promise<void> {
  await page.goto(server.url);
  await page.waitForURL((url) => !url.hash.startsWith('#t='));
}

/**
 * Headers for calling the API beside the page (page.request), as the page does: the tab's session
 * token as a bearer header. Browser mode has no cookie to share.
 */
export async function sessionHeaders(page: Page): Promise<Record<string, string>> {
  const token = await page.evaluate((key) => window.sessionStorage.getItem(key), SESSION_STORAGE_KEY);
  if (!token) throw new Error('the page has no browser-mode session');
  return { Authorization: `Bearer ${token}` };
}

/** Fails on serious or critical accessibility violations (axe-core), listing them readably. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
