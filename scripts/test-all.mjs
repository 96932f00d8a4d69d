// `npm test`: every check the project has, in order, then one plain totals line
// ("N passed, N failed, N skipped") that CI and people can read. Type-check and lint count as one
// check each; the test suites count their tests.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildAll } from './build.mjs';
import { ensureChromium } from './chromium.mjs';
import { ROOT, env, run } from './lib.mjs';

const results = path.join(ROOT, 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function check(name, code) {
  if (code === 0) totals.passed++;
  else {
    totals.failed++;
    failedStages.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(results, file), 'utf8'));
  } catch {
    return undefined;
  }
}

function suite(name, code, file, count) {
  const report = readJson(file);
  if (!report) {
    // The runner died before writing its report: count the suite as one failure.
    totals.failed++;
    failedStages.push(`${name} (ingen rapport)`);
    return;
  }
  const c = count(report);
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  if (code !== 0 && c.failed === 0) {
    totals.failed++;
    failedStages.push(`${name} (slutkod ${code})`);
  } else if (c.failed > 0) failedStages.push(name);
}

const vitestCount = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) });
const playwrightCount = (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped });

console.log('\n== Typkontroll (tsc)');
check('typkontroll', run('tsc', ['-p', 'tsconfig.json', '--noEmit']));

console.log('\n== Lint (eslint, inklusive körtidsgränserna)');
check('lint', run('eslint', ['.', '--max-warnings=0']));

console.log('\n== Enhets-, integrations- och gränssnittstester (vitest)');
suite('vitest', run('vitest', ['run']), 'vitest.json', vitestCount);

console.log('\n== Bygge');
let built = true;
try {
  await buildAll({ quiet: true });
  totals.passed++;
} catch (error) {
  built = false;
  totals.failed++;
  failedStages.push(`bygge: ${error.message}`);
}

/** How many tests a Playwright config holds (`--list`), for counting a suite that cannot run as skipped. */
function countPlaywrightTests(config) {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const listed = spawnSync(process.execPath, [cli, 'test', '-c', config, '--list'], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 120_000 });
  const total = /Total: (\d+) tests?/.exec(listed.stdout ?? '');
  return total ? Number(total[1]) : 1;
}

if (built) {
  console.log('\n== End-to-end i Chromium (Playwright mot webbläsarläget)');
  // A fresh machine gets a browser where it can; where it cannot, one line says what to install and the suite counts as skipped.
  if (await ensureChromium()) suite('e2e', run('playwright', ['test', '-c', 'test/e2e/playwright.config.ts']), 'e2e.json', playwrightCount);
  else totals.skipped += countPlaywrightTests('test/e2e/playwright.config.ts');
  console.log('\n== Electron-röktest (Playwright _electron)');
  suite('electron', run('playwright', ['test', '-c', 'test/electron/playwright.config.ts']), 'electron.json', playwrightCount);
}

if (failedStages.length) console.log(`\nMisslyckades: ${failedStages.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
