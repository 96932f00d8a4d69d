import { describe, expect, it } from 'vitest';
import { ReportDraftSchema, type Block, type ReportDraft, type Section } from '../../shared/contract/report-model';
import { SectionSchema } from '../../shared/contract/report-model';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import { canonicalJson, fnv1a64, sectionFingerprint, stamped, untouched } from '../../shared/report/fingerprint';
import { regenerateDraft } from '../../shared/report/regenerate';

/**
 * Issue 15: rewriting the draft from the review never overwrites what a person wrote without
 * asking. Sections are matched by id, in the memo and in Bilaga 1; an untouched section (its text
 * still has the fingerprint the workbench stamped) is replaced, an edited one is kept and listed,
 * one a person added stays, a new one is added in its place; header, proposals and signatures stay.
 */

const text = (t: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const sec = (id: string, body: string, extra: Partial<Section> = {}): Section => stamped({ id, kind: 'custom', title: id.toUpperCase(), enabled: true, blocks: [text(body)], ...extra });
/** The section as a person left it: new text, the workbench's old fingerprint. */
const edit = (s: Section, body: string): Section => ({ ...s, blocks: [text(body)] });

const draft = (sections: Section[], bilaga?: Section[], over: Partial<ReportDraft> = {}): ReportDraft => ({
  header: { officers: [{ name: 'Karin Lind', phone: '08-50825262' }], to: 'Socialnämnden', date: '', dnr: 'SOF 2024/543', title: 'Titel', subtitle: 'Undertitel', administration: 'Socialförvaltningen', department: 'Avdelningen', font: 'Times New Roman' },
  proposals: ['Socialnämnden godkänner rapporten.'],
  sections,
  signatures: [],
  ...(bilaga ? { bilaga1: { sections: bilaga } } : {}),
  ...over,
});

const ids = (refs: { id: string }[]) => refs.map((r) => r.id);
const bodyOf = (d: ReportDraft, id: string, where: 'memo' | 'bilaga' = 'memo') => {
  const s = (where === 'memo' ? d.sections : d.bilaga1!.sections).find((x) => x.id === id)!;
  return s.blocks.map((b) => (b.type === 'paragraph' ? b.content.map((c) => c.text).join('') : b.type)).join('|');
};

describe('regenerateDraft', () => {
  it('replaces a section nobody edited, keeping its place, title and switch', () => {
    const current = draft([sec('a', 'gammal text', { title: 'Egen rubrik', enabled: false }), sec('b', 'oförändrad')]);
    const fresh = draft([sec('b', 'oförändrad'), sec('a', 'ny text')]);
    const { draft: next, replaced, kept } = regenerateDraft(current, fresh, new Set());
    expect(ids(replaced)).toEqual(['a']);
    expect(replaced[0].title).toBe('Egen rubrik');
    expect(kept).toEqual([]);
    expect(next.sections.map((s) => s.id)).toEqual(['a', 'b']);
    expect(next.sections[0]).toMatchObject({ title: 'Egen rubrik', enabled: false, generated: fresh.sections[1].generated });
    expect(bodyOf(next, 'a')).toBe('ny text');
    expect(untouched(next.sections[0])).toBe(true);
  });

  it('keeps a section a person changed, and lists it', () => {
    const a = sec('a', 'genererad');
    const current = draft([edit(a, 'skriven av en person')]);
    const { draft: next, replaced, kept } = regenerateDraft(current, draft([sec('a', 'ny genererad')]), new Set());
    expect(replaced).toEqual([]);
    expect(kept).toEqual([{ id: 'a', title: 'A' }]);
    expect(next.sections[0]).toEqual(current.sections[0]);
  });

  it('replaces a changed section when the writer asks for it by id', () => {
    const current = draft([edit(sec('a', 'genererad'), 'skriven av en person'), edit(sec('b', 'genererad'), 'också ändrad')]);
    const { draft: next, replaced, kept } = regenerateDraft(current, draft([sec('a', 'ny'), sec('b', 'ny b')]), new Set(['a']));
    expect(ids(replaced)).toEqual(['a']);
    expect(ids(kept)).toEqual(['b']);
    expect(bodyOf(next, 'a')).toBe('ny');
    expect(bodyOf(next, 'b')).toBe('också ändrad');
  });

  it('keeps a section without a fingerprint (written before fingerprints) unless asked', () => {
    const { generated: _, ...old } = sec('a', 'gammalt utkast');
    const current = draft([old]);
    expect(ids(regenerateDraft(current, draft([sec('a', 'nytt')]), new Set()).kept)).toEqual(['a']);
    expect(bodyOf(regenerateDraft(current, draft([sec('a', 'nytt')]), new Set(['a'])).draft, 'a')).toBe('nytt');
  });

  it('keeps sections a person added, in their place, and adds fresh sections the draft lacks after their predecessor', () => {
    const own = { id: 'egen', kind: 'custom', title: 'Eget avsnitt', enabled: true, blocks: [text('egen text')] } satisfies Section;
    const current = draft([sec('a', 'a'), own, sec('c', 'c')]);
    const fresh = draft([sec('ny-forst', 'först'), sec('a', 'a'), sec('b', 'b'), sec('c', 'c'), sec('d', 'd')]);
    const { draft: next, replaced, kept } = regenerateDraft(current, fresh, new Set(['egen']));
    expect(next.sections.map((s) => s.id)).toEqual(['ny-forst', 'a', 'b', 'egen', 'c', 'd']);
    expect(ids(replaced)).toEqual(['ny-forst', 'b', 'd']);
    expect(kept).toEqual([]);
    expect(next.sections.find((s) => s.id === 'egen')).toEqual(own);
  });

  it('changes nothing when the fresh draft writes the same text', () => {
    const current = draft([sec('a', 'a'), edit(sec('b', 'b'), 'b')], [sec('bilaga-a', 'x')]);
    const result = regenerateDraft(current, draft([sec('a', 'a'), sec('b', 'b')], [sec('bilaga-a', 'x')]), new Set());
    expect(result.replaced).toEqual([]);
    expect(result.kept).toEqual([]);
    expect(result.draft).toEqual(current);
  });

  it('leaves the header, the proposals and the signatures as they are', () => {
    const current = draft([sec('a', 'a')], undefined, { signatures: [{ name: 'Veronica', title: 'Socialdirektör', administration: 'Socialförvaltningen' }], proposals: ['Egen formulering.'] });
    const fresh = draft([sec('a', 'ny')], undefined, { header: { ...current.header, title: 'Annan titel', dnr: '' }, proposals: ['Genererad.'] });
    const { draft: next } = regenerateDraft(current, fresh, new Set());
    expect(next.header).toEqual(current.header);
    expect(next.proposals).toEqual(['Egen formulering.']);
    expect(next.signatures).toEqual(current.signatures);
  });

  it('treats Bilaga 1 the same way, and adds it whole to a draft written before it existed', () => {
    const fresh = draft([sec('a', 'a')], [sec('bilaga-inledning', 'inledning'), sec('bilaga-slutord', 'slutord')]);
    const added = regenerateDraft(draft([sec('a', 'a')]), fresh, new Set());
    expect(ids(added.replaced)).toEqual(['bilaga-inledning', 'bilaga-slutord']);
    expect(added.draft.bilaga1).toEqual(fresh.bilaga1);

    const current = draft([sec('a', 'a')], [edit(sec('bilaga-inledning', 'inledning'), 'inspektörens inledning'), sec('bilaga-slutord', 'gammalt slutord')]);
    const merged = regenerateDraft(current, fresh, new Set());
    expect(ids(merged.kept)).toEqual(['bilaga-inledning']);
    expect(ids(merged.replaced)).toEqual(['bilaga-slutord']);
    expect(bodyOf(merged.draft, 'bilaga-inledning', 'bilaga')).toBe('inspektörens inledning');
    expect(bodyOf(merged.draft, 'bilaga-slutord', 'bilaga')).toBe('slutord');

    const without = regenerateDraft(current, draft([sec('a', 'a')]), new Set());
    expect(without.draft.bilaga1).toEqual(current.bilaga1);
  });

  it('replaces an untouched area’s detail along with its blocks, and the result parses', () => {
    const area = (body: string, detail: string) => stamped({ id: 'omrade-trygghet', kind: 'area', areaId: 'trygghet', title: 'Trygghet och säkerhet', enabled: true, blocks: [text(body)], detail: [text(detail)] });
    const { draft: next, replaced } = regenerateDraft(draft([area('kort', 'fullt')]), draft([area('kort', 'fullare')]), new Set());
    expect(ids(replaced)).toEqual(['omrade-trygghet']);
    expect(next.sections[0].detail).toEqual([text('fullare')]);
    expect(ReportDraftSchema.safeParse(next).success).toBe(true);
  });
});

describe('sectionFingerprint', () => {
  const base = { blocks: [text('Andelen ja var 54 %.')] };

  it('changes with the text, and is 16 letters a–p', () => {
    expect(sectionFingerprint(base)).toMatch(/^[a-p]{16}$/);
    expect(sectionFingerprint({ blocks: [text('Andelen ja var 55 %.')] })).not.toBe(sectionFingerprint(base));
    expect(sectionFingerprint({ ...base, detail: [text('mer')] })).not.toBe(sectionFingerprint(base));
  });

  it('does not count as an edit what an editor may do without changing the text', () => {
    expect(sectionFingerprint({ ...base, detail: [] })).toBe(sectionFingerprint(base));
    const split: Block = { type: 'paragraph', content: [{ type: 'text', text: 'Andelen ja ' }, { type: 'text', text: 'var 54 %.', bold: false }] };
    expect(sectionFingerprint({ blocks: [split] })).toBe(sectionFingerprint(base));
    const bold: Block = { type: 'paragraph', content: [{ type: 'text', text: 'Andelen ja ' }, { type: 'text', text: 'var 54 %.', bold: true }] };
    expect(sectionFingerprint({ blocks: [bold] })).not.toBe(sectionFingerprint(base));
  });

  it('writes canonical JSON: keys sorted, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
  });
});

describe('a fingerprint never looks like a personnummer', () => {
  it('spells the hash in letters, so a hash whose hex digits read as an identity number still saves', () => {
    // Before, the fingerprint was hex: now and then its digits spelt a date and four more, the guard
    // on every draft text refused it, and the first draft of a review could not be stored at all.
    let text = '';
    for (let i = 0; i < 200_000; i++) {
      if (findIdentityNumbers(fnv1a64(canonicalJson({ blocks: [paragraphOf(`Text ${i}`)], detail: [] }))).length > 0) {
        text = `Text ${i}`;
        break;
      }
    }
    expect(text, 'a text whose hex hash holds an identity-number-like run').not.toBe('');
    const section = stamped({ id: 'omrade', kind: 'area', title: 'Område', enabled: true, blocks: [paragraphOf(text)] });
    expect(section.generated).toMatch(/^[a-p]{16}$/);
    expect(SectionSchema.safeParse(section).success).toBe(true);
  });
});

function paragraphOf(text: string) {
  return { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] };
}
