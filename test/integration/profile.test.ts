import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/core';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { redactIdentityNumbers } from '../../shared/identity/redact';
import type { ApiError } from '../../shared/result';
import type { Template } from '../../shared/templates/schema';
import { validAnswer } from '../support/answer-all';
import { FIXED_NOW } from '../support/core';

/** A real core on a temp file; `actor` is the explicit override, left out to test the profile and the account. */
function openCore(dir: string, actor?: string) {
  const core: Core = createCore({ dbPath: path.join(dir, 'profil.sqlite'), now: () => FIXED_NOW, actor, validateOutput: true, logError: (m, e) => { throw new Error(`${m}: ${String(e)}`); } });
  return {
    core,
    async call<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
      const result = await core.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      return result.value as OutputOf<K>;
    },
    async fails(method: string, input: unknown): Promise<ApiError> {
      const result = await core.dispatch(method, input);
      if (result.ok) throw new Error(`${method} was expected to fail`);
      return result.error;
    },
  };
}

const accountName = redactIdentityNumbers(os.userInfo().username);
const profile = { name: 'Karin Granskare', title: 'Socialtjänstinspektör', role: 'granskare' as const };

let dir: string;
const opened: Core[] = [];
function fresh(actor?: string) {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'granska-profile-'));
  const c = openCore(dir, actor);
  opened.push(c.core);
  return c;
}
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined as unknown as string;
});

/** Completes one sampled file of the example review, marks it done and reopens it; returns the case log's actors. */
async function doneAndReopened(c: ReturnType<typeof fresh>): Promise<{ reviewId: string; caseId: string; actors: { action: string; actor: string }[] }> {
  const { id: reviewId } = await c.call('reviews.createExample', {});
  const sample = await c.call('sampling.get', { reviewId });
  const caseId = sample!.cases[sample!.cases.length - 1].caseId;
  const { template } = await c.call('templates.get', { id: 'oppenvard-barn-0-12' });
  for (const q of (template as Template).questions) await c.call('answers.save', { reviewId, caseId, questionId: q.id, value: validAnswer(template as Template, q) });
  await c.call('cases.setDone', { reviewId, caseId, done: true });
  await c.call('cases.setDone', { reviewId, caseId, done: false });
  const actors = c.core.db.prepare('SELECT action, actor FROM case_event WHERE case_id = ? ORDER BY seq').all(caseId) as { action: string; actor: string }[];
  return { reviewId, caseId, actors };
}

describe('the profile: who is working', () => {
  it('is empty on a fresh workbench, where changes are recorded as the account', async () => {
    const c = fresh();
    expect(await c.call('profile.get', {})).toEqual({ profile: null, actor: accountName });
    const { id } = await c.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Utan profil' });
    expect((await c.call('reviews.get', { reviewId: id })).createdBy).toBe(accountName);
  });

  it('once saved, names every record: answers, "Skapad av", the sample, a dropout and a file reopened (via granska_actor)', async () => {
    const c = fresh();
    expect(await c.call('profile.save', profile)).toEqual({ profile, actor: 'Karin Granskare' });
    const { reviewId, caseId, actors } = await doneAndReopened(c);
    expect(actors).toEqual([
      { action: 'done', actor: 'Karin Granskare' },
      { action: 'reopened', actor: 'Karin Granskare' },
    ]);
    expect((await c.call('reviews.get', { reviewId })).createdBy).toBe('Karin Granskare');
    const saved = await c.call('answers.save', { reviewId, caseId, questionId: 'T1', value: 'nej' });
    expect(saved.updatedBy).toBe('Karin Granskare');
    const sample = await c.call('sampling.get', { reviewId });
    expect(sample!.drawnBy).toBe('Karin Granskare');
    const other = sample!.cases.find((x) => x.caseId !== caseId && x.status === 'selected')!;
    await c.call('sampling.dropout', { reviewId, caseId: other.caseId, reason: 'ej_framtagbar' });
    const after = await c.call('sampling.get', { reviewId });
    expect(after!.cases.find((x) => x.caseId === other.caseId)!.changedBy).toBe('Karin Granskare');
  });

  it('takes effect at once when changed, and is read again when the workbench is opened', async () => {
    const c = fresh();
    await c.call('profile.save', profile);
    const { id } = await c.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Före' });
    const changed = await c.call('profile.save', { name: 'Karin Lind', role: 'avdelningschef' });
    expect(changed).toEqual({ profile: { name: 'Karin Lind', title: '', role: 'avdelningschef' }, actor: 'Karin Lind' });
    const { id: later } = await c.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Efter' });
    expect((await c.call('reviews.get', { reviewId: id })).createdBy).toBe('Karin Granskare');
    expect((await c.call('reviews.get', { reviewId: later })).createdBy).toBe('Karin Lind');
    c.core.close();
    opened.pop();
    const again = fresh();
    expect(await again.call('profile.get', {})).toEqual({ profile: { name: 'Karin Lind', title: '', role: 'avdelningschef' }, actor: 'Karin Lind' });
  });

  it('yields to an explicit actor (CLI --actor), also in the triggers', async () => {
    const c = fresh('Batch Körning');
    await c.call('profile.save', profile);
    expect((await c.call('profile.get', {})).actor).toBe('Batch Körning');
    const { reviewId, actors } = await doneAndReopened(c);
    expect(actors.map((a) => a.actor)).toEqual(['Batch Körning', 'Batch Körning']);
    expect((await c.call('reviews.get', { reviewId })).createdBy).toBe('Batch Körning');
  });

  it('refuses bad input with Swedish messages naming the field, and writes nothing', async () => {
    const c = fresh();
    const empty = await c.fails('profile.save', { name: '  ', role: 'granskare' });
    expect(empty.code).toBe('VALIDATION');
    expect(empty.issues?.map((i) => i.path)).toEqual(['$.name']);
    const role = await c.fails('profile.save', { name: 'Karin', role: 'chef' });
    expect(role.issues?.map((i) => i.path)).toEqual(['$.role']);
    const long = await c.fails('profile.save', { name: 'Karin', title: 'x'.repeat(121), role: 'granskare' });
    expect(long.issues?.map((i) => i.path)).toEqual(['$.title']);
    const pnr = await c.fails('profile.save', { name: 'Karin 20170101-2393', role: 'granskare' });
    expect(pnr.code).toBe('VALIDATION');
    expect(pnr.message).not.toContain('2393');
    expect(await c.call('profile.get', {})).toEqual({ profile: null, actor: accountName });
  });
});
