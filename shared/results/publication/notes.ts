import type { TargetGroup } from '../../identity/age';
import { formatNumber } from '../../util/format-sv';
import type { Sex } from '../shape';

const WORDS = { barn: { F: 'flickor', M: 'pojkar', both: 'flickor och pojkar' }, vuxna: { F: 'kvinnor', M: 'män', both: 'kvinnor och män' } } as const;

/**
 * The sentences every published output prints beside the figures: what "totalt" covers, when a
 * share is shown, and what "–" means — one wording, so the screen, the workbook and the documents
 * explain the same set the same way.
 */
export function publicationNotes({ targetGroup, threshold, covers, bySex }: { targetGroup: TargetGroup; threshold: number; covers: readonly Sex[]; bySex: Record<Sex, number> }): string[] {
  const words = WORDS[targetGroup];
  const covered = covers.length === 2 ? words.both : covers.length === 1 ? words[covers[0] as 'F' | 'M'] : null;
  const notes: string[] = [];
  const outside = [
    ...(bySex.U > 0 ? [`akter med okänt kön (${formatNumber(bySex.U)})`] : []),
    ...(['F', 'M'] as const).filter((s) => !covers.includes(s) && bySex[s] > 0).map((s) => `${words[s]} (färre än ${formatNumber(threshold)} akter)`),
  ];
  if (covered) notes.push(`Totalt avser ${covered}.${outside.length > 0 ? ` ${capitalise(outside.join(' och '))} ingår i underlaget men inte i resultaten per fråga och område.` : ''}`);
  notes.push(`Andelar visas där minst 10 svar är tillämpliga (ej tillämpligt räknas inte).`);
  notes.push(`– = visas inte: för få tillämpliga svar för en andel, eller dolt så att ingen grupp med färre än ${formatNumber(threshold)} akter kan urskiljas eller räknas fram.`);
  return notes;
}

const capitalise = (text: string) => (text.length === 0 ? text : text[0].toLocaleUpperCase('sv-SE') + text.slice(1));
