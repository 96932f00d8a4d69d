import { afterEach, describe, expect, it } from 'vitest';
import { BIDI_CONTROL_MESSAGE } from '../../shared/contract/fields';
import { testCore, type TestCore } from '../support/core';
import { miniTemplate } from '../support/template-fixtures';

/*
 * Issue 16: a character that turns the writing direction (U+202E RIGHT-TO-LEFT OVERRIDE and its
 * kin) makes "rapport\u202Efdp.exe" show as "rapportexe.pdf" — a package file that reads as
 * something it is not. Every title and name refuses them through the contract's text fields
 * (test/unit/contract-pii-marks.test.ts walks every field); here the paths a person takes, and a
 * file name, which is kept with the controls removed rather than refused.
 */

const SPOOFED = 'rapport\u202efdp.exe';
const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

async function exampleReview() {
  const core = testCore();
  opened.push(core);
  const { id: reviewId } = await core.call('reviews.createExample', {});
  return { core, reviewId };
}

async function expectRefused(core: TestCore, method: string, input: unknown, path: string) {
  const error = await core.fails(method, input);
  expect(error.code, method).toBe('VALIDATION');
  // The template importer puts the place in words before the message ("Fråga 1 (T1), frågetext: …").
  expect(error.issues?.find((i) => i.path === path)?.message.endsWith(BIDI_CONTROL_MESSAGE), `${method} ${path}`).toBe(true);
}

describe('direction controls are refused in titles and names', () => {
  it('an appendix title "rapport\\u202Efdp.exe" is refused at add, plan and rename, and nothing is kept', async () => {
    const { core, reviewId } = await exampleReview();
    await core.call('profile.save', { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' });
    const memo = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    await expectRefused(core, 'appendix.add', { reviewId, fileName: 'rapport.docx', title: SPOOFED, contentBase64: b64(memo) }, '$.title');
    await expectRefused(core, 'appendix.plan', { reviewId, title: SPOOFED }, '$.title');
    for (const control of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      await expectRefused(core, 'appendix.plan', { reviewId, title: `Yttrande${control}` }, '$.title');
    }
    expect(core.db.prepare('SELECT COUNT(*) FROM appendix').pluck().get()).toBe(0);
    const planned = await core.call('appendix.plan', { reviewId, title: 'Protokollsutdrag' });
    await expectRefused(core, 'appendix.update', { reviewId, id: planned.id, title: SPOOFED }, '$.title');
  });

  it('a file name keeps its letters and loses the controls, so the kept name shows what the file is', async () => {
    const { core, reviewId } = await exampleReview();
    await core.call('profile.save', { name: 'Cecilia Sekreterare', title: 'Nämndsekreterare', role: 'namndsekreterare' });
    const memo = Buffer.from((await core.call('report.export', { reviewId, document: 'memo' })).contentBase64, 'base64');
    const added = await core.call('appendix.add', { reviewId, fileName: 'yttrande\u202excod.docx', title: 'Tidigare rapport', contentBase64: b64(memo) });
    expect(added.fileName).toBe('yttrandexcod.docx');
    expect(JSON.stringify(core.db.prepare('SELECT file_name FROM appendix').all())).not.toMatch(/\\u202e|\u202e/i);
    const error = await core.fails('cases.import', { reviewId, fileName: 'akter\u202evsc.csv', contentBase64: b64('') });
    expect(error.message).toMatch(/^aktervsc\.csv: /);
  });

  it('review details and template texts (granskningsmall/1 too) refuse them', async () => {
    const { core } = await exampleReview();
    await expectRefused(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: SPOOFED }, '$.title');
    await expectRefused(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'T', inspectors: [{ name: 'Anna\u202e' }] }, '$.inspectors[0].name');
    await expectRefused(core, 'templates.create', { name: `Mall ${SPOOFED}` }, '$.name');
    const template = miniTemplate();
    const spoofed = { ...template, questions: template.questions.map((q, i) => (i === 0 ? { ...q, text: `Fråga\u2067 ett` } : q)) };
    await expectRefused(core, 'templates.import', { document: spoofed }, '$.questions[0].text');
    await expectRefused(core, 'templates.import', { text: JSON.stringify(spoofed) }, '$.questions[0].text');
  });
});
