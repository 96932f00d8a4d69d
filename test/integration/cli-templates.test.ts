import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-cli-'));
  db = path.join(dir, 'x.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('granska template …', () => {
  it('lists both bundled templates as JSON', () => {
    const run = granska(['--db', db, 'template', 'list', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; name: string }[];
    expect(list.map((t) => t.id).sort()).toEqual(['genomlysning-barnarenden', 'oppenvard-barn-0-12']);
  });

  it('lists in Swedish without --json', () => {
    const run = granska(['template', 'list', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/oppenvard-barn-0-12 {2}v3 {2}Öppenvård barn 0–12 år {2}\(barn, 6 områden, \d+ frågor, inbyggd\)/);
  });

  it('exports a template, and importing the file back gives an identical template', () => {
    const file = path.join(dir, 'export.json');
    const out = granska(['--db', db, 'template', 'export', 'oppenvard-barn-0-12', '--out', file, '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ id: 'oppenvard-barn-0-12', version: 3, file });

    const again = granska(['--db', db, 'template', 'import', file, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ id: 'oppenvard-barn-0-12', status: 'identical' });

    // Into a fresh workbench under a new id, then out again: the same document.
    const renamed = path.join(dir, 'renamed.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(renamed, JSON.stringify({ ...doc, id: 'kopia' }, null, 2));
    const otherDb = path.join(dir, 'other.db');
    expect(granska(['--db', otherDb, 'template', 'import', renamed]).stdout).toMatch(/Importerade "Öppenvård barn 0–12 år" som kopia v3\./);
    const back = path.join(dir, 'back.json');
    expect(granska(['--db', otherDb, 'template', 'export', 'kopia', '--out', back]).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(back, 'utf8'))).toEqual({ ...doc, id: 'kopia' });
  });

  it('exits 2 on a broken file and names each problem with its path', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'granskningsmall/1', id: 'trasig', name: 'Trasig', version: 1, targetGroup: 'barn',
        areas: [{ id: 'trygghet', name: 'Trygghet och säkerhet' }],
        scales: {},
        questions: [
          { id: 'Q1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'a' },
          { id: 'Q1', area: 'saknas', type: 'scale', scale: 'standard', text: 'b' },
          { id: 'Q3', area: 'trygghet', type: 'fritext', text: 'c' },
        ],
      }),
    );
    const run = granska(['--db', db, 'template', 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Fel: Mallen importerades inte');
    // Every fault in one go, each said where in words: no JSON path in the human output.
    expect(run.stderr).toContain('  Fråga 3 (Q3): Okänd frågetyp "fritext". Tillåtna typer: scale, choice, date, number, text.');
    expect(run.stderr).toContain('  Fråga 2 (Q1): Fråge-id "Q1" finns redan');
    expect(run.stderr).toContain('  Fråga 2 (Q1): Okänt kvalitetsområde "saknas"');
    expect(run.stderr).not.toMatch(/\$\./);
    const json = granska(['--db', db, 'template', 'import', file, '--json']);
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stderr);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['$.questions[0].scale', '$.questions[1].id', '$.questions[1].area', '$.questions[1].scale', '$.questions[2].type']);
  });

  it('explains a missing file, an unknown command and a missing option with exit 2', () => {
    const missing = granska(['--db', db, 'template', 'import', path.join(dir, 'finns-inte.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/finns-inte\.json finns inte/);
    const unknown = granska(['--db', db, 'mall', 'lista']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Okänt kommando: mall lista/);
    const noOut = granska(['--db', db, 'template', 'export', 'oppenvard-barn-0-12']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    const notFound = granska(['--db', db, 'template', 'show', 'saknas']);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toMatch(/Det finns ingen mall med id "saknas"/);
  });

  it('shows a template grouped by area', () => {
    const run = granska(['--db', db, 'template', 'show', 'oppenvard-barn-0-12']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Öppenvård barn 0–12 år \(oppenvard-barn-0-12, version 3, målgrupp barn\)/);
    expect(run.stdout).toContain('Trygghet och säkerhet (');
    expect(run.stdout).toContain('Effektivitet (');
  });

  it('uses GRANSKA_DB when --db is not given', () => {
    const envDb = path.join(dir, 'env.db');
    const run = granska(['template', 'list', '--json'], { env: { GRANSKA_DB: envDb } });
    expect(run.code).toBe(0);
    expect(fs.existsSync(envDb)).toBe(true);
  });
});
