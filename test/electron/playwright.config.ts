import { defineConfig } from '@playwright/test';

/** The desktop shell itself, driven through Playwright's Electron support; skips without the binary. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron.json' }]],
  outputDir: '../../test-results/electron-artifacts',
});
