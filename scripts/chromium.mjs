// Which Chromium the end-to-end tests drive, and getting one on a developer's first `npm test`.
// Order: CHROMIUM_PATH; Debian's /usr/bin/chromium (CI installs it); Playwright's own browser if it
// is already downloaded; otherwise one attempt at Playwright's download, bounded in time, so a
// machine without network access learns in one line what to install instead of failing the suite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, env } from './lib.mjs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Swedish line printed where no browser can be had. */
export const INSTALL_ADVICE = 'Installera Chromium (t.ex. `sudo apt-get install chromium`) eller kör `npx playwright install chromium`';

/** Where Playwright keeps its own Chromium, whether or not it has been downloaded. */
function playwrightChromiumPath() {
  try {
    const { chromium } = createRequire(import.meta.url)('@playwright/test');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * The browser the e2e tests can use, or undefined. `executablePath` is undefined for Playwright's
 * own browser (Playwright finds it itself); `source` says where it came from.
 */
export function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? { executablePath: configured, source: 'CHROMIUM_PATH' } : undefined;
  if (fs.existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  const own = playwrightChromiumPath();
  if (own && fs.existsSync(own)) return { executablePath: undefined, source: 'playwright' };
  return undefined;
}

/** Bounds for the one download attempt: a dead network fails at the connection timeout, a slow one at the total. */
const DOWNLOAD_CONNECTION_TIMEOUT_MS = 20_000;
const DOWNLOAD_TOTAL_TIMEOUT_MS = 10 * 60_000;

/** Runs `playwright install chromium` once, killed (with its download helper) if it outlasts the bound. */
export function installPlaywrightChromium(timeoutMs) {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((resolve) => {
    const posix = process.platform !== 'win32';
    const child = spawn(process.execPath, [cli, 'install', 'chromium'], {
      cwd: ROOT,
      stdio: 'inherit',
      // Its own process group on POSIX, so the download helper it starts goes down with it.
      detached: posix,
      env: env({ PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(DOWNLOAD_CONNECTION_TIMEOUT_MS) }),
    });
    const timer = setTimeout(() => {
      try {
        if (posix) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/**
 * A browser for the e2e tests: one that is there, or Playwright's download tried once.
 * Returns undefined (after printing what to install) where none can be had.
 */
export async function ensureChromium({ log = console.log, timeoutMs = DOWNLOAD_TOTAL_TIMEOUT_MS, install = installPlaywrightChromium, find = findChromium } = {}) {
  const found = find();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    log(`CHROMIUM_PATH pekar på ${process.env.CHROMIUM_PATH}, som inte finns. ${INSTALL_ADVICE}, eller rätta CHROMIUM_PATH.`);
    return undefined;
  }
  log('Ingen Chromium hittades för end-to-end-testerna; försöker hämta Playwrights egen (npx playwright install chromium) …');
  await install(timeoutMs);
  const installed = find();
  if (installed) return installed;
  log(`${INSTALL_ADVICE}; end-to-end-testerna hoppas över tills dess.`);
  return undefined;
}
