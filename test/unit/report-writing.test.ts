import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDraftSchema, type Block, type ReportDraft, type Section } from '../../shared/contract/report-model';
import type { PublishedResults } from '../../shared/contract/results';
import type { Review } from '../../shared/contract/reviews';
import { fnv1a64, sectionFingerprint } from '../../shared/report/fingerprint';
import { defaultDraft, type DraftInput } from '../../shared/report/generate';
import type { DialogueMaterial, FindingMaterial } from '../../shared/report/material';
import { regenerateDraft } from '../../shared/report/regenerate';
import { DEFAULT_REPORT_SETTINGS } from '../../shared/report/settings';
import { formatPercent } from '../../shared/stats/format-stats';
import { testCore, type TestCore } from '../support/core';
import { generateReview, REFERENCE_003_TEMPLATE, REFERENCE_003_UNITS } from '../support/reference-003';

/**
 * Issue 15: the first draft is worth editing. On a review shaped like reference 003 (36 files,
 * three units, the bundled öppenvård template) with findings and dialogue notes written by hand:
 * every area reads differently and names its published figures, findings and dialogue notes reach
 * the memo (summarised) and Bilaga 1 (in full) without any file reference, withheld figures are
 * never printed, and the draft parses with its own schema.
 */

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const [NORR, SODER, VASTER] = REFERENCE_003_UNITS;

const FINDINGS: FindingMaterial[] = [
  { areaId: 'trygghet', questionId: 'T2', number: 2, unit: NORR, ref: 'Akt 7', note: 'Genomförandeplanen saknar mål kopplade till beslutet.', fileRef: 'Genomförandeplan s. 2' },
  { areaId: 'trygghet', questionId: 'T3', number: 3, unit: SODER, ref: 'Akt 12', note: 'Journalen är så summarisk att förloppet inte går att följa under två månader.', fileRef: 'Journal 2024-03-12' },
  { areaId: 'trygghet', questionId: 'T4', number: 4, unit: VASTER, ref: 'Akt 21', note: 'Uppgift om våld i hemmet framkom utan att någon åtgärd dokumenterades', fileRef: null },
  { areaId: 'sjalvbestammande', questionId: 'S3', number: 8, unit: NORR, ref: 'Akt 3', note: 'Barnet har inte fått information anpassad efter sin ålder.', fileRef: 'Journal 2024-02-01' },
  { areaId: 'effektivitet', questionId: 'E6', number: 34, unit: SODER, ref: 'Akt 15', note: 'Ingen avslutande anteckning trots att insatsen avbröts.', fileRef: 'Journal 2024-05-02' },
  { areaId: 'effektivitet', questionId: 'E5', number: 33, unit: SODER, ref: 'Akt 16', note: 'Skälet till att insatsen avbröts framgår inte.', fileRef: null },
];

const DIALOGUE: DialogueMaterial[] = [
  {
    unit: NORR,
    heldOn: '2024-10-03',
    participants: 'enhetschef, två behandlare',
    notes: { trygghet: 'Medarbetarna beskrev en osäkerhet kring vad behandlaren ska dokumentera.', tillganglighet: 'Enheten erbjuder kvällstider två dagar i veckan.' },
  },
  { unit: SODER, heldOn: '2024-10-10', participants: 'enhetschef och behandlare', notes: { helhetssyn: 'Enheten använder en rutin för dragningsmöte vid uppstart.' } },
];

let core: TestCore;
let review: Review;
let results: PublishedResults;

beforeAll(async () => {
  core = testCore();
  const { id } = await core.call('reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Öppenvård barn 0-12 år', dnr: 'SOF 2024/543', referenceDate: '2024-12-31', units: [...REFERENCE_003_UNITS] });
  const generated = generateReview('referens-003');
  await core.call('cases.import', { reviewId: id, contentBase64: b64(generated.casesCsv) });
  await core.call('answers.import', { reviewId: id, contentBase64: b64(generated.answersCsv) });
  review = await core.call('reviews.get', { reviewId: id });
  const published = await core.call('results.get', { reviewId: id, published: true });
  if (published.view !== 'published') throw new Error('expected the published view');
  results = published;
}, 60_000);
afterAll(() => core.dispose());

const input = (over: Partial<DraftInput> = {}): DraftInput => ({
  review,
  template: REFERENCE_003_TEMPLATE,
  results,
  sample: null,
  settings: DEFAULT_REPORT_SETTINGS,
  officers: [{ name: 'Karin Lind', phone: '08-50825262' }],
  findings: FINDINGS,
  dialogue: DIALOGUE,
  ...over,
});

const blockText = (block: Block): string => {
  switch (block.type) {
    case 'paragraph':
      return block.content.map((c) => c.text).join('');
    case 'bullets':
    case 'numbered':
      return block.items.map((item) => item.map((c) => c.text).join('')).join('\n');
    default:
      return `[${block.type}]`;
  }
};
const memoText = (s: Section) => s.blocks.map(blockText).join('\n');
const detailText = (s: Section) => (s.detail ?? []).map(blockText).join('\n');
const areas = (draft: ReportDraft) => draft.sections.filter((s) => s.kind === 'area');
const areaOf = (draft: ReportDraft, areaId: string) => areas(draft).find((s) => s.areaId === areaId)!;
const firstSentence = (text: string) => text.match(/^.*?[.!?](?=\s|$)/s)![0];
const clone = <T>(value: T): T => structuredClone(value);
const pct = (percent: number) => formatPercent(percent / 100);

describe('defaultDraft on a review shaped like reference 003', () => {
  it('parses with its own schema, and writes the memo and Bilaga 1 in order', () => {
    const draft = ReportDraftSchema.parse(defaultDraft(input()));
    expect(draft.sections.map((s) => s.kind)).toEqual([
      'sammanfattning',
      'bakgrund',
      'arendet',
      'likstallighet',
      ...Array(6).fill('area'),
      'jamstalldhet',
      'slutsatser',
      'barnratt',
      'beredning',
      'synpunkter',
      'signatures',
    ]);
    expect(draft.bilaga1!.sections.map((s) => s.kind)).toEqual(['sammanfattning', 'inledning', 'metod', 'resultat', 'likstallighet', 'jamstalldhet', 'slutsatser', 'slutord']);
    expect(new Set([...draft.sections, ...draft.bilaga1!.sections].map((s) => s.id)).size).toBe(draft.sections.length + draft.bilaga1!.sections.length);
    expect(JSON.stringify(draft)).not.toMatch(/null|undefined|NaN/);
    expect(JSON.stringify(draft)).not.toMatch(/\[fyll i\]/i);
  });

  it('is the same draft every time', () => {
    expect(defaultDraft(input())).toEqual(defaultDraft(input()));
  });

  it('writes six area sections that differ pairwise, down to their first sentences', () => {
    const sections = areas(defaultDraft(input()));
    expect(sections).toHaveLength(6);
    const texts = sections.map(memoText);
    const firsts = texts.map(firstSentence);
    expect(new Set(texts).size).toBe(6);
    expect(new Set(firsts).size).toBe(6);
    // No two areas open with the same words either (not only different figures in the same frame).
    expect(new Set(firsts.map((f) => f.split(' ').slice(0, 3).join(' '))).size).toBe(6);
  });

  it('names each area’s published share in the memo text, and keeps placeholders out', () => {
    const draft = defaultDraft(input());
    for (const section of areas(draft)) {
      const area = results.areas.find((a) => a.areaId === section.areaId)!;
      expect(memoText(section)).toContain(pct(area.share!.total.percent!));
      expect(memoText(section) + detailText(section)).not.toMatch(/…|\.\.\.|\[/);
    }
  });

  it('puts likställighet between the units first: its own section before the areas, with the unit table', () => {
    const draft = defaultDraft(input());
    const kinds = draft.sections.map((s) => s.kind);
    expect(kinds.indexOf('likstallighet')).toBe(kinds.indexOf('arendet') + 1);
    const section = draft.sections.find((s) => s.kind === 'likstallighet')!;
    expect(section.enabled).toBe(true);
    expect(section.blocks.some((b) => b.type === 'unitTable')).toBe(true);
    const text = memoText(section);
    expect(text).toMatch(/likställighetsperspektiv/);
    // Every unit named is one of the review's, with a published figure.
    for (const unit of REFERENCE_003_UNITS) expect(text).toContain(unit);
    const bilaga = draft.bilaga1!.sections.find((s) => s.kind === 'likstallighet')!;
    expect(bilaga.blocks.some((b) => b.type === 'unitTable')).toBe(true);
    const trygghet = results.publication.areaUnits.find((a) => a.areaId === 'trygghet')!;
    for (const u of trygghet.units) expect(bilaga.blocks.map(blockText).join('\n')).toContain(`${u.unit} ${pct(u.share.percent!)}`);
  });

  it('summarises an area’s findings in the memo and lists every one in Bilaga 1, never with a file reference', () => {
    const draft = defaultDraft(input());
    const trygghet = areaOf(draft, 'trygghet');
    expect(memoText(trygghet)).toContain('tre iakttagelser');
    expect(memoText(trygghet)).toContain('”Genomförandeplanen saknar mål kopplade till beslutet”');
    for (const f of FINDINGS) {
      const section = areaOf(draft, f.areaId);
      expect(detailText(section)).toContain(f.note.replace(/\.$/, ''));
    }
    expect(detailText(areaOf(draft, 'effektivitet'))).toContain('Vid aktgranskningen gjordes två iakttagelser inom området:');
    const everything = JSON.stringify(draft);
    for (const f of FINDINGS) {
      expect(everything).not.toContain(f.ref);
      if (f.fileRef) expect(everything).not.toContain(f.fileRef);
    }
    expect(everything).not.toMatch(/Akt \d/);
  });

  it('says where an area has no findings yet, inviting the writer, without a placeholder', () => {
    const draft = defaultDraft(input());
    for (const areaId of ['tillganglighet', 'helhetssyn', 'kunskapsbaserad']) {
      const section = areaOf(draft, areaId);
      expect(memoText(section)).toMatch(/inga|ännu/i);
      expect(memoText(section)).toMatch(/iakttagelse/i);
      expect(detailText(section)).toContain('Inga anteckningar har markerats som iakttagelser för området.');
    }
    // Without any material at all, every area still says so, differently.
    const bare = areas(defaultDraft(input({ findings: [], dialogue: [] })));
    const noFindings = bare.map((s) => s.blocks.map(blockText).at(-1)!);
    expect(new Set(noFindings).size).toBe(6);
  });

  it('quotes what the dialogue meetings said about an area, and lists the notes per unit with the date in Bilaga 1', () => {
    const draft = defaultDraft(input());
    const trygghet = areaOf(draft, 'trygghet');
    expect(memoText(trygghet)).toContain(NORR);
    expect(memoText(trygghet)).toContain('”Medarbetarna beskrev en osäkerhet kring vad behandlaren ska dokumentera”');
    expect(detailText(trygghet)).toContain(`${NORR}, dialogmöte den 3 oktober 2024 (enhetschef, två behandlare): Medarbetarna beskrev en osäkerhet kring vad behandlaren ska dokumentera.`);
    expect(detailText(areaOf(draft, 'helhetssyn'))).toContain(`${SODER}, dialogmöte den 10 oktober 2024`);
    expect(detailText(areaOf(draft, 'kunskapsbaserad'))).toContain('Området berördes inte särskilt i anteckningarna från dialogmötena');
  });

  it('writes the derived times and ratios, and the choice questions’ answers, from the publication set', () => {
    const draft = defaultDraft(input());
    const interval = results.derived.find((m) => m.kind === 'interval')!;
    const ratio = results.derived.find((m) => m.kind === 'ratio')!;
    const access = areaOf(draft, 'tillganglighet');
    expect(memoText(access)).toContain(`${interval.bySex.total.median} dagar`);
    const effect = areaOf(draft, 'effektivitet');
    expect(memoText(effect) + detailText(effect)).toContain(`andelen genomförda av planerade träffar`);
    expect(memoText(effect)).toContain(formatPercent(ratio.bySex.total.median!));
    const ending = results.questions.find((q) => q.questionId === 'E4')!;
    const planned = ending.counts.find((c) => c.answer === 'enligt_plan')!.count!;
    expect(detailText(effect)).toMatch(new RegExp(`Avslutad enligt plan: \\S+ akt`));
    expect(detailText(effect)).toContain(`Svaren på frågan ”Hur avslutades insatsen?” (${ending.answered} akter):`);
    expect(planned).toBeGreaterThan(0);
    expect(detailText(effect)).toContain('Antal beslutade eller planerade träffar under insatsperioden: median');
  });

  it('writes a Sammanfattning of several paragraphs: files and units, likställighet, strongest and weakest area, findings, the proposal', () => {
    const draft = defaultDraft(input());
    const summary = draft.sections.find((s) => s.kind === 'sammanfattning')!;
    expect(summary.blocks.length).toBeGreaterThanOrEqual(4);
    const text = memoText(summary);
    const ranked = results.areas.filter((a) => a.share?.total.percent != null).sort((a, b) => b.share!.total.percent! - a.share!.total.percent!);
    const strong = ranked[0];
    const weak = ranked[ranked.length - 1];
    expect(text).toContain(`${strong.name.toLowerCase()} med ${pct(strong.share!.total.percent!)}`);
    expect(text).toContain(`${weak.name.toLowerCase()} med ${pct(weak.share!.total.percent!)}`);
    expect(text).toContain('Sammanlagt omfattades 36 akter.');
    expect(text).toContain(`vid ${NORR}, ${SODER} och ${VASTER}`);
    expect(text).toMatch(/likställighetsperspektiv/);
    expect(text).toContain('sex iakttagelser');
    expect(text).toMatch(/Förvaltningen föreslår att socialnämnden godkänner denna kvalitetsgranskning\.$/);
    const full = draft.bilaga1!.sections.find((s) => s.kind === 'sammanfattning')!;
    expect(full.blocks.length).toBeGreaterThan(summary.blocks.length - 1);
    for (const a of results.areas) expect(memoText(full)).toContain(`${pct(a.share!.total.percent!)} inom ${a.name.toLowerCase()}`);
  });

  it('closes with numbered recommendations in the inspectors’ voice, after Jämställdhetsanalys, the same list in Bilaga 1', () => {
    const draft = defaultDraft(input());
    const kinds = draft.sections.map((s) => s.kind);
    expect(kinds.indexOf('slutsatser')).toBe(kinds.indexOf('jamstalldhet') + 1);
    const section = draft.sections.find((s) => s.kind === 'slutsatser')!;
    const list = section.blocks.find((b) => b.type === 'numbered');
    expect(list?.type).toBe('numbered');
    const items = list!.type === 'numbered' ? list!.items.map((i) => i.map((c) => c.text).join('')) : [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) expect(item).toMatch(/^Socialtjänstinspektörerna rekommenderar att .+\.$/);
    const weakest = results.areas.filter((a) => a.share?.total.percent != null).sort((a, b) => a.share!.total.percent! - b.share!.total.percent!)[0];
    expect(items[0]).toContain(weakest.name.toLowerCase());
    expect(draft.bilaga1!.sections.find((s) => s.kind === 'slutsatser')!.blocks).toEqual(section.blocks);
  });

  it('writes Bilaga 1’s own chapters: why and what in Inledning, lead-ins for what is drawn at export, Slutord', () => {
    const draft = defaultDraft(input());
    const chapter = (kind: Section['kind']) => memoText(draft.bilaga1!.sections.find((s) => s.kind === kind)!);
    expect(chapter('inledning')).toContain('granskningsmallen ”Öppenvård barn 0–12 år” (version 3)');
    expect(chapter('inledning')).toContain('Sammanlagt granskades 36 akter, tolv från var och en av enheterna.');
    expect(chapter('metod')).toContain('två dialogmöten');
    expect(chapter('resultat')).toContain(results.publication.notes[0]);
    expect(chapter('jamstalldhet')).toContain('flickors respektive pojkars');
    expect(chapter('jamstalldhet')).not.toContain('bilaga 1');
    expect(chapter('slutord')).toMatch(/tackar de granskade enheterna/);
  });

  it('stamps every section with the fingerprint of its text', () => {
    const draft = defaultDraft(input());
    for (const section of [...draft.sections, ...draft.bilaga1!.sections]) {
      expect(section.generated).toMatch(/^[a-p]{16}$/);
      expect(section.generated).toBe(sectionFingerprint(section));
    }
  });
});

describe('withheld figures', () => {
  it('never prints a figure the publication set withholds, and says the basis is too small', () => {
    const hidden = clone(results);
    const trygghet = hidden.publication.areaUnits.find((a) => a.areaId === 'trygghet')!;
    const norr = trygghet.units.find((u) => u.unit === NORR)!;
    const norrPercent = norr.share.percent!;
    norr.share = { yes: null, applicable: null, other: null, notApplicable: null, percent: null, withheld: 'protects-other' };
    const effect = hidden.areas.find((a) => a.areaId === 'effektivitet')!;
    const effectPercent = effect.share!.total.percent!;
    effect.share!.total = { ...effect.share!.total, yes: null, applicable: null, percent: null, withheld: 'denominator-too-small' };
    const ending = hidden.questions.find((q) => q.questionId === 'E4')!;
    ending.counts.find((c) => c.answer === 'enligt_plan')!.count = null;
    hidden.derived.find((m) => m.kind === 'ratio')!.bySex.total = { n: null, mean: null, median: null, q1: null, q3: null, min: null, max: null };

    const draft = ReportDraftSchema.parse(defaultDraft(input({ results: hidden })));
    const tr = areaOf(draft, 'trygghet');
    expect(memoText(tr)).toContain(`För ${NORR} redovisas ingen andel för området, eftersom underlaget är för litet.`);
    expect(detailText(tr)).toContain(`${NORR} visas inte (litet underlag)`);
    expect(detailText(tr)).not.toContain(`${NORR} ${pct(norrPercent)}`);
    const likstallighet = draft.bilaga1!.sections.find((s) => s.kind === 'likstallighet')!;
    expect(likstallighet.blocks.map(blockText).join('\n')).toMatch(new RegExp(`för ${NORR} inom trygghet och säkerhet redovisas ingen andel`, 'i'));

    const ef = areaOf(draft, 'effektivitet');
    expect(firstSentence(memoText(ef))).toMatch(/för litet|för få/);
    expect(memoText(ef)).not.toContain(pct(effectPercent));
    expect(detailText(ef)).toContain('Avslutad enligt plan: visas inte, eftersom underlaget är för litet');
    expect(detailText(ef)).toContain('För måttet ”Genomförda av planerade träffar” redovisas ingen median, eftersom underlaget är för litet.');
    expect(memoText(ef)).toContain('bland de');
    expect(JSON.stringify(draft)).not.toMatch(/null|undefined|NaN/);
  });

  it('with one unit, switches likställighet off and compares nothing', () => {
    const one = clone(results);
    one.publication.units = one.publication.units.slice(0, 1);
    one.publication.areaUnits = one.publication.areaUnits.map((a) => ({ ...a, units: a.units.slice(0, 1) }));
    const draft = ReportDraftSchema.parse(defaultDraft(input({ results: one, review: { ...review, units: [NORR] }, dialogue: [] })));
    const section = draft.sections.find((s) => s.kind === 'likstallighet')!;
    expect(section.enabled).toBe(false);
    expect(section.blocks.some((b) => b.type === 'unitTable')).toBe(false);
    expect(memoText(section)).toContain('en enhet');
    expect(memoText(draft.sections.find((s) => s.kind === 'arendet')!)).not.toContain('likställighet');
  });
});

describe('rewriting the draft from the review', () => {
  it('changes nothing when nothing changed, and replaces only untouched sections when new findings arrive', () => {
    const first = defaultDraft(input({ findings: [], dialogue: [] }));
    const same = regenerateDraft(first, defaultDraft(input({ findings: [], dialogue: [] })), new Set());
    expect(same.replaced).toEqual([]);
    expect(same.kept).toEqual([]);
    expect(same.draft).toEqual(first);

    // A person rewrites the Trygghet section; then findings and dialogue notes are added to the review.
    const edited: ReportDraft = { ...first, sections: first.sections.map((s) => (s.areaId === 'trygghet' ? { ...s, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inspektörernas egen text.' }] }] } : s)) };
    const fresh = defaultDraft(input());
    const merged = regenerateDraft(edited, fresh, new Set());
    expect(merged.kept.map((s) => s.id)).toEqual(['omrade-trygghet']);
    expect(merged.replaced.map((s) => s.id)).toEqual(expect.arrayContaining(['sammanfattning', 'omrade-effektivitet', 'omrade-sjalvbestammande', 'slutsatser', 'bilaga-sammanfattning']));
    expect(merged.replaced.map((s) => s.id)).not.toContain('bakgrund');
    expect(memoText(areaOf(merged.draft, 'trygghet'))).toBe('Inspektörernas egen text.');
    expect(detailText(areaOf(merged.draft, 'effektivitet'))).toContain('Skälet till att insatsen avbröts framgår inte.');
    expect(ReportDraftSchema.safeParse(merged.draft).success).toBe(true);

    // Asked to, it overwrites the person's text too.
    const asked = regenerateDraft(edited, fresh, new Set(['omrade-trygghet']));
    expect(asked.kept).toEqual([]);
    expect(areaOf(asked.draft, 'trygghet').blocks).toEqual(areaOf(fresh, 'trygghet').blocks);
  });
});

describe('fingerprint', () => {
  it('is 64-bit FNV-1a (the published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});
