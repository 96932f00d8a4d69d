/**
 * The published view of a review's results (issue 8 §2, DOMAIN.md §4). Pure: it takes the internal
 * results and removes what could point at a child. The rules, one per figure:
 *
 * 1. Counts. Per question, the table answer × sex (rows: the answers in template order, columns F, M,
 *    U) with its totals is suppressed by suppressTable (primary: 1..threshold−1; secondary: until no
 *    hidden cell can be worked back from the margins). Only this table is published: unit and age
 *    band are aggregated away (null), because their slices would link to it through shared margins
 *    (see shared/disclosure/table.ts, "Scope"). Every answer × sex cell is listed, zeros included, so
 *    a null always means "suppressed" and never "absent".
 * 2. Share figures (yes, applicable, other, notApplicable) of one sex. `yes` is the `ja` cell of that
 *    sex's column and is null exactly when that cell is suppressed. The other three are sums over
 *    the column (or, for a multiple choice, counts of files rather than cells), so they are published
 *    only when nothing in the column — its total included — is suppressed; otherwise they are null.
 *    The `total` block does the same with the row-totals column.
 * 3. Percent: publishedShare(yes, applicable) with the smallest denominator 10: null, with the
 *    reason in `withheld`, where either figure is null or fewer than 10 are applicable.
 * 4. Area shares pool their questions: a pooled figure is published only if every question's figure
 *    it sums is published (one hidden term would be the pooled sum minus the published rest).
 * 5. `answered`: null where the table's grand total is suppressed (for a single answer it IS that
 *    total), and, for questions without a table (date, number, text), where it is 1..threshold−1.
 * 6. Basis: the files by sex are a table of one row (F, M, U, total = `files`), suppressed the same
 *    way. `done` is a count of finished files, not of children in a group, and stays.
 * 7. Verdict: kept only where the percent of both girls and boys (women and men) is published;
 *    otherwise `too_small` with the standard sentence — a verdict must not rest on withheld figures.
 * 8. Split groups (`by`): per group only percentages are published, never counts (each group's
 *    counts would be a further table linked to rule 1's through shared margins). A group's percent
 *    is shown where at least 10 are applicable and neither the `ja` answers nor the other
 *    applicable answers number 1..threshold−1 (a percent and a small complement give a small count
 *    away). The files per group × sex are one suppressed table whose totals row is the basis, and
 *    the basis is then published from that table, so the two cannot disagree.
 * 9. Distributions (numbers, derived intervals and ratios): n is suppressed like a count; mean,
 *    median and quartiles are shown only where n ≥ 10; min and max never (an extreme is one child).
 *    `excluded` of a derived measure is a count and suppressed like one.
 * 10. The dimensions offered for filters: a case-list attribute's value is named only where at
 *    least `threshold` counted files have it (withoutRareAttributeValues in main/core/results, which
 *    has the counts).
 */
import type {
  InternalResults,
  PublishedCell,
  PublishedQuestionResult,
  PublishedResults,
  PublishedShareBySex,
  PublishedShareCounts,
  QuestionResult,
  ShareBySex,
  ShareCounts,
} from '../contract/results';
import type { Distribution, DistributionBySex, PublishedDistribution, PublishedDistributionBySex } from '../contract/results-parts';
import { DEFAULT_MIN_SHARE_DENOMINATOR, publishedShare } from '../disclosure/share';
import { suppressTable } from '../disclosure/suppress';
import { TOO_SMALL_SENTENCE } from '../stats/verdict';
import { YES_ID, type Sex } from './shape';

const SEXES: readonly Sex[] = ['F', 'M', 'U'];
const SHARE_KEYS = ['F', 'M', 'U', 'total'] as const;
type ShareKey = (typeof SHARE_KEYS)[number];

/** Per share block: is the `ja` cell hidden, and is anything in its column hidden. */
type Hidden = Record<ShareKey, { yes: boolean; column: boolean }>;

/** The published view of internal results (its comparison is added by the caller, which has the earlier review), suppressing counts 1..threshold−1. `answerOrders` gives each question's answers in template order. */
export function publishResults(results: InternalResults, answerOrders: ReadonlyMap<string, readonly string[]>, threshold: number): PublishedResults {
  const questions = results.questions.map((q) => {
    const published = publishQuestion(q, answerOrders.get(q.questionId) ?? [], threshold);
    return { ...published, groups: q.groups && q.groups.map((g) => ({ value: g.value, label: g.label, answered: null, share: g.share && publishGroupShare(g.share, threshold) })), distribution: q.distribution && publishDistributionBySex(q.distribution, threshold) };
  });
  const areas = results.areas.map((area) => {
    const shares = questions.filter((q) => q.areaId === area.areaId && q.share !== null).map((q) => q.share!);
    return { areaId: area.areaId, name: area.name, share: area.share === null || shares.length === 0 ? null : poolShares(shares) };
  });
  const { groups, basis } = publishSplitFiles(results, threshold);
  const derived = results.derived.map((m) => ({
    ...m,
    excluded: hideSmall(m.excluded, threshold),
    bySex: publishDistributionBySex(m.bySex, threshold),
    groups: m.groups && m.groups.map((g) => ({ value: g.value, label: g.label, distribution: publishDistribution(g.distribution, threshold) })),
  }));
  return { ...results, view: 'published', threshold, basis, split: { ...results.split, groups }, questions, areas, derived, comparison: null };
}

const hideSmall = (n: number, threshold: number): number | null => (n >= 1 && n < threshold ? null : n);

/** Rule 8, the files: one table group × sex; without a split, the one-row table of the basis. */
function publishSplitFiles(results: InternalResults, threshold: number): { groups: PublishedResults['split']['groups']; basis: PublishedResults['basis'] } {
  const groups = results.split.groups;
  if (!groups) return { groups: null, basis: publishBasis(results.basis, threshold) };
  const hidden = suppressTable(groups.map((g) => SEXES.map((sex) => g.files[sex])), { threshold }).suppressed;
  const cell = (row: number, col: number, value: number) => (hidden[row][col] ? null : value);
  const totals = groups.length;
  const { bySex, files, done } = results.basis;
  return {
    groups: groups.map((g, row) => ({ value: g.value, label: g.label, files: { F: cell(row, 0, g.files.F), M: cell(row, 1, g.files.M), U: cell(row, 2, g.files.U), total: cell(row, 3, g.files.total) } })),
    basis: { files: cell(totals, 3, files), done, bySex: { F: cell(totals, 0, bySex.F), M: cell(totals, 1, bySex.M), U: cell(totals, 2, bySex.U) } },
  };
}

/** Rule 8, a group's share: percentages only. */
function publishGroupShare(share: ShareBySex, threshold: number): PublishedShareBySex {
  const block = (c: ShareCounts): PublishedShareCounts => {
    const base = { yes: null, applicable: null, other: null, notApplicable: null };
    const small = (n: number) => n >= 1 && n < threshold;
    if (c.applicable < DEFAULT_MIN_SHARE_DENOMINATOR) return { ...base, percent: null, withheld: 'denominator-too-small' };
    if (small(c.yes) || small(c.applicable - c.yes)) return { ...base, percent: null, withheld: 'numerator-suppressed' };
    return { ...base, percent: (100 * c.yes) / c.applicable, withheld: null };
  };
  return { F: block(share.F), M: block(share.M), U: block(share.U), total: block(share.total) };
}

/** Rule 9. */
export function publishDistribution(d: Distribution, threshold: number): PublishedDistribution {
  const enough = d.n >= DEFAULT_MIN_SHARE_DENOMINATOR;
  return { n: hideSmall(d.n, threshold), mean: enough ? d.mean : null, median: enough ? d.median : null, q1: enough ? d.q1 : null, q3: enough ? d.q3 : null, min: null, max: null };
}

function publishDistributionBySex(d: DistributionBySex, threshold: number): PublishedDistributionBySex {
  return { F: publishDistribution(d.F, threshold), M: publishDistribution(d.M, threshold), U: publishDistribution(d.U, threshold), total: publishDistribution(d.total, threshold) };
}

function publishBasis(basis: InternalResults['basis'], threshold: number): PublishedResults['basis'] {
  const { bySex } = basis;
  const hidden = suppressTable([SEXES.map((sex) => bySex[sex])], { threshold }).suppressed[0];
  const count = (col: number, value: number) => (hidden[col] ? null : value);
  return { files: count(3, basis.files), done: basis.done, bySex: { F: count(0, bySex.F), M: count(1, bySex.M), U: count(2, bySex.U) } };
}

function publishQuestion(q: QuestionResult, order: readonly string[], threshold: number): PublishedQuestionResult {
  // Answers outside the template's order (none expected) still get a row: nothing is dropped silently.
  const answers = [...order, ...new Set(q.counts.map((c) => c.answer).filter((a) => !order.includes(a)))];
  // Without a table (date, number, text, or a question with no answer ids) only `answered` is left to protect.
  if (answers.length === 0) {
    const share = q.share && publishShare(q.share, null);
    const answered = q.answered >= 1 && q.answered < threshold ? null : q.answered;
    return { ...q, answered, counts: [], share, verdict: q.verdict && share ? publishVerdict(q.verdict, share) : q.verdict, groups: null, distribution: null };
  }
  const table = answers.map((answer) => SEXES.map((sex) => q.counts.filter((c) => c.answer === answer && c.sex === sex).reduce((sum, c) => sum + c.count, 0)));
  const suppressed = suppressTable(table, { threshold }).suppressed;
  const counts: PublishedCell[] = answers.flatMap((answer, row) =>
    SEXES.map((sex, col) => ({ answer, sex, unit: null, ageBand: null, count: suppressed[row][col] ? null : table[row][col] })),
  );
  const yesRow = answers.indexOf(YES_ID);
  const hidden = Object.fromEntries(
    SHARE_KEYS.map((key, col) => [key, { yes: yesRow !== -1 && suppressed[yesRow][col], column: suppressed.some((line) => line[col]) }]),
  ) as Hidden;
  const share = q.share && publishShare(q.share, hidden);
  const answered = suppressed[answers.length][SEXES.length] ? null : q.answered;
  return { ...q, answered, counts, share, verdict: q.verdict && share ? publishVerdict(q.verdict, share) : q.verdict, groups: null, distribution: null };
}

function publishShare(share: ShareBySex, hidden: Hidden | null): PublishedShareBySex {
  const block = (key: ShareKey) => publishCounts(share[key], hidden ? hidden[key].yes : false, hidden ? hidden[key].column : false);
  return { F: block('F'), M: block('M'), U: block('U'), total: block('total') };
}

function publishCounts(counts: ShareCounts, yesHidden: boolean, columnHidden: boolean): PublishedShareCounts {
  const hide = (value: number, hidden: boolean) => (hidden ? null : value);
  return withPercent({
    yes: hide(counts.yes, yesHidden),
    applicable: hide(counts.applicable, columnHidden),
    other: hide(counts.other, columnHidden),
    notApplicable: hide(counts.notApplicable, columnHidden),
    percent: null,
    withheld: null,
  }, counts);
}

/** Adds percent and withheld from the published figures; `actual` gives the true values behind any null. */
function withPercent(published: PublishedShareCounts, actual: ShareCounts): PublishedShareCounts {
  const result = publishedShare(
    { count: actual.yes, suppressed: published.yes === null },
    { count: actual.applicable, suppressed: published.applicable === null },
  );
  return result.shown ? { ...published, percent: result.share * 100, withheld: null } : { ...published, percent: null, withheld: result.reason };
}

function poolShares(shares: readonly PublishedShareBySex[]): PublishedShareBySex {
  const pool = (key: ShareKey): PublishedShareCounts => {
    const sum = (field: keyof ShareCounts) => shares.reduce<number | null>((acc, s) => (acc === null || s[key][field] === null ? null : acc + s[key][field]), 0);
    const published = { yes: sum('yes'), applicable: sum('applicable'), other: sum('other'), notApplicable: sum('notApplicable'), percent: null, withheld: null };
    // Behind a null the true value does not matter to publishedShare (a hidden figure is withheld first); 0 keeps it well-formed.
    const yes = published.yes ?? 0;
    const applicable = published.applicable ?? Math.max(yes, 0);
    return withPercent(published, { yes, applicable, other: 0, notApplicable: 0 });
  };
  return { F: pool('F'), M: pool('M'), U: pool('U'), total: pool('total') };
}

function publishVerdict(verdict: NonNullable<QuestionResult['verdict']>, share: PublishedShareBySex): NonNullable<QuestionResult['verdict']> {
  if (share.F.percent !== null && share.M.percent !== null) return verdict;
  return { code: 'too_small', text: TOO_SMALL_SENTENCE };
}
