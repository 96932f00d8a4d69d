import type { Writable } from 'node:stream';
import { redactApiError } from '../../shared/identity/redact';
import { describeIssue } from '../../shared/validation/field-labels';
import type { ApiError, ErrorCode } from '../../shared/result';
import { createCore, type Core } from '../core/core';
import { diskFullKind, diskFullMessage, folderOfError } from '../core/disk-full';
import { DomainError } from '../core/errors';
import { resolveDbPath } from '../core/paths';
import { parseArgs, UsageError } from './args';
import type { CliCommand, CommandContext } from './command';
import { templateCommands } from './commands/template';
import { reviewCommands } from './commands/review';
import { caseCommands } from './commands/cases';
import { caseDoneCommands } from './commands/case-done';
import { sampleCommands } from './commands/sample';
import { answerCommands } from './commands/answers';
import { auditCommands } from './commands/audit';
import { profileCommands } from './commands/profile';
import { findingCommands } from './commands/findings';
import { resultCommands } from './commands/results';
import { reportCommands } from './commands/report';
import { appendixCommands } from './commands/appendix';
import { dbCommands } from './commands/db';
import { agreementCommands } from './commands/agreement';
import { actorOption } from './actor-option';
import { BATCH_BUSY_TIMEOUT_MS } from '../core/db/open';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now?: () => Date;
}

/** Every command of the CLI; later features append theirs. */
export const commands: CliCommand[] = [...templateCommands, ...reviewCommands, ...caseCommands, ...caseDoneCommands, ...sampleCommands, ...answerCommands, ...auditCommands, ...profileCommands, ...resultCommands, ...reportCommands, ...appendixCommands, ...findingCommands, ...dbCommands, ...agreementCommands];

const GLOBAL_BOOLEANS = ['json', 'help'];
const GLOBAL_OPTIONS = ['db', 'actor'];

/** Exit codes: 0 done, 2 the input was wrong (fix it and retry), 1 anything else. */
// AUDIT_BROKEN (a write refused because the trail is broken) exits like `audit verify` finding it: 2.
const inputErrors: ReadonlySet<ErrorCode> = new Set(['VALIDATION', 'UNKNOWN_METHOD', 'NOT_FOUND', 'CONFLICT', 'FROZEN', 'AUDIT_BROKEN']);

class CallFailed extends Error {
  constructor(
    readonly error: ApiError,
    /** The method called, whose field names turn the issues' JSON paths into words. */
    readonly method: string,
  ) {
    super(error.message);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const write = (stream: Writable, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
  const report = (raw: ApiError, usage?: string, method = ''): void => {
    // Errors raised before dispatch (a file path, an argument) echo what the user typed: a number
    // in a path is hidden here as dispatch hides it in its own messages.
    const error = redactApiError(raw);
    if (json) {
      write(io.stderr, JSON.stringify({ error }));
      return;
    }
    const lines = [`Fel: ${error.message}`];
    for (const issue of error.issues ?? []) lines.push(`  ${describeIssue(method, issue)}`);
    if (usage) lines.push(`Användning: ${usage}`);
    write(io.stderr, lines.join('\n'));
  };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, allBooleans());
  } catch (error) {
    report({ code: 'VALIDATION', message: (error as Error).message });
    return 2;
  }
  const command = commands.find((c) => c.words.every((w, i) => parsed.positionals[i] === w));
  if (!command || parsed.options.help === true || argv.length === 0) {
    const unknown = !command && argv.length > 0 && parsed.options.help !== true;
    const prefix = unknown ? `Okänt kommando: ${parsed.positionals.join(' ') || '(inget)'}\n\n` : '';
    write(unknown ? io.stderr : io.stdout, `${prefix}${helpText()}`);
    return unknown ? 2 : 0;
  }

  let core: Core | undefined;
  try {
    const args = { positionals: parsed.positionals.slice(command.words.length), options: parsed.options };
    const known = new Set([...GLOBAL_OPTIONS, ...GLOBAL_BOOLEANS, ...(command.options ?? []), ...(command.booleans ?? [])]);
    const unknownFlag = Object.keys(args.options).find((name) => !known.has(name));
    if (unknownFlag) throw new UsageError(`Okänd flagga --${unknownFlag}.`);
    const dbOption = args.options.db;
    if (dbOption === true) throw new UsageError('Flaggan --db behöver ett filnamn.');
    // Batch work never stops to ask who is working: --actor, else the saved profile, else the account.
    const actor = actorOption(args.options.actor);
    const ctx: CommandContext = {
      cwd: io.cwd,
      async call(method, input) {
        // A one-shot batch blocks no one's event loop: it waits for another process's lock instead of failing.
        core ??= createCore({ dbPath: resolveDbPath(dbOption, io.env), now: io.now, logError: () => {}, busyTimeoutMs: BATCH_BUSY_TIMEOUT_MS, actor });
        const result = await core.dispatch(method, input);
        if (!result.ok) throw new CallFailed(result.error, method);
        return result.value as never;
      },
    };
    const result = await command.run(ctx, args);
    write(io.stdout, json ? JSON.stringify(result.json, null, 2) : result.human);
    return result.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      report({ code: 'VALIDATION', message: error.message }, command.usage);
      return 2;
    }
    const apiError = error instanceof CallFailed ? error.error : error instanceof DomainError ? error.toApiError() : undefined;
    if (apiError) {
      report(apiError, undefined, error instanceof CallFailed ? error.method : undefined);
      return inputErrors.has(apiError.code) ? 2 : 1;
    }
    // A library's English text and stack are for developers (GRANSKA_DEBUG=1), never for the user.
    if (io.env.GRANSKA_DEBUG === '1') write(io.stderr, String((error as Error)?.stack ?? error));
    // A full disk that a command's own wording missed is still said as such, with the folder Node names.
    const full = diskFullKind(error);
    if (full) {
      report({ code: 'INTERNAL', message: diskFullMessage(full, { what: 'Kommandots resultat', folder: folderOfError(error), outcome: 'Kommandot avbröts; det som inte hann skrivas är oförändrat.' }) });
      return 1;
    }
    report({ code: 'INTERNAL', message: 'Ett oväntat fel inträffade. Kommandot avbröts; det som inte hann sparas är oförändrat.' });
    return 1;
  } finally {
    core?.close();
  }
}

function allBooleans(): Set<string> {
  return new Set([...GLOBAL_BOOLEANS, ...commands.flatMap((c) => c.booleans ?? [])]);
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Granskningsbänken – kommandorad',
    '',
    'Användning: granska [--db FIL] [--actor NAMN] <kommando> … [--json]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Databasen väljs med --db FIL eller miljövariabeln GRANSKA_DB; annars används den i användarens programdatamapp.',
    'Ändringar registreras på --actor NAMN om det anges, annars på profilens namn (granska profile set), annars på användarkontot.',
    'Slutkoder: 0 klart, 2 fel i indata, 1 annat fel.',
  ].join('\n');
}
