import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the renderer for both faces: loaded from file:// by Electron and served by browser mode. */
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
