import { Paragraph, TextRun, type Table } from 'docx';
import type { Section, SectionKind } from '../../../../shared/contract/report-model';
import type { Template } from '../../../../shared/templates/schema';
import { blocksToDocx, type BlockContext } from './blocks';
import { STYLE } from './styles';
import { textOr } from './text';

/**
 * A section of the draft: its heading (not numbered: Rubrik 2, or Rubrik 3 for a quality area
 * under Ärendet) and its blocks. A section without blocks prints its heading only; a section
 * without a title prints the usual heading of its kind.
 */

const DEFAULT_TITLES: Record<SectionKind, string> = {
  sammanfattning: 'Sammanfattning',
  bakgrund: 'Bakgrund',
  arendet: 'Ärendet',
  likstallighet: 'Likställighet mellan enheterna',
  area: 'Kvalitetsområde',
  jamstalldhet: 'Jämställdhetsanalys',
  slutsatser: 'Slutsatser och rekommendationer',
  barnratt: 'Barnrättsperspektiv',
  beredning: 'Ärendets beredning',
  synpunkter: 'Förvaltningens synpunkter och förslag',
  signatures: 'Underskrifter',
  custom: 'Avsnitt',
  inledning: 'Inledning',
  metod: 'Metod',
  resultat: 'Resultat',
  slutord: 'Slutord',
};

export function sectionTitle(section: Section, template: Template): string {
  const areaName = section.kind === 'area' ? template.areas.find((a) => a.id === section.areaId)?.name : undefined;
  return textOr(section.title, areaName ?? DEFAULT_TITLES[section.kind]);
}

export const heading = (text: string, style: string = STYLE.heading2) => new Paragraph({ style, children: [new TextRun(text)] });

export function sectionToDocx(section: Section, ctx: BlockContext, headingStyle?: string): (Paragraph | Table)[] {
  const style = headingStyle ?? (section.kind === 'area' ? STYLE.heading3 : STYLE.heading2);
  return [heading(sectionTitle(section, ctx.template), style), ...blocksToDocx(section.blocks, ctx)];
}
