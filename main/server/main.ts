import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core';
import { DomainError } from '../core/errors';
import { resolveDbPath } from '../core/paths';
import { parseArgs } from '../cli/args';
import { startServer } from './server';
import { redactIdentityNumbers } from '../../shared/identity/redact';

/** `npm run serve`: browser mode on 127.0.0.1. Prints the one-time link and nothing private. */
async function main(): Promise<void> {
  // Whatever this process creates (database, WAL, backups, key files, exports) is the owner's
  // alone, even a file some code path forgets to give an explicit mode.
  if (process.platform !== 'win32') process.umask(0o077);
  const { options } = parseArgs(process.argv.slice(2), new Set());
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const staticDir = typeof options.static === 'string' ? options.static : path.join(root, 'build', 'renderer');
  const portText = typeof options.port === 'string' ? options.port : (process.env.GRANSKA_PORT ?? '0');
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText.trim()) || port > 65535) throw new StartError(`Porten "${portText}" är inte ett portnummer (0–65535; 0 väljer en ledig port).`);
  const dbPath = resolveDbPath(typeof options.db === 'string' ? options.db : undefined);
  // The terminal is the log of browser mode and the user reads it: a library's English text and
  // stack only with GRANSKA_DEBUG=1, and redacted like every message.
  const debug = process.env.GRANSKA_DEBUG === '1';
  const logError = (method: string, error: unknown) =>
    process.stderr.write(`[granska] ${method}: ${debug ? redactIdentityNumbers(String((error as Error)?.stack ?? error)) : 'oväntat fel (GRANSKA_DEBUG=1 visar tekniska detaljer)'}\n`);
  // Long imports run in the import worker: the server answers other requests meanwhile.
  const core = createCore({ dbPath, logError, background: true });
  const server = await startServer({ dispatch: core.dispatch, staticDir, port });
  process.stdout.write(`Granskningsbänken körs i webbläsarläge. Öppna länken (den fungerar en gång, i en flik): ${server.url}\n`);
  process.stdout.write(`Databas: ${dbPath}\n`);
  const stop = async () => {
    await server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A refusal at start-up that is already said in Swedish. */
class StartError extends Error {}

main().catch((error) => {
  process.stderr.write(`Fel: ${redactIdentityNumbers(startFailure(error))}\n`);
  process.exit(1);
});

/** Why the server did not start, in Swedish: never the English text of Node or SQLite. */
function startFailure(error: unknown): string {
  if (error instanceof DomainError || error instanceof StartError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return 'Porten används redan av ett annat program. Välj en annan med --port, eller 0 för en ledig port.';
  if (code === 'EACCES') return 'Porten får inte användas av det här kontot. Välj en port över 1023, eller 0 för en ledig port.';
  if (process.env.GRANSKA_DEBUG === '1') process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  return 'Servern kunde inte starta. Kör igen med GRANSKA_DEBUG=1 för tekniska detaljer.';
}
