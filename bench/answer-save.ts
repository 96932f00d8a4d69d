import { performance } from 'node:perf_hooks';
import { benchCore, must, percentile } from './support';

/** Answer save through dispatch on a file database: p50/p99 over 10,000 saves. */
const SAVES = 10_000;
const core = benchCore();
try {
  const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
  const rows = ['akt;enhet'];
  for (let i = 0; i < 400; i++) rows.push(`A${i};Enhet ${i % 3}`);
  await must(core, 'cases.import', { reviewId, contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
  const { cases } = await must<{ cases: { id: string }[] }>(core, 'cases.list', { reviewId });
  const view = await must<{ template: { questions: { id: string; type: string }[] } }>(core, 'scoring.caseView', { reviewId, caseId: cases[0].id });
  const scaleQuestions = view.template.questions.filter((q) => q.type === 'scale').map((q) => q.id);
  const values = ['ja', 'delvis', 'nej', 'framgar_ej', 'ej_tillampligt'];
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const input = { reviewId, caseId: cases[i % cases.length].id, questionId: scaleQuestions[i % scaleQuestions.length], value: values[i % values.length], note: i % 10 === 0 ? 'Anteckning om journal 2024-03-12' : undefined };
    const start = performance.now();
    const result = await core.dispatch('answers.save', input);
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  times.sort((a, b) => a - b);
  console.log(`answers.save via dispatch, ${SAVES} saves (WAL, synchronous=FULL): p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
} finally {
  core.dispose();
}
