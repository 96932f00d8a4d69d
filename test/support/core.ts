import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../main/core/core';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { ApiError } from '../../shared/result';

export const FIXED_NOW = new Date('2026-11-23T09:00:00.000Z');

export interface TestCore extends Core {
  dir: string;
  /** Calls a method and returns its value, failing the test with the Swedish message otherwise. */
  call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** Calls a method that must fail, and returns the error. */
  fails(method: string, input: unknown): Promise<ApiError>;
  dispose(): void;
}

/** A core on a real SQLite file in a fresh temp folder, with a fixed clock and output checking on. */
export function testCore(options: { dbFile?: string; actor?: string } = {}): TestCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-test-'));
  const core = createCore({
    dbPath: options.dbFile ?? path.join(dir, 'test.sqlite'),
    now: () => FIXED_NOW,
    actor: options.actor ?? 'Test Testsson',
    validateOutput: true,
    logError: (method, error) => {
      throw new Error(`Unexpected error in ${method}: ${String(error)}`);
    },
  });
  return {
    ...core,
    dir,
    async call(method, input) {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
      return result.value as never;
    },
    async fails(method, input) {
      const result = await core.dispatch(method, input);
      if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    dispose() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
