import { Paragraph, TableOfContents, TextRun, type FileChild, type Table } from 'docx';
import type { Section } from '../../../../shared/contract/report-model';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { questionAnnex } from './bilaga-annex';
import { methodChapter } from './bilaga-method';
import { genderChapter, resultsChapter } from './bilaga-results';
import { blocksToDocx, ListCounter, type BlockContext } from './blocks';
import { packReport } from './document';
import { coverHeader } from './header-footer';
import { sectionTitle } from './sections';
import { STYLE } from './styles';
import { dnrValue, isoDateOr, textOr } from './text';

/**
 * Bilaga 1, the full review report, as its own .docx (the form of reference 000): a cover with
 * the title, "Datum:" and "Dnr:", then Sammanfattning, "Innehåll" (a real TOC field that Word
 * updates on opening, already filled with the headings for programs that do not — without page
 * numbers: docx's page estimator (docx/layout) writes them but took about 3 s for this document,
 * over the export's budget), Metod,
 * Resultat per quality area, Jämställdhetsanalys, the memo's proposal as Slutord, and the
 * template's questions as an annex. The running header is the report's title, its Dnr and
 * "Sida X (Y)".
 */

export const BILAGA_KIND = 'Bilaga 1 – granskningsrapport';

/** A chapter: "Rubrik 1" on a new page. */
const chapter = (text: string) => new Paragraph({ style: STYLE.heading1, pageBreakBefore: true, children: [new TextRun(text)] });

function cover(input: ReportRenderInput, title: string): Paragraph[] {
  const { header } = input.draft;
  const lines = (texts: string[]) => texts.filter((t) => t.trim() !== '').map((t) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun(t)] }));
  return [
    new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(title)] }),
    ...(textOr(header.subtitle, '') ? [new Paragraph({ style: STYLE.subtitle, children: [new TextRun(header.subtitle.trim())] })] : []),
    new Paragraph({ spacing: { before: 1200 }, children: [] }),
    ...lines([`Datum: ${isoDateOr(header.date)}`, `Dnr: ${dnrValue(header.dnr || input.review.dnr)}`]),
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    ...lines([header.administration, header.department]),
  ];
}

function contents(): FileChild[] {
  return [
    new Paragraph({ style: STYLE.plainHeading, pageBreakBefore: true, children: [new TextRun('Innehåll')] }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-3', useAppliedParagraphOutlineLevel: true }),
  ];
}

/** The draft's sections of a kind, enabled ones only, as blocks. */
const draftBlocks = (input: ReportRenderInput, kind: 'sammanfattning' | 'synpunkter', ctx: BlockContext): (Paragraph | Table)[] =>
  input.draft.sections.filter((s) => s.enabled && s.kind === kind).flatMap((s) => blocksToDocx(s.blocks, ctx));

/**
 * Bilaga 1 from its own chapters (the draft's `bilaga1`), in the writer's order: each enabled
 * chapter on a new page with its text; after Sammanfattning the table of contents; under Metod
 * the generated method chapter, under Resultat every area's text (shared with the memo) with its
 * tables and charts, under Jämställdhetsanalys the tables by sex. Then the questions annex.
 */
function chapters(input: ReportRenderInput, ctx: BlockContext, sections: readonly Section[]): FileChild[] {
  const out: FileChild[] = [];
  let contentsPlaced = false;
  for (const section of sections.filter((s) => s.enabled)) {
    out.push(chapter(sectionTitle(section, input.template)));
    const own = [...blocksToDocx(section.blocks, ctx), ...blocksToDocx(section.detail ?? [], ctx)];
    if (section.kind === 'jamstalldhet') {
      out.push(...genderChapter(input, ctx));
    } else {
      out.push(...own);
      if (section.kind === 'metod') out.push(...methodChapter(input, ctx.lists));
      if (section.kind === 'resultat') out.push(...resultsChapter(input, ctx, true));
    }
    if (section.kind === 'sammanfattning' && !contentsPlaced) {
      out.push(...contents());
      contentsPlaced = true;
    }
  }
  return contentsPlaced ? out : [...contents(), ...out];
}

export async function renderBilaga1(input: ReportRenderInput): Promise<Buffer> {
  const ctx: BlockContext = { results: input.results, template: input.template, lists: new ListCounter() };
  const title = textOr(input.draft.header.title, textOr(input.review.title, 'Titel saknas'));
  if (input.draft.bilaga1) {
    const children: FileChild[] = [...cover(input, title), ...chapters(input, ctx, input.draft.bilaga1.sections), chapter('Bilaga: Granskningsfrågor'), questionAnnex(input.template)];
    return packReport({ input, kind: BILAGA_KIND, headerKind: title, firstPage: (text) => coverHeader(text.mark), children, updateFields: true });
  }
  const closing = draftBlocks(input, 'synpunkter', ctx);
  const children: FileChild[] = [
    ...cover(input, title),
    chapter('Sammanfattning'),
    ...draftBlocks(input, 'sammanfattning', ctx),
    ...contents(),
    chapter('Metod'),
    ...methodChapter(input, ctx.lists),
    chapter('Resultat'),
    ...resultsChapter(input, ctx),
    chapter('Jämställdhetsanalys'),
    ...genderChapter(input, ctx),
    ...(closing.length ? [chapter('Slutord'), ...closing] : []),
    chapter('Bilaga: Granskningsfrågor'),
    questionAnnex(input.template),
  ];
  return packReport({ input, kind: BILAGA_KIND, headerKind: title, firstPage: (text) => coverHeader(text.mark), children, updateFields: true });
}
