import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostileFiles } from '../support/hostile-xlsx';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';
import { contract } from '../../shared/contract';
import { reservedKeyIssues } from '../../shared/validation/reserved-keys';
import { ROOT } from '../support/server-process';
import { inlineCell, worksheet, xlsx } from '../support/zip';

let core: TestCore;
let reviewId: string;
beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Test', referenceDate: '2024-12-31', units: ['Enhet A'] }));
});
afterEach(() => core.dispose());

const b64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');

describe('hostile and oversized .xlsx files are refused or read within fixed limits', () => {
  for (const file of hostileFiles.filter((f) => !f.benchOnly)) {
    it(file.name, async () => {
      const input = { reviewId, fileName: file.name, contentBase64: b64(file.bytes()), dryRun: true };
      if (file.refusal) {
        const error = await core.fails('cases.import', input);
        expect(error.code).toBe('VALIDATION');
        expect(error.message).toMatch(file.refusal);
      } else {
        const result = await core.call('cases.import', input);
        expect({ cases: result.rows - result.rejected.length, rejected: result.rejected.length }).toEqual(file.read);
      }
    }, 60_000);
  }
});

describe('columns named like JavaScript object internals', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const expected = [['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'], ['hasOwnProperty', 'h']];

  it.each([
    ['CSV', () => b64(`akt;enhet;${NAMES.join(';')}\r\nA1;E;p;c;t;h\r\n`)],
    ['xlsx', () => b64(xlsx(worksheet(`<row>${['akt', 'enhet', ...NAMES].map((n, i) => inlineCell(`${'ABCDEF'[i]}1`, n)).join('')}</row><row>${['A1', 'E', 'p', 'c', 't', 'h'].map((v, i) => inlineCell(`${'ABCDEF'[i]}2`, v)).join('')}</row>`)))],
  ])('are attribute columns like any other (%s): kept, stored and listed', async (_format, content) => {
    const result = await core.call('cases.import', { reviewId, contentBase64: content() });
    expect(result.attributeColumns).toEqual(NAMES);
    const listed = (await core.call('cases.list', { reviewId })).cases[0].attributes;
    expect(Object.entries(listed)).toEqual(expected);
    expect(Object.getPrototypeOf(listed)).toBe(Object.prototype);
  });

  it('come out of the CLI listing', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const file = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(file, `akt;enhet;${NAMES.join(';')}\r\nA1;E;p;c;t;h\r\n`);
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'T', '--json']).stdout);
    expect(granska(['--db', db, 'cases', 'import', id, file]).code).toBe(0);
    const listed = JSON.parse(granska(['--db', db, 'cases', 'list', id, '--json']).stdout);
    expect(Object.keys(listed[0].attributes)).toEqual(NAMES);
  });
});

describe('keys named like Object.prototype\'s members in an input (`{"__proto__": …}`, `{"constructor": 1}`)', () => {
  const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('every method of the contract refuses them at the top as VALIDATION naming the path, before its schema runs (it threw a TypeError)', async () => {
    for (const method of Object.keys(contract)) {
      for (const key of RESERVED) {
        const input = JSON.parse(`{"${key}": {"x": 1}}`);
        const error = await core.fails(method, input);
        expect([method, key, error.code]).toEqual([method, key, 'VALIDATION']);
        expect(error.message).toBe(`Fältnamnet "${key}" är reserverat och får inte användas ($.${key}). Ta bort fältet eller byt namn på det.`);
        expect(error.issues).toEqual([{ path: '$', message: error.message }]);
      }
    }
  });

  it('at any depth, in a list or an object, the message names the full path and the field that holds it', async () => {
    const input = JSON.parse('{"templateId": "oppenvard-barn-0-12", "title": "T", "referenceDate": "2024-12-31", "units": ["A", {"b": [{"constructor": 1}]}]}');
    const error = await core.fails('reviews.create', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: '$.units[1].b[0]', message: 'Fältnamnet "constructor" är reserverat och får inte användas ($.units[1].b[0].constructor). Ta bort fältet eller byt namn på det.' }]);
    expect(error.message).toMatch(/^Enhet 2: Fältnamnet "constructor" är reserverat/);
    // Nothing was created.
    expect((await core.call('reviews.list', {})).reviews).toHaveLength(1);
  });

  it('a large input is walked iteratively, the last of 200,000 rows included; a shared or cyclic object from IPC is walked once', async () => {
    const rows: Record<string, unknown>[] = Array.from({ length: 200_000 }, (_, i) => ({ caseRef: `A${i}`, value: 'ja', nested: { list: [1, 2, { deeper: true }] } }));
    rows[rows.length - 1] = JSON.parse('{"caseRef": "sist", "nested": {"__proto__": {"polluted": true}}}');
    expect(reservedKeyIssues({ rows })).toEqual([
      { path: '$.rows[199999].nested', message: 'Fältnamnet "__proto__" är reserverat och får inte användas ($.rows[199999].nested.__proto__). Ta bort fältet eller byt namn på det.' },
    ]);
    expect(reservedKeyIssues({ rows: rows.slice(0, -1) })).toEqual([]);
    // 2^60 paths through 60 shared objects, and a cycle: both end, clean or not.
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 60; i++) shared = { a: shared, b: shared };
    expect(reservedKeyIssues(shared)).toEqual([]);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(reservedKeyIssues(cyclic)).toEqual([]);
    Object.defineProperty(cyclic, 'constructor', { value: 1, enumerable: true });
    expect(reservedKeyIssues(cyclic)).toHaveLength(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  // The CLI's one JSON input is a template file, sent as text and parsed inside templates.import
  // (shared/templates/validate.ts readJson), where dispatch cannot see its keys: readJson checks them.
  it('`granska template import` of a file with a "constructor" key exits 2 naming it', () => {
    const file = path.join(core.dir, 'mall.json');
    fs.writeFileSync(file, '{"format": "granskningsmall/1", "constructor": 1}');
    const run = granska(['--db', path.join(core.dir, 'cli.sqlite'), 'template', 'import', file]);
    expect(run.stderr).toMatch(/Fältnamnet "constructor" är reserverat/);
    expect(run.code).toBe(2);
  });
});

describe('JSON nested 50,000 levels deep', () => {
  const DEPTH = 50_000;
  const deepObject = () => {
    let value: unknown = 1;
    for (let i = 0; i < DEPTH; i++) value = { a: value };
    return value;
  };
  const texts = {
    objects: `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`,
    arrays: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`,
    // Where it did the damage: a message quoting the value ("Formatet … stöds inte") recursed.
    'inside a template key': `{"format":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`,
  };

  it.each(Object.entries(texts))('is refused as bad input in templates.import text (%s)', async (_what, text) => {
    const error = await core.fails('templates.import', { text });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '$', message: expect.stringMatching(/för djupt nästlat: mer än 64 nivåer/) }] });
  });

  it('is refused in templates.import document, and a cyclic document too', async () => {
    expect((await core.fails('templates.import', { document: { format: deepObject() } })).code).toBe('VALIDATION');
    const cyclic: Record<string, unknown> = { format: 'granskningsmall/1' };
    cyclic.self = cyclic;
    expect((await core.fails('templates.import', { document: cyclic })).code).toBe('VALIDATION');
  });

  it('is refused by `granska template import` with exit 2 and a Swedish message', () => {
    const file = path.join(core.dir, 'djup.json');
    fs.writeFileSync(file, texts['inside a template key']);
    const run = granska(['--db', path.join(core.dir, 'cli.sqlite'), 'template', 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Fel: Mallen importerades inte: filen är inte en granskningsmall\.\n {2}Innehållet är för djupt nästlat/);
    expect(run.stdout).toBe('');
  });

  it('leaves an ordinary template untouched: 64 levels of harmless nesting are still only a validation question', async () => {
    const error = await core.fails('templates.import', { text: `{"format":"granskningsmall/1","x":${'['.repeat(62)}${']'.repeat(62)}}` });
    expect(error.issues?.some((i) => /nästlat/.test(i.message))).toBe(false);
  });
});

describe('a closed pipe (`granska … | head -1`)', () => {
  /** Runs the real CLI and closes its stdout after the first chunk (or at once), like `head -1`. */
  function runAndClose(args: string[], closeAtOnce: boolean): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'granska.mjs'), ...args], { cwd: ROOT, env: { ...process.env, GRANSKA_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      if (closeAtOnce) child.stdout.destroy();
      else child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('ends the process quietly with exit 0, nothing on stderr', async () => {
    const db = path.join(core.dir, 'pipe.sqlite');
    const file = path.join(core.dir, 'lista.csv');
    fs.writeFileSync(file, `akt;enhet\r\n${Array.from({ length: 20_000 }, (_, i) => `AKT-${i};Enhet ${i % 5}`).join('\r\n')}\r\n`);
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'T', '--json']).stdout);
    expect(granska(['--db', db, 'cases', 'import', id, file]).code).toBe(0);
    for (const [args, atOnce] of [
      [['--db', db, 'cases', 'list', id], false],
      [['--db', db, 'cases', 'list', id, '--json'], true],
      [['--help'], true],
    ] as const) {
      expect(await runAndClose([...args], atOnce), args.join(' ')).toEqual({ code: 0, stderr: '' });
    }
  }, 60_000);
});
