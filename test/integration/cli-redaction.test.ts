import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textSink } from '../support/text-sink';
import { runCli } from '../../main/cli/main';

describe('the CLI never echoes an identity number in an error', () => {
  it.each([false, true])('a file path with a number in it is hidden (json %s)', async (json) => {
    const missing = path.join(os.tmpdir(), 'granska-saknas', 'barn-20170101-2393.csv');
    const err = textSink();
    const code = await runCli(['cases', 'import', 'g-x', missing, ...(json ? ['--json'] : [])], { stdout: textSink().stream, stderr: err.stream, env: {}, cwd: os.tmpdir() });
    expect(code).toBe(2);
    expect(err.text()).toContain('barn-[personnummer dolt].csv');
    expect(err.text()).not.toMatch(/2393/);
  });
});
