// `npm run bench`: the project's benchmarks, each in a fresh process; figures go in docs/performance.md.
import path from 'node:path';
import { ROOT, run } from './lib.mjs';

const which = process.argv.slice(2);
const all = ['answer-save', 'case-import', 'case-import-xlsx', 'hostile-files', 'answers-file-memory', 'answers-import', 'audit-verify', 'http-body-memory', 'results', 'report', 'report-writing', 'pii-guard', 'server-import-responsiveness'];
let failed = 0;
for (const name of which.length ? which : all) {
  console.log(`\n== ${name}`);
  if (run('tsx', [path.join(ROOT, 'bench', `${name}.ts`)]) !== 0) failed++;
}
process.exit(failed ? 1 : 0);
