import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { createCore } from '../../main/core/core';
import { FIXED_NOW } from '../support/core';
import { flipIndexByte } from '../support/corrupt-index';
import { textSink } from '../support/text-sink';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-dbcheck-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = textSink();
  const err = textSink();
  const code = await runCli(args, { stdout: out.stream, stderr: err.stream, env: {}, cwd: dir });
  return { code, stdout: out.text(), stderr: err.text() };
}

async function workbench(file: string): Promise<void> {
  const core = createCore({ dbPath: file, now: () => FIXED_NOW, actor: 'Anna' });
  const r = await core.dispatch('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Kontroll', referenceDate: '2024-12-31' });
  if (!r.ok) throw new Error(r.error.message);
  const reviewId = (r.value as { id: string }).id;
  const rows = ['akt;enhet', ...Array.from({ length: 200 }, (_, i) => `HEMLIG-AKT-${i};Enhet ${i % 3}`)];
  await core.dispatch('cases.import', { reviewId, contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
  core.close();
}

describe('granska db check', () => {
  it('a whole file: exit 0, said in Swedish, nothing written', async () => {
    const file = path.join(dir, 'hel.sqlite');
    await workbench(file);
    const before = sha256(file);
    const result = await run(['--db', file, 'db', 'check']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Databasen ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} är hel: SQLite:s fullständiga kontroll \\(integrity_check\\) av alla sidor, tabeller och index fann inga fel \\([\\d\\s\\u00a0]+ sidor, [\\d,]+ MB\\)\\. Kontrollen skrev ingenting i filen\\.\\n$`));
    expect(sha256(file)).toBe(before);
    const json = JSON.parse((await run(['--db', file, 'db', 'check', '--json'])).stdout);
    expect(json).toMatchObject({ file, ok: true, problems: 0, damaged: [] });
  });

  it('an index damaged by one byte: exit 2, the index and its table named, never a row, the file unchanged, and what to do', async () => {
    const file = path.join(dir, 'skadad.sqlite');
    await workbench(file);
    flipIndexByte(file, 'sqlite_autoindex_case_file_1');
    const before = sha256(file);
    const result = await run(['--db', file, 'db', 'check']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`Databasen ${file} är skadad: SQLite:s fullständiga kontroll (integrity_check) fann 1 fel.\nSkadat:\n  index sqlite_autoindex_case_file_1 (i tabellen case_file)\n`);
    expect(result.stdout).toContain('Bara index är skadade; raderna i tabellerna är hela.');
    expect(result.stdout).toContain('Det finns ingen kontrollerad säkerhetskopia bredvid den.');
    expect(result.stdout).not.toMatch(/HEMLIG|row \d|missing from index/);
    expect(sha256(file)).toBe(before);

    const json = await run(['--db', file, 'db', 'check', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: 1, indexesOnly: true, damaged: [{ kind: 'index', name: 'sqlite_autoindex_case_file_1', table: 'case_file' }] });
    expect(json.stdout).not.toMatch(/HEMLIG/);
  });

  it('a file that is no database: exit 2; a missing file: exit 2, said in Swedish', async () => {
    const text = path.join(dir, 'text.sqlite');
    fs.writeFileSync(text, 'ingen databas här '.repeat(500));
    const notDb = await run(['--db', text, 'db', 'check']);
    expect(notDb.code).toBe(2);
    expect(notDb.stdout).toMatch(/^Databasen .* är skadad: SQLite kan inte läsa den som en databas/);
    const missing = await run(['--db', path.join(dir, 'finns-inte.sqlite'), 'db', 'check']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^Fel: Databasen .*finns-inte\.sqlite finns inte\./);
    expect(fs.existsSync(path.join(dir, 'finns-inte.sqlite'))).toBe(false);
  });
});
