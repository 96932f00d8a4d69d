import type { Block } from '../../contract/report-model';
import type { PublishedResults } from '../../contract/results';
import { listSv } from '../../util/list-sv';
import type { AreaFacts } from './figures';
import { bullets, capitalise, listAreas, countWords, lower, para, pct, pick, sentences, shown } from './words';

/**
 * Likställighet: the units compared on the published share ja per quality area
 * (publication.areaUnits). Differences are read on the whole percentages the reader sees; a unit
 * whose figure is withheld is named as such and never placed above or below another.
 */

/** A difference between units of at least this many percentage points is called a difference; below it the units "do not differ much". */
export const CLEAR_GAP = 10;

/** Below this many files per unit, the comparison carries the caveat of a small sample. */
const SMALL_UNIT = 50;

export interface UnitFigure {
  unit: string;
  percent: number;
}

export interface AreaUnits {
  areaId: string;
  name: string;
  index: number;
  shown: UnitFigure[];
  withheld: string[];
  /** The unit alone at the top (or bottom); null where two share it. */
  high: UnitFigure | null;
  low: UnitFigure | null;
  /** Highest minus lowest whole percent; null with fewer than two shown units. */
  spread: number | null;
}

export interface UnitComparison {
  units: string[];
  files: { unit: string; files: number }[];
  /** Every written area with a row in the publication set. */
  areas: AreaUnits[];
  /** The areas where at least two units are shown, largest spread first. */
  compared: AreaUnits[];
}

export function areaUnits(area: AreaFacts): AreaUnits {
  const shownUnits = area.units.filter((u): u is UnitFigure => u.percent !== null);
  const withheld = area.units.filter((u) => u.percent === null).map((u) => u.unit);
  const alone = (target: number) => {
    const at = shownUnits.filter((u) => shown(u.percent) === target);
    return at.length === 1 ? at[0] : null;
  };
  if (shownUnits.length < 2) return { areaId: area.areaId, name: area.name, index: area.index, shown: shownUnits, withheld, high: null, low: null, spread: null };
  const values = shownUnits.map((u) => shown(u.percent));
  const max = Math.max(...values);
  const min = Math.min(...values);
  return { areaId: area.areaId, name: area.name, index: area.index, shown: shownUnits, withheld, high: alone(max), low: alone(min), spread: max - min };
}

export function compareUnits(results: PublishedResults, facts: readonly AreaFacts[]): UnitComparison {
  const areas = facts.filter((f) => f.units.length > 0).map(areaUnits);
  const compared = areas.filter((a) => a.spread !== null).sort((a, b) => b.spread! - a.spread! || a.index - b.index);
  return { units: results.publication.units.map((u) => u.unit), files: results.publication.units, areas, compared };
}

const unitList = (units: readonly UnitFigure[]) => listSv(units.map((u) => `${pct(u.percent)} vid ${u.unit}`));

/** The sentence on the units in an area's memo text; null where there is nothing to compare. */
export function unitSentence(area: AreaFacts): string | null {
  const u = areaUnits(area);
  const list = listSv(u.withheld);
  const withheld =
    u.withheld.length === 0
      ? null
      : u.withheld.length === area.units.length
        ? pick(
            [
              'Andelen per enhet redovisas inte för området, eftersom underlaget är för litet.',
              'Underlaget per enhet är för litet för att andelar ska kunna redovisas för området.',
              'Någon andel per enhet redovisas inte inom området, då underlaget är för litet.',
            ],
            area.index,
          )
        : pick(
            [
              `För ${list} redovisas ingen andel för området, eftersom underlaget är för litet.`,
              `Andelen för ${list} visas inte, eftersom underlaget är för litet.`,
              `Underlaget för ${list} är för litet för att en andel ska kunna redovisas.`,
            ],
            area.index,
          );
  if (u.spread === null) {
    if (u.shown.length === 1) {
      const [only] = u.shown;
      return pick(
        [
          `Av enheterna redovisas en andel bara för ${only.unit} (${pct(only.percent)}); för övriga är underlaget för litet.`,
          `Per enhet kan bara andelen för ${only.unit} redovisas, ${pct(only.percent)}; övriga enheters underlag är för litet.`,
          `Endast för ${only.unit} är underlaget tillräckligt för att redovisa en andel (${pct(only.percent)}).`,
        ],
        area.index,
      );
    }
    return withheld;
  }
  const lo = Math.min(...u.shown.map((s) => s.percent));
  const hi = Math.max(...u.shown.map((s) => s.percent));
  let main: string;
  if (u.spread >= CLEAR_GAP && u.high && u.low) {
    const { high, low } = u;
    main = pick(
      [
        `Utifrån ett likställighetsperspektiv skilde sig resultatet mellan enheterna: ${high.unit} hade högst andel ja (${pct(high.percent)}) och ${low.unit} lägst (${pct(low.percent)}).`,
        `Mellan enheterna fanns en tydlig skillnad, från ${pct(low.percent)} vid ${low.unit} till ${pct(high.percent)} vid ${high.unit}.`,
        `Andelen ja varierade mellan ${pct(low.percent)} (${low.unit}) och ${pct(high.percent)} (${high.unit}), en skillnad på ${countWords(u.spread, 'procentenhet', 'procentenheter')} mellan enheterna.`,
        `${high.unit} låg högst av enheterna med ${pct(high.percent)}, medan ${low.unit} låg lägst med ${pct(low.percent)}.`,
        `Vid en jämförelse mellan enheterna framträder en skillnad på ${countWords(u.spread, 'procentenhet', 'procentenheter')}: ${unitList(u.shown)}.`,
      ],
      area.index,
    );
  } else if (u.spread === 0) {
    main = `Andelen ja var densamma vid de granskade enheterna, ${pct(lo)}.`;
  } else {
    main = pick(
      [
        `Utifrån ett likställighetsperspektiv skilde det sig inte nämnvärt mellan enheterna, där andelen ja låg mellan ${pct(lo)} och ${pct(hi)}.`,
        `Resultatet var likartat vid de granskade enheterna: ${unitList(u.shown)}.`,
        `Skillnaderna mellan enheterna var små, ${countWords(u.spread, 'procentenhet', 'procentenheter')} mellan den högsta och den lägsta andelen.`,
        `Enheterna låg nära varandra inom området (${unitList(u.shown)}).`,
        `Mellan enheterna var skillnaden i andel ja som mest ${countWords(u.spread, 'procentenhet', 'procentenheter')}.`,
      ],
      area.index + 2,
    );
  }
  return sentences(main, withheld);
}

/** Files per unit in words: "12 akter vardera", "mellan 10 och 14 akter per enhet". */
export function filesPerUnit(comparison: UnitComparison): string | null {
  const counts = comparison.files.map((f) => f.files);
  if (counts.length === 0) return null;
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min === max ? `${countWords(min, 'akt', 'akter')} vardera` : `mellan ${min} och ${max} akter per enhet`;
}

/** Per unit, the areas where it alone had the highest and the lowest share. */
function tops(comparison: UnitComparison) {
  return comparison.units.map((unit) => ({
    unit,
    high: comparison.compared.filter((a) => a.high?.unit === unit).sort((a, b) => a.index - b.index).map((a) => lower(a.name)),
    low: comparison.compared.filter((a) => a.low?.unit === unit).sort((a, b) => a.index - b.index).map((a) => lower(a.name)),
  }));
}

/** The one sentence on likställighet the summaries carry; null with fewer than two units. */
export function likstallighetFinding(comparison: UnitComparison): string | null {
  if (comparison.units.length < 2) return null;
  if (comparison.compared.length === 0) return 'Underlaget per enhet är för litet för att andelar ska kunna redovisas och jämföras mellan enheterna.';
  const widest = comparison.compared[0];
  if (widest.spread === 0) return 'Utifrån ett likställighetsperspektiv skilde sig resultaten inte mellan enheterna: andelen ja var densamma vid alla enheter inom varje redovisat kvalitetsområde.';
  if (widest.spread! < CLEAR_GAP) {
    return `Utifrån ett likställighetsperspektiv skilde sig resultaten inte nämnvärt mellan enheterna: inom inget kvalitetsområde var skillnaden i andel ja större än ${countWords(widest.spread!, 'procentenhet', 'procentenheter')}.`;
  }
  const clear = comparison.compared.filter((a) => a.spread! >= CLEAR_GAP);
  const where = widest.high && widest.low ? `, där andelen ja var ${pct(widest.high.percent)} vid ${widest.high.unit} och ${pct(widest.low.percent)} vid ${widest.low.unit}` : ` (${countWords(widest.spread!, 'procentenhet', 'procentenheter')})`;
  const others = clear.length > 1 ? ` Skillnader på ${countWords(CLEAR_GAP, 'procentenhet', 'procentenheter')} eller mer fanns även inom ${listAreas(clear.slice(1).map((a) => lower(a.name)))}.` : '';
  const alike = comparison.compared.length - clear.length;
  const rest = alike > 0 ? ` Inom ${alike === 1 ? 'det övriga området' : 'övriga områden'} var skillnaderna mellan enheterna små.` : '';
  return `Utifrån ett likställighetsperspektiv skilde sig resultaten mest mellan enheterna inom ${lower(widest.name)}${where}.${others}${rest}`;
}

/** Which unit was highest and lowest where: one sentence per unit that stands out anywhere. */
function unitLines(comparison: UnitComparison): string[] {
  return tops(comparison)
    .filter((t) => t.high.length > 0 || t.low.length > 0)
    .map((t, i) => {
      const high = t.high.length > 0 ? `högst andel ja inom ${listAreas(t.high)}` : null;
      const low = t.low.length > 0 ? `lägst inom ${listAreas(t.low)}` : null;
      const both = high && low ? `${high}, och ${low}` : (high ?? `lägst andel ja inom ${listAreas(t.low)}`);
      return pick([`${t.unit} hade ${both}.`, `För ${t.unit} gällde ${both}.`, `${t.unit} hade ${both}.`], i);
    });
}

function withheldLine(comparison: UnitComparison): string | null {
  const byUnit = comparison.units
    .map((unit) => ({ unit, areas: comparison.areas.filter((a) => a.withheld.includes(unit)).map((a) => lower(a.name)) }))
    .filter((u) => u.areas.length > 0);
  if (byUnit.length === 0) return null;
  const everywhere = byUnit.filter((u) => u.areas.length === comparison.areas.length).map((u) => u.unit);
  const somewhere = byUnit.filter((u) => u.areas.length < comparison.areas.length).map((u) => `för ${u.unit} inom ${listAreas(u.areas)}`);
  return sentences(
    everywhere.length > 0 ? `För ${listSv(everywhere)} redovisas ingen andel inom något område, eftersom underlaget är för litet.` : null,
    somewhere.length > 0 ? capitalise(`${listSv(somewhere)} redovisas ingen andel, eftersom underlaget är för litet.`) : null,
  );
}

/** The memo's paragraph: the finding, and which unit stood out where. */
export function likstallighetMemoText(comparison: UnitComparison): string {
  if (comparison.units.length < 2) return 'Granskningen omfattar en enhet, så någon jämförelse mellan enheter görs inte.';
  return sentences(
    `Tabellen nedan visar andelen ja per kvalitetsområde för var och en av de ${countWords(comparison.units.length, 'granskade enheten', 'granskade enheterna')}, med alla områdets frågor sammantagna.`,
    likstallighetFinding(comparison),
    ...unitLines(comparison),
    withheldLine(comparison),
  );
}

/** Bilaga 1's fuller text: the same, each area's figures per unit, and the caveat of a small sample. */
export function likstallighetFullBlocks(comparison: UnitComparison): Block[] {
  if (comparison.units.length < 2) return para('Granskningen omfattar en enhet, så någon jämförelse mellan enheter görs inte.');
  const per = filesPerUnit(comparison);
  const intro = sentences(
    'Likställighet innebär att den enskilde ska kunna räkna med samma kvalitet i stöd och handläggning oavsett vilken enhet som handlägger ärendet.',
    `I granskningen ingår ${countWords(comparison.units.length, 'enhet', 'enheter')}, ${listSv(comparison.units)}${per ? `, med ${per}` : ''}.`,
    'Jämförelsen bygger på andelen ja per kvalitetsområde och enhet, med alla områdets frågor sammantagna.',
  );
  const areas = comparison.compared
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((a) => `${a.name}: ${listSv(a.shown.map((u) => `${u.unit} ${pct(u.percent)}`))}${a.spread! >= CLEAR_GAP ? `, en skillnad på ${countWords(a.spread!, 'procentenhet', 'procentenheter')}` : ''}.`);
  const largest = Math.max(0, ...comparison.files.map((f) => f.files));
  const caveat =
    largest < SMALL_UNIT
      ? `Med ${per ?? 'få akter per enhet'} är underlaget per enhet litet. En skillnad på några procentenheter kan bero på vilka akter som råkade ingå i urvalet och bör läsas med försiktighet; jämförelsen är en utgångspunkt för samtal med enheterna snarare än en rangordning.`
      : 'Skillnader mellan enheterna bör läsas tillsammans med enheternas egna förutsättningar, som målgrupp och organisation; jämförelsen är en utgångspunkt för samtal med enheterna snarare än en rangordning.';
  return [
    ...para(intro),
    ...para(sentences(likstallighetFinding(comparison), ...unitLines(comparison), withheldLine(comparison))),
    ...(areas.length > 0 ? [...para('Andelen ja per kvalitetsområde och enhet:'), ...bullets(areas)] : []),
    ...para(caveat),
  ];
}
