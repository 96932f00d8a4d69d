import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server-process';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `granska` as a user would (a real process through bin/granska.mjs). */
export function granska(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'granska.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, GRANSKA_DB: '', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
