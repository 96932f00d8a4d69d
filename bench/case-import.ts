import { benchCore, must, TEST_NUMBERS, time } from './support';

/** Case-list import of 100,000 rows (CSV with personal numbers, through dispatch, one transaction). */
const ROWS = 100_000;
const core = benchCore();
try {
  const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'genomlysning-barnarenden', title: 'Bench', referenceDate: '2024-12-31' });
  const lines = ['akt;personnummer;enhet;insats;beslutsdatum'];
  for (let i = 0; i < ROWS; i++) lines.push(`AKT-${i};${TEST_NUMBERS[i % 4]};Enhet ${i % 11};FFT;2024-03-12`);
  const contentBase64 = Buffer.from(lines.join('\r\n')).toString('base64');
  const result = await time(`cases.import, ${ROWS.toLocaleString('sv-SE')} rader (${(contentBase64.length / 1024 / 1024).toFixed(1)} MB base64)`, () =>
    must<{ imported: number }>(core, 'cases.import', { reviewId, contentBase64 }),
  );
  if (result.imported !== ROWS) throw new Error(`imported ${result.imported}`);
  // The review page's case list: one page deep in the list, and a search, each with its total.
  await time(`cases.list, sida 50 akter vid position 90 000 av ${ROWS.toLocaleString('sv-SE')}`, () => must(core, 'cases.list', { reviewId, offset: 90_000, limit: 50 }));
  await time(`cases.list, sökning "akt-9999" bland ${ROWS.toLocaleString('sv-SE')}, första sidan`, () => must(core, 'cases.list', { reviewId, query: 'akt-9999', limit: 50 }));
  await time(`scoring.overview utan urval, ${ROWS.toLocaleString('sv-SE')} akter`, () => must(core, 'scoring.overview', { reviewId }));
} finally {
  core.dispose();
}
