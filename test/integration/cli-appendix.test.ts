import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_APPENDIX_BYTES } from '../../shared/contract/report';
import { granska } from '../support/cli';
import { pdfDocument, simplePdf } from '../support/pdf';
import { zip } from '../support/zip';

/*
 * `granska appendix add|list|remove|move` as real processes, on one workbench in order: the board
 * secretary attaches, lists, reorders and removes; bad input exits 2 with a Swedish message and
 * stores nothing.
 */

/** A real one-page PDF (test/support/pdf.ts): the PDF is read and searched for identity numbers before it is attached. */
const PDF = simplePdf('Yttrande från stadsdelsnämnden');
const BOY = '20170101-2393';

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

  it('refuses a PDF with a personnummer, naming the page and never the number (exit 2); the confirmation does not let it through', () => {
    const before = listed().length;
    const withNumber = file('utredning.pdf', pdfDocument([{ lines: ['Inledning'] }, { lines: [`Barnet ${BOY} har utretts.`] }]));
    for (const extra of [[], ['--confirm-no-personal-data']]) {
      const refused = run('appendix', 'add', reviewId, withNumber, '--title', 'Utredning', ...extra);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^Fel: Bilagan innehåller något som ser ut som ett personnummer \(på sidan 2\)\. Ta bort det i filen och bifoga den på nytt\./);
      expect(refused.stderr).not.toMatch(/2393|20170101/);
    }
    const polyglot = run('appendix', 'add', reviewId, file('dubbel.pdf', Buffer.concat([PDF, zip([{ name: 'a.txt', data: 'x' }])])), '--title', 'Dubbel', '--confirm-no-personal-data');
    expect(polyglot.code).toBe(2);
    expect(polyglot.stderr).toMatch(/^Fel: Filen "dubbel\.pdf" är både en PDF-fil och ett zip-arkiv och kan inte bifogas/);
    expect(listed()).toHaveLength(before);
  });

  it('refuses a PDF that cannot be read through, saying why and how to confirm it; with --confirm-no-personal-data it is attached and the confirmation logged', () => {
    const before = listed().length;
    const scan = file('skannad.pdf', pdfDocument([{ image: true }]));
    const refused = run('appendix', 'add', reviewId, scan, '--title', 'Skannat protokoll');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Fel: PDF-filen "skannad\.pdf" kunde inte läsas igenom för att kontrollera att den inte innehåller personnummer: sidan 1 har ingen text, bara bild eller grafik \(den kan vara inskannad\)/);
    expect(refused.stderr).toMatch(/\n {2}Har du gått igenom filen och den inte innehåller några personuppgifter: kör kommandot igen med --confirm-no-personal-data\. Bekräftelsen sparas med ditt namn i utlåtandets historik\.\n$/);
    expect(refused.stderr).not.toMatch(/Error|at \/|\bstack\b/);
    expect(listed()).toHaveLength(before);

    const json = run('appendix', 'add', reviewId, scan, '--title', 'Skannat protokoll', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '$.confirmedNoPersonalData' }] });

    const confirmed = run('appendix', 'add', reviewId, scan, '--title', 'Skannat protokoll', '--confirm-no-personal-data');
    expect(confirmed.stderr).toBe('');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/^Bifogade skannad\.pdf som Bilaga \d+ – Skannat protokoll /);
    const log = new Database(db, { readonly: true });
    const last = log.prepare('SELECT actor, action, note FROM report_event WHERE review_id = ? ORDER BY seq DESC LIMIT 1').get(reviewId);
    log.close();
    expect(last).toMatchObject({
      actor: 'Cecilia Sekreterare',
      action: 'undantag',
      note: expect.stringMatching(/: skannad\.pdf bifogades utan kontroll av personnummer, eftersom filen inte kunde läsas igenom \(sidan 1 har ingen text.*\)\. Bekräftat att filen inte innehåller några personuppgifter\.$/),
    });
    expect(run('audit', 'verify', reviewId).code).toBe(0);

    // A listed appendix's file, attached later: the same refusal and the same flag.
    const planned = JSON.parse(run('appendix', 'plan', reviewId, '--title', 'Protokoll', '--json').stdout) as { id: string };
    const damaged = file('trasig.pdf', '%PDF-1.4\nnågot som inte är en PDF\n');
    const attachRefused = run('appendix', 'attach', reviewId, planned.id, damaged);
    expect(attachRefused.code).toBe(2);
    expect(attachRefused.stderr).toMatch(/den går inte att öppna som PDF \(den kan vara skadad\).*\n {2}Har du gått igenom filen/s);
    const attached = run('appendix', 'attach', reviewId, planned.id, damaged, '--confirm-no-personal-data');
    expect(attached.code).toBe(0);
    expect(attached.stdout).toMatch(/^Bifogade trasig\.pdf till Bilaga \d+ – Protokoll/);
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
