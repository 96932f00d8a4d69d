import fs from 'node:fs';
import path from 'node:path';
import { SIX_QUALITY_AREAS } from '../../shared/templates/defaults';
import type { Template } from '../../shared/templates/schema';

/**
 * A synthetic study shaped like reference 002 (DOMAIN.md §6): 2,281 children's cases, built
 * deterministically with exact counts per sex and age band, so that the results recomputed from
 * the data give the report's figures. No personal identity numbers: the case list carries sex and
 * age only. Reusable wherever a realistic review is wanted (tests, screenshots).
 *
 * The report's figures and the counts chosen to reproduce them (every share rounds to the report):
 * - cases 2,281: boys 1,255 (55 %), girls 1,026 (45 %)
 * - age bands 0–5 570 (25 %), 6–12 890 (39 %), 13–17 707 (31 %), 18+ 114 (5 %)
 * - investigation opened 935 (41 %): boys 514 (41 %), girls 421 (41 %)
 * - among investigations, school/preschool contacted 264 (28 %): boys 173 (34 %), girls 91 (22 %).
 *   The report's 28 % with 34 % and 22 % needs the low ends of the boys' and girls' rounding
 *   intervals, because boys are 55 % of the investigations rather than half.
 * - child spoken to 468 (50 %); intervention offered 278 (30 % of investigations, 12 % of all
 *   cases — the report's "27 %" is a slip); accepted 185 (two thirds of offers, 20 % of
 *   investigations, 8 % of cases); type offered: family treatment 147 (53 %), contact person or
 *   family 36 (13 %), other 95; re-referral after a completed investigation 281 (30 %).
 * Questions that apply only after an investigation (or an offer) are answered ej_tillampligt
 * where there was none, so their shares are over the applicable cases.
 */

export type Sex = 'M' | 'F';
export type AgeBand = '0-5' | '6-12' | '13-17' | '18+';
type BySex = Record<Sex, number>;

export const REFERENCE_002_TEMPLATE_ID = 'referens-002';
export const REFERENCE_002_UNITS = ['Stadsdel Norr', 'Stadsdel Söder', 'Stadsdel Väster'];

/** The figures as reference 002 publishes them, in whole percent. */
export const REFERENCE_002_REPORTED = {
  cases: 2281,
  sexPercent: { M: 55, F: 45 },
  ageBandPercent: { '0-5': 25, '6-12': 39, '13-17': 31, '18+': 5 },
  investigatedPercent: 41,
  schoolContactedPercent: { total: 28, M: 34, F: 22 },
  childSpokenToPercent: 50,
  offered: 278,
  offeredPercentOfInvestigations: 30,
  /** 278 of 2,281 cases; the report's text says 27 %. */
  offeredPercentOfCases: 12,
  acceptedPercentOfOffers: 67,
  acceptedPercentOfInvestigations: 20,
  acceptedPercentOfCases: 8,
  offeredTypePercent: { familjebehandling: 53, kontaktperson: 13 },
  reReferredPercent: 30,
} as const;

/** The counts the generated files hold, by sex where the results split by sex. */
export interface Reference002Counts {
  cases: BySex & { total: number };
  ageBands: Record<Sex, Record<AgeBand, number>>;
  investigated: BySex;
  schoolContacted: BySex;
  childSpokenTo: BySex;
  offered: BySex;
  accepted: BySex;
  reReferred: BySex;
  offeredType: { familjebehandling: number; kontaktperson: number; annan: number };
}

const AGE_BANDS: readonly AgeBand[] = ['0-5', '6-12', '13-17', '18+'];
const AGES: Record<AgeBand, readonly number[]> = { '0-5': [0, 1, 2, 3, 4, 5], '6-12': [6, 7, 8, 9, 10, 11, 12], '13-17': [13, 14, 15, 16, 17], '18+': [18, 19, 20] };

export const REFERENCE_002_COUNTS: Reference002Counts = {
  cases: { M: 1255, F: 1026, total: 2281 },
  // Each sex split in the study's age shares (largest remainder), the columns summing to the overall bands.
  ageBands: { M: { '0-5': 314, '6-12': 489, '13-17': 389, '18+': 63 }, F: { '0-5': 256, '6-12': 401, '13-17': 318, '18+': 51 } },
  investigated: { M: 514, F: 421 },
  schoolContacted: { M: 173, F: 91 },
  childSpokenTo: { M: 257, F: 211 },
  offered: { M: 153, F: 125 },
  accepted: { M: 102, F: 83 },
  reReferred: { M: 154, F: 127 },
  offeredType: { familjebehandling: 147, kontaktperson: 36, annan: 95 },
};

const janej = [
  { id: 'ja', label: 'Ja' },
  { id: 'nej', label: 'Nej' },
  { id: 'ej_tillampligt', label: 'Ej tillämpligt', applicable: false },
];

export const REFERENCE_002_TEMPLATE: Template = {
  format: 'granskningsmall/1',
  id: REFERENCE_002_TEMPLATE_ID,
  name: 'Referens 002 – barnavårdsärenden (syntetisk)',
  version: 1,
  targetGroup: 'barn',
  description: 'Syntetisk studie med samma fördelningar som referensstudie 002 (2 281 ärenden). Inga verkliga uppgifter.',
  areas: SIX_QUALITY_AREAS.map((a) => ({ ...a })),
  scales: { janej },
  questions: [
    { id: 'U1', area: 'trygghet', type: 'scale', scale: 'janej', required: true, text: 'Inleddes en utredning?' },
    { id: 'U2', area: 'helhetssyn', type: 'scale', scale: 'janej', text: 'Kontaktades skola eller förskola under utredningen?', guidance: 'Ej tillämpligt om ingen utredning inleddes.' },
    { id: 'U3', area: 'sjalvbestammande', type: 'scale', scale: 'janej', text: 'Samtalade handläggaren med barnet under utredningen?', guidance: 'Ej tillämpligt om ingen utredning inleddes.' },
    { id: 'I1', area: 'effektivitet', type: 'choice', text: 'Erbjöds en insats?', guidance: 'Ej tillämpligt om ingen utredning inleddes.', options: janej.map(({ id, label }) => ({ id, label })) },
    { id: 'I2', area: 'sjalvbestammande', type: 'scale', scale: 'janej', text: 'Tackade barnet eller familjen ja till insatsen?', guidance: 'Ej tillämpligt om ingen insats erbjöds.' },
    {
      id: 'I3',
      area: 'kunskapsbaserad',
      type: 'choice',
      text: 'Vilken insats erbjöds?',
      guidance: 'Besvaras bara när en insats erbjöds.',
      options: [
        { id: 'familjebehandling', label: 'Familjebehandling' },
        { id: 'kontaktperson', label: 'Kontaktperson eller kontaktfamilj' },
        { id: 'annan', label: 'Annan insats' },
      ],
    },
    { id: 'R1', area: 'effektivitet', type: 'scale', scale: 'janej', text: 'Aktualiserades ärendet på nytt efter avslutad utredning?', guidance: 'Ej tillämpligt om ingen utredning inleddes.' },
  ],
};

/** `k` of `n` positions marked, spread evenly (Bresenham): every stretch of the list gets its share. */
function spread(n: number, k: number): boolean[] {
  return Array.from({ length: n }, (_, j) => Math.floor(((j + 1) * k) / n) > Math.floor((j * k) / n));
}

/** `counts` as labels over `counts`' total positions, interleaved (smooth weighted round robin). */
function interleave<T extends string>(counts: Record<T, number>): T[] {
  const keys = Object.keys(counts) as T[];
  const total = keys.reduce((sum, key) => sum + counts[key], 0);
  const credit = Object.fromEntries(keys.map((key) => [key, 0])) as Record<T, number>;
  const out: T[] = [];
  for (let i = 0; i < total; i++) {
    for (const key of keys) credit[key] += counts[key];
    const next = keys.reduce((best, key) => (credit[key] > credit[best] ? key : best));
    credit[next] -= total;
    out.push(next);
  }
  return out;
}

interface GeneratedCase {
  ref: string;
  sex: Sex;
  age: number;
  unit: string;
  answers: [string, string][];
}

/** Every case with its answers, boys then girls, each sex in age order. */
export function reference002Cases(): GeneratedCase[] {
  const counts = REFERENCE_002_COUNTS;
  const cases: GeneratedCase[] = [];
  const types = interleave(counts.offeredType);
  let offeredSoFar = 0;
  for (const sex of ['M', 'F'] as const) {
    const n = counts.cases[sex];
    const investigated = spread(n, counts.investigated[sex]);
    const nInv = counts.investigated[sex];
    // Reversed or shifted patterns, so the questions asked after an investigation do not all pick the same cases.
    const school = spread(nInv, counts.schoolContacted[sex]);
    const spokenTo = spread(nInv, counts.childSpokenTo[sex]).reverse();
    const offered = spread(nInv, counts.offered[sex]);
    const reReferred = spread(nInv, counts.reReferred[sex]).reverse();
    const accepted = spread(counts.offered[sex], counts.accepted[sex]);
    const bands = AGE_BANDS.flatMap((band) => Array.from({ length: counts.ageBands[sex][band] }, (_, k) => AGES[band][k % AGES[band].length]));
    let inv = 0;
    let off = 0;
    for (let j = 0; j < n; j++) {
      const yesNo = (yes: boolean) => (yes ? 'ja' : 'nej');
      const answers: [string, string][] = [['U1', yesNo(investigated[j])]];
      if (investigated[j]) {
        const wasOffered = offered[inv];
        answers.push(['U2', yesNo(school[inv])], ['U3', yesNo(spokenTo[inv])], ['I1', yesNo(wasOffered)]);
        if (wasOffered) answers.push(['I2', yesNo(accepted[off++])], ['I3', types[offeredSoFar++]]);
        else answers.push(['I2', 'ej_tillampligt']);
        answers.push(['R1', yesNo(reReferred[inv])]);
        inv++;
      } else {
        for (const id of ['U2', 'U3', 'I1', 'I2', 'R1']) answers.push([id, 'ej_tillampligt']);
      }
      const index = cases.length;
      cases.push({ ref: `R002-${String(index + 1).padStart(4, '0')}`, sex, age: bands[j], unit: REFERENCE_002_UNITS[index % REFERENCE_002_UNITS.length], answers });
    }
  }
  return cases;
}

export interface Reference002Files {
  templateFile: string;
  casesFile: string;
  answersFile: string;
  templateId: string;
  units: string[];
  answerRows: number;
  counts: Reference002Counts;
  reported: typeof REFERENCE_002_REPORTED;
}

/** Writes the template (JSON), the case list (CSV: akt;enhet;kön;ålder) and the answers (long format) to `dir`. */
export function writeReference002(dir: string): Reference002Files {
  fs.mkdirSync(dir, { recursive: true });
  const cases = reference002Cases();
  const templateFile = path.join(dir, 'referens-002-mall.json');
  const casesFile = path.join(dir, 'referens-002-akter.csv');
  const answersFile = path.join(dir, 'referens-002-svar.csv');
  fs.writeFileSync(templateFile, `${JSON.stringify(REFERENCE_002_TEMPLATE, null, 2)}\n`);
  const sexWord = { M: 'pojke', F: 'flicka' };
  fs.writeFileSync(casesFile, ['akt;enhet;kön;ålder', ...cases.map((c) => `${c.ref};${c.unit};${sexWord[c.sex]};${c.age}`)].join('\n') + '\n');
  const rows = cases.flatMap((c) => c.answers.map(([question, answer]) => `${c.ref};${question};${answer};`));
  fs.writeFileSync(answersFile, ['akt;fråga;svar;anteckning', ...rows].join('\n') + '\n');
  return {
    templateFile,
    casesFile,
    answersFile,
    templateId: REFERENCE_002_TEMPLATE_ID,
    units: [...REFERENCE_002_UNITS],
    answerRows: rows.length,
    counts: REFERENCE_002_COUNTS,
    reported: REFERENCE_002_REPORTED,
  };
}
