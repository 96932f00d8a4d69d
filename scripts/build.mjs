// Builds everything the desktop app and browser mode load: the renderer (vite) and the Electron
// main process and preload (esbuild, one CommonJS bundle each; the sandboxed preload must be one file).
import { build } from 'esbuild';
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
    // Native modules (SQLite, resvg's .node binary), exceljs and the LP solver (HiGHS, whose .wasm sits beside its loader) load from node_modules at run time.
    external: ['electron', 'better-sqlite3', 'exceljs', '@resvg/resvg-js', 'highs'],
  };
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/electron/main.ts')], outfile: path.join(ROOT, 'build/electron/main.cjs') });
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/preload/preload.ts')], outfile: path.join(ROOT, 'build/electron/preload.cjs') });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll().catch((error) => {
    console.error(`Fel: ${error.message}`);
    process.exit(1);
  });
}
