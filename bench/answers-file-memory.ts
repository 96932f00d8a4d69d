import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ANSWER_FILE_LIMITS } from '../shared/import/limits';
import { benchCore, must } from './support';

/*
 * Answers files at their limits (shared/import/limits.ts), each imported in a fresh process so the
 * peak RSS printed is that of the import alone. Target, as for case lists: refused or read in
 * under 5 s and under 500 MB.
 */
const CASES = 25_000;
const files: Record<string, (questions: string[]) => string> = {
  // Short lines up to the size limit: refused at the row limit.
  'short-lines-at-size-limit': () => `akt;fråga;svar\n${'A;q;\n'.repeat(Math.floor(ANSWER_FILE_LIMITS.bytes / 5) - 10)}`,
  // Valid answers up to the row limit (25,000 files × 20 questions): read and written, audit trail included.
  'valid-rows-at-row-limit': (questions) => {
    const lines = ['akt;fråga;svar'];
    for (let i = 0; i < CASES && lines.length <= ANSWER_FILE_LIMITS.rows; i++) for (const q of questions) lines.push(`A${i};${q};ja`);
    return lines.slice(0, ANSWER_FILE_LIMITS.rows + 1).join('\n');
  },
};

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--one') {
  await importOne(process.argv[3]);
} else {
  console.log('file | size | outcome | time | peak RSS');
  for (const name of Object.keys(files)) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--one', name], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    console.log(child.stdout.trim().split('\n').pop());
  }
}

async function importOne(name: string): Promise<void> {
  const core = benchCore();
  try {
    const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
    const caseList = ['akt;enhet', ...Array.from({ length: CASES }, (_, i) => `A${i};E`)].join('\n');
    await must(core, 'cases.import', { reviewId, contentBase64: Buffer.from(caseList).toString('base64') });
    const { template } = await must<{ template: { questions: { id: string; type: string }[] } }>(core, 'templates.get', { id: 'oppenvard-barn-0-12' });
    const text = files[name](template.questions.filter((q) => q.type === 'scale').slice(0, 20).map((q) => q.id));
    const start = performance.now();
    const result = await core.dispatch('answers.import', { reviewId, contentBase64: Buffer.from(text).toString('base64'), validRowsOnly: true });
    const seconds = (performance.now() - start) / 1000;
    const outcome = result.ok ? `${(result.value as { imported: number }).imported} svar importerade` : `${result.error.code}: ${result.error.message.slice(0, 70)}`;
    console.log(`${name} | ${(text.length / 1024 / 1024).toFixed(1)} MB | ${outcome} | ${seconds.toFixed(2)} s | ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    core.dispose();
  }
}
