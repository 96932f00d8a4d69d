import { Paragraph, TextRun, type FileChild } from 'docx';
import type { ReportRenderInput } from '../../../../shared/report/render-input';
import { blocksToDocx, ListCounter, type BlockContext } from './blocks';
import { appendixList, attestation, signatureBlocks } from './closing';
import { packReport } from './document';
import { memoHead } from './memo-head';
import { heading, sectionToDocx } from './sections';
import { LIST } from './styles';
import { textOr } from './text';

/**
 * The tjänsteutlåtande as .docx, in the layout of reference 003 (DOMAIN.md §3): the opening
 * block, the title in "Rubrik 1", "Förvaltningens förslag till beslut" with the numbered
 * proposals, every enabled section in the draft's order, then always "Bilaga" and "Attesterat av".
 *
 * The signatures stand where the draft's signatures section is (reference 001 has them right
 * after the proposal); without one, after "Förvaltningens synpunkter och förslag", as in 003.
 */

export const MEMO_KIND = 'Tjänsteutlåtande';

function proposals(input: ReportRenderInput, ctx: BlockContext): Paragraph[] {
  const items = input.draft.proposals.map((p) => p.trim()).filter(Boolean);
  const instance = ctx.lists.take();
  return [
    heading('Förvaltningens förslag till beslut'),
    ...items.map((text) => new Paragraph({ numbering: { reference: LIST.numbered, level: 0, instance }, children: [new TextRun(text)] })),
  ];
}

function body(input: ReportRenderInput, ctx: BlockContext): FileChild[] {
  const sections = input.draft.sections.filter((s) => s.enabled);
  const signatures = signatureBlocks(input.draft.signatures);
  const ownPlace = sections.some((s) => s.kind === 'signatures');
  const out: FileChild[] = [];
  let signed = false;
  for (const section of sections) {
    if (section.kind === 'signatures') {
      // The section places the blocks; its title is the editor's label, not a printed heading.
      if (!signed) out.push(...signatures);
      out.push(...blocksToDocx(section.blocks, ctx));
      signed = true;
      continue;
    }
    out.push(...sectionToDocx(section, ctx));
    if (!ownPlace && !signed && section.kind === 'synpunkter') {
      out.push(...signatures);
      signed = true;
    }
  }
  if (!signed) out.push(...signatures);
  return out;
}

export async function renderMemo(input: ReportRenderInput): Promise<Buffer> {
  const ctx: BlockContext = { results: input.results, template: input.template, lists: new ListCounter() };
  const children: FileChild[] = [
    ...memoHead(input.draft.header, textOr(input.review.title, 'Titel saknas')),
    ...proposals(input, ctx),
    ...body(input, ctx),
    ...appendixList(input),
    ...attestation(input),
  ];
  return packReport({ input, kind: MEMO_KIND, children });
}
