import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core';
import { DomainError } from '../core/errors';
import { resolveDbPath } from '../core/paths';
import { parseArgs } from '../cli/args';
import { startServer } from './server';

/** `npm run serve`: browser mode on 127.0.0.1. Prints the one-time link and nothing private. */
async function main(): Promise<void> {
  // Whatever this process creates (database, WAL, backups, key files, exports) is the owner's
  // alone, even a file some code path forgets to give an explicit mode.
  if (process.platform !== 'win32') process.umask(0o077);
  const { options } = parseArgs(process.argv.slice(2), new Set());
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const staticDir = typeof options.static === 'string' ? options.static : path.join(root, 'build', 'renderer');
  const port = typeof options.port === 'string' ? Number(options.port) : Number(process.env.GRANSKA_PORT ?? 0);
  const dbPath = resolveDbPath(typeof options.db === 'string' ? options.db : undefined);
  const core = createCore({ dbPath });
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

main().catch((error) => {
  const message = error instanceof DomainError ? error.message : `Servern kunde inte starta: ${(error as Error).message}`;
  process.stderr.write(`Fel: ${message}\n`);
  process.exit(1);
});
