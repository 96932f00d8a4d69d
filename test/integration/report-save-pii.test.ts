import { afterEach, describe, expect, it } from 'vitest';
import type { Inline, ReportDraft } from '../../shared/contract/report-model';
import { testCore, type TestCore } from '../support/core';
import { probedSpellings } from '../support/identity-spellings';

/*
 * Issue 16: a memo draft is saved only when no text of it holds a personal number — not run by
 * run, but as the page shows it: a number split over two runs of one paragraph ("1701" plain,
 * "01-2393" bold) is refused at report.save with the ordinary VALIDATION error naming the
 * section, and nothing is stored. Only Skatteverket's published test numbers.
 */

const BOY = '20170101-2393';

const opened: TestCore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.dispose();
});

async function exampleReport() {
  const core = testCore();
  opened.push(core);
  const { id: reviewId } = await core.call('reviews.createExample', {});
  const { draft, revision } = await core.call('report.get', { reviewId });
  return { core, reviewId, draft, revision };
}

/** The draft with Bakgrund's first paragraph made of these runs. */
function withRuns(draft: ReportDraft, content: Inline[]): { draft: ReportDraft; at: number } {
  const next = structuredClone(draft);
  const at = next.sections.findIndex((s) => s.kind === 'bakgrund');
  next.sections[at].blocks[0] = { type: 'paragraph', content };
  return { draft: next, at };
}

/** What the database holds of the report, as text. */
const stored = (core: TestCore, reviewId: string) => JSON.stringify(core.db.prepare('SELECT * FROM report WHERE review_id = ?').all(reviewId));

describe('report.save reads each paragraph as its joined text', () => {
  it('refuses a number split over a plain and a bold run, naming the section, and stores nothing', async () => {
    const { core, reviewId, draft, revision } = await exampleReport();
    const before = stored(core, reviewId);
    const { draft: split, at } = withRuns(draft, [
      { type: 'text', text: 'Barnet har nummer 1701' },
      { type: 'text', text: '01-2393', bold: true },
      { type: 'text', text: ' enligt akten.' },
    ]);
    const error = await core.fails('report.save', { reviewId, revision, draft: split });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: `$.draft.sections[${at}].blocks[0].content[0].text`, message: expect.stringMatching(/^Avsnittet Bakgrund, stycke 1: texten innehåller ett personnummer\. Ta bort det innan du sparar\./) }]);
    expect(error.message).toMatch(/^Utkastet sparades inte: .* på ett ställe\. Avsnittet Bakgrund, stycke 1\.$/);
    expect(JSON.stringify(error)).not.toMatch(/2393|1701/);
    // Nothing stored: not the draft, not the revision, not a log entry.
    expect(stored(core, reviewId)).toBe(before);
    expect((await core.call('report.get', { reviewId })).revision).toBe(revision);
  });

  it('refuses the split in a list item and in a footnote’s own text, and across a footnote mark', async () => {
    const { core, reviewId, draft, revision } = await exampleReport();
    const { draft: listed, at } = withRuns(draft, [{ type: 'text', text: 'Se listan.' }]);
    listed.sections[at].blocks[1] = { type: 'bullets', items: [[{ type: 'text', text: 'ok' }], [{ type: 'text', text: '2017' }, { type: 'text', text: '0101-2393', italic: true }]] };
    const list = await core.fails('report.save', { reviewId, revision, draft: listed });
    expect(list.issues?.map((i) => i.message.slice(0, i.message.indexOf(': texten')))).toEqual(['Avsnittet Bakgrund, punktlista (stycke 2), punkt 2']);

    const { draft: marked } = withRuns(draft, [{ type: 'text', text: 'Nummer 170101' }, { type: 'footnote', text: 'Källa: akten.' }, { type: 'text', text: '-2393 nämns.' }]);
    const footnote = await core.fails('report.save', { reviewId, revision, draft: marked });
    expect(footnote.issues?.map((i) => i.message.slice(0, i.message.indexOf(': texten')))).toEqual(['Avsnittet Bakgrund, stycke 1']);
    expect((await core.call('report.get', { reviewId })).revision).toBe(revision);
  });

  it('refuses the seven spellings a probe found missed, in a paragraph', async () => {
    const { core, reviewId, draft, revision } = await exampleReport();
    for (const spelling of probedSpellings(BOY.replace('-', ''))) {
      const { draft: tainted } = withRuns(draft, [{ type: 'text', text: `Barnet ${spelling} nämns.` }]);
      const error = await core.fails('report.save', { reviewId, revision, draft: tainted });
      expect(error.code, JSON.stringify(spelling)).toBe('VALIDATION');
    }
    expect((await core.call('report.get', { reviewId })).revision).toBe(revision);
  });

  it('saves runs that only look like a number apart: a date in one, a phone number in the next', async () => {
    const { core, reviewId, draft, revision } = await exampleReport();
    const { draft: ordinary } = withRuns(draft, [
      { type: 'text', text: 'Beslut 2024-03-12, ring ' },
      { type: 'text', text: '08-508 252 62', bold: true },
      { type: 'text', text: ' eller 070-123 45 67 (Dnr SOF 2024/543).' },
    ]);
    expect((await core.call('report.save', { reviewId, revision, draft: ordinary })).revision).toBeGreaterThan(revision);
  });
});
