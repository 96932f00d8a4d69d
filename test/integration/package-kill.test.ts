import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { approvedPackage, packageFolderProblems } from '../support/approved-package';
import type { TestCore } from '../support/core';
import { ROOT } from '../support/server-process';
import { textSink } from '../support/text-sink';
import { mulberry32 } from '../../shared/sampling/prng';

/*
 * Issue 16: kill -9 during `granska package <id> --out <mapp>` (a real process), then run the same
 * command again, as a user would. Right after the kill the target folder is either complete (every
 * file of manifest.json with its checksum, nothing else) or absent — never half — though a hidden
 * temporary folder may be left beside it; after the rerun the package is complete and no temporary
 * remains. Half of the kills come at seeded random moments of the whole run; the other half when
 * the temporary folder appears (watched with fs.watch) plus 0–64 ms, so they land while the files
 * are being written. KILL_TRIALS_SEED=<seed> replays the random moments.
 */

const SEED = Number(process.env.KILL_TRIALS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RANDOM_TRIALS = 8;
const ON_SIGHT_DELAYS_MS = [0, 1, 2, 4, 8, 16, 32, 64];
/** Trials run this many at a time, so the suite takes seconds rather than a minute. */
const BATCH = 4;

/** The project's Node 22, so bin/granska.mjs runs the command itself (no hand-over child to outlive the kill). */
const NODE = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : path.join(ROOT, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

type KillAt = { afterMs: number } | { onSightPlusMs: number } | undefined;

interface Run {
  killed: boolean;
  code: number | null;
  ms: number;
}

const isTemporaryOf = (target: string) => (name: string) => name.startsWith(`.${path.basename(target)}.`) && name.endsWith('.tmp');
const temporariesBeside = (target: string) => fs.readdirSync(path.dirname(target)).filter(isTemporaryOf(target));

/** Runs `granska package`; kills it with SIGKILL at `killAt` unless it finished first. */
function runPackage(db: string, reviewId: string, target: string, killAt: KillAt): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(NODE, [path.join(ROOT, 'bin', 'granska.mjs'), '--db', db, 'package', reviewId, '--out', target], { env: { ...process.env, GRANSKA_DB: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    const kill = () => {
      if (child.exitCode === null) killed = child.kill('SIGKILL');
    };
    let timer: NodeJS.Timeout | undefined;
    let watcher: fs.FSWatcher | undefined;
    if (killAt && 'afterMs' in killAt) timer = setTimeout(kill, killAt.afterMs);
    if (killAt && 'onSightPlusMs' in killAt) {
      const plus = killAt.onSightPlusMs;
      watcher = fs.watch(path.dirname(target), (_event, name) => {
        if (name === null || !isTemporaryOf(target)(String(name))) return;
        watcher?.close();
        if (plus === 0) kill();
        else timer = setTimeout(kill, plus);
      });
    }
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      watcher?.close();
      if (!killed && code !== 0) reject(new Error(`granska package failed (${code}): ${stderr}`));
      else resolve({ killed, code, ms: performance.now() - start });
    });
  });
}

let fixture: { core: TestCore; reviewId: string };
let wholeMs = 0;
const landings: string[] = [];

beforeAll(async () => {
  fixture = await approvedPackage({ appendices: 2 });
  fixture.core.close();
  console.log(`package-kill seed: ${SEED} (replay: KILL_TRIALS_SEED=${SEED})`);
}, 120_000);

afterAll(() => {
  if (landings.length) console.log(`package-kill (seed ${SEED}):\n  ${landings.join('\n  ')}`);
  fs.rmSync(fixture.core.dir, { recursive: true, force: true });
});

/** The state right after the kill: the folder complete or absent, never half. */
function observe(target: string): { landed: string; leftTemporary: boolean } {
  const leftTemporary = temporariesBeside(target).length > 0;
  if (!fs.existsSync(target)) return { landed: leftTemporary ? 'under skrivningen: ingen mapp, dold mapp kvar' : 'före skrivningen: ingen mapp', leftTemporary };
  expect(packageFolderProblems(target), target).toEqual([]);
  return { landed: leftTemporary ? 'efter namnbytet: hel mapp, dold mapp kvar (?)' : 'efter namnbytet: hel mapp', leftTemporary };
}

/** The same command again, in this process (the tidying code is the same; its pid is alive and not the killed one's). */
async function rerun(target: string): Promise<number> {
  const err = textSink();
  const code = await runCli(['--db', fixture.core.dbPath, 'package', fixture.reviewId, '--out', target], { stdout: textSink().stream, stderr: err.stream, env: {}, cwd: path.dirname(target) });
  if (code !== 0) expect(err.text()).toContain('finns redan och är inte en tom mapp');
  return code;
}

describe('kill -9 during granska package --out <mapp> (seeded; see the printed seed)', () => {
  it('leaves the folder complete or absent, and the next run leaves a complete package and no temporary', { timeout: 240_000 }, async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-package-kill-'));
    try {
      // Calibrate under the same load as the trials: BATCH whole runs at once, each a complete folder.
      const calibration = await Promise.all(
        Array.from({ length: BATCH }, async (_, i) => {
          const target = path.join(base, `kalibrering-${i}`, 'nämndpaket');
          fs.mkdirSync(path.dirname(target));
          const run = await runPackage(fixture.core.dbPath, fixture.reviewId, target, undefined);
          expect(packageFolderProblems(target)).toEqual([]);
          expect(temporariesBeside(target)).toEqual([]);
          return run.ms;
        }),
      );
      wholeMs = Math.max(...calibration);
      landings.push(`hela körningar, ${BATCH} samtidigt: ${calibration.map((ms) => Math.round(ms)).join(', ')} ms`);

      const next = mulberry32(SEED);
      const random = () => next() / 2 ** 32; // in [0, 1)
      const trials: { name: string; killAt: KillAt }[] = [
        ...Array.from({ length: RANDOM_TRIALS }, (_, i) => ({ name: `slump-${i + 1}`, killAt: { afterMs: Math.round(wholeMs * (0.4 + 0.7 * random())) } })),
        ...ON_SIGHT_DELAYS_MS.map((plus) => ({ name: `vid-synen+${plus}`, killAt: { onSightPlusMs: plus } })),
      ];
      let temporariesLeft = 0;
      let complete = 0;
      for (let from = 0; from < trials.length; from += BATCH) {
        await Promise.all(
          trials.slice(from, from + BATCH).map(async ({ name, killAt }) => {
            const target = path.join(base, name, 'nämndpaket');
            fs.mkdirSync(path.dirname(target));
            const run = await runPackage(fixture.core.dbPath, fixture.reviewId, target, killAt);
            const { landed, leftTemporary } = observe(target);
            if (leftTemporary) temporariesLeft++;
            if (fs.existsSync(target)) complete++;
            const code = await rerun(target);
            // After the rerun: the package complete, and nothing hidden beside it.
            expect(packageFolderProblems(target)).toEqual([]);
            expect(temporariesBeside(target)).toEqual([]);
            expect(fs.readdirSync(path.dirname(target))).toEqual(['nämndpaket']);
            const when = 'afterMs' in killAt! ? `efter ${killAt.afterMs} ms` : `när den dolda mappen syntes + ${killAt!.onSightPlusMs} ms`;
            landings.push(`${name}: kill ${when}${run.killed ? '' : ' (processen var redan klar)'} → ${landed} → nytt försök: ${code === 0 ? 'paketet skrevs' : 'vägrades (mappen fanns redan)'}, inga dolda mappar kvar`);
          }),
        );
      }
      landings.push(`${trials.length} försök: ${temporariesLeft} lämnade en dold mapp (borta efter nästa körning), ${complete} hann skriva hela mappen, ${trials.length - complete} ingen mapp`);
      expect(landings).toHaveLength(trials.length + 2);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
