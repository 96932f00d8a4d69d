/**
 * The band scale the readings use for κ, weighted κ and AC1: Landis and Koch (1977). It is the
 * scale most published reliability studies report against, so a reader can compare; its limits
 * are a convention, not a test, which is why every reading also gives the 95 % interval.
 * Krippendorff's α is read against Krippendorff's own limits (2004: α ≥ 0.800 for conclusions,
 * 0.667 ≤ α < 0.800 for tentative ones only), which is how α is reported in the literature.
 */
export const LANDIS_KOCH: readonly { upTo: number; label: string }[] = [
  { upTo: 0, label: 'sämre än slumpen' },
  { upTo: 0.2, label: 'obetydlig' },
  { upTo: 0.4, label: 'svag' },
  { upTo: 0.6, label: 'måttlig' },
  { upTo: 0.8, label: 'betydande' },
  { upTo: Infinity, label: 'nästan fullständig' },
];

/** The Landis–Koch band of a value, in Swedish ("måttlig"). Below 0 is worse than chance; 0 itself is "obetydlig". Rounded to two decimals first. */
export function landisKochBand(value: number): string {
  // The bands are written with two decimals (0,21–0,40): a value is placed as it is shown.
  value = Math.round(value * 100) / 100;
  if (value < 0) return LANDIS_KOCH[0].label;
  return LANDIS_KOCH.slice(1).find((band) => value <= band.upTo)!.label;
}

export const LANDIS_KOCH_SCALE_TEXT =
  'Värdena läses mot Landis och Kochs skala (1977): under 0 sämre än slumpen, 0–0,20 obetydlig, 0,21–0,40 svag, 0,41–0,60 måttlig, ' +
  '0,61–0,80 betydande och 0,81–1 nästan fullständig överensstämmelse. Skalan används för att den är den vanligaste i publicerade ' +
  'studier av bedömares överensstämmelse, så att värdena kan jämföras med andras. Gränserna är en konvention och inget test; ' +
  'konfidensintervallet visar hur säkert värdet är.';

export const KRIPPENDORFF_CONCLUSIONS = 0.8;
export const KRIPPENDORFF_TENTATIVE = 0.667;

/** Krippendorff's reading of α, in Swedish. */
export function krippendorffVerdict(alpha: number): string {
  if (alpha >= KRIPPENDORFF_CONCLUSIONS) return 'Det når Krippendorffs gräns 0,800 för att data ska anses tillförlitliga.';
  if (alpha >= KRIPPENDORFF_TENTATIVE) return 'Det ligger mellan Krippendorffs gränser 0,667 och 0,800: data räcker bara för försiktiga slutsatser.';
  return 'Det ligger under Krippendorffs lägsta gräns 0,667: bedömningarna är inte tillräckligt samstämmiga för att dra slutsatser av.';
}
