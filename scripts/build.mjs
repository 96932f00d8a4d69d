// Builds everything the desktop app and browser mode load: the renderer (vite) and the Electron
// main process and preload (esbuild, one CommonJS bundle each; the sandboxed preload must be one file).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, run } from './lib.mjs';

export async function buildAll({ quiet = false } = {}) {
  const code = run('vite', ['build', '--logLevel', quiet ? 'warn' : 'info']);
  if (code !== 0) throw new Error('Bygget av användargränssnittet misslyckades.');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
    // Native modules (SQLite, resvg's .node binary), exceljs, the LP solver (HiGHS, whose .wasm sits beside its loader)
    // and pdf.js (ES modules with their own data files, loaded only by the PDF reader's worker) load from node_modules at run time.
    external: ['electron', 'better-sqlite3', 'exceljs', '@resvg/resvg-js', 'highs', 'pdfjs-dist'],
    // A module that finds a file beside itself (the PDF reader's worker) does so from the bundle's own place.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/electron/main.ts')], outfile: path.join(ROOT, 'build/electron/main.cjs') });
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/preload/preload.ts')], outfile: path.join(ROOT, 'build/electron/preload.cjs') });
  // The import worker (main/core/import-worker.ts) is started by its file, found beside the main bundle.
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/core/import-worker.ts')], outfile: path.join(ROOT, 'build/electron/import-worker.cjs') });
  // The PDF reader's worker thread is plain JavaScript started by its file (main/core/report/pdf-text.ts): beside the bundle.
  fs.copyFileSync(path.join(ROOT, 'main/core/report/pdf-text-worker.mjs'), path.join(ROOT, 'build/electron/pdf-text-worker.mjs'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(`Fel: ${error.message}`);
    process.exit(1);
  });
}
