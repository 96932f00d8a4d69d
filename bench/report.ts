import { performance } from 'node:perf_hooks';
import { renderBilaga1 } from '../main/core/report/docx/bilaga';
import { renderMemo } from '../main/core/report/docx/memo';
import type { ReportRenderInput } from '../shared/report/render-input';
import { buildReportFixture } from '../test/support/report-fixture';

/**
 * The Word renderer (issue 9): the memo and Bilaga 1 for the 36-file review of reference 003 and
 * for a study of 2,301 files (the size of reference 002, every file counted). Building the review
 * through the core is not measured; each document is timed cold (the first in the process: module
 * set-up, JIT, resvg's font scan) and then as the median of warm runs. Target: < 2 s for 36 files.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function time(label: string, render: (input: ReportRenderInput) => Promise<Buffer>, input: ReportRenderInput): Promise<void> {
  let start = performance.now();
  const first = await render(input);
  const cold = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    await render(input);
    warm.push(performance.now() - start);
  }
  console.log(`${label}: first ${ms(cold)}, median of ${RUNS} ${ms(median(warm))} (max ${ms(Math.max(...warm))}), ${(first.length / 1024).toFixed(0)} KB`);
}

const cases = [
  { label: '36 files (3 units × 12 drawn of 15)', options: { casesPerUnit: 15, samplePerUnit: 12 } },
  { label: '2,301 files (3 units × 767, every file)', options: { casesPerUnit: 767, samplePerUnit: null } },
];

for (const { label, options } of cases) {
  const start = performance.now();
  const fixture = await buildReportFixture(options);
  try {
    console.log(`\n${label}: review built in ${((performance.now() - start) / 1000).toFixed(1)} s (not measured)`);
    await time('  memo (tjänsteutlåtande)', renderMemo, fixture.input);
    await time('  Bilaga 1', renderBilaga1, fixture.input);
    const both = performance.now();
    await Promise.all([renderMemo(fixture.input), renderBilaga1(fixture.input)]);
    console.log(`  memo + Bilaga 1 together: ${ms(performance.now() - both)}`);
  } finally {
    fixture.dispose();
  }
}
