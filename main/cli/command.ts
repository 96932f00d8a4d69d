import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { ParsedArgs } from './args';

/** What a command may use: the API (through the same dispatch as every other face) and the cwd. */
export interface CommandContext {
  call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>>;
  cwd: string;
}

/** A command returns its result twice: as data for `--json`, and as Swedish text for people. */
export interface CommandResult {
  json: unknown;
  human: string;
  /** A result that is itself a finding (e.g. a broken audit trail): printed as usual, then this exit code. */
  exitCode?: number;
}

export interface CliCommand {
  /** The words that select it, e.g. ['template', 'list']. */
  words: string[];
  usage: string;
  summary: string;
  /** Flags that take a value, besides the global --db. */
  options?: string[];
  /** Flags without a value, besides the global --json and --help. */
  booleans?: string[];
  run(ctx: CommandContext, args: ParsedArgs): Promise<CommandResult>;
}
