import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, installPlaywrightChromium, INSTALL_ADVICE, type FoundChromium } from '../../scripts/chromium.mjs';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('a browser for the e2e tests on a first `npm test`', () => {
  it('uses CHROMIUM_PATH when it exists, and says so when it does not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-chromium-'));
    try {
      const binary = path.join(dir, 'chromium');
      fs.writeFileSync(binary, '');
      process.env.CHROMIUM_PATH = binary;
      expect(findChromium()).toEqual({ executablePath: binary, source: 'CHROMIUM_PATH' });

      process.env.CHROMIUM_PATH = path.join(dir, 'saknas');
      const lines: string[] = [];
      let installs = 0;
      expect(await ensureChromium({ log: (l) => lines.push(l), install: async () => (installs++, true) })).toBeUndefined();
      expect(installs).toBe(0);
      expect(lines).toEqual([`CHROMIUM_PATH pekar på ${path.join(dir, 'saknas')}, som inte finns. ${INSTALL_ADVICE}, eller rätta CHROMIUM_PATH.`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tries Playwright’s download once, and where that fails says in one line what to install', async () => {
    delete process.env.CHROMIUM_PATH;
    const lines: string[] = [];
    const attempts: number[] = [];
    const found = await ensureChromium({ log: (l) => lines.push(l), find: () => undefined, timeoutMs: 1234, install: async (t) => (attempts.push(t), false) });
    expect(found).toBeUndefined();
    expect(attempts).toEqual([1234]);
    expect(lines.at(-1)).toBe('Installera Chromium (t.ex. `sudo apt-get install chromium`) eller kör `npx playwright install chromium`; end-to-end-testerna hoppas över tills dess.');
  });

  it('uses the browser the download brought', async () => {
    delete process.env.CHROMIUM_PATH;
    let installed = false;
    const own: FoundChromium = { executablePath: undefined, source: 'playwright' };
    expect(await ensureChromium({ log: () => {}, find: () => (installed ? own : undefined), install: async () => (installed = true) })).toEqual(own);
  });

  it('never waits beyond its bound: a download still running then is killed and counts as failed', async () => {
    expect(await installPlaywrightChromium(1)).toBe(false);
  });
});
