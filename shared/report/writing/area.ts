import type { Block } from '../../contract/report-model';
import { formatNumber } from '../../util/format-sv';
import { listSv } from '../../util/list-sv';
import { commonOptions, standing, type AreaFacts, type ChoiceFact, type DerivedFact, type NumberFact } from './figures';
import { dialogueDetail, dialogueSentence, findingsDetail, findingsSentence, type AreaNotes } from './notes';
import { unitSentence } from './units';
import { bullets, capitalise, countWords, lead, lower, para, pct, pick, quoted, ratioPct, sentences, shown, stat } from './words';

/**
 * One quality area under Ärendet: the memo's short text (`blocks`) and the fuller text only
 * Bilaga 1 carries (`detail`). The memo text reads as reference 003 writes an area: the overall
 * result, likställighet between the units as the first finding, the questions that stand out, the
 * times and ratios, then the inspectors' findings and what the dialogue meetings said. Phrasings
 * vary by the area's position and by what its figures show, so no two areas read alike; every
 * figure is a published one.
 */

/** How a share reads in words: "i drygt hälften av", from the whole percent. */
export function shareWords(percent: number): string {
  const r = shown(percent);
  if (r >= 90) return 'nästan samtliga';
  if (r >= 75) return 'en klar majoritet';
  if (r >= 60) return 'en majoritet';
  if (r > 50) return 'drygt hälften';
  if (r === 50) return 'hälften';
  if (r >= 40) return 'knappt hälften';
  if (r >= 25) return 'mindre än hälften';
  if (r >= 10) return 'en mindre del';
  return 'ett fåtal';
}

/** A question lacks a clear lead over the rest when it is at least this many points below the area. */
const CLEARLY_BELOW = 15;

function opening(area: AreaFacts): string {
  const questions = area.shareQuestions === 1 ? 'områdets enda fråga' : `områdets ${countWords(area.shareQuestions, 'fråga', 'frågor')}`;
  if (area.percent === null) {
    if (!area.hasShare) {
      return pick(
        [
          'Området har inga frågor som besvaras med ja eller nej, och redovisas därför med de uppgifter som granskningen gav.',
          'Inom området ställdes inga ja- eller nejfrågor; resultatet beskrivs i stället med de uppgifter som registrerades i akterna.',
          'För området finns ingen andel ja att redovisa, eftersom dess frågor inte besvaras med ja eller nej.',
          'Området belyses inte med någon andel ja; granskningsfrågorna här avser uppgifter av annat slag.',
          'Granskningen av området bygger på uppgifter som inte sammanfattas i en andel ja.',
          'Det finns ingen sammanlagd andel ja för området, då dess frågor är av annat slag än ja och nej.',
          'Området mäts inte med ja- och nejfrågor i granskningsmallen.',
        ],
        area.index,
      );
    }
    return pick(
      [
        'Underlaget är för litet för att redovisa en sammanlagd andel ja för området.',
        'För området redovisas ingen sammanlagd andel ja, eftersom underlaget är för litet.',
        'Andelen ja inom området visas inte; för få svar var tillämpliga för att en andel ska kunna redovisas.',
        'Området kan inte sammanfattas i en andel ja, då underlaget är för litet.',
        'Någon sammanlagd andel ja redovisas inte för området eftersom antalet tillämpliga svar är för litet.',
        'Inom området är de tillämpliga svaren för få för att en sammanlagd andel ja ska redovisas.',
        'Ett för litet underlag gör att området inte redovisas med en sammanlagd andel ja.',
      ],
      area.index,
    );
  }
  const p = pct(area.percent);
  const level = shareWords(area.percent);
  return pick(
    [
      `Sammantaget var svaret ja i ${p} av de tillämpliga svaren på ${questions}.`,
      `Granskningsfrågorna inom området besvarades med ja i ${level} av de tillämpliga fallen, ${p}.`,
      `Av de tillämpliga svaren inom området var ${p} ja.`,
      `I det granskade materialet uppfylldes områdets granskningsfrågor i ${level} av fallen; andelen ja var ${p}.`,
      `Andelen ja inom området uppgick till ${p} av de tillämpliga svaren.`,
      `Området hade sammantaget en andel ja på ${p}, räknat över ${questions}.`,
      `Resultatet inom området visar att svaret var ja i ${level} av de tillämpliga fallen (${p}).`,
    ],
    area.index,
  );
}

/** What the area's share means among the others, or by its level. */
function comment(area: AreaFacts, all: readonly AreaFacts[]): string | null {
  if (area.percent === null) return null;
  const place = standing(all, area);
  if (place === 'strongest') {
    return pick(['Det är den högsta andelen bland granskningens kvalitetsområden.', 'Inget annat kvalitetsområde i granskningen hade en högre andel.', 'Området hör därmed till granskningens starkaste.'], area.index);
  }
  if (place === 'weakest') {
    return pick(['Det är den lägsta andelen bland granskningens kvalitetsområden.', 'Inget annat kvalitetsområde i granskningen hade en lägre andel ja.', 'Området är därmed det svagaste i granskningen.'], area.index);
  }
  const r = shown(area.percent);
  if (r >= 75) return pick(['Resultatet tyder på att arbetet inom området i stort fungerar väl.', 'Det är ett gott resultat.'], area.index);
  if (r < 50) return pick(['I mer än hälften av fallen var svaret alltså något annat än ja – delvis, nej eller framgår ej.', 'Det innebär att granskningsfrågorna inte var uppfyllda i mer än hälften av de tillämpliga fallen.'], area.index);
  return null;
}

/** The questions that stand out: one clearly below the rest, or the highest and the lowest. */
function standout(area: AreaFacts): string | null {
  const qs = area.scaleShares;
  if (qs.length < 2) return null;
  const hi = qs[0];
  const lo = qs[qs.length - 1];
  if (shown(hi.percent) === shown(lo.percent)) return `Andelen ja var densamma, ${pct(hi.percent)}, för områdets redovisade frågor.`;
  if (area.percent !== null && shown(lo.percent) <= shown(area.percent) - CLEARLY_BELOW) {
    return pick(
      [
        `Särskilt lågt var resultatet för frågan ${quoted(lo.text)}, där andelen ja stannade vid ${pct(lo.percent)}.`,
        `En fråga skilde sig tydligt från de övriga: ${quoted(lo.text)} besvarades med ja i endast ${pct(lo.percent)} av de tillämpliga fallen.`,
        `Svagast var resultatet för frågan ${quoted(lo.text)} med ${pct(lo.percent)}, klart under områdets övriga frågor.`,
        `Lägst, och tydligt under områdets genomsnitt, låg frågan ${quoted(lo.text)} med ${pct(lo.percent)} ja.`,
      ],
      area.index,
    );
  }
  return pick(
    [
      `Högst andel ja hade frågan ${quoted(hi.text)} (${pct(hi.percent)}) och lägst frågan ${quoted(lo.text)} (${pct(lo.percent)}).`,
      `Resultatet var starkast för frågan ${quoted(hi.text)} med ${pct(hi.percent)} och svagast för ${quoted(lo.text)} med ${pct(lo.percent)}.`,
      `Mellan frågorna varierade andelen ja från ${pct(lo.percent)} för ${quoted(lo.text)} till ${pct(hi.percent)} för ${quoted(hi.text)}.`,
      `Bäst uppfyllt var ${quoted(hi.text)} med ${pct(hi.percent)}; minst uppfyllt var ${quoted(lo.text)} med ${pct(lo.percent)}.`,
      `Frågan ${quoted(lo.text)} hade områdets lägsta andel ja, ${pct(lo.percent)}, medan ${quoted(hi.text)} hade den högsta, ${pct(hi.percent)}.`,
    ],
    area.index + 1,
  );
}

const withheldQuestions = (area: AreaFacts): string | null =>
  area.withheldQuestions === 0 ? null : `För ${area.withheldQuestions === area.shareQuestions ? 'områdets frågor' : `${countWords(area.withheldQuestions, 'av områdets frågor', 'av områdets frågor')}`} redovisas ingen andel, eftersom underlaget är för litet.`;

/** "tiden från beslut till start av insatsen" from the label "Från beslut till start av insatsen". */
const intervalSubject = (label: string) => (/^från /i.test(label) ? `tiden ${lower(label)}` : lower(label));

/** A derived interval or ratio in one sentence; null where its median is withheld. */
export function derivedSentence(m: DerivedFact, key: number): string | null {
  if (m.median === null) return null;
  const quartiles = m.q1 !== null && m.q3 !== null;
  if (m.kind === 'interval') {
    const unit = m.unit ?? '';
    const subject = intervalSubject(m.label);
    const range = quartiles ? `${stat(m.q1!)} och ${stat(m.q3!)} ${unit}`.trim() : null;
    return pick(
      [
        `${capitalise(subject)} var i median ${stat(m.median)} ${unit}${range ? `; i hälften av akterna låg den mellan ${range}` : ''}.`,
        `Mediantiden ${/^från /i.test(m.label) ? lower(m.label) : `för ${lower(m.label)}`} var ${stat(m.median)} ${unit}${range ? `, och den mittersta hälften av akterna låg mellan ${range}` : ''}.`,
        `I hälften av akterna var ${subject} högst ${stat(m.median)} ${unit}${range ? ` (kvartiler ${range})` : ''}.`,
      ],
      key,
    ).replace(/ +([.;,)])/g, '$1');
  }
  const subject = `andelen ${lower(m.label)}`;
  const range = quartiles ? `${ratioPct(m.q1!)} och ${ratioPct(m.q3!)}` : null;
  const reading =
    quartiles && m.q3! < 1
      ? ' I minst tre fjärdedelar av akterna genomfördes alltså färre än planerat.'
      : m.median < 1
        ? ' I minst hälften av akterna genomfördes alltså färre än planerat.'
        : quartiles && m.q1! >= 1
          ? ' I minst tre fjärdedelar av akterna genomfördes alltså minst så mycket som planerat.'
          : '';
  return (
    pick(
      [
        `Sett till medianen var ${subject} ${ratioPct(m.median)}${range ? `; i den mittersta hälften av akterna låg den mellan ${range}` : ''}.`,
        `${capitalise(subject)} var i median ${ratioPct(m.median)}${range ? `, med kvartilerna ${range}` : ''}.`,
        `I mitten av akterna var ${subject} ${ratioPct(m.median)}${range ? ` (hälften av akterna låg mellan ${range})` : ''}.`,
      ],
      key,
    ) + reading
  );
}

/** A choice question's most common answers, over the published total; null where nothing is shown. */
export function choiceSentence(c: ChoiceFact, key: number): string | null {
  const common = commonOptions(c);
  if (common.length === 0 || c.total === null || c.total === 0) return null;
  const someHidden = c.options.some((o) => o.count === null);
  const of = (n: number) => `${n} av ${countWords(c.total!, 'akt', 'akter')}`;
  const [first, second] = common;
  if (c.multiple) {
    const top = common.slice(0, 3).map((o) => `${quoted(o.label)} i ${countWords(o.count, 'akt', 'akter')}`);
    return `På frågan ${quoted(c.text)}, där flera svar kunde anges, var de vanligaste svaren${someHidden ? ' bland de redovisade' : ''} ${listSv(top)}, av sammanlagt ${formatNumber(c.total)}.`;
  }
  return pick(
    [
      `På frågan ${quoted(c.text)} var svaret ${quoted(first.label)} vanligast${someHidden ? ' bland de svar som redovisas' : ''}, i ${of(first.count)}${second ? `, följt av ${quoted(second.label)} (${second.count})` : ''}.`,
      `Det vanligaste svaret${someHidden ? ' bland de redovisade' : ''} på frågan ${quoted(c.text)} var ${quoted(first.label)}, med ${of(first.count)}${second ? `; därefter kom ${quoted(second.label)} med ${second.count}` : ''}.`,
    ],
    key,
  );
}

/** A number question's distribution in one line for Bilaga 1. */
function numberLine(q: NumberFact): string {
  if (q.median === null) return `${q.text}: ingen median redovisas, eftersom underlaget är för litet.`;
  const quartiles = q.q1 !== null && q.q3 !== null ? ` (kvartiler ${stat(q.q1)} och ${stat(q.q3)})` : '';
  return `${q.text}: median ${stat(q.median)}${quartiles}${q.n !== null ? `, ${countWords(q.n, 'akt', 'akter')}` : ''}.`;
}

function choiceDetail(c: ChoiceFact): Block[] {
  if (c.total === 0 || c.options.every((o) => o.count === 0)) return para(`Frågan ${quoted(c.text)} har inga svar att redovisa.`);
  const total = c.total === null ? '' : ` (${countWords(c.total, 'akt', 'akter')}${c.multiple ? '; flera svar kunde anges' : ''})`;
  return [
    ...para(`Svaren på frågan ${quoted(c.text)}${total}:`),
    ...bullets(c.options.map((o) => `${o.label}: ${o.count === null ? 'visas inte, eftersom underlaget är för litet' : countWords(o.count, 'akt', 'akter')}`)),
  ];
}

function derivedDetail(m: DerivedFact, key: number): string {
  const sentence = derivedSentence(m, key) ?? `För måttet ${quoted(m.label)} redovisas ingen median, eftersom underlaget är för litet.`;
  const basis = m.n === null ? '' : ` Måttet bygger på ${countWords(m.n, 'akt', 'akter')} där båda uppgifterna fanns.`;
  const excluded = m.excluded === null || m.excluded === 0 ? '' : ` I ${countWords(m.excluded, 'akt', 'akter')} gick måttet inte att räkna fram ur de två uppgifterna${m.kind === 'interval' ? ', till exempel för att datumen låg i omvänd ordning' : ''}.`;
  return `${sentence}${basis}${excluded}`;
}

/** The closing sentence for a weak area: what the result points to. */
function weakClose(area: AreaFacts, all: readonly AreaFacts[]): string | null {
  if (area.percent === null) return null;
  if (standing(all, area) !== 'weakest' && shown(area.percent) >= 50) return null;
  return pick(
    [
      'Utifrån ovanstående tyder granskningen på ett behov av att utveckla arbetet inom området.',
      'Sammantaget pekar resultatet på ett utvecklingsbehov inom området.',
      'Området bör därför ges särskild uppmärksamhet i enheternas fortsatta kvalitetsarbete.',
    ],
    area.index,
  );
}

export interface AreaText {
  blocks: Block[];
  detail: Block[];
}

export function areaText(area: AreaFacts, all: readonly AreaFacts[], notes: AreaNotes): AreaText {
  const figures = sentences(opening(area), comment(area, all), unitSentence(area), standout(area), withheldQuestions(area));
  const derived = area.derived.map((m, i) => derivedSentence(m, area.index + i));
  const choices = area.choices.map((c, i) => choiceSentence(c, area.index + i)).filter((s): s is string => s !== null);
  const measures = sentences(...derived, ...choices.slice(0, 2));
  const material = sentences(findingsSentence(area, notes), dialogueSentence(area, notes), weakClose(area, all));
  const blocks = [...para(figures), ...para(measures), ...para(material)];

  const units = area.units.length > 1 ? [`Andelen ja per enhet: ${listSv(area.units.map((u) => `${u.unit} ${u.percent === null ? 'visas inte (litet underlag)' : pct(u.percent)}`))}.`] : [];
  const detail: Block[] = [
    ...(units.length + area.derived.length + area.numbers.length + area.choices.length > 0 ? [lead('Resultat i siffror')] : []),
    ...para(sentences(...units)),
    ...area.derived.flatMap((m, i) => para(derivedDetail(m, area.index + i + 1))),
    ...(area.numbers.length > 0 ? [...para('Antal enligt akterna:'), ...bullets(area.numbers.map(numberLine))] : []),
    ...area.choices.flatMap(choiceDetail),
    ...findingsDetail(notes),
    ...dialogueDetail(notes),
  ];
  return { blocks, detail };
}
