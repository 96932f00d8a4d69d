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
import { publishedShare } from '../disclosure/share';
import { suppressTable } from '../disclosure/suppress';
import { compareSexes } from '../stats/verdict';
import { YES_ID, type Sex } from './shape';

const SEXES: readonly Sex[] = ['F', 'M', 'U'];
const SHARE_KEYS = ['F', 'M', 'U', 'total'] as const;
type ShareKey = (typeof SHARE_KEYS)[number];

/** Per share block: is the `ja` cell hidden, and is anything in its column hidden. */
type Hidden = Record<ShareKey, { yes: boolean; column: boolean }>;

/** The published view of internal results, suppressing counts 1..threshold−1. `answerOrders` gives each question's answers in template order. */
export function publishResults(results: InternalResults, answerOrders: ReadonlyMap<string, readonly string[]>, threshold: number): PublishedResults {
  const questions = results.questions.map((q) => publishQuestion(q, answerOrders.get(q.questionId) ?? [], threshold));
  const areas = results.areas.map((area) => {
    const shares = questions.filter((q) => q.areaId === area.areaId && q.share !== null).map((q) => q.share!);
    return { areaId: area.areaId, name: area.name, share: area.share === null || shares.length === 0 ? null : poolShares(shares) };
  });
  return { ...results, view: 'published', threshold, basis: publishBasis(results.basis, threshold), questions, areas };
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
    return { ...q, answered, counts: [], share, verdict: q.verdict && share ? publishVerdict(q.verdict, share) : q.verdict };
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
  return { ...q, answered, counts, share, verdict: q.verdict && share ? publishVerdict(q.verdict, share) : q.verdict };
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
  // The standard sentence, from the one place that words it (with nothing to compare it is always too_small).
  const { text } = compareSexes({ yes: 0, applicable: 0 }, { yes: 0, applicable: 0 }, 'barn');
  return { code: 'too_small', text };
}
