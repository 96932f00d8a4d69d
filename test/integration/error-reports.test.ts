import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

let core: TestCore;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

/** A file with three different faults: a duplicate question id, an unknown area and an unknown question type. */
function threeFaults(): Record<string, unknown> {
  const t = miniTemplate({ id: 'tre-fel', name: 'Tre fel' }) as unknown as { questions: Record<string, unknown>[] };
  t.questions.push({ id: 'T1', area: 'trygghet', type: 'scale', scale: 'standard', text: 'Dubblett' });
  t.questions.push({ id: 'X1', area: 'okant', type: 'text', text: 'Fel område' });
  t.questions.push({ id: 'H2', area: 'trygghet', type: 'skala', text: 'Fel typ' });
  return t as unknown as Record<string, unknown>;
}

describe('refused input says what is wrong, field by field', () => {
  it('dispatch names every field of a refused input instead of counting the problems', async () => {
    const error = await core.fails('reviews.create', { templateId: 'oppenvard-barn-0-12', title: '', periodFrom: '2024-02-30' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Titel saknas. Period från: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.');
    expect(error.issues?.map((i) => i.path)).toEqual(['$.title', '$.periodFrom']);
  });

  it('a template file with three faults reports all three through dispatch, each with the question number and id', async () => {
    const error = await core.fails('templates.import', { text: JSON.stringify(threeFaults(), null, 2) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Mallen importerades inte: 3 fel i filen.');
    expect(error.issues).toEqual([
      { path: '$.questions[5].id', message: 'Fråga 6 (T1): Fråge-id "T1" finns redan; varje fråga måste ha ett unikt id.' },
      { path: '$.questions[6].area', message: expect.stringMatching(/^Fråga 7 \(X1\): Okänt kvalitetsområde "okant"\. Finns: trygghet, /) },
      { path: '$.questions[7].type', message: 'Fråga 8 (H2): Okänd frågetyp "skala". Tillåtna typer: scale, choice, date, number, text.' },
    ]);
    expect((await core.call('templates.list', {})).templates.map((t) => t.id)).not.toContain('tre-fel');
  });

  it('`granska template import` lists the three faults in words, without JSON paths', () => {
    const file = path.join(core.dir, 'tre-fel.json');
    fs.writeFileSync(file, JSON.stringify(threeFaults(), null, 2));
    const run = granska(['--db', path.join(core.dir, 'cli.sqlite'), 'template', 'import', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Fel: Mallen importerades inte: 3 fel i filen.');
    expect(lines.slice(1)).toEqual([
      '  Fråga 6 (T1): Fråge-id "T1" finns redan; varje fråga måste ha ett unikt id.',
      expect.stringMatching(/^ {2}Fråga 7 \(X1\): Okänt kvalitetsområde "okant"\./),
      '  Fråga 8 (H2): Okänd frågetyp "skala". Tillåtna typer: scale, choice, date, number, text.',
    ]);
    expect(run.stderr).not.toMatch(/\$[.[]/);
  });

  it('the CLI names the fields of any refused input instead of printing JSON paths', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const run = granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'X', '--reference-date', '2024-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Referensdatum: Ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD.');
    expect(run.stderr).not.toMatch(/\$[.[]/);
  });
});
