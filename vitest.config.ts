import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Unit and integration tests run in Node; renderer tests in jsdom. Playwright suites are separate. */
export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['test/renderer/setup.ts'] },
      },
    ],
  },
});
