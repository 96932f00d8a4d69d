import type { Block } from '../../contract/report-model';
import { listSv } from '../../util/list-sv';
import { rankedAreas, type AreaFacts, type QuestionShare } from './figures';
import type { AreaNotes } from './notes';
import { CLEAR_GAP, type UnitComparison } from './units';
import { countWords, lower, numbered, para, pct, pick, quoted, ratioPct, sentences, shown } from './words';

/**
 * Slutsatser och rekommendationer: what the weakest areas and questions, the differences between
 * the units, the ratios and the findings call for, in the voice of reference 003
 * ("Socialtjänstinspektörerna rekommenderar att …"). Each recommendation is kept as the clause
 * after "rekommenderar att", so the summaries can cite it in their own sentence.
 */

export interface Recommendation {
  /** The clause after "Socialtjänstinspektörerna rekommenderar att". */
  clause: string;
  /** What the list adds after a semicolon (the findings behind it); the summaries leave it out. */
  basis?: string;
}

export interface Recommendations {
  /** The paragraph before the list. */
  lead: string;
  items: Recommendation[];
}

export const VOICE = 'Socialtjänstinspektörerna rekommenderar att';

/** A recommendation that weak questions call for: lower than this share ja. */
const WEAK_QUESTION = 50;

export function recommendations(facts: readonly AreaFacts[], comparison: UnitComparison, notes: ReadonlyMap<string, AreaNotes>): Recommendations {
  const ranked = rankedAreas(facts);
  const items: Recommendation[] = [];
  const add = (clause: string, basis?: string) => items.push(basis ? { clause, basis } : { clause });
  const covered = new Set<string>();
  const findingsIn = (areaId: string) => notes.get(areaId)?.findings.length ?? 0;
  const anyFindings = facts.some((f) => findingsIn(f.areaId) > 0);
  const dialogueHeld = [...notes.values()].some((n) => n.meetings > 0);
  const findingsNote = (areaId: string) => {
    const n = findingsIn(areaId);
    if (n === 0) return undefined;
    return n === 1 ? 'den iakttagelse som gjordes inom området vid aktgranskningen ger underlag för det arbetet' : `de ${countWords(n, 'iakttagelse', 'iakttagelser')} som gjordes inom området vid aktgranskningen ger underlag för det arbetet`;
  };

  // 1. The weakest areas: the lowest, and the next where it is also below the areas' mean.
  if (ranked.length > 0) {
    const mean = ranked.reduce((sum, a) => sum + shown(a.percent), 0) / ranked.length;
    const weakest = ranked.slice().reverse();
    const chosen = ranked.length === 1 ? (shown(weakest[0].percent) < 75 ? [weakest[0]] : []) : [weakest[0], ...(shown(weakest[1].percent) < mean ? [weakest[1]] : [])];
    chosen.forEach((area, i) => {
      covered.add(area.areaId);
      add(
        i === 0 && ranked.length > 1
          ? `de granskade enheterna prioriterar utvecklingsarbetet inom ${lower(area.name)}, som hade granskningens lägsta andel ja (${pct(area.percent)})`
          : `enheterna ser över sina arbetssätt och rutiner inom ${lower(area.name)}, där andelen ja var ${pct(area.percent)}`,
        findingsNote(area.areaId),
      );
    });
  }

  // 2. The weakest questions of the review, where fewer than half the applicable answers were ja.
  const questions: QuestionShare[] = facts
    .flatMap((f) => f.scaleShares)
    .filter((q) => shown(q.percent) < WEAK_QUESTION)
    .sort((a, b) => a.percent - b.percent || a.number - b.number)
    .slice(0, 2);
  questions.forEach((q, i) =>
    add(
      pick(
        [
          `enheterna säkerställer att det som efterfrågas i granskningsfrågan ${quoted(q.text)} framgår av dokumentationen, eftersom andelen ja där var ${pct(q.percent)}`,
          `enheterna särskilt uppmärksammar frågan ${quoted(q.text)}, som besvarades med ja i endast ${pct(q.percent)} av de tillämpliga fallen`,
        ],
        i,
      ),
    ),
  );

  // 3. Likställighet: the area where the units differed most, if clearly.
  const widest = comparison.compared[0];
  if (widest && widest.spread! >= CLEAR_GAP && widest.high && widest.low) {
    add(
      `enheterna tar tillvara varandras arbetssätt inom ${lower(widest.name)}, där skillnaden mellan enheterna var störst (${pct(widest.high.percent)} vid ${widest.high.unit} mot ${pct(widest.low.percent)} vid ${widest.low.unit}), i syfte att öka likställigheten`,
    );
  }

  // 4. Ratios (actual ÷ planned) whose median falls short of the plan.
  for (const area of facts) {
    for (const m of area.derived) {
      if (m.kind !== 'ratio' || m.median === null || m.median >= 1) continue;
      add(`enheterna följer upp att insatserna genomförs i den omfattning som beslutats och planerats, eftersom andelen ${lower(m.label)} i median var ${ratioPct(m.median)}`);
    }
  }

  // 5. The area with the most findings, where no recommendation names it yet.
  const mostFindings = facts
    .filter((f) => !covered.has(f.areaId) && findingsIn(f.areaId) > 0)
    .sort((a, b) => findingsIn(b.areaId) - findingsIn(a.areaId) || a.index - b.index)[0];
  if (mostFindings) {
    const n = findingsIn(mostFindings.areaId);
    add(
      n === 1
        ? `enheterna tar del av den iakttagelse inom ${lower(mostFindings.name)} som gjordes vid aktgranskningen och använder den i sitt fortsatta kvalitetsarbete`
        : `enheterna tar del av de ${countWords(n, 'iakttagelse', 'iakttagelser')} inom ${lower(mostFindings.name)} som gjordes vid aktgranskningen och använder dem i sitt fortsatta kvalitetsarbete`,
    );
  }

  // 6. Always: feedback and spreading the knowledge.
  add('granskningens resultat återkopplas och diskuteras vid de granskade enheterna och att kunskapen sprids till övriga enheter som arbetar med samma målgrupp');

  const grounds = listSv(['resultaten', ...(anyFindings ? ['iakttagelserna i akterna'] : []), ...(dialogueHeld ? ['det som framkom vid dialogmötena'] : [])]);
  const offer = `Utifrån ${grounds} lämnar socialtjänstinspektörerna följande rekommendationer.`;
  const lead =
    ranked.length >= 2
      ? sentences(
          `Granskningen visar att resultaten var starkast inom ${lower(ranked[0].name)} (${pct(ranked[0].percent)}) och svagast inom ${lower(ranked[ranked.length - 1].name)} (${pct(ranked[ranked.length - 1].percent)}).`,
          offer,
        )
      : ranked.length === 1
        ? sentences(`Andelen ja inom ${lower(ranked[0].name)} var ${pct(ranked[0].percent)}.`, offer)
        : 'Underlaget är ännu för litet för att redovisa andelar, och rekommendationerna utgår därför från det som i övrigt framkommit i granskningen.';
  return { lead, items };
}

/** "Socialtjänstinspektörerna rekommenderar att …; … ger underlag för det arbetet." */
export const recommendationSentence = (r: Recommendation): string => `${VOICE} ${r.clause}${r.basis ? `; ${r.basis}` : ''}.`;

/** The section's blocks: the lead, then the numbered recommendations. */
export const recommendationBlocks = (r: Recommendations): Block[] => [...para(r.lead), ...numbered(r.items.map(recommendationSentence))];
