import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer for both faces: served from granska://app/ by Electron and over HTTP by browser mode (relative asset paths work for both). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
