import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../main/core/errors';
import { readUserFile, writeFileAtomic } from '../../main/core/files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error('expected a refusal');
}

describe('readUserFile accepts only regular files', () => {
  it('reads a regular file', () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'akt;enhet\n1;A\n');
    expect(readUserFile(file).toString()).toBe('akt;enhet\n1;A\n');
  });

  it('refuses a folder at once', () => {
    expect(refusal(() => readUserFile(dir))).toMatch(/är en mapp, inte en vanlig fil/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(() => readUserFile(fifo))).toMatch(/namngiven pipe \(FIFO\)/);
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('refuses /dev/zero instead of reading forever', () => {
    expect(refusal(() => readUserFile('/dev/zero'))).toMatch(/enhetsfil/);
  });

  it('refuses a file over the limit, naming both sizes in Swedish', () => {
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, Buffer.alloc(3 * 1024 * 1024 + 1));
    expect(refusal(() => readUserFile(file, 2 * 1024 * 1024))).toMatch(/för stor \(4 MB; högst 2 MB\)/);
  });

  it('names a missing file', () => {
    expect(refusal(() => readUserFile(path.join(dir, 'saknas.csv')))).toMatch(/finns inte/);
  });
});

describe('writeFileAtomic', () => {
  it.skipIf(process.platform === 'win32')('creates the file readable by the owner only, leaving no temporary file', () => {
    const file = path.join(dir, 'export.csv');
    writeFileAtomic(file, 'x');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['export.csv']);
  });

  it('refuses to replace a folder', () => {
    fs.mkdirSync(path.join(dir, 'ut'));
    expect(refusal(() => writeFileAtomic(path.join(dir, 'ut'), 'x'))).toMatch(/är en mapp/);
  });
});
