import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-cli-agreement-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a ratings file (UTF-8, BOM unless told) and returns its path. */
function ratingsFile(name: string, lines: string[], { bom = true } = {}): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`);
  return file;
}

/** The skew example of issue 18: 100 files, ja/ja 90, ja/nej 5, nej/ja 5. */
function skewLines(): string[] {
  const lines = ['objekt;bedömare;värde'];
  const pair = (file: number, a: string, b: string) => lines.push(`akt-${file};Anna;${a}`, `akt-${file};Bo;${b}`);
  for (let i = 1; i <= 100; i++) pair(i, i <= 95 ? 'ja' : 'nej', i <= 90 || i > 95 ? 'ja' : 'nej');
  return lines;
}

describe('granska agreement --ratings', () => {
  it('the skew example: agreement 0.90, κ −0.0526, AC1 0.8895 in JSON, the shape documented', () => {
    const run = granska(['agreement', '--ratings', ratingsFile('skew.csv', skewLines()), '--categories', 'ja,nej', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.n).toBe(100);
    expect(json.raters).toBe(2);
    expect(json.percentAgreement.value).toBeCloseTo(0.9, 4);
    expect(json.cohenKappa.value).toBeCloseTo(-0.0526, 4);
    expect(json.gwetAC1.value).toBeCloseTo(0.8895, 4);
    expect(json.krippendorffAlpha).toMatchObject({ metric: 'nominal' });
    expect(json.krippendorffAlpha.value).toBeCloseTo(-0.047368, 6);
    expect(json.fleissKappa.value).toBeCloseTo(-0.052632, 6);
    for (const name of ['percentAgreement', 'cohenKappa', 'fleissKappa', 'gwetAC1', 'krippendorffAlpha']) {
      const { ci95, value } = json[name];
      expect(Object.keys(ci95).sort(), name).toEqual(['lower', 'replicates', 'upper']);
      expect(ci95.lower, name).toBeLessThanOrEqual(value);
      expect(ci95.upper, name).toBeGreaterThanOrEqual(value);
    }
    expect(json).not.toHaveProperty('weightedKappaLinear');
    expect(json).not.toHaveProperty('weightedKappaQuadratic');
    expect(json.bootstrap).toEqual({ replicates: 2000, seed: 'överensstämmelse', method: 'percentile' });
    // Deterministic: the same file gives the same intervals.
    const again = JSON.parse(granska(['agreement', '--ratings', path.join(dir, 'skew.csv'), '--categories', 'ja,nej', '--json']).stdout);
    expect(again).toEqual(json);
  });

  it('the skew example in Swedish: a table with sv-SE numbers and a reading that explains why κ is low', () => {
    const run = granska(['agreement', '--ratings', ratingsFile('skew-human.csv', skewLines(), { bom: false }), '--categories', 'ja,nej']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Andel lika bedömningar +0,900/);
    expect(run.stdout).toMatch(/Cohens κ +−0,053/);
    expect(run.stdout).toMatch(/Gwets AC1 +0,890/);
    expect(run.stdout).toContain('Landis och Kochs skala');
    expect(run.stdout).toContain('Varför Cohens κ är lågt fast bedömarna nästan alltid är överens');
    expect(run.stdout).toContain('kappaparadoxen');
    expect(run.stdout).toContain('det mått som bör läsas här: 0,89');
    expect(run.stdout).not.toMatch(/\d\.\d/);
  });

  it('--ordered adds weighted κ and reads α as ordinal; an unused category still counts', () => {
    const lines = ['objekt;bedömare;värde', 'a;X;ja', 'a;Y;ja', 'b;X;delvis', 'b;Y;ja', 'c;X;nej', 'c;Y;nej', 'd;X;delvis', 'd;Y;delvis', 'e;X;nej', 'e;Y;delvis', 'f;X;ja', 'f;Y;'];
    const file = ratingsFile('ordered.csv', lines);
    const json = JSON.parse(granska(['agreement', '--ratings', file, '--categories', 'ja,delvis,nej', '--ordered', '--json']).stdout);
    expect(json.n).toBe(6);
    expect(json.ordered).toBe(true);
    expect(json.krippendorffAlpha.metric).toBe('ordinal');
    expect(json.weightedKappaLinear.value).toBeGreaterThan(json.cohenKappa.value);
    expect(json.weightedKappaQuadratic.value).toBeGreaterThan(json.weightedKappaLinear.value);
    const unused = JSON.parse(granska(['agreement', '--ratings', file, '--categories', 'ja,delvis,nej,ej aktuellt', '--json']).stdout);
    expect(unused.gwetAC1.value).not.toBeCloseTo(json.gwetAC1.value, 6);
  });

  it('--ordered in Swedish names the weighted κ and warns of few items', () => {
    const file = path.join(dir, 'ordered.csv');
    const human = granska(['agreement', '--ratings', file, '--categories', 'ja,delvis,nej', '--ordered']);
    expect(human.stdout).toContain('Viktat κ, kvadratiska vikter');
    expect(human.stdout).toContain('Med bara 6 objekt är intervallen breda');
  });

  it('three raters: no Cohen κ, Fleiss κ and α over all of them; the Krippendorff (2011) data reproduced', () => {
    const obs = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', '', '', ''],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', '', ''],
      ['', '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', '3'],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', ''],
    ];
    const lines = ['Objekt;Bedömare;Värde', ...obs.flatMap((row, rater) => row.map((v, unit) => `enhet ${unit + 1};observatör ${rater + 1};${v}`))];
    const json = JSON.parse(granska(['agreement', '--ratings', ratingsFile('kripp.csv', lines), '--categories', '1,2,3,4,5', '--json']).stdout);
    expect(json.raters).toBe(4);
    expect(json).not.toHaveProperty('cohenKappa');
    expect(json.krippendorffAlpha.value).toBeCloseTo(0.743421, 6);
    expect(json.gwetAC1.value).toBeCloseTo(0.77544, 5);
    expect(json.percentAgreement.value).toBeCloseTo(0.8181818, 7);
    const ordinal = JSON.parse(granska(['agreement', '--ratings', path.join(dir, 'kripp.csv'), '--categories', '1,2,3,4,5', '--ordered', '--json']).stdout);
    expect(ordinal.krippendorffAlpha.value).toBeCloseTo(0.815388, 6);
  });

  it('a statistic that cannot be computed says why, in Swedish, instead of NaN', () => {
    const lines = ['objekt;bedömare;värde', 'a;X;ja', 'a;Y;ja', 'b;X;ja', 'b;Y;ja'];
    const run = granska(['agreement', '--ratings', ratingsFile('all-ja.csv', lines), '--categories', 'ja,nej', '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('NaN');
    const json = JSON.parse(run.stdout);
    expect(json.cohenKappa).toMatchObject({ value: null, ci95: null });
    expect(json.cohenKappa.reason).toContain('samma kategori');
    expect(json.gwetAC1.value).toBe(1);
    const human = granska(['agreement', '--ratings', path.join(dir, 'all-ja.csv'), '--categories', 'ja,nej']);
    expect(human.stdout).toContain('Cohens κ går inte att beräkna: Alla bedömningar hamnar i samma kategori.');
  });

  it('a value outside --categories, an empty field, a repeated rating and a short row are each named by row and field; exit 2', () => {
    const lines = ['objekt;bedömare;värde', 'a;X;ja', 'a;Y;kanske', ';Y;ja', 'a;X;nej', 'b;X'];
    const file = ratingsFile('bad.csv', lines);
    const run = granska(['agreement', '--ratings', file, '--categories', 'ja,delvis,nej']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Fel: bad.csv: Bedömningsfilen har 4 fel och lästes inte; inget beräknades.');
    expect(run.stderr).toContain('Rad 3, fältet värde: "kanske" är inte en av kategorierna (ja, delvis, nej).');
    expect(run.stderr).toContain('Rad 4, fältet objekt: objektet saknas.');
    expect(run.stderr).toContain('Rad 5, fältet bedömare: bedömaren "X" har redan bedömt objektet "a" på rad 2.');
    expect(run.stderr).toContain('Rad 6 har 2 kolumner, men rubrikraden har 3.');
    expect(run.stderr).not.toMatch(/\bat \w|Error|stack/);
    const json = granska(['agreement', '--ratings', file, '--categories', 'ja,delvis,nej', '--json']);
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stderr);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toHaveLength(4);
  });

  it('refuses a wrong header and a missing file in Swedish, exit 2', () => {
    const header = granska(['agreement', '--ratings', ratingsFile('header.csv', ['akt;fråga;svar', 'a;b;ja']), '--categories', 'ja,nej']);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('Rubrikraden (rad 1) ska vara objekt;bedömare;värde. Saknas: objekt, bedömare, värde.');
    const missing = granska(['agreement', '--ratings', path.join(dir, 'finns-inte.csv'), '--categories', 'ja,nej']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('finns inte eller går inte att läsa');
  });

  it('refuses bad --categories and missing flags with the usage line, exit 2', () => {
    const empty = granska(['agreement', '--ratings', path.join(dir, 'skew.csv'), '--categories', 'ja,,nej']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('har en tom kategori');
    const twice = granska(['agreement', '--ratings', path.join(dir, 'skew.csv'), '--categories', 'ja,Ja']);
    expect(twice.stderr).toContain('Kategorin "Ja" anges två gånger');
    const noCategories = granska(['agreement', '--ratings', path.join(dir, 'skew.csv')]);
    expect(noCategories.code).toBe(2);
    expect(noCategories.stderr).toContain('--categories "ja,delvis,nej"');
    const noFile = granska(['agreement', '--categories', 'ja,nej']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Ange filen med bedömningar: --ratings <fil.csv>.');
    expect(noFile.stderr).toContain('Användning: granska agreement --ratings <fil.csv>');
  });

  it('refuses a file that is not CSV, exit 2', () => {
    const binary = path.join(dir, 'zip.csv');
    fs.writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const zip = granska(['agreement', '--ratings', binary, '--categories', 'ja,nej']);
    expect(zip.code).toBe(2);
    expect(zip.stderr).toContain('inte en CSV-fil');
  });
});
