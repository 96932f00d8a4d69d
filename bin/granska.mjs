#!/usr/bin/env node
// The `granska` command. It runs the TypeScript sources through tsx, so it works straight after
// `npm install` with no build step. The SQLite driver needs Node 22 or newer; the project installs
// Node 22 into node_modules/.bin, and if this file was started by an older Node we hand over to it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  // The real executable of the npm package `node` (no shell shim, so arguments pass through untouched).
  const bundled = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bundled)) {
    process.stderr.write(`Fel: granska kräver Node 22 eller senare (du har ${process.versions.node}). Kör "npm install" i projektet.\n`);
    process.exit(1);
  }
  const child = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
// A reader that stops reading (`granska cases list … | head -1`) closes the pipe; that is not an
// error. End quietly, as Unix tools do, instead of dying with a stack trace on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));
}
const { register } = await import('tsx/esm/api');
register();
// Whatever the CLI creates (database, WAL, backups, key files, exports) is the user's alone, even
// a file some code path forgets to give an explicit mode.
if (process.platform !== 'win32') process.umask(0o077);
const { runCli } = await import('../main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
