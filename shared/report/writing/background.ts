import type { Block, Inline } from '../../contract/report-model';
import type { DraftInput } from '../generate';
import { paragraph, run } from './words';

/**
 * Bakgrund, as reference 003 writes it: a footnote to the earlier reviews on the same template,
 * the review model, and the six quality areas as bullets.
 */
export function backgroundBlocks({ template, earlier, settings }: DraftInput): Block[] {
  const citations = (earlier ?? []).map((e) => `${settings.administration} (${e.year}) ${e.title}${e.subtitle ? ` - ${e.subtitle}` : ''}`);
  const lead: Inline[] = [run('Granskningsarbetet planeras utifrån en granskningsmodell som dels bygger på lagstiftningens bestämmelser om god kvalitet inom socialtjänsten och dels på de kvalitetsområden som 2010 utformats av Socialstyrelsen och Sveriges Kommuner och Regioner (SKR):')];
  const blocks: Block[] = [];
  if (citations.length > 0) {
    blocks.push(paragraph(run('Granskningen följer upp tidigare genomförda kvalitetsgranskningar.'), { type: 'footnote', text: citations.join('\n') }));
  }
  blocks.push(paragraph(...lead), { type: 'bullets', items: template.areas.map((a) => [run(a.name)]) });
  return blocks;
}
