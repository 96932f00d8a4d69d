import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InternalResults, PublishedResults } from '../../shared/contract/results';
import { granska, type CliRun } from '../support/cli';
import { writeReference002, type Reference002Files } from '../support/reference-002';

/**
 * Issue 8: a synthetic study shaped like reference 002 (DOMAIN.md §6), imported through the CLI as
 * an inspector would (template, review, case list, answers), must give back the report's figures —
 * recomputed from the data, so the report's slip ("27 %" for 278 of 2,281 cases) cannot recur.
 */

let dir: string;
let db: string;
let study: Reference002Files;
let reviewId: string;
let internal: InternalResults;
let published: PublishedResults;

/** Runs the CLI against the study's workbench and fails with its Swedish output if it did not succeed. */
function ok(args: string[]): CliRun {
  const run = granska(['--db', db, ...args]);
  if (run.code !== 0) throw new Error(`granska ${args.join(' ')} → ${run.code}\n${run.stderr}${run.stdout}`);
  return run;
}

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-ref002-'));
  db = path.join(dir, 'ref002.sqlite');
  study = writeReference002(path.join(dir, 'filer'));

  expect(JSON.parse(ok(['template', 'import', study.templateFile, '--json']).stdout)).toMatchObject({ id: study.templateId, version: 1 });
  reviewId = (JSON.parse(ok(['review', 'create', '--template', study.templateId, '--title', 'Referens 002', '--units', study.units.join(';'), '--json']).stdout) as { id: string }).id;
  const cases = JSON.parse(ok(['cases', 'import', reviewId, study.casesFile, '--all-or-nothing', '--json']).stdout) as { imported: number; rejected: unknown[] };
  expect(cases).toMatchObject({ imported: 2281, rejected: [] });
  const answers = JSON.parse(ok(['answers', 'import', reviewId, study.answersFile, '--json']).stdout) as { imported: number; rejected: unknown[] };
  expect(answers).toEqual({ imported: study.answerRows, rejected: [] });

  internal = JSON.parse(ok(['results', reviewId, '--format', 'json']).stdout) as InternalResults;
  published = JSON.parse(ok(['results', reviewId, '--published', '--format', 'json']).stdout) as PublishedResults;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const question = <R extends { questions: { questionId: string }[] }>(results: R, id: string) => results.questions.find((q) => q.questionId === id) as R['questions'][number];

describe('reference 002 through the CLI', () => {
  it('has the basis of the study: 2,281 cases, boys 55 %, girls 45 %, in the study age bands', () => {
    const { reported, counts } = study;
    expect(internal.view).toBe('internal');
    expect(internal.basis).toEqual({ files: reported.cases, done: 0, bySex: { F: counts.cases.F, M: counts.cases.M, U: 0 } });
    expect(percent(internal.basis.bySex.M, internal.basis.files)).toBe(reported.sexPercent.M);
    expect(percent(internal.basis.bySex.F, internal.basis.files)).toBe(reported.sexPercent.F);
    // Every file answered U1, so its cells carry the age bands of all 2,281 files.
    const byBand = new Map<string | null, number>();
    for (const cell of question(internal, 'U1').counts) byBand.set(cell.ageBand, (byBand.get(cell.ageBand) ?? 0) + cell.count);
    expect(Object.fromEntries([...byBand].map(([band, n]) => [band, percent(n, reported.cases)]))).toEqual(reported.ageBandPercent);
  });

  it('investigation opened in 41 %, boys and girls alike: no difference', () => {
    const u1 = question(internal, 'U1');
    const { investigated } = study.counts;
    expect(u1.answered).toBe(2281);
    expect(u1.share).toMatchObject({ M: { yes: investigated.M, applicable: 1255 }, F: { yes: investigated.F, applicable: 1026 }, total: { yes: 935, applicable: 2281, notApplicable: 0 } });
    for (const key of ['M', 'F', 'total'] as const) expect(percent(u1.share![key].yes, u1.share![key].applicable)).toBe(study.reported.investigatedPercent);
    expect(u1.verdict?.code).toBe('no_difference');
  });

  it('school contacted in 28 % of investigations, boys 34 % and girls 22 %: a difference', () => {
    const u2 = question(internal, 'U2');
    const { schoolContacted, investigated } = study.counts;
    // Applicable = the investigations; the files without one answered ej_tillampligt and stay outside.
    expect(u2.share).toMatchObject({
      M: { yes: schoolContacted.M, applicable: investigated.M, notApplicable: 1255 - investigated.M },
      F: { yes: schoolContacted.F, applicable: investigated.F, notApplicable: 1026 - investigated.F },
      total: { yes: 264, applicable: 935, notApplicable: 2281 - 935 },
    });
    const { schoolContactedPercent } = study.reported;
    expect(percent(u2.share!.total.yes, u2.share!.total.applicable)).toBe(schoolContactedPercent.total);
    expect(percent(u2.share!.M.yes, u2.share!.M.applicable)).toBe(schoolContactedPercent.M);
    expect(percent(u2.share!.F.yes, u2.share!.F.applicable)).toBe(schoolContactedPercent.F);
    expect(u2.verdict?.code).toBe('difference');
    expect(u2.verdict?.text).toMatch(/^Andelen ja är högre för pojkar \(34\s%\) än för flickor \(22\s%\)/);
  });

  it('child spoken to in about half of the investigations', () => {
    const u3 = question(internal, 'U3');
    expect(u3.share!.total).toMatchObject({ yes: 468, applicable: 935 });
    expect(percent(u3.share!.total.yes, u3.share!.total.applicable)).toBe(study.reported.childSpokenToPercent);
  });

  it('intervention offered in 278 cases: 30 % of investigations and 12 % of all cases, not 27 %', () => {
    const i1 = question(internal, 'I1');
    const { reported } = study;
    expect(i1.type).toBe('choice');
    const yesCells = i1.counts.filter((c) => c.answer === 'ja').reduce((sum, c) => sum + c.count, 0);
    expect(yesCells).toBe(reported.offered);
    expect(i1.share!.total).toMatchObject({ yes: reported.offered, applicable: 935 });
    expect(percent(i1.share!.total.yes, i1.share!.total.applicable)).toBe(reported.offeredPercentOfInvestigations);
    expect(percent(reported.offered, internal.basis.files)).toBe(reported.offeredPercentOfCases);
    expect(percent(reported.offered, internal.basis.files)).not.toBe(27);

    const i2 = question(internal, 'I2');
    expect(i2.share!.total).toMatchObject({ yes: 185, applicable: reported.offered });
    expect(percent(i2.share!.total.yes, reported.offered)).toBe(reported.acceptedPercentOfOffers);
    expect(percent(i2.share!.total.yes, 935)).toBe(reported.acceptedPercentOfInvestigations);
    expect(percent(i2.share!.total.yes, internal.basis.files)).toBe(reported.acceptedPercentOfCases);

    const i3 = question(internal, 'I3');
    expect(i3.answered).toBe(reported.offered);
    const ofType = (id: string) => i3.counts.filter((c) => c.answer === id).reduce((sum, c) => sum + c.count, 0);
    expect(percent(ofType('familjebehandling'), i3.answered)).toBe(reported.offeredTypePercent.familjebehandling);
    expect(percent(ofType('kontaktperson'), i3.answered)).toBe(reported.offeredTypePercent.kontaktperson);

    const r1 = question(internal, 'R1');
    expect(percent(r1.share!.total.yes, r1.share!.total.applicable)).toBe(reported.reReferredPercent);
  });

  it('the published view shows the same percents: every denominator is large', () => {
    const { reported, counts } = study;
    expect(published.view).toBe('published');
    expect(published.basis).toEqual({ files: 2281, done: 0, bySex: { F: counts.cases.F, M: counts.cases.M, U: 0 } });
    // Nothing lies between 1 and 4, so nothing is hidden.
    expect(published.questions.flatMap((q) => q.counts).every((c) => c.count !== null)).toBe(true);

    const u1 = question(published, 'U1').share!;
    for (const key of ['M', 'F', 'total'] as const) expect(Math.round(u1[key].percent!)).toBe(reported.investigatedPercent);
    const u2 = question(published, 'U2');
    expect(Math.round(u2.share!.total.percent!)).toBe(reported.schoolContactedPercent.total);
    expect(Math.round(u2.share!.M.percent!)).toBe(reported.schoolContactedPercent.M);
    expect(Math.round(u2.share!.F.percent!)).toBe(reported.schoolContactedPercent.F);
    expect(u2.verdict?.code).toBe('difference');
    expect(question(published, 'U1').verdict?.code).toBe('no_difference');
    expect(Math.round(question(published, 'U3').share!.total.percent!)).toBe(reported.childSpokenToPercent);
    expect(question(published, 'I1').share!.total).toMatchObject({ yes: reported.offered, applicable: 935 });
    expect(Math.round(question(published, 'I1').share!.total.percent!)).toBe(reported.offeredPercentOfInvestigations);
  });

  it('gives the attacker nothing: `granska results --published --audit --json` finds 0 disclosed cells in the whole set', () => {
    const audit = JSON.parse(ok(['results', reviewId, '--published', '--audit', '--json']).stdout) as { published: number; hidden: number; disclosed: unknown[] };
    expect(audit.published).toBeGreaterThan(100);
    expect(typeof audit.hidden).toBe('number');
    expect(audit.disclosed).toEqual([]);
  });
});
