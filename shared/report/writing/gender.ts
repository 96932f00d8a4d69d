import type { Block } from '../../contract/report-model';
import { testedCount } from '../../results/verdicts';
import { belowLevel } from '../../stats/verdict';
import { formatNumber } from '../../util/format-sv';
import { listSv } from '../../util/list-sv';
import { countOf } from '../../util/plural-sv';
import type { DraftInput } from '../generate';
import { capitalise, paragraph, run } from './words';

/**
 * Jämställdhetsanalys: the basis by sex, the questions where girls and boys (women and men)
 * differ with Fisher's test, Holm's adjustment over the questions tested, and the caveat of a
 * small sample. The verdicts' sentences are the statistics' own.
 */

export const GROUP_WORDS = { barn: { F: 'flickor', M: 'pojkar' }, vuxna: { F: 'kvinnor', M: 'män' } } as const;
const ONE_WORDS = { barn: { F: 'flicka', M: 'pojke' }, vuxna: { F: 'kvinna', M: 'man' } } as const;

export function genderBlocks({ results, template }: Pick<DraftInput, 'results' | 'template'>, where: 'memo' | 'bilaga' = 'memo'): Block[] {
  const words = GROUP_WORDS[results.targetGroup];
  const one = ONE_WORDS[results.targetGroup];
  const few = `färre än ${formatNumber(results.threshold)}`;
  const count = (n: number | null) => (n === null ? few : formatNumber(n));
  const group = (sex: 'F' | 'M', n: number | null) => `${count(n)} ${n === 1 ? one[sex] : words[sex]}`;
  const { bySex, files } = results.basis;
  const unknown = bySex.U === 0 ? '' : ` och ${count(bySex.U)} med okänt kön`;
  const blocks: Block[] = [
    paragraph(run(`Resultatet för varje fråga har analyserats utifrån kön. Underlaget omfattar ${files === null ? few : formatNumber(files)} akter: ${group('F', bySex.F)}, ${group('M', bySex.M)}${unknown}.`)),
  ];
  const withVerdict = results.questions.filter((q) => q.verdict !== null);
  const differences = withVerdict.filter((q) => q.verdict!.code === 'difference');
  const textOf = (id: string) => template.questions.find((q) => q.id === id)?.text ?? id;
  if (differences.length > 0) {
    blocks.push(paragraph(run('Skillnader som är statistiskt säkerställda:')));
    blocks.push({ type: 'bullets', items: differences.map((q) => [run(`Fråga ${q.number} (${textOf(q.questionId)}): ${q.verdict!.text}`)]) });
  }
  const tested = testedCount(results.questions);
  if (differences.length > 0 && tested > 1) {
    const remaining = differences.filter((q) => q.verdict!.pAdjusted !== null && belowLevel(q.verdict!.pAdjusted));
    const kept = remaining.length === 0 ? 'ingen av skillnaderna kvarstår' : remaining.length === differences.length ? 'alla skillnaderna kvarstår' : `${countOf(remaining.length, 'skillnad', 'skillnader')} kvarstår`;
    blocks.push(paragraph(run(`Eftersom ${countOf(tested, 'fråga', 'frågor')} prövades samtidigt har p-värdena också justerats för flera jämförelser med Holms metod: ${kept}.`)));
  }
  const none = withVerdict.filter((q) => q.verdict!.code === 'no_difference').length;
  const small = withVerdict.filter((q) => q.verdict!.code === 'too_small').length;
  const alike = withVerdict.filter((q) => q.verdict!.code === 'no_variation').length;
  const parts = [
    ...(none > 0 ? [`för ${countOf(none, 'fråga', 'frågor')} kan ingen skillnad mellan ${words.F} och ${words.M} påvisas`] : []),
    ...(alike > 0 ? [`för ${countOf(alike, 'fråga', 'frågor')} var alla tillämpliga svar ja (eller inget), så där finns ingen skillnad att pröva`] : []),
    ...(small > 0 ? [`för ${countOf(small, 'fråga', 'frågor')} är underlaget för litet för att dra slutsatser`] : []),
  ];
  if (parts.length > 0) blocks.push(paragraph(run(`${capitalise(listSv(parts))}.`)));
  blocks.push(
    paragraph(
      run(
        `Andelar redovisas bara där minst tio svar är tillämpliga, och en grupp med färre än ${formatNumber(results.threshold)} akter redovisas inte per fråga. Med ett litet urval kan en skillnad mellan ${words.F} och ${words.M} bero på slumpen; jämförelsen prövas därför med Fishers exakta test och redovisas ${where === 'memo' ? 'i bilaga 1' : 'fråga för fråga nedan'}.`,
      ),
    ),
  );
  return blocks;
}
