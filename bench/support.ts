import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../main/core/core';

/** A core on a real file database in a temp folder, as the app runs (WAL, synchronous=FULL). */
export function benchCore(): Core & { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-bench-'));
  const core = createCore({ dbPath: path.join(dir, 'bench.sqlite'), actor: 'bench' });
  return { ...core, dir, dispose: () => (core.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

export async function must<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${JSON.stringify(result.error.issues?.slice(0, 3) ?? [])}`);
  return result.value as T;
}

export async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await fn();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return value;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Skatteverket's published test numbers only.
export const TEST_NUMBERS = ['20170101-2393', '20190408-2383', '18900101-9802', '19140168-2396'];
