import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../main/core/templates/bundled';
import { insertTemplate } from '../../main/core/templates/repository';
import { formatLegalRef } from '../../shared/templates/legal-in-period';
import type { LegalRef, Template } from '../../shared/templates/schema';
import { testCore } from '../support/core';

const OLD_SOL = 'SoL (2001:453)';
const NEW_SOL = 'SoL (2025:400)';
const LAST_DAY_OLD = '2025-06-30';
const FIRST_DAY_NEW = '2025-07-01';

/** "SoL (2025:400)" → "SoL": acts that share a short name replace each other over time. */
const shortName = (act: string) => act.replace(/\s*\(\d{4}:\d+\)\s*$/, '');
const overlaps = (a: LegalRef, b: LegalRef) =>
  (a.validFrom ?? '0000-01-01') <= (b.validTo ?? '9999-12-31') && (b.validFrom ?? '0000-01-01') <= (a.validTo ?? '9999-12-31');

const refsOf = (templates: Template[]) =>
  templates.flatMap((t) => t.questions.flatMap((q) => (q.legal ?? []).map((ref) => ({ template: t.id, question: q.id, ref, all: q.legal! }))));

/** Rows of a markdown table in docs/legal-references.md under the heading that starts with `heading`. */
function docTableRows(heading: string): string[][] {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/legal-references.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/legal-references.md has no section "${heading}"`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
    .slice(1)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, '')));
}

describe('legal references of the bundled templates', () => {
  const templates = bundledTemplates();
  const refs = refsOf(templates);

  it('end the old Social Services Act on 30 June 2025 and start the new one on 1 July 2025', () => {
    for (const { template, question, ref } of refs) {
      const where = `${template}/${question} ${formatLegalRef(ref)}`;
      if (ref.act === OLD_SOL) expect(ref.validTo, where).toBe(LAST_DAY_OLD);
      if (ref.act === NEW_SOL) expect([ref.validFrom, ref.validTo], where).toEqual([FIRST_DAY_NEW, undefined]);
    }
  });

  it('never cite two acts of the same name for overlapping periods in one question', () => {
    for (const { template, question, ref, all } of refs) {
      const clashes = all.filter((other) => other.act !== ref.act && shortName(other.act) === shortName(ref.act) && overlaps(ref, other));
      expect(clashes.map(formatLegalRef), `${template}/${question} ${formatLegalRef(ref)}`).toEqual([]);
    }
  });

  it('add a new-law reference only as the documented, verified successor of an old one', () => {
    const mapped = docTableRows('Mapped');
    for (const { template, question, ref, all } of refs.filter((r) => r.ref.act === NEW_SOL)) {
      const row = mapped.find((r) => r[0] === template && r[1] === question && r[3] === formatLegalRef(ref));
      expect(row, `${template}/${question} ${formatLegalRef(ref)} is not in the mapped table`).toBeDefined();
      expect(row![5]).toBe('yes');
      expect(row![4].length).toBeGreaterThan(0);
      expect(all.map(formatLegalRef)).toContain(row![2]);
    }
  });

  it('list every old-law reference either as mapped or as left out', () => {
    const documented = [...docTableRows('Mapped'), ...docTableRows('Left out')].map((r) => `${r[0]}/${r[1]}/${r[2]}`);
    const old = refs.filter((r) => r.ref.act === OLD_SOL).map((r) => `${r.template}/${r.question}/${formatLegalRef(r.ref)}`);
    expect(old.filter((key) => !documented.includes(key))).toEqual([]);
    // Nothing documented that the templates no longer hold.
    expect(documented.filter((key) => !old.includes(key))).toEqual([]);
  });
});

describe('a workbench seeded before the new-law references', () => {
  it('gets the new bundled version while the version its review uses stays as it was', async () => {
    const current = bundledTemplates().find((t) => t.id === 'genomlysning-barnarenden')!;
    expect(current.version).toBeGreaterThan(1);
    // The document as an earlier release seeded it: version 1, old-law references only.
    const earlier: Template = {
      ...structuredClone(current),
      version: 1,
      questions: current.questions.map((q) => ({ ...q, legal: q.legal?.filter((ref) => ref.act !== NEW_SOL) })),
    };

    const first = testCore();
    const dbFile = path.join(first.dir, 'test.sqlite');
    first.db.prepare('DELETE FROM template WHERE id = ?').run(current.id);
    insertTemplate(first.db, earlier, 'bundled', '2025-01-01T00:00:00.000Z');
    const { id: reviewId } = await first.call('reviews.create', { templateId: current.id, title: 'Genomlysning 2025' });
    const storedEarlier = first.db.prepare('SELECT document FROM template WHERE id = ? AND version = 1').pluck().get(current.id);
    first.close();

    const reopened = testCore({ dbFile });
    try {
      expect(reopened.db.prepare('SELECT version FROM template WHERE id = ? ORDER BY version').pluck().all(current.id)).toEqual([1, current.version]);
      const v1 = await reopened.call('templates.get', { id: current.id, version: 1 });
      expect(v1.frozen).toBe(true);
      expect(reopened.db.prepare('SELECT document FROM template WHERE id = ? AND version = 1').pluck().get(current.id)).toBe(storedEarlier);
      expect((await reopened.call('reviews.get', { reviewId })).templateVersion).toBe(1);

      const latest = await reopened.call('templates.get', { id: current.id });
      expect(latest.template.version).toBe(current.version);
      const q = latest.template.questions.find((x) => x.id === 'beslut_utredning_datum')!;
      expect(q.legal!.map(formatLegalRef)).toEqual(['11 kap. 1 a § SoL (2001:453)', '20 kap. 2 § SoL (2025:400)']);
    } finally {
      reopened.dispose();
      fs.rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
