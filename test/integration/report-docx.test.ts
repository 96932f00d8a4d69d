import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBilaga1 } from '../../main/core/report/docx/bilaga';
import { renderMemo } from '../../main/core/report/docx/memo';
import type { ReportDraft, Section } from '../../shared/contract/report-model';
import { findIdentityNumbers } from '../../shared/identity/pii-guard';
import type { ReportRenderInput } from '../../shared/report/render-input';
import { buildReportFixture, FIXTURE_DNR, FIXTURE_UNITS, FOOTNOTE_TEXT, type ReportFixture } from '../support/report-fixture';
import { convertToPdf, pdfPages, pdftotext, soffice } from '../support/soffice';

/**
 * Issue 9, the Word renderer: the memo (tjänsteutlåtande) element by element in the order of
 * reference 003 (DOMAIN.md §3), its headers, styles, footnotes, chart and properties; Bilaga 1
 * (cover, table of contents, method with the sample, results per area, annex); what bad input
 * prints; and, where LibreOffice is installed, the page fields as a word processor fills them.
 */

interface Para {
  style: string | null;
  numId: string | null;
  text: string;
}

interface Docx {
  names: string[];
  part(name: string): Promise<string>;
}

async function openDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  return {
    names: Object.keys(zip.files),
    async part(name) {
      const file = zip.file(name);
      if (!file) throw new Error(`no part ${name}`);
      return file.async('string');
    },
  };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The paragraphs of a part in order, with their style, list and text (tabs as \t). */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?=[\s>])[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const body = inner.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1]))).join('');
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1] ?? null, numId: /<w:numId w:val="(\d+)"/.exec(pPr)?.[1] ?? null, text };
  });
}

/** Every text a reader can see in the document: body, headers, footnotes, properties, chart SVGs. */
async function visibleText(docx: Docx): Promise<string> {
  const parts = docx.names.filter((n) => /^word\/(document|header\d*|footer\d*|footnotes)\.xml$/.test(n));
  const texts = await Promise.all(parts.map(async (n) => paragraphs(await docx.part(n)).map((p) => p.text).join('\n')));
  const core = (await docx.part('docProps/core.xml')).replace(/<[^>]+>/g, '\n');
  const svgs = await Promise.all(docx.names.filter((n) => n.endsWith('.svg')).map(async (n) => (await docx.part(n)).replace(/<[^>]+>/g, '\n')));
  return decode([...texts, core, ...svgs].join('\n'));
}

type Matcher = string | RegExp | ((p: Para) => boolean);
const matches = (p: Para, m: Matcher) => (typeof m === 'function' ? m(p) : typeof m === 'string' ? p.text === m : m.test(p.text));

/** Finds each matcher after the previous one; returns the indexes, failing with the first one missing. */
function inOrder(paras: Para[], matchers: Matcher[]): number[] {
  const found: number[] = [];
  let from = 0;
  for (const m of matchers) {
    const i = paras.findIndex((p, k) => k >= from && matches(p, m));
    expect(i, `not found in order: ${String(m)} (after paragraph ${from}: "${paras[from - 1]?.text ?? ''}")`).toBeGreaterThanOrEqual(0);
    found.push(i);
    from = i + 1;
  }
  return found;
}

const styled = (style: string, text: string) => (p: Para) => p.style === style && p.text === text;
const withDraft = (input: ReportRenderInput, change: (draft: ReportDraft) => ReportDraft): ReportRenderInput => ({ ...input, draft: change(structuredClone(input.draft)) });

let fixture: ReportFixture;
let memo: Docx;
let memoParas: Para[];

beforeAll(async () => {
  fixture = await buildReportFixture();
  memo = await openDocx(await renderMemo(fixture.input));
  memoParas = paragraphs(await memo.part('word/document.xml'));
}, 60_000);
afterAll(() => fixture?.dispose());

describe('renderMemo', () => {
  it('writes every element of reference 003 in order', () => {
    const { template } = fixture.input;
    const proposals = fixture.input.draft.proposals;
    const idx = inOrder(memoParas, [
      'Handläggare',
      'Johanna Lidman-Strauss',
      'Telefon: 08-50825262',
      'Anna Forsström',
      'Telefon: 08-50825085',
      'Till',
      'Socialnämnden',
      '2025-01-21',
      styled('Rubrik1', 'Öppenvård barn 0–12 år'),
      'Socialtjänstinspektörernas kvalitetsgranskning',
      styled('Rubrik2', 'Förvaltningens förslag till beslut'),
      ...proposals,
      styled('Rubrik2', 'Sammanfattning'),
      styled('Rubrik2', 'Bakgrund'),
      styled('Rubrik2', 'Ärendet'),
      ...template.areas.map((a) => styled('Rubrik3', a.name)),
      styled('Rubrik2', 'Jämställdhetsanalys'),
      styled('Rubrik2', 'Barnrättsperspektiv'),
      styled('Rubrik2', 'Ärendets beredning'),
      styled('Rubrik2', 'Förvaltningens synpunkter och förslag'),
      styled('Rubrik2', 'Fortsatt arbete'),
      'Veronica Wolgast Carstorp',
      'Socialdirektör',
      'Socialförvaltningen',
      'Lina Blombergsson',
      'Avdelningschef',
      styled('Rubrik2', 'Bilagor'),
      '1.\tÖppenvård barn 0–12 år – Socialtjänstinspektörernas kvalitetsgranskning, rapport',
      '2.\tGranskningsmall Öppenvård barn 0–12 år',
      styled('Rubrik2', 'Attesterat av'),
      'Utkast – ännu inte godkänt.',
    ]);
    // The proposals are one numbered list; the section headings are not numbered.
    const proposalParas = idx.slice(11, 14).map((i) => memoParas[i]);
    expect(new Set(proposalParas.map((p) => p.numId)).size).toBe(1);
    expect(proposalParas[0].numId).not.toBeNull();
    expect(memoParas.filter((p) => p.style?.startsWith('Rubrik')).every((p) => p.numId === null)).toBe(true);
    // A disabled section is left out; the unapproved memo has no invented approval rows.
    expect(memoParas.some((p) => p.text.includes('Dolt avsnitt'))).toBe(false);
    expect(memoParas.some((p) => p.text === 'Detta dokument har godkänts digitalt av följande personer:')).toBe(false);
  });

  it('starts every numbered list at 1: each list is its own numbering instance with a start override', async () => {
    const numbering = await memo.part('word/numbering.xml');
    const proposals = memoParas.find((p) => p.text === fixture.input.draft.proposals[0])!.numId!;
    const later = memoParas.find((p) => p.text === 'Rutin för avslutande anteckning.')!.numId!;
    expect(later).not.toBe(proposals);
    for (const id of [proposals, later]) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}">[\\s\\S]*?<w:startOverride w:val="1"/>`));
  });

  it('has a first-page header and a running header with PAGE and NUMPAGES fields and the Dnr', async () => {
    const document = await memo.part('word/document.xml');
    expect(document).toContain('<w:titlePg/>');
    expect(document).toMatch(/<w:headerReference w:type="first"/);
    expect(document).toMatch(/<w:headerReference w:type="default"/);
    const headers = memo.names.filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBe(2);
    for (const name of headers) {
      const xml = await memo.part(name);
      const text = paragraphs(xml).map((p) => p.text);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
      expect(text).toContain('Tjänsteutlåtande');
      expect(text).toContain(`Dnr ${FIXTURE_DNR}`);
      expect(text.some((t) => t.startsWith('Sida '))).toBe(true);
      // A draft says so on every page.
      expect(text).toContain('UTKAST – ej godkänt');
    }
  });

  it('defines "Rubrik 1" (id Rubrik1) with outline level 0, and the lower headings with theirs', async () => {
    const styles = await memo.part('word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Rubrik1')).toContain('<w:name w:val="Rubrik 1"/>');
    expect(style('Rubrik1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Rubrik2')).toContain('<w:outlineLvl w:val="1"/>');
    expect(style('Rubrik3')).toContain('<w:outlineLvl w:val="2"/>');
    expect(style('Rubrik1')).not.toContain('<w:numPr>');
    // The draft's font is the document's; line spacing names its rule (LibreOffice reads a bare
    // w:line as a fixed height and cut the charts down to their last line).
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:spacing [^>]*w:line="264" w:lineRule="auto"/);
    const arial = await openDocx(await renderMemo(withDraft(fixture.input, (d) => ({ ...d, header: { ...d.header, font: 'Arial' } }))));
    expect(await arial.part('word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Arial"/);
  });

  it('writes the footnote as a real Word footnote, and bold and italic runs', async () => {
    const footnotes = await memo.part('word/footnotes.xml');
    const note = paragraphs(footnotes).find((p) => p.text.trim() === FOOTNOTE_TEXT);
    expect(note?.style).toBe('FootnoteText');
    const document = await memo.part('word/document.xml');
    expect(document).toMatch(/<w:footnoteReference w:id="\d+"\/>/);
    expect(document).toMatch(/<w:b\/>[\s\S]{0,200}?<w:t[^>]*>godkänner<\/w:t>/);
    expect(document).toMatch(/<w:i\/>[\s\S]{0,200}?<w:t[^>]*>barnets resa<\/w:t>/);
  });

  it('draws the result table from the published results only, with a repeating header row', async () => {
    const { results } = fixture.input;
    const document = await memo.part('word/document.xml');
    expect(document).toContain('<w:tblHeader/>');
    const row = (n: number) => memoParas.findIndex((p) => p.text.startsWith(`${n}. `));
    // Every row of the area's table is the publication set's figures: "45 % (n = 18)", or "–" with no n where a share is withheld.
    const cellText = (c: { percent: number | null; applicable: number | null }) => `${c.percent === null ? '–' : `${Math.round(c.percent)}\u00a0%`}${c.applicable === null ? '' : ` (n = ${c.applicable})`}`;
    const trygghet = results.questions.filter((q) => q.areaId === 'trygghet' && q.share);
    expect(trygghet.length).toBeGreaterThan(2);
    for (const q of trygghet) {
      const at = row(q.number);
      expect(memoParas.slice(at + 1, at + 4).map((p) => p.text)).toEqual([cellText(q.share!.F), cellText(q.share!.M), cellText(q.share!.total)]);
    }
    expect(memoParas.map((p) => p.text)).toEqual(expect.arrayContaining(['Fråga', 'Flickor', 'Pojkar', 'Totalt']));
  });

  it('embeds the chart as SVG with a PNG fallback', async () => {
    expect(memo.names.filter((n) => /^word\/media\/.+\.svg$/.test(n))).toHaveLength(2);
    expect(memo.names.filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(2);
    const document = await memo.part('word/document.xml');
    expect(document).toMatch(/<a:blip r:embed="[^"]+"/);
    expect(document).toMatch(/svgBlip/);
    const svg = await memo.part(memo.names.find((n) => n.endsWith('.svg'))!);
    expect(svg).toContain('Flickor');
    expect(svg).toContain('Pojkar');
  });

  it('sets the document properties: title, subject = Dnr, author, the status and the export date', async () => {
    const core = await memo.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Öppenvård barn 0–12 år</dc:title>');
    expect(core).toContain(`<dc:subject>${FIXTURE_DNR}</dc:subject>`);
    expect(core).toContain('<dc:creator>Johanna Lidman-Strauss</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Johanna Lidman-Strauss</cp:lastModifiedBy>');
    expect(core).toMatch(/<dc:description>[^<]*Status: Utkast[^<]*<\/dc:description>/);
    expect(core).toContain('>2025-01-21T09:00:00Z</dcterms:created>');
  });

  it('contains no personal identity number and never prints NaN, undefined or null', async () => {
    const text = await visibleText(memo);
    expect(findIdentityNumbers(text)).toEqual([]);
    expect(text).not.toMatch(/\b(NaN|undefined|null)\b/);
  });

  it('fills Attesterat av from the recorded approvals only, and drops the draft mark once approved', async () => {
    const input: ReportRenderInput = {
      ...fixture.input,
      status: 'godkand',
      approvals: [
        { name: 'Veronica Wolgast Carstorp', title: 'Socialdirektör', date: '2025-01-12' },
        { name: 'Lina Blombergsson', title: 'Avdelningschef', date: '2025-01-11' },
      ],
    };
    const docx = await openDocx(await renderMemo(input));
    const paras = paragraphs(await docx.part('word/document.xml'));
    inOrder(paras, [
      styled('Rubrik2', 'Attesterat av'),
      'Detta dokument har godkänts digitalt av följande personer:',
      'Namn',
      'Datum',
      'Veronica Wolgast Carstorp, Socialdirektör',
      '2025-01-12',
      'Lina Blombergsson, Avdelningschef',
      '2025-01-11',
    ]);
    expect(paras.some((p) => p.text.includes('ännu inte godkänt'))).toBe(false);
    expect(await visibleText(docx)).not.toContain('UTKAST');
    expect(await docx.part('docProps/core.xml')).toContain('Status: Godkänd');
  });

  it('marks a memo sent for approval as not approved', async () => {
    const docx = await openDocx(await renderMemo({ ...fixture.input, status: 'for_godkannande' }));
    const text = await visibleText(docx);
    expect(text).toContain('FÖR GODKÄNNANDE – ej godkänt');
    expect(text).toContain('Skickat för godkännande – ännu inte godkänt.');
  });

  it('puts the signatures after the proposal in prose when the draft has no signatures section', async () => {
    const input = withDraft(fixture.input, (d) => ({ ...d, sections: d.sections.filter((s) => s.kind !== 'signatures') }));
    const paras = paragraphs(await (await openDocx(await renderMemo(input))).part('word/document.xml'));
    const [synpunkter, signature, next] = inOrder(paras, [styled('Rubrik2', 'Förvaltningens synpunkter och förslag'), 'Veronica Wolgast Carstorp', styled('Rubrik2', 'Fortsatt arbete')]);
    expect(synpunkter).toBeLessThan(signature);
    expect(signature).toBeLessThan(next);
  });

  it('places the signatures where the draft puts them (reference 001: right after the proposals)', async () => {
    const input = withDraft(fixture.input, (d) => {
      const signatures = d.sections.find((s) => s.kind === 'signatures')!;
      return { ...d, sections: [signatures, ...d.sections.filter((s) => s !== signatures)] };
    });
    const paras = paragraphs(await (await openDocx(await renderMemo(input))).part('word/document.xml'));
    inOrder(paras, [fixture.input.draft.proposals[2], 'Veronica Wolgast Carstorp', styled('Rubrik2', 'Sammanfattning')]);
  });
});

describe('renderMemo with bad input', () => {
  it('prints "Dnr saknas", headings of empty sections, and "Inga svar ännu" before anything is scored', async () => {
    const { core } = fixture;
    const { id: reviewId } = await core.call('reviews.create', { templateId: fixture.input.template.id, title: 'Tom granskning', referenceDate: '2024-12-31', units: FIXTURE_UNITS });
    await core.call('cases.import', { reviewId, contentBase64: Buffer.from(`akt;enhet;kön;ålder\nX-1;${FIXTURE_UNITS[0]};flicka;4\nX-2;${FIXTURE_UNITS[1]};pojke;7\n`).toString('base64') });
    const results = await core.call('results.get', { reviewId, published: true });
    if (results.view !== 'published') throw new Error('expected the published view');
    const review = await core.call('reviews.get', { reviewId });
    expect(review.dnr).toBeNull();
    const empty: Section = { id: 'tom', kind: 'custom', title: '', enabled: true, blocks: [] };
    const input: ReportRenderInput = {
      ...withDraft(fixture.input, (d) => ({
        ...d,
        header: { ...d.header, dnr: '', date: '', officers: [] },
        proposals: [],
        sections: [empty, ...d.sections.map((s) => (s.kind === 'bakgrund' ? { ...s, blocks: [] } : s))],
      })),
      review,
      results,
      sample: null,
      appendices: [],
    };
    const docx = await openDocx(await renderMemo(input));
    const paras = paragraphs(await docx.part('word/document.xml'));
    const text = await visibleText(docx);
    expect(text).toContain('Dnr saknas');
    expect(text).not.toMatch(/Dnr (null|undefined)?\s*$/m);
    expect(text).not.toMatch(/\b(NaN|undefined|null)\b/);
    inOrder(paras, ['Handläggare', 'Ej angiven', 'Till', 'Datum saknas', styled('Rubrik2', 'Förvaltningens förslag till beslut'), styled('Rubrik2', 'Avsnitt'), styled('Rubrik2', 'Sammanfattning')]);
    // An empty section: its heading, then straight on to the next heading.
    const bakgrund = paras.findIndex((p) => p.style === 'Rubrik2' && p.text === 'Bakgrund');
    expect(paras[bakgrund + 1]).toMatchObject({ style: 'Rubrik2', text: 'Ärendet' });
    expect(paras.filter((p) => p.text === 'Inga svar ännu').length).toBeGreaterThanOrEqual(2);
    expect(paras.some((p) => /\d\u00a0%/.test(p.text))).toBe(false);
    expect(await docx.part('docProps/core.xml')).toContain('<dc:subject>Dnr saknas</dc:subject>');
  });
});

describe('renderBilaga1', () => {
  let bilaga: Docx;
  let paras: Para[];

  beforeAll(async () => {
    bilaga = await openDocx(await renderBilaga1(fixture.input));
    paras = paragraphs(await bilaga.part('word/document.xml'));
  });

  it('has a cover, Sammanfattning, Innehåll with a TOC field, Metod, Resultat, Jämställdhetsanalys and the annex in order', async () => {
    const { template } = fixture.input;
    inOrder(paras, [
      'Öppenvård barn 0–12 år',
      'Socialtjänstinspektörernas kvalitetsgranskning',
      'Datum: 2025-01-21',
      `Dnr: ${FIXTURE_DNR}`,
      styled('Rubrik1', 'Sammanfattning'),
      /^Granskningen avser öppenvårdsinsatser/,
      'Innehåll',
      styled('Rubrik1', 'Metod'),
      styled('Rubrik2', 'Urval och bortfall'),
      styled('Rubrik1', 'Resultat'),
      ...template.areas.map((a) => styled('Rubrik2', a.name)),
      styled('Rubrik1', 'Jämställdhetsanalys'),
      styled('Rubrik2', 'Underlag'),
      styled('Rubrik2', 'Bedömning per fråga'),
      styled('Rubrik1', 'Slutord'),
      styled('Rubrik1', 'Bilaga: Granskningsfrågor'),
    ]);
    const document = await bilaga.part('word/document.xml');
    const toc = /<w:instrText[^>]*>(TOC [^<]*)<\/w:instrText>/.exec(document)?.[1];
    expect(decode(toc ?? '')).toBe('TOC \\h \\o "1-3" \\u');
    expect(await bilaga.part('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
    // The table of contents is already filled with the chapters for programs that do not update fields.
    const entries = paras.filter((p) => p.style?.startsWith('TOC'));
    expect(entries.map((p) => p.text.split('\t')[0])).toEqual(expect.arrayContaining(['Sammanfattning', 'Metod', 'Resultat', 'Jämställdhetsanalys']));
  });

  it('describes the sample from the sampling log: method, seed, frame and sample per unit, dropouts and replacements', () => {
    const { sample } = fixture.input;
    const texts = paras.map((p) => p.text);
    expect(texts).toContain('Ur varje enhets akter drogs ett slumpmässigt urval om 12 akter (stratifierat urval per enhet).');
    expect(texts.some((t) => t.includes(`fröet "${sample!.seed}"`))).toBe(true);
    const header = inOrder(paras, ['Enhet', 'Akter i ramen', 'Dragna', 'Bortfall', 'Ersättare', 'Granskade'])[5];
    const rows = paras.slice(header + 1, header + 1 + 6 * 4).map((p) => p.text);
    expect(rows.slice(0, 6)).toEqual([FIXTURE_UNITS[0], '15', '12', '1', '1', '12']);
    expect(rows.slice(18, 24)).toEqual(['Totalt', '45', '36', '1', '1', '36']);
    expect(texts).toContain('Bortfall: 1 akt (akten kunde inte tas fram: 1). Varje bortfall ersattes med nästa akt i enhetens slumpade ordning.');
    expect(texts.some((t) => t.includes('mallen "Öppenvård barn 0–12 år", version 1, med 38 frågor'))).toBe(true);
  });

  it('says every file is counted where the review has no sample', async () => {
    const docx = await openDocx(await renderBilaga1({ ...fixture.input, sample: null }));
    const texts = paragraphs(await docx.part('word/document.xml')).map((p) => p.text);
    expect(texts).toContain(`Inget urval har dragits: alla akter i granskningen ingår (${fixture.input.review.caseCount} akter).`);
  });

  it('reports per question the share ja by sex with the verdict sentence, and the small-sample caveat', () => {
    const { results } = fixture.input;
    const texts = paras.map((p) => p.text);
    const different = results.questions.find((q) => q.verdict?.code === 'difference')!;
    expect(different).toBeTruthy();
    const title = `${different.number}. ${fixture.input.template.questions.find((q) => q.id === different.questionId)!.text}`;
    // The question's own lines under its area (its text is also a row of the area's table).
    const at = texts.findIndex((t, i) => t === title && texts[i + 1].startsWith('Andel ja:'));
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toMatch(/^Andel ja: flickor \d+\u00a0% \(n = \d+\), pojkar \d+\u00a0% \(n = \d+\), totalt/);
    expect(texts[at + 2]).toBe(different.verdict!.text);
    expect(texts.some((t) => t.startsWith(`En statistiskt säkerställd skillnad mellan flickor och pojkar framkom i 1 fråga (${different.number}).`))).toBe(true);
    expect(texts.some((t) => t.includes('underlaget för litet för att dra slutsatser'))).toBe(true);
  });

  it('lists every question of the template in the annex with its id and answer options', () => {
    const texts = paras.map((p) => p.text);
    const annex = texts.indexOf('Bilaga: Granskningsfrågor');
    const after = texts.slice(annex);
    for (const [i, q] of fixture.input.template.questions.entries()) {
      const at = after.indexOf(q.id);
      expect(after[at - 1]).toBe(String(i + 1));
      expect(after[at + 1]).toBe(q.text);
    }
    expect(after).toContain('Ja, Delvis, Nej, Framgår ej, Ej tillämpligt');
  });

  it('has the running header with title, Dnr and page fields; no identity number; no NaN, undefined or null', async () => {
    const headers = bilaga.names.filter((n) => /^word\/header\d+\.xml$/.test(n));
    const running = await Promise.all(headers.map((n) => bilaga.part(n)));
    const full = running.find((xml) => xml.includes('NUMPAGES'))!;
    expect(full).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(paragraphs(full).map((p) => p.text)).toEqual(expect.arrayContaining(['Öppenvård barn 0–12 år', `Dnr ${FIXTURE_DNR}`]));
    const text = await visibleText(bilaga);
    expect(findIdentityNumbers(text)).toEqual([]);
    expect(text).not.toMatch(/\b(NaN|undefined|null)\b/);
    expect(bilaga.names.filter((n) => n.endsWith('.svg')).length).toBe(fixture.input.template.areas.length);
  });
});

const noLibreOffice = !soffice() || !pdftotext();

describe('the memo in LibreOffice', () => {
  it.skipIf(noLibreOffice)(
    'fills "Sida X (Y)" and the Dnr on every page (skipped without soffice and pdftotext: apt-get install -y libreoffice-writer-nogui poppler-utils)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-memo-pdf-'));
      try {
        const file = path.join(dir, 'memo.docx');
        fs.writeFileSync(file, await renderMemo(fixture.input));
        const pages = pdfPages(convertToPdf(file, dir)).filter((p) => p.trim() !== '');
        expect(pages.length).toBeGreaterThanOrEqual(2);
        pages.forEach((page, i) => {
          expect(page).toContain(`Sida ${i + 1} (${pages.length})`);
          expect(page).toContain(`Dnr ${FIXTURE_DNR}`);
        });
        expect(pages[1]).toContain('Sida 2 (');
        expect(pages[0]).toContain('Handläggare');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
