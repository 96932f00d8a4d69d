import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let reviewId: string;
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'genomlysning-barnarenden', title: 'Genomlysning', referenceDate: '2018-01-01' }));
  await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet;kön\n2017-001;Hässelby;pojke\n2017-002;Vällingby;flicka\n') });
});
afterEach(() => core.dispose());

async function questionOf(type: string, multiple?: boolean) {
  const { template } = await core.call('templates.get', { id: 'genomlysning-barnarenden' });
  return template.questions.find((q) => q.type === type && (multiple === undefined || (q.type === 'choice' && !!q.multiple === multiple)))!;
}

describe('answers import and export', () => {
  it('imports ids or labels, dates and numbers in long format, and exports the same rows', async () => {
    const single = await questionOf('choice', false);
    const multi = await questionOf('choice', true);
    const date = await questionOf('date');
    if (single.type !== 'choice' || multi.type !== 'choice') throw new Error('fixture');
    const csv = [
      'akt;fråga;svar;anteckning',
      `2017-001;${single.id};${single.options[0].label};Från Excel`,
      `2017-001;${multi.id};${multi.options[1].id}|${multi.options[0].id};`,
      `2017-002;${date.id};2017-03-14;`,
      `2017-002;${single.id};${single.options[1].id};"Citat; med semikolon"`,
    ].join('\r\n');
    expect(await core.call('answers.import', { reviewId, contentBase64: b64(csv) })).toEqual({ imported: 4, rejected: [] });
    const exported = await core.call('answers.export', { reviewId });
    expect(exported.rows).toBe(4);
    const lines = exported.csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('akt;fråga;svar;anteckning');
    expect(lines).toContain(`2017-001;${single.id};${single.options[0].id};Från Excel`);
    expect(lines).toContain(`2017-001;${multi.id};${multi.options[0].id}|${multi.options[1].id};`);
    expect(lines).toContain(`2017-002;${single.id};${single.options[1].id};"Citat; med semikolon"`);

    // Export → import into a fresh review gives the same export.
    const { id: other } = await core.call('reviews.create', { templateId: 'genomlysning-barnarenden', title: 'Kopia', referenceDate: '2018-01-01' });
    await core.call('cases.import', { reviewId: other, contentBase64: b64('akt;enhet\n2017-001;H\n2017-002;V\n') });
    await core.call('answers.import', { reviewId: other, contentBase64: Buffer.from(exported.csv).toString('base64') });
    expect((await core.call('answers.export', { reviewId: other })).csv).toBe(exported.csv);
  });

  it('imports nothing when a row is wrong, and lists every rejected row', async () => {
    const date = await questionOf('date');
    const scale = await questionOf('scale');
    const csv = [
      'akt;fråga;svar',
      `2017-001;${date.id};2025-02-30`,
      `2017-999;${date.id};2017-01-01`,
      `2017-001;FINNS_EJ;ja`,
      `2017-002;${scale.id};kanske`,
      `2017-002;${date.id};2017-01-01`,
    ].join('\n');
    const error = await core.fails('answers.import', { reviewId, contentBase64: b64(csv) });
    expect(error.message).toMatch(/4 rader kunde inte läsas, så inga svar importerades/);
    expect(error.issues?.map((i) => i.path)).toEqual(['rad 2', 'rad 3', 'rad 4', 'rad 5']);
    expect(error.issues?.[0].message).toMatch(/verkligt datum/);
    expect(error.issues?.[1].message).toBe('Akten "2017-999" finns inte i granskningen.');
    expect(error.issues?.[2].message).toBe('Frågan "FINNS_EJ" finns inte i mallen.');
    expect((await core.call('answers.export', { reviewId })).rows).toBe(0);
    expect(await core.call('answers.import', { reviewId, contentBase64: b64(csv), validRowsOnly: true })).toMatchObject({ imported: 1 });
  });

  it('refuses a note with a personal identity number, and a wrong header', async () => {
    const scale = await questionOf('scale');
    const error = await core.fails('answers.import', { reviewId, contentBase64: b64(`akt;fråga;svar;anteckning\n2017-001;${scale.id};ja;Barnet 20170101-2393\n`) });
    expect(error.issues?.[0]).toEqual({ path: 'rad 2', message: expect.stringContaining('personnummer') });
    expect((await core.fails('answers.import', { reviewId, contentBase64: b64('akt;svar\n1;2\n') })).message).toMatch(/Saknas: fråga/);
  });

  it('works from the CLI', async () => {
    const scale = await questionOf('scale');
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'genomlysning-barnarenden', '--title', 'CLI', '--json']).stdout);
    const cases = path.join(core.dir, 'akter.csv');
    fs.writeFileSync(cases, 'akt;enhet\nX1;E\n');
    granska(['--db', db, 'cases', 'import', id, cases]);
    const file = path.join(core.dir, 'svar.csv');
    fs.writeFileSync(file, `akt;fråga;svar;anteckning\nX1;${scale.id};Ja;ok\n`);
    const run = granska(['--db', db, 'answers', 'import', id, file, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ imported: 1, rejected: [] });
    const out = path.join(core.dir, 'ut.csv');
    expect(granska(['--db', db, 'answers', 'export', id, '--out', out]).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(`\uFEFFakt;fråga;svar;anteckning\r\nX1;${scale.id};ja;ok\r\n`);
  });
});
