import { krippendorffVerdict, LANDIS_KOCH_SCALE_TEXT, landisKochBand } from './bands';
import { formatFixed, formatRange } from './format';
import { REASONS } from './ratings';
import type { AgreementReport, Statistic } from './report';
import { formatNumber } from '../../util/format-sv';
import { formatPercent } from '../format-stats';

export interface ReadingContext {
  labels: readonly string[];
  /** π_k, each category's share of the ratings. */
  shares?: number[];
  /** The chance agreement κ corrects for (Cohen's with two raters, Fleiss' otherwise). */
  kappaChance?: number;
  ac1Chance?: number;
}

/** Agreement this high with κ this low is the kappa paradox when one category dominates. */
const HIGH_AGREEMENT = 0.8;
const LOW_KAPPA = 0.4;
const DOMINANT_SHARE = 0.8;
/** Below this many items the intervals are wide; the reading says so. */
const FEW_ITEMS = 30;

const quoted = (text: string) => `”${text}”`;
const interval = (s: Statistic) => (s.ci95 ? ` (95\u00a0% konfidensintervall ${formatRange(s.ci95.lower, s.ci95.upper)})` : '');

/** The plain-Swedish reading of an agreement report, one paragraph per entry. */
export function readingOf(report: Omit<AgreementReport, 'reading'>, context: ReadingContext): string[] {
  const paragraphs: string[] = [];
  const pa = report.percentAgreement;
  if (pa.value === null) return [`Överensstämmelsen kan inte beräknas: ${pa.reason ?? REASONS.noPairs}`];

  const how = report.raters === 2 ? 'Bedömarna gav samma svar' : 'Bedömarna gav, jämförda två och två, samma svar';
  paragraphs.push(`${how} i ${formatPercent(pa.value)} av fallen: andelen lika bedömningar är ${formatFixed(pa.value)}${interval(pa)}, räknat över ${formatNumber(report.n)} objekt.`);
  if (report.n < FEW_ITEMS) paragraphs.push(`Med bara ${formatNumber(report.n)} objekt är intervallen breda och värdena osäkra.`);
  paragraphs.push(LANDIS_KOCH_SCALE_TEXT);

  const kappaName = report.cohenKappa ? 'Cohens κ' : 'Fleiss κ';
  const kappa = report.cohenKappa ?? report.fleissKappa;
  const sentences: string[] = [];
  if (kappa.value === null) sentences.push(`${kappaName} kan inte beräknas: ${kappa.reason}`);
  else sentences.push(`${kappaName} är ${formatFixed(kappa.value)}${interval(kappa)}, vilket på skalan är ${quoted(landisKochBand(kappa.value))}.`);
  const linear = report.weightedKappaLinear;
  const quadratic = report.weightedKappaQuadratic;
  if (linear?.value != null && quadratic?.value != null) {
    sentences.push(
      `Med ordnade kategorier räknas ett svar ett steg bort som delvis lika: viktat κ är ${formatFixed(linear.value)} med linjära vikter (${quoted(landisKochBand(linear.value))}) och ${formatFixed(quadratic.value)} med kvadratiska vikter (${quoted(landisKochBand(quadratic.value))}).`,
    );
  }
  const ac1 = report.gwetAC1;
  if (ac1.value === null) sentences.push(`Gwets AC1 kan inte beräknas: ${ac1.reason}`);
  else sentences.push(`Gwets AC1 är ${formatFixed(ac1.value)}${interval(ac1)}, ${quoted(landisKochBand(ac1.value))} på samma skala.`);
  paragraphs.push(sentences.join(' '));

  const alpha = report.krippendorffAlpha;
  const alphaName = `Krippendorffs α (${alpha.metric === 'ordinal' ? 'ordinal' : 'nominal'})`;
  if (alpha.value === null) paragraphs.push(`${alphaName} kan inte beräknas: ${alpha.reason}`);
  else paragraphs.push(`${alphaName} är ${formatFixed(alpha.value, 3)}${interval(alpha)}. ${krippendorffVerdict(alpha.value)}`);

  const paradox = kappaParadox(report, context, kappa, kappaName);
  if (paradox) paragraphs.push(paradox);
  return paragraphs;
}

/**
 * The kappa paradox (Feinstein and Cicchetti 1990): with one category dominating, chance
 * agreement is already high, so κ is low, or undefined, however well the raters agree.
 */
function kappaParadox(report: Omit<AgreementReport, 'reading'>, context: ReadingContext, kappa: Statistic, kappaName: string): string | undefined {
  const pa = report.percentAgreement.value;
  const shares = context.shares;
  if (pa === null || pa < HIGH_AGREEMENT || !shares) return undefined;
  const dominant = shares.reduce((best, share, k) => (share > shares[best] ? k : best), 0);
  if (shares[dominant] < DOMINANT_SHARE) return undefined;
  const label = context.labels[dominant];
  const ac1 = report.gwetAC1.value;
  const pointToAc1 =
    ac1 === null
      ? ''
      : ` Gwets AC1 räknar slumpöverensstämmelsen så att den inte drivs upp av en sned fördelning${context.ac1Chance === undefined ? '' : ` (här ${formatFixed(context.ac1Chance, 3)})`}, och är därför det mått som bör läsas här: ${formatFixed(ac1)}.`;
  if (kappa.value === null) {
    return `${kappaName} går inte att beräkna trots att bedömarna är överens i ${formatPercent(pa)} av fallen: nästan alla svar är ${quoted(label)} (${formatPercent(shares[dominant])}), och när i stort sett bara en kategori används väntas full överensstämmelse redan av en slump.${pointToAc1}`;
  }
  if (kappa.value >= LOW_KAPPA) return undefined;
  const chance = context.kappaChance === undefined ? '' : ` (här ${formatFixed(context.kappaChance, 3)}, mot de observerade ${formatFixed(pa, 3)})`;
  return (
    `Varför ${kappaName} är lågt fast bedömarna nästan alltid är överens: ${formatPercent(shares[dominant])} av alla svar är ${quoted(label)}. ` +
    `När nästan alla svar hamnar i samma kategori väntas bedömarna bli överens ofta redan av en slump${chance}, och κ mäter bara överensstämmelsen utöver den. ` +
    `De få oenigheterna väger då tungt, och κ blir lågt eller till och med negativt. Detta kallas kappaparadoxen (Feinstein och Cicchetti 1990).${pointToAc1}`
  );
}
