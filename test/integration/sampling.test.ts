import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { granska } from '../support/cli';
import { testCore, type TestCore } from '../support/core';

let core: TestCore;
let reviewId: string;

/** 12 cases in unit A, 7 in B, 3 in C. */
function frameCsv(): string {
  const rows = ['akt;enhet'];
  for (let i = 1; i <= 12; i++) rows.push(`A-${String(i).padStart(3, '0')};Enhet A`);
  for (let i = 1; i <= 7; i++) rows.push(`B-${String(i).padStart(3, '0')};Enhet B`);
  for (let i = 1; i <= 3; i++) rows.push(`C-${String(i).padStart(3, '0')};Enhet C`);
  return `${rows.join('\n')}\n`;
}

beforeEach(async () => {
  core = testCore();
  ({ id: reviewId } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Urval', referenceDate: '2024-12-31' }));
  await core.call('cases.import', { reviewId, contentBase64: Buffer.from(frameCsv()).toString('base64') });
});
afterEach(() => core.dispose());

describe('sampling', () => {
  it('draws the same stratified sample from the same frame and seed, and records it', async () => {
    const first = await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 4 }, seed: '20241231' });
    expect(first.frame).toEqual({ 'Enhet A': 12, 'Enhet B': 7, 'Enhet C': 3 });
    expect(first.sample).toHaveLength(4 + 4 + 3);
    expect(first.shortfall).toBe(1);

    const other = testCore();
    try {
      const { id } = await other.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Samma ram', referenceDate: '2024-12-31' });
      // The same frame in another row order.
      const reversed = frameCsv().trim().split('\n');
      const csv = [reversed[0], ...reversed.slice(1).reverse()].join('\n');
      await other.call('cases.import', { reviewId: id, contentBase64: Buffer.from(csv).toString('base64') });
      expect((await other.call('sampling.draw', { reviewId: id, method: { kind: 'per-unit', n: 4 }, seed: '20241231' })).sample).toEqual(first.sample);
    } finally {
      other.dispose();
    }

    const record = await core.call('sampling.get', { reviewId });
    expect(record).toMatchObject({ seed: '20241231', method: { kind: 'per-unit', n: 4 }, drawnBy: 'Test Testsson', drawnAt: '2026-11-23T09:00:00.000Z' });
    expect(record!.sample).toEqual(first.sample);
  });

  it('splits a total in proportion to unit sizes, or takes every case', async () => {
    const total = await core.call('sampling.draw', { reviewId, method: { kind: 'total', n: 11 }, seed: 'x' });
    const perUnit = (prefix: string) => total.sample.filter((r) => r.startsWith(prefix)).length;
    // Quotas 6, 3.5 and 1.5: the tied remainder goes to the larger unit (docs/sampling.md).
    expect([perUnit('A'), perUnit('B'), perUnit('C')]).toEqual([6, 4, 1]);
    const all = await core.call('sampling.draw', { reviewId, method: { kind: 'all' }, seed: 'x', replace: true });
    expect(all.sample).toHaveLength(22);
  });

  it('replaces a dropout with the next case of its unit in the seeded order, and keeps the log', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'bortfall' });
    const before = (await core.call('sampling.get', { reviewId }))!;
    const firstA = before.cases.find((c) => c.unit === 'Enhet A')!;
    const { replacement } = await core.call('sampling.dropout', { reviewId, caseId: firstA.caseId, reason: 'ej_framtagbar' });
    const after = (await core.call('sampling.get', { reviewId }))!;
    const dropped = after.cases.find((c) => c.caseId === firstA.caseId)!;
    expect(dropped).toMatchObject({ status: 'dropped', dropoutReason: 'ej_framtagbar', changedBy: 'Test Testsson' });
    const replacementCase = after.cases.find((c) => c.caseId === replacement!.caseId)!;
    expect(replacementCase).toMatchObject({ status: 'replacement', unit: 'Enhet A', seededOrder: 3 });
    expect(after.sample).not.toContain(firstA.ref);
    expect(after.sample).toContain(replacement!.ref);

    const second = after.cases.find((c) => c.unit === 'Enhet A' && c.status === 'selected')!;
    const next = await core.call('sampling.dropout', { reviewId, caseId: second.caseId, reason: 'annat', note: 'Dubblettakt' });
    expect((await core.call('sampling.get', { reviewId }))!.cases.find((c) => c.caseId === next.replacement!.caseId)!.seededOrder).toBe(4);
    expect((await core.fails('sampling.dropout', { reviewId, caseId: second.caseId, reason: 'annat' })).issues?.[0].path).toBe('$.note');
  });

  it('returns no replacement when a unit is exhausted', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 3 }, seed: 's' });
    const c = (await core.call('sampling.get', { reviewId }))!.cases.find((x) => x.unit === 'Enhet C')!;
    expect(await core.call('sampling.dropout', { reviewId, caseId: c.caseId, reason: 'fel_malgrupp' })).toEqual({ replacement: null });
  });

  it('refuses to redraw silently, and to draw from an empty frame', async () => {
    await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'a' });
    expect((await core.fails('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 2 }, seed: 'b' })).code).toBe('CONFLICT');
    const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Tom' });
    expect((await core.fails('sampling.draw', { reviewId: id, method: { kind: 'all' } })).message).toMatch(/Urvalsramen är tom/);
  });

  it('chooses and shows a seed when none is given', async () => {
    const result = await core.call('sampling.draw', { reviewId, method: { kind: 'per-unit', n: 1 } });
    expect(result.seed.length).toBeGreaterThan(4);
    expect((await core.call('sampling.get', { reviewId }))!.seed).toBe(result.seed);
  });
});

describe('granska sample', () => {
  it('prints seed, frame and sample as JSON and reproduces it', () => {
    const db = path.join(core.dir, 'cli.sqlite');
    const { id } = JSON.parse(granska(['--db', db, 'review', 'create', '--template', 'oppenvard-barn-0-12', '--title', 'CLI', '--json']).stdout);
    const file = path.join(core.dir, 'ram.csv');
    fs.writeFileSync(file, frameCsv());
    expect(granska(['--db', db, 'cases', 'import', id, file]).code).toBe(0);
    const run = granska(['--db', db, 'sample', id, '--per-unit', '2', '--seed', '42', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toEqual({ seed: '42', frame: { 'Enhet A': 12, 'Enhet B': 7, 'Enhet C': 3 }, sample: expect.any(Array) });
    expect(out.sample).toHaveLength(6);
    const again = granska(['--db', db, 'sample', id, '--per-unit', '2', '--seed', '42', '--replace', '--json']);
    expect(JSON.parse(again.stdout).sample).toEqual(out.sample);
    expect(granska(['--db', db, 'sample', id, '--per-unit', '2', '--all']).code).toBe(2);
  });
});
