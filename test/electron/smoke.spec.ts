import { test, expect, _electron as electron } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary, ROOT } from '../../scripts/lib.mjs';

const binary = findElectronBinary();

test.describe('desktop shell', () => {
  test.skip(!binary, 'Ingen Electron-binär på den här datorn (den kan inte laddas ned här); röktestet körs där Electron finns.');

  test('opens the window with a sandboxed renderer and lists the bundled templates over IPC', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      env: { ...process.env, GRANSKA_DB: path.join(dataDir, 'smoke.sqlite') },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
      // The page has the narrow bridge and no Node.
      expect(await window.evaluate(() => typeof (window as unknown as { bridge?: unknown }).bridge)).toBe('object');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      await expect(window.getByText('Öppenvård barn 0–12 år').first()).toBeVisible();
      // Served from the app's own scheme, so the CSP's 'self' is the app and not the whole disk.
      expect(await window.evaluate(() => location.href)).toMatch(/^granska:\/\/app\/index\.html/);
      expect(await window.evaluate(() => fetch('file:///etc/hostname').then(() => 'read', () => 'refused'))).toBe('refused');
      expect(await window.evaluate(() => fetch('granska://app/../electron/main.cjs').then((r) => r.status, () => 'refused'))).not.toBe(200);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
