import { afterEach, describe, expect, it } from 'vitest';
import { textSink } from '../support/text-sink';
import { commands, runCli } from '../../main/cli/main';
import type { CliCommand } from '../../main/cli/command';

// A command whose code fails the way a library does: an English TypeError with a stack.
const broken: CliCommand = {
  words: ['test-trasig'],
  usage: 'granska test-trasig',
  summary: 'Provkommando som kraschar.',
  async run() {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
};

describe('an unexpected error in a CLI command', () => {
  afterEach(() => {
    commands.splice(commands.indexOf(broken), 1);
  });

  it('is reported in Swedish without the library text or a stack, exit 1', async () => {
    commands.push(broken);
    const out = textSink();
    const err = textSink();
    const code = await runCli(['test-trasig'], { stdout: out.stream, stderr: err.stream, env: {}, cwd: process.cwd() });
    expect(code).toBe(1);
    expect(err.text()).toMatch(/^Fel: Ett oväntat fel inträffade\./);
    expect(err.text()).not.toMatch(/Cannot read|TypeError|\bat .*:\d+/);
  });

  it('shows the stack only when the developer asks for it', async () => {
    commands.push(broken);
    const err = textSink();
    await runCli(['test-trasig'], { stdout: textSink().stream, stderr: err.stream, env: { GRANSKA_DEBUG: '1' }, cwd: process.cwd() });
    expect(err.text()).toMatch(/TypeError: Cannot read/);
  });
});
