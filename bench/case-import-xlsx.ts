import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { benchCore, must, TEST_NUMBERS } from './support';

/**
 * Case-list import of 100,000 rows as .xlsx beside the same rows as CSV (bench/case-import.ts's
 * columns and content), each into a fresh review through dispatch. The Excel file is what Excel
 * itself writes: shared strings, and the decision date as a real date cell.
 */
const ROWS = 100_000;
const core = benchCore();
try {
  const csvLines = ['akt;personnummer;enhet;insats;beslutsdatum'];
  for (let i = 0; i < ROWS; i++) csvLines.push(`AKT-${i};${TEST_NUMBERS[i % 4]};Enhet ${i % 11};FFT;2024-03-12`);
  const csv = Buffer.from(csvLines.join('\r\n'));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Akter');
  sheet.addRow(['akt', 'personnummer', 'enhet', 'insats', 'beslutsdatum']);
  const decided = new Date(Date.UTC(2024, 2, 12));
  for (let i = 0; i < ROWS; i++) sheet.addRow([`AKT-${i}`, TEST_NUMBERS[i % 4], `Enhet ${i % 11}`, 'FFT', decided]);
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  const seconds: Record<string, number> = {};
  for (const [format, bytes] of [['CSV', csv], ['xlsx', xlsx]] as const) {
    const { id: reviewId } = await must<{ id: string }>(core, 'reviews.create', { templateId: 'genomlysning-barnarenden', title: `Bench ${format}`, referenceDate: '2024-12-31' });
    const start = performance.now();
    const result = await must<{ imported: number }>(core, 'cases.import', { reviewId, fileName: `akter.${format.toLowerCase()}`, contentBase64: bytes.toString('base64') });
    seconds[format] = (performance.now() - start) / 1000;
    if (result.imported !== ROWS) throw new Error(`${format}: imported ${result.imported}`);
    console.log(`cases.import ${format}, ${ROWS.toLocaleString('sv-SE')} rader (${(bytes.length / 1024 / 1024).toFixed(1)} MB): ${seconds[format].toFixed(2)} s`);
  }
  console.log(`xlsx/CSV: ${(seconds.xlsx / seconds.CSV).toFixed(2)}× (target: within 2×)`);
} finally {
  core.dispose();
}
