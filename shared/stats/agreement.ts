/**
 * Agreement between raters who scored the same items (issue 18: double scoring on purpose). Pure:
 * the same code runs in the core, the renderer and the CLI. The category set is always given
 * (from the frozen template), never inferred from the ratings.
 *
 * - percentAgreement: pairwise share of agreeing ratings
 * - cohenKappa: Cohen's κ (two raters), and weighted κ (linear, quadratic) for ordered categories
 * - fleissKappa, gwetAC1: any number of raters, missing ratings allowed (as irrCAC)
 * - krippendorffAlpha: nominal, ordinal, interval, ratio; missing ratings allowed
 * - bootstrapInterval: 95 % percentile interval, items resampled with the sampler's seeded generator
 * - agreementReport: all of them with intervals and a plain-Swedish reading
 *
 * No statistic returns NaN: where one cannot be computed it says why, in Swedish.
 */
export { ratingsFrom, raterCount, REASONS, type Computed, type Ratings } from './agreement/ratings';
export { percentAgreement } from './agreement/percent-agreement';
export { agreementWeight, cohenKappa, type KappaWeights } from './agreement/cohen';
export { categoryShares, fleissKappa, gwetAC1 } from './agreement/fleiss-gwet';
export { krippendorffAlpha, type AlphaMetric } from './agreement/krippendorff';
export { bootstrapInterval, bootstrapIntervals, DEFAULT_REPLICATES, DEFAULT_SEED, quantile7, type BootstrapOptions, type Interval } from './agreement/bootstrap';
export { KRIPPENDORFF_CONCLUSIONS, KRIPPENDORFF_TENTATIVE, LANDIS_KOCH, LANDIS_KOCH_SCALE_TEXT, landisKochBand } from './agreement/bands';
export { formatFixed, formatRange } from './agreement/format';
export { agreementReport, type AgreementOptions, type AgreementReport, type Statistic } from './agreement/report';
