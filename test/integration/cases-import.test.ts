import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

// Only Skatteverket's published test numbers (DOMAIN.md §4).
const BOY = '20170101-2393';
const GIRL = '20190408-2383';
const COORDINATION_MAN = '19140168-2396';

let core: TestCore;
let reviewId: string;
beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Test', referenceDate: '2024-12-31', units: ['Enhet A'] }));
});
afterEach(() => core.dispose());

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** Every written form of a number, to look for in raw bytes. */
function forms(pnr: string): string[] {
  const digits = pnr.replace(/\D/g, '');
  const ten = digits.slice(-10);
  return [digits, ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, pnr];
}

describe('cases.import', () => {
  it('derives sex and age band from personal numbers and never stores them (raw bytes of the database and its WAL)', async () => {
    const csv = `Akt;Personnummer;Enhet;Insats\r\nAKT-1;${BOY};Enhet A;FFT\r\nAKT-2;${GIRL};Enhet B;Familjebehandling\r\nAKT-3;${COORDINATION_MAN};Enhet B;\r\n`;
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(csv) });
    expect(result).toMatchObject({ imported: 3, rejected: [], units: ['Enhet A', 'Enhet B'], columns: { akt: 'Akt', personnummer: 'Personnummer', enhet: 'Enhet' }, attributeColumns: ['Insats'] });
    const { cases } = await core.call('cases.list', { reviewId });
    expect(cases.map((c) => [c.ref, c.sex, c.age, c.ageBand, c.attributes])).toEqual([
      ['AKT-1', 'M', 7, '6-12', { Insats: 'FFT' }],
      ['AKT-2', 'F', 5, '0-5', { Insats: 'Familjebehandling' }],
      ['AKT-3', 'M', 110, '18+', {}],
    ]);
    expect((await core.call('reviews.get', { reviewId })).units).toEqual(['Enhet A', 'Enhet B']);

    const dbBytes = Buffer.concat([fs.readFileSync(core.dbPath), fs.existsSync(`${core.dbPath}-wal`) ? fs.readFileSync(`${core.dbPath}-wal`) : Buffer.alloc(0)]);
    expect(fs.existsSync(`${core.dbPath}-wal`)).toBe(true);
    for (const pnr of [BOY, GIRL, COORDINATION_MAN]) {
      for (const form of forms(pnr)) {
        expect(dbBytes.includes(Buffer.from(form)), `${form} found in the database`).toBe(false);
        expect(dbBytes.includes(Buffer.from(form, 'utf16le')), `${form} (UTF-16) found in the database`).toBe(false);
      }
    }
  });

  it('reads Windows-1252 from Swedish Excel, takes sex from kön and age from ålder', async () => {
    const csv = Buffer.from('akt;kön;ålder;stadsdel\r\nA1;flicka;4;Östermalm\r\nA2;Pojke;13;Södermalm\r\nA3;;;Södermalm\r\n', 'latin1');
    const result = await core.call('cases.import', { reviewId, contentBase64: b64(csv) });
    expect(result.encoding).toBe('windows-1252');
    const { cases } = await core.call('cases.list', { reviewId });
    expect(cases.map((c) => [c.ref, c.unit, c.sex, c.ageBand])).toEqual([
      ['A2', 'Södermalm', 'M', '13-17'],
      ['A3', 'Södermalm', 'U', null],
      ['A1', 'Östermalm', 'F', '0-5'],
    ]);
  });

  it('imports nothing when a row is wrong unless asked for the valid rows, and lists each rejected row', async () => {
    const invalidCheck = '20170101-2394';
    const csv = `akt,personnummer,enhet\nA1,${BOY},E\nA2,${invalidCheck},E\nA1,${GIRL},E\nA4,,\n`;
    const error = await core.fails('cases.import', { reviewId, contentBase64: b64(csv) });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: 'rad 3, kolumn "personnummer"', message: expect.stringContaining('Kontrollsiffran') },
      { path: 'rad 4, kolumn "akt"', message: 'Aktreferensen "A1" finns redan på rad 2.' },
      { path: 'rad 5, kolumn "enhet"', message: 'Enheten saknas.' },
    ]);
    expect(JSON.stringify(error)).not.toContain('2394');
    expect((await core.call('cases.list', { reviewId })).cases).toEqual([]);

    const partial = await core.call('cases.import', { reviewId, contentBase64: b64(csv), validRowsOnly: true });
    expect(partial.imported).toBe(1);
    expect(partial.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
  });

  it('detects re-import of the same case references and lets the user skip or update', async () => {
    await core.call('cases.import', { reviewId, contentBase64: b64('akt;enhet;kön\nA1;E;F\nA2;E;M\n') });
    const again = b64('akt;enhet;kön\nA1;E;M\nA3;E;F\n');
    expect((await core.fails('cases.import', { reviewId, contentBase64: again })).code).toBe('CONFLICT');
    expect(await core.call('cases.import', { reviewId, contentBase64: again, onExisting: 'skip' })).toMatchObject({ imported: 1, skipped: 1, updated: 0 });
    expect((await core.call('cases.list', { reviewId })).cases.find((c) => c.ref === 'A1')?.sex).toBe('F');
    expect(await core.call('cases.import', { reviewId, contentBase64: again, onExisting: 'update' })).toMatchObject({ imported: 0, updated: 2 });
    expect((await core.call('cases.list', { reviewId })).cases.find((c) => c.ref === 'A1')?.sex).toBe('M');
  });

  it('gives a precise message for an empty file, a header-only file, a missing unit column and a missing review', async () => {
    expect((await core.fails('cases.import', { reviewId, contentBase64: '' })).message).toMatch(/tom/);
    expect((await core.fails('cases.import', { reviewId, contentBase64: b64('akt;enhet\r\n') })).message).toMatch(/bara en rubrikrad/);
    expect((await core.fails('cases.import', { reviewId, fileName: 'lista.csv', contentBase64: b64('akt;kön\nA1;F\n') })).message).toMatch(/^lista\.csv: Kolumnen "enhet" saknas\. Rubrikraden har: "akt", "kön"\./);
    expect((await core.fails('cases.import', { reviewId: 'nej', contentBase64: b64('akt;enhet\nA;B\n') })).code).toBe('NOT_FOUND');
  });

  it('reads the first sheet of an .xlsx file, with numbers, dates and text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Akter');
    sheet.addRow(['Aktnummer', 'Personnummer', 'Födelsedatum', 'Stadsdel', 'Beslutsdatum']);
    sheet.addRow(['X-1', Number(BOY.replace('-', '')), null, 'Enhet A', new Date(Date.UTC(2024, 2, 12))]);
    sheet.addRow(['X-2', null, new Date(Date.UTC(2019, 3, 8)), 'Enhet B', null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await core.call('cases.import', { reviewId, fileName: 'akter.xlsx', contentBase64: bytes.toString('base64') });
    expect(result).toMatchObject({ encoding: 'xlsx', imported: 2, rejected: [] });
    const { cases } = await core.call('cases.list', { reviewId });
    expect(cases.map((c) => [c.ref, c.unit, c.sex, c.age, c.attributes])).toEqual([
      ['X-1', 'Enhet A', 'M', 7, { Beslutsdatum: '2024-03-12' }],
      ['X-2', 'Enhet B', 'U', 5, {}],
    ]);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('inte en riktig zip')]);
    expect((await core.fails('cases.import', { reviewId, fileName: 'trasig.xlsx', contentBase64: broken.toString('base64') })).message).toMatch(/^trasig\.xlsx: Filen kunde inte läsas som en Excel-fil/);
  });

  it('previews without writing anything', async () => {
    const preview = await core.call('cases.import', { reviewId, contentBase64: b64(`akt;personnummer;enhet\nA1;${BOY};E\n`), dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, imported: 0, rows: 1, preview: [{ ref: 'A1', unit: 'E', sex: 'M', ageBand: '6-12' }] });
    expect(JSON.stringify(preview)).not.toMatch(/2393/);
    expect((await core.call('cases.list', { reviewId })).cases).toEqual([]);
  });
});

describe('granska cases import', () => {
  it('pseudonymises the case references and writes the key once, outside the database', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--dnr', 'SOF 2024/543', '--units', 'A;B', '--reference-date', '2024-12-31', '--json']).stdout);
    const file = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(file, `akt;personnummer;enhet\nAKT-1;${BOY};A\nAKT-2;${GIRL};B\nAKT-3;20170101-2394;B\n`);
    const keyFile = path.join(core.dir, 'kodnyckel.csv');
    const run = granska(['--db', db, 'cases', 'import', id, file, '--pseudonymise', '--key-out', keyFile, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ imported: 2, rejected: [{ row: 4, reason: expect.stringContaining('Kontrollsiffran') }] });
    const key = fs.readFileSync(keyFile, 'utf8').trim().split('\r\n');
    expect(key[0]).toBe('kod;akt');
    expect(key.slice(1).map((l) => l.split(';')[1])).toEqual(['AKT-1', 'AKT-2']);
    const list = JSON.parse(granska(['--db', db, 'cases', 'list', id, '--json']).stdout) as { ref: string }[];
    expect(list.map((c) => c.ref).sort()).toEqual(key.slice(1).map((l) => l.split(';')[0]).sort());
    const raw = fs.readFileSync(db).toString('latin1') + (fs.existsSync(`${db}-wal`) ? fs.readFileSync(`${db}-wal`).toString('latin1') : '');
    expect(raw).not.toContain('AKT-1');
    expect(raw).not.toContain('2393');

    const again = granska(['--db', db, 'cases', 'import', id, file, '--pseudonymise', '--key-out', keyFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/finns redan och skrivs inte över/);
  });
});

describe('cases.import column mapping', () => {
  it('opens the preview when a required column is not recognised, and imports once the user maps it', async () => {
    const csv = b64('Nr;Verksamhet;Kön\nK1;Enhet A;pojke\nK2;Enhet B;flicka\n');
    const preview = await core.call('cases.import', { reviewId, contentBase64: csv, dryRun: true });
    expect(preview).toMatchObject({ headers: ['Nr', 'Verksamhet', 'Kön'], missingFields: ['akt', 'enhet'], rows: 0 });
    expect((await core.fails('cases.import', { reviewId, contentBase64: csv })).message).toMatch(/Kolumnen "akt" och "enhet" saknas/);
    const mapped = await core.call('cases.import', { reviewId, contentBase64: csv, mapping: { akt: 'Nr', enhet: 'Verksamhet' } });
    expect(mapped).toMatchObject({ imported: 2, missingFields: [], columns: { akt: 'Nr', enhet: 'Verksamhet', kon: 'Kön' } });
    // "No column" for a recognised field: kön is then kept as an attribute instead.
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Mappning', referenceDate: '2024-12-31' });
    const unmapped = await core.call('cases.import', { reviewId: id, contentBase64: csv, mapping: { akt: 'Nr', enhet: 'Verksamhet', kon: '' } });
    expect(unmapped.attributeColumns).toEqual(['Kön']);
    expect((await core.call('cases.list', { reviewId: id })).cases.map((c) => c.sex)).toEqual(['U', 'U']);
  });

  it('names the size limit for a file that is too large (a sparse 200 MB file)', () => {
    const big = path.join(core.dir, 'stor.csv');
    fs.writeFileSync(big, 'akt;enhet\n');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const db = path.join(core.dir, 'big.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Stor', '--json']).stdout);
    const run = granska(['--db', db, 'cases', 'import', id, big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stor\.csv är för stor \(200 MB; högst 64 MB\)/);
  });
});
