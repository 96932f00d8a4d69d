import { ANSWER_FILE_LIMITS } from '../shared/import/limits';
import { benchCore, must, time } from './support';

/** Answers import of 1,000,000 rows in long format (50,000 cases × 20 questions), one transaction per file. */
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const core = benchCore();
try {
  const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'oppenvard-barn-0-12', title: 'Bench', referenceDate: '2024-12-31' });
  const caseLines = ['akt;enhet;kön'];
  for (let i = 0; i < CASES; i++) caseLines.push(`A${i};Enhet ${i % 11};${i % 2 ? 'flicka' : 'pojke'}`);
  await must(core, 'cases.import', { reviewId, contentBase64: Buffer.from(caseLines.join('\n')).toString('base64') });
  const { template } = await must<{ template: { questions: { id: string; type: string }[] } }>(core, 'templates.get', { id: 'oppenvard-barn-0-12' });
  const questions = template.questions.filter((q) => q.type === 'scale').slice(0, 20).map((q) => q.id);
  const values = ['ja', 'Delvis', 'nej', 'framgar_ej', 'Ej tillämpligt'];
  // One row per answer; a file holds at most ANSWER_FILE_LIMITS.rows, so the study comes as several files.
  const lines: string[] = [];
  for (let i = 0; i < CASES; i++) for (let q = 0; q < questions.length; q++) lines.push(`A${i};${questions[q]};${values[(i + q) % 5]};${q === 0 ? 'journal 2024-03-12' : ''}`);
  const files: string[] = [];
  for (let at = 0; at < lines.length; at += ANSWER_FILE_LIMITS.rows) {
    files.push(Buffer.from(['akt;fråga;svar;anteckning', ...lines.slice(at, at + ANSWER_FILE_LIMITS.rows)].join('\n')).toString('base64'));
  }
  const imported = await time(`answers.import, ${lines.length.toLocaleString('sv-SE')} rader i ${files.length} filer`, async () => {
    let sum = 0;
    for (const contentBase64 of files) sum += (await must<{ imported: number }>(core, 'answers.import', { reviewId, contentBase64 })).imported;
    return sum;
  });
  if (imported !== lines.length) throw new Error(`imported ${imported}`);
  await time('answers.export av samma svar', () => must(core, 'answers.export', { reviewId }));
} finally {
  core.dispose();
}
