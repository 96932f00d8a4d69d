import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { testCore } from '../test/support/core';
import { actAs, completed, writtenReview } from '../test/support/written-review';

/**
 * Writing and approving the memo (issue 15), on the review shaped like reference 003 with findings
 * and dialogue meetings (test/support/written-review.ts; building it is not measured):
 * - report.get, which lists what is incomplete (readiness) on every call the editor makes after a save;
 * - the first draft rewritten from the review (report.regenerate with dryRun: the publication set,
 *   the findings, the meetings and the writing, nothing stored);
 * - the last approval, which writes the memo and Bilaga 1 once, audits them and keeps the bytes;
 * - an export of the approved memo (the kept bytes, checked against their SHA-256).
 * Medians of BENCH_RUNS runs (default 5) after one warm-up.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(label: string, run: () => Promise<unknown>, runs = RUNS): Promise<void> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  console.log(`${label}: median ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)} ms, ${runs} runs)`);
}

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const core = testCore();
try {
  const { reviewId } = await writtenReview(core);
  const report = await core.call('report.get', { reviewId });
  await core.call('report.save', { reviewId, revision: report.revision, draft: completed(report.draft) });
  await timed('report.get (with readiness)', () => core.call('report.get', { reviewId }));
  await timed('first draft from the review (regenerate, dry run)', async () => {
    const { revision } = await core.call('report.get', { reviewId });
    return core.call('report.regenerate', { reviewId, revision, dryRun: true });
  });
  // The last approval, reopened between runs so each run freezes anew.
  const approvals: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await actAs(core, 'avdelningschef');
    await core.call('report.submit', { reviewId });
    await core.call('report.approve', { reviewId });
    await actAs(core, 'socialdirektor');
    const start = performance.now();
    await core.call('report.approve', { reviewId });
    if (i > 0) approvals.push(performance.now() - start);
    if (i < RUNS) await core.call('report.reopen', { reviewId, reason: 'Mätning' });
  }
  console.log(`last approval (memo and Bilaga 1 written, audited and kept): median ${median(approvals).toFixed(0)} ms (max ${Math.max(...approvals).toFixed(0)} ms, ${RUNS} runs)`);
  await timed('export of the approved memo (kept bytes)', () => core.call('report.export', { reviewId, document: 'memo' }));
} finally {
  core.dispose();
}
