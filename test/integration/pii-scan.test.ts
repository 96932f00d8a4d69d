import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../main/core/core';
import { openDatabase } from '../../main/core/db/open';
import { migrations } from '../../main/core/db/migrations';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import { granska } from '../support/cli';
import { allSpellings, probedSpellings, TEST_NUMBERS } from '../support/identity-spellings';
import { miniTemplate } from '../support/template-fixtures';

/*
 * The byte scan: a workbench is put through every way a personal identity number could get in —
 * case lists (CSV and xlsx) with the personnummer column and attempts in every other column,
 * notes, titles, the seed, templates, answer files, number answers — in every spelling (the seven
 * a probe found missed among them), then
 * exported, backed up by a migration and driven through the CLI. Afterwards the BYTES of every
 * file in the folder (database, -wal, -shm, backups, exports, key files, captured output and
 * logs) are searched for every test number in every spelling, as UTF-8 and UTF-16LE, and as the
 * integer and double SQLite would store: there must be no hit at all.
 */

const NUMBERS = TEST_NUMBERS.map((n) => n.replace('-', ''));
/** A few spellings per number for the imports; the scan looks for all 360 of each. */
const TYPED = (twelve: string) => {
  const ten = twelve.slice(2);
  return [
    `${twelve.slice(0, 8)}-${twelve.slice(8)}`,
    twelve,
    `${ten.slice(0, 6)}-${ten.slice(6)}`,
    ten,
    `${twelve.slice(0, 4)}-${twelve.slice(4, 6)}-${twelve.slice(6, 8)}-${twelve.slice(8)}`,
    `${ten.slice(0, 6)}/${ten.slice(6)}`,
    `${twelve.slice(0, 8)} ${twelve.slice(8)}`,
    `${twelve.slice(0, 8)}_${twelve.slice(8)}`,
    `${ten.slice(0, 2)}.${ten.slice(2, 4)}.${ten.slice(4, 6)}.${ten.slice(6)}`,
    twelve.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  ];
};
const ALL_TYPED = NUMBERS.flatMap(TYPED);
/** The seven spellings a probe found the listing grammar missed (issue 16): refused everywhere, never read as the personnummer column. */
const PROBED = NUMBERS.flatMap(probedSpellings);
/** A CSV cell with a line break is quoted, as a spreadsheet writes it. */
const csvCell = (s: string) => (s.includes('\n') ? `"${s}"` : s);

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

let dir: string;
let cliCodes: number[] = [];
let core: Core;
const log: string[] = [];
const record = (label: string, value: unknown) => log.push(`${label}: ${JSON.stringify(value)}`);

async function call(method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  record(method, result);
  return result;
}
async function value<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${JSON.stringify(result.error.issues)}`);
  return result.value as T;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-pii-scan-'));
  const dbPath = path.join(dir, 'arbetsbank.sqlite');
  // Everything the process prints during the run is kept as a file and scanned too.
  for (const level of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...args) => void log.push(`console.${level}: ${args.map(String).join(' ')}`));
  core = createCore({ dbPath, now: () => new Date('2026-11-23T09:00:00Z'), actor: 'Skanning', logError: (method, error) => log.push(`logError ${method}: ${String(error)} ${(error as Error)?.stack ?? ''}`) });

  // Review details: refused in every spelling, then a clean review.
  for (const typed of ALL_TYPED) {
    await call('reviews.create', { templateId: 'genomlysning-barnarenden', title: `Barnet ${typed}`, theme: typed, units: [typed], inspectors: [{ name: typed, phone: typed }], dnr: typed });
  }
  for (const typed of PROBED) {
    await call('reviews.create', { templateId: 'genomlysning-barnarenden', title: `Barnet ${typed}`, theme: typed, units: [typed], inspectors: [{ name: typed, phone: typed }], dnr: typed });
  }
  const { id: reviewId } = await value<{ id: string }>('reviews.create', { templateId: 'genomlysning-barnarenden', title: 'Skanning', referenceDate: '2024-12-31', units: ['Väst', 'Öst'] });
  await call('reviews.update', { reviewId, subtitle: ALL_TYPED[4], theme: ALL_TYPED[9] });

  // A CSV case list: the personnummer column in every spelling, attempts in every other column.
  const csvRows = ['akt;enhet;personnummer;anteckning'];
  ALL_TYPED.forEach((typed, i) => csvRows.push(`C${i};Väst;${typed};ok`));
  ALL_TYPED.forEach((typed, i) => csvRows.push(`${typed};Väst;;x${i}`, `D${i};${typed};;x`, `E${i};Öst;;Barnet ${typed}`));
  PROBED.forEach((typed, i) => csvRows.push(`${csvCell(typed)};Väst;;p${i}`, `F${i};${csvCell(typed)};;x`, `G${i};Öst;;${csvCell(`Barnet ${typed}`)}`));
  const csv = await value('cases.import', { reviewId, fileName: 'akter.csv', contentBase64: b64(csvRows.join('\r\n')), validRowsOnly: true });
  expect(csv.imported).toBe(ALL_TYPED.length);
  await call('cases.import', { reviewId, contentBase64: b64(`A1;${ALL_TYPED[0]};Väst\nA2;${ALL_TYPED[1]};Öst\n`) }); // no header row

  // An xlsx case list, with numbers typed as numbers too.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Akter');
  sheet.addRow(['akt', 'enhet', 'personnummer', 'kommentar']);
  ALL_TYPED.forEach((typed, i) => sheet.addRow([`X${i}`, 'Öst', typed, 'ok']));
  NUMBERS.forEach((n, i) => {
    sheet.addRow([`Y${i}`, 'Öst', Number(n), 'ok']);
    sheet.addRow([`Z${i}`, 'Öst', '', Number(n)]);
  });
  const xlsx = await value('cases.import', { reviewId, fileName: 'akter.xlsx', contentBase64: b64(new Uint8Array(await book.xlsx.writeBuffer())), validRowsOnly: true });
  expect(xlsx.imported).toBe(ALL_TYPED.length + NUMBERS.length);

  // Sampling: the seed and a dropout note.
  for (const typed of ALL_TYPED) await call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 3 }, seed: typed });
  await value('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 3 }, seed: 'skanning', replace: true });
  const sample = await value<{ cases: { caseId: string; ref: string }[] }>('sampling.get', { reviewId });
  await call('sampling.dropout', { reviewId, caseId: sample.cases[0].caseId, reason: 'annat', note: ALL_TYPED[2] });

  // Answers: notes, file references, text and number answers, through save and import.
  const caseId = sample.cases[1].caseId;
  const { template } = await value<{ template: { questions: { id: string; type: string }[] } }>('scoring.caseView', { reviewId, caseId });
  const numberQuestion = template.questions.find((q) => q.type === 'number')!.id;
  const choiceQuestion = template.questions.find((q) => q.type === 'choice')!.id;
  for (const typed of [...ALL_TYPED, ...PROBED]) {
    await call('answers.save', { reviewId, caseId, questionId: choiceQuestion, value: null, note: typed, fileRef: typed });
    await call('answers.save', { reviewId, caseId, questionId: numberQuestion, value: typed });
  }
  for (const n of NUMBERS) {
    await call('answers.save', { reviewId, caseId, questionId: numberQuestion, value: Number(n) });
    await call('answers.save', { reviewId, caseId, questionId: numberQuestion, value: Number(n.slice(2)) });
  }
  await value('answers.save', { reviewId, caseId, questionId: numberQuestion, value: 3, note: 'Ring 08-508 252 62, dnr SOF 2024/543' });
  // A file of the sample: the importer refuses rows for files the sample leaves out.
  const ref = sample.cases[1].ref;
  const answerRows = ['akt;fråga;svar;anteckning', `${ref};${numberQuestion};4;ok`];
  for (const typed of ALL_TYPED) answerRows.push(`${ref};${numberQuestion};${typed};`, `${ref};${choiceQuestion};;${typed}`, `${typed};${numberQuestion};1;`);
  for (const n of NUMBERS) answerRows.push(`${ref};${numberQuestion};${n};`, `${ref};${numberQuestion};${n.slice(2)};`, `${ref};${numberQuestion};0${n};`);
  await value('answers.import', { reviewId, fileName: 'svar.csv', contentBase64: b64(answerRows.join('\n')), validRowsOnly: true });

  // Templates: create, save and import with a number in every text.
  for (const typed of [...ALL_TYPED, ...PROBED]) {
    await call('templates.create', { name: `Mall ${typed}` });
    const dirty = miniTemplate({ id: 'skanmall', name: `Mall ${typed}`, description: typed, areas: miniTemplate().areas.map((a) => ({ ...a, description: typed })) });
    await call('templates.import', { document: dirty });
    await call('templates.import', { text: JSON.stringify(dirty) });
  }
  await value('templates.import', { document: miniTemplate({ id: 'skanmall' }), asCopy: true });
  await call('templates.save', { template: miniTemplate({ id: 'skanmall', questions: miniTemplate().questions.map((q) => ({ ...q, guidance: ALL_TYPED[5], text: ALL_TYPED[6] })) }) });

  // Exports, written where a user would keep them.
  const answersExport = await value<{ csv: string }>('answers.export', { reviewId });
  fs.writeFileSync(path.join(dir, 'svar-export.csv'), answersExport.csv);
  const templateExport = await value<{ document: unknown }>('templates.export', { id: 'skanmall' });
  fs.writeFileSync(path.join(dir, 'mall-export.json'), JSON.stringify(templateExport.document, null, 2));

  // The CLI as a real process on the same workbench; its output is kept as files.
  const cliRuns = [
    granska(['--db', dbPath, 'review', 'create', '--template', 'genomlysning-barnarenden', '--title', `Barnet ${ALL_TYPED[4]}`, '--json']),
    granska(['--db', dbPath, 'answers', 'export', reviewId, '--out', path.join(dir, 'cli-export.csv')]),
  ];
  cliRuns.forEach((run, i) => {
    fs.writeFileSync(path.join(dir, `cli-${i}.stdout.txt`), run.stdout);
    fs.writeFileSync(path.join(dir, `cli-${i}.stderr.txt`), run.stderr);
  });
  cliCodes = cliRuns.map((r) => r.code);

  // A migration: the copy taken before it is scanned like everything else.
  core.close();
  const probe = { version: migrations[migrations.length - 1].version + 1, name: 'probe', up: (db: import('better-sqlite3').Database) => db.exec('CREATE TABLE probe (x INTEGER) STRICT') };
  const migrated = openDatabase(dbPath, { migrations: [...migrations, probe], now: () => new Date('2026-11-23T10:00:00Z') });
  expect(migrated.backupPath).toBeDefined();
  migrated.db.close();

  fs.writeFileSync(path.join(dir, 'process-output.log'), log.join('\n'));
  vi.restoreAllMocks();
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file in the folder, recursively. */
function filesIn(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(folder, e.name)) : [path.join(folder, e.name)]));
}

/** The byte patterns of one number: every spelling as UTF-8 and UTF-16LE, plus SQLite's integer and double. */
function needlesOf(twelve: string): { label: string; bytes: Buffer }[] {
  const texts = [...new Set([...allSpellings(twelve), ...probedSpellings(twelve), twelve, twelve.slice(2)])];
  const needles = texts.flatMap((t) => [
    { label: `${JSON.stringify(t)} utf8`, bytes: Buffer.from(t, 'utf8') },
    { label: `${JSON.stringify(t)} utf16le`, bytes: Buffer.from(t, 'utf16le') },
  ]);
  for (const n of [Number(twelve), Number(twelve.slice(2))]) {
    const double = Buffer.alloc(8);
    double.writeDoubleBE(n);
    const integer = Buffer.alloc(8);
    integer.writeBigInt64BE(BigInt(n));
    needles.push({ label: `${n} as a double`, bytes: double }, { label: `${n} as a 6-byte integer`, bytes: integer.subarray(2) });
  }
  return needles;
}

describe('PII byte scan', () => {
  it('the run produced what the scan must cover', () => {
    const names = filesIn(dir).map((f) => path.relative(dir, f));
    expect(names).toEqual(expect.arrayContaining(['arbetsbank.sqlite', 'svar-export.csv', 'mall-export.json', 'cli-export.csv', 'process-output.log', 'cli-0.stderr.txt']));
    expect(names.some((n) => /backup/.test(n))).toBe(true);
    expect(log.length).toBeGreaterThan(ALL_TYPED.length * 7);
    expect(cliCodes).toEqual([2, 0]); // the title refused, the export written
  });

  it('the scan itself finds a planted number in every encoding it claims to cover', () => {
    const needles = needlesOf(NUMBERS[1]);
    const double = Buffer.alloc(8);
    double.writeDoubleBE(Number(NUMBERS[1]));
    for (const planted of [
      Buffer.from(`x ${NUMBERS[1].slice(0, 4)}-${NUMBERS[1].slice(4, 6)}-${NUMBERS[1].slice(6, 8)}-${NUMBERS[1].slice(8)} y`, 'utf16le'),
      Buffer.from(`x ${TYPED(NUMBERS[1])[9]} y`, 'utf8'),
      Buffer.concat([Buffer.from('SQLite'), double]),
    ]) {
      expect(needles.some((n) => planted.includes(n.bytes))).toBe(true);
    }
  });

  it('no file holds any test number in any spelling or encoding', () => {
    const hits: string[] = [];
    const files = filesIn(dir);
    for (const twelve of NUMBERS) {
      const needles = needlesOf(twelve);
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        for (const needle of needles) if (bytes.includes(needle.bytes)) hits.push(`${path.relative(dir, file)}: ${needle.label}`);
      }
    }
    expect(hits).toEqual([]);
    expect(files.flatMap((f) => findIdentityNumbers(path.relative(dir, f)))).toEqual([]);
  });
});
