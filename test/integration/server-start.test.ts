import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/server-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-start-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `npm run serve`'s server as a real process that is expected to refuse to start. */
function serve(args: string[]) {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [tsx, path.join(ROOT, 'main', 'server', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, GRANSKA_DEBUG: '' } });
  return { code: run.status, stderr: run.stderr };
}

const ENGLISH = /EADDRINUSE|listen|should be|SqliteError|not a database|\bat .*:\d+/;

describe('browser mode says in Swedish why it cannot start', () => {
  it('a port that is not a number', () => {
    const run = serve(['--db', path.join(dir, 'a.sqlite'), '--port', 'abc']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Fel: Porten "abc" är inte ett portnummer/);
  });

  it('a port another program holds', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const run = serve(['--db', path.join(dir, 'b.sqlite'), '--port', String((blocker.address() as net.AddressInfo).port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Porten används redan av ett annat program/);
      expect(run.stderr).not.toMatch(ENGLISH);
    } finally {
      blocker.close();
    }
  });

  it('a damaged database whose path holds an identity number: no English, no number', () => {
    const file = path.join(dir, 'barn-20170101-2393.sqlite');
    fs.writeFileSync(file, 'inte en databas '.repeat(500));
    const run = serve(['--db', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/barn-\[personnummer dolt\]\.sqlite är skadad/);
    expect(run.stderr).not.toMatch(ENGLISH);
    expect(run.stderr).not.toMatch(/2393/);
  });
});
