// Helpers for the project's scripts: run a command with the project's Node 22 first on PATH.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'node_modules', '.bin');

export function env(extra = {}) {
  return { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** Runs a command to completion with inherited output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: env(options.env), shell: process.platform === 'win32' });
  return result.status ?? 1;
}

export function spawnInherit(command, args, options = {}) {
  return spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: env(options.env), shell: process.platform === 'win32' });
}

/**
 * The Electron binary, if this machine has it. Electron 45 downloads its binary lazily on first
 * use, which cannot work offline; we look for it instead of triggering the download.
 */
export function findElectronBinary() {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? binary : undefined;
}
