import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { checkAnswersAgainstTrail, checkAuditChains, checkAuditOnOpen, checkAuditTriggers, OPEN_CHECK_LAST_ROWS } from '../main/core/db/audit-chain/check';
import { createCore } from '../main/core/core';
import { passesQuickCheck } from '../main/core/db/integrity';
import { benchCore, must } from './support';

/**
 * What checking the audit trail costs when a database opens: 1,000,000 chained audit rows
 * (50,000 cases × 10 answers, each written and changed once, through the real triggers), then
 * each part of the check alone and a whole open of the file as the app does it.
 */
const CASES = 50_000;
const QUESTIONS = 10;
const core = benchCore();
const ms = (start: number) => `${((performance.now() - start) / 1000).toFixed(2)} s`;
try {
  const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
  let start = performance.now();
  core.db.transaction(() => {
    core.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CASES})
      INSERT INTO case_file (id, review_id, ref, unit, sex, imported_at) SELECT 'c' || i, '${reviewId}', 'AKT-' || i, 'Enhet ' || (i % 4), 'F', 'x' FROM n`);
    core.db.exec(`WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < ${QUESTIONS})
      INSERT INTO answer (case_id, question_id, value, note, updated_at, updated_by) SELECT c.id, 'Q' || j, 'ja', 'Anteckning om journal 2024-03-12', '2026-01-01T08:00:00.000Z', 'Anna' FROM case_file c, q`);
    core.db.exec(`UPDATE answer SET value = 'nej', updated_at = '2026-01-02T08:00:00.000Z', updated_by = 'Bo'`);
  })();
  const rows = core.db.prepare('SELECT COUNT(*) FROM answer_audit').pluck().get() as number;
  console.log(`writing ${rows.toLocaleString('en')} audit rows through the triggers (hash per row): ${ms(start)}`);

  start = performance.now();
  checkAuditTriggers(core.db);
  console.log(`trigger check: ${((performance.now() - start) * 1000).toFixed(0)} µs`);
  start = performance.now();
  if (!checkAuditOnOpen(core.db).ok) throw new Error('open check failed');
  console.log(`check on open (triggers, end of the trail, last ${OPEN_CHECK_LAST_ROWS.toLocaleString('en')} links): ${ms(start)}`);
  start = performance.now();
  const chain = checkAuditChains(core.db);
  if (!chain.ok || chain.checked !== rows) throw new Error('chain did not verify');
  console.log(`hash chain, every row: ${ms(start)}`);
  start = performance.now();
  if (checkAnswersAgainstTrail(core.db)) throw new Error('answers do not match the trail');
  console.log(`answers replayed against the trail: ${ms(start)}`);
  start = performance.now();
  passesQuickCheck(core.db);
  console.log(`PRAGMA quick_check: ${ms(start)}`);

  const file = path.join(core.dir, 'bench.sqlite');
  core.close();
  start = performance.now();
  const reopened = createCore({ dbPath: file, actor: 'bench' });
  console.log(`whole open (the integrity check on open — quick_check and each table's integrity_check above 80 MiB — then the audit check): ${ms(start)}${reopened.auditProblem ? ' — BROKEN' : ''}`);
  reopened.close();
} finally {
  core.dispose();
}
