import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { granska } from '../support/cli';
import { FIXED_NOW } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';
import { inlineCell, sharedStrings, worksheet, xlsx } from '../support/zip';

/*
 * Generated hostile input through the CLI code path: case lists (CSV and xlsx), templates and
 * answer files, each mutated (cut short, random bytes, byte-order marks, other encodings, huge
 * cells, many columns, stray quotes, CR-only lines, NUL bytes, deep JSON, wrong types, duplicate
 * ids …). Every run must end with exit 0 or 2, in Swedish, without a stack trace or a library's
 * English, and an exit 2 must leave the database exactly as it was.
 *
 * Two seeds per run: a fixed one, and a random one printed here so a failure can be replayed
 * with GRANSKA_FUZZ_SEED=<seed> (which then replaces the random one).
 */
const FIXED_SEED = 20_261_123;
const RANDOM_SEED = process.env.GRANSKA_FUZZ_SEED ? Number(process.env.GRANSKA_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PER_SEED = { csv: 100, xlsx: 80, template: 80, answers: 60 };

// Only Skatteverket's published test numbers.
const NUMBERS = ['20170101-2393', '20190408-2383', '201701012393', '20170101-2393'.slice(2), '19140168-2396', '20170101-2394'];
const UNITS = ['Enhet A', 'Enhet B', 'Östermalm', 'Söder'];
const QUESTIONS = ['T1', 'T2', 'S1', 'A1', 'X9'];
const ANSWERS = ['ja', 'nej', 'delvis', 'framgar_ej', '2024-03-12', '12', '', 'kanske'];

/** mulberry32: small, fast and the same everywhere, so a seed replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)], chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

// ---- generators -------------------------------------------------------------------------------

function caseRows(rng: Rng): string[][] {
  const headers = rng.pick([
    ['akt', 'personnummer', 'enhet', 'insats'],
    ['Aktnummer', 'Kön', 'Ålder', 'Stadsdel'],
    ['akt', 'enhet', 'födelsedatum', '__proto__'],
    ['ärendenr', 'pnr', 'SDF', 'constructor', 'toString'],
    ['akt', 'kön'],
  ]);
  const rows = [headers];
  const n = rng.pick([0, 1, 3, 20, 200]);
  for (let i = 0; i < n; i++) {
    rows.push(headers.map((h) => {
      if (/akt|ärende/i.test(h)) return rng.chance(0.05) ? `A${i - 1}` : `A${i}`; // sometimes a duplicate
      if (/pnr|person/i.test(h)) return rng.pick(NUMBERS);
      if (/enhet|stadsdel|sdf/i.test(h)) return rng.pick(UNITS);
      if (/kön/i.test(h)) return rng.pick(['flicka', 'pojke', 'F', 'M', 'x', '']);
      if (/ålder/i.test(h)) return rng.pick(['4', '17', '-1', '200', 'tio']);
      if (/födelse/i.test(h)) return rng.pick(['2019-04-08', '2019-02-30', '08/04/2019']);
      return rng.pick(['FFT', 'Familjebehandling', '', '"citat"', 'semi;kolon']);
    }));
  }
  return rows;
}

const csvText = (rows: string[][], sep: string, eol: string) => rows.map((r) => r.map((c) => (/[;,\t"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(eol) + eol;

/** Byte-level mutations any file can get. */
function mutateBytes(rng: Rng, bytes: Buffer): Buffer {
  switch (rng.int(7)) {
    case 0:
      return bytes.subarray(0, rng.int(bytes.length + 1)); // cut short
    case 1: {
      const copy = Buffer.from(bytes);
      for (let i = 0, n = 1 + rng.int(8); i < n && copy.length > 0; i++) copy[rng.int(copy.length)] = rng.int(256);
      return copy;
    }
    case 2:
      return Buffer.concat([Buffer.from(rng.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]])), bytes]);
    case 3: {
      const at = rng.int(bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
    }
    case 4:
      return Buffer.from(Array.from({ length: rng.int(2000) }, () => rng.int(256)));
    default:
      return bytes;
  }
}

function csvCaseList(rng: Rng): Buffer {
  let rows = caseRows(rng);
  if (rng.chance(0.15)) rows = rows.map((r, i) => (i === 1 ? [...r.slice(0, -1), 'x'.repeat(rng.pick([1000, 40_000, 300_000]))] : r)); // huge cell
  if (rng.chance(0.1)) rows = rows.map((r) => [...r, ...Array.from({ length: rng.pick([50, 300]) }, (_, i) => `k${i}`)]); // many columns
  let text = csvText(rows, rng.pick([';', ';', ',', '\t']), rng.pick(['\r\n', '\n', '\r']));
  if (rng.chance(0.15)) text = text.replace(/;/g, () => (rng.chance(0.1) ? '";' : ';')); // stray quotes
  if (rng.chance(0.1)) text = `sep=${rng.pick([';', ',', '|'])}\n${text}`;
  const encoding = rng.pick(['utf8', 'utf8', 'latin1', 'utf16le'] as const);
  return mutateBytes(rng, Buffer.from(encoding === 'utf16le' ? `\ufeff${text}` : text, encoding));
}

function xlsxCaseList(rng: Rng): Buffer {
  const rows = caseRows(rng);
  const strings: string[] = [];
  const useShared = rng.chance(0.5);
  const cell = (ref: string, value: string) => {
    if (/^\d+$/.test(value) && rng.chance(0.5)) return `<c r="${ref}"${rng.chance(0.2) ? ' s="1"' : ''}><v>${value}</v></c>`;
    if (!useShared) return inlineCell(ref, value);
    strings.push(value);
    return `<c r="${ref}" t="s"><v>${rng.chance(0.05) ? 99_999 : strings.length - 1}</v></c>`;
  };
  let body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, v)).join('')}</row>`).join('');
  switch (rng.int(8)) {
    case 0:
      body = body.replace(/>/g, (m) => (rng.chance(0.01) ? '' : m)); // broken XML
      break;
    case 1:
      body += `<row>${'<x>'.repeat(rng.pick([10, 500]))}</row>`;
      break;
    case 2:
      body += `<row><c r="${rng.pick(['XFD9', 'IW9', 'A0', '9', 'AAAAAAAAAAA1'])}"><v>1</v></c></row>`;
      break;
    case 3:
      body += `<row r="${rng.pick(['0', '-3', '1048577', 'x', '2.5'])}"><c><v>1</v></c></row>`;
      break;
    case 4:
      body = body.replace('<row', `<row><c t="inlineStr"><is><t>${'y'.repeat(40_000)}</t></is></c></row><row`);
      break;
    default:
      break;
  }
  const bytes = xlsx(worksheet(body, rng.chance(0.3) ? '<dimension ref="A1:XFD1048576"/>' : ''), { parts: { 'xl/sharedStrings.xml': sharedStrings(strings) } });
  return rng.chance(0.4) ? mutateBytes(rng, bytes) : bytes;
}

function templateFile(rng: Rng): Buffer {
  const doc = structuredClone(miniTemplate({ id: `fuzz-${rng.int(5)}`, name: 'Fuzzmall' })) as unknown as Record<string, unknown>;
  const questions = doc.questions as Record<string, unknown>[];
  switch (rng.int(9)) {
    case 0:
      (doc as Record<string, unknown>)[rng.pick(['id', 'name', 'version', 'areas', 'scales', 'questions', 'format', 'targetGroup'])] = rng.pick([null, 7, 'x', [], {}, true, -1]);
      break;
    case 1:
      questions[rng.int(questions.length)][rng.pick(['id', 'type', 'area', 'scale', 'options', 'text', 'required', 'legal'])] = rng.pick([null, 7, '', [], {}, 'okänd', [[[]]]]);
      break;
    case 2:
      questions.push({ ...questions[0] }); // duplicate question id
      break;
    case 3:
      (doc.areas as unknown[]).push((doc.areas as unknown[])[0]);
      break;
    case 4: {
      const depth = rng.pick([70, 5000, 60_000]);
      let deep: unknown = 'x';
      for (let i = 0; i < depth; i++) deep = rng.chance(0.5) ? [deep] : { a: deep };
      doc[rng.pick(['format', 'name', 'extra'])] = deep;
      break;
    }
    case 5:
      doc.name = 'ä'.repeat(rng.pick([300, 100_000]));
      break;
    case 6:
      delete doc[rng.pick(['areas', 'questions', 'scales', 'id'])];
      break;
    default:
      break;
  }
  let text: string;
  try {
    text = JSON.stringify(doc, null, rng.chance(0.5) ? 2 : 0);
  } catch {
    text = `${'['.repeat(60_000)}${']'.repeat(60_000)}`; // too deep to stringify: the same in text
  }
  const encoding = rng.pick(['utf8', 'utf8', 'utf16le', 'latin1'] as const);
  return mutateBytes(rng, Buffer.from(text, encoding));
}

function answerFile(rng: Rng): Buffer {
  const header = rng.pick([['akt', 'fråga', 'svar', 'anteckning'], ['akt', 'fråga', 'svar'], ['akt', 'svar'], ['Akt', 'Fråga', 'Svar', 'Anteckning', 'extra']]);
  const rows = [header];
  for (let i = 0, n = rng.pick([0, 1, 5, 50]); i < n; i++) {
    rows.push(header.map((h) => {
      if (/akt/i.test(h)) return rng.pick(['A0', 'A1', 'A2', 'A0', 'saknas']);
      if (/fråga/i.test(h)) return rng.pick(QUESTIONS);
      if (/svar/i.test(h)) return rng.pick(ANSWERS);
      return rng.pick(['', 'En anteckning', `Pnr ${rng.pick(NUMBERS)}`, 'x'.repeat(rng.pick([10, 40_000]))]);
    }));
  }
  return mutateBytes(rng, Buffer.from(csvText(rows, rng.pick([';', ',']), rng.pick(['\r\n', '\n', '\r'])), rng.pick(['utf8', 'latin1'] as const)));
}

// ---- harness -----------------------------------------------------------------------------------

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let dir: string;
let db: string;
let reviewId: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(['--db', db, ...args], { stdout, stderr, env: {}, cwd: dir, now: () => FIXED_NOW });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A content hash of every table, to prove a refused import wrote nothing. */
function fingerprint(): string {
  const conn = new Database(db, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(`\u0000${name}\u0000`);
      const rows = conn.prepare(`SELECT * FROM "${name}"`).raw().all().map((r) => JSON.stringify(r)).sort();
      for (const row of rows) hash.update(row);
    }
    return hash.digest('hex');
  } finally {
    conn.close();
  }
}

const STACK_LINE = /^\s*at .*(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
const LIBRARY_ENGLISH = /\bError:|Cannot read|undefined|Unexpected token|SQLITE_|TypeError|RangeError|is not a function|Maximum call stack|\[object Object\]|\bNaN\b|Invalid (input|type)|Expected /;
const SWEDISH = /[åäöÅÄÖ]|\b(inte|och|är|ska|finns|saknas|Filen|Rad|rad|kolumn|Mallen|akter|Importerade)\b/;

interface Outcome {
  kind: string;
  seed: number;
  index: number;
}

async function check(kind: string, seed: number, index: number, file: Buffer, args: (file: string) => string[]): Promise<number> {
  const where: Outcome = { kind, seed, index };
  const target = path.join(dir, `${kind}-${index}.${kind === 'xlsx' ? 'xlsx' : kind === 'template' ? 'json' : 'csv'}`);
  fs.writeFileSync(target, file);
  const before = fingerprint();
  const argv = args(target);
  const run = await cli(argv);
  const output = `${run.stdout}\n${run.stderr}`;
  const label = `${JSON.stringify(where)} (replay: GRANSKA_FUZZ_SEED=${seed}) → exit ${run.code}: ${output.slice(0, 400)}`;
  expect([0, 2], label).toContain(run.code);
  expect(output, label).not.toMatch(STACK_LINE);
  expect(output, label).not.toMatch(LIBRARY_ENGLISH);
  if (!argv.includes('--json')) expect(run.code === 0 ? run.stdout : run.stderr, label).toMatch(SWEDISH);
  else if (run.code === 0) expect(() => JSON.parse(run.stdout), label).not.toThrow();
  else expect((JSON.parse(run.stderr) as { error: { message: string } }).error.message, label).toMatch(SWEDISH);
  if (run.code === 2) expect(fingerprint(), `${label}: the database changed`).toBe(before);
  fs.rmSync(target);
  return run.code;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-fuzz-'));
  db = path.join(dir, 'fuzz.sqlite');
  const created = await cli(['review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'Fuzz', '--units', 'Enhet A;Enhet B', '--json']);
  reviewId = JSON.parse(created.stdout).id;
  fs.writeFileSync(path.join(dir, 'bas.csv'), 'akt;enhet\r\nA0;Enhet A\r\nA1;Enhet B\r\nA2;Enhet A\r\n');
  expect((await cli(['cases', 'import', reviewId, path.join(dir, 'bas.csv')])).code).toBe(0);
  console.log(`fuzz seeds: ${FIXED_SEED} (fixed) and ${RANDOM_SEED} (replay with GRANSKA_FUZZ_SEED=${RANDOM_SEED})`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each([FIXED_SEED, RANDOM_SEED])('fuzz, seed %i', (seed) => {
  /** `args` gets the file and one extra flag picked for this run ('' for none). */
  const tally = async (kind: keyof typeof PER_SEED, make: (rng: Rng) => Buffer, flags: readonly string[], args: (file: string) => string[]) => {
    const rng = prng(seed ^ (kind.length * 7919));
    const exits = { 0: 0, 2: 0 };
    for (let i = 0; i < PER_SEED[kind]; i++) {
      const file = make(rng);
      const flag = rng.pick(flags);
      exits[(await check(kind, seed, i, file, (f) => [...args(f), flag].filter((a) => a !== ''))) as 0 | 2]++;
    }
    console.log(`seed ${seed}, ${kind}: ${PER_SEED[kind]} runs, exit 0: ${exits[0]}, exit 2: ${exits[2]}`);
  };

  it('case lists (CSV)', async () => {
    await tally('csv', csvCaseList, ['--all-or-nothing', '--json', ''], (f) => ['cases', 'import', reviewId, f, '--on-existing', 'skip']);
  }, 120_000);

  it('case lists (xlsx)', async () => {
    await tally('xlsx', xlsxCaseList, ['--all-or-nothing', '--json', ''], (f) => ['cases', 'import', reviewId, f, '--on-existing', 'update']);
  }, 120_000);

  it('templates', async () => {
    await tally('template', templateFile, ['--as-copy', '--json', ''], (f) => ['template', 'import', f]);
  }, 120_000);

  it('answer files', async () => {
    await tally('answers', answerFile, ['--valid-rows-only', '--json', ''], (f) => ['answers', 'import', reviewId, f]);
  }, 120_000);
});

describe('fuzz through the real spawned CLI', () => {
  it('a handful of mutated files end with exit 0 or 2, in Swedish, without a stack trace', () => {
    const rng = prng(RANDOM_SEED);
    const files: [string, Buffer, (f: string) => string[]][] = [
      ['a.csv', csvCaseList(rng), (f) => ['cases', 'import', reviewId, f]],
      ['b.xlsx', xlsxCaseList(rng), (f) => ['cases', 'import', reviewId, f]],
      ['c.json', templateFile(rng), (f) => ['template', 'import', f]],
      ['d.json', Buffer.from(`{"format":${'['.repeat(50_000)}${']'.repeat(50_000)}}`), (f) => ['template', 'import', f]],
      ['e.csv', answerFile(rng), (f) => ['answers', 'import', reviewId, f]],
    ];
    for (const [name, bytes, args] of files) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const before = fingerprint();
      const run = granska(['--db', db, ...args(file)]);
      const label = `${name} (GRANSKA_FUZZ_SEED=${RANDOM_SEED}) → ${run.code}: ${run.stdout.slice(0, 200)} ${run.stderr.slice(0, 400)}`;
      expect([0, 2], label).toContain(run.code);
      expect(`${run.stdout}${run.stderr}`, label).not.toMatch(STACK_LINE);
      expect(`${run.stdout}${run.stderr}`, label).not.toMatch(LIBRARY_ENGLISH);
      if (run.code === 2) expect(fingerprint(), label).toBe(before);
    }
  }, 120_000);
});
