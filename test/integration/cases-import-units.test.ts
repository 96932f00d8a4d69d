import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let reviewId: string;
beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Enheter', referenceDate: '2024-12-31', units: ['Skarpnäck', 'Enskede'] }));
});
afterEach(() => core.dispose());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const LIST = 'akt;enhet\nA1; skarpnäck \nA2;SKARPNÄCK\nA3;Enskede\nA4;Farsta\nA5;farsta\nA6;Hägersten\n';

describe('cases.import and the review’s units', () => {
  it('reads a unit that differs only in case and spacing as the review’s own ("skarpnäck" lands in "Skarpnäck")', async () => {
    const result = await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet\nA1; skarpnäck \nA2;SKARPNÄCK\nA3;Enskede\n') });
    expect(result).toMatchObject({ imported: 3, units: ['Skarpnäck', 'Enskede'], unknownUnits: [], skippedUnknown: 0 });
    const { cases } = await core.call('cases.list', { reviewId });
    expect(cases.map((c) => [c.ref, c.unit])).toEqual([
      ['A3', 'Enskede'],
      ['A1', 'Skarpnäck'],
      ['A2', 'Skarpnäck'],
    ]);
    expect((await core.call('reviews.get', { reviewId })).units).toEqual(['Skarpnäck', 'Enskede']);
  });

  it('the preview names each unit the review lacks, with its rows (spellings folded into one)', async () => {
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet\nA4;Farsta\n') , unknownUnits: 'add' });
    const preview = await core.call('cases.import', { reviewId, contentBase64: b64(LIST.replace('A4;Farsta', 'A9;Farsta')), dryRun: true });
    expect(preview.unknownUnits).toEqual([{ unit: 'Hägersten', rows: 1, existing: 0 }]);
    const fresh = testCore();
    try {
      const { id } = await fresh.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Ny', referenceDate: '2024-12-31', units: ['Skarpnäck'] });
      const dry = await fresh.call('cases.import', { reviewId: id, contentBase64: b64(LIST), dryRun: true });
      expect(dry.unknownUnits).toEqual([
        { unit: 'Enskede', rows: 1, existing: 0 },
        { unit: 'Farsta', rows: 2, existing: 0 },
        { unit: 'Hägersten', rows: 1, existing: 0 },
      ]);
      expect(dry.preview.map((c) => c.unit)).toEqual(['Skarpnäck', 'Skarpnäck', 'Enskede', 'Farsta', 'Farsta', 'Hägersten']);
    } finally {
      fresh.dispose();
    }
  });

  it('unknownUnits "skip" leaves out the rows of units the review lacks and counts them', async () => {
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(LIST), unknownUnits: 'skip' });
    expect(result).toMatchObject({ imported: 3, skippedUnknown: 3, units: ['Skarpnäck', 'Enskede'] });
    expect(result.unknownUnits).toEqual([
      { unit: 'Farsta', rows: 2, existing: 0 },
      { unit: 'Hägersten', rows: 1, existing: 0 },
    ]);
    expect((await core.call('cases.list', { reviewId })).cases.map((c) => c.ref).sort()).toEqual(['A1', 'A2', 'A3']);
    expect((await core.call('reviews.get', { reviewId })).units).toEqual(['Skarpnäck', 'Enskede']);
  });

  it('unknownUnits "add" adds the units, in the file’s first spelling', async () => {
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(LIST), unknownUnits: 'add' });
    expect(result).toMatchObject({ imported: 6, skippedUnknown: 0 });
    expect((await core.call('reviews.get', { reviewId })).units).toEqual(['Skarpnäck', 'Enskede', 'Farsta', 'Hägersten']);
    expect((await core.call('cases.list', { reviewId })).cases.filter((c) => c.unit === 'Farsta').map((c) => c.ref)).toEqual(['A4', 'A5']);
  });

  it('a pseudonymised import gives a code only to the rows it keeps', async () => {
    const keyFile = path.join(core.dir, 'nyckel.csv');
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(LIST), unknownUnits: 'skip', pseudonymise: true, keyFile });
    expect(result.imported).toBe(3);
    expect(result.key?.map((k) => k.ref)).toEqual(['A1', 'A2', 'A3']);
    expect(fs.readFileSync(keyFile, 'utf8').trim().split('\r\n')).toHaveLength(4);
  });

  it('a rejected row shows its case reference when it has one', async () => {
    const preview = await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet;ålder\nA1;Enskede;400\n;Enskede;3\nA3;Enskede;4\n'), dryRun: true });
    expect(preview.rejected).toEqual([
      { row: 2, column: 'ålder', ref: 'A1', reason: expect.stringContaining('mellan 0 och 120') },
      { row: 3, column: 'akt', reason: 'Aktreferensen saknas.' },
    ]);
  });

  it('`granska cases import --unknown-units skip|add` does the same and says so', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--units', 'Skarpnäck;Enskede', '--reference-date', '2024-12-31', '--json']).stdout);
    const file = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(file, LIST);
    const skipped = granska(['--db', db, 'cases', 'import', id, file, '--unknown-units', 'skip']);
    expect(skipped.stderr).toBe('');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('Importerade 3 akter.');
    expect(skipped.stdout).toContain('Hoppade över 3 rader med enheter som granskningen inte har: Farsta (2 rader), Hägersten (1 rad).');
    const added = granska(['--db', db, 'cases', 'import', id, file, '--unknown-units', 'add', '--on-existing', 'skip', '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ imported: 3, skipped: 3, skippedUnknown: 0, unknownUnits: [{ unit: 'Farsta', rows: 2 }, { unit: 'Hägersten', rows: 1 }] });
    const wrong = granska(['--db', db, 'cases', 'import', id, file, '--unknown-units', 'kanske']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--unknown-units ska vara add .* eller skip/);
  });
});
