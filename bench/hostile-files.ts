import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hostileFiles } from '../test/support/hostile-xlsx';
import { benchCore, must } from './support';

/*
 * Hostile and oversized case lists (test/support/hostile-xlsx.ts): each is written to disk, then
 * imported as a preview (cases.import with dryRun, the path the CLI and UI take) in a fresh
 * process, so the peak RSS printed is that of the import alone. The target is: refused or read
 * in under 5 s and under 500 MB.
 */
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--one') {
  await importOne(process.argv[3]);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-hostile-'));
  try {
    console.log('file | size | outcome | time | peak RSS');
    for (const file of hostileFiles) {
      const target = path.join(dir, file.name);
      fs.writeFileSync(target, file.bytes());
      const child = spawnSync(process.execPath, [...process.execArgv, self, '--one', target], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${file.name}: ${child.stderr}`);
      const { outcome, seconds, rssMb } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { outcome: string; seconds: number; rssMb: number };
      const expected = file.refusal ? file.refusal.test(outcome) : outcome.startsWith(`${file.read!.cases} akter`);
      console.log(`${file.name} | ${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB | ${outcome.slice(0, 90)} | ${seconds.toFixed(2)} s | ${rssMb} MB${expected ? '' : '  << UNEXPECTED'}`);
      fs.rmSync(target);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function importOne(file: string): Promise<void> {
  const core = benchCore();
  try {
    const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'genomlysning-barnarenden', title: 'Bench', referenceDate: '2024-12-31' });
    const start = performance.now();
    const contentBase64 = fs.readFileSync(file).toString('base64');
    const result = await core.dispatch('cases.import', { reviewId, fileName: path.basename(file), contentBase64, dryRun: true });
    const seconds = (performance.now() - start) / 1000;
    const outcome = result.ok ? `${(result.value as { rows: number; rejected: unknown[] }).rows - (result.value as { rejected: unknown[] }).rejected.length} akter lästa, ${(result.value as { rejected: unknown[] }).rejected.length} avvisade` : `${result.error.code}: ${result.error.message}`;
    console.log(JSON.stringify({ outcome, seconds, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } finally {
    core.dispose();
  }
}
