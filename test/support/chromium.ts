import type { LaunchOptions } from '@playwright/test';
import { findChromium } from '../../scripts/chromium.mjs';

/**
 * The browser the e2e tests drive: CHROMIUM_PATH, Debian's Chromium where it is installed (CI
 * installs it), or Playwright's own (scripts/chromium.mjs; `npm test` fetches it once where it can).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    // A CHROMIUM_PATH that does not exist is passed on, so Playwright names it instead of quietly using another browser.
    executablePath: process.env.CHROMIUM_PATH || findChromium()?.executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
