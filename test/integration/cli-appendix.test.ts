import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_APPENDIX_BYTES } from '../../shared/contract/report';
import { granska } from '../support/cli';

/*
 * `granska appendix add|list|remove|move` as real processes, on one workbench in order: the board
 * secretary attaches, lists, reorders and removes; bad input exits 2 with a Swedish message and
 * stores nothing.
 */

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

let dir: string;
let db: string;
let reviewId: string;
const run = (...args: string[]) => granska(['--db', db, ...args], { cwd: dir });
const file = (name: string, content: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), content);
  return name;
};
const listed = () => JSON.parse(run('appendix', 'list', reviewId, '--json').stdout).appendices as { id: string; number: number; title: string; fileName: string }[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-cli-appendix-'));
  db = path.join(dir, 'x.db');
  reviewId = JSON.parse(run('review', 'example', '--json').stdout).id;
  expect(run('profile', 'set', '--name', 'Cecilia Sekreterare', '--title', 'Nämndsekreterare', '--role', 'namndsekreterare').code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('granska appendix', () => {
  it('adds files as Bilaga 2, 3 … with their checksum, and lists them after Bilaga 1', () => {
    const added = run('appendix', 'add', reviewId, file('yttrande.pdf', PDF), '--title', 'Yttrande från Norr');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(added.stdout).toMatch(new RegExp(`^Bifogade yttrande\\.pdf som Bilaga 2 – Yttrande från Norr \\(${PDF.length} byte, SHA-256 ${sha}, id \\S+\\)\\.\\n$`));

    const json = run('appendix', 'add', reviewId, file('svar.pdf', PDF), '--title', 'Svar från Söder', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ number: 3, title: 'Svar från Söder', fileName: 'svar.pdf', kind: 'pdf', bytes: PDF.length, sha256: sha });

    const list = run('appendix', 'list', reviewId);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Bilaga 1 – .+ \(granskningsrapporten, skrivs vid export\)$/);
    expect(lines.slice(1)).toEqual([
      'Listade bilagor:',
      expect.stringMatching(/^ {2}Bilaga 2 – Yttrande från Norr {2}\(yttrande\.pdf, PDF, \d+ byte, id \S+\)$/),
      expect.stringMatching(/^ {2}Bilaga 3 – Svar från Söder {2}\(svar\.pdf, PDF, \d+ byte, id \S+\)$/),
    ]);
  });

  it('moves one to another Bilaga number and removes one, renumbering the rest', () => {
    const [north, south] = listed();
    const moved = run('appendix', 'move', reviewId, south.id, '--to', '2');
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toMatch(/^Bilagan är nu Bilaga 2\.\nListade bilagor:\n {2}Bilaga 2 – Svar från Söder .*\n {2}Bilaga 3 – Yttrande från Norr /);
    expect(listed().map((a) => [a.number, a.id])).toEqual([
      [2, south.id],
      [3, north.id],
    ]);

    const removed = run('appendix', 'remove', reviewId, south.id, '--json');
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout).appendices).toMatchObject([{ number: 2, id: north.id, title: 'Yttrande från Norr' }]);
    expect(run('appendix', 'remove', reviewId, south.id).code).toBe(2);
  });

  it('refuses a missing title, a folder, a file over the limit and a file that is not what its name says (exit 2, Swedish, nothing stored)', () => {
    const before = listed().length;
    const noTitle = run('appendix', 'add', reviewId, file('a.pdf', PDF));
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toMatch(/^Fel: Ange bilagans titel med --title "…"/);

    fs.mkdirSync(path.join(dir, 'mapp.pdf'));
    const folder = run('appendix', 'add', reviewId, 'mapp.pdf', '--title', 'Mapp');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/mapp\.pdf är en mapp, inte en vanlig fil\./);

    // Sparse: the limit is checked by the file's size before anything is read.
    const big = path.join(dir, 'stor.pdf');
    fs.writeFileSync(big, PDF);
    fs.truncateSync(big, MAX_APPENDIX_BYTES + 1);
    const tooBig = run('appendix', 'add', reviewId, 'stor.pdf', '--title', 'Stor');
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/stor\.pdf är för stor \(51 MB; högst 50 MB\)\./);

    const fake = run('appendix', 'add', reviewId, file('rapport.docx', 'bara text'), '--title', 'Rapport');
    expect(fake.code).toBe(2);
    expect(fake.stderr).toMatch(/^Fel: Filen "rapport\.docx" är inte ett Word-dokument \(\.docx\), fast namnet slutar på \.docx/);
    const wrongKind = run('appendix', 'add', reviewId, file('anteckning.txt', 'text'), '--title', 'Anteckning');
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/kan inte bifogas: en bilaga ska vara en PDF-fil/);

    for (const result of [noTitle, folder, tooBig, fake, wrongKind]) expect(result.stderr).not.toMatch(/Error|at \/|\bstack\b/);
    expect(listed()).toHaveLength(before);
  });

  it('refuses a move to Bilaga 1 or to something that is not a number', () => {
    const [only] = listed();
    const first = run('appendix', 'move', reviewId, only.id, '--to', '1');
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/^Fel: Bilaga 1 är alltid granskningsrapporten\. Ange --to 2 eller högre\./);
    const word = run('appendix', 'move', reviewId, only.id, '--to', 'sist');
    expect(word.code).toBe(2);
    expect(word.stderr).toMatch(/--to ska vara ett bilagenummer från 2 till 31, inte "sist"\./);
  });
});
