import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServerHandle {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The printed one-time link: `origin/#t=<link token>`. Opening it signs one tab in. */
  url: string;
  dbPath: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts browser mode exactly as `npm run serve` does (a real process), on a fresh database. */
export async function startServerProcess(options: { dbPath?: string } = {}): Promise<ServerHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-e2e-'));
  const dbPath = options.dbPath ?? path.join(dataDir, 'test.sqlite');
  // tsx's own entry file under this Node: no shell shim, so it works the same on Windows.
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(ROOT, 'main', 'server', 'main.ts'), '--db', dbPath, '--static', path.join(ROOT, 'build', 'renderer')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#t=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}${err}`));
    });
  });
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    url,
    dbPath,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
