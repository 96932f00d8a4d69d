import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * The Electron main process is one CommonJS bundle (scripts/build.mjs) with `highs` left external.
 * The solver must load from such a bundle exactly as under tsx: no `import.meta` (empty in CJS), the
 * WebAssembly found beside the package's loader. Bundled the same way, then run in a plain Node.
 */
it('the audit solver loads and solves from a CommonJS bundle like the desktop app’s', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-solver-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(
      entry,
      `import { loadSolver } from ${JSON.stringify(path.resolve('main/core/disclosure/highs-solver.ts'))};
       import { intervalsOf } from ${JSON.stringify(path.resolve('shared/disclosure/audit.ts'))};
       loadSolver().then((solver) => {
         const system = { variables: ['a', 'b'], upperBounds: [Infinity, Infinity], rows: [{ terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], lower: 7, upper: 7, source: 'sum' }] };
         console.log(JSON.stringify(intervalsOf(solver, system, [[0]])));
       });`,
    );
    const outfile = path.join(dir, 'bundle.cjs');
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node22', outfile, external: ['highs'], logLevel: 'silent', nodePaths: [path.resolve('node_modules')] });
    expect(result.warnings).toEqual([]);
    const out = execFileSync(process.execPath, [outfile], { env: { ...process.env, NODE_PATH: path.resolve('node_modules') }, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([{ min: 0, max: 7 }]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
