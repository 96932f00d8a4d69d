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

/** The project's tools, run as `node <their entry file>`: no shell, so paths and arguments are never re-parsed (Windows). */
const TOOLS = { vite: 'vite', tsc: 'typescript', eslint: 'eslint', vitest: 'vitest', playwright: '@playwright/test', tsx: 'tsx' };

function resolveCommand(command, args) {
  const pkg = TOOLS[command];
  if (!pkg) return [command, args];
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[command];
  return [process.execPath, [path.join(ROOT, 'node_modules', pkg, bin), ...args]];
}

/** Runs a command to completion with inherited output; returns its exit code. */
export function run(command, args, options = {}) {
  const [file, fullArgs] = resolveCommand(command, args);
  const result = spawnSync(file, fullArgs, { cwd: ROOT, stdio: 'inherit', env: env(options.env) });
  return result.status ?? 1;
}

export function spawnInherit(command, args, options = {}) {
  const [file, fullArgs] = resolveCommand(command, args);
  return spawn(file, fullArgs, { cwd: ROOT, stdio: 'inherit', env: env(options.env) });
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
