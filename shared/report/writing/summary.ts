import type { Block } from '../../contract/report-model';
import { formatNumber } from '../../util/format-sv';
import { listSv, midSentence } from '../../util/list-sv';
import { countOf } from '../../util/plural-sv';
import type { DraftInput } from '../generate';
import type { Recommendations } from './conclusions';
import { rankedAreas, type AreaFacts } from './figures';
import type { AreaNotes } from './notes';
import { likstallighetFinding, type UnitComparison } from './units';
import { countWords, dateWords, listAreas, lower, numberWord, para, pct, quoted, sentences, shown } from './words';

/**
 * Sammanfattning, drawn from the areas: what was reviewed, the likställighet finding, the
 * strongest and weakest area with their shares, the findings and the recommendations. The memo's
 * is a few paragraphs ending with the proposal; Bilaga 1's is fuller (every area's share, the
 * findings per area, the dialogue meetings).
 */

export interface SummaryMaterial {
  input: DraftInput;
  facts: readonly AreaFacts[];
  comparison: UnitComparison;
  notes: ReadonlyMap<string, AreaNotes>;
  recommendations: Recommendations;
}

function scope({ input, comparison }: SummaryMaterial): string {
  const { review, template, results } = input;
  const units = review.units.length > 0 ? ` vid ${listSv(review.units)}` : '';
  const files = results.basis.files;
  const period =
    review.periodFrom && review.periodTo ? ` De granskade akterna avser perioden från och med ${dateWords(review.periodFrom)} till och med ${dateWords(review.periodTo)}.` : '';
  const extent = files === null ? '' : ` Sammanlagt omfattades ${countOf(files, 'akt', 'akter')}.`;
  const per = comparison.files.length > 1 && new Set(comparison.files.map((f) => f.files)).size === 1 ? ` Från varje enhet granskades ${countWords(comparison.files[0].files, 'akt', 'akter')}.` : '';
  return `Granskningen avser ${midSentence(template.name)}${units}.${extent}${per}${period}`;
}

function weakestQuestion(facts: readonly AreaFacts[]) {
  return facts.flatMap((f) => f.scaleShares).sort((a, b) => a.percent - b.percent || a.number - b.number)[0];
}

function areasLine({ facts }: SummaryMaterial): string {
  const ranked = rankedAreas(facts);
  if (ranked.length === 0) return 'Underlaget är ännu för litet för att redovisa andelar per kvalitetsområde.';
  if (ranked.length === 1) return `Sammantaget var svaret ja i ${pct(ranked[0].percent)} av de tillämpliga svaren inom ${lower(ranked[0].name)}.`;
  const strong = ranked[0];
  const weak = ranked[ranked.length - 1];
  const q = weakestQuestion(facts);
  const spread = shown(strong.percent) - shown(weak.percent);
  return sentences(
    `Högst andel ja hade kvalitetsområdet ${lower(strong.name)} med ${pct(strong.percent)}, och lägst ${lower(weak.name)} med ${pct(weak.percent)}.`,
    spread < 10 ? `Skillnaden mellan områdena var alltså liten, och resultatet ligger på en likartad nivå i hela granskningen.` : null,
    q && shown(q.percent) < shown(weak.percent) ? `Lägst av granskningens frågor låg ${quoted(q.text)}, där andelen ja var ${pct(q.percent)}.` : null,
  );
}

function findingsCount(notes: ReadonlyMap<string, AreaNotes>) {
  return [...notes.values()].reduce((sum, n) => sum + n.findings.length, 0);
}

function materialLine({ input, facts, notes }: SummaryMaterial, full: boolean): string {
  const total = findingsCount(notes);
  const dialogueUnits = [...new Set((input.dialogue ?? []).map((d) => d.unit))];
  const perArea = facts.map((f) => ({ f, n: notes.get(f.areaId)?.findings.length ?? 0 })).filter((x) => x.n > 0);
  const most = perArea.slice().sort((a, b) => b.n - a.n || a.f.index - b.f.index)[0];
  const findings =
    total === 0
      ? 'Inga iakttagelser från aktgranskningen har ännu markerats.'
      : full
        ? `Vid aktgranskningen markerade inspektörerna ${countWords(total, 'iakttagelse', 'iakttagelser')}: ${listAreas(perArea.map((x) => `${numberWord(x.n)} inom ${lower(x.f.name)}`))}.`
        : `Vid aktgranskningen markerade inspektörerna ${countWords(total, 'iakttagelse', 'iakttagelser')}${perArea.length > 1 ? `, flest inom ${lower(most.f.name)} (${formatNumber(most.n)})` : ` inom ${lower(most.f.name)}`}.`;
  const dialogue = dialogueUnits.length === 0 ? null : `Därtill hölls dialogmöten med ${listSv(dialogueUnits)}, och det som framkom där redovisas under respektive kvalitetsområde.`;
  return sentences(findings, dialogue);
}

function recommendationLine({ recommendations }: SummaryMaterial): string {
  const n = recommendations.items.length;
  return `Socialtjänstinspektörerna lämnar ${countWords(n, 'rekommendation', 'rekommendationer')}, bland annat att ${recommendations.items[0].clause}.`;
}

export function summaryBlocks(m: SummaryMaterial): Block[] {
  return [
    ...para(scope(m)),
    ...para(likstallighetFinding(m.comparison) ?? ''),
    ...para(areasLine(m)),
    ...para(sentences(materialLine(m, false), recommendationLine(m))),
    ...para(`Förvaltningen föreslår att ${midSentence(m.input.settings.board)} godkänner denna kvalitetsgranskning.`),
  ];
}

/** Bilaga 1's Sammanfattning: the same, with every area's share and the findings per area. */
export function fullSummaryBlocks(m: SummaryMaterial): Block[] {
  const { facts } = m;
  const shownAreas = facts.filter((f) => f.percent !== null);
  const withheld = facts.filter((f) => f.hasShare && f.percent === null);
  const areas =
    shownAreas.length < 3
      ? null
      : sentences(
          `Andelen ja per kvalitetsområde var ${listSv(shownAreas.map((f) => `${pct(f.percent!)} inom ${lower(f.name)}`))}.`,
          withheld.length > 0 ? `För ${listAreas(withheld.map((f) => lower(f.name)))} redovisas ingen sammanlagd andel, eftersom underlaget är för litet.` : null,
        );
  return [
    ...para(scope(m)),
    ...para(
      `Granskningen har gjorts med utgångspunkt i lagstiftningens krav på god kvalitet och i de kvalitetsområden som Socialstyrelsen och SKR utformade 2010. Resultaten redovisas per kvalitetsområde, som en jämförelse mellan enheterna och uppdelat på kön.`,
    ),
    ...para(likstallighetFinding(m.comparison) ?? ''),
    ...para(sentences(areasLine(m), areas)),
    ...para(materialLine(m, true)),
    ...para(
      sentences(
        recommendationLine(m),
        m.recommendations.items.length > 2 ? `Inspektörerna rekommenderar också att ${m.recommendations.items[1].clause}.` : null,
      ),
    ),
  ];
}
