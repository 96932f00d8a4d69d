import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

// Skatteverket's published test numbers only.
const BOY = '20170101-2393';
const GIRL = '20190408-2383';

let core: TestCore;
let reviewId: string;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const leaks = (value: unknown) => /2393|2383/.test(JSON.stringify(value));

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Integritet', referenceDate: '2024-12-31' }));
});
afterEach(() => core.dispose());

describe('a personal identity number in the wrong place is refused and never echoed', () => {
  it('in review details and a dropout note', async () => {
    const error = await core.fails('reviews.create', { templateId: 'oppenvard-barn-0-12', title: `Barnet ${BOY}`, units: ['A', GIRL], inspectors: [{ name: 'Anna', phone: '08-50825262' }] });
    expect(error.issues?.map((i) => i.path)).toEqual(['$.title', '$.units[1]']);
    expect(leaks(error)).toBe(false);
    expect((await core.fails('reviews.update', { reviewId, theme: `Om ${BOY}` })).issues?.[0].path).toBe('$.theme');
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet\nA1;E\nA2;E\n') });
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 1 }, seed: '1' });
    const sampled = (await core.call('sampling.get', { reviewId }))!.cases[0];
    const dropout = await core.fails('sampling.dropout', { reviewId, caseId: sampled.caseId, reason: 'annat', note: `Flyttat, ${BOY}` });
    expect(dropout.issues?.[0].path).toBe('$.note');
  });

  it('in a case list: a headerless file, the unit column and the age column', async () => {
    const headerless = await core.fails('cases.import', { reviewId, contentBase64: b64(`A1;${BOY};E\nA2;${BOY};E\n`) });
    expect(headerless.message).toMatch(/Rubrikraden innehåller ett personnummer/);
    expect(leaks(headerless)).toBe(false);
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(`akt;enhet;ålder\nA1;${BOY};4\nA2;E;${GIRL}\nA3;E;5\n`), validRowsOnly: true });
    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => r.column)).toEqual(['enhet', 'ålder']);
    expect(leaks(result)).toBe(false);
  });

  it('in an answers file', async () => {
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet\nA1;E\n') });
    const error = await core.fails('answers.import', { reviewId, contentBase64: b64(`akt;fråga;svar\n${BOY};T1;ja\n`) });
    expect(error.issues?.[0].message).toMatch(/Akten "\[personnummer dolt\]" finns inte/);
    expect(leaks(error)).toBe(false);
  });

  it('the CLI reserves the key file before importing, so a wrong path loses nothing', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Nyckel', '--json']).stdout);
    const file = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(file, 'akt;enhet\nAKT-1;A\n');
    const run = granska(['--db', db, 'cases', 'import', id, file, '--pseudonymise', '--key-out', path.join(core.dir, 'saknas', 'nyckel.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mappen finns inte.*Inget importerades/);
    expect(JSON.parse(granska(['--db', db, 'cases', 'list', id, '--json']).stdout)).toEqual([]);
  });
});
